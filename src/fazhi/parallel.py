"""Per-report work on every core, in a deterministic order, with a progress line.

`map_reports(func, items)` is `map` over a process pool (results in input order, so outputs do not
depend on scheduling). Small batches run in-process: starting workers costs more than they save,
and the tests stay single-process. `func` must be a module-level function (it is pickled).

`stream_reports(func, items)` is the same map, lazily: it takes items from an iterable only as
workers free up and yields each result in input order as soon as it is ready, holding at most
`batch` items (and their results) at once, so a stage's memory depends on the batch and the number
of workers, not on the corpus. `batches(items, n)` cuts an iterable into lists of n.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

MIN_PARALLEL = 200  # below this many items, a pool costs more than it saves
PROGRESS_EVERY = 1000
BATCH = 500  # items (reports) in flight at once by default: params.yaml `parallel.batch`


def workers(setting: int | None = None) -> int:
    """Worker processes: the setting (params.yaml `parallel.workers`), 0 or None = all cores."""
    return setting if setting else (os.cpu_count() or 1)


def progress_line(stage: str, every: int = PROGRESS_EVERY) -> Callable[[int, int], None]:
    """A callback printing 'stage: done/total reports, rate' to stderr now and then."""
    started = time.perf_counter()

    def report(done: int, total: int) -> None:
        if done % every == 0 or done == total:
            rate = done / max(time.perf_counter() - started, 1e-9)
            print(f"{stage}: {done}/{total} reports, {rate:,.0f} reports/s", file=sys.stderr)

    return report


def map_reports(func: Callable, items: Iterable, n_workers: int | None = None,
                progress: Callable[[int, int], None] | None = None) -> list:
    """[func(item) for item in items], on `n_workers` processes when there are enough items."""
    items = list(items)
    n = workers(n_workers)
    results = []
    if n == 1 or len(items) < MIN_PARALLEL:
        iterator = map(func, items)
        pool = None
    else:
        chunksize = max(1, min(64, len(items) // (n * 8)))
        pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"))
        iterator = pool.map(func, items, chunksize=chunksize)
    try:
        for done, result in enumerate(iterator, start=1):
            results.append(result)
            if progress:
                progress(done, len(items))
    finally:
        if pool is not None:
            pool.shutdown()
    return results


def batches(items: Iterable, size: int) -> Iterator[list]:
    """Consecutive lists of `size` items (the last may be shorter), taken lazily."""
    assert size >= 1, f"batch size must be at least 1, not {size}"
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _apply(func: Callable, chunk: list) -> list:
    return [func(item) for item in chunk]


def start_pool(n_workers: int | None = None) -> ProcessPoolExecutor | None:
    """A pool of `n_workers` processes forked now (None for one worker): a stage that forks before
    it loads its inputs keeps them out of its workers' resident memory."""
    n = workers(n_workers)
    if n == 1:
        return None
    pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"))
    pool.submit(int).result()  # fork-context pools start every worker at the first task
    return pool


def stream_reports(func: Callable, items: Iterable, n_workers: int | None = None,
                   progress: Callable[[int, int], None] | None = None, total: int | None = None,
                   batch: int = BATCH, pool: ProcessPoolExecutor | None = None) -> Iterator:
    """func(item) for item in items, lazily and in input order, on `n_workers` processes.

    At most `batch` items are taken from `items` and not yet yielded at any time (so a generator
    that reads each report from disk is read only as workers need it). `total` (the number of
    items, if known) decides whether a pool is worth starting and feeds the progress line.
    `pool` (from `start_pool`) is used instead of a new one, and left running.
    """
    n = workers(n_workers)
    if total is None and isinstance(items, (list, tuple)):
        total = len(items)
    if n == 1 or (total is not None and total < MIN_PARALLEL):
        for done, result in enumerate(map(func, items), start=1):
            if progress:
                progress(done, total or done)
            yield result
        return
    # Chunks small enough to keep both cores busy to the end, at least 8 chunks per worker in
    # flight, never more than `batch` items in flight.
    chunk = max(1, min(16, batch // (n * 8)))
    window = max(1, batch // chunk)
    own = pool is None
    if own:
        pool = ProcessPoolExecutor(n, mp_context=multiprocessing.get_context("fork"))
    pending: deque = deque()
    done = 0
    try:
        for part in batches(items, chunk):
            pending.append(pool.submit(_apply, func, part))
            while len(pending) >= window:
                for result in pending.popleft().result():
                    done += 1
                    if progress:
                        progress(done, total or done)
                    yield result
        while pending:
            for result in pending.popleft().result():
                done += 1
                if progress:
                    progress(done, total or done)
                yield result
    finally:
        for future in pending:
            future.cancel()
        if own:
            pool.shutdown()
