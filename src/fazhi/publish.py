"""Publish: validate every table with pandera, write the CSVs and datapackage.json.

Input:  the scratch tables of the earlier stages (data/interim/), the cleaned texts (data/texts/).
Output: data/reports.csv, data/rejects.csv, data/sections.csv, data/outline_shares.csv,
        data/quantities.csv, data/codebook.csv, data/indicators.csv, data/indicators_wide.csv,
        data/checks.csv, datapackage.json.

Everything in datapackage.json is generated from `fazhi.codebook` (never edit it by hand): package
metadata, one resource per table with its Frictionless schema, and one resource per cleaned text,
each with its byte size and sha256 so that `frictionless validate` notices a changed file.

`validate_published(root)` checks a published package the way the pipeline checks what it
publishes (pandera, foreign keys, offsets into the texts), naming table, row key and column of
every failure: the counterpart of `frictionless validate datapackage.json`.
"""

from __future__ import annotations

import hashlib
from importlib import resources
import io
import json
import sys
from pathlib import Path

import pandas as pd

from fazhi import compliance, interim, paths, schema
from fazhi.codebook import LICENSES, PACKAGE, RELEASED, RESOURCES, VERSION
from fazhi.codebook.indicators import INDICATORS
from fazhi.csvio import read_csv

TABLES = ("regions", "reports", "rejects", "sections", "outline_shares", "quantities", "codebook",
          "indicators", "indicators_wide", "checks")
# The region table as kept in the codebook → its published columns.
REGION_COLUMNS = {"code": "region_code", "name": "region_name", "level": "admin_level",
                  "note": "region_note", "source": "region_source"}
# Tables read from data/interim/; codebook and indicators_wide are derived here.
INTERIM = ("reports", "rejects", "sections", "outline_shares", "quantities", "indicators",
           "checks", "elements")
# Columns that quote the cleaned text verbatim: text[start:end] is exactly the value.
QUOTED = {"quantities": "surface", "indicators": "evidence"}


