"""Codebook → pandera schemas and Frictionless table schemas.

Both are generated from `fazhi.codebook` (one metadata source, as in PUDL), so the pipeline's
validation and the published package can never disagree about a column. pandera's own
Frictionless importer does not work with frictionless 5, hence this small converter.

Frames are validated in their published form: strings (`str`), nullable integers (`Int64`),
nullable booleans (`boolean`), numbers as exact decimal text (`str`) and dates as ISO `YYYY-MM-DD` strings.

Both schemas carry the same rules: types, `required` (and every primary-key column), the primary
key, single-column unique keys (`RESOURCES[...]["unique"]` → `constraints.unique`), enum, pattern,
minimum and maximum (numbers compared exactly, as decimals), real calendar dates, and booleans
written `true`/`false`. Foreign keys are in the Frictionless schema; in the pipeline
`fazhi.publish` checks them. What Table Schema cannot say, and only pandera (with `conform`)
checks: the lexical form of numbers and dates (`pattern` is for strings only, so a published
`1e5` or `2023-3-5` would pass `frictionless validate`; the pipeline never writes one).
"""

from __future__ import annotations

import datetime as dt
import operator
import re
from decimal import Decimal, InvalidOperation

import pandas as pd
import pandera.pandas as pa
import pyarrow
import pyarrow.compute

from fazhi.codebook import FIELDS, INTERIM, RESOURCES
from fazhi.codebook.fields import FIELD_TYPES
from fazhi.table_checks import CHECKS

ISO_DATE = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
# How booleans are written in the published CSVs (and the only spellings `frictionless validate`
# and `fazhi.load` accept there).
TRUE_VALUES, FALSE_VALUES = ["true"], ["false"]

PANDAS_DTYPES = {ftype: spec["validated"] for ftype, spec in FIELD_TYPES.items()}


def _is_date(value: str) -> bool:
    """An ISO date that exists in the calendar (2023-02-30 does not)."""
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _decimal(value) -> Decimal | None:
    """A finite number as an exact decimal (never rounded through a float); None if it is not one."""
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _bound(series: pd.Series, limit, compare) -> pd.Series:
    """Decimal text against a bound, exactly: 100.0000000000000001 is more than 100."""
    limit = Decimal(str(limit))
    return series.map(lambda v: (d := _decimal(v)) is not None and compare(d, limit))


def _checks(field: dict) -> list[pa.Check]:
    """pandera checks for one codebook field's constraints."""
    constraints = field.get("constraints", {})
    checks = []
    if "enum" in constraints:
        checks.append(pa.Check.isin(constraints["enum"]))
    if "pattern" in constraints:
        checks.append(pa.Check.str_matches(constraints["pattern"]))
    if field["type"] == "date":
        checks.append(pa.Check.str_matches(ISO_DATE))
        checks.append(pa.Check(_is_date, element_wise=True, name="is_calendar_date"))
    numeric = field["type"] == "number"  # decimal text: compare as exact numbers, not strings
    if "minimum" in constraints:
        low = constraints["minimum"]
        checks.append(pa.Check(lambda s, low=low: _bound(s, low, operator.ge),
                               name=f"greater_than_or_equal_to({low})") if numeric
                      else pa.Check.ge(low))
    if "maximum" in constraints:
        high = constraints["maximum"]
        checks.append(pa.Check(lambda s, high=high: _bound(s, high, operator.le),
                               name=f"less_than_or_equal_to({high})") if numeric
                      else pa.Check.le(high))
    return checks


def _required(spec: dict, name: str) -> bool:
    """A field is required where the codebook says so and wherever it is part of the primary key
    of the table (`spec`, from RESOURCES or INTERIM)."""
    return bool(FIELDS[name].get("constraints", {}).get("required")) or name in spec["primary_key"]


def unique_columns(resource: str) -> list[str]:
    """The table's single-column unique keys (besides its primary key).

    Table Schema (and frictionless 5) can state uniqueness of one column only, so a unique key of
    several columns is refused here rather than checked by pandera alone.
    """
    keys = RESOURCES[resource].get("unique", [])
    wide = [key for key in keys if len(key) != 1]
    if wide:
        raise ValueError(f"{resource}: unique keys {wide} span several columns, which the "
                         "Frictionless schema cannot state; make them the primary key or drop them")
    return [key[0] for key in keys]


def _frame_schema(name: str, spec: dict, unique: list[str],
                  whole_table: bool = True) -> pa.DataFrameSchema:
    """pandera schema of a table `spec` (fields, primary_key): columns in order with their types,
    codebook checks, titles and descriptions; strict; primary key and `unique` columns unique."""
    columns = {
        column: pa.Column(
            PANDAS_DTYPES[FIELDS[column]["type"]],
            checks=_checks(FIELDS[column]),
            nullable=not _required(spec, column),
            unique=column in unique,
            title=FIELDS[column]["title"],
            description=FIELDS[column]["description"],
        )
        for column in spec["fields"]
    }
    checks = [pa.Check(lambda frame, check=CHECKS[c]: not check(frame), name=c)
              for c in (spec.get("table_checks", []) if whole_table else [])]
    return pa.DataFrameSchema(columns, name=name, strict=True, ordered=True, checks=checks,
                              unique=spec["primary_key"], report_duplicates="all")


