"""Segment: heading hierarchy → sections, the five required elements, 纲要 chapters.

Input:  data/interim/reports.csv, data/texts/<report_id>.txt.
Output: data/interim/sections.csv, data/interim/elements.csv (five has_* flags per report),
        data/interim/outline_shares.csv (share of each report's text per 纲要 chapter).

The rules live in `fazhi.sections` (pure, per text); this stage applies them to every report.
"""

from __future__ import annotations

import sys

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.codebook import INTERIM
from fazhi.chinese import simplified
from fazhi.parallel import map_reports, progress_line
from fazhi.sections import element_flags, outline_shares, segment

# --- the stage --------------------------------------------------------------------------------

SECTION_COLUMNS = INTERIM["sections"]["fields"]


def segment_one(item: tuple[str, int, str]) -> tuple[list[dict], dict, list[dict]]:
    """(section rows, element flags, outline shares) of one report. Pure (runs in workers)."""
    report_id, year, text = item
    found = segment(text, year)
    sections = [{"report_id": report_id, **vars(s)} for s in found]
    flags = {"report_id": report_id, **element_flags(found, text, year)}
    return sections, flags, outline_shares(report_id, text, found)


def run(reports: pd.DataFrame, texts: dict[str, str], n_workers: int | None = 1, progress=None):
    """(sections, element flags, outline shares) for every report. Pure."""
    items = [(r.report_id, int(r.report_year), simplified(texts[r.report_id]))
             for r in reports.itertuples(index=False)]
    sections, flags, shares = [], [], []
    for found, flag, share in map_reports(segment_one, items, n_workers, progress):
        sections += found
        flags.append(flag)
        shares += share
    sections_df = pd.DataFrame(sections, columns=SECTION_COLUMNS)
    sections_df = sections_df.astype({"outline_chapter": "Int64"})
    return sections_df, pd.DataFrame(flags), pd.DataFrame(shares)


def main() -> None:
    reports = interim.read("reports")
    texts = {rid: paths.text_path(rid).read_text(encoding="utf-8") for rid in reports["report_id"]}
    workers = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))["parallel"]["workers"]
    sections, flags, shares = run(reports, texts, workers, progress_line("segment"))
    interim.write("sections", sections)
    interim.write("elements", flags)
    interim.write("outline_shares", shares)
    print(f"segment: {len(reports)} reports -> {len(sections)} sections", file=sys.stderr)


if __name__ == "__main__":
    main()
