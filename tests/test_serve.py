"""make serve as a person uses it: the package built into SQLite, Datasette started on 127.0.0.1,
its JSON API queried, and a table page looked at in headless Chromium (skipped without it)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
import urllib.request

import pytest

from fazhi import paths, serve
from fazhi.load import load_package, load_table

PACKAGE = load_package()
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Datasette serving the seeds' package on 127.0.0.1; yields its base URL."""
    out = tmp_path_factory.mktemp("datasette")
    db, metadata = serve.build(paths.DATAPACKAGE, out)
    port = free_port()
    process = subprocess.Popen(serve.command(db, metadata, "127.0.0.1", port),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=1)
                break
            except OSError:
                assert process.poll() is None, process.stderr.read().decode()
                time.sleep(0.1)
        else:
            pytest.fail("datasette did not answer within 20 s")
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


def get(base: str, path: str, **query) -> dict:
    url = f"{base}/{serve.NAME}/{path}.json?" + urllib.parse.urlencode(query)
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


def test_every_published_table_is_served_with_its_rows(site):
    """Each table of datapackage.json is a table of the site with as many rows as its CSV."""
    for resource in (r for r in PACKAGE["resources"] if "schema" in r):
        answer = get(site, resource["name"], _size=0)
        assert answer["filtered_table_rows_count"] == len(load_table(resource["name"])), resource["name"]


def test_tables_and_columns_are_titled_from_the_package(site):
    """The site's metadata gives each table the title and description of its resource and each
    column its Chinese title and English description."""
    with urllib.request.urlopen(f"{site}/-/metadata.json", timeout=10) as response:
        tables = json.loads(response.read())["databases"][serve.NAME]["tables"]
    indicators = next(r for r in PACKAGE["resources"] if r["name"] == "indicators")
    assert tables["indicators"]["title"].startswith(indicators["title"])
    assert tables["indicators"]["description"] == indicators["description"]
    field = next(f for f in indicators["schema"]["fields"] if f["name"] == "evidence")
    assert tables["indicators"]["columns"]["evidence"] == f"{field['title']} — {field['description']}"


def test_reports_are_faceted_by_province_level_and_year(site):
    """The reports table offers facets on province, admin_level and report_year, with counts."""
    facets = get(site, "reports")["facet_results"]
    assert {"province", "admin_level", "report_year"} <= set(facets)
    levels = {item["value"]: item["count"] for item in facets["admin_level"]["results"]}
    assert levels == load_table("reports")["admin_level"].value_counts().to_dict()


def test_indicator_rows_show_their_evidence_in_its_paragraph(site):
    """An indicator row carries its region's facets and the evidence clause, marked 【】, inside
    its paragraph of the text."""
    answer = get(site, "indicators", indicator_id="agency_head_court_appearance_rate_pct",
                 _shape="objects")
    assert {"indicator_id", "province", "admin_level", "report_year"} <= set(answer["facet_results"])
    rows = answer["rows"]
    assert rows
    for row in rows:
        assert f"【{row['evidence']}】" in row["evidence_in_paragraph"], row["report_id"]
        assert row["province"] and row["report_year"]


def test_texts_are_searchable_in_chinese(site):
    """Full-text search over the texts finds the reports containing a Chinese phrase, and only
    those."""
    phrase = "行政复议"
    found = {row["report_id"] for row in get(site, "texts", _search=phrase, _shape="objects")["rows"]}
    expected = {p.stem for p in paths.TEXTS.glob("*.txt") if phrase in p.read_text(encoding="utf-8")}
    assert found == expected and found


def test_the_database_is_rebuilt_only_when_the_package_changes(tmp_path):
    """Building twice from the same datapackage.json keeps the database; a changed package
    rebuilds it."""
    db, _ = serve.build(paths.DATAPACKAGE, tmp_path)
    stamp = db.stat().st_mtime_ns
    serve.build(paths.DATAPACKAGE, tmp_path)
    assert db.stat().st_mtime_ns == stamp
    with serve.sqlite3.connect(db) as con:
        con.execute("UPDATE _package SET sha256 = 'old'")
    serve.build(paths.DATAPACKAGE, tmp_path)
    assert serve._built_from(db) == serve.package_hash(paths.DATAPACKAGE)


@pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (Debian: apt-get install chromium); "
                    "the browser check of make serve needs it")
def test_a_table_page_renders_in_headless_chromium(site, tmp_path):
    """Chromium loads the indicators page: its DOM has the table's Chinese title and the evidence
    column, and the screenshot is a real image (set FAZHI_SCREENSHOT=path.png to keep it)."""
    url = f"{site}/{serve.NAME}/indicators?indicator_id=agency_head_court_appearance_rate_pct"
    flags = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run",
             f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1800"]
    dom = subprocess.run([*flags, "--dump-dom", url], capture_output=True, text=True, timeout=120,
                         check=True).stdout
    title = next(r for r in PACKAGE["resources"] if r["name"] == "indicators")["title"]
    assert title in dom and "evidence_in_paragraph" in dom and "【" in dom
    shot = tmp_path / "indicators.png"
    subprocess.run([*flags, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True)
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000
    if os.environ.get("FAZHI_SCREENSHOT"):
        shutil.copy2(shot, os.environ["FAZHI_SCREENSHOT"])
