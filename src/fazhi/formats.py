"""Formats: the published tables for Stata and Excel users, generated from the package.

Input:  datapackage.json and the tables it describes (data/*.csv), read with `fazhi.load`.
Output: dist/stata/<table>.dta, one per table (Stata format 118: Unicode, Stata 14 or later), and
        dist/fazhi-reports.xlsx, one workbook with a README sheet (package, tables, data
        dictionary) and one sheet per table.

Built on demand (`make formats`), never edited and never committed: dist/ is git-ignored. The
bytes depend only on the package and the package's release date (the .dta time stamp, the
workbook's document dates and its zip entry times are the release date), so a rebuild is
byte-identical and a release can publish checksums of these files.

Stata files:
- variable names are the CSV's column names, except where Stata forbids them: a name of more
  than 32 characters (some indicator ids in indicators_wide) is abbreviated word by word
  (`ABBREVIATIONS`), and a word pandas treats as reserved (`end`) gets a trailing underscore;
  the variable label then starts with the CSV name, and the README sheet lists every pair;
- variable labels are the codebook's Chinese title and, as far as 80 characters allow, its
  English description (the full text is in the README sheet and data/README.md);
- value labels: true/false for booleans (stored 0/1), the category for a string column with a
  fixed vocabulary (issuer_type, admin_level, qualifier, element; stored 1, 2, ... in codebook
  order) and the chapter title for outline_chapter (stored 1-10);
- strings over 2,045 bytes are strL; a missing string is "", a missing number or date is `.`.

Excel workbook: header row = column names (frozen, with a filter); strings are always text cells
(a value starting with `=` is not a formula), dates are dates, booleans TRUE/FALSE, an empty cell
is a missing value (never zero). A table longer than an Excel sheet (1,048,575 rows) gets a sheet
with a note pointing to its CSV and .dta instead, said in the README sheet too.

    python -m fazhi.formats [--package datapackage.json] [--out dist]
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import warnings
import zipfile
from datetime import datetime
from pathlib import Path

import pandas as pd

from fazhi import paths
from fazhi.codebook.structure import OUTLINE_CHAPTERS
from fazhi.load import load_package, load_table

DIST = paths.ROOT / "dist"
WORKBOOK = "fazhi-reports.xlsx"
STATA_DIR = "stata"
STATA_VERSION = 118

# Word-by-word abbreviations for Stata names longer than 32 characters (applied only to those).
ABBREVIATIONS = {
    "reconsideration": "recon",
    "certification": "cert",
    "normative": "norm",
    "documents": "docs",
    "enforcement": "enf",
    "litigation": "litig",
    "defendant": "def",
    "decision": "dec",
    "with": "w",
    "agency": "agcy",
    "appearance": "appear",
    "success": "succ",
    "government": "gov",
    "information": "info",
}
STATA_NAME_LENGTH = 32
STATA_LABEL_LENGTH = 80
# Names pandas' Stata writer would rename (it prefixes "_"); we rename them ourselves, visibly.
STATA_RESERVED = {
    "aggregate", "array", "boolean", "break", "byte", "case", "catch", "class", "colvector",
    "complex", "const", "continue", "default", "delegate", "delete", "do", "double", "else",
    "eltypedef", "end", "enum", "explicit", "export", "external", "float", "for", "friend",
    "function", "global", "goto", "if", "inline", "int", "local", "long", "NULL", "pragma",
    "protected", "quad", "rowvector", "short", "typedef", "typename", "virtual", "_all", "_N",
    "_skip", "_b", "_pi", "str#", "in", "_pred", "strL", "_coef", "_rc", "using", "_cons", "_se",
    "with", "_n",
}
BOOLEAN_LABELS = {0: "false", 1: "true"}
# Identifier columns stay strings even when the codebook fixes their values (indicator_id).
KEY_COLUMNS = {"report_id", "indicator_id", "source_file", "section_id", "check"}

EXCEL_MAX_ROWS = 1_048_576
EXCEL_MAX_CELL = 32_767
EXCEL_SHEET_NAME = 31


# --- names and labels --------------------------------------------------------------------------

def stata_name(column: str) -> str:
    """The Stata variable name of a column: the same name wherever Stata allows it."""
    name = column
    if len(name) > STATA_NAME_LENGTH:
        name = "_".join(ABBREVIATIONS.get(word, word) for word in name.split("_"))
    if name in STATA_RESERVED:
        name = name + "_"
    if len(name) > STATA_NAME_LENGTH or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
        raise ValueError(f"no Stata name for column {column!r} (got {name!r}): add an "
                         "abbreviation to fazhi.formats.ABBREVIATIONS")
    return name


def _clip(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def variable_label(field: dict) -> str:
    """Chinese title · English description, cut to Stata's 80 characters; renamed columns first
    give their CSV name."""
    label = field.get("title") or ""
    if field.get("description"):
        label = f"{label} · {field['description']}" if label else field["description"]
    if stata_name(field["name"]) != field["name"]:
        label = f"{field['name']}: {label}"
    return _clip(label, STATA_LABEL_LENGTH)


def labels_of(field: dict) -> dict[int, str] | None:
    """Value labels of a column, None when it has none (codes 1..n for a string vocabulary)."""
    if field["type"] == "boolean":
        return dict(BOOLEAN_LABELS)
    if field["name"] == "outline_chapter":
        return {n: f"第{n}章 {spec['name_zh']}" for n, spec in OUTLINE_CHAPTERS.items()}
    if encoded_as_labels(field):
        return {i: value for i, value in enumerate(field["constraints"]["enum"], start=1)}
    return None


def encoded_as_labels(field: dict) -> bool:
    """A string column with a fixed vocabulary that is not an identifier (not in any key)."""
    return (field["type"] == "string" and "enum" in field.get("constraints", {})
            and field["name"] not in KEY_COLUMNS)



def _fields(resource: dict) -> list[dict]:
    return resource["schema"]["fields"]


def tables_of(package: dict) -> list[dict]:
    """The tabular resources of the package, in its order (texts are not tables)."""
    return [r for r in package["resources"] if "schema" in r]


def _release_datetime(package: dict) -> datetime:
    return datetime.strptime(package["created"][:10], "%Y-%m-%d")


# --- Stata ---------------------------------------------------------------------------------

def stata_frame(frame: pd.DataFrame, resource: dict) -> tuple[pd.DataFrame, dict, dict, dict]:
    """A table ready for Stata: (data, variable labels, value labels, date formats), by Stata name."""
    out = {}
    variable_labels, value_labels, dates = {}, {}, {}
    for field in _fields(resource):
        column, name = frame[field["name"]], stata_name(field["name"])
        labels = labels_of(field)
        if field["type"] == "string" and labels is not None:
            codes = {value: code for code, value in labels.items()}
            unknown = set(column.dropna()) - set(codes)
            if unknown:
                raise ValueError(f"{resource['name']}.{field['name']}: values {sorted(unknown)} "
                                 "are not in the codebook's vocabulary")
            column = column.map(codes, na_action="ignore").astype("Int16")
        elif field["type"] == "string":
            column = column.fillna("").astype(object)
        elif field["type"] == "boolean":
            column = column.astype("Int8")
        elif field["type"] == "date":
            dates[name] = "td"
        elif field["type"] == "integer":
            column = column.astype("Int64")
        elif field["type"] == "number":
            column = column.astype("float64")
        out[name] = column.reset_index(drop=True)
        variable_labels[name] = variable_label(field)
        if labels is not None:
            value_labels[name] = labels
    return pd.DataFrame(out), variable_labels, value_labels, dates


def dta_bytes(frame: pd.DataFrame, resource: dict, package: dict) -> bytes:
    """One table as a Stata .dta file (format 118), byte-identical for the same input."""
    data, variable_labels, value_labels, dates = stata_frame(frame, resource)
    data_label = _clip(f"{resource.get('title', resource['name'])} · {package['name']} "
                       f"v{package['version']}", STATA_LABEL_LENGTH)
    buffer = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a silent rename or precision loss is a bug here
        data.to_stata(
            buffer,
            write_index=False,
            version=STATA_VERSION,
            convert_dates=dates,
            variable_labels=variable_labels,
            value_labels=value_labels,
            data_label=data_label,
            time_stamp=_release_datetime(package),
        )
    return buffer.getvalue()


# --- Excel ---------------------------------------------------------------------------------

def _constraints_text(field: dict) -> str:
    constraints = field.get("constraints", {})
    parts = ["required"] if constraints.get("required") else []
    if "enum" in constraints:
        parts.append("one of " + ", ".join(constraints["enum"]) if len(constraints["enum"]) <= 8
                     else "an indicator id of the codebook")
    for key, word in (("minimum", "≥"), ("maximum", "≤")):
        if key in constraints:
            parts.append(f"{word} {constraints[key]}")
    return "; ".join(parts)


def readme_rows(package: dict, frames: dict[str, pd.DataFrame]) -> list[list]:
    """The README sheet: the package, its tables and the data dictionary (every column)."""
    licences = "; ".join(f"{lic['name']} ({lic.get('title', '')})" for lic in package["licenses"])
    rows: list[list] = [
        [f"{package['title']} · {package['name']} v{package['version']}"],
        [package["description"]],
        [],
        ["version", package["version"]],
        ["released", package["created"][:10]],
        ["licences", licences],
        ["cite", ("As in CITATION.cff / CITATION.bib of the repository, with the version; for "
                  "one table or indicator, also its sheet and indicator_id.")],
        ["generated", ("From datapackage.json and data/*.csv by `make formats` (fazhi.formats); "
                       "never edit: rebuild. The CSVs are the reference.")],
        ["missing values", ("An empty cell is a missing value: not stated or not extracted, "
                            "never zero.")],
        [],
        ["sheet", "rows", "中文", "description", "CSV", "note"],
    ]
    for resource in tables_of(package):
        frame = frames[resource["name"]]
        rows.append([resource["name"], len(frame), resource.get("title", ""),
                     resource.get("description", ""), resource["path"],
                     too_big_note(resource, frame) if too_big_for_excel(frame) else None])
    rows += [[], ["sheet", "column", "中文", "type", "description", "constraints",
                  "Stata name (dist/stata/<sheet>.dta)"]]
    for resource in tables_of(package):
        for field in _fields(resource):
            rows.append([resource["name"], field["name"], field.get("title", ""), field["type"],
                         field.get("description", ""), _constraints_text(field),
                         stata_name(field["name"])])
    return rows


def too_big_for_excel(frame: pd.DataFrame) -> bool:
    return len(frame) + 1 > EXCEL_MAX_ROWS


def too_big_note(resource: dict, frame: pd.DataFrame) -> str:
    return (f"{len(frame):,} rows: more than an Excel sheet holds ({EXCEL_MAX_ROWS - 1:,}). "
            f"Use {resource['path']} or {STATA_DIR}/{resource['name']}.dta.")


def _cell_value(value, ftype: str):
    """A Python value for openpyxl, None for missing."""
    if value is None or value is pd.NA or (not isinstance(value, str) and pd.isna(value)):
        return None
    if ftype == "integer":
        return int(value)
    if ftype == "number":
        return float(value)
    if ftype == "boolean":
        return bool(value)
    if ftype == "date":
        return value.to_pydatetime().date() if isinstance(value, pd.Timestamp) else value
    return str(value)


def _text_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        if len(value) > EXCEL_MAX_CELL:
            raise ValueError(f"a value of {len(value)} characters exceeds Excel's cell limit")
        cell.data_type = "s"  # never a formula, even when it starts with "="
    return cell


def _write_table_sheet(sheet, frame: pd.DataFrame, resource: dict) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    fields = _fields(resource)
    if too_big_for_excel(frame):
        sheet.append([_text_cell(sheet, too_big_note(resource, frame))])
        return
    for i, field in enumerate(fields, start=1):
        width = 12 if field["type"] != "string" else min(60, max(12, len(field["name"]) + 2))
        sheet.column_dimensions[get_column_letter(i)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(fields))}{len(frame) + 1}"
    bold = Font(bold=True)
    header = []
    for field in fields:
        cell = _text_cell(sheet, field["name"])
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    columns = [(frame[f["name"]].tolist(), f["type"]) for f in fields]
    for row in range(len(frame)):
        cells = []
        for values, ftype in columns:
            value = _cell_value(values[row], ftype)
            if ftype == "date" and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = "yyyy-mm-dd"
            else:
                cell = _text_cell(sheet, value)
            cells.append(cell)
        sheet.append(cells)


def _deterministic_zip(data: bytes, when: datetime) -> bytes:
    """The same workbook with fixed document dates and zip entry times (openpyxl uses the clock)."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<3>", content)
            entry = zipfile.ZipInfo(info.filename, date_time=when.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()


def workbook_bytes(frames: dict[str, pd.DataFrame], package: dict) -> bytes:
    """The Excel workbook: README sheet, then one sheet per table in package order."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    released = _release_datetime(package)
    book = Workbook(write_only=True)
    book.properties.creator = package["name"]
    book.properties.title = f"{package['title']} v{package['version']}"
    book.properties.created = released
    readme = book.create_sheet("README")
    readme.column_dimensions["A"].width = 18
    readme.column_dimensions["B"].width = 24
    readme.column_dimensions["C"].width = 24
    readme.column_dimensions["D"].width = 12
    readme.column_dimensions["E"].width = 80
    bold = Font(bold=True)
    for i, row in enumerate(readme_rows(package, frames)):
        cells = [_text_cell(readme, v) for v in row]
        if cells and (i == 0 or row[0] == "sheet"):
            for cell in cells:
                cell.font = bold
        readme.append(cells)
    for resource in tables_of(package):
        name = resource["name"]
        if len(name) > EXCEL_SHEET_NAME:
            raise ValueError(f"table name {name!r} is too long for an Excel sheet")
        _write_table_sheet(book.create_sheet(name), frames[name], resource)
    buffer = io.BytesIO()
    book.save(buffer)
    return _deterministic_zip(buffer.getvalue(), released)


# --- the step ------------------------------------------------------------------------------

def run(package: dict, frames: dict[str, pd.DataFrame]) -> dict[str, bytes]:
    """The package's tables (name → frame, as `load_table` types them) → files by relative path."""
    files = {f"{STATA_DIR}/{r['name']}.dta": dta_bytes(frames[r["name"]], r, package)
             for r in tables_of(package)}
    files[WORKBOOK] = workbook_bytes(frames, package)
    return files


def load_frames(package_path: Path = paths.DATAPACKAGE) -> tuple[dict, dict[str, pd.DataFrame]]:
    """The package descriptor and every table in it, typed from the descriptor."""
    package = load_package(package_path)
    return package, {r["name"]: load_table(r["name"], package_path) for r in tables_of(package)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, default=paths.DATAPACKAGE)
    parser.add_argument("--out", type=Path, default=DIST)
    args = parser.parse_args(argv)
    package, frames = load_frames(args.package)
    files = run(package, frames)
    for relative, content in files.items():
        target = args.out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
    for resource in tables_of(package):
        if too_big_for_excel(frames[resource["name"]]):
            print(f"formats: sheet {resource['name']} holds a note only: "
                  f"{too_big_note(resource, frames[resource['name']])}", file=sys.stderr)
    rows = sum(len(f) for f in frames.values())
    print(f"formats: {len(frames)} tables ({rows} rows) of {package['name']} v{package['version']} "
          f"→ {len(files) - 1} .dta files in {args.out / STATA_DIR}, {args.out / WORKBOOK}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
