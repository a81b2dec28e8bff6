"""Codebook indicators with verbatim evidence, and consistency checks of a report's own numbers.

`extract_indicators(text, report_year)` applies the rules of `fazhi.codebook.indicators` to every
quantity `find_quantities` finds, and returns one row per (indicator, ref_year) with the value, the
clause that states it (verbatim, with offsets into the text), the quantity it came from and the rule
that matched. Precision first: a quantity becomes an indicator only when a rule's cue words, units
and scope all fit; the first value stated for an (indicator, year) is kept and a differing repeat
is reported by `checks`.

`由2021年的86%提升至100%` gives two rows: (2021, 86) from the year stated for 86 and (report
year, 100), the 100 inheriting the cue of the clause it continues. A partial-year figure
(`截至11月底`, `前三季度`) keeps its period; a figure over several years (`2018年以来`,
`2020年至2022年`) is skipped unless the indicator allows it (clean-ups examine documents of many
years).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from fazhi.chinese import CLAUSE_END
from fazhi.codebook import RESOURCES
from fazhi.codebook.indicators import FILLER, INDICATORS, TOPICS, load_rules
from fazhi.quantities import Quantity, decimal_text, find_quantities
from fazhi.scope import Scope, accepts, accepts_whose_and_period, scope_of
from fazhi.scope import period as scope_period

# --- constants --------------------------------------------------------------------------------

# Columns of indicators.csv that belong to one text (without report_id and section_id).
INDICATOR_COLUMNS = [c for c in RESOURCES["indicators"]["fields"] if c not in ("report_id", "section_id")]
SENTENCE_END = re.compile(r"[;。!?\n；！？]")
FULL_STOP = re.compile(r"[。!?\n！？]")
# Every unit some rule accepts: a quantity in another unit needs no scope and no rule.
RULE_UNITS = {u for spec in INDICATORS.values() for rule in spec["rules"] for u in rule["units"]}
TRAILING = rf"(?:{FILLER}|由|从|的|全年|(?:19|20)\d{{2}}年度?的?|\([^()]{{1,12}}\)|\s)*$"
# 86%提升至100%: the second number continues the first's clause.
CHAIN = re.compile(r"^(?:(?:提升|提高|上升|下降|降低|增加|减少|增长)?(?:至|到)|增至|降至|减至)"
                   r"(?:(?:19|20)\d{2}年)?(?:全年|年度)?的?$")
# 同比下降32.26%: a change, not a level.
CHANGE = re.compile(r"(?:同比|环比|较上年|比上年|较去年|比去年)?(?:上升|下降|增长|减少|提高|降低|增加)(?:了)?$")
PERIOD = re.compile(r"截至(?:\d{1,2}月(?:底|末|份)?|目前)|前三季度|上半年|前\d{1,2}个月|1-\d{1,2}月|1至\d{1,2}月")
MAX_SENTENCE, MAX_CLAUSE = 400, 200  # characters of context looked at before a number
# 较上年的38个: the previous year's value of whatever the sentence's last figure was.
PREVIOUS_YEAR = re.compile(
    r"^(?:(?:较|比|与)(?:上年|上一年|去年|(?:19|20)\d{2}年)(?:同期)?的?"
    r"|[(（](?:上年|上一年|去年|(?:19|20)\d{2}年)(?:同期)?(?:为|是)?"
    # 申请量仅次于2005年的12465件: a year's level compared with
    r"|[);\s]*[\u4e00-\u9fff]{0,4}?(?:仅次于|高于|低于|略高于|略低于)(?:19|20)\d{2}年(?:度)?的)$")
COMPARED = re.compile(r"(?:较|比)(?:上年|上一年|去年)的?$")


@lru_cache(maxsize=None)
def _compiled(pattern: str, anchor: str) -> re.Pattern:
    if anchor == "end":
        return re.compile(rf"(?:{pattern}){TRAILING}")
    if anchor == "start":
        return re.compile(rf"^(?:{pattern})")
    return re.compile(pattern)


def _topic(sentence_prefix: str) -> str | None:
    """The subject the sentence was last about before the number."""
    best = None
    for name, pattern in TOPICS.items():
        for m in re.finditer(pattern, sentence_prefix):
            if best is None or m.end() > best[0]:
                best = (m.end(), name)
    return best[1] if best else None


def part_results(rule: dict, window: str, after: str, sentence_prefix: str, unit: str,
                 topic_prefix: str, stage: str, tail: str = "") -> dict[str, bool]:
    """Each part of a rule as written in rules.yaml (exclusion terms one by one) → whether it lets
    the quantity through. A rule fires when all do; a part that alone stops a quantity is live."""
    out = {"units": unit in rule["units"]}
    if "before" in rule:
        out["before"] = bool(_compiled(rule["before"], "end").search(window))
    if "within" in rule:
        out["within"] = bool(re.search(rule["within"], window))
    if "after" in rule:
        out["after"] = bool(_compiled(rule["after"], "start").search(after))
    if "after_or_window" in rule:
        out["after_or_window"] = bool(re.search(rule["after_or_window"], window)
                                      or re.search(rule["after_or_window"], after))
    if "sentence" in rule:
        out["sentence"] = bool(re.search(rule["sentence"], sentence_prefix))
    if "tail" in rule:
        out["tail"] = bool(re.search(rule["tail"], tail))
    if "topic" in rule:
        out["topic"] = _topic(topic_prefix) == rule["topic"]
    if "stages" in rule:
        out["stages"] = stage in rule["stages"]
    for term in rule.get("exclude", []):
        out[f"exclude:{term}"] = not re.search(term, window)
    for term in rule.get("exclude_sentence", []):
        out[f"exclude_sentence:{term}"] = not re.search(term, sentence_prefix)
    return out


def _optional(rule: dict, part: str, anchor: str = "") -> re.Pattern | None:
    return _compiled(rule[part], anchor) if part in rule else None


def _matcher(rule: dict) -> tuple:
    """A rule's text tests compiled (before, within, after, after_or_window, tail, sentence,
    topic, exclude, exclude_sentence); `part_results` applies the same parts one by one."""
    return (_optional(rule, "before", "end"), _optional(rule, "within"),
            _optional(rule, "after", "start"), _optional(rule, "after_or_window"),
            _optional(rule, "tail"), _optional(rule, "sentence"), rule.get("topic"),
            _optional(rule, "exclude"), _optional(rule, "exclude_sentence"))


def _matches(matcher: tuple, window: str, after: str, sentence_prefix: str, topic_prefix: str,
             tail: str) -> bool:
    """Whether a rule's text tests (`_matcher`) accept a quantity in its context: the clause
    before it (`window`), the clause after it, the sentence up to it, the topic's context and the
    rest of the sentence. Its unit is checked by `_candidates`."""
    before, within, after_start, either, tail_cue, sentence, topic, exclude, exclude_sentence = matcher
    return ((before is None or before.search(window) is not None)
            and (within is None or within.search(window) is not None)
            and (after_start is None or after_start.search(after) is not None)
            and (either is None or either.search(window) is not None
                 or either.search(after) is not None)
            and (tail_cue is None or tail_cue.search(tail) is not None)
            and (sentence is None or sentence.search(sentence_prefix) is not None)
            and (topic is None or _topic(topic_prefix) == topic)
            and (exclude is None or exclude.search(window) is None)
            and (exclude_sentence is None or exclude_sentence.search(sentence_prefix) is None))


_CANDIDATES: dict[tuple[str, Scope], list[tuple[str, int, tuple]]] = {}


def _candidates(unit: str, found: Scope) -> list[tuple[str, int, tuple]]:
    """(indicator_id, rule number, compiled tests) of every rule, in codebook order, that takes
    this unit and accepts this scope: the tests that depend on neither the text nor the cue
    words, made once per (unit, scope) instead of once per quantity."""
    key = (unit, found)
    if key not in _CANDIDATES:
        _CANDIDATES[key] = [
            (indicator_id, number, _matcher(rule))
            for indicator_id, spec in INDICATORS.items()
            for number, rule in enumerate(spec["rules"], start=1)
            if unit in rule["units"] and accepts(rule, found, spec.get("allow_multi_year", False))]
    return _CANDIDATES[key]


def classify(window: str, after: str, sentence_prefix: str, unit: str,
             found: Scope, topic_prefix: str | None = None, tail: str = "") -> tuple[str, int] | None:
    """(indicator_id, rule number) of the first codebook rule that accepts the quantity: its
    scope first (`fazhi.scope`), then its unit and cue words."""
    topic_prefix = sentence_prefix if topic_prefix is None else topic_prefix
    for indicator_id, number, matcher in _candidates(unit, found):
        if _matches(matcher, window, after, sentence_prefix, topic_prefix, tail):
            return indicator_id, number
    return None


def _last(pattern: re.Pattern, text: str, start: int, end: int) -> int:
    """Position just after the last match of `pattern` in text[start:end], else `start`."""
    found = start
    for m in pattern.finditer(text, start, end):
        found = m.end()
    return found


def _ends(pattern: re.Pattern, text: str) -> list[int]:
    """End positions of every delimiter in the text, computed once per text."""
    return [m.end() for m in pattern.finditer(text)]


def _last_end(ends: list[int], position: int, floor: int) -> int:
    """The last delimiter end at or before `position`, not before `floor` (binary search, so the
    whole text costs O(n log n), never O(n²) on long texts with many numbers)."""
    i = bisect_right(ends, position) - 1
    return ends[i] if i >= 0 and ends[i] >= floor else floor


# --- tables and series ------------------------------------------------------------------------

NUMBER_CELL = re.compile(r"^-?[0-9]+(?:\.[0-9]+)?$")
ROW_ORDINAL = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
ROW_TOTAL = re.compile(r"总计|合计")
SERIES_JOIN = re.compile(r"^[、,，和及与]?$")
ITEM_SPLIT = re.compile(r"[、,，]|和|及|与")
YEAR_ITEM = re.compile(r"((?:19|20)\d{2})\s*年?")


@lru_cache(maxsize=1)
def _table_specs() -> list[tuple[str, int, dict]]:
    """(indicator_id, cell number, cell spec) of every codebook `table_cells` entry."""
    return [(i, n, cell) for i, spec in INDICATORS.items()
            for n, cell in enumerate(spec.get("table_cells", []), start=1)]


def table_cells(text: str, quantities: list[Quantity]) -> dict[int, tuple[str, int, int, int]]:
    """Values read from table rows (a flattened page table: column names, then rows of a label and
    one number per column; on lines of their own or run together on one line, as copies of FOI
    annual-report tables often are: `信息内容 本年制发件数 本年废止件数 规章 0 0 行政规范性文件 5 1`;
    or with each cell printing its column's name: `行政规范性文件 本年制发件数 0 本年废止件数 0`).
    The codebook's `table_cells` say which (row, column) is which indicator; a row spec without a
    column takes a row's only number.

    Returns {quantity index: (indicator_id, cell number, row start, row end)}.
    """
    specs = _table_specs()
    if not specs:
        return {}
    starts = {q.start: k for k, q in enumerate(quantities)}
    out: dict[int, tuple[str, int, int, int]] = {}
    columns: list[str] = []  # the column names of the table being read (without the label column)
    # A row label with no number of its own heads rows of parts and their total (一、本年新收政府信息
    # 公开申请数量 自然人 58 商业企业 7 总计 66): its 总计 row is its value.
    section: list[tuple[str, int]] = []
    section_start = 0
    offset = 0
    for line in text.split("\n"):
        tokens = line.split(" ")
        positions, at = [], offset
        for token in tokens:
            positions.append(at)
            at += len(token) + 1
        numeric = [bool(NUMBER_CELL.match(t)) for t in tokens]
        if not any(numeric):
            section = []
        if not any(numeric[1:]):
            if len(tokens) >= 2 and any(cell.get("column") and re.search(cell["column"], t)
                                        for _, _, cell in specs for t in tokens):
                columns = tokens[1:]
            elif line.strip() == "":
                columns = []
            offset += len(line) + 1
            continue
        run_start = 0  # where the run of names before the current row label starts
        k = 0
        while k < len(tokens):
            if numeric[k]:
                k += 1
                run_start = k
                continue
            j = k + 1
            while j < len(tokens) and numeric[j]:
                j += 1
            values = list(range(k + 1, j))
            label = ROW_ORDINAL.sub("", tokens[k])
            # A row whose cells print their column's name (行政规范性文件 本年制发件数 0 本年废止件数 0).
            pairs, p = [], k + 1
            while not values and p + 1 < len(tokens) and not numeric[p] and numeric[p + 1]:
                pairs.append((tokens[p], p + 1))
                p += 2
            named = [(indicator_id, n, cell) for indicator_id, n, cell in specs
                     if cell.get("column") and re.fullmatch(cell["row"], label)] if len(pairs) >= 2 else []
            if named:
                row_start, row_end = positions[k], positions[p - 1] + len(tokens[p - 1])
                for indicator_id, n, cell in named:
                    for name, v in pairs:
                        q = starts.get(positions[v])
                        if re.search(cell["column"], name) and q is not None and q not in out:
                            out[q] = (indicator_id, n, row_start, row_end)
                            break
                k, run_start = p, p
                continue
            if not values:
                heads = [(indicator_id, n) for indicator_id, n, cell in specs
                         if not cell.get("column") and re.fullmatch(cell["row"], label)]
                if heads or ROW_ORDINAL.match(tokens[k]):
                    section, section_start = heads, positions[k]
                k += 1
                continue
            if section and len(values) == 1 and ROW_TOTAL.fullmatch(label):
                q = starts.get(positions[values[0]])
                if q is not None and q not in out:
                    for indicator_id, n in section[:1]:
                        out[q] = (indicator_id, n, section_start,
                                  positions[values[0]] + len(tokens[values[0]]))
                section = []
                k, run_start = j, j
                continue
            names = tokens[run_start:k]  # column names printed on this line before the row
            if len(names) >= len(values):
                columns = names[-len(values):]
            row_start = positions[k]
            row_end = positions[j - 1] + len(tokens[j - 1])
            for indicator_id, n, cell in specs:
                if not re.fullmatch(cell["row"], label):
                    continue
                if cell.get("column"):
                    hits = [v for t, v in enumerate(values)
                            if t < len(columns) and re.search(cell["column"], columns[t])]
                else:
                    hits = values if len(values) == 1 else []
                for v in hits[:1]:
                    q = starts.get(positions[v])
                    if q is not None and q not in out:
                        out[q] = (indicator_id, n, row_start, row_end)
            k, run_start = j, j
        offset += len(line) + 1
    return out


UNIT_NOTE = re.compile(r"单位[:：]\s*([件项个人次条份宗起%])")
HEADER_UNIT = re.compile(r"[(（]([件项个人次条份宗起%])[)）]$")
# A number (with its unit, as cells print it: 14635件), or an empty cell.
CELL = re.compile(r"^(?:-?[0-9]+(?:\.[0-9]+)?(?:%|[件项个人次条份宗起卷])?|[—–-]{1,2}|/)$")
COLUMN_UNIT = re.compile(r"^([件项个人次条份宗起卷])数$")  # a column named 件数: counts in 件
YEAR_COLUMN = re.compile(r"^((?:19|20)\d{2})年?(?:度)?(.*)$")


@dataclass(frozen=True)
class _Column:
    cue: str  # read as the words before the number: the column's name, or for a column of
    # years the row's label (or the caption)
    caption: str  # the table's caption (the text before the column names)
    unit: str  # from the caption's 单位 or (件), or the column name's (件)
    year: int | None  # the column's year, when the columns are years
    period: str | None  # what follows a column's year (2021年1—10月 → 1—10月)
    start: int  # the row of numbers
    end: int


def column_cells(text: str, quantities: list[Quantity]) -> dict[int, _Column]:
    """Numbers in a row under a row of as many column names (a flattened statistics table):
    `收到申请 受理 审结` over `3921 2005 1629` (each number read as if its column's name stood
    before it, the caption before the names giving topic, year and unit), or years as columns,
    `2018年 2019年 2020年` over `16.4 11.36 9.72` or over `出庭应诉率 15% 29.65% 73.55%` (each
    number that year's value of the row's label, else of the caption).

    Returns {quantity index: its column}.
    """
    starts = {q.start: k for k, q in enumerate(quantities)}
    out: dict[int, _Column] = {}
    previous = before_previous = ""  # the last two non-empty lines
    years_line = years_caption = ""  # the last line naming years as columns, and its caption
    names_line = names_caption = ""  # the last line of column names only, and its caption
    offset = 0
    for line in text.split("\n"):
        tokens = line.split(" ")
        numeric = [bool(CELL.match(t)) for t in tokens]
        if len(tokens) >= 3 and all(YEAR_COLUMN.match(t) for t in tokens[1:]):
            years_line, years_caption = line, previous
        elif len(tokens) >= 3 and not any(numeric):
            names_line, names_caption = line, previous
        k = 0
        while k < len(tokens) and not numeric[k]:
            k += 1
        values = tokens[k:]
        m = len(values)
        if m >= 2 and all(numeric[k:]):
            above = previous.split(" ")
            label = ""
            if k == 0:  # names on the line above; its first words, or the line above it, the caption
                names, caption = above, before_previous
            elif k >= m:  # names before the numbers on this line
                names, caption = tokens[:k], ""
            elif k == 1 and len(years_line.split(" ")) == m + 1:
                names, caption, label = years_line.split(" "), years_caption, tokens[0]
            elif k == 1 and len(names_line.split(" ")) == m + 1:  # 类别 件数 占比 / 全国人大代表建议 7162 87.8%
                names, caption, label = names_line.split(" "), names_caption, tokens[0]
            else:
                names, caption = [], ""
            columns = names[-m:] if len(names) >= m else []
            if columns and not any(CELL.match(n) for n in columns):
                caption = " ".join([caption, *names[:-m]]).strip()
                note = UNIT_NOTE.search(caption) or HEADER_UNIT.search(caption)
                years = [YEAR_COLUMN.match(c) for c in columns]
                by_year = all(years)
                at = offset + sum(len(t) + 1 for t in tokens[:k])
                for column, year, token in zip(columns, years, values):
                    unit = (HEADER_UNIT.search(label) if label else None) or HEADER_UNIT.search(column) \
                        or COLUMN_UNIT.match(column)
                    q = starts.get(at)
                    if q is not None:
                        cue = label or (HEADER_UNIT.sub("", UNIT_NOTE.sub("", caption)) if by_year else column)
                        out[q] = _Column(
                            HEADER_UNIT.sub("", cue).strip(" ()（）"), caption,
                            quantities[q].unit or (unit[1] if unit else (note[1] if note else "")),
                            int(year[1]) if by_year else None,
                            (year[2].strip() or None) if by_year else None,
                            offset, offset + len(line))
                    at += len(token) + 1
        if line.strip():
            previous, before_previous = line, previous
        offset += len(line) + 1
    return out


def _column_row(rows: list[dict], seen: dict, i: int, q: Quantity, column: _Column, text: str,
                report_year: int | None) -> None:
    """The row of a value read in a table's column: its cue is the column's name (or the row's
    label), its topic and year the caption's or the column's, its evidence the row of numbers."""
    window = column.cue
    sentence = window if window in column.caption else f"{column.caption} {window}".strip()
    found_scope = scope_of(window, sentence)
    found = classify(window, "", sentence, column.unit, found_scope, sentence)
    if found is None or found_scope.period == "plan":
        return
    indicator_id, rule_number = found
    ref_year = column.year or _sentence_year(column.caption) or report_year
    key = (indicator_id, ref_year)
    if key in seen:
        return
    seen[key] = (decimal_text(q.value), found_scope.label())
    period = column.period or (PERIOD.search(sentence) or [None])[0]
    rows.append(_row(indicator_id, ref_year, q, period, text, column.start, column.end, i + 1,
                     INDICATORS[indicator_id]["rule_ids"][rule_number - 1], found_scope.label()))


def series_values(text: str, quantities: list[Quantity], sentence_ends: list[int]
                  ) -> dict[int, tuple[str, int | None, int]]:
    """Values listed after 分别为 / 依次为 for items or years named before it.

    `承办人大代表建议、政协委员提案分别为49件、66件` pairs each value with its item;
    `2019年、2020年…分别为27件、38件` gives each value its year. Returns {quantity index:
    (the item's text to classify, its year or None, evidence start)} when the counts agree.
    """
    out: dict[int, tuple[str, int | None, int]] = {}
    for cue in re.finditer(r"分别为|依次为|分别是|分别达到?", text):
        run = []
        at = cue.end()
        for k, q in enumerate(quantities):
            if q.start < at:
                continue
            gap = text[at:q.start]
            if (not run and gap.strip(" 了") == "") or (run and SERIES_JOIN.match(gap.strip())):
                run.append(k)
                at = q.end
            elif run or q.start > cue.end() + 4:
                break
        if len(run) < 2:
            continue
        sentence_start = _last_end(sentence_ends, cue.start(), max(0, cue.start() - MAX_SENTENCE))
        listed = text[sentence_start:cue.start()]
        years = [int(y) for y in YEAR_ITEM.findall(listed)]
        since = re.search(r"((?:19|20)\d{2})\s*年?以来", listed)
        if len(years) == 1 and since:  # 2018年以来…依次为a、b、c、d: 2018, 2019, 2020, 2021
            years = [int(since[1]) + n for n in range(len(run))]
        if len(years) == len(run) and len(set(years)) == len(years):
            concept = YEAR_ITEM.sub("", listed)
            for k, year in zip(run, years):
                out[k] = (concept, year, sentence_start)
            continue
        items = [t for t in ITEM_SPLIT.split(listed) if t.strip()][-len(run):]
        if len(items) == len(run):
            # 济南、临沂、菏泽受理行政一审案件分别为a、b、c: places (or bodies) sharing one cue
            # named after the last of them: each value is one place's, none the whole's.
            per_entity = not any(_any_cue().search(item) for item in items[:-1])
            for k, item in zip(run, items):
                out[k] = ("" if per_entity else item, None, sentence_start)
    return out


@lru_cache(maxsize=1)
def _any_cue() -> re.Pattern:
    """Any cue word of any rule (before, within, sentence)."""
    return re.compile("|".join(f"(?:{rule[k]})" for spec in INDICATORS.values()
                               for rule in spec["rules"] for k in ("before", "within", "sentence")
                               if k in rule))


def extract_indicators(text: str, report_year: int | None = None) -> pd.DataFrame:
    """Codebook indicators stated in `text`, one row per (indicator_id, ref_year), in text order.

    Columns as data/indicators.csv without report_id.
    """
    rows, _ = indicator_rows(text, report_year, find_quantities(text))
    return pd.DataFrame(rows, columns=INDICATOR_COLUMNS)


def indicator_rows(text: str, report_year: int | None, quantities: list[Quantity],
                   trace: list | None = None) -> tuple[list[dict], list[dict]]:
    """(indicator rows, repeats): repeats are later statements of an (indicator, year) already
    found, kept out of the rows and reported by the checks when their value differs. `trace`,
    when given, receives the context each quantity was classified in (for `part_liveness`)."""
    rows: list[dict] = []
    repeats: list[dict] = []
    seen: dict[tuple[str, int | None], tuple[str | None, str]] = {}  # → (value, scope)
    windows: list[tuple[str, int]] = []  # (window text, evidence start) per quantity
    statements: dict[tuple, list] = {}  # (indicator, year) → every statement of it, in order
    last_whose: tuple[int, str] | None = None  # (end, whose) of the last quantity scoped
    sentence_ends, clause_ends = _ends(SENTENCE_END, text), _ends(CLAUSE_END, text)
    stop_ends = _ends(FULL_STOP, text)
    tables = table_cells(text, quantities)
    headed = column_cells(text, quantities)
    listed = series_values(text, quantities, sentence_ends)
    for i, q in enumerate(quantities):
        if i in tables:
            windows.append(("", q.start))
            _table_row(rows, repeats, seen, i, q, tables[i], text, report_year)
            continue
        if i in headed:
            windows.append(("", q.start))
            _column_row(rows, seen, i, q, headed[i], text, report_year)
            continue
        # Context is bounded: a "sentence" of thousands of characters (no 。 in a web copy, an
        # adversarial input) must not make every number rescan it.
        sentence_start = _last_end(sentence_ends, q.start, max(0, q.start - MAX_SENTENCE))
        clause_start = _last_end(clause_ends, q.start, max(sentence_start, q.start - MAX_CLAUSE))
        previous = quantities[i - 1] if i else None
        window_start = max(clause_start, previous.end) if previous else clause_start
        window, evidence_start = text[window_start:q.start], clause_start
        chained = bool(previous and previous.end > clause_start and CHAIN.match(window))
        series_year = None
        if i in listed:  # 人大代表建议、政协提案分别为49件、66件: each value with its item
            window, series_year, evidence_start = listed[i]
            chained = False
        elif chained:
            stated = re.search(r"(?:19|20)\d{2}", window)  # 提高到2020年全年的29.65%
            series_year = int(stated.group()) if stated else None
            window, evidence_start = windows[-1]
        windows.append((window, evidence_start))
        if (q.unit or "") not in RULE_UNITS or CHANGE.search(window):
            continue  # no rule takes this unit (元, 平方米 …), or a change, not a level
        # Rules and the scope read the sentence up to its full stop: a semicolon does not end what
        # it is about (以区政府为被申请人的复议案件共50件;目前审结43件).
        stop_start = _last_end(stop_ends, q.start, max(0, q.start - MAX_SENTENCE))
        sentence_prefix = text[stop_start:q.start]
        found_scope = scope_of(text[clause_start:q.start], sentence_prefix)
        divided = last_whose if last_whose and last_whose[0] >= sentence_start else None
        if divided and found_scope.whose == "region" and divided[1] != "region" and (
                PARTS.match(text, clause_start) or NEXT_ITEM.match(window)
                or (divided[1] == "body" and not WHOLE.search(text[clause_start:q.start]))):
            # 中心办理法律援助案件355件,其中刑事案件342件: the parts are the body's too; so is
            # every later clause of a sentence about one body (…执法大队共有在编人员32人,持有
            # 行政执法证件的30人) until a clause names the whole region (全区…).
            found_scope = Scope(divided[1], found_scope.period, found_scope.stage)
        last_whose = (q.end, found_scope.whose)
        if i in listed and listed[i][1] is not None:  # each value of a year series is that year's
            found_scope = Scope(found_scope.whose, "year", found_scope.stage)
        since = _since_report_year(found_scope, text[clause_start:q.start], sentence_prefix, report_year)
        if since:  # 2023年以来 in the 2023 report: the year so far, not several years
            found_scope = Scope(found_scope.whose, "partial", found_scope.stage)
        if found_scope.period == "plan" or (
                report_year and sentence_prefix.startswith(f"{report_year + 1}年")):
            continue
        clause_end_match = CLAUSE_END.search(text, q.end, q.end + MAX_CLAUSE)
        clause_end = clause_end_match.start() if clause_end_match else min(len(text), q.end + MAX_CLAUSE)
        # The topic carries across a semicolon (收到行政复议申请1113件;受理1033件) and from the
        # sentence before (…收到行政复议申请六十三件。经审查,立案受理四十五件); failing that, the
        # clause after the number names it (审结的977件复议案件).
        topic_start = _last_end(stop_ends, q.start, max(0, q.start - MAX_SENTENCE))
        topic_start = _last_end(stop_ends, max(topic_start - 1, 0), max(0, q.start - MAX_SENTENCE))
        topic_prefix = text[topic_start:q.start]
        if _topic(topic_prefix) is None:
            topic_prefix += text[q.end:clause_end]
        # The rest of the sentence after the number, to its full stop (召开常务会议3次,专题研究法治
        # 政府建设工作; a rule that must stop at a semicolon says so).
        at = bisect_right(stop_ends, q.end)
        tail_end = stop_ends[at] if at < len(stop_ends) else len(text)
        tail = text[q.end:min(tail_end, q.end + MAX_CLAUSE)]
        found = classify(window, text[q.end:clause_end], sentence_prefix, q.unit or "", found_scope,
                         topic_prefix, tail)
        if trace is not None:
            trace.append((window, text[q.end:clause_end], sentence_prefix, q.unit or "",
                          topic_prefix, found_scope, i, found, tail))
        ref_year = series_year or q.ref_year or _sentence_year(sentence_prefix) or report_year
        if found is None and report_year and PREVIOUS_YEAR.match(window):
            found = _previous_year_of(rows, quantities, q, stop_start)
            stated = re.search(r"(?:19|20)\d{2}", window)
            ref_year = q.ref_year or (int(stated.group()) if stated else report_year - 1)
        elif not chained and q.ref_year is None and report_year and COMPARED.search(window):
            ref_year = report_year - 1  # 败诉率较上年的9.2%: the previous year's level
        if found is None:
            continue
        indicator_id, rule_number = found
        rule = INDICATORS[indicator_id]["rules"][rule_number - 1]
        if "topic" in rule or "sentence" in rule:
            evidence_start = min(evidence_start, _context_start(text, sentence_start, clause_start, rule))
        period = PERIOD.search(sentence_prefix) or since
        row = _row(indicator_id, ref_year, q, period.group() if period else None, text,
                   evidence_start, clause_end, i + 1,
                   INDICATORS[indicator_id]["rule_ids"][rule_number - 1], found_scope.label())
        key = (indicator_id, ref_year)
        statement = _Statement(row, sentence_start, q.start, q.end, bool(TOTAL.search(window)))
        if key in seen:
            first, first_scope = seen[key]
            statements[key].append(statement)
            # A repeat is a repeat only when the scope layer says both numbers are the same
            # region, period and stage; otherwise they are two different figures.
            if first != row["value"] and first_scope == row["scope"]:
                repeats.append({"indicator_id": indicator_id, "ref_year": ref_year,
                                "first": first, "again": row["value"],
                                "surface": q.surface, "start": q.start})
            continue  # the first statement wins (but see _settle_siblings)
        seen[key] = (row["value"], row["scope"])
        statements[key] = [statement]
        rows.append(row)
    rows, repeats = _settle_siblings(rows, repeats, statements, text)
    zeros = zero_rows(text, report_year, set(seen), stop_ends, clause_ends)
    if not zeros:
        return rows, repeats
    # In text order: a value read from a number stands where its number stands.
    at = {id(r): quantities[r["quantity_id"] - 1].start for r in rows}
    at.update({id(r): r["cue_start"] for r in zeros})
    merged = sorted(rows + zeros, key=lambda r: at[id(r)])
    return [{k: v for k, v in r.items() if k != "cue_start"} for r in merged], repeats


def zero_rows(text: str, report_year: int | None, taken: set[tuple], stop_ends: list[int],
              clause_ends: list[int]) -> list[dict]:
    """Zeros stated in words (全年未收到政府信息公开申请, 未制发行政规范性文件): one row of value 0
    per (indicator, year) the codebook's `zero` cues name, when no number was taken for it. The
    scope layer applies as to a number (a zero of one body or of a plan is not the region's); the
    year is the one the sentence names before the cue, else the report year. Such a row has no
    quantity (`quantity_id` empty): there is no number in the text."""
    out: list[dict] = []
    if report_year is None:
        return out
    for indicator_id, spec in INDICATORS.items():
        for n, entry in enumerate(spec.get("zero", []), start=1):
            for m in _compiled(entry["cue"], "").finditer(text):
                stop_start = _last_end(stop_ends, m.start(), max(0, m.start() - MAX_SENTENCE))
                clause_start = _last_end(clause_ends, m.start(), max(stop_start, m.start() - MAX_CLAUSE))
                sentence_prefix = text[stop_start:m.start()]
                years = re.findall(r"((?:19|20)\d{2})年度?", sentence_prefix)
                ref_year = int(years[-1]) if years else report_year
                found_scope = scope_of(text[clause_start:m.end()], text[stop_start:m.end()])
                if (indicator_id, ref_year) in taken or not accepts({}, found_scope):
                    continue
                end_match = CLAUSE_END.search(text, m.end(), m.end() + MAX_CLAUSE)
                clause_end = end_match.start() if end_match else min(len(text), m.end() + MAX_CLAUSE)
                period = PERIOD.search(sentence_prefix)
                taken.add((indicator_id, ref_year))
                out.append({**_row(indicator_id, ref_year, None, period.group() if period else None,
                                   text, clause_start, clause_end, None, entry["id"],
                                   found_scope.label()), "cue_start": m.start()})
    return out


# Twelve months across two calendar years from the report year on (the audit year of the 2018
# budget, 2018年7月至2019年6月): that year's work, not several years'. (A span ending in the
# report year, 2020年7月至2021年6月 in a 2021 report, is left as several years: reports date such
# spans by either end.)
YEAR_SPAN = re.compile(r"((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?\s*[至到\-—~]\s*"
                       r"((?:19|20)\d{2})年(\d{1,2})月(?:\d{1,2}日)?")


def _twelve_months(sentence: str, report_year: int) -> re.Match | None:
    for m in YEAR_SPAN.finditer(sentence):
        first, last = int(m[1]), int(m[3])
        months = (last - first) * 12 + int(m[4]) - int(m[2])
        if 11 <= months <= 12 and first == report_year:
            return m
    return None


def _since_report_year(found: Scope, window: str, sentence: str,
                       report_year: int | None) -> re.Match | None:
    """`<report year>年以来`, or twelve months from the report year into the next, when it is the
    only reason the scope says several years: the report year's, for the period printed."""
    if found.period != "several_years" or not report_year:
        return None
    since = (re.search(rf"{report_year}\s*年(?:度)?以来", sentence)
             or _twelve_months(sentence, report_year))
    if since is None:
        return None
    rest = sentence[:since.start()] + sentence[since.end():]
    return since if scope_period(window.replace(since.group(), ""), rest) != "several_years" else None


# 合计 / 共计 after a list: the total of the parts listed before it.
TOTAL = re.compile(r"合计|共计|总计|总数|一共")
# A clause naming the whole region again (全区…): no longer one body's figure.
WHOLE = re.compile(r"全[省市县区州旗盟]|全域|各级|辖区")
# 其中 / 包括 / an opening parenthesis: what follows divides the figure before it (a clause may
# open with it: 主动公开信息126条,包括工作动态11条…; 公开信息2959条(政务公开信息2463条、…)).
PARTS = re.compile(r"\s*(?:其中|包括|包含|\()")
# A clause that only names the next kind of case in a list (因信息公开被申请行政复议2件,行政诉讼0件):
# it continues the clause before it, whose figure it shares.
NEXT_ITEM = re.compile(r"^(?:行政)?(?:复议|诉讼)(?:案件)?$")


@dataclass(frozen=True)
class _Statement:
    row: dict
    sentence: int  # where its sentence (to a semicolon) starts
    start: int  # the quantity's offsets
    end: int
    total: bool  # introduced by 合计 / 共计


def _settle_siblings(rows: list[dict], repeats: list[dict], statements: dict,
                     text: str) -> tuple[list[dict], list[dict]]:
    """One sentence giving one indicator several values (宣布失效7件、宣布废止5件,合计12件;
    省人大代表建议3件、市人大代表建议39件) at one scope lists parts, not the whole (a sentence ends
    at a semicolon here):
    - a value introduced by 合计 / 共计 is the whole, and replaces the parts before it;
    - values after 其中 are parts of the first, which stays;
    - otherwise no value of the list is the whole, and the indicator is not taken from it.
    The parts are not repeats: they leave the checks."""
    replace: dict[int, dict | None] = {}
    parts: set[tuple] = set()
    for key, found in statements.items():
        first = found[0]
        siblings = [s for s in found[1:] if s.sentence == first.sentence
                    and s.row["value"] != first.row["value"] and s.row["scope"] == first.row["scope"]]
        if not siblings:
            continue
        parts |= {(key, s.start) for s in siblings}
        totals = [s for s in siblings if s.total]
        if first.total:
            continue
        if totals:
            replace[id(first.row)] = totals[-1].row
        elif not all(PARTS.search(text, first.end, s.start) for s in siblings):
            replace[id(first.row)] = None
    if not replace and not parts:
        return rows, repeats
    rows = [replace.get(id(r), r) for r in rows]
    kept = [r for r in rows if r is not None]
    repeats = [r for r in repeats if ((r["indicator_id"], r["ref_year"]), r["start"]) not in parts]
    return kept, repeats
    return rows, repeats


# A sentence that opens with a year (2023年全市…, 截至2017年底…) states its figures for that year.
SENTENCE_YEAR = re.compile(
    r"\s*(?:截至|截止到?|到)?((?:19|20)\d{2})\s*年(?:度|底|末)?(?![以至到\-—~]|\d|\s*[-—~至到])")


# A part of a sentence that opens with its own time, today (目前, 今年, 当前, 截至目前).
PART_NOW = re.compile(r"\s*(?:目前|今年|当前|现阶段|截至目前|截止目前)")


def _sentence_year(sentence_prefix: str) -> int | None:
    """The year that opens the part of the sentence the number is in (after a semicolon or a
    colon), else the year that opens the sentence."""
    part = max(sentence_prefix.rfind(";"), sentence_prefix.rfind(":"))
    if part >= 0 and PART_NOW.match(sentence_prefix, part + 1):
        return None  # 截至2017年底…802人;目前…已达1633人: the part after the semicolon is now's
    m = ((part >= 0 and SENTENCE_YEAR.match(sentence_prefix, part + 1))
         or SENTENCE_YEAR.match(sentence_prefix))
    return int(m[1]) if m else None


def _previous_year_of(rows: list[dict], quantities: list[Quantity], q: Quantity,
                      sentence_start: int) -> tuple[str, int] | None:
    """较上年的38个 after 审计项目45个: the same indicator as the sentence's last value, when the
    units agree."""
    if not rows or rows[-1]["start"] < sentence_start:
        return None
    last = quantities[rows[-1]["quantity_id"] - 1]
    ids = INDICATORS[rows[-1]["indicator_id"]]["rule_ids"]
    if last.unit != q.unit or rows[-1]["rule"] not in ids:
        return None
    return rows[-1]["indicator_id"], ids.index(rows[-1]["rule"]) + 1


def _table_row(rows: list[dict], repeats: list[dict], seen: dict, i: int, q: Quantity,
               cell: tuple[str, int, int, int], text: str, report_year: int | None) -> None:
    """The row of a value read from a table cell: its evidence is the table row."""
    indicator_id, number, start, end = cell
    key = (indicator_id, report_year)
    if key in seen:
        if seen[key] != (decimal_text(q.value), "region/year/any"):
            repeats.append({"indicator_id": indicator_id, "ref_year": report_year,
                            "first": seen[key][0], "again": decimal_text(q.value),
                            "surface": q.surface, "start": q.start})
        return
    seen[key] = (decimal_text(q.value), "region/year/any")
    rows.append(_row(indicator_id, report_year, q, None, text, start, end, i + 1,
                     f"{indicator_id}#table{number}", "region/year/any"))


def _row(indicator_id: str, ref_year: int | None, q: Quantity | None, period: str | None,
         text: str, start: int, end: int, quantity_id: int | None, rule: str, scope: str) -> dict:
    """One row of indicators.csv (without report_id): the value of `q`, or 0 stated in words
    when `q` is None; the evidence is text[start:end]."""
    return {
        "indicator_id": indicator_id, "ref_year": ref_year,
        "value": decimal_text(q.value) if q else "0", "unit": INDICATORS[indicator_id]["unit"],
        "qualifier": q.qualifier if q else "exact", "lower": decimal_text(q.lower) if q else None,
        "upper": decimal_text(q.upper) if q else None, "period": period or "year",
        "evidence": text[start:end], "start": start, "end": end, "quantity_id": quantity_id,
        "rule": rule, "scope": scope,
    }


def _context_start(text: str, sentence_start: int, clause_start: int, rule: dict) -> int:
    """Start of the clause holding the sentence-level cue or topic the rule relied on."""
    pattern = rule.get("sentence") or TOPICS[rule["topic"]]
    hits = list(re.finditer(pattern, text[sentence_start:clause_start]))
    if not hits:
        return clause_start
    at = sentence_start + hits[-1].start()
    return _last(CLAUSE_END, text, sentence_start, at)


# --- which rule parts do any work ------------------------------------------------------------


def part_liveness(passages: list[tuple[str, int | None]]) -> tuple[dict, dict]:
    """Over some texts: how often each rule fired, and how often each of its parts (exclusion
    terms one by one) was the only thing that stopped it. A part that never stops anything is
    dead: removing it would change no output on these texts.

    Returns ({rule id: times fired}, {(rule id, part): times it alone stopped a quantity}).
    """
    raw = load_rules()
    fired = {r["id"]: 0 for spec in raw.values() for r in spec["rules"]}
    live: dict[tuple[str, str], int] = {}
    for spec in raw.values():
        for rule in spec["rules"]:
            for part in part_results(rule, "", "", "", "", "", "any"):
                live[(rule["id"], part)] = 0
    for text, year in passages:
        trace: list = []
        indicator_rows(text, year, find_quantities(text), trace)
        for window, after, sentence, unit, topic_prefix, found_scope, _, _, tail in trace:
            for indicator_id, spec in raw.items():
                for rule in spec["rules"]:
                    if not accepts_whose_and_period(rule, found_scope,
                                                    spec.get("allow_multi_year", False)):
                        continue  # stages are a part of the rule, checked below
                    results = part_results(rule, window, after, sentence, unit, topic_prefix,
                                           found_scope.stage, tail)
                    failing = [part for part, ok in results.items() if not ok]
                    if not failing:
                        fired[rule["id"]] += 1
                    elif len(failing) == 1:
                        live[(rule["id"], failing[0])] += 1
    return fired, live


def near_misses(text: str, report_year: int | None) -> list[dict]:
    """Quantities in an indicator's topic that no rule took: the sentence before the number holds
    one of the indicator's cue words (a rule's before/within/sentence pattern), the unit is one
    the indicator uses, and no rule fired. For reviewers: rule gaps made visible."""
    quantities = find_quantities(text)
    trace: list = []
    indicator_rows(text, report_year, quantities, trace)
    return traced_near_misses(text, quantities, trace)


@lru_cache(maxsize=1)
def _near_miss_cues() -> list[tuple[str, set, list[re.Pattern]]]:
    """(indicator_id, its units, its cue patterns) in codebook order."""
    return [(indicator_id, {u for rule in spec["rules"] for u in rule["units"]},
             [re.compile(rule[k]) for rule in spec["rules"] for k in ("before", "within", "sentence")
              if k in rule])
            for indicator_id, spec in INDICATORS.items()]


def traced_near_misses(text: str, quantities: list[Quantity], trace: list) -> list[dict]:
    """`near_misses` from the trace of an `indicator_rows` call already made on `text` with these
    quantities (extraction computes both in one pass)."""
    out = []
    for window, after, sentence, unit, _, found_scope, i, found, _ in trace:
        if found is not None or not unit:
            continue
        for indicator_id, units, cues in _near_miss_cues():
            if unit in units and any(c.search(sentence) for c in cues):
                q = quantities[i]
                out.append({"indicator_id": indicator_id, "surface": q.surface, "start": q.start,
                            "end": q.end, "scope": found_scope.label(),
                            "clause": (sentence + text[q.start:q.end] + after)[-160:]})
                break
    return out


# --- consistency checks -----------------------------------------------------------------------

# (check name, smaller indicator, larger indicator): the first may not exceed the second.
NOT_MORE_THAN = [
    ("accepted_le_applications", "admin_reconsideration_accepted_count",
     "admin_reconsideration_applications_count"),
    ("rejected_le_applications", "admin_reconsideration_rejected_count",
     "admin_reconsideration_applications_count"),
    ("mediation_success_le_cases", "people_mediation_success_count", "people_mediation_cases_count"),
    ("gov_defendant_le_litigation_cases", "admin_litigation_gov_defendant_cases_count",
     "admin_litigation_cases_count"),
]
# (check name, rate, numerator, denominator): the stated rate agrees with its counts.
RATE_OF = [
    ("mediation_success_rate_matches_counts", "people_mediation_success_rate_pct",
     "people_mediation_success_count", "people_mediation_cases_count"),
]


def _decimals(value: str) -> int:
    return len(value.partition(".")[2])


def checks(indicators: pd.DataFrame | list[dict], report_year: int | None, repeats: list[dict] = ()) -> list[dict]:
    """Consistency findings about one report's own numbers (year = report_year, exact values).

    Every check that can be made is reported, consistent or not; a rate agrees with its counts
    when it differs from 100·numerator/denominator by less than one unit of its last printed
    decimal (reports round and truncate).
    """
    if isinstance(indicators, pd.DataFrame):
        current = indicators[(indicators["ref_year"] == report_year) & (indicators["qualifier"] == "exact")]
        values = dict(zip(current["indicator_id"], current["value"]))
    else:  # the rows of `indicator_rows` (extraction: no frame per report)
        values = {r["indicator_id"]: r["value"] for r in indicators if report_year is not None
                  and r["ref_year"] == report_year and r["qualifier"] == "exact"}
    grouped: dict[tuple, list[dict]] = {}
    for r in repeats:
        grouped.setdefault((r["indicator_id"], r["ref_year"]), []).append(r)
    out = [{"check": f"repeat_{indicator_id}_{year}", "is_consistent": False,
            "detail": f"stated as {group[0]['first']} first, later also as "
            + ", ".join(f"{r['again']} ({r['surface']!r} at offset {r['start']})" for r in group)}
           for (indicator_id, year), group in grouped.items()]
    for name, small, large in NOT_MORE_THAN:
        if small in values and large in values:
            ok = Decimal(values[small]) <= Decimal(values[large])
            out.append({"check": name, "is_consistent": ok,
                        "detail": f"{small} {values[small]} {'<=' if ok else '>'} {large} {values[large]}"})
    for name, rate, numerator, denominator in RATE_OF:
        if rate in values and numerator in values and denominator in values:
            if Decimal(values[denominator]) == 0:
                continue
            computed = 100 * Decimal(values[numerator]) / Decimal(values[denominator])
            tolerance = Decimal(1).scaleb(-_decimals(values[rate]))
            ok = abs(computed - Decimal(values[rate])) < tolerance
            out.append({"check": name, "is_consistent": ok,
                        "detail": f"stated {values[rate]}%, {numerator}/{denominator} = "
                        f"{values[numerator]}/{values[denominator]} = {computed:.4f}%"})
    return out
