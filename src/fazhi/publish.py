"""Publish: validate every table with pandera, write the CSVs and datapackage.json.

Input:  the scratch tables of the earlier stages (data/interim/), the cleaned texts (data/texts/).
Output: data/reports.csv, data/rejects.csv, data/sections.csv, data/outline_shares.csv,
        data/quantities.csv, data/codebook.csv, data/indicators.csv, data/indicators_wide.csv,
        data/checks.csv, datapackage.json.

Everything in datapackage.json is generated from `fazhi.codebook` (never edit it by hand): package
metadata, one resource per table with its Frictionless schema, and one resource per cleaned text,
each with its byte size and sha256 so that `frictionless validate` notices a changed file.

Streaming: the small tables (regions, reports, rejects, codebook) are validated whole; the
per-report tables (sections, outline_shares, quantities, indicators, checks, and indicators_wide,
derived from indicators) go through in batches of `parallel.batch` reports in report_id order.
Each batch is conformed and validated lazily (its pandera schema, foreign keys, its texts and
offsets), and appended to the published CSV while its size and sha256 accumulate; every problem
of every batch is collected (up to MAX_PROBLEMS lines) and raised together at the end, before any
output replaces the old one. Whole-table rules hold across batches: batches hold whole reports and
no report twice, so a key holding report_id is unique in the table; rows of a report_id that is
not in reports are found from the index of the scratch table, never dropped. The bytes are those
of one whole-table write.

Columnar copies: from `publish.columnar_min_reports` reports on (params.yaml), the large tables
(COLUMNAR) are also written as Apache Parquet, data/columnar/<table>.parquet, with pyarrow, batch
by batch (one row group per batch), typed from the codebook, and described in datapackage.json as
resources `<table>-parquet`; `fazhi.load.load_table` reads either. Below the threshold nothing is
written there and datapackage.json is as before.

`validate_published(root)` checks a published package the way the pipeline checks what it
publishes (pandera, foreign keys, offsets into the texts), naming table, row key and column of
every failure: the counterpart of `frictionless validate datapackage.json`.
"""

from __future__ import annotations

import hashlib
from importlib import resources
import io
import json
import os
import sys
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pandera.pandas as pandera
import yaml

from fazhi import compliance, interim, paths, schema
from fazhi.codebook import FIELDS, LICENSES, PACKAGE, RELEASED, RESOURCES, VERSION
from fazhi.codebook.indicators import INDICATORS
from fazhi.csvio import read_csv
from fazhi.parallel import start_pool, stream_reports, workers

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
# Tables published batch by batch (whole reports per batch, report_id order); the rest are small.
STREAMED = ("sections", "outline_shares", "quantities", "indicators", "checks")
# Tables also published in Parquet once a corpus has `publish.columnar_min_reports` reports.
COLUMNAR = ("sections", "quantities", "indicators")
COLUMNAR_DIR = "data/columnar"
COLUMNAR_MIN_REPORTS = 20_000
BATCH = 500
MAX_PROBLEMS = 1000  # problem lines kept for the error (the count of the rest is given)
# Codebook types → Parquet (Arrow) types. Numbers are exact decimal text in the CSV; in Parquet
# they are float64, the value `load_table` gives for either.
ARROW_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(),
               "boolean": pa.bool_(), "date": pa.date32()}


class PackageError(ValueError):
    """Published tables or texts that break the data contract; one line per place."""


def to_csv_bytes(frame: pd.DataFrame, header: bool = True) -> bytes:
    """A table in the published CSV convention: UTF-8, no BOM, \\n, empty = missing, true/false.
    Without the header, the rows to append to a table already begun."""
    out = frame.copy()
    for name in out.columns:
        if str(out[name].dtype) == "boolean":
            out[name] = out[name].map({True: "true", False: "false"}, na_action="ignore")
    buf = io.StringIO()
    out.to_csv(buf, index=False, header=header, lineterminator="\n")
    return buf.getvalue().encode("utf-8")


def complete_reports(reports: pd.DataFrame, elements: pd.DataFrame, quantities,
                     indicators) -> pd.DataFrame:
    """reports with their compliance (publication deadline, the element flags of the segment
    stage) and the counts of what was extracted (`quantities`, `indicators`: the tables, or
    their rows per report_id as a Series or dict)."""
    assert set(elements["report_id"]) == set(reports["report_id"]), "element flags do not match reports"
    out = reports.merge(elements, on="report_id", how="left", validate="one_to_one")
    out = out.join(compliance.publication(out))
    for column, table in (("n_quantities", quantities), ("n_indicators", indicators)):
        counts = table.groupby("report_id").size() if isinstance(table, pd.DataFrame) else pd.Series(table, dtype="Int64")
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


