"""Timelines as tables: to_pandas, from_pandas/records, CSV and Parquet both ways."""

from __future__ import annotations

import datetime as dt
import tempfile
import warnings
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
    assert tl["b"].time == Span.within(seconds(2001, 1, 1, 10, 30), seconds(2001, 1, 1, 10, 30, 1), Granularity.SECOND)  # as "2001-01-01T10:30:00"
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
    # datetime64 dates (all midnights) are whole days, as the same dates written as text
    assert by_range["y"].time == Span(seconds(2003, 2), seconds(2003, 2, 2), seconds(2003, 2, 3), seconds(2003, 2, 4), Granularity.DAY)
    by_timex = Timeline.from_pandas(pd.DataFrame({"id": ["w"], "t": ["2003-W11"]}), timex="t")
    assert by_timex["w"].time == Span.from_timex3("2003-W11")


def test_bad_rows_are_named() -> None:
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'a'\): column 'end': it ends \('2003-03'\) before it starts \('2003-04' in 'start'\)"):
        Timeline.from_records([{"id": "a", "start": "2003-04", "end": "2003-03"}])
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'n'\): column 'start': 1.5 is not a date"):
        Timeline.from_records([{"id": "n", "start": 1.5}])
    with pytest.raises(InvalidItemError, match=r"row 1 \(id 'y'\): column 'when': 'someday' is not a date"):
        Timeline.from_records([{"id": "x", "when": "2003"}, {"id": "y", "when": "someday"}], start="when")
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'x'\): column 'edtf': '2003-13'"):
        Timeline.from_records([{"id": "x", "edtf": "2003-13"}], edtf="edtf")
    with pytest.raises(InvalidItemError, match=r"row 1: column 'id': id 'a' appears twice \(rows 0 and 1\)"):
        Timeline.from_records([{"id": "a", "start": "2003"}, {"id": "a", "start": "2004"}])
    with pytest.raises(InvalidItemError, match=r"column 'when' is missing: the table has 'id', 'start'"):
        Timeline.from_records([{"id": "a", "start": "2003"}], start="when")
    with pytest.raises(InvalidItemError, match=r"no time column"):
        Timeline.from_records([{"id": "a", "date": "2003"}])
    with pytest.raises(ValueError, match=r"errors must be one of"):
        Timeline.from_records([{"id": "a", "start": "2003"}], errors="ignore")


def test_empty_cells_are_undated_never_1970() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c", "d"],
            "start": pd.to_datetime(["2003-03-18", None, "2003-03-20", None]),
            "end": ["2003-04", "2003-05", None, None],
        }
    )
    tl = Timeline.from_pandas(frame)
    assert tl["a"].time == Span(seconds(2003, 3, 18), seconds(2003, 3, 19), seconds(2003, 4), seconds(2003, 5), Granularity.MONTH)
    assert tl["b"].time == Span(None, seconds(2003, 6), seconds(2003, 5), seconds(2003, 6), Granularity.MONTH)  # began before its end
    assert tl["c"].time == Span.within(seconds(2003, 3, 20), seconds(2003, 3, 21), Granularity.DAY)  # no end: within its start
    assert tl["d"].time == Span.unknown()
    assert tl.between("1969", "1971").ids() == ["d"]  # open, so possibly then; nothing is dated 1970
    nan = Timeline.from_records([{"id": "x", "start": float("nan")}, {"id": "y", "start": None}, {"id": "z", "start": ""}])
    assert [item.time for item in nan.rows] == [Span.unknown()] * 3


def test_errors_skip_and_coerce() -> None:
    rows = [
        {"id": "ok", "start": "2003-03-18", "end": "2003-04"},
        {"id": "bad", "start": "sometime", "end": "2003-04"},
        {"id": "reversed", "start": "2003-05", "end": "2003-04"},
        {"id": "ok", "start": "1999"},
    ]
    skipped = Timeline.from_records(rows, errors="skip")
    assert skipped.rows.ids() == ["ok"]
    coerced = Timeline.from_records(rows[:3], errors="coerce")
    assert coerced.rows.ids() == ["ok", "bad", "reversed"]
    assert coerced["bad"].time == Span(None, seconds(2003, 5), seconds(2003, 4), seconds(2003, 5), Granularity.MONTH)  # the end stays
    assert coerced["reversed"].time == Span.unknown()
    with pytest.raises(InvalidItemError, match="appears twice"):
        Timeline.from_records(rows, errors="coerce")


def test_strings_and_datetime64_give_the_same_span() -> None:
    text = Timeline.from_pandas(pd.DataFrame({"id": ["a", "b"], "start": ["2003-03-18", "2003-03-18T10:30:00"]}))
    typed = Timeline.from_pandas(pd.DataFrame({"id": ["a"], "start": pd.to_datetime(["2003-03-18"])}))
    clock = Timeline.from_pandas(pd.DataFrame({"id": ["b"], "start": pd.to_datetime(["2003-03-18T10:30:00"])}))
    arrow = Timeline.from_pandas(pd.DataFrame({"id": ["a"], "start": [dt.date(2003, 3, 18)]}))
    assert text["a"].time == typed["a"].time == arrow["a"].time == Span.from_iso("2003-03-18")
    assert text["b"].time == clock["b"].time == Span.from_iso("2003-03-18T10:30:00")


