"""TIMEX3 values: grammar round trips (hypothesis), bounds worked by hand, mods, errors, and
every value of the development corpora."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import SHARED
from timeline import Granularity, Span, TimexValueError
from timeline import calendar as cal
from timeline.timex3_values import (
    TimexDate,
    TimexDuration,
    TimexRef,
    format_timex3,
    parse_timex3,
    timex3_bounds,
)

CORPORA = SHARED / "corpora"
DAY = cal.SECONDS_PER_DAY


def secs(*args: int) -> int:
    return cal.seconds(*args)


# --- strategies -----------------------------------------------------------------------------


@st.composite
def years(draw: st.DrawFn) -> tuple[str, int | None]:
    """(TIMEX3 year text, astronomical year when it is a single known year)."""
    year = draw(st.integers(-99_998, 99_999).filter(lambda y: y != 0))
    if year < 1:
        return f"BC{1 - year:04d}", year
    return (f"{year:04d}", year)


@st.composite
def timex_dates(draw: st.DrawFn) -> str:
    year_text, year = draw(years())
    form = draw(st.sampled_from(["year", "month", "day", "time", "week", "weekday", "quarter", "half", "season", "coarse", "x"]))
    assert year is not None
    if form == "year":
        return year_text
    if form == "coarse":
        prefix = "BC" if draw(st.booleans()) else ""
        return prefix + draw(st.from_regex(r"[0-9]{1,3}", fullmatch=True))
    if form == "x":
        return draw(st.sampled_from(["XXXX", "19XX", "199X", "XXXX-XX", "XXXX-WXX-1", "XXXX-XX-XXTNI", f"{year_text}-XX", f"{year_text}-QX", f"{year_text}-WXX"]))
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year_text}-{month:02d}"
    day = draw(st.integers(1, cal.days_in_month(year, month)))
    if form == "day":
        return f"{year_text}-{month:02d}-{day:02d}"
    if form == "time":
        hh, mm, ss = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
        tail = draw(st.sampled_from([f"T{hh:02d}", f"T{hh:02d}:{mm:02d}", f"T{hh:02d}:{mm:02d}:{ss:02d}", "TMO", "TAF", "TEV", "TNI", "TDT", "TMI"]))
        return f"{year_text}-{month:02d}-{day:02d}{tail}"
    week = draw(st.integers(1, cal.iso_weeks_in_year(year)))
    if form == "week":
        return f"{year_text}-W{week:02d}"
    if form == "weekday":
        return f"{year_text}-W{week:02d}-{draw(st.sampled_from(['1', '2', '3', '4', '5', '6', '7', 'WE']))}"
    if form == "quarter":
        return f"{year_text}-Q{draw(st.integers(1, 4))}"
    if form == "half":
        return f"{year_text}-H{draw(st.integers(1, 2))}"
    return f"{year_text}-{draw(st.sampled_from(['SP', 'SU', 'FA', 'WI']))}"


amounts = st.one_of(st.integers(0, 999).map(str), st.just("X"), st.decimals(0, 99, places=1).map(str))


@st.composite
def timex_durations(draw: st.DrawFn) -> str:
    date_units = ["ML", "CE", "DE", "Y", "Q", "M", "W", "D"]
    time_units = ["H", "M", "S"]
    dpart = [u for u in date_units if draw(st.booleans())]
    tpart = [u for u in time_units if draw(st.booleans())]
    if not dpart and not tpart:
        dpart = [draw(st.sampled_from(date_units))]
    text = "P" + "".join(draw(amounts) + u for u in dpart)
    if tpart:
        text += "T" + "".join(draw(amounts) + u for u in tpart)
    return text


values = st.one_of(timex_dates(), timex_durations(), st.sampled_from(["PRESENT_REF", "PAST_REF", "FUTURE_REF"]))


# --- round trips ----------------------------------------------------------------------------


@given(values)
def test_format_parse_round_trip(value: str) -> None:
    parsed = parse_timex3(value)
    assert format_timex3(parsed) == value


@given(values)
def test_span_keeps_the_value(value: str) -> None:
    span = Span.from_timex3(value)
    assert span.timex == value
    assert span.to_timex3() == value
    assert Span.from_timex3(span.to_timex3() or "") == span


@given(timex_dates())
def test_known_dates_are_within_their_period(value: str) -> None:
    span = Span.from_timex3(value)
    if span.kind != "date" or span.earliest_start is None:
        return
    assert span.earliest_start == span.earliest_end
    assert span.latest_start == span.latest_end
    assert span.latest_end is not None
    assert span.earliest_start < span.latest_end


@given(st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)))
def test_day_bounds_agree_with_datetime(day: dt.date) -> None:
    span = Span.from_timex3(day.isoformat())
    start = (dt.datetime(day.year, day.month, day.day) - dt.datetime(1970, 1, 1)).total_seconds()
    assert span.earliest_start == int(start)
    assert span.latest_end == int(start) + DAY
    assert span.granularity is Granularity.DAY


@given(st.dates(dt.date(1, 1, 8), dt.date(9999, 12, 20)))
def test_week_bounds_agree_with_isocalendar(day: dt.date) -> None:
    y, w, d = day.isocalendar()
    week_day = Span.from_timex3(f"{y:04d}-W{w:02d}-{d}")
    same_day = Span.from_timex3(day.isoformat())
    assert (week_day.earliest_start, week_day.latest_end) == (same_day.earliest_start, same_day.latest_end)
    week = Span.from_timex3(f"{y:04d}-W{w:02d}")
    assert week.latest_end - week.earliest_start == 7 * DAY  # type: ignore[operator]
    assert week.earliest_start <= same_day.earliest_start < week.latest_end  # type: ignore[operator]


# --- bounds by hand -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "start", "end", "granularity"),
    [
        ("2003", secs(2003), secs(2004), Granularity.YEAR),
        ("2003-04", secs(2003, 4), secs(2003, 5), Granularity.MONTH),
        ("2003-03-18", secs(2003, 3, 18), secs(2003, 3, 19), Granularity.DAY),
        ("2003-W11", secs(2003, 3, 10), secs(2003, 3, 17), Granularity.WEEK),
        ("2003-W11-2", secs(2003, 3, 11), secs(2003, 3, 12), Granularity.DAY),
        ("1990-W32-WE", secs(1990, 8, 11), secs(1990, 8, 13), Granularity.DAY),
        ("2000-W7", secs(2000, 2, 14), secs(2000, 2, 21), Granularity.WEEK),
        ("2003-Q2", secs(2003, 4), secs(2003, 7), Granularity.QUARTER),
        ("2003-H2", secs(2003, 7), secs(2004), Granularity.HALF),
        ("2003-SU", secs(2003, 6), secs(2003, 9), Granularity.SEASON),
        ("2003-WI", secs(2003, 12), secs(2004, 3), Granularity.SEASON),
        ("199", secs(1990), secs(2000), Granularity.DECADE),
        ("19", secs(1900), secs(2000), Granularity.CENTURY),
        ("2", secs(2000), secs(3000), Granularity.MILLENNIUM),
        ("199X", secs(1990), secs(2000), Granularity.YEAR),
        ("19XX", secs(1900), secs(2000), Granularity.YEAR),
        ("BC0490", secs(-489), secs(-488), Granularity.YEAR),
        ("BC0001", secs(0), secs(1), Granularity.YEAR),
        ("BC048", secs(-488), secs(-478), Granularity.DECADE),
        ("BC0480-08", secs(-479, 8), secs(-479, 9), Granularity.MONTH),
        ("12000", secs(12000), secs(12001), Granularity.YEAR),
        ("1998-10-XX", secs(1998, 10), secs(1998, 11), Granularity.DAY),
        ("1989-QX", secs(1989), secs(1990), Granularity.QUARTER),
        ("2003-03-18T10:30", secs(2003, 3, 18, 10, 30), secs(2003, 3, 18, 10, 31), Granularity.MINUTE),
        ("2003-03-18T10:30:15", secs(2003, 3, 18, 10, 30, 15), secs(2003, 3, 18, 10, 30, 16), Granularity.SECOND),
        ("1989-11-06T17", secs(1989, 11, 6, 17), secs(1989, 11, 6, 18), Granularity.HOUR),
        ("1989-10-27T24", secs(1989, 10, 28), secs(1989, 10, 28, 1), Granularity.HOUR),
        ("2003-03-19T21:34-05", secs(2003, 3, 20, 2, 34), secs(2003, 3, 20, 2, 35), Granularity.MINUTE),
        ("2003-03-18TMO", secs(2003, 3, 18, 4), secs(2003, 3, 18, 12), Granularity.PART_OF_DAY),
        ("2003-03-18TNI", secs(2003, 3, 18, 19), secs(2003, 3, 19, 6), Granularity.PART_OF_DAY),
        ("1917-09-20TXX", secs(1917, 9, 20), secs(1917, 9, 21), Granularity.HOUR),
    ],
)
def test_bounds(value: str, start: int, end: int, granularity: Granularity) -> None:
    span = Span.from_timex3(value)
    assert span == Span.within(start, end, granularity, value)
    assert span.kind == "date"


def test_tbd_values_keep_their_text() -> None:
    assert Span.from_timex3("2003-04").timex == "2003-04"
    assert Span.from_timex3("2003-04") != Span.from_timex3("2003-04-01")


@pytest.mark.parametrize(
    ("value", "kind"),
    [("P3Y", "duration"), ("PT2H", "duration"), ("PXM", "duration"), ("P1DE", "duration"),
     ("XXXX-WXX-1", "set"), ("XXXX-XX-15", "set"), ("XXXX-03", "date"), ("XXXX", "date"),
     ("PRESENT_REF", "ref"), ("2003", "date")],
)  # fmt: skip
def test_kinds(value: str, kind: str) -> None:
    span = Span.from_timex3(value)
    assert span.kind == kind
    if kind != "date" or value.startswith("XXXX"):
        assert (span.earliest_start, span.latest_start, span.earliest_end, span.latest_end) == (None,) * 4


def test_durations_structured() -> None:
    d = parse_timex3("P2Y6M")
    assert d == TimexDuration((("2", "Y"), ("6", "M")), ())
    assert d.granularity is Granularity.MONTH
    assert parse_timex3("PT5H30M") == TimexDuration((), (("5", "H"), ("30", "M")))
    assert parse_timex3("P1DE").granularity is Granularity.DECADE
    assert parse_timex3("P.5CE") == TimexDuration(((".5", "CE"),), ())
    h = parse_timex3("PT1H")
    assert isinstance(h, TimexDuration)
    assert h.nominal_seconds() == 3600
    x = parse_timex3("PXY")
    assert isinstance(x, TimexDuration)
    assert x.nominal_seconds() is None


def test_structured_date() -> None:
    assert parse_timex3("BC0480-SP") == TimexDate("0480", bc=True, season="SP")
    assert parse_timex3("PAST_REF") == TimexRef("PAST_REF")


# --- references and mods ------------------------------------------------------------------


def test_refs_anchor_on_the_dct() -> None:
    dct = Span.from_timex3("2003-03-18")
    present = Span.from_timex3("PRESENT_REF", dct=dct)
    assert (present.earliest_start, present.latest_end) == (secs(2003, 3, 18), secs(2003, 3, 19))
    assert present.timex == "PRESENT_REF"
    past = Span.from_timex3("PAST_REF", dct=dct)
    assert (past.earliest_start, past.latest_end) == (None, secs(2003, 3, 19))
    future = Span.from_timex3("FUTURE_REF", dct=dct)
    assert (future.earliest_start, future.latest_end) == (secs(2003, 3, 18), None)
    assert Span.from_timex3("PRESENT_REF").latest_end is None


def test_mods() -> None:
    y = Span.from_timex3("2003")
    a, b = secs(2003), secs(2004)
    early = Span.from_timex3("2003", "EARLY")
    # a third of 365 days is 121.67: rounded outward to whole days, Jan 1 up to May 3
    assert (early.earliest_start, early.latest_start, early.latest_end, early.mod) == (a, secs(2003, 5, 3), secs(2003, 5, 3), "EARLY")
    late = Span.from_timex3("2003", "END")
    assert (late.earliest_start, late.latest_end) == (secs(2003, 9, 1), b)
    mid = Span.from_timex3("2003", "MID")
    assert (mid.earliest_start, mid.latest_end) == (secs(2003, 5, 2), secs(2003, 9, 2))
    day_early = Span.from_timex3("2003-03-18", "EARLY")  # a day's thirds are not rounded
    assert (day_early.earliest_start, day_early.latest_end) == (secs(2003, 3, 18), secs(2003, 3, 18, 8))
    approx = Span.from_timex3("2003-03-18", "APPROX")
    assert (approx.earliest_start, approx.latest_end) == (secs(2003, 3, 17), secs(2003, 3, 20))
    before = Span.from_timex3("2003", "BEFORE")
    assert (before.earliest_start, before.latest_start, before.latest_end) == (None, a, a)
    on_or_before = Span.from_timex3("2003", "ON_OR_BEFORE")
    assert on_or_before.latest_end == b
    after = Span.from_timex3("2003-03-18", "AFTER")
    assert (after.earliest_start, after.latest_end) == (secs(2003, 3, 19), None)
    on_or_after = Span.from_timex3("2003", "ON_OR_AFTER")
    assert (on_or_after.earliest_start, on_or_after.latest_end) == (a, None)
    more = Span.from_timex3("P3Y", "MORE_THAN")
    assert more.mod == "MORE_THAN"
    assert more.timex == "P3Y"
    assert y.with_mod("LATE") == Span.from_timex3("2003", "LATE")
    # a mod on open bounds is recorded and changes nothing it cannot
    assert Span.from_timex3("XXXX", "EARLY").latest_end is None
    assert Span.within(1, 2, timex="not a value").kind == "date"


def test_unknown_mod() -> None:
    with pytest.raises(TimexValueError, match="'SOMETIMES' is not a TIMEX3 value: not a TIMEX3 mod"):
        Span.from_timex3("2003", "SOMETIMES")


# --- errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2003-13", "month 13"),
        ("2003-02-30", "day 30 (February 2003 has 28 days)"),
        ("2004-02-30", "day 30 (February 2004 has 29 days)"),
        ("W54", "not a TIMEX3 date"),
        ("2003-W54", "week 54 (the year has 52 ISO weeks)"),
        ("", "empty"),
        ("garbage", "not a TIMEX3 date"),
        ("BC0000", "no year 0 BC"),
        ("2003-Q5", "quarter 5"),
        ("2003-H3", "half 3"),
        ("2003T10:00", "a time of day needs a day"),
        ("2003-03-18T25:00", "hour 25"),
        ("2003-03-18T10:61", "minute 61"),
        ("P", "a duration needs"),
        ("PT", "a duration needs"),
        ("P3D2Y", "out of order"),
        ("P3Q3Q", "out of order or repeated"),
        ("PXX", "cannot read duration part"),
        ("19-03", "cannot have months"),
        ("1X99", "X) must come last"),
    ],
)
def test_invalid_values(value: str, reason: str) -> None:
    with pytest.raises(TimexValueError) as info:
        Span.from_timex3(value)
    message = str(info.value)
    assert message.startswith(f"{value!r} is not a TIMEX3 value: ")
    assert reason in message
    assert isinstance(info.value, ValueError)


def test_exact_message_of_the_issue() -> None:
    with pytest.raises(ValueError, match=re.escape("'2003-13' is not a TIMEX3 value: month 13")):
        timex3_bounds("2003-13")


# --- corpora ------------------------------------------------------------------------------

# Gold values that are not TIMEX3 at all: kept as known exceptions, each with its reason.
NOT_TIMEX3 = {
    "null": "a placeholder, not a value",
    "PXX": "duration with no unit",
    "P1DT": "a 'T' with no time after it",
}


@pytest.mark.corpus
def test_every_corpus_value_parses() -> None:
    if not CORPORA.is_dir():
        pytest.skip(f"no corpora at {CORPORA}")
    values: set[str] = set()
    for path in CORPORA.rglob("*.tml"):
        values.update(re.findall(r'<TIMEX3[^>]*?\bvalue="([^"]*)"', path.read_text(encoding="utf-8", errors="replace")))
    assert len(values) > 500
    failures = {}
    for value in sorted(values):
        try:
            span = Span.from_timex3(value)
        except TimexValueError as error:
            failures[value] = str(error)
            continue
        assert format_timex3(parse_timex3(value)) == value
        assert span.timex == value
    unexpected = {v: e for v, e in failures.items() if v not in NOT_TIMEX3}
    assert not unexpected
