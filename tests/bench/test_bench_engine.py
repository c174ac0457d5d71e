"""Timeline at scale: tables into columns, window queries (vs pandas and intervaltree), the
before/after/between/within questions, and memory.

Run with ``make bench``. The rows are as researchers bring them: ``n`` events with a start
date over 120 years and an end up to 400 days later, as a DataFrame with datetime64 columns
(``rows``), or the same written to Parquet. Sizes 10^4 .. 10^6 (10^7 in
``scripts/bench_engine_scale.py``, which also reports peak memory).

- ``from_pandas`` / ``from_parquet``: ``Timeline.from_pandas(frame)`` / ``from_parquet(path)``;
- ``window_*``: 30-day windows (about 5,000 answers at 10^6), the same windows for every
  structure: ``timeline`` (``Timeline.overlapping``: certain and possible rows, as
  ``Matches``), ``pandas`` (``IntervalIndex.overlaps``) and ``intervaltree``
  (``IntervalTree.overlap``), both over the possible extents (``SpanIndex.extents``);
- ``question``: ``before``/``after`` a random month, ``between``/``within`` it and the month a
  year (or 30 years) later (``len`` of the answer: its rows are not read);
- ``memory``: bytes per row the timeline holds beyond the source DataFrame (``extra_info``).
"""

from __future__ import annotations

import gc
import itertools
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pytest
from intervaltree import IntervalTree

from timeline import Item, Timeline

SIZES = [10_000, 100_000, 1_000_000]
DAY = 86_400
YEARS = 120
EPOCH = np.datetime64("1900-01-01", "s")
_FRAMES: dict[int, pd.DataFrame] = {}
_TIMELINES: dict[int, Timeline] = {}


def rows(n: int, seed: int = 1) -> pd.DataFrame:
    """n events: a start day over 120 years, an end up to 400 days later, a kind."""
    if n not in _FRAMES:
        rng = np.random.default_rng(seed)
        start = EPOCH + (rng.integers(0, YEARS * 365, n) * DAY).astype("timedelta64[s]")
        end = start + (rng.integers(0, 401, n) * DAY).astype("timedelta64[s]")
        kinds = np.array(["protest", "attack", "talks", "visit"])[rng.integers(0, 4, n)]
        _FRAMES[n] = pd.DataFrame({"id": [f"e{k}" for k in range(n)], "start": start, "end": end, "kind": kinds})
    return _FRAMES[n]


def timeline(n: int) -> Timeline:
    if n not in _TIMELINES:
        _TIMELINES[n] = Timeline.from_pandas(rows(n))
    return _TIMELINES[n]


def windows(days: int = 30, seed: int = 2) -> Iterator[tuple[int, int]]:
    rng = np.random.default_rng(seed)
    base = int(EPOCH.astype(np.int64))
    starts = (base + rng.integers(0, YEARS * 365, 4096) * DAY).tolist()
    return itertools.cycle([(s, s + days * DAY) for s in starts])


@pytest.mark.parametrize("n", SIZES)
def test_from_pandas(benchmark: Any, n: int) -> None:
    frame = rows(n)
    tl = benchmark.pedantic(Timeline.from_pandas, args=(frame,), rounds=3, iterations=1)
    benchmark.extra_info["rows"] = n
    assert len(tl) == n
    assert tl.columns.objects is None


@pytest.mark.parametrize("n", SIZES)
def test_from_parquet(benchmark: Any, n: int, tmp_path: Path) -> None:
    path = tmp_path / "rows.parquet"
    rows(n).to_parquet(path, index=False)
    tl = benchmark.pedantic(Timeline.from_parquet, args=(path,), rounds=3, iterations=1)
    benchmark.extra_info["rows"] = n
    assert len(tl) == n


@pytest.mark.parametrize("n", [1_000, 10_000, 100_000])
def test_build_from_items(benchmark: Any, n: int) -> None:
    """Items that already exist as objects (events read from text)."""
    items = [Item(i.id, i.time) for i in timeline(n).rows]
    tl = benchmark.pedantic(Timeline, args=(items,), rounds=3, iterations=1)
    benchmark.extra_info["rows"] = n
    assert len(tl) == n


