"""ISO 8601 strings and Python ``date``/``datetime`` in and out of ``Bounds``.

In: calendar dates (``2003``, ``2003-03``, ``2003-03-18``, basic ``20030318``), week dates
(``2003-W11``, ``2003-W11-2``), ordinal dates (``2003-077``), date-times (``T10``, ``T10:30``,
``T10:30:15``, fractions of a second, ``Z`` or ``+02:00`` converted to UTC; a space may
replace ``T``), expanded years (``+12000-01-01``, ``-0489``: astronomical, so -0489 is 490 BC)
and intervals ``A/B`` (either side may be ``..``, open).

A single value names a period: start and end anywhere within it ("2003-03-18T10:30" is that
minute; a date-time to the second is that second). In an interval each side is such a period
(``2003-03-10/2003-03-16``: starts on the 10th, ends on the 16th), except that a side stated to
the second is that exact instant, so ``Span.exactly(s, e).to_iso()`` reads back exactly.

In: ``iso_bounds`` (``Span.from_iso`` calls it); years within ±10^9 (``notation.MAX_YEAR``).
Out: ``format_iso`` writes the calendar period the bounds are, else an interval, else the
ISO 8601-2 form EDTF shares (``2003-33`` for a quarter, ``[2003-03-19..]`` for "after 18
March"), which ``iso_bounds`` reads back too (ISO reads and writes through ``timeline.edtf``,
never the other way); ``datetime`` comes out only for years 1..9999 (``seconds_to_datetime``).
"""

from __future__ import annotations

import datetime as dt
import re

from timeline import calendar as cal
from timeline.bounds import Bounds
from timeline.edtf import edtf_bounds, format_edtf
from timeline.errors import EDTFValueError, ISOValueError, OutOfRangeError
from timeline.granularity import Granularity
from timeline.notation import (
    Side,
    interval_bounds,
    interval_text,
    period_text,
    year_from_digits,
    zone_seconds,
)

__all__ = [
    "datetime_bounds",
    "datetime_to_seconds",
    "format_iso",
    "iso_bounds",
    "seconds_to_datetime",
]

_EPOCH = dt.datetime(1970, 1, 1)

_ISO_RE = re.compile(
    r"""
    (?P<year>[+-][0-9]{4,}|[0-9]{4})
    (?:
        -(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?
      | (?P<bmonth>[0-9]{2})(?P<bday>[0-9]{2})
      | -?W(?P<week>[0-9]{2})(?:-?(?P<weekday>[1-7]))?
      | -(?P<ordinal>[0-9]{3})
    )?
    (?:[T\ ]
        (?P<hour>[0-9]{2})
        (?::?(?P<minute>[0-9]{2})(?::?(?P<second>[0-9]{2})(?P<fraction>[.,][0-9]+)?)?)?
        (?P<zone>Z|[+-][0-9]{2}(?::?[0-9]{2})?)?
    )?
    """,
    re.VERBOSE,
)


# --- seconds <-> datetime -----------------------------------------------------------------


def datetime_to_seconds(value: dt.datetime | dt.date) -> int:
    """Seconds since 1970-01-01 of a ``datetime`` (aware ones converted to UTC; microseconds
    dropped) or of a ``date``'s midnight."""
    if isinstance(value, dt.datetime):
        # timedelta arithmetic, not astimezone(): an aware datetime near year 1 or 9999 has a
        # UTC time that datetime cannot hold
        delta = value.replace(tzinfo=None) - _EPOCH - (value.utcoffset() or dt.timedelta(0))
        return delta // dt.timedelta(seconds=1)
    if isinstance(value, dt.date):
        return cal.days_from_civil(value.year, value.month, value.day) * cal.SECONDS_PER_DAY
    raise ISOValueError(value, "not a date or datetime")


def seconds_to_datetime(value: int | None, what: str = "time") -> dt.datetime:
    """A naive (UTC) ``datetime`` of a seconds count; ``OutOfRangeError`` (a ``ValueError``)
    when it is open (None) or its year is outside 1..9999, which ``datetime`` cannot hold."""
    if value is None:
        raise OutOfRangeError(f"{what} is open (None): no datetime for it")
    year = cal.civil_from_seconds(value)[0]
    if not 1 <= year <= 9999:
        raise OutOfRangeError(
            f"{what} {value} falls in year {year}, outside datetime's 1..9999; "
            "use Span.to_edtf() or Span.to_iso() for it"
        )
    return _EPOCH + dt.timedelta(seconds=value)


def datetime_bounds(value: dt.date | dt.datetime) -> Bounds:
    """A ``date`` as that day; a ``datetime`` as that second."""
    start = datetime_to_seconds(value)
    if isinstance(value, dt.datetime):
        return Bounds.within(start, start + 1, Granularity.SECOND)
    return Bounds.within(start, start + cal.SECONDS_PER_DAY, Granularity.DAY)


