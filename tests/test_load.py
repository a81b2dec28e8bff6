"""load_table: published tables typed from datapackage.json."""

from __future__ import annotations

import pytest

from fazhi.load import load_table


def test_load_table_types_columns_from_the_package():
    """Integers, booleans and dates get their declared dtypes; codes stay strings."""
    reports = load_table("reports")
    assert str(reports["report_year"].dtype) == "Int64"
    assert str(reports["is_published_on_time"].dtype) == "boolean"
    assert str(reports["publish_date"].dtype).startswith("datetime64")
    assert reports.loc[reports["report_id"] == "330281-2022", "region_code"].item() == "330281"


def test_load_table_keeps_missing_values_missing():
    """An empty cell (崇川区 2019 has no printed title) loads as missing, not as ''."""
    reports = load_table("reports").set_index("report_id")
    assert reports.loc["320602-2019", "title"] is None or reports["title"].isna()["320602-2019"]


def test_load_table_names_the_tables_on_a_typo():
    """Asking for an unknown table lists the ones that exist."""
    with pytest.raises(KeyError, match="reports"):
        load_table("report")


def test_load_table_reads_a_parquet_copy_as_its_csv(interim_frames, tmp_path):
    """A package with Parquet copies loads each large table from Parquet, with the same frame
    the CSV gives."""
    import pandas as pd

    from fazhi import publish

    frames, texts = interim_frames
    for path, data in publish.run(frames, texts, columnar_min_reports=1).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    package = tmp_path / "datapackage.json"
    for table in publish.COLUMNAR:
        from_csv = load_table(table, package, format="csv")
        from_parquet = load_table(table, package)
        pd.testing.assert_frame_equal(from_parquet, from_csv)
        assert len(from_csv) > 0


def test_load_table_reads_only_the_columns_asked_for_in_that_order():
    """columns=[…] gives those columns, in the order asked, typed as in the whole table."""
    import pandas as pd

    whole = load_table("indicators")
    some = load_table("indicators", columns=["value", "report_id", "ref_year"])
    assert list(some.columns) == ["value", "report_id", "ref_year"]
    pd.testing.assert_frame_equal(some, whole[["value", "report_id", "ref_year"]])


def test_load_table_names_the_columns_on_a_typo():
    """An unknown column is an error that names it and lists the table's columns."""
    with pytest.raises(KeyError, match="'valeu'.*indicator_id"):
        load_table("indicators", columns=["report_id", "valeu"])


def test_load_table_reads_only_some_columns_of_a_parquet_copy(interim_frames, tmp_path):
    """columns=[…] on a Parquet copy gives the frame the CSV gives for those columns."""
    import pandas as pd

    from fazhi import publish

    frames, texts = interim_frames
    for path, data in publish.run(frames, texts, columnar_min_reports=1).items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_bytes(data)
    package = tmp_path / "datapackage.json"
    asked = ["evidence", "indicator_id", "value"]
    from_parquet = load_table("indicators", package, columns=asked)
    assert list(from_parquet.columns) == asked
    pd.testing.assert_frame_equal(from_parquet, load_table("indicators", package, format="csv", columns=asked))
