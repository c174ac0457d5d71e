"""Granularity order and widening by calendar units."""

from __future__ import annotations

from timeline import calendar as cal
from timeline.granularity import Granularity, widen


def test_finest_first() -> None:
    assert Granularity.SECOND < Granularity.DAY < Granularity.WEEK < Granularity.MONTH < Granularity.YEAR
    assert max(Granularity) is Granularity.UNKNOWN


def test_widen_by_calendar_units() -> None:
    march = cal.month_range(2003, 3)
    assert widen(*march, Granularity.MONTH, 1) == (cal.seconds(2003, 2), cal.seconds(2003, 5))
    assert widen(*cal.year_range(2003), Granularity.YEAR, 1) == (cal.seconds(2002), cal.seconds(2005))
    assert widen(10, 20, Granularity.SECOND, 2) == (8, 22)
    assert widen(*cal.day_range(2003, 3, 1), Granularity.WEEK, 1) == (cal.seconds(2003, 2, 22), cal.seconds(2003, 3, 9))
    # no unit (a part of day): by its own length
    assert widen(100, 160, Granularity.PART_OF_DAY, 1) == (40, 220)