# --- parse --------------------------------------------------------------------------------


def iso_bounds(text: str) -> Bounds:
    """The bounds an ISO 8601 date, date-time or interval names (ISO 8601-2 forms shared with
    EDTF too: ``2003-33``, ``199X``, ``[2003-03-19..]``); ``ISOValueError`` otherwise."""
    if not isinstance(text, str):
        raise ISOValueError(text, "not a string")
    try:
        return _iso_bounds(text)
    except ISOValueError as error:
        # ISO 8601-2 forms that EDTF shares (sub-year groupings, X digits, qualifiers, sets)
        try:
            return edtf_bounds(text)
        except EDTFValueError:
            raise error from None


def _iso_bounds(text: str) -> Bounds:
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise ISOValueError(text, "more than one '/'")
        if left == right == "..":
            raise ISOValueError(text, "both ends open")
        start = None if left == ".." else _parse_value(left, text)
        end = None if right == ".." else _parse_value(right, text)
        return interval_bounds(start, end, text, ISOValueError)
    found = _parse_value(text, text)
    return Bounds.within(found.lo, found.hi, found.granularity)


def _parse_value(part: str, whole: str) -> Side:
    """[start, end) and granularity of one ISO date or date-time."""
    m = _ISO_RE.fullmatch(part)
    if m is None:
        raise ISOValueError(whole, f"cannot read {part!r} as an ISO 8601 date or date-time")
    g = m.groupdict()
    year = year_from_digits(g["year"], whole, ISOValueError)
    month_text = g["month"] or g["bmonth"]
    day_text = g["day"] or g["bday"]
    if month_text is not None:
        month = int(month_text)
        if not 1 <= month <= 12:
            raise ISOValueError(whole, f"month {month}")
        if day_text is None:
            if g["hour"] is not None:
                raise ISOValueError(whole, "a time needs a day")
            start, end = cal.month_range(year, month)
            return Side(start, end, Granularity.MONTH)
        day = int(day_text)
        if not 1 <= day <= cal.days_in_month(year, month):
            raise ISOValueError(
                whole, f"day {day} (month {month} of {year} has {cal.days_in_month(year, month)} days)"
            )
        start = cal.seconds(year, month, day)
    elif g["week"] is not None:
        week = int(g["week"])
        if not 1 <= week <= cal.iso_weeks_in_year(year):
            raise ISOValueError(whole, f"week {week} (the year has {cal.iso_weeks_in_year(year)} ISO weeks)")
        if g["weekday"] is None:
            if g["hour"] is not None:
                raise ISOValueError(whole, "a time needs a day")
            start, end = cal.week_range(year, week)
            return Side(start, end, Granularity.WEEK)
        start = (cal.iso_week_start(year, week) + int(g["weekday"]) - 1) * cal.SECONDS_PER_DAY
    elif g["ordinal"] is not None:
        ordinal = int(g["ordinal"])
        days = 366 if cal.is_leap(year) else 365
        if not 1 <= ordinal <= days:
            raise ISOValueError(whole, f"day of year {ordinal} (the year has {days} days)")
        start = cal.seconds(year) + (ordinal - 1) * cal.SECONDS_PER_DAY
    else:
        if g["hour"] is not None:
            raise ISOValueError(whole, "a time needs a day")
        start, end = cal.year_range(year)
        return Side(start, end, Granularity.YEAR)
    if g["hour"] is None:
        return Side(start, start + cal.SECONDS_PER_DAY, Granularity.DAY)
    hour = int(g["hour"])
    minute = int(g["minute"]) if g["minute"] is not None else 0
    second = int(g["second"]) if g["second"] is not None else 0
    if hour > 24 or (hour == 24 and (minute or second)) or minute > 59 or second > 59:
        raise ISOValueError(whole, f"time {hour:02d}:{minute:02d}:{second:02d}")
    start += hour * 3600 + minute * 60 + second - zone_seconds(g["zone"], whole, ISOValueError)
    if g["second"] is not None:
        return Side(start, start + 1, Granularity.SECOND)
    if g["minute"] is not None:
        return Side(start, start + 60, Granularity.MINUTE)
    return Side(start, start + 3600, Granularity.HOUR)


# --- format -------------------------------------------------------------------------------


def format_iso(bounds: Bounds, *, timex: str | None = None) -> str:
    """An ISO 8601 string for ``bounds``: the calendar period they are ("2003-03", "2003-W11"),
    else an interval whose sides are periods or exact instants ("..", open), else the
    ISO 8601-2 form EDTF shares (from the TIMEX3 value ``timex`` when it can say it);
    ``ValueError`` when none can say it (durations, sets, unknown)."""
    text = period_text(bounds, "iso") or interval_text(bounds, "iso") or format_edtf(bounds, timex=timex)
    if text is None:
        raise ValueError(f"no ISO 8601 form for {bounds!r}")
    return text
