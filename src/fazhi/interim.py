"""The scratch tables the stages hand to each other (data/interim/<name>.csv).

`write(name, frame)` checks a table against its schema (`codebook.INTERIM`) before writing it, so
a broken intermediate fails at the stage that made it, naming the file, column and row. `read`
gives every cell as a string (types come from the schema downstream).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from fazhi import paths, schema
from fazhi.csvio import read_csv, write_csv


def path(name: str, root: Path | None = None) -> Path:
    return (root / "data" / "interim" if root else paths.INTERIM) / f"{name}.csv"


def write(name: str, frame: pd.DataFrame) -> None:
    """Validate one scratch table and write it in the CSV convention."""
    schema.validate_interim(name, frame.reset_index(drop=True))
    write_csv(frame, path(name))


def read(name: str, root: Path | None = None) -> pd.DataFrame:
    return read_csv(path(name, root))
