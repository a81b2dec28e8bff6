"""Reading the annotation files with their schemas (`codebook.gold`): every failure at once,
naming the file, the column and the row."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pandera.pandas as pa

from fazhi.codebook.gold import GOLD
from fazhi.csvio import read_csv

PATTERNS = {
    "integer": r"^-?[0-9]+$",
    "decimal": r"^-?[0-9]+(\.[0-9]+)?$",
    "date": r"^\d{4}-\d{2}-\d{2}$",
    "boolean": r"^(true|false)$",
    "region_code": r"^[1-8][0-9]{5}$",
}


def gold_schema(name: str) -> pa.DataFrameSchema:
    """The pandera schema of one kind of annotation file (all cells text, checked by kind)."""
    _, columns = GOLD[name]
    out = {}
    for column, (kind, required) in columns.items():
        if isinstance(kind, list):
            checks = [pa.Check.isin(kind)]
        elif kind in PATTERNS:
            checks = [pa.Check.str_matches(PATTERNS[kind])]
        else:
            checks = []
        out[column] = pa.Column(str, checks=checks, nullable=not required)
    return pa.DataFrameSchema(out, name=name, strict=True, ordered=True)


def read_gold(name: str, path: Path) -> pd.DataFrame:
    """One annotation file, validated (lazy: all failures at once); the error names the file."""
    frame = read_csv(path)
    try:
        return gold_schema(name).validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        cases = exc.failure_cases[["column", "index", "failure_case", "check"]]
        raise ValueError(f"{path}: annotation file breaks its schema ({name}):\n"
                         f"{cases.to_string(index=False)}") from None


def gold_files(name: str, tests_dir: Path) -> list[Path]:
    """The files of one kind under tests/."""
    return sorted(tests_dir.glob(GOLD[name][0]))
