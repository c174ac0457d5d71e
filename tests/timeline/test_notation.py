"""The notation shared by the codecs: years, instants, zone offsets, periods, interval sides."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import EDTFValueError, Granularity, ISOValueError, TimexValueError
from timeline import calendar as cal
from timeline.bounds import Bounds
from timeline.notation import (
    MAX_YEAR,
    Side,
    instant_text,
    interval_bounds,
    interval_text,
    period_text,
    side_text,
    year_from_digits,
    year_text,
    zone_seconds,
)


@pytest.mark.parametrize(
    ("year", "timex3", "iso", "edtf"),
    [
        (2003, "2003", "2003", "2003"),
        (0, "BC0001", "0000", "0000"),
        (-489, "BC0490", "-0489", "-0489"),
        (12000, "12000", "+12000", "Y12000"),
        (-12000, "BC12001", "-12000", "Y-12000"),
    ],
)
def test_year_text_per_notation(year: int, timex3: str, iso: str, edtf: str) -> None:
    assert (year_text(year, "timex3"), year_text(year, "iso"), year_text(year, "edtf")) == (timex3, iso, edtf)


def test_instant_text() -> None:
    t = cal.seconds(2003, 3, 18, 10, 30, 15)
    assert instant_text(t) == "2003-03-18T10:30:15"
    assert instant_text(cal.seconds(-489, 1, 2), "iso") == "-0489-01-02T00:00:00"
    assert instant_text(cal.seconds(12000), "iso") == "+12000-01-01T00:00:00"
    assert instant_text(cal.seconds(12000), "edtf") is None  # EDTF's Y years take no months


@pytest.mark.parametrize(
    ("zone", "seconds"),
    [(None, 0), ("Z", 0), ("+02", 7200), ("-05", -18000), ("+0530", 19800), ("+05:30", 19800), ("-14:00", -50400)],
)
def test_zone_seconds(zone: str | None, seconds: int) -> None:
    assert zone_seconds(zone, "x", ISOValueError) == seconds


@pytest.mark.parametrize("error", [ISOValueError, EDTFValueError, TimexValueError])
def test_zone_errors_name_the_value_in_the_codec_error(error: type[ISOValueError]) -> None:
    with pytest.raises(error, match=r"'2003-03-18T10\+15' is not an? .*: time zone offset \+15"):
        zone_seconds("+15", "2003-03-18T10+15", error)
    with pytest.raises(error, match="time zone offset"):
        zone_seconds("+01:60", "v", error)


def test_year_from_digits() -> None:
    assert year_from_digits("2003", "v", ISOValueError) == 2003
    assert year_from_digits("-0489", "v", ISOValueError) == -489
    assert year_from_digits("0490", "v", TimexValueError, bc=True) == -489
    assert year_from_digits("1000000001", "v", TimexValueError, bc=True) == -MAX_YEAR
    assert year_from_digits("+" + "0" * 50 + "7", "v", ISOValueError) == 7
    for digits in ("1000000001", "-1000000001", "9" * 4000):
        with pytest.raises(ISOValueError, match="outside the years a time value may name"):
            year_from_digits(digits, "v", ISOValueError)


def test_interval_bounds() -> None:
    day = Side(*cal.day_range(2003, 3, 10), Granularity.DAY)
    later = Side(*cal.day_range(2003, 3, 16), Granularity.DAY)
    second = Side(100, 101, Granularity.SECOND)
    assert interval_bounds(day, later, "v", ISOValueError) == Bounds(day.lo, day.hi, later.lo, later.hi, Granularity.DAY)
    # a side to the second is that exact instant
    assert interval_bounds(second, None, "v", ISOValueError) == Bounds(100, 100, 100, None, Granularity.SECOND)
    # an open start still comes before the end
    assert interval_bounds(None, later, "v", ISOValueError) == Bounds(None, later.hi, later.lo, later.hi, Granularity.DAY)
    with pytest.raises(EDTFValueError, match="ends before it starts"):
        interval_bounds(later, Side(0, 86400, Granularity.DAY), "v", EDTFValueError)


def test_periods_and_sides() -> None:
    assert period_text(Bounds.within(*cal.quarter_range(2003, 1)), "timex3") == "2003-Q1"
    assert period_text(Bounds.within(*cal.quarter_range(2003, 1)), "edtf") == "2003-33"
    assert period_text(Bounds.within(*cal.quarter_range(2003, 1)), "iso") is None
    assert period_text(Bounds.within(*cal.week_range(2004, 1)), "iso") == "2004-W01"
    assert period_text(Bounds.within(*cal.year_range(2 * MAX_YEAR)), "iso") is None
    assert side_text(5, 6, "iso") is None  # a one-second period would read back as an instant
    assert side_text(0, 0, "iso") == "1970-01-01T00:00:00"


@given(st.integers(-(10**12), 10**12), st.integers(1, 10**9))
def test_interval_text_sides(start: int, length: int) -> None:
    exact = Bounds(start, start, start + length, start + length)
    text = interval_text(exact, "iso")
    assert text == f"{instant_text(start)}/{instant_text(start + length)}"
    assert interval_text(Bounds(start, start, start, None), "iso") == f"{instant_text(start)}/.."
    # an open end whose earliest end is not the start: no interval says it
    assert interval_text(Bounds(start, start, None, None), "iso") is None
