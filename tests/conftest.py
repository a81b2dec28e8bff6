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


def build_in_memory(raw: dict[str, bytes], sources: pd.DataFrame, scratch):
    """Raw files → every published file, through each stage's run() and CSV between stages, as
    `dvc repro` would. Returns (reports, rejects, texts, outputs: relative path → bytes)."""
    from fazhi import extract, publish, segment
    from fazhi.csvio import read_csv, write_csv

    reports, rejects, texts = ingest.run(raw, sources)
    sections, flags, shares = segment.run(reports, texts)
    years = dict(zip(reports["report_id"], reports["report_year"].astype(int)))
    quantities, indicators, checks = extract.run(texts, years, sections)
    frames = {"reports": reports, "rejects": rejects, "sections": sections, "elements": flags,
              "outline_shares": shares, "quantities": quantities, "indicators": indicators,
              "checks": checks}
    for name, frame in frames.items():
        write_csv(frame, scratch / "interim" / f"{name}.csv")
        frames[name] = read_csv(scratch / "interim" / f"{name}.csv")
    outputs = publish.run(frames, {rid: text.encode("utf-8") for rid, text in texts.items()})
    return reports, rejects, texts, outputs


@pytest.fixture(scope="session")
def interim_frames(ingested) -> tuple[dict[str, pd.DataFrame], dict[str, bytes]]:
    """The scratch tables of the seeds, as the publish stage reads them (all cells text)."""
    import io

    from fazhi import extract, publish, segment
    from fazhi.csvio import read_csv

    reports, rejects, texts = ingested
    sections, elements, shares = segment.run(reports, texts)
    years = dict(zip(reports["report_id"], reports["report_year"]))
    quantities, indicator_values, checks = extract.run(texts, years, sections)
    frames = {"reports": reports, "rejects": rejects, "sections": sections, "elements": elements,
              "outline_shares": shares, "quantities": quantities, "indicators": indicator_values,
              "checks": checks}
    frames = {name: read_csv(io.BytesIO(publish.to_csv_bytes(f))) for name, f in frames.items()}
    return frames, {rid: t.encode("utf-8") for rid, t in texts.items()}
