"""Speed and size of timeline charts: building the spec and writing offline HTML.

Run with ``make bench`` (``pytest --benchmark-only --benchmark-enable tests/bench``). Sizes
are 1e3 to 1e6 items; above ``max_marks`` (5,000) the chart draws counts per lane and period
plus single items in a window. Each HTML result carries ``html_bytes`` (the file's size: it
must stay under 10 MB at a million items) and ``marks``; each spec result ``spec_bytes``.
The 1e6 case spends about a minute making its items before timing starts.

``test_bench_save_html_dataframe`` is the chart of a table as researchers bring it: ``n`` rows
(a start day over 120 years, an end up to 400 days later, four kinds, a label) read by
``Timeline.from_pandas`` (not timed), then its aggregated page written (timed); the goal at
1e6 rows is <= 10 s (issue 12).
"""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest

from timeline import Timeline, calendar
from timeline.chart import timeline_chart
from timeline.chart.data import prepare
from timeline.io.html import javascript_bundle, save_html
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

SIZES = [1_000, 10_000, 100_000, 1_000_000]
KINDS = ("Visit", "Agreement", "Aid", "Deployment", "Election", "Protest", "Attack", "Statement")
STATUSES = ("occurred", "occurred", "occurred", "planned", "failed", "ongoing")


@functools.cache
def items(n: int, seed: int = 1) -> list[Item]:
    """``n`` items from 1950 to 2020, stated to the day, month or year, eight kinds, 30 actors."""
    rng = np.random.default_rng(seed)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), n).tolist()
    grains = rng.integers(0, 3, n).tolist()
    out = []
    for i, (day, grain) in enumerate(zip(days, grains, strict=True)):
        y, m, _ = calendar.civil_from_days(day)
        if grain == 0:
            lo, hi, g = day * 86_400, (day + 1) * 86_400, Granularity.DAY
        elif grain == 1:
            (lo, hi), g = calendar.month_range(y, m), Granularity.MONTH
        else:
            (lo, hi), g = calendar.year_range(y), Granularity.YEAR
        out.append(Item(f"e{i}", Span(lo, hi, lo, hi, g), f"event {i}", KINDS[i % 8], STATUSES[i % 6], f"doc{i % 100}",
                        (f"actor{i % 30}",), (), (Evidence(f"doc{i % 100}", 0, 4, "then", f"Sentence number {i}."),)))
    return out


def _rounds(n: int) -> dict[str, int]:
    return {"rounds": 5 if n <= 10_000 else 1, "iterations": 1, "warmup_rounds": 0}


@pytest.mark.parametrize("n", SIZES)
def test_bench_chart_spec(benchmark: Any, n: int) -> None:
    data = items(n)
    spec = benchmark.pedantic(lambda: timeline_chart(data).to_dict(), **_rounds(n))
    size = len(json.dumps(spec))
    benchmark.extra_info["spec_bytes"] = size
    assert size < 10_000_000


@pytest.mark.parametrize("n", SIZES)
def test_bench_save_html(benchmark: Any, n: int, tmp_path: Path) -> None:
    data = items(n)
    javascript_bundle()  # built once a process; not part of the timing
    path = tmp_path / "t.html"
    benchmark.pedantic(lambda: save_html(data, path), **_rounds(n))
    size = path.stat().st_size
    benchmark.extra_info["html_bytes"] = size
    benchmark.extra_info["marks"] = prepare(data).n_marks if n <= 100_000 else None
    assert size < 10_000_000


@functools.cache
def table(n: int, seed: int = 1) -> Timeline:
    """A timeline of ``n`` table rows (see the module docstring), read from a DataFrame."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("1900-01-01", "s") + (rng.integers(0, 120 * 365, n) * 86_400).astype("timedelta64[s]")
    end = start + (rng.integers(0, 401, n) * 86_400).astype("timedelta64[s]")
    kinds = np.array(["protest", "attack", "talks", "visit"])[rng.integers(0, 4, n)]
    frame = pd.DataFrame({"id": [f"e{k}" for k in range(n)], "start": start, "end": end, "kind": kinds,
                          "label": [f"event {k}" for k in range(n)]})
    return Timeline.from_pandas(frame)


@pytest.mark.parametrize("n", SIZES)
def test_bench_save_html_dataframe(benchmark: Any, n: int, tmp_path: Path) -> None:
    timeline = table(n)
    javascript_bundle()
    path = tmp_path / "t.html"
    benchmark.pedantic(lambda: save_html(timeline, path), **_rounds(n))
    size = path.stat().st_size
    benchmark.extra_info["html_bytes"] = size
    assert size < 10_000_000
