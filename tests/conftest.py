"""Shared fixtures: the raw seeds and one in-memory run of the ingest stage."""

from __future__ import annotations

import pandas as pd
import pytest

from fazhi import paths
from fazhi.ingest import stage as ingest


@pytest.fixture(scope="session")
def raw_files() -> dict[str, bytes]:
    return ingest.read_raw(paths.RAW)


@pytest.fixture(scope="session")
def ingested(raw_files):
    """(reports, rejects, texts) from ingesting data/raw/ in memory."""
    return ingest.run(raw_files, ingest.read_sources(paths.SOURCES))


@pytest.fixture(scope="session")
def reports(ingested) -> pd.DataFrame:
    return ingested[0].set_index("source_file")