def test_iso_text_is_read_like_span_from_iso() -> None:
    values = ["2003", "2003-02", "2003-02-28", "2004-02-29T23:59:59", "2003-03-18T10", "2003-03-18T10:30", "-0489", "+12000-01-01", " 1999-12-31 ", "0001-01-01"]
    tl = Timeline.from_pandas(pd.DataFrame({"id": [str(k) for k in range(len(values))], "start": values}))
    for k, value in enumerate(values):
        expected = Span.from_iso(value.strip())
        assert tl[str(k)].time == Span.within(expected.earliest_start, expected.latest_end, expected.granularity), value
    odd = Timeline.from_pandas(pd.DataFrame({"id": ["w", "q"], "start": ["2003-W11", "2003-Q2"]}))  # TIMEX3 values
    assert (odd["w"].time.earliest_start, odd["w"].time.latest_end) == (seconds(2003, 3, 10), seconds(2003, 3, 17))
    assert (odd["q"].time.earliest_start, odd["q"].time.latest_end) == (seconds(2003, 4), seconds(2003, 7))


def test_date_phrases_as_text(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_text("id,when\nrev,c. 1790\nbaroque,1620s\nold,before 900 BC\nwar,between 1618 and 1648\n", encoding="utf-8")
    tl = Timeline.from_csv(path, start="when", dates="text")
    assert tl["rev"].time.earliest_start < seconds(1790) < seconds(1791) < tl["rev"].time.latest_end  # "c." widens the year
    assert (tl["baroque"].time.earliest_start, tl["baroque"].time.latest_end) == (seconds(1620), seconds(1630))
    assert tl["old"].time.earliest_start is None
    assert tl["old"].time.latest_end == seconds(-899)  # before 900 BC (year -899) began
    assert (tl["war"].time.earliest_start, tl["war"].time.latest_end) == (seconds(1618), seconds(1649))
    with pytest.raises(InvalidItemError, match=r"row 0 \(id 'x'\): column 'when': 'no date here'"):
        Timeline.from_records([{"id": "x", "when": "no date here"}], start="when", dates="text")


def test_a_table_becomes_columns_not_objects() -> None:
    frame = pd.DataFrame({"id": ["a", "b"], "start": ["2003-03", "2003-04"], "kind": ["visit", "talks"], "actors": ["RUS; TJK", ""], "n": [1, None]})
    tl = Timeline.from_pandas(frame)
    assert tl.columns.objects is None
    assert tl.columns.index.es.tolist() == [seconds(2003, 3), seconds(2003, 4)]
    a = tl["a"]
    assert (a.kind, a.actor_names, a.attributes) == ("visit", ("RUS", "TJK"), {"n": 1.0})
    assert tl["b"].actor_names == ()
    assert tl["b"].attributes == {}
    assert tl.filter(actor="tjk").ids == ["a"]
    assert tl.filter(kind=["TALKS"]).ids == ["b"]


def test_a_partitioned_parquet_dataset(tmp_path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rng = np.random.default_rng(3)
    n = 500
    start = rng.integers(0, 120 * 365, n).astype("datetime64[D]").astype("datetime64[s]") + np.datetime64("1900-01-01", "s").astype(np.int64)
    frame = pd.DataFrame({"id": [f"e{k}" for k in range(n)], "start": start, "end": start + rng.integers(0, 400, n).astype("timedelta64[D]"), "kind": rng.choice(["a", "b"], n), "year": start.astype("datetime64[Y]").astype(int) // 40})
    pq.write_to_dataset(pa.Table.from_pandas(frame, preserve_index=False), tmp_path / "pyarrow", partition_cols=["year"])
    from_folder = Timeline.from_parquet(tmp_path / "pyarrow")
    direct = Timeline.from_pandas(frame)
    assert sorted(from_folder.ids) == sorted(direct.ids)
    assert sorted((i.id, i.time, i.kind) for i in from_folder) == sorted((i.id, i.time, i.kind) for i in direct)
    dd = pytest.importorskip("dask.dataframe")
    with warnings.catch_warnings():  # dask's own use of a pandas keyword pandas 3.1 deprecates
        warnings.filterwarnings("ignore", message="The inplace keyword")
        dd.from_pandas(frame, npartitions=4).to_parquet(tmp_path / "dask")
    by_dask = Timeline.from_parquet(tmp_path / "dask")
    assert sorted((i.id, i.time, i.kind, i.attributes["year"]) for i in by_dask) == sorted((i.id, i.time, i.kind, i.attributes["year"]) for i in direct)
