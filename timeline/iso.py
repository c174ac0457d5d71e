"""ISO 8601 strings and Python ``date``/``datetime`` in and out of ``Span``.

In: calendar dates (``2003``, ``2003-03``, ``2003-03-18``, basic ``20030318``), week dates
(``2003-W11``, ``2003-W11-2``), ordinal dates (``2003-077``), date-times (``T10``, ``T10:30``,
``T10:30:15``, fractions of a second, ``Z`` or ``+02:00`` converted to UTC; a space may
replace ``T``), expanded years (``+12000-01-01``, ``-0489``: astronomical, so -0489 is 490 BC)
and intervals ``A/B`` (either side may be ``..``, open).

A single value names a period: start and end anywhere within it ("2003-03-18T10:30" is that
minute; a date-time to the second is that second). In an interval each side is such a period
(``2003-03-10/2003-03-16``: starts on the 10th, ends on the 16th), except that a side stated to
the second is that exact instant, so ``Span.exactly(s, e).to_iso()`` reads back exactly.

Out: ``format_iso`` writes the calendar period the span is, else an interval, else the
ISO 8601-2 form EDTF shares (``2003-33`` for a quarter, ``[2003-03-19..]`` for "after 18
March"), which ``iso_span`` reads back too; ``datetime`` comes out only for years 1..9999
(``seconds_to_datetime``).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

import attrs

from timeline import calendar as cal
from timeline.errors import ISOValueError
from timeline.span import Granularity, Span

__all__ = [
    "datetime_span",
    "datetime_to_seconds",
    "format_iso",
    "iso_span",
    "period_text",
    "seconds_to_datetime",
]

Style = Literal["timex3", "iso", "edtf"]

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
        if value.tzinfo is not None:
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        delta = value.replace(microsecond=0) - _EPOCH
        return delta.days * cal.SECONDS_PER_DAY + delta.seconds
    if isinstance(value, dt.date):
        return cal.days_from_civil(value.year, value.month, value.day) * cal.SECONDS_PER_DAY
    raise ISOValueError(value, "not a date or datetime")


def seconds_to_datetime(value: int | None, what: str = "time") -> dt.datetime:
    """A naive (UTC) ``datetime`` of a seconds count; ``ValueError`` when it is open (None) or
    its year is outside 1..9999, which ``datetime`` cannot hold."""
    if value is None:
        raise ValueError(f"{what} is open (None): no datetime for it")
    year = cal.civil_from_seconds(value)[0]
    if not 1 <= year <= 9999:
        raise ValueError(
            f"{what} {value} falls in year {year}, outside datetime's 1..9999; "
            "use Span.to_edtf() or Span.to_iso() for it"
        )
    return _EPOCH + dt.timedelta(seconds=value)


def datetime_span(value: dt.date | dt.datetime) -> Span:
    """A ``date`` as that day; a ``datetime`` as that second."""
    start = datetime_to_seconds(value)
    if isinstance(value, dt.datetime):
        return Span.within(start, start + 1, Granularity.SECOND)
    return Span.within(start, start + cal.SECONDS_PER_DAY, Granularity.DAY)


# --- parse --------------------------------------------------------------------------------


def iso_span(text: str) -> Span:
    """The span an ISO 8601 date, date-time or interval names (ISO 8601-2 forms shared with
    EDTF too: ``2003-33``, ``199X``, ``[2003-03-19..]``); ``ISOValueError`` otherwise."""
    if not isinstance(text, str):
        raise ISOValueError(text, "not a string")
    try:
        return _iso_span(text)
    except ISOValueError as error:
        return _extended(text, error)


def _iso_span(text: str) -> Span:
    if "/" in text:
        left, _, right = text.partition("/")
        if "/" in right:
            raise ISOValueError(text, "more than one '/'")
        if left == right == "..":
            raise ISOValueError(text, "both ends open")
        start = None if left == ".." else _parse_value(left, text)
        end = None if right == ".." else _parse_value(right, text)
        return _interval(start, end, text)
    found = _parse_value(text, text)
    return Span.within(found[0], found[1], found[2])


def _extended(text: str, error: ISOValueError) -> Span:
    """ISO 8601-2 forms that EDTF shares (sub-year groupings ``2003-33``, X digits,
    qualifiers, sets): read through ``timeline.edtf``; else the ISO error stands."""
    from timeline.edtf import edtf_span
    from timeline.errors import EDTFValueError

    try:
        span = edtf_span(text)
    except EDTFValueError:
        raise error from None
    return Span(
        span.earliest_start, span.latest_start, span.earliest_end, span.latest_end,
        span.granularity, mod=span.mod,
    )  # fmt: skip


def _interval(
    start: tuple[int, int, Granularity] | None, end: tuple[int, int, Granularity] | None, text: str
) -> Span:
    es = ls = ee = le = None
    grans = []
    if start is not None:
        es, ls = start[0], (start[0] if start[2] is Granularity.SECOND else start[1])
        grans.append(start[2])
    if end is not None:
        ee, le = (end[0], end[0]) if end[2] is Granularity.SECOND else (end[0], end[1])
        grans.append(end[2])
    if es is not None and le is not None and es > le:
        raise ISOValueError(text, "the interval ends before it starts")
    if start is None:
        ls = le
    if end is None:
        ee = es
    granularity = max(grans) if grans else Granularity.UNKNOWN
    return Span(es, ls, ee, le, granularity)


def _parse_value(part: str, whole: str) -> tuple[int, int, Granularity]:
    """[start, end) and granularity of one ISO date or date-time."""
    m = _ISO_RE.fullmatch(part)
    if m is None:
        raise ISOValueError(whole, f"cannot read {part!r} as an ISO 8601 date or date-time")
    g = m.groupdict()
    year = int(g["year"])
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
            return start, end, Granularity.MONTH
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
            return start, end, Granularity.WEEK
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
        return start, end, Granularity.YEAR
    if g["hour"] is None:
        return start, start + cal.SECONDS_PER_DAY, Granularity.DAY
    hour = int(g["hour"])
    minute = int(g["minute"]) if g["minute"] is not None else 0
    second = int(g["second"]) if g["second"] is not None else 0
    if hour > 24 or (hour == 24 and (minute or second)) or minute > 59 or second > 59:
        raise ISOValueError(whole, f"time {hour:02d}:{minute:02d}:{second:02d}")
    start += hour * 3600 + minute * 60 + second - _zone_seconds(g["zone"], whole)
    if g["second"] is not None:
        return start, start + 1, Granularity.SECOND
    if g["minute"] is not None:
        return start, start + 60, Granularity.MINUTE
    return start, start + 3600, Granularity.HOUR


def _zone_seconds(zone: str | None, whole: str) -> int:
    if zone is None or zone == "Z":
        return 0
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise ISOValueError(whole, f"time zone offset {zone}")
    total = hours * 3600 + minutes * 60
    return -total if zone[0] == "-" else total


# --- format -------------------------------------------------------------------------------


def year_text(year: int, style: Style) -> str:
    """A year as each notation writes it (astronomical ``year``: 0 is 1 BC)."""
    if style == "timex3":
        return f"{year:04d}" if year >= 1 else f"BC{1 - year:04d}"
    if style == "edtf":
        if -9999 <= year <= 9999:
            return f"-{-year:04d}" if year < 0 else f"{year:04d}"
        return f"Y{year}"
    if 0 <= year <= 9999:
        return f"{year:04d}"
    return f"-{-year:04d}" if year < 0 else f"+{year}"


def instant_text(t: int, style: Style = "iso") -> str:
    """A seconds count as a date-time to the second."""
    y, mo, d, h, mi, s = cal.civil_from_seconds(t)
    return f"{year_text(y, style)}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"


def period_of(start: int, end: int) -> tuple[Granularity, str] | None:
    """The calendar period [start, end) is exactly, as (granularity, "ISO-like" parts), or None.

    The text uses a placeholder ``{Y}`` for the year, filled per notation by ``period_text``.
    """
    length = end - start
    y, mo, d, h, mi, s = cal.civil_from_seconds(start)
    if length == 1:
        return Granularity.SECOND, f"{{Y}}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"
    if length == 60 and s == 0:
        return Granularity.MINUTE, f"{{Y}}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}"
    if length == 3600 and s == mi == 0:
        return Granularity.HOUR, f"{{Y}}-{mo:02d}-{d:02d}T{h:02d}"
    if length == 3600 and s == 0:
        # an hour that began off the hour (read with a +05:30 offset): written as the local
        # hour with an offset of the odd minutes, which reads back to the same seconds
        return Granularity.HOUR, f"{{Y}}-{mo:02d}-{d:02d}T{h:02d}-00:{mi:02d}"
    if s or mi or h:
        return None
    if length == cal.SECONDS_PER_DAY:
        return Granularity.DAY, f"{{Y}}-{mo:02d}-{d:02d}"
    days = start // cal.SECONDS_PER_DAY
    if length == 7 * cal.SECONDS_PER_DAY and cal.weekday(days) == 1:
        wy, wk, _ = cal.iso_calendar(days)
        return Granularity.WEEK, f"{{W{wy}}}-W{wk:02d}"
    if d != 1:
        return None
    if (start, end) == cal.month_range(y, mo):
        return Granularity.MONTH, f"{{Y}}-{mo:02d}"
    if mo in (1, 4, 7, 10) and (start, end) == cal.quarter_range(y, (mo + 2) // 3):
        return Granularity.QUARTER, f"{{Y}}-Q{(mo + 2) // 3}"
    if mo in (1, 7) and (start, end) == cal.half_range(y, (mo + 5) // 6):
        return Granularity.HALF, f"{{Y}}-H{(mo + 5) // 6}"
    for name, (first, _) in cal.SEASON_MONTHS.items():
        if mo == first and (start, end) == cal.season_range(y, name):
            return Granularity.SEASON, f"{{Y}}-{name}"
    if mo != 1:
        return None
    if (start, end) == cal.year_range(y):
        return Granularity.YEAR, "{Y}"
    if y >= 0 and y % 10 == 0 and end == cal.seconds(y + 10):
        return Granularity.DECADE, f"{{D{y // 10:03d}}}"
    if y >= 0 and y % 100 == 0 and end == cal.seconds(y + 100):
        return Granularity.CENTURY, f"{{C{y // 100:02d}}}"
    return None


_ISO_GRANULARITIES = {
    Granularity.SECOND, Granularity.MINUTE, Granularity.HOUR, Granularity.DAY,
    Granularity.WEEK, Granularity.MONTH, Granularity.YEAR,
}  # fmt: skip


def period_text(span: Span, style: Style = "iso") -> str | None:
    """The text of the calendar period a "within" span is ("2003-03", "2003-W11", TIMEX3 also
    "2003-Q1", "199"), or None when the span is not exactly one calendar period."""
    if (
        span.earliest_start is None
        or span.latest_end is None
        or span.earliest_start != span.earliest_end
        or span.latest_start != span.latest_end
    ):
        return None
    found = period_of(span.earliest_start, span.latest_end)
    if found is None:
        return None
    granularity, pattern = found
    year, month = cal.civil_from_seconds(span.earliest_start)[:2]
    if style == "edtf":
        return _edtf_period(granularity, pattern, year, month)
    if style == "iso" and granularity not in _ISO_GRANULARITIES:
        return None
    if pattern.startswith("{W"):
        wy = int(pattern[2 : pattern.index("}")])
        return year_text(wy, style) + pattern[pattern.index("}") + 1 :]
    if pattern.startswith(("{D", "{C")):
        if year > 9999:
            return None
        return pattern[2:-1]
    return pattern.replace("{Y}", year_text(year, style))


def _edtf_period(granularity: Granularity, pattern: str, year: int, month: int) -> str | None:
    """EDTF for a calendar period: dates, seconds, groupings 21-24/33-36/40-41, 199X, 19XX."""
    y = year_text(year, "edtf")
    if granularity is Granularity.YEAR:
        return y
    if y.startswith("Y"):
        return None  # EDTF's long years have no months or days
    if granularity in (Granularity.SECOND, Granularity.DAY, Granularity.MONTH):
        return pattern.replace("{Y}", y)
    if granularity is Granularity.QUARTER:
        return f"{y}-{33 + (month - 1) // 3}"
    if granularity is Granularity.HALF:
        return f"{y}-{40 + (month - 1) // 6}"
    if granularity is Granularity.SEASON:
        return f"{y}-{21 + [m for m, _ in cal.SEASON_MONTHS.values()].index(month)}"
    if granularity is Granularity.DECADE and 0 <= year <= 9999:
        return f"{year // 10:03d}X"
    if granularity is Granularity.CENTURY and 0 <= year <= 9999:
        return f"{year // 100:02d}XX"
    return None


def format_iso(span: Span) -> str:
    """An ISO 8601 string for ``span``: the calendar period it is ("2003-03", "2003-W11"),
    else an interval whose sides are periods or exact instants ("..", open); ``ValueError``
    when the bounds are not expressible (e.g. a side that is neither)."""
    whole = period_text(span, "iso")
    if whole is not None:
        return whole
    es, ls, ee, le = span.earliest_start, span.latest_start, span.earliest_end, span.latest_end
    # an open side reads back with its far bound taken from the other side
    start = ".." if es is None and ls in (None, le) else side_text(es, ls, "iso")
    end = ".." if le is None and ee in (None, es) else side_text(ee, le, "iso")
    if start is not None and end is not None and not start == end == "..":
        return f"{start}/{end}"
    # ISO 8601-2 (of which EDTF is a profile): "2003-33", "[2003-03-19..]", "199X"
    from timeline.edtf import format_edtf

    extended = format_edtf(attrs.evolve(span, edtf=None))
    if extended is None:
        raise ValueError(f"no ISO 8601 form for {span!r}")
    return extended


def side_text(lo: int | None, hi: int | None, style: Style) -> str | None:
    """One side of an interval: an exact instant (to the second), or a calendar period longer
    than a second; None when it is neither."""
    if lo is None or hi is None:
        return None
    if lo == hi:
        return instant_text(lo, style)
    if hi - lo == 1:  # a one-second period would read back as an exact instant
        return None
    return period_text(Span.within(lo, hi), style)
