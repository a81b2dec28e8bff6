"""Extract: every quantity in every cleaned text.

Input:  data/interim/reports.csv (which reports exist), data/texts/<report_id>.txt,
        data/interim/sections.csv (to give each quantity the section it sits in).
Output: data/interim/quantities.csv (validated and published by the publish stage).

The parsing itself lives in `fazhi.quantities` (pure, per text); this stage applies it to each
report, numbers the quantities in text order, and asserts the offsets invariant.
"""

from __future__ import annotations

import sys
import time
from decimal import Decimal

import pandas as pd

from fazhi import paths
from fazhi.segment import Section, leaves, section_of
from fazhi.io import read_csv, write_csv
from fazhi.quantities import find_quantities

QUANTITY_COLUMNS = ["report_id", "quantity_id", "value", "unit", "qualifier", "lower", "upper",
                    "ref_year", "surface", "start", "end", "section_id"]


def decimal_text(value: Decimal | None) -> str | None:
    """A Decimal as plain decimal text (never scientific notation); None stays None."""
    return None if value is None else format(value, "f")


def section_spans(sections: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    """Per report, the (start, end, section_id) of each section's own text."""
    out = {}
    for report_id, group in sections.groupby("report_id", sort=False):
        found = [Section(r.section_id, int(r.level), r.number, r.heading, int(r.start), int(r.end),
                         r.element, None) for r in group.itertuples(index=False)]
        out[report_id] = leaves(found, max(s.end for s in found))
    return out


def quantities_frame(report_id: str, text: str, spans=None) -> pd.DataFrame:
    """The quantities of one report as rows of quantities.csv."""
    rows = []
    for i, q in enumerate(find_quantities(text), start=1):
        assert text[q.start:q.end] == q.surface, f"{report_id}: offsets of {q.surface!r} are wrong"
        rows.append({
            "report_id": report_id, "quantity_id": i, "value": decimal_text(q.value),
            "unit": q.unit, "qualifier": q.qualifier, "lower": decimal_text(q.lower),
            "upper": decimal_text(q.upper), "ref_year": q.ref_year, "surface": q.surface,
            "start": q.start, "end": q.end,
            "section_id": section_of(spans, q.start) if spans else None,
        })
    return pd.DataFrame(rows, columns=QUANTITY_COLUMNS)


def run(texts: dict[str, str], sections: pd.DataFrame | None = None, progress=None) -> pd.DataFrame:
    """Cleaned texts by report_id (and their sections) → the quantities table. Pure."""
    spans = section_spans(sections) if sections is not None else {}
    frames = []
    for done, report_id in enumerate(sorted(texts), start=1):
        frames.append(quantities_frame(report_id, texts[report_id], spans.get(report_id)))
        if progress:
            progress(done, len(texts))
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=QUANTITY_COLUMNS)
    return out.astype({"quantity_id": "Int64", "ref_year": "Int64", "start": "Int64", "end": "Int64"})


def progress_line(stage: str, every: int = 500):
    """A callback printing 'stage: done/total reports, rate' to stderr now and then."""
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"{stage}: {done}/{total} reports, {rate:,.0f} reports/s", file=sys.stderr)

    return report


def read_texts(report_ids) -> dict[str, str]:
    return {rid: paths.text_path(rid).read_text(encoding="utf-8") for rid in report_ids}


def main() -> None:
    reports = read_csv(paths.INTERIM_REPORTS)
    texts = read_texts(reports["report_id"])
    sections = read_csv(paths.INTERIM_SECTIONS)
    quantities = run(texts, sections, progress_line("extract"))
    write_csv(quantities, paths.INTERIM_QUANTITIES)
    print(f"extract: {len(texts)} reports -> {len(quantities)} quantities", file=sys.stderr)


if __name__ == "__main__":
    main()
