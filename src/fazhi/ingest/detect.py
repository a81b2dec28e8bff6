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
from fazhi.ingest.clean import Cleaned
from fazhi.ingest.reject import Reject
from fazhi.numerals import parse_digits, parse_ordinal

# Keys whose value is the page's publication date, best first. 今天是 is a site clock, never used.
PUBLISH_KEYS = ("发布日期", "发布时间", "发文日期", "日期", "时间")
TITLE_CUE = re.compile(r"(?:法治|依法行政|法制)")
TITLE_END = re.compile(r"(?:报告|情况|总结)$")
YEAR_IN_TITLE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
YEAR_OPENING = re.compile(r"^((?:19|20)\d{2})年(?:度)?[,，以来]")
YEAR_HEADING = re.compile(r"^[一二三四五六七八九十]+、\s*((?:19|20)\d{2})年")
DATE = re.compile(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
SIGNATURE_DATE = re.compile(
    r"^([〇零○O一二三四五六七八九\d]{4})年([一二三四五六七八九十\d]{1,3})月([一二三四五六七八九十\d]{1,3})日$"
)
ISSUER = re.compile(
    r"^(.{2,30}?(?:人民政府办公室|人民政府办公厅|人民政府|委员会|办公室|办公厅|局|厅|委|院|署|中心))"
)
GOVERNMENT = re.compile(r"(?:人民政府|政府)$")

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


def find_title(header_lines: list[str]) -> str | None:
    """The report's title: a short line above the body naming rule-of-law work, maybe split."""
    for i, line in enumerate(header_lines):
        if len(line) > 80 or not TITLE_CUE.search(line) or line.endswith("。"):
            continue
        title = line
        if not TITLE_END.search(title) and i + 1 < len(header_lines):
            nxt = header_lines[i + 1]
            if len(nxt) <= 40 and TITLE_END.search(nxt):
                title += nxt
        return re.sub(r"(?<=\S) (?=\S)", "", title)
    return None


def signature(lines: list[str]) -> tuple[str | None, str | None]:
    """(issuer, date) printed under the report's last paragraph, if any."""
    issuer = date = None
    for line in lines[-3:]:
        m = SIGNATURE_DATE.match(line)
        if m:
            try:
                date = dt.date(parse_digits(m[1]), parse_ordinal(m[2]), parse_ordinal(m[3])).isoformat()
            except ValueError:
                date = None
        elif len(line) <= 30 and ISSUER.match(line) and ISSUER.match(line)[1] == line:
            issuer = line
    return issuer, date


def find_year(title: str | None, lines: list[str]) -> int | None:
    """The year the report covers: from the title, else the body's opening, else a top heading."""
    if title:
        m = YEAR_IN_TITLE.search(title)
        if m:
            return int(m[1])
    for line in lines[:5]:
        m = YEAR_OPENING.match(line)
        if m:
            return int(m[1])
    for line in lines:
        m = YEAR_HEADING.match(line)
        if m:
            return int(m[1])
    return None


def find_publish_date(page_meta: dict[str, str], signature_date: str | None) -> str | None:
    """The page's publish date, else the signature date; never a site clock (今天是)."""
    for key in PUBLISH_KEYS:
        if key in page_meta:
            parsed = _parse_date(page_meta[key])
            if parsed:
                return parsed
    return signature_date


def detect(cleaned: Cleaned) -> dict:
    """Metadata detected from one cleaned text (fields may be None where the text is silent).

    Detection reads the simplified view of the text, so a traditional-character copy gives the
    same title, issuer and region as a simplified one.
    """
    lines = simplified(cleaned.text).rstrip("\n").split("\n")
    title = find_title([simplified(line) for line in cleaned.header_lines])
    signed_by, signed_on = signature(lines)
    year = find_year(title, lines)
    issuer = None
    if title and ISSUER.match(title) and not YEAR_IN_TITLE.match(title):
        candidate = ISSUER.match(title)[1]
        issuer = candidate.removesuffix("关于")
    issuer = issuer or signed_by
    return {
        "title": title,
        "issuer": issuer,
        "report_year": year,
        "publish_date": find_publish_date(cleaned.page_meta, signed_on),
        # Where to look for the region, most telling first.
        "_region_texts": [t for t in (title, issuer, signed_by, " ".join(lines[:3])) if t],
    }


def resolve_region(meta: dict, year: int) -> regions.Region:
    """The report's region: an override's code or name, else the first text that names one."""
    if meta.get("region_code"):
        region = regions.by_code(str(meta["region_code"]), year)
        if region is None:
            raise Reject(f"region_code {meta['region_code']} is not in force in {year}")
        return region
    texts = [meta["region_name"]] if meta.get("region_name") else meta["_region_texts"]
    for text in texts:
        found = regions.find_region(text, year)
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            names = ", ".join(f"{r.name} {r.code}" for r in found)
            raise Reject(f"ambiguous region ({names}): give region_code in data/raw/sources.csv")
    raise Reject(
        "no known region named in the title, signature or opening paragraph: give region_code "
        "in data/raw/sources.csv (or add the region to src/fazhi/codebook/regions.csv)"
    )


def report_metadata(cleaned: Cleaned, override: dict) -> dict:
    """All reports.csv metadata columns for one text, overrides applied. Raises Reject."""
    meta = detect(cleaned)
    for key in OVERRIDABLE:
        if override.get(key) not in (None, ""):
            meta[key] = override[key]
    if not meta.get("report_year"):
        raise Reject(
            "no report year found in the title or opening: give report_year in data/raw/sources.csv"
        )
    year = int(meta["report_year"])
    region = resolve_region(meta, year)
    where = regions.describe(region, year)
    issuer = meta.get("issuer") or f"{where['region_name']}人民政府"
    issuer_type = meta.get("issuer_type") or (
        "government" if GOVERNMENT.search(issuer) else "department"
    )
    publish_date = meta.get("publish_date") or None
    return {
        "title": meta.get("title"),
        "issuer": issuer,
        "issuer_type": issuer_type,
        **where,
        "report_year": year,
        "publish_date": publish_date,
    }
