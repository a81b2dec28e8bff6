"""Stata and Excel copies of the package: read back with pandas, they are the published tables."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile

import pandas as pd
import pytest

from fazhi import formats, paths
from fazhi.codebook.structure import OUTLINE_CHAPTERS


@pytest.fixture(scope="module")
def built():
    """The package as load_table reads it, and the files formats.run makes of it."""
    package, frames = formats.load_frames()
    return package, frames, formats.run(package, frames)


def _resources(package: dict) -> dict[str, dict]:
    return {r["name"]: r for r in formats.tables_of(package)}


# --- normalising both sides to the same Python values -----------------------------------------

def _normal(values, ftype: str) -> pd.Series:
    """A column as comparable values: missing → None/NA, whatever the reader made of it."""
    values = pd.Series(list(values), dtype=object)
    missing = values.map(lambda v: v is None or v is pd.NA or v == "" or
                         (not isinstance(v, str) and pd.isna(v)))
    values = values.where(~missing, None)
    if ftype == "string":
        return values.map(lambda v: None if v is None else str(v)).astype(object)
    if ftype == "integer":
        return pd.array([None if v is None else int(v) for v in values], dtype="Int64")
    if ftype == "number":
        return pd.Series([float("nan") if v is None else float(v) for v in values], dtype="float64")
    if ftype == "boolean":
        return pd.array([None if v is None else bool(v) for v in values], dtype="boolean")
    if ftype == "date":
        return pd.Series(pd.to_datetime(list(values))).astype("datetime64[ns]")
    raise AssertionError(ftype)


def _expected(frame: pd.DataFrame, resource: dict) -> pd.DataFrame:
    return pd.DataFrame({f["name"]: _normal(frame[f["name"]], f["type"])
                         for f in resource["schema"]["fields"]})


def _from_dta(content: bytes, resource: dict) -> pd.DataFrame:
    """A .dta file back as the CSV's columns and values: codes decoded through the value labels."""
    with pd.io.stata.StataReader(io.BytesIO(content)) as reader:
        data = reader.read(convert_categoricals=False)
        labels = reader.value_labels()
    out = {}
    for field in resource["schema"]["fields"]:
        column = data[formats.stata_name(field["name"])]
        if formats.encoded_as_labels(field) or field["type"] == "boolean":
            names = labels[formats.stata_name(field["name"])]
            column = pd.Series([None if pd.isna(v) else names[int(v)] for v in column])
            if field["type"] == "boolean":
                column = column.map({"true": True, "false": False, None: None})
        out[field["name"]] = _normal(column, field["type"])
    return pd.DataFrame(out)


def _from_xlsx(content: bytes, resource: dict) -> pd.DataFrame:
    # dtype=object and no NA words: cells come back as written (text stays text, "NA" stays "NA").
    sheet = pd.read_excel(io.BytesIO(content), sheet_name=resource["name"], dtype=object,
                          keep_default_na=False, na_values=[""])
    assert list(sheet.columns) == [f["name"] for f in resource["schema"]["fields"]]
    return pd.DataFrame({f["name"]: _normal(sheet[f["name"]], f["type"])
                         for f in resource["schema"]["fields"]})


# --- the published package round-trips ----------------------------------------------------------

def test_one_stata_file_per_table_and_one_workbook(built):
    package, _, files = built
    assert sorted(files) == sorted([f"stata/{name}.dta" for name in _resources(package)]
                                   + [formats.WORKBOOK])


@pytest.mark.parametrize("table", [
    "reports", "rejects", "sections", "outline_shares", "quantities", "codebook", "indicators",
    "indicators_wide", "checks"])
def test_stata_file_reads_back_as_the_table(built, table):
    """Every value of every column survives the .dta file (codes decoded through value labels)."""
    package, frames, files = built
    resource = _resources(package)[table]
    pd.testing.assert_frame_equal(_from_dta(files[f"stata/{table}.dta"], resource),
                                  _expected(frames[table], resource))


@pytest.mark.parametrize("table", [
    "reports", "rejects", "sections", "outline_shares", "quantities", "codebook", "indicators",
    "indicators_wide", "checks"])
def test_workbook_sheet_reads_back_as_the_table(built, table):
    """Every value of every column survives the workbook; strings are text cells (330281 too)."""
    package, frames, files = built
    resource = _resources(package)[table]
    pd.testing.assert_frame_equal(_from_xlsx(files[formats.WORKBOOK], resource),
                                  _expected(frames[table], resource))


def test_stata_files_carry_version_and_labels(built):
    """Data label names table and version; each variable label starts with the Chinese title."""
    package, _, files = built
    for name, resource in _resources(package).items():
        content = files[f"stata/{name}.dta"]
        assert content.startswith(b"<stata_dta><header><release>118</release>")  # Unicode, Stata 14+
        with pd.io.stata.StataReader(io.BytesIO(content)) as reader:
            reader.read()
            assert f"v{package['version']}" in reader.data_label
            labels = reader.variable_labels()
        for field in resource["schema"]["fields"]:
            label = labels[formats.stata_name(field["name"])]
            prefix = "" if formats.stata_name(field["name"]) == field["name"] else f"{field['name']}: "
            assert label.startswith(prefix + field["title"]), (name, field["name"], label)
            assert len(label) <= 80


