"""Citation metadata and the data dictionary: valid, consistent, current."""

from __future__ import annotations

import json

import jsonschema
import pytest
import yaml

from fazhi import document, paths
from fazhi.codebook import RESOURCES
from fazhi.codebook.indicators import INDICATORS

CFF_SCHEMA = paths.ROOT / "tests" / "schemas" / "citation-file-format-1.2.0.json"


def _cff() -> dict:
    return yaml.safe_load((paths.ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def _package() -> dict:
    return json.loads(paths.DATAPACKAGE.read_text(encoding="utf-8"))


def _zenodo() -> dict:
    return json.loads((paths.ROOT / ".zenodo.json").read_text(encoding="utf-8"))


def _cff_errors(content: dict) -> list[str]:
    schema = json.loads(CFF_SCHEMA.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    # YAML reads an unquoted date as a date; the schema wants the string form.
    content = json.loads(json.dumps(content, default=str))
    return [e.message for e in validator.iter_errors(content)]


def test_citation_cff_is_valid_cff_1_2_0():
    """CITATION.cff validates against the Citation File Format 1.2.0 JSON schema."""
    assert _cff_errors(_cff()) == []


def test_cff_schema_check_rejects_an_invalid_file():
    """The schema check can fail: a CFF without authors is reported."""
    content = _cff()
    del content["authors"]
    assert any("authors" in e for e in _cff_errors(content))


def test_citation_is_a_dataset_with_the_package_version():
    """type: dataset, and version and date equal datapackage.json's version and created date."""
    cff, package = _cff(), _package()
    assert cff["type"] == "dataset"
    assert cff["version"] == package["version"]
    assert str(cff["date-released"]) == package["created"][:10]


def test_zenodo_metadata_agrees_with_the_citation():
    """.zenodo.json is a dataset with the same title, version, date, licence, keywords, authors."""
    cff, zenodo = _cff(), _zenodo()
    assert zenodo["upload_type"] == "dataset"
    assert (zenodo["title"], zenodo["version"], zenodo["publication_date"]) == (
        cff["title"], cff["version"], str(cff["date-released"]))
    assert zenodo["license"].lower() == cff["license"].lower()
    assert zenodo["keywords"] == cff["keywords"]
    assert [c["name"] for c in zenodo["creators"]] == [a["name"] for a in cff["authors"]]


@pytest.mark.parametrize("relative", sorted(document.OUTPUTS))
def test_generated_release_file_is_current(relative):
    """CITATION.cff, .zenodo.json and data/README.md equal what the codebook generates now."""
    assert (paths.ROOT / relative).read_text(encoding="utf-8") == document.OUTPUTS[relative]()


def test_dictionary_documents_every_column_and_indicator():
    """The data dictionary names every column of every table and every indicator id."""
    text = (paths.ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for name, spec in RESOURCES.items():
        assert spec["path"] in text
        if name != "indicators_wide":
            for column in spec["fields"]:
                assert f"`{column}`" in text, (name, column)
    for indicator_id in INDICATORS:
        assert f"`{indicator_id}`" in text


def test_readme_shows_the_generated_citation():
    """README's 'How to cite' holds the citation text generated from the metadata."""
    assert document.citation_text() in (paths.ROOT / "README.md").read_text(encoding="utf-8")


def test_every_resource_declares_its_licence():
    """Tables are CC-BY-4.0; texts carry the official-documents licence note."""
    for resource in _package()["resources"]:
        names = [lic["name"] for lic in resource["licenses"]]
        expected = "other-pd" if resource["path"].startswith("data/texts/") else "CC-BY-4.0"
        assert names == [expected], resource["name"]


def test_package_sources_list_every_report():
    """datapackage.json has one source per report, with its title and issuer."""
    package = _package()
    reports = [r for r in package["resources"] if r["path"].startswith("data/texts/")]
    assert len(package["sources"]) == len(reports)
    assert all(s["title"] and s["description"] for s in package["sources"])
