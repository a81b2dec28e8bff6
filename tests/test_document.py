"""Citation metadata and the data dictionary: valid, consistent, current."""

from __future__ import annotations

import csv
import json
import re

import jsonschema
import pandas as pd
import pytest
import yaml

from fazhi import document, paths
from fazhi.codebook import FIELDS, RELEASED, RESOURCES, VERSION
from fazhi.codebook.indicators import INDICATORS
from fazhi.codebook.structure import OUTLINE_CHAPTERS

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


def _dictionary_columns() -> dict[str, list[str]]:
    """The columns data/README.md describes, by table path, in the order it lists them."""
    described: dict[str, list[str]] = {}
    current = None
    for line in (paths.ROOT / "data" / "README.md").read_text(encoding="utf-8").splitlines():
        heading = re.match(r"### `(data/[a-z_]+\.csv)`", line)
        if heading:
            current = heading.group(1)
            described[current] = []
        elif line.startswith("## "):
            current = None
        elif current and (cell := re.match(r"\| `([^`]+)` \|", line)):
            described[current].append(cell.group(1))
    return described


def test_dictionary_columns_are_the_tables_columns_both_ways():
    """Every column the dictionary describes is in its table, and every column of every table
    (the CSV header and datapackage.json's schema) is described, in the same order."""
    described = _dictionary_columns()
    package = {r["path"]: r for r in _package()["resources"] if "schema" in r}
    assert sorted(described) == sorted(spec["path"] for spec in RESOURCES.values()) == sorted(package)
    for path, columns in described.items():
        with open(paths.ROOT / path, encoding="utf-8") as f:
            header = next(csv.reader(f))
        assert columns == header, path
        assert columns == [field["name"] for field in package[path]["schema"]["fields"]], path


def test_dictionary_check_notices_a_missing_or_extra_column(tmp_path, monkeypatch):
    """The parser really reads the tables: a dictionary without `evidence` differs from the CSV."""
    text = (paths.ROOT / "data" / "README.md").read_text(encoding="utf-8")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "README.md").write_text(
        re.sub(r"\| `evidence` \|[^\n]*\n", "", text).replace("| `quantity_id` |", "| `quantity_nr` |"),
        encoding="utf-8")
    monkeypatch.setattr(paths, "ROOT", tmp_path)
    described = _dictionary_columns()
    assert "evidence" not in described["data/indicators.csv"]
    assert "quantity_nr" in described["data/quantities.csv"]


def test_offsets_are_described_with_each_tables_verbatim_column():
    """The `end` description names what text[start:end] is in each table: quantities' surface,
    indicators' evidence (found from the data), sections' whole section."""
    description = FIELDS["end"]["description"]
    for name, column in (("quantities", "surface"), ("indicators", "evidence")):
        table = pd.read_csv(paths.ROOT / RESOURCES[name]["path"], dtype=str, keep_default_na=False)
        texts = {rid: paths.text_path(rid).read_text(encoding="utf-8") for rid in set(table["report_id"])}
        assert all(texts[r.report_id][int(r.start):int(r.end)] == getattr(r, column)
                   for r in table.itertuples()), name
        assert f"{column} ({name})" in description
    assert "(sections)" in description


def test_indicator_ref_year_is_always_filled_as_described():
    """indicators.ref_year is part of the key and never empty; quantities.ref_year often is."""
    assert "always filled" in FIELDS["ref_year"]["description"]
    indicators = pd.read_csv(paths.ROOT / "data" / "indicators.csv", dtype=str, keep_default_na=False)
    assert (indicators["ref_year"] != "").all()
    assert "ref_year" in RESOURCES["indicators"]["primary_key"]


def test_dictionary_names_every_outline_chapter():
    """All ten 纲要 chapters have their titles in the dictionary, with or without indicators."""
    text = (paths.ROOT / "data" / "README.md").read_text(encoding="utf-8")
    for chapter, spec in OUTLINE_CHAPTERS.items():
        assert f"### 纲要第{chapter}章 · Outline chapter {chapter}: {spec['name_zh']}" in text
        assert f"| {chapter} | {spec['name_zh']} |" in text


def _bib_fields(text: str) -> tuple[str, str, dict[str, str]]:
    entry = re.fullmatch(r"@(\w+)\{([^,\s]+),\n(.*)\n\}\n", text, re.S)
    assert entry, text
    fields = {}
    for line in entry.group(3).splitlines():
        name, _, value = line.strip().rstrip(",").partition(" = ")
        fields[name.strip()] = value.strip()
    return entry.group(1), entry.group(2), fields


def test_citation_bib_agrees_with_citation_cff():
    """CITATION.bib is one BibTeX entry with CITATION.cff's title, authors, version and date."""
    cff = _cff()
    text = (paths.ROOT / "CITATION.bib").read_text(encoding="utf-8")
    kind, key, fields = _bib_fields(text)
    assert kind == "misc" and cff["version"] in key
    assert text.count("{") == text.count("}")
    assert fields["title"] == "{{" + cff["title"] + "}}"
    assert fields["author"] == "{{" + " and ".join(a["name"] for a in cff["authors"]) + "}}"
    assert fields["version"] == "{" + cff["version"] + "}"
    assert fields["date"] == "{" + str(cff["date-released"]) + "}"
    assert fields["year"] == "{" + str(cff["date-released"])[:4] + "}"
    assert cff["license"] in fields["note"]


def test_bibtex_escapes_latex_specials():
    assert document._bib("50% of a_b & c#") == r"50\% of a\_b \& c\#"


def test_readme_shows_the_bibtex_and_how_to_cite_a_part():
    """README's 'How to cite' holds the generated BibTeX entry and the sentence on citing one
    table or indicator (with the current version)."""
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    assert document.citation_bib() in readme
    assert document.cite_part_text() in readme


def test_changelog_dates_the_current_version():
    """The release checklist was applied: CHANGELOG has a dated section for the current version."""
    changelog = (paths.ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{VERSION}] - {RELEASED}" in changelog


def _readme_section(title: str) -> str:
    readme = (paths.ROOT / "README.md").read_text(encoding="utf-8")
    return readme.split(f"\n## {title}\n", 1)[1].split("\n## ", 1)[0]


def test_readme_python_recipes_run_as_written(monkeypatch, capsys):
    """Every Python block of 'Reading the package' runs from the repository root as printed."""
    blocks = re.findall(r"```python\n(.*?)```", _readme_section("Reading the package"), re.S)
    assert len(blocks) >= 2
    monkeypatch.chdir(paths.ROOT)
    for block in blocks:
        namespace: dict = {}
        exec(compile(block, "README.md", "exec"), namespace)  # noqa: S102 - our own README
    assert "agency_head_court_appearance_rate_pct" in _readme_section("Reading the package")
    assert "100.0" in capsys.readouterr().out  # the printed appearance rates


def test_every_generated_file_is_an_output_of_the_document_stage():
    """dvc.yaml declares each file document.py writes (CITATION.bib included) as a stage output."""
    stage = yaml.safe_load((paths.ROOT / "dvc.yaml").read_text(encoding="utf-8"))["stages"]["document"]
    outs = {next(iter(o)) if isinstance(o, dict) else o for o in stage["outs"]}
    assert set(document.OUTPUTS) <= outs, sorted(set(document.OUTPUTS) - outs)