def test_value_labels_name_chapters_booleans_and_categories(built):
    """A pandas or Stata user sees chapter titles, true/false and category names, not codes."""
    package, frames, files = built
    sections = pd.read_stata(io.BytesIO(files["stata/sections.dta"]))
    chapters = {f"第{n}章 {spec['name_zh']}" for n, spec in OUTLINE_CHAPTERS.items()}
    assert set(sections["outline_chapter"].dropna()) <= chapters
    assert list(sections["element"].astype(str)) == list(frames["sections"]["element"])
    reports = pd.read_stata(io.BytesIO(files["stata/reports.dta"]))
    assert set(reports["has_shortcomings"].astype(str)) <= {"true", "false"}
    assert list(reports["admin_level"].astype(str)) == list(frames["reports"]["admin_level"])
    with pd.io.stata.StataReader(io.BytesIO(files["stata/quantities.dta"])) as reader:
        reader.read()
        qualifiers = reader.value_labels()["qualifier"]
    enum = next(f for f in _resources(package)["quantities"]["schema"]["fields"]
                if f["name"] == "qualifier")["constraints"]["enum"]
    assert [qualifiers[k] for k in sorted(qualifiers)] == enum


def test_stata_names_fit_stata(built):
    """Names are Stata identifiers of at most 32 characters, unique per table, and equal to the
    CSV name unless it is too long or a reserved word."""
    package, _, _ = built
    for name, resource in _resources(package).items():
        columns = [f["name"] for f in resource["schema"]["fields"]]
        stata = [formats.stata_name(c) for c in columns]
        assert len(set(stata)) == len(stata), name
        for column, short in zip(columns, stata):
            assert re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,31}", short)
            assert short not in formats.STATA_RESERVED
            if len(column) <= 32 and column not in formats.STATA_RESERVED:
                assert short == column


def test_a_name_that_cannot_be_shortened_fails_loudly():
    with pytest.raises(ValueError, match="ABBREVIATIONS"):
        formats.stata_name("an_indicator_id_far_longer_than_stata_allows_count")


def test_workbook_readme_sheet_is_the_data_dictionary(built):
    """The README sheet lists every column of every table (and nothing else), with its Stata name."""
    package, _, files = built
    readme = pd.read_excel(io.BytesIO(files[formats.WORKBOOK]), sheet_name="README", header=None,
                           dtype=object, keep_default_na=False)
    start = next(i for i, row in readme.iterrows() if row[0] == "sheet" and row[1] == "column")
    listed = {(row[0], row[1]): row[6] for _, row in readme.iloc[start + 1:].iterrows() if row[0]}
    expected = {(name, f["name"]): formats.stata_name(f["name"])
                for name, resource in _resources(package).items()
                for f in resource["schema"]["fields"]}
    assert listed == expected
    sheets = pd.ExcelFile(io.BytesIO(files[formats.WORKBOOK])).sheet_names
    assert sheets == ["README", *_resources(package)]
    assert readme.iloc[0, 0].endswith(f"v{package['version']}")


def test_rebuild_is_byte_identical(built):
    """No clock in the files: a second build gives the same bytes, dated the release day."""
    package, _, files = built
    again = formats.run(*formats.load_frames())
    assert {k: v for k, v in again.items()} == files
    released = package["created"][:10]
    with zipfile.ZipFile(io.BytesIO(files[formats.WORKBOOK])) as book:
        assert {i.date_time for i in book.infolist()} == {(*map(int, released.split("-")), 0, 0, 0)}
        core = book.read("docProps/core.xml").decode()
    assert re.findall(r"<dcterms:modified[^>]*>([^<]*)<", core) == [f"{released}T00:00:00Z"]
    with pd.io.stata.StataReader(io.BytesIO(files["stata/reports.dta"])) as reader:
        reader.read()
        assert reader.time_stamp == pd.Timestamp(released).strftime("%d %b %Y 00:00")


