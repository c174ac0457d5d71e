import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from timeline import calendar as cal


@given(st.dates())
def test_days_agree_with_datetime(day: dt.date) -> None:
    days = cal.days_from_civil(day.year, day.month, day.day)
    assert days == (day - dt.date(1970, 1, 1)).days
    assert cal.civil_from_days(days) == (day.year, day.month, day.day)
    assert cal.weekday(days) == day.isoweekday()
    assert cal.iso_calendar(days) == tuple(day.isocalendar())


@given(st.integers(min_value=-(10**9), max_value=10**9))
def test_days_round_trip_for_any_year(days: int) -> None:
    assert cal.days_from_civil(*cal.civil_from_days(days)) == days


@given(st.integers(min_value=-100_000, max_value=100_000), st.integers(1, 12), st.integers(-5000, 5000))
def test_add_months_is_reversible(year: int, month: int, months: int) -> None:
    assert cal.add_months(*cal.add_months(year, month, months), -months) == (year, month)


def test_hand_worked_values() -> None:
    assert cal.is_leap(2000)
    assert not cal.is_leap(1900)
    assert cal.is_leap(0)
    assert cal.is_leap(-4)
    assert cal.days_in_month(2003, 2) == 28
    assert cal.week_range(2003, 11) == (cal.seconds(2003, 3, 10), cal.seconds(2003, 3, 17))
    assert cal.iso_weeks_in_year(2004) == 53
    assert cal.iso_weeks_in_year(2003) == 52
    assert cal.season_range(2003, "WI") == (cal.seconds(2003, 12), cal.seconds(2004, 3))
    assert cal.quarter_range(2003, 4) == (cal.seconds(2003, 10), cal.seconds(2004, 1))
    # 490 BC is astronomical year -489; 1 BC is year 0, a leap year
    assert cal.civil_from_days(cal.days_from_civil(-489, 9, 12)) == (-489, 9, 12)
    assert cal.days_from_civil(1, 1, 1) - cal.days_from_civil(0, 1, 1) == 366
