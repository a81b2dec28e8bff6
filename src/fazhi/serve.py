"""`make serve`: browse the published package in Datasette, from a SQLite file built on demand.

Input:  datapackage.json, the tables it lists (data/*.csv) and the cleaned texts (data/texts/).
Output: dist/datasette/fazhi-reports.db and dist/datasette/metadata.json (git-ignored), rebuilt
        only when datapackage.json changed (its sha256 is kept in the database), then
        `datasette serve` on 127.0.0.1:8001.

The database is a browsing copy of the package, never a source: every published table under its
own name, typed from its Frictionless schema (integer → INTEGER, number → REAL, boolean → 0/1,
dates as ISO text), with its primary and foreign keys (so Datasette links report_id to its
report and indicator_id to its codebook entry). Two things are added for readers:
- `texts`: one row per report with its cleaned text and a full-text index (`texts_fts`, SQLite
  FTS5 with the trigram tokenizer, so Chinese is searched by substring: a query needs at least
  three characters, e.g. 行政复议);
- in `indicators`, the report's region, province, level and year (to facet on), and
  `evidence_in_paragraph`: the paragraph of the text the value comes from, the evidence clause
  in 【】.
Titles and descriptions of the database, tables and columns come from datapackage.json
(metadata.json); facets: province, admin_level, report_year, indicator_id.

    python -m fazhi.serve [--build-only] [--host 127.0.0.1] [--port 8001] [--out dist/datasette]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import os
import sqlite3
import sys
from importlib import resources
from pathlib import Path

from fazhi import paths

NAME = "fazhi-reports"
OUT = paths.ROOT / "dist" / "datasette"
HOST, PORT = "127.0.0.1", 8001
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}
CONTEXT = 100  # characters of the paragraph kept on each side of an evidence clause
FACETS = {
    "reports": ["province", "admin_level", "report_year", "issuer_type", "is_published_on_time"],
    "indicators": ["indicator_id", "province", "admin_level", "report_year", "period"],
    "quantities": ["unit", "qualifier"],
    "sections": ["element", "outline_chapter"],
    "outline_shares": ["outline_chapter"],
    "checks": ["check"],
    "texts": ["province", "admin_level", "report_year"],
    "regions": ["admin_level"],
    "codebook": ["unit", "outline_chapter"],
}
LABELS = {"reports": "issuer", "codebook": "name_zh", "texts": "title"}
JOINED = ["region_name", "province", "admin_level", "report_year"]  # reports → indicators, texts
# Columns shown first (the rest follow in the package's order): the value, then where it comes from.
FIRST = {"indicators": ["report_id", "indicator_id", "ref_year", "value", "unit", "period",
                        "evidence_in_paragraph"]}
FONT = "NotoSansCJKsc-Regular.otf"  # shipped by mplfonts (as for the figures): Chinese renders
# in a browser without CJK fonts; a reader who has the font installed never downloads it.
CSS = f"""@font-face {{
  font-family: "Noto Sans CJK SC";
  src: local("Noto Sans CJK SC"), local("NotoSansCJKsc-Regular"), url("/fonts/{FONT}") format("opentype");
  font-weight: 100 900;  /* one face for every weight: headings render too, not as boxes */
  font-display: swap;
}}
body, body *:not(pre):not(code):not(textarea) {{
  font-family: "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif !important;
}}
pre, code, textarea {{ font-family: ui-monospace, monospace, "Noto Sans CJK SC"; }}
td.col-evidence_in_paragraph, td.col-evidence, td.col-text {{ min-width: 26em; }}
dl.column-descriptions {{
  max-height: 9em; overflow-y: auto; font-size: 0.85em; border: 1px solid #ddd;
  padding: 0.3em 0.6em;
}}
"""


def font_dir() -> Path:
    return Path(str(resources.files("mplfonts").joinpath("fonts")))


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _value(text: str, ftype: str):
    """A CSV cell as SQLite stores it: empty → NULL, typed per the Frictionless field type."""
    if text == "":
        return None
    if ftype == "integer":
        return int(text)
    if ftype == "number":
        return float(text)
    if ftype == "boolean":
        return {"true": 1, "false": 0}[text]
    return text


def _rows(package_root: Path, resource: dict):
    """The rows of a published CSV, one at a time (a large corpus is never held in memory)."""
    with open(package_root / resource["path"], encoding="utf-8", newline="") as f:
        yield from csv.DictReader(f)


def _typed(rows, types: dict[str, str]):
    for row in rows:
        yield {c: _value(row[c], t) for c, t in types.items()}


def _create(db: sqlite3.Connection, name: str, columns: list[tuple[str, str]], primary: list[str],
            foreign: list[dict]) -> None:
    parts = [f"{_q(c)} {t}" for c, t in columns]
    if primary:
        parts.append(f"PRIMARY KEY ({', '.join(map(_q, primary))})")
    for key in foreign:
        parts.append(f"FOREIGN KEY ({', '.join(map(_q, key['fields']))}) REFERENCES "
                     f"{_q(key['reference']['resource'])} ({', '.join(map(_q, key['reference']['fields']))})")
    db.execute(f"CREATE TABLE {_q(name)} ({', '.join(parts)})")


def evidence_in_paragraph(text: str, start: int, end: int, context: int = CONTEXT) -> str:
    """The paragraph (line) of `text` holding text[start:end], that clause in 【】, shortened to
    `context` characters on each side (… where cut)."""
    left = text.rfind("\n", 0, start) + 1
    right = text.find("\n", end)
    right = len(text) if right < 0 else right
    before, after = text[left:start], text[end:right]
    if len(before) > context:
        before = "…" + before[-context:]
    if len(after) > context:
        after = after[:context] + "…"
    return f"{before}【{text[start:end]}】{after}"


def package_hash(package_path: Path) -> str:
    return hashlib.sha256(Path(package_path).read_bytes()).hexdigest()


def build(package_path: Path = paths.DATAPACKAGE, out: Path = OUT) -> tuple[Path, Path]:
    """Write out/fazhi-reports.db and out/metadata.json from the package; returns their paths.
    Skips the database when it was built from the same datapackage.json."""
    package_path = Path(package_path)
    root = package_path.parent
    package = json.loads(package_path.read_text(encoding="utf-8"))
    out.mkdir(parents=True, exist_ok=True)
    db_path, metadata_path = out / f"{NAME}.db", out / "metadata.json"
    digest = package_hash(package_path)
    tables = [r for r in package["resources"] if "schema" in r]
    metadata_path.write_text(json.dumps(metadata(package), ensure_ascii=False, indent=2) + "\n",
                             encoding="utf-8")
    (out / "static").mkdir(exist_ok=True)
    (out / "static" / "fazhi.css").write_text(CSS, encoding="utf-8")
    if db_path.exists() and _built_from(db_path) == digest:
        return db_path, metadata_path
    tmp = db_path.with_suffix(".tmp")
    tmp.unlink(missing_ok=True)
    db = sqlite3.connect(tmp)
    reports: dict[str, dict] = {}
    report_types: dict[str, str] = {}
    for resource in tables:
        name, schema = resource["name"], resource["schema"]
        types = {f["name"]: f["type"] for f in schema["fields"]}
        rows = _typed(_rows(root, resource), dict(types))
        if name == "reports":
            rows = list(rows)
            reports, report_types = {r["report_id"]: r for r in rows}, dict(types)
        if name == "indicators":
            rows = _with_paragraphs(rows, reports, root)
            types.update({c: report_types.get(c, "string") for c in JOINED},
                         evidence_in_paragraph="string")
        first = [c for c in FIRST.get(name, []) if c in types]
        order = first + [c for c in types if c not in first]
        _create(db, name, [(c, SQL_TYPES.get(types[c], "TEXT")) for c in order],
                schema.get("primaryKey", []), schema.get("foreignKeys", []))
        db.executemany(f"INSERT INTO {_q(name)} VALUES ({', '.join('?' * len(order))})",
                       ([row[c] for c in order] for row in rows))
    _texts(db, root, reports)
    db.execute("CREATE TABLE _package (sha256 TEXT)")
    db.execute("INSERT INTO _package VALUES (?)", (digest,))
    db.commit()
    db.execute("VACUUM")
    db.close()
    os.replace(tmp, db_path)
    return db_path, metadata_path


def _text(root: Path, report_id: str, cache: dict) -> str:
    if report_id not in cache:
        path = root / "data" / "texts" / f"{report_id}.txt"
        cache[report_id] = path.read_text(encoding="utf-8") if path.exists() else ""
    return cache[report_id]


def _with_paragraphs(rows: list[dict], reports: dict, root: Path):
    """Indicator rows with their report's region, province, level and year, and the evidence
    clause inside its paragraph."""
    cache: dict[str, str] = {}
    for row in rows:
        report = reports.get(row["report_id"], {})
        paragraph = None
        if row.get("start") is not None and row.get("end") is not None:
            text = _text(root, row["report_id"], cache)
            if text:
                paragraph = evidence_in_paragraph(text, row["start"], row["end"])
        yield {**row, **{c: report.get(c) for c in JOINED}, "evidence_in_paragraph": paragraph}


def _texts(db: sqlite3.Connection, root: Path, reports: dict) -> None:
    """The texts table (one row per report) and its FTS5 trigram index."""
    columns = ["report_id", "title", *JOINED, "text"]
    db.execute("CREATE TABLE texts (report_id TEXT PRIMARY KEY REFERENCES reports (report_id), "
               "title TEXT, region_name TEXT, province TEXT, admin_level TEXT, report_year INTEGER, "
               "text TEXT)")
    cache: dict[str, str] = {}
    db.executemany(f"INSERT INTO texts VALUES ({', '.join('?' * len(columns))})", (
        [rid, report.get("title") or report.get("issuer") or rid,
         *[report.get(c) for c in JOINED],
         _text(root, rid, cache)] for rid, report in sorted(reports.items())))
    db.execute("CREATE VIRTUAL TABLE texts_fts USING fts5(title, text, content='texts', "
               "content_rowid='rowid', tokenize='trigram')")
    db.execute("INSERT INTO texts_fts (rowid, title, text) SELECT rowid, title, text FROM texts")


def _built_from(db_path: Path) -> str | None:
    try:
        with sqlite3.connect(db_path) as db:
            return db.execute("SELECT sha256 FROM _package").fetchone()[0]
    except (sqlite3.Error, TypeError):
        return None


def metadata(package: dict) -> dict:
    """Datasette metadata: the package's title, description, licence and sources, each table's
    title and description, each column's Chinese title and English description, facets."""
    licence = (package.get("licenses") or [{}])[0]
    tables = {}
    report_fields = {}
    for resource in package["resources"]:
        if "schema" not in resource:
            continue
        columns = {f["name"]: f"{f.get('title', '')} — {f.get('description', '')}".strip(" —")
                   for f in resource["schema"]["fields"]}
        if resource["name"] == "reports":
            report_fields = columns
        tables[resource["name"]] = {"title": f"{resource.get('title', '')} · {resource['name']}",
                                    "description": resource.get("description", ""),
                                    "columns": columns}
    joined = {c: f"{report_fields.get(c, c)} (from reports, for faceting)" for c in JOINED}
    tables["indicators"]["columns"].update(joined)
    tables["indicators"]["columns"]["evidence_in_paragraph"] = (
        "证据所在段落 — The paragraph of the cleaned text the value comes from, the evidence clause "
        f"in 【】 (cut to {CONTEXT} characters on each side); added for browsing, not in the CSV.")
    tables["texts"] = {
        "title": "报告全文 · texts",
        "description": "The cleaned full text of every report (data/texts/<report_id>.txt), with "
        "full-text search: Chinese is matched by substring, a query needs three characters or more.",
        "columns": {"report_id": report_fields.get("report_id", ""), "title": "报告标题 — Title, else issuer",
                    **joined, "text": "全文 — The cleaned text; every offset in every table points here."},
        "fts_table": "texts_fts", "fts_pk": "rowid",
    }
    tables["texts_fts"] = {"hidden": True}
    tables["_package"] = {"hidden": True}
    for name, facets in FACETS.items():
        if name in tables:
            columns = tables[name]["columns"]
            tables[name]["facets"] = [f for f in facets if f in columns]
    for name, label in LABELS.items():
        if name in tables:
            tables[name]["label_column"] = label
    title = f"{package.get('title', NAME)} · {NAME} {package.get('version', '')}".strip()
    return {
        "title": title,
        "description": package.get("description", ""),
        "license": licence.get("title") or licence.get("name", ""),
        "license_url": licence.get("path", ""),
        "source": "fazhi-reports: datapackage.json",
        "extra_css_urls": ["/static/fazhi.css"],
        "databases": {NAME: {"title": title, "description": package.get("description", ""),
                             "tables": tables}},
    }


