"""Codebook → pandera schemas and Frictionless table schemas.

Both are generated from `fazhi.codebook` (one metadata source, as in PUDL), so the pipeline's
validation and the published package can never disagree about a column. pandera's own
Frictionless importer does not work with frictionless 5, hence this small converter.

Frames are validated in their published form: strings (`str`), nullable integers (`Int64`),
nullable booleans (`boolean`), numbers as exact decimal text (`str`) and dates as ISO `YYYY-MM-DD` strings.
"""

from __future__ import annotations

import re

import pandas as pd
import pandera.pandas as pa

from fazhi.codebook import FIELDS, INTERIM, RESOURCES
from fazhi.codebook.fields import FIELD_TYPES

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

PANDAS_DTYPES = {ftype: spec["validated"] for ftype, spec in FIELD_TYPES.items()}


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
    numeric = field["type"] == "number"  # decimal text: compare as numbers, not strings
    if "minimum" in constraints:
        low = constraints["minimum"]
        checks.append(pa.Check(lambda s, low=low: pd.to_numeric(s) >= low, element_wise=False,
                               name=f"greater_than_or_equal_to({low})") if numeric
                      else pa.Check.ge(low))
    if "maximum" in constraints:
        high = constraints["maximum"]
        checks.append(pa.Check(lambda s, high=high: pd.to_numeric(s) <= high, element_wise=False,
                               name=f"less_than_or_equal_to({high})") if numeric
                      else pa.Check.le(high))
    return checks


def _required(resource: str, name: str) -> bool:
    """A field is required where the codebook says so and wherever it is part of a primary key."""
    return (FIELDS[name].get("constraints", {}).get("required", False)
            or name in RESOURCES[resource]["primary_key"])


def pandera_schema(resource: str) -> pa.DataFrameSchema:
    """The pandera schema of one published table: columns in order, types, constraints, keys."""
    spec = RESOURCES[resource]
    columns = {}
    for name in spec["fields"]:
        field = FIELDS[name]
        required = _required(resource, name)
        single_unique = [name] in spec.get("unique", [])
        columns[name] = pa.Column(
            PANDAS_DTYPES[field["type"]],
            checks=_checks(field),
            nullable=not required,
            unique=single_unique,
            title=field["title"],
            description=field["description"],
        )
    return pa.DataFrameSchema(
        columns,
        name=resource,
        strict=True,
        ordered=True,
        unique=spec["primary_key"],
        report_duplicates="all",
    )


def validate(resource: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Validate a frame lazily: every failure is reported at once, naming the table."""
    return pandera_schema(resource).validate(frame, lazy=True)


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
    constraints = dict(field.get("constraints", {}))
    if _required(resource, name):
        constraints["required"] = True
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
    elif ftype == "integer":
        series = series.map(lambda v: int(v) if isinstance(v, str)
                            or (isinstance(v, float) and not pd.isna(v)) else v)
    return series.astype(PANDAS_DTYPES[ftype]), []


def conform(resource: str, frame: pd.DataFrame, source: str | None = None,
            fields: list[str] | None = None, primary_key: list[str] | None = None) -> pd.DataFrame:
    """Put a frame into its published shape: columns in order, published dtypes, sorted by key.

    Fails loudly, naming the table (or `source` file), the column, the row and the value: a
    missing column (a stage forgot one), an unknown column (a stage wrote one the codebook does not
    define), or a value that cannot be converted. Nothing is filled or dropped silently.
    """
    spec = RESOURCES.get(resource, {})
    fields = fields or spec["fields"]
    primary_key = primary_key or spec["primary_key"]
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
    spec = INTERIM[name]
    columns = {}
    for column in spec["fields"]:
        field = FIELDS[column]
        required = field.get("constraints", {}).get("required", False) or column in spec["primary_key"]
        columns[column] = pa.Column(PANDAS_DTYPES[field["type"]], checks=_checks(field),
                                    nullable=not required)
    return pa.DataFrameSchema(columns, name=f"interim {name}", strict=True, ordered=True,
                              unique=spec["primary_key"], report_duplicates="all")


def validate_interim(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Conform and validate a scratch table (lazy: every failure at once)."""
    spec = INTERIM[name]
    frame = conform(name, frame, f"data/interim/{name}.csv", spec["fields"], spec["primary_key"])
    return interim_schema(name).validate(frame, lazy=True)
