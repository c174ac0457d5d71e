"""Span: constructors, invariants, what it is, and value round trips through TIMEX3."""

from __future__ import annotations

from collections.abc import Callable

import attrs
import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import ROOT
from timeline import Certainty, Granularity, InvalidSpanError, Span
from timeline import calendar as cal


def secs(*args: int) -> int:
    return cal.seconds(*args)


def test_within_exactly_instant() -> None:
    a, b = secs(2003, 3), secs(2003, 4)
    assert Span.within(a, b) == Span(a, b, a, b)
    assert Span.exactly(a, b) == Span(a, a, b, b, Granularity.SECOND)
    assert Span.instant(a) == Span(a, a, a, a, Granularity.SECOND)
    assert Span.within(a, None).latest_end is None
    assert Span.unknown("P3Y").timex == "P3Y"


def test_from_timex3_march() -> None:
    march = Span.from_timex3("2003-03")
    assert march == Span.within(secs(2003, 3), secs(2003, 4), Granularity.MONTH, "2003-03")
    assert march.earliest_end == secs(2003, 3)
    assert march.latest_start == secs(2003, 4)


def test_midpoint_and_outer_bounds() -> None:
    s = Span.within(10, 20)
    assert s.midpoint == 15
    assert (s.start, s.end) == (10, 20)
    assert Span.within(-21, -10).midpoint == -16  # rounds down
    assert Span.within(10, None).midpoint is None
    assert Span.from_timex3("PRESENT_REF").midpoint is None


def test_exact_and_open() -> None:
    assert Span.exactly(1, 2).is_exact
    assert not Span.within(1, 2).is_exact
    assert Span.within(1, None).is_open
    assert not Span.within(1, 2).is_open


def test_is_frozen_and_hashable() -> None:
    s = Span.from_timex3("2003")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        s.timex = "2004"  # type: ignore[misc, unused-ignore]
    assert {s, Span.from_timex3("2003")} == {s}
    assert not hasattr(s, "__dict__")


def test_no_bare_ordering() -> None:
    a, b = Span.from_timex3("2003"), Span.from_timex3("2005")
    with pytest.raises(TypeError):
        _ = a < b  # type: ignore[operator, unused-ignore]
    assert a.is_before(b) is Certainty.CERTAIN
    # adjacent years may also meet, so "before" is only possible
    assert a.is_before(Span.from_timex3("2004")) is Certainty.POSSIBLE
    assert Span.from_timex3("2003").is_before(Span.from_timex3("2003-03")) is Certainty.POSSIBLE


def test_bounds_are_integers() -> None:
    s = Span(np.int64(5), np.int64(6), np.int64(7), np.int64(8))
    assert type(s.earliest_start) is int
    for bad in (1.5, float("nan"), True, "5"):
        with pytest.raises(InvalidSpanError, match="integer number of seconds"):
            Span(bad, None, None, None)


@pytest.mark.parametrize(
    ("args", "reason"),
    [
        ((5, 4, None, None), "earliest_start is after latest_start"),
        ((None, None, 9, 8), "earliest_end is after latest_end"),
        ((10, None, None, 5), "earliest_start is after latest_end"),
    ],
)
def test_contradictory_bounds(args: tuple[int | None, int | None, int | None, int | None], reason: str) -> None:
    with pytest.raises(InvalidSpanError, match=reason) as info:
        Span(*args)
    assert isinstance(info.value, ValueError)
    assert "Span(earliest_start=" in str(info.value)


def test_kind() -> None:
    assert Span.within(1, 2).kind == "date"
    assert Span.from_timex3("P3Y").kind == "duration"
    assert Span.from_timex3("XXXX-WXX-1").kind == "set"
    assert Span.from_timex3("FUTURE_REF").kind == "ref"


def test_to_timex3_derived_from_bounds() -> None:
    assert Span.within(*cal.month_range(2003, 4)).to_timex3() == "2003-04"
    assert Span.within(*cal.week_range(2003, 11)).to_timex3() == "2003-W11"
    assert Span.within(*cal.quarter_range(2003, 2)).to_timex3() == "2003-Q2"
    assert Span.within(*cal.season_range(2003, "WI")).to_timex3() == "2003-WI"
    assert Span.within(*cal.year_range(-489)).to_timex3() == "BC0490"
    assert Span.within(secs(1990), secs(2000)).to_timex3() == "199"
    assert Span.within(secs(0), secs(10)).to_timex3() == "000"
    assert Span.within(1, 5).to_timex3() is None
    assert Span.exactly(*cal.month_range(2003, 4)).to_timex3() is None


PERIODS: dict[str, tuple[Granularity, Callable[[int, int], tuple[int, int]]]] = {
    "year": (Granularity.YEAR, lambda y, n: cal.year_range(y)),
    "month": (Granularity.MONTH, lambda y, n: cal.month_range(y, n % 12 + 1)),
    "day": (Granularity.DAY, lambda y, n: cal.day_range(y, n % 12 + 1, n % 28 + 1)),
    "week": (Granularity.WEEK, lambda y, n: cal.week_range(y, n % 52 + 1)),
    "quarter": (Granularity.QUARTER, lambda y, n: cal.quarter_range(y, n % 4 + 1)),
    "half": (Granularity.HALF, lambda y, n: cal.half_range(y, n % 2 + 1)),
    "season": (Granularity.SEASON, lambda y, n: cal.season_range(y, ["SP", "SU", "FA", "WI"][n % 4])),
}


@given(st.integers(-99_998, 99_999), st.integers(0, 1000), st.sampled_from(sorted(PERIODS)))
def test_timex3_round_trip_of_spans(year: int, n: int, form: str) -> None:
    granularity, make = PERIODS[form]
    start, end = make(year, n)
    span = Span.within(start, end, granularity)
    value = span.to_timex3()
    assert value is not None
    back = Span.from_timex3(value)
    assert back == attrs.evolve(span, timex=value)
    assert Span.from_timex3(back.to_timex3() or "") == back


@given(st.integers(-(10**12), 10**12), st.integers(0, 10**10))
def test_iso_round_trip_of_exact_spans(start: int, length: int) -> None:
    span = Span.exactly(start, start + length)
    back = Span.from_iso(span.to_iso())
    assert back == span


def test_docs_examples() -> None:
    import doctest

    doc = ROOT / "docs" / "time-values.md"
    result = doctest.testfile(str(doc), module_relative=False, optionflags=doctest.ELLIPSIS)
    assert result.attempted > 10
    assert result.failed == 0


def test_bounds_and_back() -> None:
    early = Span.from_timex3("2003", "EARLY")
    b = early.bounds
    assert b[:4] == (early.earliest_start, early.latest_start, early.earliest_end, early.latest_end)
    assert (b.granularity, b.mod) == (Granularity.YEAR, "EARLY")
    assert Span.from_bounds(b, timex="2003") == early
    assert Span.from_bounds(Span.from_edtf("1985~").bounds, edtf="1985~") == Span.from_edtf("1985~")
