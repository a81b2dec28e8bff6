"""Cleaned text → report metadata: title, issuer, region, report year, publish date.

Detection reads the simplified view of the text, so a traditional-character copy gives the same
metadata as a simplified one. A row of data/raw/sources.csv overrides any detected field. What
cannot be settled raises Reject with what was found and how to fix it.
"""

from __future__ import annotations

import datetime as dt
import re

from fazhi import regions
from fazhi.chinese import simplified
from fazhi.ingest import issuer
from fazhi.ingest.clean import Cleaned
from fazhi.ingest.reject import Reject
from fazhi.numerals import parse_digits, parse_ordinal

# Keys whose value is the page's publication date, best first. 今天是 is a site clock, never used.
# The page's own dates first; the document's (发文, 成文, 生成) only when the page prints none.
PUBLISH_KEYS = ("发布日期", "发布时间", "公开日期", "公开时间", "日期", "时间", "更新时间", "信息提供日期",
                "发文日期", "发文时间",
                "成文日期", "成文时间", "公文生成日期")
# A report delivered to a people's congress prints the day under its title:
# ——2021年4月29日在朝阳区第十六届人民代表大会常务委员会第三十七次会议上
DELIVERED_ON = re.compile(
    r"^(?:[—-]{1,2}|\()\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*在")
# A page title often carries the site's name after the report's: …的报告_应主动公开的其他政府信息
SITE_SUFFIX = re.compile(r"(?<=报告|情况|总结|打算)\s*[_|｜\-–—].{0,60}$")
# An information-disclosure table prints the title as a cell: 标 题 XX关于…的报告 / - 标题: …
TITLE_CELL = re.compile(r"^[-*•·]?\s*(?:标\s?题|信息名称|文件名称)\s*:?\s*")
TITLE_CUE = re.compile(r"(?:法治|依法行政|法制)")
# …的报告, maybe with the year after it in brackets: 法治政府建设年度报告(2023年度)
TITLE_END = re.compile(r"(?:报告|情况|总结|打算)(?:\((?:19|20)\d{2}年度?\))?$")
# A title printed in book-title marks: 《大理白族自治州2022年法治政府建设情况报告》
TITLE_MARKS = re.compile(r"^《([^《》]+)》$")
# A title with the day it was posted printed after it: …情况报告 (2025-03-26).
TITLE_DATE = re.compile(
    r"(?<=报告|情况|总结|打算)\s*[(\[【]\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[)\]】]$")
YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
YEAR_OPENING = re.compile(r"^((?:19|20)\d{2})年(?:度)?[,，以来]")
YEAR_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*((?:19|20)\d{2})年")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
DATE_LINE = re.compile(r"^[(\[【]?\s*((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*[)\]】]?$")
SIGNATURE_DATE = re.compile(
    r"^([〇零○O一二三四五六七八九\d]{4})年([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日$"
)
# A line that is only a body's name: an issuer line above the body or a signature under it.
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff()（）]{2,30}$")
# 2022年, (在市委、市政府的坚强领导下,) XX县坚持…: the year, and a leading 在…下 phrase, stand
# before the subject of the opening sentence.
YEAR_LEAD = re.compile(r"^(?:19|20)\d{2}年度?(?:以来)?[,，]?(?:在[^,，。;；]{2,80}下[,，])?")

# Below these a file is a title or a fragment, not a report.
MIN_BODY_CHARS = 100
MIN_BODY_SENTENCES = 2
# A sentence ends at 。!?; and, on pages that print ASCII punctuation, at a full stop after a
# Chinese character (依法行政. 现将…).
HAN = re.compile(r"[\u4e00-\u9fff]")  # the Chinese characters counted in a body
SENTENCE_END = re.compile(r"[。!?;]|(?<=[\u4e00-\u9fff])\.(?!\d)")

OVERRIDABLE = ("title", "issuer", "issuer_type", "region_name", "region_code", "report_year",
               "publish_date")


def _parse_date(value: str) -> str | None:
    m = DATE.search(value)
    if not m:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


# --- metadata detection -----------------------------------------------------------------------


BREADCRUMB_STEP = re.compile(r"\s*(?:>|/|→|»|›|:)\s*")
# The section of a site printed after its owner's name under the title (杭州市上城区人民政府 政府信息公开).
SITE_SECTION = re.compile(r"^(?:政府信息公开|信息公开|政务公开)(?:平台|专栏|网)?$")
# 张家港市人民政府: / 市委、市政府: — a line addressing the report to a government.
ADDRESSEE = re.compile(r"^[\u4e00-\u9fff、]{2,24}(?:人民政府|政府)[:：]$")
NO_ISSUER_AFTER_GUANYU = re.compile(r"关于\s*(?:(?:19|20)\d{2}|法治|依法|全面|推进|本)")


