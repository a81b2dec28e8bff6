"""The published tables: which fields, in which order, with which keys.

Column definitions come from `fields.FIELDS`; this module only arranges them into tables.
"""

from __future__ import annotations

RESOURCES: dict[str, dict] = {
    "reports": {
        "path": "data/reports.csv",
        "title": "法治政府建设年度报告目录",
        "description": "One row per report: metadata, provenance and statutory compliance.",
        "fields": [
            "report_id",
            "source_file",
            "source_sha256",
            "source_url",
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
            "n_chars",
            "n_quantities",
        ],
        "primary_key": ["report_id"],
        "unique": [["source_file"], ["source_sha256"]],
        "foreign_keys": [],
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
        ],
        "primary_key": ["report_id", "quantity_id"],
        "unique": [],
        "foreign_keys": [
            {"fields": ["report_id"], "reference": {"resource": "reports", "fields": ["report_id"]}}
        ],
    },
}
