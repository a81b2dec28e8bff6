"""The scratch tables the stages hand to each other (data/interim/<name>.csv).

`write(name, frame)` checks a table against its schema (`codebook.INTERIM`) before writing it, so
a broken intermediate fails at the stage that made it, naming the file, column and row. `read`
gives every cell as a string (types come from the schema downstream).

For a corpus too large to hold, a per-report table is streamed: `Writer(name)` takes it batch by
batch (each batch checked against the schema as it comes, lazily; a report's rows all in one
batch, and no report in two, so a key that holds `report_id` is unique in the whole table), and
writes exactly the bytes one `write` of the whole table would. `ReportRows(name)` finds, in one
pass over the bytes, where each report's rows are, then reads the rows of any reports on demand,
in the order asked.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import pandas as pd

from fazhi import paths, schema
from fazhi.codebook import INTERIM
from fazhi.csvio import read_csv, write_csv


def path(name: str, root: Path | None = None) -> Path:
    return (root / "data" / "interim" if root else paths.INTERIM) / f"{name}.csv"


def write(name: str, frame: pd.DataFrame) -> None:
    """Validate one scratch table and write it in the CSV convention."""
    schema.validate_interim(name, frame.reset_index(drop=True))
    write_csv(frame, path(name))


def read(name: str, root: Path | None = None) -> pd.DataFrame:
    return read_csv(path(name, root))


class Writer:
    """One per-report scratch table written batch by batch (see the module docstring).

    The file appears under its name only when the writer closes without an error; until then it
    is written beside it (`<name>.csv.part`), so a failed stage never leaves half a table.
    """

    def __init__(self, name: str, root: Path | None = None):
        assert "report_id" in INTERIM[name]["primary_key"], f"{name} is not a per-report table"
        self.name = name
        self.path = path(name, root)
        self.part = self.path.with_name(self.path.name + ".part")
        self.rows = 0
        self._reports: set[str] = set()
        self._file = None

    def write(self, frame: pd.DataFrame) -> None:
        """Validate one batch (whole reports) and append it."""
        schema.validate_interim(self.name, frame.reset_index(drop=True))
        batch = set(frame["report_id"])
        again = sorted(batch & self._reports)
        if again:
            raise ValueError(f"data/interim/{self.name}.csv: reports {again[:10]} come in two "
                             "batches (a report's rows must be written together)")
        self._reports |= batch
        if self._file is None:
            self.part.parent.mkdir(parents=True, exist_ok=True)
            self._file = open(self.part, "w", encoding="utf-8", newline="")
            frame.to_csv(self._file, index=False, lineterminator="\n")
        else:
            frame.to_csv(self._file, index=False, header=False, lineterminator="\n")
        self.rows += len(frame)

    def close(self) -> None:
        if self._file is None:  # nothing written: the header alone, as for an empty table
            self.write(pd.DataFrame(columns=INTERIM[self.name]["fields"]))
        self._file.close()
        os.replace(self.part, self.path)

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, kind, value, traceback) -> None:
        if kind is None:
            self.close()
        elif self._file is not None:
            self._file.close()
            self.part.unlink(missing_ok=True)


def _first_field(record: bytes) -> str:
    """The first cell of one CSV record (a report id: never quoted, but read right if it is)."""
    if record.startswith(b'"'):
        return next(iter(pd.read_csv(io.BytesIO(record), header=None, dtype=str,
                                     keep_default_na=False).iloc[0]))
    return record.split(b",", 1)[0].rstrip(b"\r\n").decode("utf-8")


class ReportRows:
    """Where each report's rows are in a per-report CSV, and those rows on demand.

    One pass over the file's bytes records, per report_id, the byte spans of its records (a
    record ends at a line end outside quotes) and their count; nothing else is kept.
    """

    def __init__(self, csv_path: Path):
        self.path = Path(csv_path)
        self.spans: dict[str, list[list[int]]] = {}
        self.counts: dict[str, int] = {}
        with open(self.path, "rb") as f:
            self.header = f.readline()
            offset = start = len(self.header)
            quotes, first = 0, None
            for line in f:
                if first is None:
                    first = line
                quotes += line.count(b'"')
                offset += len(line)
                if quotes % 2:
                    continue  # inside a quoted cell that holds a line end
                report_id = _first_field(first)
                spans = self.spans.setdefault(report_id, [])
                if spans and spans[-1][1] == start:
                    spans[-1][1] = offset
                else:
                    spans.append([start, offset])
                self.counts[report_id] = self.counts.get(report_id, 0) + 1
                start, quotes, first = offset, 0, None
        self.columns = pd.read_csv(io.BytesIO(self.header), dtype=str).columns.tolist()

    def __len__(self) -> int:
        return sum(self.counts.values())

    def rows(self, report_ids) -> pd.DataFrame:
        """The rows of these reports (in this order, each report's in file order), every cell a
        string and empty cells missing, as `read` gives them."""
        return read_csv(io.BytesIO(self.rows_bytes(report_ids)))

    def rows_bytes(self, report_ids) -> bytes:
        """The header and the records of these reports as CSV bytes (what `rows` parses)."""
        parts = [self.header]
        with open(self.path, "rb") as f:
            for report_id in report_ids:
                for start, end in self.spans.get(report_id, []):
                    f.seek(start)
                    parts.append(f.read(end - start))
        return b"".join(parts)


def report_rows(name: str, root: Path | None = None) -> ReportRows:
    return ReportRows(path(name, root))
