"""Ingest: raw files → cleaned texts, report metadata, and rejects.

Input:  data/raw/*.txt|*.htm|*.html as published, and the optional manifest data/raw/sources.csv.
Output: data/texts/<report_id>.txt, data/interim/reports.csv, data/interim/rejects.csv.

Each raw file is decoded (`decode`), stripped of web-page boilerplate and normalised (`clean`),
and its metadata detected from the text (`detect`, `issuer`); ids are given last (`ids`). A file
that cannot become a report is not dropped: it goes to rejects with a reason a user can act on.
`main()` streams: raw files are read as workers need them, `parallel.batch` at a time, and each
cleaned text is written as soon as it is made (under its raw file's name, renamed to its report
id once every id is known); only the metadata rows are held. Run as `python -m fazhi.ingest`.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

import pandas as pd
import yaml

from fazhi import interim, paths
from fazhi.csvio import read_csv
from fazhi.ingest import ids
from fazhi.ingest.report import ingest_one
from fazhi.parallel import BATCH, progress_line, stream_reports

REPORT_SUFFIXES = (".txt", ".htm", ".html")
# Files in data/raw/ that describe the corpus rather than hold a report (fetch_log.csv: make fetch).
MANIFEST_NAMES = {"sources.csv", "fetch_log.csv", ".gitkeep", "README.md"}


def run(
    raw_files: Mapping[str, bytes],
    sources: pd.DataFrame,
    report_suffixes: tuple[str, ...] = REPORT_SUFFIXES,
    n_workers: int | None = 1,
    progress=None,
    put_text: Callable[[str, str], None] | None = None,
    batch: int = BATCH,
) -> tuple[pd.DataFrame, pd.DataFrame, dict[str, str]]:
    """Raw files (name → bytes) and the manifest → (reports, rejects, texts by report_id).

    Pure: no I/O. Every input file ends up in exactly one of reports and rejects. `raw_files`
    may be lazy (`RawFolder`): each file is read once, in name order, when a worker needs it. With
    `put_text`, each cleaned text goes to `put_text(source_file, text)` as soon as it is made and
    is not kept (the texts returned are then empty): memory holds the metadata rows only.
    """
    overrides = {row["file"]: row for row in sources.to_dict("records")}
    rejects = []
    seen_sha: dict[str, str] = {}

    def todo() -> Iterator[tuple[str, bytes, str, dict]]:
        for name in sorted(raw_files):
            raw = raw_files[name]
            sha = hashlib.sha256(raw).hexdigest()
            override = {k: (None if pd.isna(v) else v) for k, v in overrides.get(name, {}).items()}
            reason = None
            if not name.lower().endswith(report_suffixes):
                reason = (f"unsupported file type {Path(name).suffix or '(none)'}: "
                          "convert the report to .txt or .html")
            elif override.get("sha256") and override["sha256"] != sha:
                reason = ("sha256 differs from data/raw/sources.csv: the raw file was changed after "
                          "it was recorded; restore it or update the manifest")
            elif sha in seen_sha:
                reason = f"exact duplicate of {seen_sha[sha]}"
            if reason:
                rejects.append({"source_file": name, "source_sha256": sha, "reason": reason})
                continue
            seen_sha[sha] = name
            yield name, raw, sha, override

    reports, kept = [], {}
    for result in stream_reports(ingest_one, todo(), n_workers, progress, len(raw_files), batch):
        if "reject" in result:
            rejects.append(result["reject"])
            continue
        reports.append(result["report"])
        if put_text is None:
            kept[result["report"]["source_file"]] = result["text"]
        else:
            put_text(result["report"]["source_file"], result["text"])
    ids.assign_ids(reports)
    texts = {r["report_id"]: kept[r["source_file"]] for r in reports if r["source_file"] in kept}
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


class RawFolder(Mapping):
    """The input files under data/raw/ (the manifest excluded), by name; each file's bytes are
    read only when asked for, so the corpus is never held at once."""

    def __init__(self, raw_dir: Path):
        self.folder = Path(raw_dir)
        self.names = sorted(p.name for p in self.folder.iterdir()
                            if p.is_file() and p.name not in MANIFEST_NAMES)
        self._known = set(self.names)

    def __getitem__(self, name: str) -> bytes:
        if name not in self._known:
            raise KeyError(name)
        return (self.folder / name).read_bytes()

    def __iter__(self):
        return iter(self.names)

    def __len__(self) -> int:
        return len(self.names)


def read_raw(raw_dir: Path) -> dict[str, bytes]:
    """Every input file under data/raw/ (the manifest excluded), read into memory."""
    return dict(RawFolder(raw_dir).items())


def main() -> None:
    params = yaml.safe_load(paths.PARAMS.read_text(encoding="utf-8"))
    raw_files = RawFolder(paths.RAW)
    staging = paths.INTERIM / "texts.part"  # texts by raw file name until ids are given
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    staged: dict[str, Path] = {}

    def put_text(source_file: str, text: str) -> None:
        staged[source_file] = staging / f"{len(staged):08d}.txt"
        staged[source_file].write_text(text, encoding="utf-8", newline="\n")

    reports, rejects, _ = run(
        raw_files, read_sources(paths.SOURCES), tuple(params["ingest"]["report_suffixes"]),
        params["parallel"]["workers"], progress_line("ingest"), put_text,
        params["parallel"].get("batch", BATCH),
    )
    paths.TEXTS.mkdir(parents=True, exist_ok=True)
    for old in paths.TEXTS.glob("*.txt"):
        old.unlink()
    for source_file, report_id in zip(reports.get("source_file", []), reports.get("report_id", [])):
        staged[source_file].replace(paths.text_path(report_id))
    staging.rmdir()
    interim.write("reports", reports)
    interim.write("rejects", rejects)
    print(f"ingest: {len(raw_files)} raw files -> {len(reports)} reports, {len(rejects)} rejects",
          file=sys.stderr)


if __name__ == "__main__":
    main()
