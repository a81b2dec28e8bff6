"""Extract: every quantity, the codebook indicators and the consistency checks of every report.

Input:  data/interim/reports.csv (which reports exist and their years), data/texts/<report_id>.txt,
        data/interim/sections.csv (to give each quantity the section it sits in).
Output: data/interim/quantities.csv, data/interim/indicators.csv, data/interim/checks.csv
        (validated and published by the publish stage), data/interim/near_misses.csv (found
        from the trace of the same indicator pass; evaluate publishes it in metrics/).

The parsing lives in `fazhi.quantities` and `fazhi.indicators` (pure, per text); this stage applies
them to each report, finds the quantities once per text, and asserts the offsets invariant. Both
read the simplified view of the text (`fazhi.chinese`); surfaces and evidence are taken from the
published text at the same offsets. `main()` streams: reports go through in report_id order,
`parallel.batch` at a time (their texts and sections read from disk only then), and each batch of
rows is validated and appended, giving the same bytes as `run()` on the whole corpus.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.codebook import RESOURCES
from fazhi.chinese import simplified
from fazhi.parallel import BATCH, batches, progress_line, stream_reports
from fazhi.indicators import checks, indicator_rows, traced_near_misses
from fazhi.sections import Section, leaves, section_of
from fazhi.quantities import decimal_text, find_quantities

QUANTITY_COLUMNS = RESOURCES["quantities"]["fields"]


def section_spans(sections: pd.DataFrame) -> dict[str, list[tuple[int, int, str]]]:
    """Per report, the (start, end, section_id) of each section's own text."""
    found: dict[str, list[Section]] = {}
    columns = ("report_id", "section_id", "level", "number", "heading", "start", "end", "element")
    for rid, sid, level, number, heading, start, end, element in zip(
            *(sections[c].tolist() for c in columns)):
        found.setdefault(rid, []).append(Section(sid, int(level), number, heading, int(start),
                                                 int(end), element, None))
    return {rid: leaves(group, max(s.end for s in group)) for rid, group in found.items()}


def quantity_rows(report_id: str, text: str, spans=None, found=None, published=None) -> list[dict]:
    """The quantities of one report as rows of quantities.csv (found in `text`, the simplified
    view; surfaces taken from `published`, the text as published, at the same offsets)."""
    rows = []
    found = find_quantities(text) if found is None else found
    for i, q in enumerate(found, start=1):
        assert text[q.start:q.end] == q.surface, f"{report_id}: offsets of {q.surface!r} are wrong"
        rows.append({
            "report_id": report_id, "quantity_id": i, "value": decimal_text(q.value),
            "unit": q.unit, "qualifier": q.qualifier, "lower": decimal_text(q.lower),
            "upper": decimal_text(q.upper), "ref_year": q.ref_year,
            "surface": q.surface if published is None else published[q.start:q.end],
            "start": q.start, "end": q.end,
            "section_id": section_of(spans, q.start) if spans else None,
        })
    return rows


def quantities_frame(report_id: str, text: str, spans=None, found=None) -> pd.DataFrame:
    """The quantities of one report as rows of quantities.csv."""
    return pd.DataFrame(quantity_rows(report_id, text, spans, found), columns=QUANTITY_COLUMNS)


CHECK_COLUMNS = RESOURCES["checks"]["fields"]
# metrics/near_misses.csv (evaluate publishes the file extract writes).
NEAR_MISS_COLUMNS = ["report_id", "indicator_id", "surface", "start", "end", "scope", "clause"]


def extract_one(item: tuple[str, int, str, list | None]
                ) -> tuple[list[dict], list[dict], list[dict], list[dict]]:
    """(quantity rows, indicator rows, checks, near misses) of one report. Pure (runs in
    workers). Rows are plain dicts: frames are built once per batch (`tables`)."""
    report_id, year, text, spans = item
    view = simplified(text)
    found = find_quantities(view)
    quantities = quantity_rows(report_id, view, spans, found, published=text)
    trace: list = []
    rows, repeats = indicator_rows(view, year, found, trace)
    misses = [{"report_id": report_id, **m} for m in traced_near_misses(view, found, trace)]
    for row in rows:
        row["evidence"] = text[row["start"]:row["end"]]
    found_checks = [{"report_id": report_id, **c} for c in checks(rows, year, repeats)]
    section_of_quantity = {q["quantity_id"]: q["section_id"] for q in quantities}
    # A zero stated in words has no quantity: its section is the one its evidence starts in.
    rows = [{"report_id": report_id, **row,
             "section_id": section_of_quantity[row["quantity_id"]] if row["quantity_id"] is not None
             else (section_of(spans, row["start"]) if spans else None)}
            for row in rows]
    return quantities, rows, found_checks, misses


