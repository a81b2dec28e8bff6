"""Reading and writing tables in the project's CSV convention (shared by every stage)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """CSV in the published convention: UTF-8 without BOM, \\n line ends, empty = missing."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")


def read_csv(path) -> pd.DataFrame:
    """A table (a path or a binary buffer) with every cell as a string and empty cells as missing
    (types come later)."""
    return pd.read_csv(path, dtype=str, keep_default_na=False).replace("", None)