@pytest.mark.parametrize("n", SIZES)
def test_memory(benchmark: Any, n: int) -> None:
    frame = rows(n)
    gc.collect()
    arrow = pa.total_allocated_bytes()  # Arrow's own allocator, which tracemalloc does not see
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tl = Timeline.from_pandas(frame)
        len(tl.overlapping(next(windows())))
        len(tl.before("1950"))
        len(tl.after("1950"))
        len(tl.within("1950", "1951"))
        held = tracemalloc.get_traced_memory()[0] - base + pa.total_allocated_bytes() - arrow
    finally:
        tracemalloc.stop()
    benchmark.extra_info.update(rows=n, bytes_per_row=round(held / n, 1), index_bytes_per_row=round(tl.index.nbytes / n, 1))
    benchmark.pedantic(len, args=(tl,), rounds=1, iterations=1)
    if n >= 100_000:  # below, a few fixed kilobytes weigh more than the rows
        assert held / n <= 100


@pytest.mark.parametrize("n", SIZES)
def test_window_timeline(benchmark: Any, n: int) -> None:
    tl = timeline(n)
    it = windows()
    result = benchmark(lambda: tl.overlapping(next(it)))
    hits = [len(tl.overlapping(w)) for w in itertools.islice(windows(), 200)]
    benchmark.extra_info.update(rows=n, mean_answers=float(np.mean(hits)))
    assert len(result.certain) <= len(result)


@pytest.mark.parametrize("n", SIZES)
def test_window_pandas(benchmark: Any, n: int) -> None:
    tl = timeline(n)
    intervals = pd.IntervalIndex.from_arrays(*tl.index.extents(), closed="left")
    it = windows()

    def query() -> Any:
        lo, hi = next(it)
        return np.flatnonzero(intervals.overlaps(pd.Interval(lo, hi, closed="left")))

    benchmark(query)
    benchmark.extra_info["rows"] = n
    for w in itertools.islice(windows(), 20):  # the same question as ours
        assert np.flatnonzero(intervals.overlaps(pd.Interval(*w, closed="left"))).tolist() == tl.index.overlap(w)[1].tolist()


@pytest.mark.parametrize("n", SIZES)
def test_window_intervaltree(benchmark: Any, n: int) -> None:
    tl = timeline(n)
    lo, hi = tl.index.extents()
    tree = IntervalTree.from_tuples(zip(lo.tolist(), hi.tolist(), range(n), strict=True))
    it = windows()
    benchmark(lambda: tree.overlap(*next(it)))
    benchmark.extra_info["rows"] = n
    for w in itertools.islice(windows(), 20):
        assert sorted(iv.data for iv in tree.overlap(*w)) == tl.index.overlap(w)[1].tolist()


QUESTIONS = {
    "before": lambda tl, a, b: tl.before(a),
    "after": lambda tl, a, b: tl.after(a),
    "between": lambda tl, a, b: tl.between(a, b),
    "within": lambda tl, a, b: tl.within(a, b),
}


def spans_of(years: int, seed: int = 3) -> Iterator[tuple[str, str]]:
    """(month, the month ``years`` later) pairs, the first over the rows' 120 years."""
    rng = np.random.default_rng(seed)
    firsts = zip(rng.integers(1900, 2020 - years, 512).tolist(), rng.integers(1, 13, 512).tolist(), strict=True)
    return itertools.cycle([(f"{y}-{m:02d}", f"{y + years}-{m:02d}") for y, m in firsts])


@pytest.mark.parametrize("n", SIZES)
@pytest.mark.parametrize("question", sorted(QUESTIONS))
@pytest.mark.parametrize("years", [1, 30], ids=["year", "30-years"])
def test_question(benchmark: Any, n: int, question: str, years: int) -> None:
    """before/after at the first month; between/within the two (a year or 30 years apart)."""
    tl = timeline(n)
    ask = QUESTIONS[question]
    first = next(spans_of(years))
    ask(tl, *first)  # sorted orders are built on first use; time what follows
    it = spans_of(years)
    benchmark(lambda: len(ask(tl, *next(it))))
    answers = [len(ask(tl, *pair)) for pair in itertools.islice(spans_of(years), 50)]
    benchmark.extra_info.update(rows=n, mean_answers=float(np.mean(answers)))