def foreign_key_problems(tables: dict[str, pd.DataFrame],
                         targets: dict[str, pd.DataFrame] | None = None) -> list[str]:
    """Rows whose foreign key (as the codebook declares it) matches no row of the table it refers
    to, each named by table, row, primary key and value. The referenced tables are taken from
    `targets` when given (a batch of rows checked against whole tables), else from `tables`."""
    problems = []
    targets = tables if targets is None else targets
    known_keys: dict[tuple, set] = {}
    for name, frame in tables.items():
        for fk in RESOURCES[name]["foreign_keys"]:
            target = fk["reference"]["resource"]
            if target not in targets:  # the referenced table failed to load; reported already
                continue
            ref = (target, tuple(fk["reference"]["fields"]))
            if ref not in known_keys:
                known_keys[ref] = set(targets[target][fk["reference"]["fields"]]
                                      .itertuples(index=False, name=None))
            known = known_keys[ref]
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


def _file_facts(data: bytes | dict) -> dict:
    """A file's size and sha256 (from its bytes, or as already counted while it was written)."""
    if isinstance(data, dict):
        return {"bytes": data["bytes"], "hash": data["hash"]}
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


def columnar_resource(name: str, facts: dict) -> dict:
    """The Parquet copy of a table: the same rows and schema as the CSV resource `name`.

    Described as a plain data resource: frictionless 5 reads Parquet through pandas, where an
    integer column with a missing value becomes float and fails its integer type, and it cannot
    count a Parquet file's bytes; so the schema is the CSV resource's (named in `description`),
    and the file is pinned by its sha256 alone. `fazhi.load.load_table` types it from that schema.
    """
    spec = RESOURCES[name]
    return {
        "name": f"{name}-parquet",
        "path": f"{COLUMNAR_DIR}/{name}.parquet",
        "title": f"{spec['title']} (Parquet)",
        "description": f"The rows of resource {name} ({spec['path']}), in the same order and with "
        "the same schema, in Apache Parquet (columnar; integers int64, numbers float64, booleans "
        "bool), for corpora too large to read comfortably as CSV. fazhi.load.load_table reads "
        "either.",
        "profile": "data-resource",
        "format": "parquet",
        "mediatype": "application/vnd.apache.parquet",
        "hash": facts["hash"],
        "licenses": [LICENSES["tables"]],
    }


def build_package(tables: dict[str, bytes | dict], reports: pd.DataFrame,
                  texts: dict[str, bytes | dict], columnar: dict[str, dict] | None = None) -> dict:
    """datapackage.json as a dict, from the codebook and the bytes of every published file (or
    their facts: {"bytes", "hash"}), with the Parquet copies' facts when there are any."""
    titles = dict(zip(reports["report_id"], reports["title"]))
    facts = _file_facts
    return {
        "$schema": "https://specs.frictionlessdata.io/schemas/data-package.json",
        **PACKAGE,
        "version": VERSION,
        "created": f"{RELEASED}T00:00:00Z",
        "licenses": [LICENSES["tables"], LICENSES["texts"]],
        "sources": report_sources(reports),
        "resources": [table_resource(name, facts(tables[name])) for name in TABLES]
        + [columnar_resource(name, facts(data)) for name, data in (columnar or {}).items()]
        + [
            text_resource(rid, titles[rid] if isinstance(titles[rid], str) else None,
                          facts(texts[rid]))
            for rid in sorted(texts)
        ],
    }


