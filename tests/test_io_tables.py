"""Timelines as tables: to_pandas, from_pandas/records, CSV and Parquet both ways."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Evidence, Granularity, InvalidItemError, Item, Span, Timeline
from timeline.calendar import seconds
from timeline.io.tables import BOUNDS


def seed() -> Timeline:
    return Timeline(
        [
            Item("putin", Span.from_timex3("2003-04"), "Putin visits", kind="visit", status="planned", doc="rferl",
                 actor_names=("RUS", "TJK"), place_names=("Dushanbe",), evidence=(Evidence("rferl", 405, 415, "next month"),),
                 attributes={"source": "RFE/RL", "n": 1}),
            Item("sign", Span.unknown(), "base agreement signed", kind="agree"),
            Item("athens", Span.from_edtf("-0489"), "Marathon"),
            Item("far", Span(None, seconds(20000), seconds(30000), None), "far future"),
        ],
        name="seed",
        dct=Span.from_timex3("2003-03-18"),
    ).constrain("sign", "during", "putin")


def test_to_pandas_columns() -> None:
    frame = seed().to_pandas()
    assert list(frame["id"]) == ["athens", "putin", "sign", "far"]
    for bound in BOUNDS:
        assert frame[bound].dtype == "datetime64[s]"
    assert frame.loc[0, "earliest_start"] == pd.Timestamp(np.datetime64("-0489-01-01T00:00:00", "s"))
    assert pd.isna(frame.loc[3, "earliest_start"])
    assert frame.loc[3, "latest_start"].year == 20000
    assert list(frame["edtf"])[:3] == ["-0489", "2003-04", "2003-04"]
    assert frame.loc[1, "actor_names"] == ["RUS", "TJK"]
    assert frame.loc[1, "granularity"] == "month"
    assert frame.attrs["timeline"]["constraints"][0]["relation"] == "during"


def test_pandas_csv_and_parquet_round_trips(tmp_path: Path) -> None:
    tl = seed()
    assert Timeline.from_pandas(tl.to_pandas()) == tl
    tl.to_parquet(tmp_path / "t.parquet")
    assert Timeline.from_parquet(tmp_path / "t.parquet") == tl
    tl.to_csv(tmp_path / "t.csv")
    text = (tmp_path / "t.csv").read_text(encoding="utf-8")
    assert "-0489-01-01" in text
    assert "+20000-01-01" in text
    back = Timeline.from_csv(tmp_path / "t.csv")
    assert list(back) == list(tl)  # CSV carries the items; constraints live in JSON and Parquet
    assert back.constraints == ()


@st.composite
def spans(draw: st.DrawFn) -> Span:
    a, b, c, d = sorted(draw(st.lists(st.integers(-(10**13), 10**13), min_size=4, max_size=4)))
    values: list[int | None] = [a, b, c, d] if draw(st.booleans()) else [a, c, b, d]
    for k in range(4):
        if draw(st.integers(0, 4)) == 0:
            values[k] = None
    return Span(*values, granularity=draw(st.sampled_from(Granularity)), timex=draw(st.one_of(st.none(), st.just("2003"))))


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(spans(), st.text(min_size=1, max_size=6).filter(lambda s: s.strip() == s), st.lists(st.sampled_from(["RUS", "a;b", "Kyrgyz Republic"]), max_size=2)), max_size=6))
def test_table_round_trips_keep_every_bound(rows: list[tuple[Span, str, list[str]]]) -> None:
    tl = Timeline([Item(f"i{k}", span, label, kind="k", actor_names=names) for k, (span, label, names) in enumerate(rows)])
    assert Timeline.from_pandas(tl.to_pandas()) == tl
    with tempfile.TemporaryDirectory() as folder:
        tl.to_csv(Path(folder) / "t.csv")
        assert list(Timeline.from_csv(Path(folder) / "t.csv")) == list(tl)
        tl.to_parquet(Path(folder) / "t.parquet")
        assert Timeline.from_parquet(Path(folder) / "t.parquet") == tl


def test_a_researchers_rows() -> None:
    rows = [
        {"id": "a", "start": "2003-03-18", "end": "2003-04", "label": "talks", "actors": "RUS; TJK", "kind": "meet", "note": "x"},
        {"id": "b", "start": dt.datetime(2001, 1, 1, 10, 30), "label": "exact"},
        {"id": "c", "start": dt.date(1999, 4, 16), "label": "a day"},
    ]
    tl = Timeline.from_records(rows, name="mine")
    a = tl["a"]
    assert (a.time.earliest_start, a.time.latest_start) == (seconds(2003, 3, 18), seconds(2003, 3, 19))
    assert (a.time.earliest_end, a.time.latest_end) == (seconds(2003, 4), seconds(2003, 5))
    assert a.actor_names == ("RUS", "TJK")
    assert a.attributes == {"note": "x"}
    assert a.kind == "meet"
    assert tl["b"].time == Span.instant(seconds(2001, 1, 1, 10, 30))
    c = tl["c"].time
    assert (c.earliest_start, c.latest_end, c.granularity) == (seconds(1999, 4, 16), seconds(1999, 4, 17), Granularity.DAY)
    assert tl.ids == ["c", "b", "a"]
    assert tl.name == "mine"


def test_from_pandas_with_named_columns() -> None:
    frame = pd.DataFrame(
        {
            "event": ["x", "y", "z"],
            "when": ["2003-04", "1999~", "2003-03-18/2003-04"],
            "from": pd.to_datetime(["2003-01-01", "2003-02-01", "2003-03-01"]),
            "to": pd.to_datetime(["2003-01-02", "2003-02-03", "2003-03-05"]),
        }
    )
    by_edtf = Timeline.from_pandas(frame, id="event", edtf="when")
    assert by_edtf["x"].time.earliest_start == seconds(2003, 4)
    assert by_edtf["y"].time.edtf == "1999~" or by_edtf["y"].time.mod is not None
    by_range = Timeline.from_pandas(frame, id="event", start="from", end="to")
    assert by_range["y"].time == Span(seconds(2003, 2), seconds(2003, 2), seconds(2003, 2, 3), seconds(2003, 2, 3), Granularity.SECOND)
    by_timex = Timeline.from_pandas(pd.DataFrame({"id": ["w"], "t": ["2003-W11"]}), timex="t")
    assert by_timex["w"].time == Span.from_timex3("2003-W11")


def test_bad_rows_are_named() -> None:
    with pytest.raises(InvalidItemError, match=r"row 1 \(id 'b'\): its 'start' is missing"):
        Timeline.from_records([{"id": "a", "start": "2003"}, {"id": "b", "start": float("nan")}])
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'a'\): it ends .* before it starts"):
        Timeline.from_records([{"id": "a", "start": "2003-04", "end": "2003-03"}])
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'a'\): its 'end' is missing"):
        Timeline.from_pandas(pd.DataFrame({"id": ["a"], "start": ["2003"], "end": [None]}), start="start", end="end")
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'n'\)"):
        Timeline.from_records([{"id": "n", "start": 1.5}])
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'x'\)"):
        Timeline.from_records([{"id": "x", "edtf": "2003-13"}], edtf="edtf")
    with pytest.raises(InvalidItemError, match=r"'a' appears twice"):
        Timeline.from_records([{"id": "a", "start": "2003"}, {"id": "a", "start": "2004"}])
