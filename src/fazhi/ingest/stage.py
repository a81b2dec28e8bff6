"""Ingest: raw files → cleaned texts, report metadata, and rejects.

Input:  data/raw/*.txt|*.htm|*.html as published, and the optional manifest data/raw/sources.csv.
Output: data/texts/<report_id>.txt, data/interim/reports.csv, data/interim/rejects.csv.

Each raw file is decoded (`decode`), stripped of web-page boilerplate and normalised (`clean`),
and its metadata detected from the text (`detect`, `issuer`); ids are given last (`ids`). A file
that cannot become a report is not dropped: it goes to rejects with a reason a user can act on.
Run as `python -m fazhi.ingest`.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.csvio import read_csv
from fazhi.ingest import ids
from fazhi.ingest.report import ingest_one
from fazhi.parallel import map_reports, progress_line

REPORT_SUFFIXES = (".txt", ".htm", ".html")
# Files in data/raw/ that describe the corpus rather than hold a report (fetch_log.csv: make fetch).
MANIFEST_NAMES = {"sources.csv", "fetch_log.csv", ".gitkeep", "README.md"}


def run(
    raw_files: dict[str, bytes],
    sources: pd.DataFrame,
    report_suffixes: tuple[str, ...] = REPORT_SUFFIXES,
    n_workers: int | None = 1,
    progress=None,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Raw files (name → bytes) and the manifest → (reports, rejects, texts by report_id).

    Pure: no I/O. Every input file ends up in exactly one of reports and rejects.
    """
    overrides = {row["file"]: row for row in sources.to_dict("records")}
    rejects, todo = [], []
    seen_sha: dict[str, str] = {}
    for name in sorted(raw_files):
        raw = raw_files[name]
        sha = hashlib.sha256(raw).hexdigest()
        override = {k: (None if pd.isna(v) else v) for k, v in overrides.get(name, {}).items()}
        reason = None
        if not name.lower().endswith(report_suffixes):
            reason = (f"unsupported file type {Path(name).suffix or '(none)'}: "
                      "convert the report to .txt or .html")
        elif override.get("sha256") and override["sha256"] != sha:
            reason = ("sha256 differs from data/raw/sources.csv: the raw file was changed after it "
                      "was recorded; restore it or update the manifest")
        elif sha in seen_sha:
            reason = f"exact duplicate of {seen_sha[sha]}"
        if reason:
            rejects.append({"source_file": name, "source_sha256": sha, "reason": reason})
            continue
        seen_sha[sha] = name
        todo.append((name, raw, sha, override))
    reports, texts = [], {}
    for result in map_reports(ingest_one, todo, n_workers, progress):
        if "reject" in result:
            rejects.append(result["reject"])
        else:
            reports.append({**result["report"], "_text": result["text"]})
    ids.assign_ids(reports)
    for r in reports:
        texts[r["report_id"]] = r.pop("_text")
    assert len(reports) + len(rejects) == len(raw_files), "ingest lost a file"
    rejects = sorted(rejects, key=lambda r: r["source_file"])
    return (pd.DataFrame(reports),
            pd.DataFrame(rejects, columns=["source_file", "source_sha256", "reason"]), texts)


def read_sources(path: Path) -> pd.DataFrame:
    """The optional manifest, all columns as strings ('' → missing)."""
    if not path.exists():
        return pd.DataFrame(columns=["file"])
    frame = read_csv(path)
    assert "file" in frame.columns, f"{path}: the manifest needs a 'file' column"
    listed = frame["file"].dropna()  # a row whose address is not downloaded yet has no file
    dupes = listed[listed.duplicated()].tolist()
    assert not dupes, f"{path}: files listed twice: {dupes}"
    return frame


def read_raw(raw_dir: Path) -> dict[str, bytes]:
    """Every input file under data/raw/ (the manifest excluded)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(raw_dir.iterdir())
        if p.is_file() and p.name not in MANIFEST_NAMES
    }


def main() -> None:
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))
    raw_files = read_raw(paths.RAW)
    reports, rejects, texts = run(
        raw_files, read_sources(paths.SOURCES), tuple(params["ingest"]["report_suffixes"]),
        params["parallel"]["workers"], progress_line("ingest"),
    )
    paths.TEXTS.mkdir(parents=True, exist_ok=True)
    for old in paths.TEXTS.glob("*.txt"):
        old.unlink()
    for report_id, text in texts.items():
        paths.text_path(report_id).write_text(text, encoding="utf-8", newline="\n")
    interim.write("reports", reports)
    interim.write("rejects", rejects)
    print(f"ingest: {len(raw_files)} raw files -> {len(reports)} reports, {len(rejects)} rejects",
          file=sys.stderr)


if __name__ == "__main__":
    main()
