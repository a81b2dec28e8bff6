"""Who issued a report, and so its region: read only from the places that name the issuer.

Places, most telling first: the title, an issuer line above the body, the signature under it;
then the page's 来源 / 发布机构 / 发文机关 field and the subject of the opening sentence
(`2022年，XX县坚持…`), which only settle or fill in, never override. Each place is read by
`regions.parse_chain`: the region names at its start, then what follows them —
- 人民政府 / 政府, or nothing but the year and the report's name: the government of the region;
- another body (司法局, 生态环境厅, 发展和改革委员会 …): a department of that government;
- a 镇 / 乡 / 街道 / 苏木: a township of that county or district;
- a name that looks like a region (XX区人民政府) but is not in the table for the year: unknown.

A website's name (杭州市人民政府门户网站, 张家港市政务网, in a banner or a 来源 field), the page's
breadcrumb trail (首页 > 徐汇区 > 街道) and the addressee under a title (张家港市人民政府:) are *hosts*: the region they name may settle a shared name or a lone
township's county, never decide the region on its own.

A report never falls back to a parent region: a township of an unnamed county, or a district our
table does not know under a named city, is rejected with what was found; so is a development zone
with no code of its own. A name shared by several regions (鼓楼区) is settled by the parent named
in any place, else rejected with the candidates.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from fazhi import regions
from fazhi.ingest.reject import Reject
from fazhi.regions import Region

# Printed before the issuer's name: 中共…委 is a party committee issuing jointly; 关于 opens a title;
# 国家税务总局 heads the name of its local bureaus.
# A column label in brackets (【省政府法治建设报告】) or a document number glued to the title
# (长政发〔2021〕1号) may stand before all of it.
LEAD = re.compile(
    r"^(?:[【\[][^】\]]{1,30}[】\]]\s*)?"
    r"(?:[\u4e00-\u9fff]{1,10}[〔\[(（﹝](?:19|20)\d{2}[〕\])）﹞]\s*\d{1,4}\s*号\s*)?"
    # (…委 may head a working committee of its own: 中共重庆市委教育工作委员会重庆市教育委员会)
    r"(?:(?:中共|中国共产党)[\u4e00-\u9fff]{2,20}?委(?:员会)?(?:[\u4e00-\u9fff]{2,8}?工作委员会)?\s*)?"
    r"(?:关于)?\s*"
    # A cover letter sending the report (关于报送《浦东新区…局2021年度…报告》的报告): the report's
    # own title, in the book-title marks, names its issuer.
    r"(?:(?:报送|呈报|上报|印送|报备)《)?"
    # A local bureau of the vertically managed tax administration (国家税务总局昆山市税务局).
    r"(?:国家税务总局\s*)?"
    r"(?:(?:19|20)\d{2}\s*年度?\s*)?")
GOVERNMENT = re.compile(r"^(?:人民政府|政府)(?!办公|部门)")
# What may follow a region's name when the region itself is the subject: a year, the report's
# name, a date, nothing.
SUBJECT_TAIL = re.compile(r"^(?:$|\s|关于|[(（]|(?:19|20)\d{2}|法治|依法|年度|全面|推进)")
TOWNSHIP = re.compile(
    r"^([\u4e00-\u9fff]{1,10}?(?:镇|乡|街道|街|苏木))"
    r"(?=人民政府|政府|办事处|党委|党工委|关于|(?:19|20)\d{2}|$|法治|依法)"
)
LOOKS_LIKE_REGION = re.compile(
    r"^([\u4e00-\u9fff]{1,8}?(?:自治县|自治旗|自治州|地区|新区|市|区|县|旗|州|盟))"
    r"(?=人民政府|政府|关于|(?:19|20)\d{2}|$|法治|依法)"
)
# A body of a government: ends like an office, bureau, commission, centre …
BODY = re.compile(
    r"^([\u4e00-\u9fff()（）]{1,24}?(?:人民政府办公室|人民政府办公厅|委员会|办公室|办公厅|管理局|"
    r"局|厅|委|办|院|署|中心|所|队|处|站|会))(?=关于|(?:19|20)\d{2}|$|法治|依法|\s)"
)
# What an opening sentence's subject does first (2020年,桐庐县坚持…, …司法局在县委…领导下).
OPENING_VERB = (r"(?:坚持|认真|深入|全面|紧紧|始终|持续|围绕|以|在|高度|扎实|着力|不断|"
                r"贯彻|按照|紧扣|聚焦|立足|牢牢|切实)")
OPENING_SUBJECT = re.compile(rf"^(?:人民政府|政府)?{OPENING_VERB}")
# A department as the subject of the report's opening sentence (2021年,缙云县司法局在县委…领导下):
# its name up to the first office suffix followed by such a verb.
OPENING_DEPARTMENT = re.compile(
    rf"^([\u4e00-\u9fff]{{1,20}}?(?:委员会|办公室|办公厅|管理局|局|厅|委|办|署|中心))(?={OPENING_VERB})"
)
# A department named by its government's level alone (市水务局, 县司法局, 区教育局 — how a
# department's own pages print it): whose it is only a host naming one government of that level
# can say (`settle`).
LEVEL_DEPARTMENT = re.compile(
    r"^([省市县区州旗盟])([\u4e00-\u9fff]{1,16}?(?:委员会|办公室|管理局|局|厅|委|办|署))"
    r"(?=关于|(?:19|20)\d{2}|法治|依法|\s|$|" + OPENING_VERB + ")")
ALIAS = re.compile(r"(?P<zone>[\u4e00-\u9fff]{2,10})\((?P<inner>[\u4e00-\u9fff]{2,12})\)")
# Functional areas without a code of their own (高新区, 经开区, 大鹏新区 …; 浦东新区 and 滨海新区 are
# in the region table and never reach this).
ZONE = re.compile(r"(?:高新|经开|开发|新|园|试验|合作|保税|自贸)区$")
META_ISSUER_KEYS = ("发布机构", "发布单位", "发文机关", "发文单位", "来源", "信息来源", "文章来源", "稿件来源")


@dataclass
class Finding:
    """What one place says about the issuer."""
    place: str
    text: str
    kind: str  # government | department | township | unknown | none
    candidates: tuple[Region, ...] = ()
    issuer: str | None = None  # the issuer's name as printed, when the place prints it
    township: str | None = None
    unknown_name: str | None = None
    names: tuple[str, ...] = field(default_factory=tuple)
    level: str | None = None  # 市 of 市水务局: a department named by its government's level alone


# A website's name (杭州市人民政府门户网站, 张家港市政务网): the host of a page, never its issuer;
# the region it names may only settle a shared name or a lone township's county.
WEBSITE = re.compile(r"(?:人民政府|政府)?(?:门户网站|网站|门户网|政务网|信息网|之窗|网)$")


# A site's Chinese domain name printed as its banner: 中文域名:天津市宝坻区人民政府.政务
DOMAIN_NAME = re.compile(r"^中文域名\s*:\s*|\.(?:政务|公益)$")


def read_place(place: str, text: str, year: int) -> Finding:
    """What a place (title, signature …) says about the issuer, by the names at its start."""
    text = DOMAIN_NAME.sub("", text.strip())
    if site := WEBSITE.search(text):
        owner = regions.parse_chain(LEAD.sub("", text[:site.start()], count=1), year)
        return Finding(place, text, "host", owner.candidates, names=owner.names)
    lead = LEAD.match(text).end()
    chain = regions.parse_chain(text[lead:], year)
    alias = ALIAS.match(text, lead)
    if not chain.candidates and alias:
        # 高新区(新市区)人民政府: a zone's name with the district it is in parentheses.
        inner = regions.parse_chain(alias["inner"], year)
        if inner.candidates and inner.end == len(alias["inner"]):
            return read_place(place, alias["inner"] + text[alias.end():], year)
        # 经开区(杨舍镇): a zone sharing one administration with the town in parentheses.
        town = TOWNSHIP.match(alias["inner"] + text[alias.end():])
        if town and town.end() == len(alias["inner"]):
            return Finding(place, text, "township", issuer=alias.group(), township=alias["inner"])
    rest = text[lead + chain.end:]
    head = text[lead:lead + chain.end]
    if chain.candidates:
        if GOVERNMENT.match(rest):
            gov = GOVERNMENT.match(rest)
            if m := TOWNSHIP.match(rest[gov.end():]):  # 鲤城区人民政府金龙街道办事处
                after = rest[gov.end():]
                return Finding(place, text, "township", chain.candidates,
                               head + rest[:gov.end()] + after[:_body_end(after, m.end())],
                               township=m[1], names=chain.names)
            return Finding(place, text, "government", chain.candidates, head + rest[:gov.end()],
                           names=chain.names)
        if m := TOWNSHIP.match(rest):
            return Finding(place, text, "township", chain.candidates,
                           head + rest[:_body_end(rest, m.end())], township=m[1], names=chain.names)
        if m := LOOKS_LIKE_REGION.match(rest):
            return Finding(place, text, "unknown", chain.candidates, unknown_name=m[1],
                           names=chain.names)
        if SUBJECT_TAIL.match(rest):
            return Finding(place, text, "government", chain.candidates, None, names=chain.names)
        if m := BODY.match(rest):
            return Finding(place, text, "department", chain.candidates, head + m[1],
                           names=chain.names)
        return Finding(place, text, "none", names=chain.names)
    if m := TOWNSHIP.match(rest):
        return Finding(place, text, "township", township=m[1])
    if m := LOOKS_LIKE_REGION.match(rest):
        return Finding(place, text, "unknown", unknown_name=m[1])
    if m := LEVEL_DEPARTMENT.match(rest):
        return Finding(place, text, "department", issuer=m[0], level=m[1])
    return Finding(place, text, "none")


def _body_end(rest: str, start: int) -> int:
    """End of a township's body name (人民政府, 办事处) after its name."""
    m = re.match(r"(?:人民政府|政府|办事处|街道办事处)?", rest[start:])
    return start + m.end()


