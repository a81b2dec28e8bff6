"""Extract: every quantity, the codebook indicators and the consistency checks of every report.

Input:  data/interim/reports.csv (which reports exist and their years), data/texts/<report_id>.txt,
        data/interim/sections.csv (to give each quantity the section it sits in).
Output: data/interim/quantities.csv, data/interim/indicators.csv, data/interim/checks.csv
        (validated and published by the publish stage).

The parsing lives in `fazhi.quantities` and `fazhi.indicators` (pure, per text); this stage applies
them to each report, finds the quantities once per text, and asserts the offsets invariant. Both
read the simplified view of the text (`fazhi.chinese`); surfaces and evidence are taken from the
published text at the same offsets. `main()` streams: reports go through in report_id order,
`parallel.batch` at a time (their texts and sections read from disk only then), and each batch of
rows is validated and appended, giving the same bytes as `run()` on the whole corpus.
"""

from __future__ import annotations

import sys

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.codebook import RESOURCES
from fazhi.chinese import simplified
from fazhi.parallel import BATCH, batches, progress_line, stream_reports
from fazhi.indicators import INDICATOR_COLUMNS, checks, indicator_rows
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


def quantities_frame(report_id: str, text: str, spans=None, found=None) -> pd.DataFrame:
    """The quantities of one report as rows of quantities.csv."""
    rows = []
    found = find_quantities(text) if found is None else found
    for i, q in enumerate(found, start=1):
        assert text[q.start:q.end] == q.surface, f"{report_id}: offsets of {q.surface!r} are wrong"
        rows.append({
            "report_id": report_id, "quantity_id": i, "value": decimal_text(q.value),
            "unit": q.unit, "qualifier": q.qualifier, "lower": decimal_text(q.lower),
            "upper": decimal_text(q.upper), "ref_year": q.ref_year, "surface": q.surface,
            "start": q.start, "end": q.end,
            "section_id": section_of(spans, q.start) if spans else None,
        })
    return pd.DataFrame(rows, columns=QUANTITY_COLUMNS)


CHECK_COLUMNS = RESOURCES["checks"]["fields"]


def extract_one(item: tuple[str, int, str, list | None]) -> tuple[pd.DataFrame, list[dict], list[dict]]:
    """(quantity rows, indicator rows, checks) of one report. Pure (runs in workers)."""
    report_id, year, text, spans = item
    view = simplified(text)
    found = find_quantities(view)
    quantities = quantities_frame(report_id, view, spans, found)
    quantities["surface"] = [text[a:b] for a, b in zip(quantities["start"], quantities["end"])]
    rows, repeats = indicator_rows(view, year, found)
    for row in rows:
        row["evidence"] = text[row["start"]:row["end"]]
    frame = pd.DataFrame(rows, columns=INDICATOR_COLUMNS)
    found_checks = [{"report_id": report_id, **c} for c in checks(frame, year, repeats)]
    section_of_quantity = dict(zip(quantities["quantity_id"], quantities["section_id"]))
    # A zero stated in words has no quantity: its section is the one its evidence starts in.
    rows = [{"report_id": report_id, **row,
             "section_id": section_of_quantity[row["quantity_id"]] if row["quantity_id"] is not None
             else (section_of(spans, row["start"]) if spans else None)}
            for row in rows]
    return quantities, rows, found_checks


def tables(results) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The results of some reports, in order → (quantities, indicators, checks)."""
    quantity_frames, indicator_rows_all, check_rows = [], [], []
    for quantities, rows, found_checks in results:
        quantity_frames.append(quantities)
        indicator_rows_all += rows
        check_rows += found_checks
    quantities = (pd.concat(quantity_frames, ignore_index=True) if quantity_frames
                  else pd.DataFrame(columns=QUANTITY_COLUMNS))
    quantities = quantities.astype({"quantity_id": "Int64", "ref_year": "Int64", "start": "Int64",
                                    "end": "Int64"})
    indicators = pd.DataFrame(indicator_rows_all, columns=RESOURCES["indicators"]["fields"])
    return quantities, indicators, pd.DataFrame(check_rows, columns=CHECK_COLUMNS)


def run(texts: dict[str, str], years: dict[str, int], sections: pd.DataFrame | None = None,
        n_workers: int | None = 1, progress=None) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Cleaned texts and report years by report_id (and sections) → quantities, indicators,
    checks. Pure."""
    spans = section_spans(sections) if sections is not None else {}
    items = [(rid, years[rid], texts[rid], spans.get(rid)) for rid in sorted(texts)]
    return tables(stream_reports(extract_one, items, n_workers, progress))


TABLES = ("quantities", "indicators", "checks")


def extract_to(writers: dict, years: dict[str, int], read_text, read_sections=None,
               n_workers: int | None = 1, progress=None, batch: int = BATCH) -> dict[str, int]:
    """Stream every report (report_id order, as `run`) through `extract_one` into `writers`
    (table name → interim.Writer), `batch` reports at a time: `read_text(report_id)` and
    `read_sections(report_ids)` (their rows of sections.csv) are called only for the reports
    about to be extracted. Returns the rows written per table."""
    def items():
        for ids in batches(sorted(years), batch):
            spans = section_spans(read_sections(ids)) if read_sections else {}
            for rid in ids:
                yield rid, years[rid], read_text(rid), spans.get(rid)

    results = stream_reports(extract_one, items(), n_workers, progress, len(years), batch)
    counts = dict.fromkeys(TABLES, 0)
    for part in batches(results, batch):
        for name, frame in zip(TABLES, tables(part)):
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
            interim.Writer("checks") as found_checks:
        counts = extract_to({"quantities": quantities, "indicators": indicators,
                             "checks": found_checks}, years,
                            lambda rid: paths.text_path(rid).read_text(encoding="utf-8"),
                            sections.rows, params["workers"], progress_line("extract"),
                            params.get("batch", BATCH))
    print(f"extract: {len(years)} reports -> {counts['quantities']} quantities, "
          f"{counts['indicators']} indicator values, {counts['checks']} checks", file=sys.stderr)


if __name__ == "__main__":
    main()
