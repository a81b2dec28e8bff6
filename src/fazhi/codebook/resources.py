"""The published tables: which fields, in which order, with which keys.

Column definitions come from `fields.FIELDS`; this module only arranges them into tables.
"""

from __future__ import annotations

from fazhi.codebook.indicators import INDICATORS

# reports.region_code is a region of the region table (as of the report year: checked by ingest).
REGIONS_FK = {"fields": ["region_code"],
              "reference": {"resource": "regions", "fields": ["region_code"]}}
# Every per-report table refers to reports.csv.
REPORTS_FK = {"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}

RESOURCES: dict[str, dict] = {
    "regions": {
        "path": "data/regions.csv",
        "title": "行政区划代码表",
        "description": "Every province-, prefecture- and county-level division of the PRC with its "
        "GB/T 2260 code and the years it was in force (2009–2026), its names, parent and "
        "predecessors: the table reports.region_code refers to. Built by "
        "scripts/regions/build_regions.py from pinned sources (scripts/regions/sources.md).",
        "fields": ["region_code", "region_name", "short_names", "admin_level", "parent_code",
                   "valid_from", "valid_to", "predecessors", "region_note", "region_source"],
        "primary_key": ["region_code", "valid_from"],
        "unique": [],
        "foreign_keys": [],
        "table_checks": ["overlapping_periods", "orphans", "shared_names_under_one_parent",
                         "counts_off_official"],
    },
    "reports": {
        "path": "data/reports.csv",
        "title": "法治政府建设年度报告目录",
        "description": "One row per report: metadata, provenance and statutory compliance.",
        "fields": [
            "report_id",
            "source_file",
            "source_sha256",
            "source_url",
            "retrieved",
            "title",
            "issuer",
            "issuer_type",
            "region_name",
            "region_code",
            "province",
            "prefecture",
            "admin_level",
            "report_year",
            "publish_date",
            "deadline",
            "is_published_on_time",
            "has_measures_and_results",
            "has_shortcomings",
            "has_leader_duties",
            "has_next_year_plan",
            "has_other_matters",
            "n_chars",
            "n_quantities",
            "n_indicators",
        ],
        "primary_key": ["report_id"],
        "unique": [["source_file"], ["source_sha256"]],
        "foreign_keys": [REGIONS_FK],
    },
    "rejects": {
        "path": "data/rejects.csv",
        "title": "未能入库的原始文件",
        "description": "One row per raw input that could not become a report, with the reason. "
        "Every file in data/raw/ is either in reports or here.",
        "fields": ["source_file", "source_sha256", "reason"],
        "primary_key": ["source_file"],
        "unique": [],
        "foreign_keys": [],
    },
    "quantities": {
        "path": "data/quantities.csv",
        "title": "报告中的全部数量表述",
        "description": "Every number in a report that states a quantity, parsed exactly, with unit, "
        "qualifier, the year it refers to, and its offsets in the cleaned text.",
        "fields": [
            "report_id",
            "quantity_id",
            "value",
            "unit",
            "qualifier",
            "lower",
            "upper",
            "ref_year",
            "surface",
            "start",
            "end",
            "section_id",
        ],
        "primary_key": ["report_id", "quantity_id"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK
        ],
    },
    "sections": {
        "path": "data/sections.csv",
        "title": "报告章节结构",
        "description": "Every numbered heading of every report (and the preamble), with its span in "
        "the cleaned text, the statutory element it covers and its 纲要 chapter.",
        "fields": ["report_id", "section_id", "level", "number", "heading", "start", "end",
                   "element", "outline_chapter"],
        "primary_key": ["report_id", "section_id"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK
        ],
    },
    "outline_shares": {
        "path": "data/outline_shares.csv",
        "title": "各纲要章节篇幅占比",
        "description": "For each report and each of the ten chapters of the 2021-2025 outline, how "
        "much of the text is about it: for comparing regions' emphasis.",
        "fields": ["report_id", "outline_chapter", "n_chars_in_chapter", "text_share_pct"],
        "primary_key": ["report_id", "outline_chapter"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK
        ],
    },
    "codebook": {
        "path": "data/codebook.csv",
        "title": "指标代码本",
        "description": "Every indicator: names, unit, 纲要 chapter, definition and scope note. The "
        "extraction rules are in src/fazhi/codebook/indicators.py.",
        "fields": ["indicator_id", "name_zh", "name_en", "unit", "outline_chapter", "definition",
                   "scope_note"],
        "primary_key": ["indicator_id"],
        "unique": [],
        "foreign_keys": [],
    },
    "indicators": {
        "path": "data/indicators.csv",
        "title": "法治政府建设指标",
        "description": "Codebook indicator values stated in the reports, each with the clause it "
        "comes from (verbatim, with offsets), the quantity and the rule. Missing = not stated or "
        "not extracted.",
        "fields": ["report_id", "indicator_id", "ref_year", "value", "unit", "qualifier", "lower",
                   "upper", "period", "evidence", "start", "end", "quantity_id", "rule",
            "scope",
                   "section_id"],
        "primary_key": ["report_id", "indicator_id", "ref_year"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK,
            {"fields": ["indicator_id"], "reference": {"resource": "codebook", "fields": ["indicator_id"]}},
        ],
    },
    "indicators_wide": {
        "path": "data/indicators_wide.csv",
        "title": "法治政府建设指标(宽表)",
        "description": "One row per report, one column per indicator: the full-year values for "
        "ref_year = report_year (partial-period values and ranges left out; a value that is not "
        "exact is listed in qualified_values). Derived from indicators.csv for regressions; never "
        "edited.",
        "fields": ["report_id", "report_year", *INDICATORS, "qualified_values"],
        "primary_key": ["report_id"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK
        ],
    },
    "checks": {
        "path": "data/checks.csv",
        "title": "报告数据一致性核对",
        "description": "Consistency checks of each report's own numbers (a stated rate against its "
        "counts, a part against its whole, a figure stated twice). An inconsistency is published "
        "here, not a reason to drop the report.",
        "fields": ["report_id", "check", "is_consistent", "detail"],
        "primary_key": ["report_id", "check"],
        "unique": [],
        "foreign_keys": [
            REPORTS_FK
        ],
    },
}

# Scratch tables the stages hand to each other (data/interim/, DVC-cached, git-ignored). Each is
# checked against its schema by the stage that writes it, so a broken intermediate fails there.
# Columns are those of a published table; `publish` adds what is derived (compliance, counts).
DERIVED_AT_PUBLISH = ["deadline", "is_published_on_time", "has_measures_and_results",
                      "has_shortcomings", "has_leader_duties", "has_next_year_plan",
                      "has_other_matters", "n_quantities", "n_indicators"]
INTERIM: dict[str, dict] = {
    "reports": {"fields": [f for f in RESOURCES["reports"]["fields"] if f not in DERIVED_AT_PUBLISH],
                "primary_key": ["report_id"]},
    "rejects": {"fields": RESOURCES["rejects"]["fields"], "primary_key": ["source_file"]},
    "elements": {"fields": ["report_id", *DERIVED_AT_PUBLISH[2:7]], "primary_key": ["report_id"]},
    **{name: {"fields": RESOURCES[name]["fields"], "primary_key": RESOURCES[name]["primary_key"]}
       for name in ("sections", "outline_shares", "quantities", "indicators", "checks")},
}
