"""Reading the published package: what notebooks and users import.

`load_table(name)` reads one table of datapackage.json with the dtypes its Frictionless schema
declares: string → str, integer → Int64, number → float64, boolean → boolean, date → datetime64.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from fazhi import paths
from fazhi.codebook.fields import FIELD_TYPES

DTYPES = {ftype: spec["loaded"] for ftype, spec in FIELD_TYPES.items()}


def load_package(path: Path = paths.DATAPACKAGE) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def load_table(name: str, package_path: Path = paths.DATAPACKAGE) -> pd.DataFrame:
    """One published table, typed from its schema in datapackage.json."""
    package = load_package(package_path)
    resources = {r["name"]: r for r in package["resources"] if "schema" in r}
    if name not in resources:
        raise KeyError(f"no table {name!r} in {package_path}; tables: {sorted(resources)}")
    resource = resources[name]
    fields = resource["schema"]["fields"]
    frame = pd.read_csv(
        Path(package_path).parent / resource["path"],
        dtype={f["name"]: "str" for f in fields},
        keep_default_na=False,
        encoding="utf-8",
    )
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


def load_metrics(name: str = "extraction.json", folder: Path = paths.METRICS) -> dict:
    """The evaluation stage's figures (metrics/extraction.json) or its error lists."""
    return json.loads((Path(folder) / name).read_text(encoding="utf-8"))
