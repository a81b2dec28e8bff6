"""Fetch: download the pages listed in data/raw/sources.csv that have no raw file yet.

Input:  data/raw/sources.csv (the rows with a `source_url`) and the files already in data/raw/.
Output: each new page saved byte for byte in data/raw/; its row of sources.csv filled in (`file`
        when empty, `sha256`, `retrieved`, `http_status`, `content_type`, `final_url`); every
        attempt in data/raw/fetch_log.csv (`url`, `attempted`, `outcome`, `reason`).

Not a pipeline stage: it reaches the network, so it runs by hand (`make fetch`, or
`python -m fazhi.fetch`) before `make repro`, and no stage imports it.

Rules:
- A raw file is never overwritten. A row whose file is already in data/raw/ is not fetched again;
  with `--refresh` its address is fetched once more and, if the page's text changed, the new page
  is saved as a new file in a new row (the old row stays) and the change is printed and logged.
- A failure (HTTP error, timeout, a PDF or image instead of a page, an empty page, robots.txt
  says no) never stops the run and never changes or drops a row: it is logged with its reason,
  the row stays without a file (the ingest stage reports it), and the next run tries it again.
- Polite: one request at a time, at least `delay` seconds between two requests to the same host
  (longer if robots.txt asks for it), a timeout, a few retries with back-off (urllib3 `Retry`,
  which honours `Retry-After`), a User-Agent naming the project, robots.txt honoured (also for
  every redirect).
- Deterministic output: rows sorted, no clock but the UTC date (`retrieved`, `attempted`), no
  machine paths; a run that fetches nothing writes nothing.
"""

from __future__ import annotations

import argparse
import difflib
import hashlib
import os
import re
import sys
import time
import urllib.robotparser
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pandas as pd
import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import ConnectTimeoutError, ReadTimeoutError
from urllib3.util.retry import Retry

from fazhi import __version__, paths
from fazhi.csvio import read_csv, write_csv

# Columns fetch fills in sources.csv, after the ones ingest reads (file, sha256, source_url, ...).
FETCH_COLUMNS = ["retrieved", "http_status", "content_type", "final_url"]
LOG_NAME = "fetch_log.csv"
LOG_COLUMNS = ["url", "attempted", "outcome", "reason"]
# Outcomes in the log: a page saved for its row, a new version of a page saved as a new row, a
# page fetched again and found the same, a failure (the row is tried again next run), a row that
# needs no request (listed twice, or its recorded file is missing).
OUTCOMES = ("saved", "changed", "unchanged", "failed", "skipped")
# Files in data/raw/ that are not reports: fetch never writes a page under these names.
NOT_PAGES = {"sources.csv", LOG_NAME, ".gitkeep", "README.md"}

AGENT = "fazhi-reports"  # the product token robots.txt rules are matched against
PROJECT = "research dataset of Chinese governments' annual rule-of-law reports"
# What the ingest stage reads, by media type, and the suffix a page of that type is saved with.
PAGE_TYPES = {"text/html": ".html", "application/xhtml+xml": ".html", "text/plain": ".txt"}
SUFFIXES = {".html": (".html", ".htm"), ".txt": (".txt",)}
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"
# Magic numbers of files that are not pages, whatever the server calls them.
BINARY_MAGIC = {b"%PDF-": "PDF", b"\x89PNG": "PNG image", b"\xff\xd8\xff": "JPEG image",
                b"GIF8": "GIF image", b"PK\x03\x04": "ZIP archive (or .docx/.xlsx)",
                b"\xd0\xcf\x11\xe0": "Word/Excel (.doc/.xls) file", b"Rar!": "RAR archive"}
RETRY_STATUSES = (429, 500, 502, 503, 504)
MAX_REDIRECTS = 10
ROBOTS_MAX_BYTES = 512 * 1024  # RFC 9309: at least 500 KiB are read