def find_title(header_lines: list[str]) -> str | None:
    """The report's title: a short line above the body naming rule-of-law work and ending as a
    report's name does (报告, 情况, 总结), maybe split over two lines; a site name after it is cut."""
    for i, line in enumerate(header_lines):
        line = TITLE_MARKS.sub(r"\1", SITE_SUFFIX.sub("", TITLE_DATE.sub("", TITLE_CELL.sub("", line, count=1))))
        if len(line) > 80 or not TITLE_CUE.search(line) or line.endswith("。"):
            continue
        title = line
        if not TITLE_END.search(title) and i + 1 < len(header_lines):
            nxt = header_lines[i + 1]
            if TITLE_CUE.search(nxt) and TITLE_END.search(SITE_SUFFIX.sub("", nxt)):
                continue  # the next line is a whole title: this one is a breadcrumb or a banner
            if len(nxt) <= 40 and TITLE_END.search(nxt):
                title += nxt
        if TITLE_END.search(title):
            # 石柱土家族自治县公安局 / 关于2025年法治政府建设工作情况的报告: one title on two lines.
            # (Only when the title names no issuer of its own after 关于: a banner above
            # 关于浦东新区司法局…的报告 is the site's owner.)
            if (NO_ISSUER_AFTER_GUANYU.match(title) and i
                    and ISSUER_LINE.match(header_lines[i - 1].replace(" ", ""))):
                title = header_lines[i - 1] + title
            return re.sub(r"(?<=\S) (?=\S)", "", title)
    return None


def signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) printed under the report's last paragraph, if any."""
    signed_by = date = None
    for line in lines[-3:]:
        m = SIGNATURE_DATE.match(line)
        if m:
            try:
                date = dt.date(parse_digits(m[1]), parse_ordinal(m[2]), parse_ordinal(m[3])).isoformat()
            except ValueError:
                date = None
        elif len(line) <= 30 and ISSUER_LINE.match(line):
            signed_by = line
    return signed_by, date


def find_year(title: str | None, lines: list[str]) -> int | None:
    """The year the report covers: from the title, else the body's opening, else a top heading."""
    if title:
        m = YEAR_IN_TITLE.search(title)
        if m:
            return int(m[1])
    for line in lines[:8]:
        m = YEAR_OPENING.match(line)
        if m:
            return int(m[1])
    for line in lines:
        m = YEAR_HEADING.match(line)
        if m:
            return int(m[1])
    return None


def find_publish_date(page_meta: dict[str, str], signature_date: str | None,
                      header_lines: list[str] = ()) -> str | None:
    """The page's publish date, else the signature date, else the day a report was delivered to
    a people's congress (printed under its title), else a date alone on a line above the body;
    never a site clock (今天是)."""
    for key in PUBLISH_KEYS:
        if key in page_meta:
            parsed = _parse_date(page_meta[key])
            if parsed:
                return parsed
    if signature_date:
        return signature_date
    # The day of delivery to a congress, else a date alone on a line above the body, maybe in
    # brackets: (2024年3月28日), [2024-03-28], else one printed after the title.
    for pattern in (DELIVERED_ON, DATE_LINE, TITLE_DATE):
        for line in header_lines:
            if m := pattern.search(line) if pattern is TITLE_DATE else pattern.match(line):
                try:
                    return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
                except ValueError:
                    return None
    return None


def require_body(cleaned: Cleaned) -> None:
    """Reject a file that is not a report: a title, page furniture, a few words, no sentences."""
    body = "\n".join(cleaned.text.split("\n")[len(cleaned.header_lines):])
    n_chars = len(HAN.findall(body))
    n_sentences = len(SENTENCE_END.findall(body))
    if n_chars < MIN_BODY_CHARS or n_sentences < MIN_BODY_SENTENCES:
        raise Reject(
            f"not a report: below the title there are only {n_chars} Chinese characters in "
            f"{n_sentences} sentences (a report has at least {MIN_BODY_CHARS} in "
            f"{MIN_BODY_SENTENCES}); save the page's full text")


