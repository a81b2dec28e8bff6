"""Per-report work on every core, in a deterministic order, with a progress line.

`map_reports(func, items)` is `map` over a process pool (results in input order, so outputs do not
depend on scheduling). Small batches run in-process: starting workers costs more than they save,
and the tests stay single-process. `func` must be a module-level function (it is pickled).
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor

MIN_PARALLEL = 200  # below this many items, a pool costs more than it saves
PROGRESS_EVERY = 1000


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