@dataclass(frozen=True)
class Settings:
    """How politely and how patiently to fetch (the command-line options)."""

    delay: float = 2.0  # seconds between two requests to the same host
    timeout: float = 30.0  # seconds to connect, and to wait for each read
    retries: int = 3  # further attempts after a connection error, timeout or 429/5xx
    backoff: float = 1.0  # urllib3 backoff_factor: waits 0, 2, 4 ... s between the attempts
    max_bytes: int = 20 * 1024 * 1024  # a larger response is not a report page
    refresh: bool = False  # fetch addresses that already have a file again, to catch changes
    contact: str | None = None  # an e-mail or URL added to the User-Agent

    @property
    def user_agent(self) -> str:
        contact = f"; +{self.contact}" if self.contact else ""
        return f"{AGENT}/{__version__} ({PROJECT}{contact}) python-requests/{requests.__version__}"


class FetchError(Exception):
    """A page that cannot be saved; the message is the reason logged."""


@dataclass
class Page:
    """One download: the address asked for, where it ended up, and the bytes as served."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes


# --- The pure part: what to fetch, what a response is, what to call it, what changed ---------

@dataclass
class Job:
    url: str
    row: int | None  # the row to fill; None to check the saved versions (--refresh)
    versions: list[int] = field(default_factory=list)  # rows with this address and a file


def plan(sources: pd.DataFrame, on_disk: set[str], refresh: bool
         ) -> tuple[list[Job], list[dict]]:
    """Which addresses to fetch, for which rows; and the rows skipped without a request (logged).

    A row is done when its file is in data/raw/; a row with a recorded sha256 whose file is
    missing is never downloaded again (restore the file); any other row with an address waits.
    """
    jobs, skipped = [], []
    by_url: dict[str, list[int]] = {}
    for i, row in enumerate(sources.to_dict("records")):  # a RangeIndex (see _table)
        url = (row.get("source_url") or "").strip()
        if url:
            by_url.setdefault(url, []).append(i)
    for url in sorted(by_url):
        rows = sorted(by_url[url], key=lambda i: (sources.at[i, "file"] or "\uffff", i))
        done = [i for i in rows if sources.at[i, "file"] in on_disk]
        waiting = []
        for i in rows:
            name = sources.at[i, "file"]
            if i in done:
                continue
            if name and sources.at[i, "sha256"]:
                skipped.append(_entry(url, "skipped", (
                    f"{name} is listed with its sha256 but is not in data/raw/: restore it (dvc "
                    "pull, or git checkout); fetch never downloads a recorded file again")))
            elif urlsplit(url).scheme not in ("http", "https"):
                skipped.append(_entry(url, "failed", "not an http(s) address: correct source_url"))
            else:
                waiting.append(i)
        if waiting and done:
            names = ", ".join(sources.at[i, "file"] for i in done)
            for _ in waiting:
                skipped.append(_entry(url, "skipped", (
                    f"address already saved as {names}; this row lists it again: delete the row, "
                    "or run fetch with --refresh to check the page for changes")))
        elif waiting:
            jobs.append(Job(url, waiting[0]))
            for _ in waiting[1:]:
                skipped.append(_entry(url, "skipped", (
                    "address listed more than once in sources.csv: fetched once, for the first "
                    "row; delete the other rows")))
        if done and refresh:
            jobs.append(Job(url, None, done))
    return polite_order(jobs), skipped


def polite_order(jobs: list[Job]) -> list[Job]:
    """Hosts taken in turn (sorted), so the wait for one host is spent on the others."""
    queues: dict[str, list[Job]] = {}
    for job in sorted(jobs, key=lambda j: j.url):
        queues.setdefault(urlsplit(job.url).hostname or "", []).append(job)
    ordered = []
    while queues:
        for host in sorted(queues):
            ordered.append(queues[host].pop(0))
            if not queues[host]:
                del queues[host]
    return ordered


def page_suffix(content_type: str, body: bytes) -> str:
    """'.html' or '.txt' for a page ingest can read; FetchError (with what it is) otherwise."""
    media = content_type.split(";")[0].strip().lower()
    served = f"served as {media}" if media else "no content type"
    if not body.strip():
        raise FetchError(f"empty page ({len(body)} bytes, {served}): check the address, or run "
                         "fetch again later")
    kind = next((what for magic, what in BINARY_MAGIC.items() if body.startswith(magic)), None)
    if kind is None and b"\x00" in body[:4096] and not body.startswith((b"\xff\xfe", b"\xfe\xff")):
        kind = "binary file"
    if kind is None and media in PAGE_TYPES:
        return PAGE_TYPES[media]
    if kind is None and media in ("", "application/octet-stream"):
        head = body[:2048].lstrip().lower()
        return ".html" if head.startswith((b"<!doctype html", b"<html")) else ".txt"
    what = kind or f"{media} file"
    raise FetchError(f"not an HTML or text page: a {what} ({served}, {len(body)} bytes); a PDF, "
                     "image or Word report must be turned into text by hand: save it in "
                     "data/raw/ as .txt and put its name in this row's file column")


def host_slug(url: str) -> str:
    """The host of an address as a readable, file-name-safe string (IDN in punycode)."""
    host = urlsplit(url).hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass
    return re.sub(r"[^a-z0-9.-]+", "-", host.lower()).strip(".-") or "page"


def file_name(url: str, suffix: str, taken: set[str], today: str, sha: str) -> str:
    """`<host>_<sha256 of the address, 12 hex>.html`; a later version of the page gets the date,
    then also its own hash, so no name is ever used twice."""
    base = f"{host_slug(url)}_{hashlib.sha256(url.encode('utf-8')).hexdigest()[:12]}"
    for name in (f"{base}{suffix}", f"{base}_{today}{suffix}", f"{base}_{today}_{sha[:8]}{suffix}"):
        if name not in taken:
            return name
    raise FetchError(f"no free file name for {base} (more than one new version today)")


def check_name(name: str, suffix: str) -> None:
    """A `file` given in sources.csv must be a plain name in data/raw/ that fits the page."""
    if Path(name).name != name or name.startswith(".") or name in NOT_PAGES or "\\" in name:
        raise FetchError(f"file {name!r} in sources.csv is not a plain file name for data/raw/: "
                         "correct it, or leave it empty for fetch to choose one")
    if not name.lower().endswith(SUFFIXES[suffix]):
        raise FetchError(f"file {name!r} in sources.csv does not fit the page (a {suffix} page): "
                         f"name it *{suffix}, or leave it empty for fetch to choose one")


def page_text(raw: bytes, suffix: str) -> str | None:
    """The text ingest would publish from a page (for comparing versions); None if unreadable."""
    # Imported here: only --refresh needs them (and trafilatura, slow to import).
    from fazhi.ingest import clean, decode

    try:
        text, _ = decode.decode(raw)
        if suffix == ".html":
            text, _ = decode.html_to_text(text)
        return clean.clean(text).text
    except Exception:  # noqa: BLE001 - unreadable pages are compared as bytes
        return None


def describe_change(old: bytes, new: bytes, suffix: str, old_name: str, new_name: str
                    ) -> tuple[str, list[str]] | None:
    """(one-line summary, unified diff lines) of two versions of a page; None when the text
    ingest would read is the same (only page furniture such as a view counter changed)."""
    facts = (f"{len(old):,} → {len(new):,} bytes, sha256 {hashlib.sha256(old).hexdigest()[:12]}"
             f" → {hashlib.sha256(new).hexdigest()[:12]}")
    old_text, new_text = page_text(old, suffix), page_text(new, suffix)
    if old_text is None or new_text is None:
        return f"{facts}; the text could not be read for a line-by-line comparison", []
    if old_text == new_text:
        return None
    a, b = old_text.splitlines(), new_text.splitlines()
    diff = list(difflib.unified_diff(a, b, old_name, new_name, n=0, lineterm=""))
    removed = sum(1 for line in diff if line.startswith("-") and not line.startswith("---"))
    added = sum(1 for line in diff if line.startswith("+") and not line.startswith("+++"))
    changes = [line for line in diff[2:] if not line.startswith("@@")][:2]
    first = " / ".join(_short(line) for line in changes)
    return (f"{facts}; text: {removed} lines removed, {added} added; first: {first}", diff)


def _short(line: str, width: int = 60) -> str:
    return line if len(line) <= width else line[:width] + "…"


def _entry(url: str, outcome: str, reason: str, attempted: str = "") -> dict:
    assert outcome in OUTCOMES, outcome
    return {"url": url, "attempted": attempted, "outcome": outcome, "reason": reason}


def merge_log(old: list[dict], new: Iterable[dict]) -> list[dict]:
    """Every attempt, once, sorted by address and date (a day's attempts in the order made)."""
    rows, seen = [], set()
    for row in [*old, *new]:
        key = tuple(row.get(c) or "" for c in LOG_COLUMNS)
        if key not in seen:
            seen.add(key)
            rows.append(dict(zip(LOG_COLUMNS, key)))
    return sorted(rows, key=lambda r: (r["url"], r["attempted"]))


def sorted_sources(sources: pd.DataFrame) -> pd.DataFrame:
    """Rows by file name (rows still without a file last, by address); fetch columns at the end."""
    columns = [*sources.columns, *(c for c in FETCH_COLUMNS if c not in sources.columns)]
    records = sources.to_dict("records")
    records.sort(key=lambda r: (not r.get("file"), r.get("file") or "", r.get("source_url") or ""))
    return pd.DataFrame(records, columns=columns)


# --- The network: one polite HTTP client ---------------------------------------------------

class Client:
    """Sequential GETs with retries, a per-host delay and robots.txt, following redirects itself
    (so robots.txt and the delay apply to every hop)."""

    def __init__(self, settings: Settings, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic):
        self.settings, self.sleep, self.clock = settings, sleep, clock
        retry = Retry(total=settings.retries, connect=settings.retries, read=settings.retries,
                      status=settings.retries, other=0, redirect=0,
                      status_forcelist=RETRY_STATUSES, allowed_methods={"GET"},
                      backoff_factor=settings.backoff, raise_on_status=False,
                      respect_retry_after_header=True)
        self.session = requests.Session()
        self.session.mount("http://", HTTPAdapter(max_retries=retry))
        self.session.mount("https://", HTTPAdapter(max_retries=retry))
        self.session.headers.update({"User-Agent": settings.user_agent, "Accept": ACCEPT,
                                     "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
        self._last: dict[str, float] = {}  # host → when its last request ended
        self._robots: dict[str, urllib.robotparser.RobotFileParser | str] = {}

    def close(self) -> None:
        self.session.close()

    def get(self, url: str) -> Page:
        """The page at url after redirects; FetchError with the reason otherwise."""
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            refused = self.robots_refusal(current)
            if refused:
                raise FetchError(refused)
            try:
                response = self._request(current)
            except requests.RequestException as exc:
                raise FetchError(describe_error(exc, self.settings)) from exc
            with response:
                if response.is_redirect:
                    target = urljoin(current, response.headers["Location"])
                    if urlsplit(target).scheme not in ("http", "https"):
                        raise FetchError(f"redirected to a non-http(s) address {target}")
                    current = target
                    continue
                if not 200 <= response.status_code < 300:
                    raise FetchError(
                        f"HTTP {response.status_code} {_phrase(response)}".strip()
                        + (f" (after redirects, at {current})" if current != url else "")
                        + ": check the address; run fetch again if the site was down")
                body = self._read(response, current)
                return Page(url, current, response.status_code,
                            response.headers.get("Content-Type", ""), body)
        raise FetchError(f"more than {MAX_REDIRECTS} redirects")

    def robots_refusal(self, url: str) -> str | None:
        """Why robots.txt forbids fetching url (or could not be read), None when allowed."""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._read_robots(origin)
        rules = self._robots[origin]
        if isinstance(rules, str):
            return rules
        if not rules.can_fetch(self.settings.user_agent, url):
            return f"disallowed by {origin}/robots.txt (for {AGENT}): not fetched"
        return None

    def _read_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | str:
        """The site's robots.txt rules (RFC 9309; 401/403 as in urllib.robotparser: nothing
        allowed; other 4xx: everything allowed); a refusal reason when it cannot be read."""
        rules = urllib.robotparser.RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._request(f"{origin}/robots.txt", redirects=True)
            with response:
                status = response.status_code
                ok = 200 <= status < 300
                body = response.raw.read(ROBOTS_MAX_BYTES, decode_content=True) if ok else b""
        except requests.RequestException as exc:
            why = describe_error(exc, self.settings)
            return (f"{origin}/robots.txt could not be read ({why}): not fetched; run fetch "
                    "again later")
        if status in (401, 403):
            rules.disallow_all = True
        elif 200 <= status < 300:
            rules.parse(body.decode("utf-8", errors="replace").splitlines())
        elif 400 <= status < 500 and status != 429:
            rules.allow_all = True
        else:
            return (f"{origin}/robots.txt could not be read (HTTP {status}): not fetched; run "
                    "fetch again later")
        rules.modified()
        return rules

    def _request(self, url: str, redirects: bool = False) -> requests.Response:
        """One GET (with urllib3's retries), after waiting out the host's delay."""
        host = urlsplit(url).hostname or ""
        delay = self.settings.delay
        rules = self._robots.get(f"{urlsplit(url).scheme}://{urlsplit(url).netloc}")
        if isinstance(rules, urllib.robotparser.RobotFileParser):
            delay = max(delay, float(rules.crawl_delay(self.settings.user_agent) or 0))
        if host in self._last:
            wait = self._last[host] + delay - self.clock()
            if wait > 0:
                self.sleep(wait)
        try:
            return self.session.get(url, timeout=self.settings.timeout, stream=True,
                                    allow_redirects=redirects)
        finally:
            self._last[host] = self.clock()

    def _read(self, response: requests.Response, url: str) -> bytes:
        """The body (content-encoding undone, as any browser saves it), up to max_bytes."""
        chunks, size = [], 0
        try:
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > self.settings.max_bytes:
                    raise FetchError(f"larger than {self.settings.max_bytes:,} bytes: not a report "
                                     "page; not saved")
                chunks.append(chunk)
        except requests.RequestException as exc:
            raise FetchError(describe_error(exc, self.settings)) from exc
        finally:
            self._last[urlsplit(url).hostname or ""] = self.clock()
        return b"".join(chunks)


def _phrase(response: requests.Response) -> str:
    try:
        return HTTPStatus(response.status_code).phrase
    except ValueError:
        return response.reason or ""


def describe_error(exc: BaseException, settings: Settings) -> str:
    """A network failure in words a user can act on."""
    attempts = settings.retries + 1
    chain, seen = [exc], set()
    while chain[-1] is not None and id(chain[-1]) not in seen:
        seen.add(id(chain[-1]))
        nxt = getattr(chain[-1], "reason", None) or chain[-1].__cause__ or chain[-1].__context__
        if nxt is None and chain[-1].args and isinstance(chain[-1].args[0], BaseException):
            nxt = chain[-1].args[0]
        chain.append(nxt)
    if any(isinstance(e, (requests.Timeout, ReadTimeoutError, ConnectTimeoutError, TimeoutError))
           for e in chain):
        return (f"timed out (no answer within {settings.timeout:g} s, {attempts} attempts): the "
                "site is slow or unreachable; run fetch again later, or give a longer --timeout")
    if isinstance(exc, requests.exceptions.RetryError):
        return (f"the server kept answering with an error ({attempts} attempts): run fetch "
                "again later")
    if isinstance(exc, requests.ConnectionError):
        return (f"could not connect ({attempts} attempts): check the address, or run fetch again "
                "later")
    return f"request failed ({type(exc).__name__}): check the address"


# --- The run: plan, fetch one address at a time, write as we go ----------------------------

def utc_today() -> str:
    return datetime.now(UTC).date().isoformat()


@dataclass
class Summary:
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))

    def __str__(self) -> str:
        return ", ".join(f"{n} {o}" for o, n in self.outcomes.items())


def fetch(sources_path: Path, raw_dir: Path, settings: Settings = Settings(),
          today: str | None = None, say: Callable[[str], None] | None = None,
          client: Client | None = None) -> Summary:
    """Fetch what sources.csv lists and data/raw/ lacks; update sources.csv and the fetch log."""
    say = say or (lambda line: print(line, file=sys.stderr))
    today = today or utc_today()
    summary = Summary()
    if not sources_path.exists():
        say(f"fetch: no {sources_path.name}: nothing to fetch")
        return summary
    sources = _table(sources_path)
    for column in ("file", "sha256", "source_url"):
        if column not in sources.columns:
            sources[column] = None
    on_disk = {p.name for p in raw_dir.iterdir() if p.is_file()}
    jobs, skipped = plan(sources, on_disk, settings.refresh)
    log_path = raw_dir / LOG_NAME
    old_log = _table(log_path).to_dict("records") if log_path.exists() else []
    log = [{**e, "attempted": today} for e in skipped]
    for entry in log:
        summary.outcomes[entry["outcome"]] += 1
        say(f"fetch: {entry['outcome']:9} {entry['url']}: {entry['reason']}")
    state = {"dirty": False, "log": merge_log(old_log, [])}

    def save() -> None:
        if state["dirty"]:
            _write_atomic(sources_path, sorted_sources(sources), raw_dir)
            state["dirty"] = False
        merged = merge_log(old_log, log)
        if merged != state["log"]:
            _write_atomic(log_path, pd.DataFrame(merged, columns=LOG_COLUMNS), raw_dir)
            state["log"] = merged

    say(f"fetch: {len(jobs)} address(es) to fetch, {settings.delay:g} s between requests to a host")
    own = client is None
    client = client or Client(settings)
    try:
        for job in jobs:
            entry, new_sources = _fetch_one(job, sources, raw_dir, client, today, say)
            if new_sources is not None:
                sources, state["dirty"] = new_sources, True
            log.append({**entry, "attempted": today})
            summary.outcomes[entry["outcome"]] += 1
            save()  # after every page, so an interrupted run loses nothing
    finally:
        save()
        if own:
            client.close()
    say(f"fetch: {summary} (log: data/raw/{LOG_NAME})")
    return summary


def _fetch_one(job: Job, sources: pd.DataFrame, raw_dir: Path, client: Client, today: str,
               say: Callable[[str], None]) -> tuple[dict, pd.DataFrame | None]:
    """Fetch one address: (its log entry, the updated sources or None when unchanged)."""
    try:
        page = client.get(job.url)
        suffix = page_suffix(page.content_type, page.body)
        sha = hashlib.sha256(page.body).hexdigest()
        listed = {n for n in sources["file"] if isinstance(n, str) and n} | NOT_PAGES
        taken = listed | {p.name for p in raw_dir.iterdir()}
        if job.row is not None:
            name = sources.at[job.row, "file"]
            if name:
                check_name(name, suffix)
                _save(raw_dir / name, page.body)
            else:
                name = file_name(job.url, suffix, listed, today, sha)
                if not _same_file(raw_dir / name, sha):  # an interrupted run's file is adopted
                    name = file_name(job.url, suffix, taken, today, sha)
                    _save(raw_dir / name, page.body)
            sources = sources.copy()
            _record(sources, job.row, name, sha, page, today)
            moved = f", redirected to {page.final_url}" if page.final_url != job.url else ""
            entry = _entry(job.url, "saved", f"saved as {name} (HTTP {page.status}, "
                           f"{page.content_type or 'no content type'}, {len(page.body):,} bytes"
                           f"{moved})")
            say(f"fetch: saved     {job.url} -> {name}")
            return entry, sources
        versions = {sources.at[i, "file"]: (raw_dir / sources.at[i, "file"]).read_bytes()
                    for i in job.versions}
        same = [n for n, raw in versions.items() if hashlib.sha256(raw).hexdigest() == sha]
        if same:
            say(f"fetch: unchanged {job.url} (= {same[0]})")
            return _entry(job.url, "unchanged", f"same bytes as {same[0]}"), None
        latest = max(job.versions, key=lambda i: (_cell(sources, i, "retrieved") or "",
                                                  sources.at[i, "file"]))
        old_name = sources.at[latest, "file"]
        name = file_name(job.url, suffix, taken, today, sha)
        change = describe_change(versions[old_name], page.body, suffix, old_name, name)
        if change is None:
            say(f"fetch: unchanged {job.url} (text as in {old_name}; only page furniture differs)")
            return _entry(job.url, "unchanged", (
                f"bytes differ from {old_name} but the text is the same (page furniture such as "
                "a view counter changed): not saved")), None
        summary, diff = change
        _save(raw_dir / name, page.body)
        # The new version keeps the old row's address, provenance and overrides.
        new_row = {c: sources.at[latest, c] for c in sources.columns}
        new_row.update(file=None, sha256=None, **dict.fromkeys(FETCH_COLUMNS))
        sources = pd.DataFrame([*sources.to_dict("records"), new_row],
                               columns=[*sources.columns, *(c for c in FETCH_COLUMNS
                                                           if c not in sources.columns)])
        _record(sources, len(sources) - 1, name, sha, page, today)
        since = _cell(sources, latest, "retrieved")
        reason = (f"page changed since {old_name}" + (f" (retrieved {since})" if since else "")
                  + f": saved as {name} in a new row, {old_name} kept; {summary}")
        say(f"fetch: changed   {job.url}: {reason}")
        for line in diff[:60]:
            say(f"    {line}")
        if len(diff) > 60:
            say(f"    ... {len(diff) - 60} more diff lines")
        return _entry(job.url, "changed", reason), sources
    except FetchError as exc:
        say(f"fetch: failed    {job.url}: {exc}")
        return _entry(job.url, "failed", str(exc)), None


def _table(path: Path) -> pd.DataFrame:
    """A CSV of the project's convention with every empty cell as None (not NaN)."""
    frame = read_csv(path)
    records = [{k: (v if isinstance(v, str) else None) for k, v in r.items()}
               for r in frame.to_dict("records")]
    return pd.DataFrame(records, columns=frame.columns, dtype=object)


def _cell(sources: pd.DataFrame, row: int, column: str) -> str | None:
    return sources.at[row, column] if column in sources.columns else None


def _same_file(path: Path, sha: str) -> bool:
    return path.is_file() and hashlib.sha256(path.read_bytes()).hexdigest() == sha


def _record(sources: pd.DataFrame, row: int, name: str, sha: str, page: Page, today: str) -> None:
    for column in FETCH_COLUMNS:
        if column not in sources.columns:
            sources[column] = None
    values = {"file": name, "sha256": sha, "retrieved": today, "http_status": str(page.status),
              "content_type": page.content_type or None, "final_url": page.final_url}
    for column, value in values.items():
        sources.at[row, column] = value


def _save(path: Path, data: bytes) -> None:
    """Write a new raw file; never replace one."""
    if path.exists():
        raise FetchError(f"{path.name} already exists in data/raw/: not overwritten")
    _write_bytes_atomic(path, data)


def _write_atomic(path: Path, frame: pd.DataFrame, raw_dir: Path) -> None:
    tmp = raw_dir / f".{path.name}.tmp"
    try:
        write_csv(frame, tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def _write_bytes_atomic(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        tmp.write_bytes(data)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    defaults = Settings()
    parser = argparse.ArgumentParser(
        prog="python -m fazhi.fetch",
        description="Download the pages listed in data/raw/sources.csv that have no raw file yet.")
    parser.add_argument("--delay", type=float, default=defaults.delay,
                        help="seconds between two requests to the same host (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=defaults.timeout,
                        help="seconds to wait to connect and for each read (default %(default)s)")
    parser.add_argument("--retries", type=int, default=defaults.retries,
                        help="further attempts after a timeout or a 429/5xx (default %(default)s)")
    parser.add_argument("--backoff", type=float, default=defaults.backoff,
                        help="urllib3 back-off factor between attempts (default %(default)s)")
    parser.add_argument("--refresh", action="store_true",
                        help="fetch addresses already saved again; save changed pages as new files")
    parser.add_argument("--contact", default=os.environ.get("FAZHI_FETCH_CONTACT"),
                        help="an e-mail or URL for site owners, added to the User-Agent "
                             "(default: $FAZHI_FETCH_CONTACT)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> None:
    args = parse_args(argv)
    settings = Settings(delay=args.delay, timeout=args.timeout, retries=args.retries,
                        backoff=args.backoff, refresh=args.refresh, contact=args.contact)
    fetch(paths.SOURCES, paths.RAW, settings)


if __name__ == "__main__":
    main()
