"""Every path the project reads or writes, defined once.

The project root is the checkout holding this package (src layout, editable install); set
FAZHI_ROOT to point the pipeline at another tree (the tests do, to rebuild into a scratch copy).
"""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(os.environ.get("FAZHI_ROOT") or Path(__file__).resolve().parents[2])

DATA = ROOT / "data"
RAW = DATA / "raw"
SOURCES = RAW / "sources.csv"
TEXTS = DATA / "texts"
INTERIM = DATA / "interim"
DATAPACKAGE = ROOT / "datapackage.json"
PARAMS = ROOT / "params.yaml"

METRICS = ROOT / "metrics"
GOLD = ROOT / "tests" / "gold"
HELDOUT = ROOT / "tests" / "heldout"
CHALLENGES = ROOT / "tests" / "challenge" / "indicator_challenges.csv"


def text_path(report_id: str, root: Path = ROOT) -> Path:
    """Where the cleaned text of one report lives."""
    return root / "data" / "texts" / f"{report_id}.txt"