def tables(results) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The results of some reports, in order → (quantities, indicators, checks, near misses)."""
    quantity_rows_all, indicator_rows_all, check_rows, miss_rows = [], [], [], []
    for quantities, rows, found_checks, misses in results:
        quantity_rows_all += quantities
        indicator_rows_all += rows
        check_rows += found_checks
        miss_rows += misses
    quantities = pd.DataFrame(quantity_rows_all, columns=QUANTITY_COLUMNS)
    quantities = quantities.astype({"quantity_id": "Int64", "ref_year": "Int64", "start": "Int64",
                                    "end": "Int64"})
    indicators = pd.DataFrame(indicator_rows_all, columns=RESOURCES["indicators"]["fields"])
    return (quantities, indicators, pd.DataFrame(check_rows, columns=CHECK_COLUMNS),
            pd.DataFrame(miss_rows, columns=NEAR_MISS_COLUMNS))


def run(texts: dict[str, str], years: dict[str, int], sections: pd.DataFrame | None = None,
        n_workers: int | None = 1, progress=None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cleaned texts and report years by report_id (and sections) → quantities, indicators,
    checks. Pure."""
    spans = section_spans(sections) if sections is not None else {}
    items = [(rid, years[rid], texts[rid], spans.get(rid)) for rid in sorted(texts)]
    return tables(stream_reports(extract_one, items, n_workers, progress))[:3]


TABLES = ("quantities", "indicators", "checks")


class NearMissWriter:
    """data/interim/near_misses.csv batch by batch: the header, then each batch's rows, the bytes
    of one `to_csv` of the whole table (evaluate publishes it as metrics/near_misses.csv). Like
    `interim.Writer`, it appears under its name only when closed without an error."""

    def __init__(self, path: Path | None = None):
        self.path = Path(path) if path else interim.path("near_misses")
        self.part = self.path.with_name(self.path.name + ".part")
        self.rows = 0
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.part, "w", encoding="utf-8", newline="")
        pd.DataFrame(columns=NEAR_MISS_COLUMNS).to_csv(self._file, index=False, lineterminator="\n")

    def write(self, frame: pd.DataFrame) -> None:
        if len(frame):
            frame.to_csv(self._file, index=False, header=False, lineterminator="\n")
            self.rows += len(frame)

    def __enter__(self) -> NearMissWriter:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self._file.close()
        if kind is None:
            os.replace(self.part, self.path)
        else:
            self.part.unlink(missing_ok=True)


def extract_to(writers: dict, years: dict[str, int], read_text, read_sections=None,
               n_workers: int | None = 1, progress=None, batch: int = BATCH) -> dict[str, int]:
    """Stream every report (report_id order, as `run`) through `extract_one` into `writers`
    (table name → interim.Writer; "near_misses" → a NearMissWriter, optional), `batch` reports
    at a time: `read_text(report_id)` and `read_sections(report_ids)` (their rows of
    sections.csv) are called only for the reports about to be extracted. Returns the rows
    written per table."""
    def items():
        for ids in batches(sorted(years), batch):
            spans = section_spans(read_sections(ids)) if read_sections else {}
            for rid in ids:
                yield rid, years[rid], read_text(rid), spans.get(rid)

    results = stream_reports(extract_one, items(), n_workers, progress, len(years), batch)
    names = TABLES + ("near_misses",)
    counts = dict.fromkeys(names, 0)
    for part in batches(results, batch):
        for name, frame in zip(names, tables(part)):
            if name in writers:
                writers[name].write(frame)
                counts[name] += len(frame)
    return counts


def read_texts(report_ids) -> dict[str, str]:
    return {rid: paths.text_path(rid).read_text(encoding="utf-8") for rid in report_ids}


def main() -> None:
    reports = interim.read("reports")
    years = dict(zip(reports["report_id"], reports["report_year"].astype(int)))
    sections = interim.report_rows("sections")
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))["parallel"]
    with interim.Writer("quantities") as quantities, interim.Writer("indicators") as indicators, \
            interim.Writer("checks") as found_checks, NearMissWriter() as misses:
        counts = extract_to({"quantities": quantities, "indicators": indicators,
                             "checks": found_checks, "near_misses": misses}, years,
                            lambda rid: paths.text_path(rid).read_text(encoding="utf-8"),
                            sections.rows, params["workers"], progress_line("extract"),
                            params.get("batch", BATCH))
    print(f"extract: {len(years)} reports -> {counts['quantities']} quantities, "
          f"{counts['indicators']} indicator values, {counts['checks']} checks, "
          f"{counts['near_misses']} near misses", file=sys.stderr)


if __name__ == "__main__":
    main()
