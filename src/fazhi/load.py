"""Reading the published package: what notebooks and users import.

`load_table(name)` reads one table of datapackage.json with the dtypes its Frictionless schema
declares: string → str, integer → Int64, number → float64, boolean → boolean, date → datetime64.
A large corpus also publishes its big tables in Parquet (resource `<name>-parquet`, the same rows
and schema); `load_table` reads that copy when the package has one (faster, less memory), or the
CSV when asked (`format="csv"`): the frame is the same either way.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from fazhi import paths
from fazhi.codebook.fields import FIELD_TYPES

DTYPES = {ftype: spec["loaded"] for ftype, spec in FIELD_TYPES.items()}


def load_package(path: Path = paths.DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_table(name: str, package_path: Path = paths.DATAPACKAGE,
               format: str | None = None, columns: list[str] | None = None) -> pd.DataFrame:
    """One published table, typed from its schema in datapackage.json.

    `format`: "csv", "parquet", or None for the Parquet copy when the package has one, else CSV.
    `columns`: only these columns, in this order (a large corpus's indicators without the
    columns an analysis does not read take a fraction of the memory); None for all.
    """
    package = load_package(package_path)
    resources = {r["name"]: r for r in package["resources"] if "schema" in r}
    if name not in resources:
        raise KeyError(f"no table {name!r} in {package_path}; tables: {sorted(resources)}")
    fields = resources[name]["schema"]["fields"]
    if columns is not None:
        by_name = {f["name"]: f for f in fields}
        unknown = [c for c in columns if c not in by_name]
        if unknown:
            raise KeyError(f"table {name!r} has no column {', '.join(map(repr, unknown))}; "
                           f"its columns: {list(by_name)}")
        fields = [by_name[c] for c in columns]
    copies = {r["name"]: r for r in package["resources"]}
    columnar = copies.get(f"{name}-parquet")
    if format not in (None, "csv", "parquet"):
        raise ValueError(f"format must be 'csv' or 'parquet', not {format!r}")
    if format == "parquet" and columnar is None:
        raise KeyError(f"{package_path} publishes no Parquet copy of {name!r}")
    if columnar is not None and format != "csv":
        return _typed_parquet(Path(package_path).parent / columnar["path"], fields)
    frame = pd.read_csv(
        Path(package_path).parent / resources[name]["path"],
        usecols=[f["name"] for f in fields],
        dtype={f["name"]: "str" for f in fields},
        keep_default_na=False,
        encoding="utf-8",
    )[[f["name"] for f in fields]]
    for f in fields:
        column = frame[f["name"]].replace("", None)
        if f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(column, format="%Y-%m-%d")
        elif f["type"] == "boolean":
            frame[f["name"]] = column.map({"true": True, "false": False}).astype("boolean")
        elif f["type"] in ("integer", "number"):
            frame[f["name"]] = pd.to_numeric(column).astype(DTYPES[f["type"]])
        else:
            frame[f["name"]] = column
    return frame


def _typed_parquet(path: Path, fields: list[dict]) -> pd.DataFrame:
    """A Parquet copy with the same dtypes as its CSV read by `load_table`."""
    mapper = {pa.int64(): pd.Int64Dtype(), pa.bool_(): pd.BooleanDtype()}.get
    frame = pq.read_table(path, columns=[f["name"] for f in fields]).to_pandas(types_mapper=mapper)
    for f in fields:
        column = frame[f["name"]]
        if f["type"] == "date":
            frame[f["name"]] = pd.to_datetime(column).astype("datetime64[ns]")
        elif f["type"] == "string":
            frame[f["name"]] = column.astype("str")
        else:
            frame[f["name"]] = column.astype(DTYPES[f["type"]])
    return frame


def load_metrics(name: str = "extraction.json", folder: Path = paths.METRICS) -> dict:
    """The evaluation stage's figures (metrics/extraction.json) or its error lists."""
    return json.loads((Path(folder) / name).read_text(encoding="utf-8"))
