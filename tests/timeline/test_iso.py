"""ISO 8601 strings and Python dates in and out: hand cases, round trips, errors."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Granularity, ISOValueError, Span
from timeline import calendar as cal
from timeline.errors import OutOfRangeError
from timeline.iso import datetime_to_seconds, seconds_to_datetime

DAY = cal.SECONDS_PER_DAY


def secs(*args: int) -> int:
    return cal.seconds(*args)


def bounds(s: Span) -> tuple[int | None, int | None, int | None, int | None]:
    return s.earliest_start, s.latest_start, s.earliest_end, s.latest_end


@pytest.mark.parametrize(
    ("text", "start", "end", "granularity"),
    [
        ("2003", secs(2003), secs(2004), Granularity.YEAR),
        ("2003-03", secs(2003, 3), secs(2003, 4), Granularity.MONTH),
        ("2003-03-18", secs(2003, 3, 18), secs(2003, 3, 19), Granularity.DAY),
        ("20030318", secs(2003, 3, 18), secs(2003, 3, 19), Granularity.DAY),
        ("2003-W11", secs(2003, 3, 10), secs(2003, 3, 17), Granularity.WEEK),
        ("2003W112", secs(2003, 3, 11), secs(2003, 3, 12), Granularity.DAY),
        ("2003-077", secs(2003, 3, 18), secs(2003, 3, 19), Granularity.DAY),
        ("2003-03-18T10", secs(2003, 3, 18, 10), secs(2003, 3, 18, 11), Granularity.HOUR),
        ("2003-03-18T10:30", secs(2003, 3, 18, 10, 30), secs(2003, 3, 18, 10, 31), Granularity.MINUTE),
        ("2003-03-18 10:30:15", secs(2003, 3, 18, 10, 30, 15), secs(2003, 3, 18, 10, 30, 16), Granularity.SECOND),
        ("2003-03-18T10:30:15.25Z", secs(2003, 3, 18, 10, 30, 15), secs(2003, 3, 18, 10, 30, 16), Granularity.SECOND),
        ("2003-03-18T10:30:15+02:00", secs(2003, 3, 18, 8, 30, 15), secs(2003, 3, 18, 8, 30, 16), Granularity.SECOND),
        ("20030318T103015-0130", secs(2003, 3, 18, 12, 0, 15), secs(2003, 3, 18, 12, 0, 16), Granularity.SECOND),
        ("-0489", secs(-489), secs(-488), Granularity.YEAR),
        ("+12000-01-01", secs(12000), secs(12000, 1, 2), Granularity.DAY),
    ],
)
def test_iso_values(text: str, start: int, end: int, granularity: Granularity) -> None:
    assert Span.from_iso(text) == Span.within(start, end, granularity)


def test_intervals() -> None:
    s = Span.from_iso("2003-03-10/2003-03-16")
    assert bounds(s) == (secs(2003, 3, 10), secs(2003, 3, 11), secs(2003, 3, 16), secs(2003, 3, 17))
    exact = Span.from_iso("2003-03-10T00:00:00/2003-03-17T00:00:00")
    assert exact == Span.exactly(secs(2003, 3, 10), secs(2003, 3, 17), Granularity.SECOND)
    open_end = Span.from_iso("2003-03-19/..")
    assert bounds(open_end) == (secs(2003, 3, 19), secs(2003, 3, 20), secs(2003, 3, 19), None)
    open_start = Span.from_iso("../2003")
    assert bounds(open_start) == (None, secs(2004), secs(2003), secs(2004))


@given(st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59)))
def test_datetime_round_trip(value: dt.datetime) -> None:
    span = Span.from_datetime(value)
    assert span.granularity is Granularity.SECOND
    assert span.start_datetime() == value.replace(microsecond=0)
    assert span.end_datetime() == value.replace(microsecond=0) + dt.timedelta(seconds=1)
    assert Span.from_iso(value.isoformat()) == span
    assert seconds_to_datetime(datetime_to_seconds(value)) == value.replace(microsecond=0)


@given(st.dates())
def test_date_round_trip(value: dt.date) -> None:
    span = Span.from_datetime(value)
    assert span == Span.from_iso(value.isoformat())
    assert span.to_iso() == value.isoformat()
    assert span.start_datetime() == dt.datetime(value.year, value.month, value.day)


def test_aware_datetimes_go_to_utc() -> None:
    aware = dt.datetime(2003, 3, 18, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=5)))
    assert Span.from_datetime(aware).earliest_start == secs(2003, 3, 18, 7)


@given(st.integers(-99_999, 99_999), st.integers(1, 12), st.sampled_from(["year", "month", "day"]))
def test_periods_round_trip_any_year(year: int, month: int, form: str) -> None:
    start, end = {
        "year": cal.year_range(year),
        "month": cal.month_range(year, month),
        "day": cal.day_range(year, month, 1),
    }[form]
    span = Span.within(start, end)
    text = span.to_iso()
    assert bounds(Span.from_iso(text)) == bounds(span), text


@given(st.integers(-(10**12), 10**12), st.integers(0, 10**9))
def test_exact_spans_round_trip(start: int, length: int) -> None:
    span = Span.exactly(start, start + length)
    assert bounds(Span.from_iso(span.to_iso())) == bounds(span)


def test_iso_out_of_timex3_spans() -> None:
    assert Span.from_timex3("2003-W11").to_iso() == "2003-W11"
    assert Span.from_timex3("BC0490").to_iso() == "-0489"
    assert Span.from_timex3("12000").to_iso() == "+12000"
    assert Span.from_timex3("2003-03-18T10:30").to_iso() == "2003-03-18T10:30"
    # beyond ISO 8601-1: the ISO 8601-2 forms EDTF shares, read back by from_iso
    after = Span.from_timex3("2003-03-18", "AFTER")
    assert after.to_iso() == "[2003-03-19..]"
    quarter = Span.from_timex3("2003-Q1")
    assert quarter.to_iso() == "2003-33"
    for span in (after, quarter, Span.from_timex3("199"), Span.from_timex3("2003", "EARLY")):
        assert bounds(Span.from_iso(span.to_iso())) == bounds(span)
        assert Span.from_iso(span.to_iso()).edtf is None
    with pytest.raises(ValueError, match="no ISO 8601 form"):
        Span.from_timex3("P3Y").to_iso()


def test_datetime_out_of_range() -> None:
    with pytest.raises(ValueError, match=re.escape("year -489, outside datetime's 1..9999")):
        Span.from_timex3("BC0490").start_datetime()
    with pytest.raises(ValueError, match="year 12001"):
        Span.from_timex3("12000").end_datetime()
    with pytest.raises(ValueError, match="latest_end is open"):
        Span.from_timex3("2003", "AFTER").end_datetime()


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", "cannot read ''"),
        ("garbage", "cannot read 'garbage'"),
        ("2003-13", "month 13"),
        ("2003-02-29", "day 29 (month 2 of 2003 has 28 days)"),
        ("2003-W54", "week 54"),
        ("2003-366", "day of year 366"),
        ("2003-03-18T25:00", "time 25:00:00"),
        ("2003T10:00", "a time needs a day"),
        ("2003/2001", "ends before it starts"),
        ("../..", "both ends open"),
        ("2003-03-18T10:00+15:00", "time zone offset +15:00"),
    ],
)
def test_invalid(text: str, reason: str) -> None:
    with pytest.raises(ISOValueError) as info:
        Span.from_iso(text)
    assert str(info.value).startswith(f"{text!r} is not an ISO 8601 date: ")
    assert reason in str(info.value)


def _iso_year(year: int) -> str:
    if 0 <= year <= 9999:
        return f"{year:04d}"
    return f"-{-year:04d}" if year < 0 else f"+{year}"


@st.composite
def iso_strings(draw: st.DrawFn) -> str:
    year = draw(st.integers(-99_999, 99_999))
    y = _iso_year(year)
    form = draw(st.sampled_from(["year", "month", "day", "basic", "week", "weekday", "ordinal", "time"]))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, cal.days_in_month(year, month)))
    if form == "year":
        return y
    if form == "month":
        return f"{y}-{month:02d}"
    if form == "day":
        return f"{y}-{month:02d}-{day:02d}"
    if form == "basic":
        return f"{y}{month:02d}{day:02d}"
    if form in ("week", "weekday"):
        week = draw(st.integers(1, cal.iso_weeks_in_year(year)))
        return f"{y}-W{week:02d}" + (f"-{draw(st.integers(1, 7))}" if form == "weekday" else "")
    if form == "ordinal":
        return f"{y}-{draw(st.integers(1, 366 if cal.is_leap(year) else 365)):03d}"
    hh, mm, ss = draw(st.integers(0, 23)), draw(st.integers(0, 59)), draw(st.integers(0, 59))
    time = draw(st.sampled_from([f"{hh:02d}", f"{hh:02d}:{mm:02d}", f"{hh:02d}:{mm:02d}:{ss:02d}", f"{hh:02d}:{mm:02d}:{ss:02d}.5"]))
    zone = draw(st.sampled_from(["", "Z", "+02:00", "-0530"]))
    return f"{y}-{month:02d}-{day:02d}T{time}{zone}"


@given(iso_strings(), st.sampled_from(["single", "start", "end"]))
def test_iso_strings_format_and_parse_to_the_same_value(text: str, where: str) -> None:
    if where == "start":
        text = f"{text}/.."
    elif where == "end":
        text = f"../{text}"
    span = Span.from_iso(text)
    again = Span.from_iso(span.to_iso())
    assert bounds(again) == bounds(span), span.to_iso()


def test_datetime_errors_are_package_errors() -> None:
    with pytest.raises(OutOfRangeError, match="year 12001"):
        Span.from_timex3("12000").end_datetime()
    with pytest.raises(OutOfRangeError, match="is open"):
        Span.unknown().start_datetime()


@given(
    st.datetimes(dt.datetime(1, 1, 1), dt.datetime(9999, 12, 31, 23, 59, 59)),
    st.integers(-14 * 60, 14 * 60),
)
def test_aware_datetimes_at_the_edges_of_datetime(value: dt.datetime, minutes: int) -> None:
    # a UTC time outside datetime's range must not overflow: seconds have no such limit
    aware = value.replace(tzinfo=dt.timezone(dt.timedelta(minutes=minutes)))
    seconds = datetime_to_seconds(aware)
    assert seconds == datetime_to_seconds(value) - minutes * 60
    assert Span.from_datetime(aware).earliest_start == seconds
