"""Codebook → pandera schemas and Frictionless table schemas.

Both are generated from `fazhi.codebook` (one metadata source, as in PUDL), so the pipeline's
validation and the published package can never disagree about a column. pandera's own
Frictionless importer does not work with frictionless 5, hence this small converter.

Frames are validated in their published form: strings (`str`), nullable integers (`Int64`),
nullable booleans (`boolean`), numbers as exact decimal text (`str`) and dates as ISO `YYYY-MM-DD` strings.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from fazhi.codebook import FIELDS, RESOURCES

ISO_DATE = r"^\d{4}-\d{2}-\d{2}$"

PANDAS_DTYPES = {
    "string": "str",
    "date": "str",
    "integer": "Int64",
    "number": "str",  # exact decimal text: never rounded through a float
    "boolean": "boolean",
}


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


def _as_published(series: pd.Series, ftype: str) -> pd.Series:
    """Cast a column to its published dtype; strings read from CSV are parsed, not guessed."""
    dtype = PANDAS_DTYPES[ftype]
    if series.dtype == object or pd.api.types.is_string_dtype(series.dtype):
        if ftype == "boolean":
            series = series.map(lambda v: BOOLEAN_STRINGS.get(v, v) if isinstance(v, str) else v)
        elif ftype == "integer":
            series = pd.to_numeric(series, errors="coerce").where(series.notna(), None)
    return series.astype(dtype)


def conform(resource: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Put a frame into its published shape: columns in order, published dtypes, sorted by key.

    Missing columns are an error (a stage forgot one), not something to fill silently.
    """
    spec = RESOURCES[resource]
    missing = [c for c in spec["fields"] if c not in frame.columns]
    assert not missing, f"{resource}: missing columns {missing}"
    out = frame[spec["fields"]].copy()
    for name in spec["fields"]:
        out[name] = _as_published(out[name], FIELDS[name]["type"])
    return out.sort_values(spec["primary_key"], kind="stable").reset_index(drop=True)
