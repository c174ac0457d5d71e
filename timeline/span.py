"""The uncertain time value: ``Span``.

A ``Span`` says what is known about *when* something happened, as four bounds:

    earliest_start <= start <= latest_start
    earliest_end   <=  end  <= latest_end        and start <= end

Bounds are integers: seconds since 1970-01-01T00:00:00 on the proleptic Gregorian calendar
(see ``timeline.calendar``); ``None`` is an open bound (unknown in that direction). Ends are
exclusive instants: March 2003 runs from 2003-03-01T00:00 up to 2003-04-01T00:00.

Beside its bounds a span keeps what the text said: its ``granularity``, the TIMEX3 ``timex``
value it came from ("2003-04" stays "2003-04", never "2003-04-01"), the TIMEX3 ``mod`` and the
``edtf`` string when it was read from one.

Why seconds: times of day ("10:30 a.m.") need them, an int64 of seconds reaches 292 billion
years either way (BCE and years past 9999 alike), and the same integers are NumPy
``datetime64[s]`` values, so a column of bounds is 8 bytes an item with no conversion.
"""

from __future__ import annotations

import enum

import attrs


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


@attrs.frozen(slots=True)
class Span:
    """What is known about when something happened: four bounds, and what the text said."""

    earliest_start: int | None
    latest_start: int | None
    earliest_end: int | None
    latest_end: int | None
    granularity: Granularity = Granularity.UNKNOWN
    timex: str | None = None
    mod: str | None = None
    edtf: str | None = None