def issuer_places(cleaned: Cleaned, title: str | None, lines: list[str],
                  year: int) -> list[issuer.Finding]:
    """What each place that names the issuer says (see `fazhi.ingest.issuer`)."""
    found = []
    if title:
        found.append(issuer.read_place("title", title, year))
    header = [simplified(line).strip() for line in cleaned.header_lines[:10]]
    # An issuer line stands under the title (a site banner above it names the site, not the
    # issuer: a province's report re-posted on a county's site).
    after_title = next((i + 1 for i, line in enumerate(header) if title and line in title), None)
    for line in header[after_title:] if after_title is not None else []:
        if line != title and len(line) <= 30 and ISSUER_LINE.match(line):
            finding = issuer.read_place("issuer_line", line, year)
            if finding.kind in ("government", "department", "township") and finding.issuer:
                found.append(finding)
                break
    # The addressee under the title (张家港市人民政府:) is the superior the report goes to: like a
    # site's owner, it may settle a lone township's county or a shared name, never decide.
    for line in lines[:3]:
        if ADDRESSEE.match(line):
            finding = issuer.read_place("addressee", line.rstrip(":："), year)
            if finding.candidates:
                finding.kind = "host"
                found.append(finding)
            break
    for line in lines[len(cleaned.header_lines):][-3:]:  # under the body, never the banner
        if len(line) <= 30 and ISSUER_LINE.match(line):
            finding = issuer.read_place("signature", line, year)
            if finding.kind != "none":
                found.append(finding)
    # The site's banner (the lines above the title) names who runs the site: it may settle a
    # shared name or a township's county, never decide on its own.
    for line in header[:after_title - 1] if after_title else []:
        if len(line) <= 40:
            banner = issuer.read_place("page banner", line.split(" ")[0], year)
            if banner.candidates:
                found.append(banner)
                break
    # A page without a title whose last header line, under a banner, is an issuer's name alone
    # (杭州市人民政府门户网站 / 余杭区人民政府): that line is the report's issuer line.
    if not title and len(header) >= 2 and len(header[-1]) <= 30 and ISSUER_LINE.match(header[-1]):
        finding = issuer.read_place("issuer_line", header[-1], year)
        if finding.kind in ("government", "department") and finding.candidates:
            found.append(finding)
    # A page without a title: its furniture lines name the site's owner, a host only.
    for line in header if not title else []:
        if len(line) <= 40:
            banner = issuer.read_place("page banner", line.split(" ")[0], year)
            if banner.candidates:
                banner.kind = "host"
                found.append(banner)
                break
    # The same, printed under the title with the site's section (杭州市上城区人民政府 政府信息公开).
    for line in header[after_title:] if after_title is not None else []:
        owner, _, section = line.partition(" ")
        if SITE_SECTION.match(section) and len(owner) <= 30:
            banner = issuer.read_place("page banner", owner, year)
            if banner.candidates:
                found.append(banner)
                break
    # The breadcrumb trail (首页 > 徐汇区 > 街道) names where the page sits on its site: a host.
    for step in BREADCRUMB_STEP.split(cleaned.page_meta.get("breadcrumb", "")):
        trail = issuer.read_place("breadcrumb", step.strip(), year)
        if trail.candidates:
            trail.kind = "host"
            found.append(trail)
            break
    for key in issuer.META_ISSUER_KEYS:
        value = cleaned.page_meta.get(key)
        if value:
            found.append(issuer.read_place(f"page field {key}", simplified(value), year))
    for line in lines[:6]:
        if line == title or line in cleaned.header_lines:
            continue
        body = YEAR_LEAD.sub("", line, count=1)
        if body != line:
            chain = regions.parse_chain(body, year)
            rest = body[chain.end:]
            if chain.candidates and issuer.OPENING_SUBJECT.match(rest):
                found.append(issuer.Finding("opening sentence", body, "government",
                                            chain.candidates, None, names=chain.names))
            elif not chain.candidates and (levelled := issuer.LEVEL_DEPARTMENT.match(body)):
                # 2023年,市市场监管局在市委市政府的坚强领导下…: whose, only a host can say.
                found.append(issuer.Finding("opening sentence", body, "department",
                                            issuer=levelled[0], level=levelled[1]))
            elif chain.candidates and (department := issuer.OPENING_DEPARTMENT.match(rest)):
                # 2021年,长治市人力资源和社会保障局深入学习…: the department speaks for itself.
                found.append(issuer.Finding("opening sentence", body, "department",
                                            chain.candidates, body[:chain.end] + department[1],
                                            names=chain.names))
        break
    return found


def detect(cleaned: Cleaned) -> dict:
    """Metadata detected from one cleaned text (fields may be None where the text is silent).

    Detection reads the simplified view of the text, so a traditional-character copy gives the
    same title, issuer and region as a simplified one.
    """
    lines = simplified(cleaned.text).rstrip("\n").split("\n")
    title = find_title([simplified(line) for line in cleaned.header_lines])
    _signed_by, signed_on = signature(lines[len(cleaned.header_lines):])
    return {
        "title": title,
        "report_year": find_year(title, lines),
        "publish_date": find_publish_date(cleaned.page_meta, signed_on, cleaned.header_lines),
        "_lines": lines,
    }


def region_from_code(code: str, year: int) -> regions.Region:
    """The region of a code given in sources.csv; the reason when it was not in force then."""
    region = regions.by_code(code, year)
    if region is not None:
        return region
    history = regions.code_history(code)
    if not history:
        raise Reject(f"region_code {code} (data/raw/sources.csv) is not a GB/T 2260 code in the "
                     "region table for any year: check the code")
    spans = ", ".join(f"{r.name} {r.valid_from}–{(r.valid_to - 1) if r.valid_to else 'today'}"
                      for r in history)
    raise Reject(f"region_code {code} (data/raw/sources.csv) was not in force in {year} (in force: "
                 f"{spans}): give the code valid in the report year")


