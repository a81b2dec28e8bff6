"""Corruption drill: a damaged copy of the published package is caught twice, by place.

Each test copies datapackage.json, data/*.csv and data/texts/ into a scratch folder, damages one
thing, and requires both checks to catch it, naming the table (or file), the row and the column:
- the pipeline's own validation of a published package, `fazhi.publish.validate_published`
  (conform + pandera per table, foreign keys, texts against offsets), and
- `frictionless validate` (its Python API, `frictionless.Package(path).validate()`).

After damaging a table the drill re-stamps that table's `bytes` and `hash` in the scratch
datapackage.json, as a careless regeneration would: so frictionless must catch the damage through
the schema, not merely notice that the file changed. A damaged text keeps its old hash: that hash
is what tells frictionless (texts have no schema).
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package

from fazhi import paths, publish
from fazhi.codebook import RESOURCES


@pytest.fixture()
def package(tmp_path) -> Path:
    """A scratch copy of the published package; returns its root."""
    shutil.copy2(paths.DATAPACKAGE, tmp_path / "datapackage.json")
    (tmp_path / "data").mkdir()
    for name in RESOURCES:
        path = RESOURCES[name]["path"]
        shutil.copy2(paths.ROOT / path, tmp_path / path)
    shutil.copytree(paths.TEXTS, tmp_path / "data" / "texts")
    return tmp_path


def read_rows(root: Path, table: str) -> list[list[str]]:
    """A published CSV as rows of text (the header first), exactly as written."""
    text = (root / RESOURCES[table]["path"]).read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text)))


def write_rows(root: Path, table: str, rows: list[list[str]]) -> None:
    """Write the rows back in the published CSV convention and re-stamp bytes and hash."""
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(rows)
    data = buf.getvalue().encode("utf-8")
    (root / RESOURCES[table]["path"]).write_bytes(data)
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    for resource in descriptor["resources"]:
        if resource["name"] == table:
            resource.update(publish._file_facts(data))
    (root / "datapackage.json").write_text(json.dumps(descriptor, ensure_ascii=False), encoding="utf-8")


def set_cell(root: Path, table: str, row: int, column: str, value: str) -> None:
    """Change one cell (row 0 = the first data row)."""
    rows = read_rows(root, table)
    rows[row + 1][rows[0].index(column)] = value
    write_rows(root, table, rows)


def cell(root: Path, table: str, row: int, column: str) -> str:
    rows = read_rows(root, table)
    return rows[row + 1][rows[0].index(column)]


def frictionless_errors(root: Path) -> list[tuple]:
    """(resource, row number, field, error type) of every error `frictionless validate` finds;
    row 2 is the first data row, as frictionless counts."""
    report = Package(str(root / "datapackage.json")).validate()
    found = []
    for task in report.tasks:
        for error in task.errors:
            d = error.to_descriptor()
            found.append((task.name, d.get("rowNumber"), d.get("fieldName"), d["type"]))
    return found


def pipeline_errors(root: Path) -> str:
    """The message `publish.validate_published` fails with (empty when it passes)."""
    try:
        publish.validate_published(root)
    except publish.PackageError as error:
        return str(error)
    return ""


def test_an_undamaged_copy_passes_both(package):
    """The drill starts from a package both checks accept."""
    assert pipeline_errors(package) == ""
    assert frictionless_errors(package) == []


def test_an_invalid_value_is_caught_by_place(package):
    """A qualifier outside its enum ('about' in quantities row 5) is named by table, row, column."""
    key = f"report_id={cell(package, 'quantities', 5, 'report_id')}, quantity_id={cell(package, 'quantities', 5, 'quantity_id')}"
    set_cell(package, "quantities", 5, "qualifier", "about")
    assert f"quantities, row 5 ({key}), column qualifier: 'about'" in pipeline_errors(package)
    assert frictionless_errors(package) == [("quantities", 7, "qualifier", "constraint-error")]


def test_a_duplicated_primary_key_is_caught_by_place(package):
    """A quantities row written twice breaks the primary key (report_id, quantity_id)."""
    rows = read_rows(package, "quantities")
    rows.insert(5, rows[4])  # data row 3 again, right after itself
    write_rows(package, "quantities", rows)
    key = f"report_id={rows[4][0]}, quantity_id={rows[4][1]}"
    message = pipeline_errors(package)
    assert f"quantities, row 4 ({key}), column quantity_id: {rows[4][1]}: duplicate primary key" in message
    assert frictionless_errors(package) == [("quantities", 6, None, "primary-key")]


def test_a_deleted_required_cell_is_caught_by_place(package):
    """An empty evidence cell in indicators is a missing required value, not an empty string."""
    rows = read_rows(package, "indicators")
    header = rows[0]
    key = ", ".join(f"{c}={rows[3][header.index(c)]}" for c in RESOURCES["indicators"]["primary_key"])
    set_cell(package, "indicators", 2, "evidence", "")
    message = pipeline_errors(package)
    assert f"indicators, row 2 ({key}), column evidence: empty: missing value in a required column" in message
    assert frictionless_errors(package) == [("indicators", 4, "evidence", "constraint-error")]


def test_a_broken_foreign_key_is_caught_by_place(package):
    """A check of a report that is not in reports.csv (last row, so the order stays sorted)."""
    last = len(read_rows(package, "checks")) - 2
    check = cell(package, "checks", last, "check")
    set_cell(package, "checks", last, "report_id", "999999-2099")
    message = pipeline_errors(package)
    assert (f"checks, row {last} (report_id=999999-2099, check={check}): report_id '999999-2099' "
            "is not in reports (report_id)") in message
    assert frictionless_errors(package) == [("checks", last + 2, None, "foreign-key")]


def test_a_changed_byte_of_a_text_is_caught_by_place(package):
    """One digit of a quantity changed in its text: frictionless's hash of the text and the
    pipeline's offsets (quantities' surface is text[start:end]) both catch it."""
    rows = read_rows(package, "quantities")
    header = rows[0]
    row = next(i for i, r in enumerate(rows[1:]) if r[header.index("surface")][0].isdigit())
    rid, surface = rows[row + 1][0], rows[row + 1][header.index("surface")]
    start = int(rows[row + 1][header.index("start")])
    path = package / "data" / "texts" / f"{rid}.txt"
    text = path.read_text(encoding="utf-8")
    offset = len(text[:start].encode("utf-8"))  # the surface's first character is one ASCII byte
    data = bytearray(path.read_bytes())
    data[offset] = ord("0") + (data[offset] - ord("0") + 1) % 10
    path.write_bytes(bytes(data))
    quantity_id = rows[row + 1][header.index("quantity_id")]
    message = pipeline_errors(package)
    assert f"quantities, row {row} (report_id={rid}, quantity_id={quantity_id}), column surface: {surface!r}" in message
    assert f"data/texts/{rid}.txt[{start}:" in message
    assert frictionless_errors(package) == [(f"text-{rid}", None, None, "hash-count")]


def test_a_changed_table_with_its_old_hash_is_caught_by_frictionless(package):
    """Without re-stamping, frictionless also reports that the table's bytes are not the
    published ones (the resource's hash)."""
    data = (package / "data" / "checks.csv").read_bytes()
    (package / "data" / "checks.csv").write_bytes(data.replace(b",true,", b",false,", 1))
    assert ("checks", None, None, "hash-count") in frictionless_errors(package)
