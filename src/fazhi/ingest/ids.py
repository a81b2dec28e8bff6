"""Report ids: region code + report year, a suffix for a department's or township's report.

- `330281-2022`: the government of 余姚市, report year 2022;
- `330200-2022-sfj`: a department of 宁波市 (司法局; departments without a short code get `d` and
  six hex digits of the body's name);
- `330106-2023-t1a2b3c`: a township or street of 西湖区 (`t` and six hex digits of its name).
An id depends only on the report itself, never on file names or on which other files exist,
except when two files claim the same id: then every one of them gets `-` and the first six hex
digits of its own raw file's sha256 (`330281-2022-3e5e63`), so neither depends on file order. A
clash usually means a duplicate copy or a second version; sources.csv can settle it.
"""

from __future__ import annotations

import hashlib
from collections import Counter

# ASCII suffixes for department reports; other departments get a short hash of the name.
DEPARTMENT_SUFFIX = {
    "司法局": "sfj", "司法厅": "sft", "公安局": "gaj", "公安厅": "gat", "财政局": "czj",
    "财政厅": "czt", "教育局": "jyj", "教育厅": "jyt", "自然资源局": "zrzyj",
    "自然资源和规划局": "zrzyj", "自然资源厅": "zrzyt", "生态环境局": "sthjj",
    "生态环境厅": "sthjt", "住房和城乡建设局": "zjj", "住房和城乡建设厅": "zjt",
    "交通运输局": "jtysj", "交通运输厅": "jtyst", "农业农村局": "nyncj", "农业农村厅": "nynct",
    "商务局": "swj", "商务厅": "swt", "文化和旅游局": "wlj", "文化和旅游厅": "wlt",
    "卫生健康委员会": "wjw", "卫生健康局": "wjj", "应急管理局": "yjglj", "应急管理厅": "yjglt",
    "市场监督管理局": "scjgj", "税务局": "swj2", "人力资源和社会保障局": "rsj",
    "人力资源和社会保障厅": "rst", "民政局": "mzj", "民政厅": "mzt", "审计局": "sjj",
    "审计厅": "sjt", "统计局": "tjj", "发展和改革委员会": "fgw", "水利局": "slj", "水利厅": "slt",
    "人民政府办公室": "zfb", "人民政府办公厅": "zfbt",
}


def _short_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:6]


def unit_suffix(issuer_type: str, unit: str | None) -> str | None:
    """The id suffix of a department's or township's report (None for a government's)."""
    if issuer_type == "department" and unit:
        return DEPARTMENT_SUFFIX.get(unit) or "d" + _short_hash(unit)
    if issuer_type == "township" and unit:
        return "t" + _short_hash(unit)
    return None


def base_id(report: dict) -> str:
    base = f"{report['region_code']}-{report['report_year']}"
    suffix = unit_suffix(report["issuer_type"], report.get("_unit"))
    return f"{base}-{suffix}" if suffix else base


def assign_ids(reports: list[dict]) -> None:
    """Give every report its id (see the module docstring); clashes get their file's hash."""
    bases = [base_id(r) for r in reports]
    clashing = {b for b, n in Counter(bases).items() if n > 1}  # linear: 100,000 reports
    for report, base in zip(reports, bases):
        report["report_id"] = (f"{base}-{report['source_sha256'][:6]}" if base in clashing
                               else base)
        report.pop("_unit", None)
    ids = [r["report_id"] for r in reports]
    assert len(set(ids)) == len(ids), "two files with the same bytes got through to ids"