def _label(found: tuple[Region, ...], year: int) -> str:
    def full(r: Region) -> str:
        chain = [a.name for a in reversed(regions.ancestors(r, year))]
        return "".join(chain + [r.name])
    return "; ".join(f"{r.code} {full(r)}" for r in found)


def _compatible(r: Region, others: tuple[Region, ...], year: int) -> bool:
    return any(regions.is_within(r, o, year) or regions.is_within(o, r, year) for o in others)


def _levelled_department(named: Finding, findings: list[Finding], year: int) -> "Issuer":
    """市水务局 (a department named by its level alone) on a page whose other places (banner,
    breadcrumb, site name, source field) name exactly one government of that level (武汉市): that
    government's department, its issuer kept as printed (市水务局). A place of another level (a
    city's banner over 区教育局) is never taken for it: the page is rejected."""
    owners = {r.code: r for f in findings if not f.level for r in f.candidates
              if r.name.endswith(named.level)}
    if len(owners) != 1:
        found = ("; ".join(f"{r.code} {r.name}" for r in owners.values()) if owners
                 else f"no {named.level}-level region")
        raise Reject(
            f"the {named.place} names {named.issuer!r}, a department named by its level "
            f"({named.level}) alone, and the page's other places name {found}: give region_code "
            "(and issuer) in data/raw/sources.csv")
    owner = next(iter(owners.values()))
    return Issuer(owner, "department", named.issuer)


