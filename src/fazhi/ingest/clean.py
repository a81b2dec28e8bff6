"""Page text → report text: strip web-page boilerplate and normalise, never rewriting a sentence.

Boilerplate (breadcrumbs, 朗读, 索引号 tables, view counters, site banners, empty table pipes) is
recognised line by line; key:value page metadata found on dropped lines (发布日期: …) is kept in
`Cleaned.page_meta` for detection. Lines are NFKC-normalised: full-width digits and punctuation
become ASCII, with one space and line-break convention.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from fazhi.chinese import simplified

# Machine conversion to traditional characters sometimes adds pinyin: 領(lǐng)導. Not report text.
PINYIN_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")

# Keys of the key:value metadata that government web pages print around a report.
META_KEY_NAMES = (
    "索引号|主题分类|内容分类|体裁分类|组配分类|公开目录|主题词|标题|废止日期|发布日期|发布时间|公开日期|公开时间|更新时间|信息提供日期|发文日期|发文时间|成文日期|成文时间|"
    "公文生成日期|公开方式|公开时限|公开范围|责任处室|发文机关|发文单位|发布机构|发布单位|发文字号|备注/文号|文号|"
    "有效性|文章来源|稿件来源|信息来源|来源|浏览次数|浏览量|浏览|点击数|点击量|点击率|点击|阅读量|"
    "阅读次数|阅读|访问量|作者|编辑|责任编辑|日期|时间|字号|字体|今天是"
)
# Pages space keys out (索 引 号, 文  号); a key is never the tail of a longer word (公文生成日期
# is not 日期).
META_KEYS = "(?<![\u4e00-\u9fff])(?:" + "|".join(
    r"\s?".join(re.escape(c) for c in key) for key in META_KEY_NAMES.split("|")) + ")"

# A date value, maybe spaced out after its separators (2025- 02- 08 14: 11).
DATE_VALUE = r"\d{4}\s?[-/.年]\s?\d{1,2}\s?[-/.月]\s?\d{1,2}日?(?:\s+\d{1,2}\s?:\s?\d{2}(?:\s?:\s?\d{2})?)?"
# A value runs to the next space, colon or pipe, and never swallows the next key
# (文章来源: 发布时间:2017年12月13日 and 作者: 发布时间 2025年09月05日 have an empty first value).
PLAIN_VALUE = rf"(?:(?!{META_KEYS}(?:\s*:|\s|$))[^\s:|])*"
# Keys whose value is a date: printed as table cells, they may stand with no colon
# (公开类别 主动公开 发布时间 2025-03-31), and then only a date is taken as their value.
DATE_KEYS = "(?<![\u4e00-\u9fff])(?:" + "|".join(
    r"\s?".join(re.escape(c) for c in key)
    for key in ("发布日期", "发布时间", "公开日期", "公开时间", "更新时间", "发文日期", "发文时间",
                "成文日期", "成文时间",
                "公文生成日期")) + ")"
META_PAIR = re.compile(
    rf"(?P<key>{META_KEYS})\s*:\s*(?P<value>{DATE_VALUE}|{PLAIN_VALUE})"
    # Information-disclosure tables print keys in brackets: [ 成文日期 ] 2022-02-09
    rf"|[\[【]\s*(?P<bkey>{META_KEYS})\s*[\]】]\s*(?P<bvalue>{DATE_VALUE}|{PLAIN_VALUE})"
    rf"|(?P<skey>{DATE_KEYS})\s+(?P<svalue>{DATE_VALUE})"
)
# A bare timestamp heading a header line is the page's date: 2020-03-11 16:35:10 来源:…,
# 2025年03月19日 09时07分 来源:…, or a mirror's 25.02.2016 10:00 (day first); so is a numeric date alone on a header line
# (2021-01-05 under the issuing office). Never a date in a sentence: a time, the line's end or
# another page field (2024-03-28 来源:…) must follow.
BARE_TIMESTAMP = re.compile(
    r"^(?:(?P<y>\d{4})(?:[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})|年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日)"
    r"|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4}))"
    rf"(?:\s+\d{{1,2}}(?::\d{{2}}(?::\d{{2}})?|时\d{{2}}分(?:\d{{2}}秒)?)(?=\s|$)|$|(?=\s+{META_KEYS}\s*:))"
)
# Page furniture that carries no report text.
IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")  # markdown image
FURNITURE = re.compile(
    r"[【\[][^】\]\n]{0,8}(?:大\s*中\s*小|小\s*中\s*大|打印|关闭|分享|收藏|字体|字号)[^】\]\n]{0,8}[】\]]"
    r"|(?<!\S)(?:朗读|打印|关闭|分享|分享到|收藏|打印本页|关闭窗口|简体|繁体|无障碍|大|中|小)(?!\S)"
)
BREADCRUMB = re.compile(
    r"^(?:当前位置|您现在的位置|您的位置|现在位置|所在位置|您当前位置|您当前的位置|您所在的位置|你的位置)\s*:"
    r"|首页\s*(?:>|/|→|»|›)")
BANNER = re.compile(r"^欢迎(?:访问|来到|光临)\S*[!。]?")
# A number cut by a hard line wrap: a sentence line ending in digits right after a Chinese
# character, and a line starting with the rest of the number and its unit.
WRAPPED_NUMBER_END = re.compile(r"[\u4e00-\u9fff][0-9]{1,5}$")
WRAPPED_NUMBER_START = re.compile(r"^[0-9]{1,5}(?:\.[0-9]+)?(?:[\u4e00-\u9fff%])")
TABLE_PIPES = re.compile(r"\s*\|\s*")
ONLY_MARKS = re.compile(r"^[\s|•·\-—_=*#]*$")
NAV_TOKEN = re.compile(r"^[\u4e00-\u9fff]{2,6}$")


@dataclass
class Cleaned:
    text: str
    page_meta: dict[str, str] = field(default_factory=dict)
    header_lines: list[str] = field(default_factory=list)


def normalise_line(line: str) -> str:
    """One line in the published convention: NFKC, single spaces, no leading/trailing space."""
    line = PINYIN_NOTE.sub("", unicodedata.normalize("NFKC", line))
    return re.sub(r"[ \t\u00a0\u3000\u200b]+", " ", line).strip()


def _strip_meta(line: str, meta: dict[str, str]) -> str:
    """Remove key:value page metadata from a line, recording the first value of each key."""

    def take(m: re.Match) -> str:
        key, value = ((m["key"], m["value"]) if m["key"] else (m["bkey"], m["bvalue"])
                      if m["bkey"] else (m["skey"], m["svalue"]))
        meta.setdefault(re.sub(r"\s", "", key), value.strip())
        return " "

    return META_PAIR.sub(take, line)


def is_boilerplate(line: str, meta: dict[str, str], in_header: bool) -> bool:
    """Whether a (normalised) line is page furniture rather than report text.

    Page metadata (发布日期: ...) found on a dropped line, or on any line above the report, is
    recorded in `meta`.
    """
    if ONLY_MARKS.match(line):
        return True
    flat = simplified(TABLE_PIPES.sub(" ", IMAGE.sub(" ", line)).strip())
    if BREADCRUMB.search(flat) or (in_header and BANNER.match(flat)):
        if in_header and BREADCRUMB.search(flat):
            # The trail (首页 > 徐汇区 > 街道) may name the site's region: kept for detection.
            meta.setdefault("breadcrumb", flat)
        return True
    found: dict[str, str] = {}
    if in_header and (stamp := BARE_TIMESTAMP.match(flat)):
        y, m, d = ((stamp["y"], stamp["m"] or stamp["m3"], stamp["d"] or stamp["d3"]) if stamp["y"]
                   else (stamp["y2"], stamp["m2"], stamp["d2"]))
        found["时间"] = f"{y}-{m}-{d}"
        flat = flat[stamp.end():]
    # What is left once metadata and furniture are gone; a list bullet (- 索引号: …) is not text.
    rest = FURNITURE.sub(" ", _strip_meta(flat, found)).strip()
    tokens = rest.split()
    # A navigation bar: several short bare words, no punctuation (only above the report).
    is_nav = in_header and len(tokens) >= 4 and all(NAV_TOKEN.match(t) for t in tokens)
    if in_header or not rest or is_nav or ONLY_MARKS.match(rest):
        # Metadata printed above the report counts even on a line that is kept.
        for key, value in found.items():
            meta.setdefault(key, value)
    return not rest or is_nav or bool(ONLY_MARKS.match(rest))


NUMBER_CELL = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?(?:%|[件项个人次条份宗起卷])?$")


def _cells(line: str) -> list[str]:
    return TABLE_PIPES.sub(" ", line).split()


def table_headers(lines: list[str]) -> set[int]:
    """Lines that name the columns of a table row of numbers under them (新收复议申请 | 办结案件 |
    … over 8745 | 7574 | …, or 信息内容 | 本年制发件数 | … over 规章 | 0 | 1 | …): kept as report
    text, though they look like a navigation bar."""
    out = set()
    previous = None
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        cells = _cells(line)
        # A row of numbers, or a row label and its numbers (规章 0 1 0 under 信息内容 本年制发件数 …).
        numbers = cells[1:] if cells and not NUMBER_CELL.match(cells[0]) else cells
        if (previous is not None and len(numbers) >= 2
                and all(NUMBER_CELL.match(c) for c in numbers)):
            names = _cells(lines[previous])
            if len(names) == len(cells) and not any(NUMBER_CELL.match(c) for c in names):
                out.add(previous)
        previous = i
    return out


def clean(text: str) -> Cleaned:
    """Strip web-page boilerplate and normalise. Never rewrites a sentence of the report.

    Boilerplate is recognised line by line: lines that are only furniture, metadata or breadcrumbs
    are dropped; table pipes around the title and the body are removed; blank lines collapse so
    paragraphs are separated by exactly one newline.
    """
    meta: dict[str, str] = {}
    kept: list[str] = []
    header: list[str] = []
    in_header = True
    lines = [normalise_line(raw) for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    headers = table_headers(lines)
    # A long line above the page's breadcrumb trail is a site slogan, not the report's first
    # paragraph: the header runs at least to the trail.
    crumb = next((i for i, line in enumerate(lines[:12])
                  if BREADCRUMB.search(simplified(line))), -1)
    for i, line in enumerate(lines):
        if i not in headers and is_boilerplate(line, meta, in_header):
            continue
        # A report line inside a page table: drop the empty cells around it.
        if "|" in line or "![" in line:
            line = TABLE_PIPES.sub(" ", IMAGE.sub(" ", line)).strip()
        line = re.sub(r" {2,}", " ", line)
        if in_header and i > crumb and (len(line) > 60 or "。" in line):
            in_header = False
        if in_header:
            header.append(line)
        elif kept and WRAPPED_NUMBER_END.search(kept[-1]) and WRAPPED_NUMBER_START.match(line):
            # A hard line wrap inside a number (收到申请84 / 654件): one number again.
            kept[-1] += line
            continue
        kept.append(line)
    while kept and re.fullmatch(r"附件\s*[:：]?", kept[-1]):  # an attachment list left empty
        kept.pop()
    return Cleaned(text="\n".join(kept) + "\n", page_meta=meta, header_lines=header)
