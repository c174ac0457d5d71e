"""One storage for item objects and table rows; answers that hold row numbers."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from timeline import Item, Span, Timeline
from timeline.calendar import seconds
from timeline.columns import ItemSequence


def objects() -> Timeline:
    return Timeline(
        [
            Item("a", Span.from_timex3("1848-02"), kind="Revolt", actor_names=("Paris",)),
            Item("b", Span.from_timex3("1848-03"), kind="revolt", actor_names=("Vienna", "Metternich")),
            Item("c", Span.from_timex3("1850"), kind="treaty"),
            Item("d", Span.unknown()),
        ]
    )


def table() -> Timeline:
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "start": ["1848-02", "1848-03", "1850", None], "kind": ["Revolt", "revolt", "treaty", None], "actors": ["Paris", "Vienna; Metternich", "", None]})
    return Timeline.from_pandas(frame)


@pytest.mark.parametrize("make", [objects, table], ids=["objects", "table"])
def test_both_storages_answer_alike(make: object) -> None:
    tl = make()  # type: ignore[operator]
    assert tl.ids == ["a", "b", "c", "d"]
    assert tl.rows.ids() == ["a", "b", "c", "d"]
    assert [item.id for item in tl.rows] == ["a", "b", "c", "d"]
    assert tl.filter(kind="REVOLT").ids == ["a", "b"]
    assert tl.filter(actor=["metternich", "nobody"]).ids == ["b"]
    assert tl.filter(kind="revolt", start="1848-03").ids == ["b"]
    assert tl.filter(lambda item: item.id != "a", kind="revolt").ids == ["b"]
    assert tl.loc["1849":"1851"].ids == ["c", "d"]
    assert tl.overlapping(("1848-03", pd.Timestamp("1848-03-31"))).ids() == ["b", "d"]
    assert tl.overlapping((dt.date(1850, 6, 1), None)).ids() == ["c", "d"]
    assert tl.within("1848").ids(certain=True) == ["a", "b"]
    assert tl.within("1848").ids() == ["a", "b", "d"]
    assert tl.between("1848-01", "1851").ids(certain=True) == ["a", "b", "c"]
    assert tl.after("b").ids(certain=True) == ["c"]
    assert "d" in tl
    assert tl.get("zz") is None


def test_a_table_row_is_built_when_asked_and_equals_the_object() -> None:
    built, given = table(), objects()
    assert built.columns.objects is None
    assert built["b"].time == Span.within(given["b"].time.earliest_start, given["b"].time.latest_end, given["b"].time.granularity)
    assert built["b"].actor_names == ("Vienna", "Metternich")
    assert built["c"].actor_names == ()
    assert built["d"].kind is None
    assert built["d"].time == Span.unknown()


def test_matches_hold_rows_and_read_them_lazily() -> None:
    tl = table()
    answer = tl.before("1849-06")
    assert len(answer) == 3
    assert isinstance(answer.certain, ItemSequence)
    assert answer.certain.rows.tolist() == [0, 1]
    assert answer.certain == [tl["a"], tl["b"]]
    assert answer.uncertain.ids() == ["d"]
    assert answer.possible[1:].ids() == ["b", "d"]
    assert answer.timeline.ids == ["a", "b", "d"]
    frame = answer.to_pandas()
    assert frame["id"].tolist() == ["a", "b", "d"]
    assert frame["certain"].tolist() == [True, True, False]
    with pytest.raises(TypeError, match="ambiguous"):
        bool(answer)


def test_constraints_tighten_table_rows() -> None:
    tl = table().constrain("d", "during", "c")
    assert tl["d"].time.earliest_start == seconds(1850)
    assert tl.original_time("d") == Span.unknown()
    assert tl.columns.objects is None
    assert tl.filter(kind="treaty").ids == ["c"]


def test_lookup_in_a_big_table() -> None:
    n = 50_000
    frame = pd.DataFrame({"id": [f"e{k}" for k in range(n)], "start": np.full(n, "2003-04")})
    tl = Timeline.from_pandas(frame)
    assert tl["e777"].id == "e777"
    assert tl.get("e50000") is None