def command(db_path: Path, metadata_path: Path, host: str = HOST, port: int = PORT) -> list[str]:
    """The datasette command line that serves the built database."""
    datasette = str(Path(sys.executable).with_name("datasette"))
    return [datasette, "serve", str(db_path), "--metadata", str(metadata_path), "--host", host,
            "--port", str(port), "--static", f"static:{Path(db_path).parent / 'static'}",
            "--static", f"fonts:{font_dir()}", "--setting", "truncate_cells_html", "400",
            "--setting", "default_page_size", "50", "--setting", "sql_time_limit_ms", "3000"]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--host", default=HOST)
    parser.add_argument("--port", type=int, default=PORT)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    db_path, metadata_path = build(paths.DATAPACKAGE, args.out)
    print(f"serve: {db_path.relative_to(paths.ROOT) if db_path.is_relative_to(paths.ROOT) else db_path}"
          f" ({db_path.stat().st_size / 1e6:.1f} MB)", file=sys.stderr)
    if args.build_only:
        return
    print(f"serve: http://{args.host}:{args.port}/{NAME} (Ctrl-C stops)", file=sys.stderr)
    cmd = command(db_path, metadata_path, args.host, args.port)
    os.execv(cmd[0], cmd)


if __name__ == "__main__":
    main()