class PackageError(ValueError):
    """Published tables or texts that break the data contract; one line per place."""


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """A table in the published CSV convention: UTF-8, no BOM, \\n, empty = missing, true/false."""
    out = frame.copy()
    for name in out.columns:
        if str(out[name].dtype) == "boolean":
            out[name] = out[name].map({True: "true", False: "false"}, na_action="ignore")
    buf = io.StringIO()
    out.to_csv(buf, index=False, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def complete_reports(reports: pd.DataFrame, elements: pd.DataFrame, quantities: pd.DataFrame,
                     indicators: pd.DataFrame) -> pd.DataFrame:
    """reports with their compliance (publication deadline, the element flags of the segment
    stage) and the counts of what was extracted."""
    assert set(elements["report_id"]) == set(reports["report_id"]), "element flags do not match reports"
    out = reports.merge(elements, on="report_id", how="left", validate="one_to_one")
    out = out.join(compliance.publication(out))
    for column, table in (("n_quantities", quantities), ("n_indicators", indicators)):
        counts = table.groupby("report_id").size()
        out[column] = out["report_id"].map(counts).fillna(0).astype("Int64")
    return out


def codebook_frame() -> pd.DataFrame:
    """data/codebook.csv from the codebook (rules stay in the code)."""
    return pd.DataFrame([{"indicator_id": i, **{k: spec[k] for k in
                          ("name_zh", "name_en", "unit", "outline_chapter", "definition", "scope_note")}}
                         for i, spec in INDICATORS.items()])


def regions_frame() -> pd.DataFrame:
    """data/regions.csv from the codebook's region table (the table itself is built by
    scripts/regions/build_regions.py)."""
    with resources.files("fazhi.codebook").joinpath("regions.csv").open(encoding="utf-8") as f:
        table = pd.read_csv(f, dtype=str, keep_default_na=False).replace("", None)
    return table.rename(columns=REGION_COLUMNS)


def wide_frame(reports: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """One row per report, one column per indicator: the full-year values for ref_year =
    report_year. Partial-period values (截至11月底) and ranges (no single value) stay out; a value
    that is not exact keeps its qualifier visible in `qualified_values`."""
    years = reports[["report_id", "report_year"]].astype({"report_year": "Int64"})
    current = indicators.merge(years, on="report_id")
    current = current[(current["ref_year"].astype("Int64") == current["report_year"])
                      & (current["period"] == "year") & current["value"].notna()]
    wide = current.pivot(index="report_id", columns="indicator_id", values="value")
    wide = wide.reindex(index=years["report_id"], columns=list(INDICATORS)).reset_index()
    inexact = current[current["qualifier"] != "exact"].sort_values(["report_id", "indicator_id"])
    flags: dict[str, list[str]] = {}
    for row in inexact.itertuples(index=False):
        flags.setdefault(row.report_id, []).append(f"{row.indicator_id}={row.qualifier}")
    wide["qualified_values"] = wide["report_id"].map({k: "; ".join(v) for k, v in flags.items()})
    return years.merge(wide, on="report_id")


def foreign_key_problems(tables: dict[str, pd.DataFrame]) -> list[str]:
    """Rows whose foreign key (as the codebook declares it) matches no row of the table it refers
    to, each named by table, row, primary key and value."""
    problems = []
    for name, frame in tables.items():
        for fk in RESOURCES[name]["foreign_keys"]:
            target = fk["reference"]["resource"]
            if target not in tables:  # the referenced table failed to load; reported already
                continue
            known = set(tables[target][fk["reference"]["fields"]].itertuples(index=False, name=None))
            values = frame[fk["fields"]].itertuples(index=False, name=None)
            for row, value in zip(frame.index, values):
                if value not in known:
                    problems.append(
                        f"{name}, row {row} ({schema.row_key(name, frame, row)}): "
                        f"{', '.join(fk['fields'])} {value if len(value) > 1 else value[0]!r} "
                        f"is not in {target} ({', '.join(fk['reference']['fields'])})")
    return problems


def text_problems(tables: dict[str, pd.DataFrame], texts: dict[str, bytes]) -> list[str]:
    """Texts against the tables: one UTF-8 text per report, its length as n_chars, and every
    quoted column exactly text[start:end]."""
    problems, decoded = [], {}
    for rid, data in texts.items():
        try:
            decoded[rid] = data.decode("utf-8")
        except UnicodeDecodeError as error:
            problems.append(f"data/texts/{rid}.txt: not UTF-8 at byte {error.start}")
    if any(name not in tables for name in ("reports", *QUOTED)):
        return problems  # a table failed to load; reported already
    reports = tables["reports"]
    ids = set(reports["report_id"])
    problems += [f"reports: report {rid} has no text data/texts/{rid}.txt" for rid in sorted(ids - set(texts))]
    problems += [f"data/texts/{rid}.txt: no report {rid} in reports" for rid in sorted(set(texts) - ids)]
    for row, rid, n_chars in zip(reports.index, reports["report_id"], reports["n_chars"]):
        if rid in decoded and not pd.isna(n_chars) and len(decoded[rid]) != n_chars:
            problems.append(f"reports, row {row} (report_id={rid}), column n_chars: {n_chars} but "
                            f"data/texts/{rid}.txt has {len(decoded[rid])} characters")
    for name, column in QUOTED.items():
        frame = tables[name]
        for row, rid, start, end, quoted in zip(frame.index, frame["report_id"], frame["start"],
                                                frame["end"], frame[column]):
            if rid not in decoded or pd.isna(start) or pd.isna(end) or pd.isna(quoted):
                continue  # no text, or a cell missing (reported by the schema)
            if decoded[rid][start:end] != quoted:
                problems.append(
                    f"{name}, row {row} ({schema.row_key(name, frame, row)}), column {column}: "
                    f"{quoted!r} but data/texts/{rid}.txt[{start}:{end}] is "
                    f"{decoded[rid][start:end]!r}")
    return problems


def validate_tables(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Conform and validate each table (lazy: all failures of a table at once); check keys."""
    reports = complete_reports(frames["reports"], frames["elements"], frames["quantities"],
                               frames["indicators"])
    frames = dict(frames, reports=reports, codebook=codebook_frame(), regions=regions_frame(),
                  indicators_wide=wide_frame(reports, frames["indicators"]))
    out = {name: schema.validate(name, schema.conform(name, frames[name])) for name in TABLES}
    problems = foreign_key_problems(out)
    if problems:
        raise PackageError("\n".join(problems))
    files = set(out["reports"]["source_file"]) | set(out["rejects"]["source_file"])
    both = set(out["reports"]["source_file"]) & set(out["rejects"]["source_file"])
    assert not both, f"files both published and rejected: {sorted(both)}"
    assert len(files) == len(out["reports"]) + len(out["rejects"]), "a raw file is listed twice"
    return out


def validate_published(root: Path = paths.ROOT) -> dict[str, pd.DataFrame]:
    """Check a published package (data/*.csv and data/texts/ under `root`) as publish checks what
    it writes: conform and pandera per table, foreign keys, texts and offsets. Raises
    PackageError listing every failure with its table, row (by primary key) and column."""
    problems, tables = [], {}
    for name in TABLES:
        path = RESOURCES[name]["path"]
        try:
            tables[name] = schema.conform(name, read_csv(root / path), source=path)
        except schema.ConformError as error:
            problems.append(str(error))
            continue
        problems += schema.problems(name, tables[name])
    texts = {p.stem: p.read_bytes() for p in sorted((root / "data" / "texts").glob("*.txt"))}
    problems += foreign_key_problems(tables) + text_problems(tables, texts)
    if problems:
        raise PackageError("\n".join(problems))
    return tables


def _file_facts(data: bytes) -> dict:
    return {"bytes": len(data), "hash": "sha256:" + hashlib.sha256(data).hexdigest()}


def table_resource(name: str, data: bytes) -> dict:
    spec = RESOURCES[name]
    return {
        "name": name,
        "path": spec["path"],
        "title": spec["title"],
        "description": spec["description"],
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        **_file_facts(data),
        "licenses": [LICENSES["tables"]],
        "schema": schema.frictionless_schema(name),
    }


def text_resource(report_id: str, title: str | None, data: bytes) -> dict:
    return {
        "name": f"text-{report_id}",
        "path": f"data/texts/{report_id}.txt",
        "title": title or f"{report_id} 报告全文",
        "description": f"Cleaned full text of report {report_id}; the offsets in every table "
        "point into this file.",
        "format": "txt",
        "mediatype": "text/plain",
        "encoding": "utf-8",
        **_file_facts(data),
        "licenses": [LICENSES["texts"]],
    }


def report_sources(reports: pd.DataFrame) -> list[dict]:
    """One `sources` entry per report: what it is, who issued it, when, where from."""
    out = []
    for r in reports.itertuples(index=False):
        source = {"title": r.title if isinstance(r.title, str) else f"{r.issuer} {r.report_year}年度法治政府建设报告"}
        source["description"] = (
            f"{r.issuer}, report year {r.report_year}"
            + (f", published {r.publish_date}" if isinstance(r.publish_date, str) else "")
        )
        if isinstance(r.source_url, str):
            source["path"] = r.source_url
        out.append(source)
    return out


def build_package(tables: dict[str, bytes], reports: pd.DataFrame, texts: dict[str, bytes]) -> dict:
    """datapackage.json as a dict, from the codebook and the bytes of every published file."""
    titles = dict(zip(reports["report_id"], reports["title"]))
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/data-package.json",
        **PACKAGE,
        "version": VERSION,
        "created": f"{RELEASED}T00:00:00Z",
        "licenses": [LICENSES["tables"], LICENSES["texts"]],
        "sources": report_sources(reports),
        "resources": [table_resource(name, tables[name]) for name in TABLES]
        + [
            text_resource(rid, titles[rid] if isinstance(titles[rid], str) else None, texts[rid])
            for rid in sorted(texts)
        ],
    }


def package_json(package: dict) -> bytes:
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def run(frames: dict[str, pd.DataFrame], texts: dict[str, bytes]) -> dict[str, bytes]:
    """Interim tables and text bytes → every published file (relative path → bytes). Pure."""
    valid = validate_tables(frames)
    problems = text_problems(valid, texts)
    if problems:
        raise PackageError("\n".join(problems))
    tables = {name: to_csv_bytes(valid[name]) for name in TABLES}
    package = build_package(tables, valid["reports"], texts)
    out = {RESOURCES[name]["path"]: data for name, data in tables.items()}
    out["datapackage.json"] = package_json(package)
    return out


def read_interim(root: Path = paths.ROOT) -> tuple[dict[str, pd.DataFrame], dict[str, bytes]]:
    frames = {name: interim.read(name, root) for name in INTERIM}
    texts = {p.stem: p.read_bytes() for p in sorted((root / "data" / "texts").glob("*.txt"))}
    return frames, texts


def main() -> None:
    frames, texts = read_interim()
    outputs = run(frames, texts)
    for rel, data in outputs.items():
        (paths.ROOT / rel).write_bytes(data)
    counts = ", ".join(f"{len(frames[name])} {name}" for name in INTERIM if name != "elements")
    print(f"publish: {counts}, {len(texts)} texts -> datapackage.json", file=sys.stderr)


if __name__ == "__main__":
    main()
