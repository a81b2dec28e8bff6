"""The whole pipeline, in memory, on a corpus unlike the seeds: held-out report openings of every
level and issuer type (departments, townships, autonomous regions), undated pages, files without
indicators, HTML, GB18030, traditional characters and files that must be rejected."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from frictionless import Package

from conftest import build_in_memory
from fazhi import paths
from fazhi.csvio import read_csv

OPENINGS = paths.HELDOUT / "metadata" / "dev"


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """Raw openings → published files in a scratch folder, through every stage's run()."""
    root = tmp_path_factory.mktemp("corpus")
    raw = {p.name: p.read_bytes() for p in sorted(OPENINGS.iterdir())
           if p.suffix in (".txt", ".html")}
    reports, rejects, texts, outputs = build_in_memory(raw, pd.DataFrame(columns=["file"]), root)
    for relative, data in outputs.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        (root / relative).write_bytes(data)
    for rid, text in texts.items():
        (root / "data" / "texts").mkdir(parents=True, exist_ok=True)
        (root / "data" / "texts" / f"{rid}.txt").write_bytes(text.encode("utf-8"))
    return root, raw, reports, rejects


def test_every_file_is_published_or_rejected(built):
    """Nothing is lost: each raw file is in exactly one of reports and rejects."""
    _, raw, reports, rejects = built
    assert sorted([*reports["source_file"], *rejects["source_file"]]) == sorted(raw)


def test_corpus_has_every_issuer_type_and_undated_reports(built):
    """The corpus exercises departments, townships and reports without a publish date."""
    _, _, reports, _ = built
    assert {"government", "department", "township"} <= set(reports["issuer_type"])
    assert reports["publish_date"].isna().any()


def test_published_package_is_valid_for_frictionless(built):
    """The package built from this corpus passes frictionless validation (keys, types, hashes)."""
    root, *_ = built
    report = Package(str(root / "datapackage.json")).validate()
    assert report.valid, json.dumps(report.flatten(["rowNumber", "fieldName", "type", "note"]),
                                    ensure_ascii=False)[:2000]


def test_undated_report_has_no_on_time_flag(built):
    """A report without a publish date is published with is_published_on_time empty."""
    root, *_ = built
    published = read_csv(root / "data" / "reports.csv")
    undated = published[published["publish_date"].isna()]
    assert len(undated) and undated["is_published_on_time"].isna().all()
