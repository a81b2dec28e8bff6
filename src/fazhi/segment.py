"""Segment: heading hierarchy → sections, the five required elements, 纲要 chapters.

Input:  data/interim/reports.csv, data/texts/<report_id>.txt.
Output: data/interim/sections.csv, data/interim/elements.csv (five has_* flags per report),
        data/interim/outline_shares.csv (share of each report's text per 纲要 chapter).

The rules live in `fazhi.sections` (pure, per text); this stage applies them to every report.
`main()` streams: texts are read as workers need them and the tables written `parallel.batch`
reports at a time, in the same order and bytes as `run()` gives for the whole corpus.
"""

from __future__ import annotations

import sys

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.codebook import INTERIM
from fazhi.chinese import simplified
from fazhi.parallel import BATCH, batches, progress_line, stream_reports
from fazhi.sections import ChapterIndex, element_flags, outline_shares, segment

# --- the stage --------------------------------------------------------------------------------

SECTION_COLUMNS = INTERIM["sections"]["fields"]
TABLES = ("sections", "elements", "outline_shares")


def segment_one(item: tuple[str, int, str]) -> tuple[list[dict], dict, list[dict]]:
    """(section rows, element flags, outline shares) of one report's simplified text. Pure."""
    report_id, year, text = item
    chapters = ChapterIndex(text)
    found = segment(text, year, chapters)
    sections = [{"report_id": report_id, **vars(s)} for s in found]
    flags = {"report_id": report_id, **element_flags(found, text, year)}
    return sections, flags, outline_shares(report_id, text, found, chapters)


def segment_text(item: tuple[str, int, str]) -> tuple[list[dict], dict, list[dict]]:
    """`segment_one` of a cleaned text as published (simplified here, in the worker)."""
    report_id, year, text = item
    return segment_one((report_id, year, simplified(text)))


def tables(results) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The results of some reports, in order → (sections, element flags, outline shares)."""
    sections, flags, shares = [], [], []
    for found, flag, share in results:
        sections += found
        flags.append(flag)
        shares += share
    sections_df = pd.DataFrame(sections, columns=SECTION_COLUMNS)
    sections_df = sections_df.astype({"outline_chapter": "Int64"})
    return (sections_df, pd.DataFrame(flags, columns=INTERIM["elements"]["fields"]),
            pd.DataFrame(shares, columns=INTERIM["outline_shares"]["fields"]))


def run(reports: pd.DataFrame, texts: dict[str, str], n_workers: int | None = 1, progress=None):
    """(sections, element flags, outline shares) for every report. Pure."""
    items = [(r.report_id, int(r.report_year), texts[r.report_id])
             for r in reports.itertuples(index=False)]
    return tables(stream_reports(segment_text, items, n_workers, progress))


def segment_to(writers: dict, reports: pd.DataFrame, read_text, n_workers: int | None = 1,
               progress=None, batch: int = BATCH) -> int:
    """Stream every report through `segment_text` into `writers` (table name → interim.Writer),
    `batch` reports at a time, reading each text with `read_text(report_id)` only when a worker
    needs it. Returns the number of sections."""
    items = ((r.report_id, int(r.report_year), read_text(r.report_id))
             for r in reports.itertuples(index=False))
    results = stream_reports(segment_text, items, n_workers, progress, len(reports), batch)
    n_sections = 0
    for part in batches(results, batch):
        for name, frame in zip(TABLES, tables(part)):
            writers[name].write(frame)
        n_sections += sum(len(found) for found, _, _ in part)
    return n_sections


def main() -> None:
    reports = interim.read("reports")
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))["parallel"]
    with interim.Writer("sections") as sections, interim.Writer("elements") as elements, \
            interim.Writer("outline_shares") as shares:
        n_sections = segment_to({"sections": sections, "elements": elements,
                                 "outline_shares": shares}, reports,
                                lambda rid: paths.text_path(rid).read_text(encoding="utf-8"),
                                params["workers"], progress_line("segment"),
                                params.get("batch", BATCH))
    print(f"segment: {len(reports)} reports -> {n_sections} sections", file=sys.stderr)


if __name__ == "__main__":
    main()