def pandera_schema(resource: str, whole_table: bool = True) -> pa.DataFrameSchema:
    """The pandera schema of one published table: columns in order, types, constraints, keys, and
    (unless `whole_table` is False, for checking some rows alone) the checks of the whole table
    the codebook names (`table_checks`, e.g. the region table's periods and counts)."""
    return _frame_schema(resource, RESOURCES[resource], unique_columns(resource), whole_table)


def validate(resource: str, frame: pd.DataFrame, whole_table: bool = True) -> pd.DataFrame:
    """Validate a frame lazily: every failure is reported at once, naming the table."""
    return pandera_schema(resource, whole_table).validate(frame, lazy=True)


# pandera's names for the structural checks, in words.
CHECK_WORDS = {
    "multiple_fields_uniqueness": "duplicate primary key",
    "field_uniqueness": "duplicate value in a unique column",
    "not_nullable": "missing value in a required column",
}


def row_key(resource: str, frame: pd.DataFrame, row) -> str:
    """One row's primary key in words: `report_id=330281-2022, quantity_id=5`."""
    key = (RESOURCES.get(resource) or INTERIM[resource])["primary_key"]
    return ", ".join(f"{column}={frame.at[row, column]}" for column in key)


def failure_lines(resource: str, frame: pd.DataFrame, failure_cases: pd.DataFrame) -> list[str]:
    """pandera's failure cases as one line each, naming table, row (index and primary key),
    column, the check and the value."""
    lines = []
    for case in failure_cases.itertuples(index=False):
        check = CHECK_WORDS.get(str(case.check), f"fails {case.check}")
        value = "empty" if pd.isna(case.failure_case) else repr(case.failure_case)
        row = case.index
        if pd.isna(row) or row not in frame.index:  # a failure of the whole column (its type)
            lines.append(f"{resource}, column {case.column}: {value}: {check}")
        else:
            lines.append(f"{resource}, row {row} ({row_key(resource, frame, row)}), column "
                         f"{case.column}: {value}: {check}")
    return lines


def problems(resource: str, frame: pd.DataFrame) -> list[str]:
    """Every failure `validate` finds (lazily, all at once), one line each; empty when valid."""
    try:
        validate(resource, frame)
    except pa.errors.SchemaErrors as error:
        return failure_lines(resource, frame, error.failure_cases)
    return []


def frictionless_field(name: str, resource: str) -> dict:
    """One Frictionless field descriptor (Table Schema v1-compatible)."""
    field = FIELDS[name]
    out = {
        "name": name,
        "type": field["type"],
        "title": field["title"],
        "description": field["description"],
    }
    if field["type"] == "date":
        out["format"] = "default"
    if field["type"] == "boolean":
        out["trueValues"], out["falseValues"] = TRUE_VALUES, FALSE_VALUES
    constraints = dict(field.get("constraints", {}))
    if _required(RESOURCES[resource], name):
        constraints["required"] = True
    if name in unique_columns(resource):
        constraints["unique"] = True
    if field["type"] != "string":
        constraints.pop("pattern", None)  # Table Schema allows pattern on strings only
    if constraints:
        out["constraints"] = constraints
    return out


def frictionless_schema(resource: str) -> dict:
    """The Frictionless table schema of one published table."""
    spec = RESOURCES[resource]
    schema: dict = {
        "fields": [frictionless_field(name, resource) for name in spec["fields"]],
        "missingValues": [""],
        "primaryKey": list(spec["primary_key"]),
    }
    if spec.get("foreign_keys"):
        schema["foreignKeys"] = [dict(fk) for fk in spec["foreign_keys"]]
    return schema


def empty_frame(resource: str) -> pd.DataFrame:
    """An empty frame with the table's columns and published dtypes."""
    spec = RESOURCES[resource]
    return pd.DataFrame(
        {name: pd.Series(dtype=PANDAS_DTYPES[FIELDS[name]["type"]]) for name in spec["fields"]}
    )


BOOLEAN_STRINGS = {"true": True, "True": True, "false": False, "False": False}
INTEGER_TEXT = r"-?[0-9]+"
DECIMAL_TEXT = r"-?[0-9]+(?:\.[0-9]+)?"


class ConformError(ValueError):
    """A value or column that cannot be put into its published form; names every place."""


