"""map_reports: the process pool gives exactly the serial results, in input order."""

from __future__ import annotations

import os
import time

import pytest

from fazhi import parallel, paths
from fazhi.quantities import find_quantities

N_ITEMS = parallel.MIN_PARALLEL + 50  # enough to take the pool path


def quantities_of(text: str) -> list[tuple]:
    """Per-item work as a stage does it (module level, so it pickles): every quantity of a text."""
    return [(q.surface, str(q.value), q.unit, q.qualifier, q.start, q.end) for q in find_quantities(text)]


def tagged(item: int) -> tuple[int, int]:
    """The item and the process that handled it; later items finish first (shorter sleeps), so
    results gathered by completion time would come back out of order."""
    time.sleep(0.002 * ((N_ITEMS - item) % 7))
    return item, os.getpid()


@pytest.fixture(scope="module")
def texts() -> list[str]:
    """250 paragraphs of the seed reports, each a different slice."""
    paragraphs = [line for p in sorted(paths.TEXTS.glob("*.txt"))
                  for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [paragraphs[i % len(paragraphs)] + f"共{i}件" for i in range(N_ITEMS)]


def test_pool_gives_the_serial_results(texts):
    """n_workers=2 on more than MIN_PARALLEL items equals n_workers=1, item for item."""
    assert len(texts) > parallel.MIN_PARALLEL
    serial = parallel.map_reports(quantities_of, texts, n_workers=1)
    pooled = parallel.map_reports(quantities_of, texts, n_workers=2)
    assert len(pooled) == len(serial) == N_ITEMS
    for i, (got, want) in enumerate(zip(pooled, serial)):
        assert got == want, f"item {i}: pool {got[:3]}... != serial {want[:3]}..."
    assert sum(map(len, serial)) > N_ITEMS  # real work: every item has quantities


def test_pool_returns_results_in_input_order():
    """Results come back in the order of the items, computed in worker processes."""
    items = list(range(N_ITEMS))
    results = parallel.map_reports(tagged, items, n_workers=2)
    assert [item for item, _ in results] == items
    assert os.getpid() not in {pid for _, pid in results}  # the pool path, not in-process


def test_small_batches_stay_in_process():
    """Below MIN_PARALLEL items nothing is forked (the tests and small corpora stay serial)."""
    results = parallel.map_reports(tagged, range(parallel.MIN_PARALLEL - 1), n_workers=2)
    assert {pid for _, pid in results} == {os.getpid()}


def test_progress_counts_every_item_in_order():
    """The progress callback sees 1..n of n, on the pool path too."""
    seen = []
    parallel.map_reports(tagged, range(N_ITEMS), n_workers=2,
                         progress=lambda done, total: seen.append((done, total)))
    assert seen == [(i, N_ITEMS) for i in range(1, N_ITEMS + 1)]


def test_stream_gives_the_map_results_in_order():
    """stream_reports on the pool path yields exactly map_reports' results, in input order."""
    items = list(range(N_ITEMS))
    streamed = list(parallel.stream_reports(tagged, iter(items), n_workers=2, total=N_ITEMS,
                                            batch=40))
    assert [item for item, _ in streamed] == items
    assert os.getpid() not in {pid for _, pid in streamed}


def test_stream_takes_at_most_a_batch_ahead():
    """Items are drawn from the iterable only while fewer than `batch` wait to be yielded."""
    taken = []

    def items():
        for i in range(N_ITEMS):
            taken.append(i)
            yield i

    batch = 40
    ahead = []
    for done, _ in enumerate(parallel.stream_reports(tagged, items(), n_workers=2,
                                                     total=N_ITEMS, batch=batch), start=1):
        ahead.append(len(taken) - done)
    assert max(ahead) < batch
    assert len(taken) == N_ITEMS


def test_batches_cut_an_iterable_into_lists():
    """batches(range(7), 3) is [0, 1, 2], [3, 4, 5], [6]."""
    assert list(parallel.batches(iter(range(7)), 3)) == [[0, 1, 2], [3, 4, 5], [6]]
