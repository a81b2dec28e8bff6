"""The extract stage and the published quantities table."""

from __future__ import annotations

import pandas as pd

from fazhi import extract, paths
from fazhi.load import load_table


def test_published_offsets_point_at_each_surface():
    """For every row of quantities.csv, data/texts/<report_id>.txt[start:end] == surface."""
    quantities = load_table("quantities")
    texts = {rid: paths.text_path(rid).read_text(encoding="utf-8")
             for rid in quantities["report_id"].unique()}
    wrong = [(r.report_id, r.surface) for r in quantities.itertuples()
             if texts[r.report_id][r.start:r.end] != r.surface]
    assert not wrong


def test_quantity_ids_number_each_report_in_text_order():
    """quantity_id runs 1..n within a report, in order of position in the text."""
    quantities = load_table("quantities")
    for _, group in quantities.groupby("report_id"):
        assert group["quantity_id"].tolist() == list(range(1, len(group) + 1))
        assert group["start"].is_monotonic_increasing


def test_report_counts_equal_the_quantity_rows():
    """reports.n_quantities is the number of quantities.csv rows of each report."""
    reports = load_table("reports").set_index("report_id")
    counts = load_table("quantities").groupby("report_id").size()
    assert (reports["n_quantities"] == counts.reindex(reports.index, fill_value=0)).all()


def test_values_are_written_as_exact_decimal_text():
    """3.6亿元 is published as 360000000, not 3.6E+8 or 360000000.0."""
    frame = extract.quantities_frame("x", "促进整改落实资金3.6亿元,比例99.50%")
    assert frame["value"].tolist() == ["360000000", "99.50"]


def test_a_report_without_numbers_gives_no_rows():
    """A text with no quantity contributes no rows (and no error)."""
    quantities, found, checks = extract.run({"a": "坚持依法行政。"}, {"a": 2022})
    assert quantities.empty and found.empty and checks.empty
    assert isinstance(extract.run({}, {})[0], pd.DataFrame)


def test_streamed_tables_do_not_depend_on_the_batch(ingested, tmp_path):
    """extract_to in batches of one report (sections read per batch) writes the bytes of run()
    on the whole corpus."""
    from fazhi import interim, segment
    from fazhi.csvio import write_csv

    reports, _, texts = ingested
    sections = segment.run(reports, texts)[0]
    years = dict(zip(reports["report_id"], reports["report_year"].astype(int)))
    whole = extract.run(texts, years, sections)
    write_csv(sections, interim.path("sections", tmp_path))
    index = interim.report_rows("sections", tmp_path)
    with interim.Writer("quantities", tmp_path) as q, interim.Writer("indicators", tmp_path) as i, \
            interim.Writer("checks", tmp_path) as c:
        extract.extract_to({"quantities": q, "indicators": i, "checks": c}, years,
                           texts.__getitem__, index.rows, batch=1)
    for name, frame in zip(extract.TABLES, whole):
        write_csv(frame, tmp_path / f"{name}.whole.csv")
        assert (interim.path(name, tmp_path).read_bytes()
                == (tmp_path / f"{name}.whole.csv").read_bytes()), name


def test_near_misses_found_in_the_extract_pass_are_the_committed_file(tmp_path):
    """The near misses extract finds from its own trace, written one report at a time, are the
    bytes of metrics/near_misses.csv, and each report's are those of `near_misses` alone."""
    from fazhi.chinese import simplified
    from fazhi.indicators import near_misses

    reports = load_table("reports")
    years = dict(zip(reports["report_id"], reports["report_year"].astype(int)))
    read = lambda rid: paths.text_path(rid).read_text(encoding="utf-8")  # noqa: E731
    with extract.NearMissWriter(tmp_path / "near_misses.csv") as misses:
        counts = extract.extract_to({"near_misses": misses}, years, read, batch=1)
    assert counts["near_misses"] > 0
    assert (tmp_path / "near_misses.csv").read_bytes() == (paths.METRICS / "near_misses.csv").read_bytes()
    for rid, year in years.items():
        traced = extract.extract_one((rid, year, read(rid), None))[3]
        assert traced == [{"report_id": rid, **m} for m in near_misses(simplified(read(rid)), year)]