@dataclass
class Issuer:
    region: Region
    issuer_type: str  # government | department | township
    issuer: str | None  # as printed, when a place printed it
    township: str | None = None


def settle(findings: list[Finding], year: int) -> Issuer:
    """The issuer and its region from what the places say (see the module docstring)."""
    # A host (a website's name, an addressee) never decides, wherever it stands.
    primary = [f for f in findings
               if f.place in ("title", "issuer_line", "signature") and f.kind != "host"]
    secondary = [f for f in findings if f not in primary]
    for f in primary:
        if f.kind == "unknown" and ZONE.search(f.unknown_name):
            raise Reject(
                f"the {f.place} names {f.unknown_name!r}, a development zone or new area: it has no "
                "GB/T 2260 code of its own, so its reports are not filed under any region by "
                "guess; give the region_code they belong to (and the issuer) in data/raw/sources.csv")
        if f.kind == "unknown":
            where = f"under {f.names[-1]} " if f.names else ""
            raise Reject(
                f"the {f.place} names {f.unknown_name!r}, which is not a region {where}in force in "
                f"{year} in the region table: check the year, or give region_code in "
                "data/raw/sources.csv")
    useful = [f for f in primary if f.candidates or f.kind == "township"]
    if not useful and (named := next((f for f in findings if f.level), None)):
        return _levelled_department(named, findings, year)
    if not useful:
        useful = [f for f in secondary if (f.candidates or f.kind == "township") and f.kind != "host"]
        secondary = [f for f in secondary if f.kind == "host"]
    if not useful:
        raise Reject(
            "no issuer naming a region found in the title, the signature or the page's source "
            "field: give region_code (and issuer) in data/raw/sources.csv")
    with_regions = [f for f in useful if f.candidates]
    if not with_regions:
        # A township named alone, on a page whose banner or source field names one county or
        # district: the township's own site is part of its county's.
        counties = {r.code: r for f in secondary for r in f.candidates
                    if r.level in regions.COUNTY_LEVELS}
        township = next((f for f in useful if f.kind == "township"), None)
        if township is not None and len(counties) == 1:
            return Issuer(next(iter(counties.values())), "township", township.issuer or
                          township.township, township.township)
        f = useful[0]
        raise Reject(
            f"township {f.township!r} is named without its county or district: give region_code "
            "of its county in data/raw/sources.csv")
    # The title decides when it names a region; otherwise the deepest place does. The others
    # must agree with it and may narrow it down, never deepen it.
    with_regions.sort(key=lambda f: (f.place != "title", -max(r.depth for r in f.candidates)))
    candidates = with_regions[0].candidates
    for f in with_regions[1:]:
        narrowed = tuple(r for r in candidates if _compatible(r, f.candidates, year))
        if not narrowed:
            raise Reject(
                f"the {with_regions[0].place} names {_label(candidates, year)} but the {f.place} "
                f"names {_label(f.candidates, year)}: give region_code in data/raw/sources.csv")
        candidates = narrowed
    for f in secondary:
        if f.candidates:
            narrowed = tuple(r for r in candidates if _compatible(r, f.candidates, year))
            candidates = narrowed or candidates
    if len(candidates) > 1:
        raise Reject(
            f"ambiguous region {with_regions[0].names[-1]!r}: {_label(candidates, year)}; the text "
            "names no parent that settles it: give region_code in data/raw/sources.csv")
    region = candidates[0]
    township = next((f for f in useful if f.kind == "township"), None)
    if township is not None:
        if region.level not in regions.COUNTY_LEVELS and regions.has_county_children(region, year):
            raise Reject(
                f"township {township.township!r} is named under {region.name} without its county "
                "or district: give region_code of its county in data/raw/sources.csv")
        return Issuer(region, "township", township.issuer, township.township)
    decisive = with_regions[0]
    kind = decisive.kind
    printed = next((f.issuer for f in useful if f.issuer and f.kind == kind), None)
    return Issuer(region, "department" if kind == "department" else "government", printed)
