"""A Timeline's marks read from its columns are the marks read item by item."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from timeline import Timeline
from timeline.chart.data import prepare
from timeline.chart.marks import read
from timeline.chart.rows import NONE_LANE


def frame(n: int = 400, seed: int = 3) -> pd.DataFrame:
    """Rows with closed, open-start, open-end and undated times, lists of actors and places."""
    rng = np.random.default_rng(seed)
    start = np.datetime64("1900-01-01", "s") + (rng.integers(0, 120 * 365, n) * 86_400).astype("timedelta64[s]")
    end = start + (rng.integers(1, 800, n) * 86_400).astype("timedelta64[s]")
    es, ls, ee, le = start.copy(), start.copy(), end.copy(), end.copy()
    nat = np.datetime64("NaT")
    es[::7], ee[::5], le[::5] = nat, nat, nat  # open starts, open ends
    for bound in (es, ls, ee, le):
        bound[::23] = nat  # undated
    actors = [["Russia", "Tajikistan"][: k % 3] + (["Russia"] if k % 11 == 0 else []) for k in range(n)]
    return pd.DataFrame({
        "id": [f"e{k}" for k in range(n)], "earliest_start": es, "latest_start": ls, "earliest_end": ee, "latest_end": le,
        "kind": [["Visit", "Aid", "", "Protest"][k % 4] for k in range(n)],
        "status": [["occurred", "planned"][k % 2] for k in range(n)],
        "actors": actors, "places": [["Dushanbe"] if k % 3 else [] for k in range(n)],
        "label": [f"event {k}" for k in range(n)],
    })


@pytest.mark.parametrize("lanes", ["kind", "status", "doc", "place", "actor", "country"])
def test_columns_and_items_give_the_same_marks(lanes: str) -> None:
    timeline = Timeline.from_pandas(frame())
    columnar, by_item = read(timeline, lanes), read(list(timeline), lanes)
    for name in ("lo", "hi", "mid", "open_start", "open_end", "rows", "undated"):
        assert np.array_equal(getattr(columnar, name), getattr(by_item, name)), name
    assert columnar.open_start.any()
    assert columnar.open_end.any()
    assert len(columnar.undated) > 0

    def marks(m: object) -> list[tuple[int, str]]:
        return sorted((int(i), m.lane_names[c]) for i, c in zip(m.mark_item, m.lane_codes, strict=True))  # type: ignore[attr-defined]

    assert marks(columnar) == marks(by_item)
    assert (NONE_LANE in columnar.lane_names) == (lanes != "status")  # empty kinds, no doc, no place, no actor


@pytest.mark.parametrize("max_marks", [2000, 50])
def test_a_chart_of_a_timeline_is_the_chart_of_its_items(max_marks: int) -> None:
    timeline = Timeline.from_pandas(frame())
    a, b = prepare(timeline, max_marks=max_marks), prepare(list(timeline), max_marks=max_marks)
    assert a.aggregated == (max_marks == 50)
    for name in ("rows", "table", "aggregates", "levels", "lanes", "lane_first_row", "n_rows", "colors", "domain", "data_span", "n_items", "n_undated"):
        assert getattr(a, name) == getattr(b, name), name
