"""How precisely a time was stated (``Granularity``), and the calendar unit of each precision.

``widen`` grows a period by whole units of its granularity: "about March 2003" runs from
February to April (the TIMEX3 ``APPROX`` rule, shared by EDTF's qualifiers).
"""

from __future__ import annotations

import enum

from timeline import calendar as cal

__all__ = ["MONTHS_PER_UNIT", "SECONDS_PER_UNIT", "Granularity", "widen"]


class Granularity(enum.IntEnum):
    """How precisely a time was stated, finest first."""

    SECOND = 0
    MINUTE = 1
    HOUR = 2
    PART_OF_DAY = 3
    DAY = 4
    WEEK = 5
    MONTH = 6
    SEASON = 7
    QUARTER = 8
    HALF = 9
    YEAR = 10
    DECADE = 11
    CENTURY = 12
    MILLENNIUM = 13
    UNKNOWN = 14


# units of a fixed length in seconds, and units of whole calendar months
SECONDS_PER_UNIT = {
    Granularity.SECOND: 1, Granularity.MINUTE: 60, Granularity.HOUR: 3600,
    Granularity.DAY: cal.SECONDS_PER_DAY, Granularity.WEEK: 7 * cal.SECONDS_PER_DAY,
}  # fmt: skip
MONTHS_PER_UNIT = {
    Granularity.MONTH: 1, Granularity.SEASON: 3, Granularity.QUARTER: 3, Granularity.HALF: 6,
    Granularity.YEAR: 12, Granularity.DECADE: 120, Granularity.CENTURY: 1200,
    Granularity.MILLENNIUM: 12000,
}  # fmt: skip


def widen(start: int, end: int, granularity: Granularity, units: int) -> tuple[int, int]:
    """[start, end) grown by ``units`` calendar units of ``granularity`` on each side ("about
    March 2003": February to April); by ``units`` times its own length when the granularity
    has no unit (parts of day, unknown)."""
    if granularity in SECONDS_PER_UNIT:
        grow = units * SECONDS_PER_UNIT[granularity]
        return start - grow, end + grow
    months = MONTHS_PER_UNIT.get(granularity)
    if months is None:
        grow = units * (end - start)
        return start - grow, end + grow
    return (
        cal.add_months_to_seconds(start, -units * months),
        cal.add_months_to_seconds(end, units * months),
    )
