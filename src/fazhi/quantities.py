"""Every quantity stated in a report, parsed exactly, with unit, qualifier and offsets.

`find_quantities(text)` returns one `Quantity` per number that states an amount: Arabic numbers
(1,234; 99.54; full-width digits), Chinese numerals (一万三千八百六十二, 两, 十六), mixed forms
(3万, 1.2亿, 6614.14万元), percentages (99.54%, 百分之九十), percentage points, ranges (4%到5%,
10至15件) and qualifiers (约, 左右, 余, 多, 近, 超过, 以上, 不少于, 突破, 不足, 以下, 以内).

Not quantities: years and dates, times, ordinals (第五次), list markers (一是, (一), 1.), document
numbers (〔2019〕28号), numbers inside book titles 《…》 and short quoted names (“八五”普法,
“1+7+N”), fixed political terms (三项制度, 四个意识), codes and versions (S2, 5H, 2.0系统),
hotlines and phone numbers. A Chinese numeral counts only with a unit; a bare 一 never does (it is
usually an article: 一批, 一定).

Every regular expression here is linear: no nested quantifiers over the same characters, so
adversarial input (long runs of digits, of 、, of brackets) cannot make matching backtrack.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import Decimal

from fazhi.chinese import CLAUSE_END
from fazhi.numerals import parse_chinese

# --- constants --------------------------------------------------------------------------------

MAGNITUDE = {"万": 10**4, "亿": 10**8, "千万": 10**7, "百万": 10**6, "万亿": 10**12}

NUMBER = re.compile(
    r"(?P<pct>百分之)?"
    r"(?:(?P<ar>[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?)"
    r"(?P<mag>万亿|千万|百万|万|亿)?"
    r"|(?P<cn>[零〇○一二两三四五六七八九十百千万亿]+(?:点[零〇○一二三四五六七八九]+)?))"
)

# Unit as printed → normalised unit. Longest alternatives are tried first.
UNITS = {
    "个百分点": "个百分点", "百分点": "个百分点", "个工作日": "个工作日", "工作日": "工作日",
    "件(次)": "件次", "件（次）": "件次", "人(次)": "人次", "人（次）": "人次",
    "人次": "人次", "件次": "件次", "场次": "场次", "批次": "批次", "户次": "户次", "家次": "家次",
    "车次": "车次", "课时": "课时", "学时": "学时", "小时": "小时", "个月": "个月",
    "平方公里": "平方公里", "平方米": "平方米", "公里": "公里", "元": "元",
    "%": "%", "％": "%", "‰": "‰",
    "件": "件", "起": "起", "人": "人", "名": "人", "次": "次", "项": "项", "个": "个", "条": "条",
    "份": "份", "卷": "卷", "场": "场", "期": "期", "家": "家", "批": "批", "册": "册", "本": "本",
    "天": "天", "日": "日", "年": "年", "户": "户", "位": "位", "处": "处", "支": "支", "种": "种",
    "部": "部", "所": "所", "座": "座", "台": "台", "辆": "辆", "套": "套", "类": "类", "篇": "篇",
    "封": "封", "例": "例", "宗": "宗", "笔": "笔", "轮": "轮", "堂": "堂", "节": "节", "张": "张",
    "万人": "人", "亩": "亩", "吨": "吨", "组": "组", "队": "队", "款": "款", "幅": "幅",
    "块": "块", "间": "间", "门": "门", "集": "集", "章": "章", "号": "号", "级": "级",
    "大类": "类",
}
UNIT_ALT = "|".join(re.escape(u) for u in sorted(UNITS, key=len, reverse=True))
TAIL = re.compile(
    rf"(?P<q1>余|多)?(?P<mag>万亿|亿|万)?(?P<unit>{UNIT_ALT})?(?P<q2>以上|左右|以下|以内|余|多)?"
)
PCT_TAIL = re.compile(r"(?P<q>以上|左右|以下|以内)?")
ALNUM_RUN = re.compile(r"[0-9A-Za-z][0-9A-Za-z.]*")
PERIOD_JOIN = ("至", "到", "-", "—", "~")
COMPARED_WITH = ("较", "比", "与", "相比", "对比")  # 较2021年增加了50%: a change, not a 2021 value
RANGE_JOIN = re.compile(r"[到至~～\-－—–]")

# Prefix qualifiers: included in the surface. (达, 共, 累计 are verbs, not qualifiers.)
PREFIXES = {
    "不少于": "at_least", "不低于": "at_least", "突破": "at_least", "超过": "more_than",
    "多达": "more_than", "逾": "more_than", "不足": "less_than", "不到": "less_than",
    "将近": "less_than", "接近": "less_than", "近": "less_than", "大约为": "approx", "大约": "approx",
    "约为": "approx", "约": "approx",
}
SUFFIXES = {"余": "more_than", "多": "more_than", "以上": "at_least", "左右": "approx",
            "以下": "at_most", "以内": "at_most"}
DURATION_UNITS = {"年", "个月", "天", "日"}  # 近三年 = "the last three years", not "under three"

# Spans whose numbers are never quantities. Each pattern is linear. A pattern that must not start
# inside a run (of digits, numerals) opens with the run's first character and looks behind it
# (`[0-9](?<![0-9]{2})`, not `(?<![0-9])[0-9]`): a pattern that opens with a character class is
# searched by skipping to that class in C, many times faster on Chinese text.
MASKS = [
    re.compile(p)
    for p in (
        # dates (on one line: 2022年 over a row of numbers 12.5 … is a table, not 2022年12月5日)
        r"[0-9０-９](?<![0-9０-９]{2})[0-9０-９]{3}[ \t]*[-/.年][ \t]*[0-9０-９]{1,2}[ \t]*[-/.月][ \t]*[0-9０-９]{1,2}[ \t]*[日号]?",
        r"(?:1(?<![0-9]1)9|2(?<![0-9]2)0)[0-9]{2}\s*[-—–~～至到]\s*(?:19|20)[0-9]{2}\s*年?",  # year ranges
        r"(?:1(?<![0-9]1)9|2(?<![0-9]2)0)[0-9]{2}\s*年",  # years
        r"[〇零○一二三四五六七八九](?<![〇零○一二三四五六七八九]{2})[〇零○一二三四五六七八九]{3}\s*年",  # 二〇二二年
        r"[0-9](?<![0-9个][0-9])[0-9]?\s*月(?:[0-9]{1,2}\s*[日号])?",  # months, month-day
        r"[一二三四五六七八九十](?<!个[一二三四五六七八九十])[一二三四五六七八九十]{0,2}月(?:[一二三四五六七八九十]{1,3}[日号])?",
        r"[0-9](?<![0-9]{2})[0-9]?:[0-9]{2}(?::[0-9]{2})?",  # times
        r"[〔\[【(（][0-9]{4}[〕\]】)）]\s*[0-9]+\s*号",  # document numbers
        r"[0-9](?<![0-9]{2})[0-9]*号",
        r"0(?<![0-9]0)[0-9]{2,3}-[0-9]{7,8}(?![0-9])",  # phone numbers
        r"1(?<![0-9]1)[3-9][0-9]{9}(?![0-9])",
        r"《[^《》\n]{0,100}》",  # book and document titles
        r"“[^“”\n]{0,20}”",  # short quoted names and slogans
        r"\"[^\"\n]{0,20}\"",
        r"[0-9](?<![0-9]{2})[0-9]*(?:\s*[+×*xX•·/]\s*[0-9A-Za-z]+)+",  # formulas: 1+7+N, 4×4
        r"第[零〇一二两三四五六七八九十百千0-9]+",  # ordinals
        r"[零〇一二两三四五六七八九十百千万](?<![零〇一二两三四五六七八九十百千万]{2})[零〇一二两三四五六七八九十百千万]*(?:届|大(?!类))",  # 十九大, 十六届 (not 六大类)
        rf"(?:12345|12348|12315|12309|12368|12388|12333|12338)(?![0-9])(?!(?:余|多)?(?:{UNIT_ALT}))",  # hotlines
        r"[0-9](?<![0-9.][0-9])[0-9]*(?:\.[0-9]+)?(?=版|系统|平台)",  # versions: 2.0系统
    )
]
# Fixed terms whose numerals name a policy, not a count.
FIXED_TERMS = ("三项制度", "四个意识", "四个自信", "四个全面", "两个维护", "两个确立", "五位一体",
               "三重一大", "十四五", "十三五", "十二五", "千方百计", "两学一做", "三会一课")
FIXED_TERM = re.compile("|".join(FIXED_TERMS))
LIST_MARKER_BEFORE = re.compile(r"(?:^|[\s。;；:：!！?？])$")
CUTOFF = re.compile(r"(?:[0-9]{1,2}\s*月(?:[0-9]{1,2}\s*日)?)?(?:之前|以前|前)")
REF_YEAR = re.compile(r"((?:19|20)[0-9]{2})\s*年(?:度)?(?:的|底|末)?")


@dataclass(frozen=True)
class Quantity:
    value: Decimal | None
    unit: str | None
    qualifier: str
    lower: Decimal | None
    upper: Decimal | None
    ref_year: int | None
    start: int
    end: int
    surface: str


# --- numerals ---------------------------------------------------------------------------------


def parse_arabic(digits: str) -> Decimal:
    """An Arabic number (full-width allowed, thousands separators dropped) as an exact Decimal."""
    return Decimal(unicodedata.normalize("NFKC", digits).replace(",", ""))


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as plain decimal text (never scientific notation); None stays None."""
    return None if value is None else format(value, "f")