def _bad_cells(series: pd.Series, ftype: str) -> pd.Series:
    """Which present cells cannot be read as `ftype` (text from a CSV, or Python values)."""
    present = series.notna()
    if ftype in ("integer", "number") and isinstance(series.dtype, pd.StringDtype):
        # Text columns (as read from CSV): one vectorised match; a cell it rejects is looked at
        # again by the rule below, so the result is the same cell by cell.
        pattern = INTEGER_TEXT if ftype == "integer" else DECIMAL_TEXT
        ok = series.str.fullmatch(pattern).fillna(False).to_numpy(dtype=bool, copy=True)
        again = present.to_numpy() & ~ok
        if again.any():
            ok[again] = ~_bad_cells(series[again].astype(object), ftype).to_numpy(dtype=bool)
        return present & ~pd.Series(ok, index=series.index)
    if ftype == "boolean":
        ok = series.map(lambda v: v in BOOLEAN_STRINGS if isinstance(v, str) else isinstance(v, bool))
    elif ftype == "integer":
        ok = series.map(lambda v: bool(re.fullmatch(INTEGER_TEXT, v.strip())) if isinstance(v, str)
                        else isinstance(v, int) or (isinstance(v, float) and v.is_integer()))
    elif ftype == "number":
        ok = series.map(lambda v: bool(re.fullmatch(DECIMAL_TEXT, v)) if isinstance(v, str) else True)
    else:
        ok = pd.Series(True, index=series.index)
    return present & ~ok.astype(bool)


def _as_published(series: pd.Series, ftype: str, where: str) -> tuple[pd.Series, list[str]]:
    """Cast a column to its published dtype; strings read from CSV are parsed, never guessed.

    Returns the cast column and the problems found (row and value of each cell that cannot be
    converted): a bad cell is an error, never a silent missing value.
    """
    if not (series.dtype == object or pd.api.types.is_string_dtype(series.dtype)):
        return series.astype(PANDAS_DTYPES[ftype]), []
    bad = _bad_cells(series, ftype)
    if bad.any():
        return series, [f"{where}, row {i}: {series[i]!r} is not a valid {ftype}"
                        for i in series.index[bad]]
    if ftype == "boolean":
        series = series.map(lambda v: BOOLEAN_STRINGS.get(v, v) if isinstance(v, str) else v)
    elif ftype == "integer" and _digits_only(series):  # one exact int64 cast, not int() per cell
        values = pyarrow.compute.cast(pyarrow.array(series.to_numpy(dtype=object, na_value=None),
                                                    type=pyarrow.string()), pyarrow.int64())
        series = pd.Series(pd.Int64Dtype().__from_arrow__(values), index=series.index)
    elif ftype == "integer":  # integral floats (2021.0) are cast by astype below
        series = series.map(lambda v: int(v) if isinstance(v, str) else v)
    return series.astype(PANDAS_DTYPES[ftype]), []


def _digits_only(series: pd.Series) -> bool:
    """A text column whose every present cell is an integer of at most 18 digits, no spaces."""
    if not isinstance(series.dtype, pd.StringDtype):
        return False
    present = series.dropna()
    return bool(present.str.fullmatch(INTEGER_TEXT).all() and (present.str.len() <= 18).all())


def conform(resource: str, frame: pd.DataFrame, source: str | None = None,
            fields: list[str] | None = None, primary_key: list[str] | None = None) -> pd.DataFrame:
    """Put a frame into its published shape: columns in order, published dtypes, sorted by key.

    Fails loudly, naming the table (or `source` file), the column, the row and the value: a
    missing column (a stage forgot one), an unknown column (a stage wrote one the codebook does not
    define), or a value that cannot be converted. Nothing is filled or dropped silently.
    """
    fields = fields or RESOURCES[resource]["fields"]
    primary_key = primary_key or RESOURCES[resource]["primary_key"]
    where = source or resource
    problems = []
    missing = [c for c in fields if c not in frame.columns]
    unknown = [c for c in frame.columns if c not in fields]
    if missing:
        problems.append(f"{where}: missing columns {missing}")
    if unknown:
        problems.append(f"{where}: columns the codebook does not define {unknown}")
    if problems:
        raise ConformError("\n".join(problems))
    out = frame[fields].copy()
    for name in fields:
        out[name], found = _as_published(out[name], FIELDS[name]["type"], f"{where}, column {name}")
        problems += found
    if problems:
        raise ConformError("\n".join(problems))
    return out.sort_values(primary_key, kind="stable").reset_index(drop=True)


def interim_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of a scratch table in data/interim/ (its columns as published)."""
    return _frame_schema(f"interim {name}", INTERIM[name], [])


def validate_interim(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Conform and validate a scratch table (lazy: every failure at once)."""
    spec = INTERIM[name]
    frame = conform(name, frame, f"data/interim/{name}.csv", spec["fields"], spec["primary_key"])
    return interim_schema(name).validate(frame, lazy=True)
