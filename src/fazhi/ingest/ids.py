"""Report ids: region code + report year (+ department suffix) (+ a number for further reports)."""

from __future__ import annotations

import hashlib
import re

# ASCII suffixes for department reports; other departments get a short hash of the name.
DEPARTMENT_SUFFIX = {
    "司法局": "sfj", "司法厅": "sft", "公安局": "gaj", "财政局": "czj", "教育局": "jyj",
    "自然资源局": "zrzyj", "生态环境局": "sthjj", "住房和城乡建设局": "zjj", "交通运输局": "jtysj",
    "农业农村局": "nyncj", "商务局": "swj", "文化和旅游局": "wlj", "卫生健康委员会": "wjw",
    "应急管理局": "yjglj", "市场监督管理局": "scjgj", "税务局": "swj2", "人力资源和社会保障局": "rsj",
    "民政局": "mzj", "审计局": "sjj", "统计局": "tjj", "发展和改革委员会": "fgw",
}


def department_suffix(issuer: str, region_name: str) -> str:
    """A stable ASCII suffix for a department's report id."""
    unit = issuer.removeprefix(region_name)
    unit = re.sub(r"^.*?[省市县区]", "", unit) if unit == issuer else unit
    return DEPARTMENT_SUFFIX.get(unit) or "d" + hashlib.sha256(unit.encode()).hexdigest()[:6]


def assign_ids(reports: list[dict]) -> None:
    """report_id = region code + year (+ department suffix) (+ -2, -3 for further reports)."""
    counts: dict[str, int] = {}
    for r in reports:  # already in source_file order, so ids are stable
        base = f"{r['region_code']}-{r['report_year']}"
        if r["issuer_type"] == "department":
            base += "-" + department_suffix(r["issuer"], r["region_name"])
        counts[base] = counts.get(base, 0) + 1
        r["report_id"] = base if counts[base] == 1 else f"{base}-{counts[base]}"
