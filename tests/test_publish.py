"""The published package: valid, and exactly what the pipeline regenerates."""

from __future__ import annotations

import json

import pytest
from frictionless import Package

from fazhi import extract, paths, publish, segment
from fazhi.codebook import RESOURCES


@pytest.fixture(scope="module")
def rebuilt(ingested) -> dict[str, bytes]:
    """Every published file, regenerated in memory from data/raw/ (ingest → segment → extract → publish)."""
    reports, rejects, texts = ingested
    text_bytes = {rid: t.encode("utf-8") for rid, t in texts.items()}
    sections, elements, shares = segment.run(reports, texts)
    years = dict(zip(reports["report_id"], reports["report_year"]))
    quantities, indicator_values, checks = extract.run(texts, years, sections)
    frames = {"reports": reports, "rejects": rejects, "sections": sections, "elements": elements,
              "outline_shares": shares, "quantities": quantities, "indicators": indicator_values,
              "checks": checks}
    out = publish.run(frames, text_bytes)
    out.update({f"data/texts/{rid}.txt": b for rid, b in text_bytes.items()})
    return out


def test_datapackage_is_valid_frictionless():
    """`frictionless validate datapackage.json` (Python API) finds no error."""
    report = Package(str(paths.DATAPACKAGE)).validate()
    assert report.valid, report.flatten(["resourcePath", "rowNumber", "fieldName", "type", "note"])


def test_committed_datapackage_equals_the_regenerated_one(rebuilt):
    """datapackage.json is generated, never hand-edited: a rebuild gives the same bytes."""
    assert paths.DATAPACKAGE.read_bytes() == rebuilt["datapackage.json"]


@pytest.mark.parametrize("table", sorted(RESOURCES))
def test_committed_table_equals_the_regenerated_one(rebuilt, table):
    """Each published CSV is byte-identical to a rebuild from the raw files."""
    path = RESOURCES[table]["path"]
    assert (paths.ROOT / path).read_bytes() == rebuilt[path]


def test_committed_texts_equal_the_regenerated_ones(rebuilt):
    """data/texts/ holds exactly the regenerated cleaned texts, byte for byte."""
    committed = {f"data/texts/{p.name}": p.read_bytes() for p in paths.TEXTS.glob("*.txt")}
    expected = {k: v for k, v in rebuilt.items() if k.startswith("data/texts/")}
    assert committed == expected


def test_every_resource_declares_encoding_size_and_hash():
    """Each resource has encoding utf-8, bytes and a sha256 hash, so a changed file is caught."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    for resource in package["resources"]:
        assert resource["encoding"] == "utf-8", resource["name"]
        assert resource["bytes"] > 0 and resource["hash"].startswith("sha256:"), resource["name"]
        assert resource["licenses"], resource["name"]


def test_changed_text_fails_frictionless_validation(tmp_path):
    """Altering one byte of a published text makes the package invalid (hash check)."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    text = next(r for r in package["resources"] if r["path"].startswith("data/texts/"))
    (tmp_path / "data" / "texts").mkdir(parents=True)
    original = (paths.ROOT / text["path"]).read_bytes()
    (tmp_path / text["path"]).write_bytes(original.replace("法".encode(), "灋".encode(), 1))
    package["resources"] = [text]
    (tmp_path / "datapackage.json").write_text(json.dumps(package), encoding="utf-8")
    assert not Package(str(tmp_path / "datapackage.json")).validate().valid


def test_package_metadata_is_deterministic():
    """created comes from the release date in the codebook, not the wall clock."""
    package = json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))
    from fazhi.codebook import RELEASED, VERSION

    assert package["created"] == f"{RELEASED}T00:00:00Z"
    assert package["version"] == VERSION
