"""Scratch tables streamed: written batch by batch, read back by report."""

from __future__ import annotations

import pandas as pd
import pytest

from fazhi import interim
from fazhi.csvio import read_csv, write_csv


def _sections() -> pd.DataFrame:
    """Sections of three reports; one heading holds a comma, a quote and a line end."""
    rows = []
    for rid in ("330281-2022", "110101-2021", "320602-2019"):
        for i in range(3):
            rows.append({"report_id": rid, "section_id": str(i), "level": i, "number": None,
                         "heading": f'一、"依法",\n行政{i}' if i == 1 else f"标题{i}",
                         "start": 10 * i, "end": 10 * i + 9, "element": "preamble",
                         "outline_chapter": None})
    return pd.DataFrame(rows).astype({"level": "Int64", "start": "Int64", "end": "Int64",
                                      "outline_chapter": "Int64"})


@pytest.mark.parametrize("size", [1, 2, 3])
def test_writer_in_batches_gives_the_bytes_of_one_write(tmp_path, size):
    """Writing whole reports in batches of any size gives the file one write gives."""
    frame = _sections()
    write_csv(frame, tmp_path / "whole.csv")
    ids = list(dict.fromkeys(frame["report_id"]))
    with interim.Writer("sections", tmp_path) as writer:
        for start in range(0, len(ids), size):
            writer.write(frame[frame["report_id"].isin(ids[start:start + size])])
    assert interim.path("sections", tmp_path).read_bytes() == (tmp_path / "whole.csv").read_bytes()


def test_writer_refuses_a_report_in_two_batches(tmp_path):
    """A report whose rows come in two batches fails (its keys could repeat unseen)."""
    frame = _sections()
    with pytest.raises(ValueError, match="two batches"):
        with interim.Writer("sections", tmp_path) as writer:
            writer.write(frame.iloc[:2])
            writer.write(frame.iloc[2:])
    assert not interim.path("sections", tmp_path).exists()  # no half table left behind


def test_writer_validates_each_batch(tmp_path):
    """A bad value in a later batch fails when that batch is written, naming the column."""
    frame = _sections().astype({"element": object})
    frame.loc[7, "element"] = "not_an_element"
    with pytest.raises(Exception, match="element"):
        with interim.Writer("sections", tmp_path) as writer:
            for rid in dict.fromkeys(frame["report_id"]):
                writer.write(frame[frame["report_id"] == rid])


def test_report_rows_reads_the_rows_of_the_reports_asked(tmp_path):
    """ReportRows gives the rows of the reports asked, in that order, as `read` gives them."""
    write_csv(_sections(), interim.path("sections", tmp_path))
    index = interim.report_rows("sections", tmp_path)
    whole = read_csv(interim.path("sections", tmp_path))
    got = index.rows(["320602-2019", "330281-2022"])
    want = pd.concat([whole[whole["report_id"] == "320602-2019"],
                      whole[whole["report_id"] == "330281-2022"]], ignore_index=True)
    pd.testing.assert_frame_equal(got, want)
    assert index.counts == {"330281-2022": 3, "110101-2021": 3, "320602-2019": 3}