def package_json(package: dict) -> bytes:
    return (json.dumps(package, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# --- streaming --------------------------------------------------------------------------------


class FrameSource:
    """The scratch tables as data frames (what `run` is given); a batch is a selection."""

    def __init__(self, frames: dict[str, pd.DataFrame], texts: dict[str, bytes]):
        self.frames, self.texts = frames, texts
        self.small = {name: frames[name] for name in ("reports", "rejects", "elements")}
        self.text_ids = sorted(texts)

    def rows(self, name: str, report_ids: list[str]) -> pd.DataFrame:
        frame = self.frames[name]
        return frame[frame["report_id"].isin(set(report_ids))]

    raw = rows  # what a batch carries to a worker

    def counts(self, name: str) -> dict[str, int]:
        return self.frames[name].groupby("report_id").size().to_dict()

    def text(self, report_id: str) -> bytes:
        return self.texts[report_id]


class InterimSource:
    """The scratch tables in data/interim/ and the texts in data/texts/, read a batch at a time."""

    def __init__(self, root: Path = paths.ROOT):
        self.root = root
        self.small = {name: interim.read(name, root) for name in ("reports", "rejects", "elements")}
        self.index = {name: interim.report_rows(name, root) for name in STREAMED}
        self.text_ids = sorted(p.stem for p in (root / "data" / "texts").glob("*.txt"))

    def rows(self, name: str, report_ids: list[str]) -> pd.DataFrame:
        return self.index[name].rows(report_ids)

    def raw(self, name: str, report_ids: list[str]) -> bytes:
        """What a batch carries to a worker: the CSV bytes of these reports' rows."""
        return self.index[name].rows_bytes(report_ids)

    def counts(self, name: str) -> dict[str, int]:
        return self.index[name].counts

    def text(self, report_id: str) -> bytes:
        return paths.text_path(report_id, self.root).read_bytes()


class _Hashing(io.RawIOBase):
    """A binary sink that passes bytes on and keeps their count and sha256."""

    def __init__(self, handle):
        super().__init__()
        self.handle, self.sha, self.size = handle, hashlib.sha256(), 0

    def writable(self) -> bool:
        return True

    def write(self, data) -> int:
        data = bytes(data)
        self.handle.write(data)
        self.sha.update(data)
        self.size += len(data)
        return len(data)

    def tell(self) -> int:
        return self.size

    def facts(self) -> dict:
        return {"bytes": self.size, "hash": "sha256:" + self.sha.hexdigest()}


class _Published:
    """One published table being written: CSV rows appended batch by batch, size and sha256
    kept; optionally its Parquet copy (one row group per batch)."""

    def __init__(self, name: str, handle, columnar_handle=None):
        self.name, self.csv, self.rows, self.started = name, _Hashing(handle), 0, False
        self.parquet = self.columnar = None
        if columnar_handle is not None:
            self.arrow_schema = pa.schema([(f, ARROW_TYPES[FIELDS[f]["type"]])
                                           for f in RESOURCES[name]["fields"]])
            self.columnar = _Hashing(columnar_handle)
            self.parquet = pq.ParquetWriter(self.columnar, self.arrow_schema)

    def write(self, frame: pd.DataFrame) -> None:
        self.csv.write(to_csv_bytes(frame, header=not self.started))
        self.started = True
        self.rows += len(frame)
        if self.parquet is not None:
            self.parquet.write_table(arrow_table(frame, self.arrow_schema))

    def close(self) -> None:
        if self.parquet is not None:
            self.parquet.close()


def arrow_table(frame: pd.DataFrame, arrow_schema: pa.Schema) -> pa.Table:
    """A validated frame (published dtypes) as an Arrow table typed from the codebook."""
    columns = []
    for field in arrow_schema:
        column = frame[field.name]
        if pa.types.is_floating(field.type):
            column = pd.to_numeric(column)
        elif pa.types.is_date32(field.type):
            column = pd.to_datetime(column, format="%Y-%m-%d").dt.date
        columns.append(pa.array(column, type=field.type, from_pandas=True))
    return pa.Table.from_arrays(columns, schema=arrow_schema)


def _pandera_lines(name: str, frame: pd.DataFrame, whole_table: bool = True) -> list[str]:
    try:
        schema.validate(name, frame, whole_table)
    except pandera.errors.SchemaErrors as error:
        return schema.failure_lines(name, frame, error.failure_cases)
    return []


def _conformed(name: str, frame: pd.DataFrame, offset: int, problems: list[str]):
    """A table (or a batch of it) in published form with its rows numbered from `offset`, or
    None if it cannot be conformed (the problem is recorded)."""
    try:
        out = schema.conform(name, frame)
    except schema.ConformError as error:
        problems.append(str(error))
        return None
    out.index = pd.RangeIndex(offset, offset + len(out))
    return out


def _check_batch(item: tuple) -> tuple[dict, list[str], list[str], dict]:
    """One batch of reports (whole reports, report_id order), everything it needs in `item`:
    (rows numbered from, its rows of each per-report table (CSV bytes or a frame), its reports
    as read and as validated, its texts' bytes). Its per-report tables conformed and validated
    (pandera; texts and offsets). → (valid tables, their problem lines, the texts' problem lines,
    sha256 and size per text). Runs in workers; foreign keys are checked by the caller."""
    offsets, raw, reports, valid_reports, texts = item
    raw = {name: rows if isinstance(rows, pd.DataFrame) else read_csv(io.BytesIO(rows))
           for name, rows in raw.items()}
    raw["indicators_wide"] = wide_frame(reports, raw["indicators"])
    problems: list[str] = []
    tables = {"reports": valid_reports}
    for name in (*STREAMED, "indicators_wide"):
        conformed = _conformed(name, raw[name], offsets[name], problems)
        if conformed is None:
            continue
        problems += _pandera_lines(name, conformed)
        tables[name] = conformed
    found = text_problems(tables, texts)
    del tables["reports"]
    return tables, problems, found, {rid: _file_facts(data) for rid, data in texts.items()}


def publish_to(source, open_output, batch: int | None = BATCH,
               columnar_min_reports: int = COLUMNAR_MIN_REPORTS,
               n_workers: int | None = 1, pool=None) -> dict:
    """Validate and write every published file from `source` (FrameSource or InterimSource).

    `open_output(relative_path)` gives a binary handle for each file; batches are checked on
    `n_workers` processes (0 or None: every core; `pool` from `parallel.start_pool`, forked
    before the inputs were read, when given, and shut down once the batches are done) and
    written in order. Problems of every table and
    batch are collected and raised together as a PackageError once all are seen. Returns a
    summary: rows per table, texts, and whether Parquet copies were written.
    """
    problems: list[str] = []
    small = source.small
    counts = {name: source.counts(name) for name in STREAMED}
    reports = complete_reports(small["reports"], small["elements"], counts["quantities"],
                               counts["indicators"])
    whole = {"reports": reports, "rejects": small["rejects"], "codebook": codebook_frame(),
             "regions": regions_frame()}
    valid = {}
    for name, frame in whole.items():
        conformed = _conformed(name, frame, 0, problems)
        if conformed is not None:
            problems += _pandera_lines(name, conformed)
            valid[name] = conformed
    problems += foreign_key_problems(valid)
    if "reports" not in valid or "rejects" not in valid:
        raise PackageError("\n".join(problems))
    files = set(valid["reports"]["source_file"]) | set(valid["rejects"]["source_file"])
    both = set(valid["reports"]["source_file"]) & set(valid["rejects"]["source_file"])
    assert not both, f"files both published and rejected: {sorted(both)}"
    assert len(files) == len(valid["reports"]) + len(valid["rejects"]), "a raw file is listed twice"
    report_ids = valid["reports"]["report_id"].tolist()
    known = set(report_ids)
    for name in STREAMED:  # rows no batch will take: their report is not in reports
        for rid in sorted(set(counts[name]) - known):
            problems.append(f"{name}: {counts[name][rid]} rows of report_id {rid!r}, which is not "
                            "in reports (report_id)")
    text_ids = set(source.text_ids)
    problems += [f"data/texts/{rid}.txt: no report {rid} in reports"
                 for rid in sorted(text_ids - known)]

    columnar = len(report_ids) >= columnar_min_reports
    out = {name: _Published(name, open_output(RESOURCES[name]["path"]),
                            open_output(f"{COLUMNAR_DIR}/{name}.parquet")
                            if columnar and name in COLUMNAR else None)
           for name in TABLES}
    for name in whole:
        if name in valid:
            out[name].write(valid[name])
    targets = {name: valid[name] for name in ("reports", "codebook", "regions") if name in valid}
    by_id = reports.set_index("report_id", drop=False)
    step = batch or max(1, len(report_ids))
    # Row numbers (for messages) continue from batch to batch: the rows before a batch are those
    # of the reports before it (indicators_wide: one row per report).
    offsets = {name: 0 for name in (*STREAMED, "indicators_wide")}

    def items():
        for start in range(0, len(report_ids), step):
            ids = report_ids[start:start + step]
            yield (dict(offsets), {name: source.raw(name, ids) for name in STREAMED},
                   by_id.loc[ids].reset_index(drop=True),
                   valid["reports"].iloc[start:start + len(ids)],
                   {rid: source.text(rid) for rid in ids if rid in text_ids})
            for name in STREAMED:
                offsets[name] += sum(counts[name].get(rid, 0) for rid in ids)
            offsets["indicators_wide"] += len(ids)

    text_facts: dict[str, dict] = {}
    dropped = 0  # problem lines past MAX_PROBLEMS, counted, not kept
    # Batches are checked on every core (two in flight per worker), written here in order.
    for tables, found, in_texts, facts in stream_reports(
            _check_batch, items(), n_workers, total=len(report_ids),
            batch=2 * workers(n_workers), pool=pool):
        for name in (*STREAMED, "indicators_wide"):
            if name in tables:
                out[name].write(tables[name])
        problems += found
        problems += foreign_key_problems(tables, targets)
        problems += in_texts
        text_facts.update(facts)
        if len(problems) > MAX_PROBLEMS:  # keep the first lines, count the rest
            dropped += len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS]
    if pool is not None:  # its work is done: free its memory before the package is built
        pool.shutdown()
    if problems:
        more = dropped + max(0, len(problems) - MAX_PROBLEMS)
        shown = problems[:MAX_PROBLEMS]
        raise PackageError("\n".join(shown + ([f"... and {more} more"] if more else [])))
    for name in STREAMED:
        expected = sum(counts[name].values())
        assert out[name].rows == expected, f"{name}: {out[name].rows} rows published of {expected}"
    for table in out.values():
        table.close()
    parquet = {name: table.columnar.facts() for name, table in out.items() if table.columnar}
    package = build_package({name: table.csv.facts() for name, table in out.items()},
                            valid["reports"], text_facts, parquet or None)
    open_output("datapackage.json").write(package_json(package))
    return {"rows": {name: table.rows for name, table in out.items()}, "texts": len(text_facts),
            "columnar": sorted(parquet)}


class MemoryOutputs:
    """Published files in memory: relative path → bytes, in the order they were opened."""

    def __init__(self):
        self.handles: dict[str, io.BytesIO] = {}

    def open(self, rel: str) -> io.BytesIO:
        self.handles[rel] = io.BytesIO()
        return self.handles[rel]

    def finish(self) -> dict[str, bytes]:
        return {rel: handle.getvalue() for rel, handle in self.handles.items()}


class FileOutputs:
    """Published files written beside their place (`<path>.part`) and moved there only when
    everything is valid, so a failed publish leaves the last good package in place."""

    def __init__(self, root: Path = paths.ROOT):
        self.root, self.handles = root, {}

    def open(self, rel: str):
        target = self.root / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        self.handles[rel] = open(target.with_name(target.name + ".part"), "wb")
        return self.handles[rel]

    def finish(self) -> list[str]:
        for handle in self.handles.values():
            handle.close()
        for rel in self.handles:
            target = self.root / rel
            os.replace(target.with_name(target.name + ".part"), target)
        return list(self.handles)

    def discard(self) -> None:
        for rel, handle in self.handles.items():
            handle.close()
            target = self.root / rel
            target.with_name(target.name + ".part").unlink(missing_ok=True)


def run(frames: dict[str, pd.DataFrame], texts: dict[str, bytes], batch: int | None = None,
        columnar_min_reports: int = COLUMNAR_MIN_REPORTS) -> dict[str, bytes]:
    """Interim tables and text bytes → every published file (relative path → bytes). Pure.

    `batch` reports are validated and written at a time (None: all at once); the bytes do not
    depend on it."""
    outputs = MemoryOutputs()
    publish_to(FrameSource(frames, texts), outputs.open, batch, columnar_min_reports)
    return outputs.finish()


def read_interim(root: Path = paths.ROOT) -> tuple[dict[str, pd.DataFrame], dict[str, bytes]]:
    """Every scratch table and text, whole (for small corpora and tests; `main` streams)."""
    frames = {name: interim.read(name, root) for name in INTERIM}
    texts = {p.stem: p.read_bytes() for p in sorted((root / "data" / "texts").glob("*.txt"))}
    return frames, texts


def main() -> None:
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))
    outputs = FileOutputs()
    # Workers forked before the inputs are read: batches bring them what they check.
    pool = start_pool(params["parallel"]["workers"])
    try:
        summary = publish_to(InterimSource(), outputs.open, params["parallel"].get("batch", BATCH),
                             params["publish"]["columnar_min_reports"], params["parallel"]["workers"],
                             pool)
    except BaseException:
        outputs.discard()
        raise
    finally:
        if pool is not None:
            pool.shutdown()
    written = set(outputs.finish())
    columnar = paths.ROOT / COLUMNAR_DIR  # always there (a dvc out), empty below the threshold
    columnar.mkdir(parents=True, exist_ok=True)
    for stale in columnar.glob("*.parquet"):
        if f"{COLUMNAR_DIR}/{stale.name}" not in written:
            stale.unlink()
    rows = summary["rows"]
    counts = ", ".join(f"{rows[name]} {name}" for name in INTERIM if name in rows)
    copies = f"; Parquet copies of {', '.join(summary['columnar'])}" if summary["columnar"] else ""
    print(f"publish: {counts}, {summary['texts']} texts -> datapackage.json{copies}",
          file=sys.stderr)


if __name__ == "__main__":
    main()
