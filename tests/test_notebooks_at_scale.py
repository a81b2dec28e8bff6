"""The notebooks on a corpus of a few hundred reports: the five seeds, the bench generator's
synthetic reports and four more reports of 崇川区 across its 2020 code change, built by the pipeline's
stages in memory, then with missing values in every optional column. Each notebook must run
without error or stderr output and save its figures there, not in the project."""

from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from conftest import build_in_memory

from fazhi import figures, paths, regions, synthetic
from fazhi.codebook import FIELDS, RESOURCES
from fazhi.codebook.structure import ELEMENTS
from fazhi.ingest import stage as ingest

N_SYNTHETIC = 295  # + 5 seeds + 4 panel reports, less the odd reject: about 300 reports
PANEL = [("320602", 2017), ("320602", 2018), ("320613", 2021), ("320613", 2022)]


def panel_reports() -> dict[str, bytes]:
    """Raw files of 崇川区 as 320602 (2017, 2018; the seed is 2019) and as 320613 (2021, 2022)."""
    bodies = synthetic.synthetic_corpus(len(PANEL), per_report=12, seed=15)
    out = {}
    for (code, year), body in zip(PANEL, bodies):
        region = regions.by_code(code, year)
        out[f"panel_{code}_{year}.txt"] = (f"{synthetic.region_title(region, year)}\n"
                                           f"发布日期:{year + 1}-03-2{year % 10}\n{body}").encode()
    return out


def optional(table: str) -> list[str]:
    """Columns of a published table that may be empty (has_* flags too: 'not recorded')."""
    columns = [c for c in RESOURCES[table]["fields"]
               if not FIELDS[c].get("constraints", {}).get("required")]
    if table == "reports":
        columns += [f"has_{e}" for e in ELEMENTS]
    return columns


def blank_optional(text: str, columns: list[str]) -> str:
    """Every optional column empty in one row of five (a different row for each column)."""
    rows = list(csv.DictReader(io.StringIO(text)))
    if not rows:
        return text
    for i, row in enumerate(rows):
        for k, column in enumerate(columns):
            if (i + k) % 5 == 0:
                row[column] = ""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """A package of ~300 reports as FAZHI_ROOT, with every optional column partly empty."""
    root = tmp_path_factory.mktemp("corpus")
    raw = ingest.read_raw(paths.RAW)
    raw.update(synthetic.synthetic_reports(N_SYNTHETIC))
    raw.update(panel_reports())
    reports, _, texts, outputs = build_in_memory(raw, ingest.read_sources(paths.SOURCES),
                                                 tmp_path_factory.mktemp("scratch"))
    assert len(reports) >= 290
    for relative, data in outputs.items():
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        table = relative.removeprefix("data/").removesuffix(".csv")
        if table in RESOURCES and optional(table):
            data = blank_optional(data.decode("utf-8"), optional(table)).encode("utf-8")
        (root / relative).write_bytes(data)
    (root / "data" / "texts").mkdir(exist_ok=True)
    for report_id, text in texts.items():
        (root / "data" / "texts" / f"{report_id}.txt").write_text(text, encoding="utf-8")
    (root / "metrics").mkdir()
    for name in ("extraction.json", "extraction_detail.json", "extraction_errors.json"):
        shutil.copy2(paths.METRICS / name, root / "metrics")
    (root / "notebooks").mkdir()
    return root


@pytest.fixture()
def at_scale(corpus, monkeypatch):
    monkeypatch.setenv("FAZHI_ROOT", str(corpus))
    return corpus


def outputs(notebook) -> str:
    return json.dumps([c.get("outputs") for c in notebook.cells], ensure_ascii=False)


@pytest.mark.parametrize("notebook", sorted(p.name for p in figures.SOURCES.glob("*.ipynb")))
def test_notebook_runs_on_a_synthetic_corpus(at_scale, notebook):
    """Each notebook executes without error or stderr on ~300 reports with missing values, and
    saves its figures into the corpus (FAZHI_ROOT)."""
    figures.execute(figures.SOURCES / notebook, workdir=at_scale / "notebooks")
    saved = sorted(p.name for p in (at_scale / "notebooks" / "figures").glob(f"{notebook[:2]}_*.png"))
    assert saved, f"{notebook} saved no figure into {at_scale}"


def test_panel_notebook_links_a_region_across_its_code_change(at_scale):
    """The panel of the synthetic corpus is 崇川区: the seed and four reports, under 320602 and
    320613, joined as one unit with the merger noted."""
    executed = figures.execute(figures.SOURCES / "06_region_and_peers.ipynb",
                               workdir=at_scale / "notebooks")
    text = outputs(executed)
    assert "panel unit 320613 崇川区: 5 reports" in text, [l for l in text.split("\\n") if "panel unit" in l]
    assert "['320602', '320613']" in text and "320602 崇川区 → 320613 崇川区 (2020)" in text
