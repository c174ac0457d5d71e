"""Timeline at scale: build and sort, overlap queries (vs intervaltree and pandas), memory.

Run with ``make bench``. Sizes 1e3 .. 1e6 items with random uncertain spans (within a hundred
years, lasting up to 2 days, start and end each uncertain by up to 6 hours either way). The
overlap queries ask for one-hour windows (at 1e6 items, about 30 answers), the same windows
for every structure:

- ``index``: ``SpanIndex.overlap`` (certain and possible row numbers), and
  ``index_possible_only``: ``SpanIndex.possible`` (the possible ones, as the others answer);
- ``timeline``: ``Timeline.overlapping`` (the items, in timeline order, as ``Matches``);
- ``intervaltree`` and ``pandas``: the same possible-overlap question on the same intervals
  (``IntervalTree.overlap`` and ``IntervalIndex.overlaps``).

``extra_info`` carries ``bytes_per_item``: what the timeline holds beyond the items.
"""

from __future__ import annotations

import gc
import itertools
import tracemalloc
from collections.abc import Iterator
from typing import Any

import numpy as np
import pandas as pd
import pytest
from intervaltree import IntervalTree

from timeline import Item, Span, Timeline
from timeline.index import SpanIndex

SIZES = [1_000, 10_000, 100_000, 1_000_000]
DAY = 86_400
YEARS = 100
_ITEMS: dict[int, list[Item]] = {}
_TIMELINES: dict[int, Timeline] = {}


def bounds(n: int, seed: int = 1) -> tuple[np.ndarray[Any, Any], ...]:
    rng = np.random.default_rng(seed)
    start = rng.integers(0, YEARS * 365 * DAY, n)
    end = start + rng.integers(0, 2 * DAY, n)
    es = start - rng.integers(0, DAY // 4, n)
    ls = start + rng.integers(0, DAY // 4, n)
    ee = end - rng.integers(0, DAY // 4, n)
    le = end + rng.integers(0, DAY // 4, n)
    return es, np.minimum(ls, le), np.maximum(ee, es), le


def items(n: int) -> list[Item]:
    if n not in _ITEMS:
        es, ls, ee, le = (a.tolist() for a in bounds(n))
        _ITEMS[n] = [Item(f"e{k}", Span(es[k], ls[k], ee[k], le[k])) for k in range(n)]
    return _ITEMS[n]


def timeline(n: int) -> Timeline:
    if n not in _TIMELINES:
        _TIMELINES[n] = Timeline(items(n))
    return _TIMELINES[n]


def windows(seed: int = 2) -> Iterator[tuple[int, int]]:
    rng = np.random.default_rng(seed)
    starts = rng.integers(0, YEARS * 365 * DAY, 4096).tolist()
    return itertools.cycle([(s, s + 3600) for s in starts])


@pytest.mark.parametrize("n", SIZES)
def test_build_and_sort(benchmark: Any, n: int) -> None:
    rows = items(n)
    tl = benchmark.pedantic(Timeline, args=(rows,), rounds=3 if n < 10**6 else 2, iterations=1)
    assert len(tl) == n
    benchmark.extra_info["items"] = n


@pytest.mark.parametrize("n", SIZES)
def test_memory_beyond_the_items(benchmark: Any, n: int) -> None:
    rows = items(n)
    gc.collect()
    tracemalloc.start()
    base = tracemalloc.get_traced_memory()[0]
    tl = Timeline(rows)
    tl.overlapping((0, 3600))
    held = tracemalloc.get_traced_memory()[0] - base
    tracemalloc.stop()
    benchmark.extra_info.update(items=n, bytes_per_item=round(held / n, 1), index_bytes_per_item=round(tl.index.nbytes / n, 1))
    benchmark.pedantic(len, args=(tl,), rounds=1, iterations=1)
    assert held / n <= 200


def _query_index(index: SpanIndex, it: Iterator[tuple[int, int]]) -> Any:
    return index.overlap(next(it))


@pytest.mark.parametrize("n", SIZES)
def test_overlap_index(benchmark: Any, n: int) -> None:
    index = timeline(n).index
    it = windows()
    certain, possible = benchmark(_query_index, index, it)
    hits = [len(index.overlap(w)[1]) for w in itertools.islice(windows(), 200)]
    benchmark.extra_info.update(items=n, mean_answers=float(np.mean(hits)))
    assert len(certain) <= len(possible)


@pytest.mark.parametrize("n", SIZES)
def test_overlap_index_possible_only(benchmark: Any, n: int) -> None:
    index = timeline(n).index
    it = windows()
    rows = benchmark(lambda: index.possible(*next(it)))  # the question intervaltree answers
    benchmark.extra_info["items"] = n
    assert rows.ndim == 1


@pytest.mark.parametrize("n", SIZES)
def test_overlap_timeline(benchmark: Any, n: int) -> None:
    tl = timeline(n)
    it = windows()
    result = benchmark(lambda: tl.overlapping(next(it)))
    benchmark.extra_info["items"] = n
    assert len(result.certain) <= len(result.possible)


@pytest.mark.parametrize("n", SIZES)
def test_overlap_intervaltree(benchmark: Any, n: int) -> None:
    index = timeline(n).index
    _, hi = index.extents()
    tree = IntervalTree.from_tuples(zip(index.es.tolist(), hi.tolist(), range(n), strict=True))
    it = windows()
    benchmark(lambda: tree.overlap(*next(it)))
    benchmark.extra_info["items"] = n
    for w in itertools.islice(windows(), 50):  # the same question as ours
        assert sorted(iv.data for iv in tree.overlap(*w)) == index.overlap(w)[1].tolist()


@pytest.mark.parametrize("n", SIZES)
def test_overlap_pandas(benchmark: Any, n: int) -> None:
    index = timeline(n).index
    intervals = pd.IntervalIndex.from_arrays(*index.extents(), closed="left")
    it = windows()

    def query() -> Any:
        lo, hi = next(it)
        return np.flatnonzero(intervals.overlaps(pd.Interval(lo, hi, closed="left")))

    benchmark(query)
    benchmark.extra_info["items"] = n
    for w in itertools.islice(windows(), 20):
        assert np.flatnonzero(intervals.overlaps(pd.Interval(*w, closed="left"))).tolist() == index.overlap(w)[1].tolist()