def test_main_builds_from_the_package_it_is_given(tmp_path):
    """`python -m fazhi.formats --package P --out D` reads only P and the CSVs beside it."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    (tmp_path / "data").mkdir()
    for resource in formats.tables_of(package):
        shutil.copy(paths.ROOT / resource["path"], tmp_path / resource["path"])
    codebook = (tmp_path / "data" / "codebook.csv").read_text(encoding="utf-8")
    (tmp_path / "data" / "codebook.csv").write_text(codebook.replace("调解成功率", "调解成功率X", 1),
                                                   encoding="utf-8")
    package["version"] = "9.9.9"
    (tmp_path / "datapackage.json").write_text(json.dumps(package, ensure_ascii=False),
                                               encoding="utf-8")
    formats.main(["--package", str(tmp_path / "datapackage.json"), "--out", str(tmp_path / "dist")])
    codebook = pd.read_stata(tmp_path / "dist" / "stata" / "codebook.dta")
    assert "调解成功率X(化解率)" in set(codebook["name_zh"])
    sheet = pd.read_excel(tmp_path / "dist" / formats.WORKBOOK, sheet_name="README", header=None)
    assert sheet.iloc[0, 0].endswith("v9.9.9")


# --- edge cases on a made-up table ------------------------------------------------------------

EDGE_PACKAGE = {
    "name": "edge", "title": "边界", "description": "Edge cases.", "version": "1.2.3",
    "created": "2030-01-02T00:00:00Z", "licenses": [{"name": "CC-BY-4.0", "title": "CC BY"}],
    "resources": [{
        "name": "edge", "path": "data/edge.csv", "title": "边界情况", "description": "Edge cases.",
        "schema": {"fields": [
            {"name": "id", "type": "string", "title": "编号", "description": "Key."},
            {"name": "text", "type": "string", "title": "文本", "description": "Any text."},
            {"name": "qualifier", "type": "string", "title": "限定", "description": "Category.",
             "constraints": {"enum": ["exact", "approx"]}},
            {"name": "n", "type": "integer", "title": "整数", "description": "Integer."},
            {"name": "x", "type": "number", "title": "数值", "description": "Number."},
            {"name": "ok", "type": "boolean", "title": "是否", "description": "Boolean."},
            {"name": "day", "type": "date", "title": "日期", "description": "Date."},
            {"name": "outline_chapter", "type": "integer", "title": "纲要章节", "description": "1-10."},
            {"name": "end", "type": "integer", "title": "结束位置", "description": "Offset."},
            {"name": "normative_documents_cleanup_reviewed_count", "type": "number",
             "title": "清理的规范性文件(件)", "description": "A long indicator id " + "x" * 200},
        ]},
    }],
}


def _edge_frame() -> pd.DataFrame:
    long_text = "法治" * 1200  # 7,200 bytes of UTF-8: a strL in Stata
    return pd.DataFrame({
        "id": ["a", "b", "c"],
        "text": ["=1+1", long_text, None],
        "qualifier": ["approx", None, "exact"],
        "n": pd.array([0, None, 2_000_000_000], dtype="Int64"),
        "x": [360000000.0, None, 99.54],
        "ok": pd.array([True, None, False], dtype="boolean"),
        "day": pd.to_datetime(["2023-03-30", None, "1999-12-31"]),
        "outline_chapter": pd.array([1, 10, None], dtype="Int64"),
        "end": pd.array([1, 2, 3], dtype="Int64"),
        "normative_documents_cleanup_reviewed_count": [1.5, None, 0.0],
    })


def test_edge_cases_round_trip_through_both_formats():
    """Missing values of every type, a formula-like string, a long string, Chinese text, a
    reserved name, a long name, big integers and exact decimals all come back unchanged."""
    frame = _edge_frame()
    files = formats.run(EDGE_PACKAGE, {"edge": frame})
    resource = EDGE_PACKAGE["resources"][0]
    expected = _expected(frame, resource)
    pd.testing.assert_frame_equal(_from_dta(files["stata/edge.dta"], resource), expected)
    pd.testing.assert_frame_equal(_from_xlsx(files[formats.WORKBOOK], resource), expected)
    with zipfile.ZipFile(io.BytesIO(files[formats.WORKBOOK])) as book:
        sheet = book.read("xl/worksheets/sheet2.xml").decode()
    assert "<f>" not in sheet  # "=1+1" is text, not a formula
    with pd.io.stata.StataReader(io.BytesIO(files["stata/edge.dta"])) as reader:
        reader.read()
        labels = reader.variable_labels()
    assert labels["end_"].startswith("end: 结束位置")
    assert labels["norm_docs_cleanup_reviewed_count"].startswith(
        "normative_documents_cleanup_reviewed_count: 清理的规范性文件(件)")
    assert len(labels["norm_docs_cleanup_reviewed_count"]) == 80


def test_a_value_outside_the_vocabulary_is_an_error():
    frame = _edge_frame()
    frame.loc[0, "qualifier"] = "roughly"
    with pytest.raises(ValueError, match="roughly"):
        formats.run(EDGE_PACKAGE, {"edge": frame})


def test_a_table_longer_than_a_sheet_gets_a_note_not_a_truncated_sheet(monkeypatch):
    """Never a silently cut table: the sheet says where the data is, and so does the README."""
    monkeypatch.setattr(formats, "EXCEL_MAX_ROWS", 3)
    files = formats.run(EDGE_PACKAGE, {"edge": _edge_frame()})
    sheet = pd.read_excel(io.BytesIO(files[formats.WORKBOOK]), sheet_name="edge", header=None)
    assert sheet.shape == (1, 1)
    assert sheet.iloc[0, 0].startswith("3 rows: more than an Excel sheet holds")
    assert "data/edge.csv" in sheet.iloc[0, 0] and "stata/edge.dta" in sheet.iloc[0, 0]
    readme = pd.read_excel(io.BytesIO(files[formats.WORKBOOK]), sheet_name="README", header=None)
    assert (readme[5] == sheet.iloc[0, 0]).any()