# A span of years in a title: 法治政府建设实施纲要(2015-2020)落实完成情况的报告
PLAN_PERIOD = re.compile(r"(?:19|20)\d{2}\s*年?\s*[-—–~至到]\s*(?:19|20)\d{2}\s*年?")
# Titles of documents about rule-of-law work that are not its annual report: a notice, a plan, an
# explainer of the report, an announcement, a draft, a meeting.
OTHER_DOCUMENT_END = re.compile(
    r"(?:通知|计划|要点|方案|意见|解读|公示|公告|通报|征求意见稿\)|报告会|会议)$")
OTHER_DOCUMENT_START = re.compile(r"^(?:图解|解读|政策解读|一图读懂|图说)\s*[:：《]")
# Annual reports of another kind, titled with their year: 湘阴县人民政府2023年政府信息公开工作年度报告.
OTHER_REPORT = re.compile(
    r"(?:19|20)\d{2}\s*年度?.{0,12}(?:政府信息公开(?:工作)?(?:年度)?报告|政府工作报告)$")


def other_document(title: str | None, header_lines: list[str]) -> str | None:
    """The title line when the page is another kind of document about rule-of-law work."""
    if title:
        return title if OTHER_DOCUMENT_START.match(simplified(title)) else None
    for line in header_lines:
        line = simplified(line)
        if len(line) <= 80 and TITLE_CUE.search(line) and (
                OTHER_DOCUMENT_END.search(line) or OTHER_DOCUMENT_START.match(line)):
            return line
        if len(line) <= 80 and OTHER_REPORT.search(line):
            return line
    return None


def report_metadata(cleaned: Cleaned, override: dict) -> dict:
    """All reports.csv metadata columns for one text, overrides applied. Raises Reject."""
    meta = detect(cleaned)
    for key in OVERRIDABLE:
        if override.get(key) not in (None, ""):
            meta[key] = override[key]
    other = other_document(meta.get("title"), cleaned.header_lines)
    if other:
        raise Reject(
            f"not a report: the page's title {other!r} names another kind of document (a notice, "
            "plan, explainer, announcement, an information-disclosure or government work report "
            "…); if it is a rule-of-law report after all, give its title in data/raw/sources.csv")
    if not meta.get("report_year") and (span := PLAN_PERIOD.search(meta.get("title") or "")):
        raise Reject(
            f"the title names only a period of years ({span.group()}), not the year the report "
            "covers (a summary of a plan period is not taken as its last year): give report_year "
            "in data/raw/sources.csv")
    if not meta.get("report_year"):
        raise Reject(
            "no report year found in the title or opening: give report_year in data/raw/sources.csv"
        )
    year = int(meta["report_year"])
    findings = issuer_places(cleaned, meta.get("title"), meta["_lines"], year)
    if meta.get("region_name") and not meta.get("region_code"):
        # sources.csv's region_name wins over the text's issuer places; the page's own fields
        # may still settle a shared name.
        findings = [issuer.read_place("title", str(meta["region_name"]), year)] + [
            f for f in findings if f.place not in ("title", "issuer_line", "signature")]
    if meta.get("region_code"):
        region = region_from_code(str(meta["region_code"]), year)
        printed = next((f for f in findings if f.kind in ("government", "department", "township")
                        and f.issuer and any(r.code == region.code for r in f.candidates)), None)
        found = issuer.Issuer(region, printed.kind if printed else "government",
                              printed.issuer if printed else None,
                              printed.township if printed else None)
    else:
        found = issuer.settle(findings, year)
    where = regions.describe(found.region, year)
    issuer_type = meta.get("issuer_type") or found.issuer_type
    if issuer_type == "township":
        where["admin_level"] = "township"
    # A report that names only its region (枣庄市2021年度法治政府建设情况报告) is its government's.
    printed = meta.get("issuer") or found.issuer or f"{where['region_name']}人民政府"
    return {
        "title": meta.get("title"),
        "issuer": printed,
        "issuer_type": issuer_type,
        **where,
        "report_year": year,
        "publish_date": meta.get("publish_date") or None,
        "_unit": {"township": found.township, "department": _unit(printed, found.region)}.get(
            issuer_type),
    }


def _unit(printed: str, region: regions.Region) -> str:
    """The body's own name (司法局) in a department's issuer name, for its report id."""
    for name in sorted({region.name, *region.short_names}, key=len, reverse=True):
        if name in printed:
            return printed[printed.index(name) + len(name):]
    return printed