def exact(value: Decimal) -> Decimal:
    """The same value without trailing zeros or exponent: 360000000.0 → 360000000, 99.50 → 99.5."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()


# --- finding ---------------------------------------------------------------------------------


def _masked(text: str) -> bytearray:
    """1 for every character inside a span whose numbers are never quantities."""
    mask = bytearray(len(text))

    def cover(start: int, end: int) -> None:
        mask[start:end] = b"\x01" * (end - start)

    for pattern in MASKS:
        for m in pattern.finditer(text):
            cover(m.start(), m.end())
    for m in ALNUM_RUN.finditer(text):  # codes mixing letters and digits: S2, 5H, 5G
        run = m.group()
        if any(c.isascii() and c.isalpha() for c in run) and any(c.isdigit() for c in run):
            cover(m.start(), m.end())
    return mask


def _prefix(text: str, start: int, unit: str | None) -> tuple[str | None, int]:
    """(qualifier, new start) for a prefix qualifier right before `start`."""
    for word, qualifier in PREFIXES.items():
        if text.endswith(word, 0, start):
            if word == "近" and unit in DURATION_UNITS:
                return None, start
            return qualifier, start - len(word)
    return None, start


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """1. or 1、 opening a line or a sentence (but not 1.5, and not 3、5件 inside a clause)."""
    after = text[end:end + 2]
    if after[:1] not in (".", "、", "．") or after[1:2].isdigit():
        return False
    return bool(LIST_MARKER_BEFORE.search(text[max(0, start - 1):start]))


MAX_DIGITS = 15  # longer runs are ids or noise, not amounts (and stay cheap to reject)


def _value(text: str, m: re.Match) -> Decimal | None:
    """The exact value of one NUMBER match, or None if it is a word, not a number."""
    if len(m.group()) > MAX_DIGITS + 6:
        return None
    if m["ar"]:
        value = parse_arabic(m["ar"])
        return exact(value * MAGNITUDE[m["mag"]]) if m["mag"] else value
    if not any(c in "一二两三四五六七八九十" for c in m["cn"]):
        # 百, 千, 万 alone are words (千万, 百姓) unless a count follows: 百余场, 千余人
        if m["cn"] in ("百", "千", "万") and text.startswith(("余", "多"), m.end()):
            return parse_chinese("一" + m["cn"])
        return None
    return parse_chinese(m["cn"])


def _unit(text: str, m: re.Match) -> tuple[str | None, str | None, int, int]:
    """(normalised unit, suffix qualifier word, magnitude, end) after a number.

    The magnitude is that of 110余万件 (余 before 万); 3万件's 万 belongs to the number itself.
    """
    if m["pct"]:
        tail = PCT_TAIL.match(text, m.end())
        return "%", tail["q"], 1, tail.end()
    tail = TAIL.match(text, m.end())
    if tail["mag"] and not tail["q1"]:
        return None, None, 1, m.end()  # 万 here starts a word (万人发案数): the number is bare
    magnitude = MAGNITUDE[tail["mag"]] if tail["mag"] else 1
    unit = UNITS[tail["unit"]] if tail["unit"] else None
    return unit, tail["q1"] or tail["q2"], magnitude, tail.end()


def _ref_year(text: str, start: int, floor: int) -> int | None:
    """A year stated for this number in the same clause, with no other quantity in between."""
    clause_start = floor
    for m in CLAUSE_END.finditer(text, floor, start):
        clause_start = m.end()
    year = None
    for m in REF_YEAR.finditer(text, clause_start, start):
        before = text[max(0, m.start() - 1):m.start()]
        after = text[m.end():m.end() + 2]
        is_period = before in PERIOD_JOIN or after[:1] in PERIOD_JOIN or after == "以来"
        is_baseline = text[max(0, m.start() - 2):m.start()].endswith(COMPARED_WITH)
        # 2013年底前发布的270件, 2013年12月31日前…的270件: a cut-off date, not the value's year.
        is_cutoff = bool(CUTOFF.match(text, m.end()))
        year = None if is_period or is_baseline or is_cutoff else int(m[1])
    return year


def _range(text: str, m: re.Match, unit: str | None, end: int, mask: bytearray):
    """A range A(unit) 到|至|- B unit, as (lower, upper, unit, end), or None."""
    join = RANGE_JOIN.match(text, end)
    if join is None:
        return None
    m2 = NUMBER.match(text, join.end())
    if m2 is None or not m2["ar"] or mask.find(1, m2.start(), m2.end()) >= 0:
        return None
    unit2, q2, magnitude2, end2 = _unit(text, m2)
    if unit2 is None or q2 or magnitude2 != 1 or (unit is not None and unit != unit2):
        return None
    lower, upper = _value(text, m), _value(text, m2)
    if lower is None or upper is None or not lower < upper:
        return None
    return lower, upper, unit2, end2


def _quantity(text: str, m: re.Match, mask: bytearray, floor: int) -> Quantity | None:
    """The quantity a NUMBER match starts, or None if it is not one."""
    if mask.find(1, m.start(), m.end()) >= 0:
        return None
    value = _value(text, m)
    if value is None:
        return None
    if m["cn"]:
        if FIXED_TERM.match(text, m.start("cn")):
            return None
        if m["cn"] == "一" and not m["pct"]:
            return None  # 一批, 一支队伍, 一名: an article, not a reported figure
    else:
        digits = m["ar"]
        if _is_list_marker(text, m.start(), m.end()):
            return None
        if len(digits) > 12 or (len(digits) > 1 and digits[0] in "0０" and "." not in digits):
            return None  # ids and codes, not amounts
    unit, suffix, magnitude, end = _unit(text, m)
    value = exact(value * magnitude) if magnitude != 1 else value
    if unit == "号" or (m["cn"] and unit is None):
        return None  # a Chinese numeral without unit is a word (一是, 十九届), not a count
    if m["ar"] and not suffix:
        bounds = _range(text, m, unit, end, mask)
        if bounds:
            lower, upper, unit, end = bounds
            start = m.start()
            return Quantity(None, unit, "range", lower, upper, _ref_year(text, start, floor),
                            start, end, text[start:end])
    qualifier, start = _prefix(text, m.start(), unit)
    qualifier = qualifier or SUFFIXES.get(suffix or "", "exact")
    lower = value if qualifier in ("more_than", "at_least") else None
    upper = value if qualifier in ("less_than", "at_most") else None
    return Quantity(value, unit, qualifier, lower, upper, _ref_year(text, start, floor),
                    start, end, text[start:end])


def _share_units(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """In an enumeration (3、5件), a bare number takes the unit of the number after it."""
    out = list(quantities)
    for i in range(len(out) - 2, -1, -1):
        q, nxt = out[i], out[i + 1]
        if q.unit is None and nxt.unit and text[q.end:nxt.start] == "、":
            out[i] = replace(q, unit=nxt.unit)
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity in `text`, in order, with `text[start:end] == surface`."""
    mask = _masked(text)
    out: list[Quantity] = []
    pos = 0
    while (m := NUMBER.search(text, pos)) is not None:
        q = _quantity(text, m, mask, out[-1].end if out else 0)
        if q is None:
            pos = m.end()
            continue
        out.append(q)
        pos = q.end
    return _share_units(text, out)
