"""The chart's x axis: time as numbers, times in words, tick labels, and the domain.

Time on the chart is numeric, never ``datetime64``: Vega-Lite cannot read the strings Altair
writes for BCE dates and such points vanish without a word. Two axes:

* ``temporal``: milliseconds since 1970-01-01 (proleptic Gregorian, UTC), read by the browser's
  ``Date``; Vega-Lite draws a UTC time axis. Used when every time falls in AD 1 or later.
* ``year``: years on the historical count, for BCE histories and deep time. The year 500 BC
  spans [-500, -499), 1 BC spans [-1, 0), AD 1 starts at 0 and AD 2003 spans [2003, 2004) (the
  one year from 0 to 1 is AD 1 too, so the axis has no hole). Round ticks then read "500 BC",
  "AD 1", "AD 500", as people count, not "501 BC" (the astronomical year -500).

Conversions use ``timeline.calendar``'s integer arithmetic, so every year works.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import math
from typing import Literal

from timeline import calendar
from timeline.span import Granularity, Span

__all__ = [
    "MS_PER_SECOND",
    "TEMPORAL_LABEL",
    "Axis",
    "aligned_grain",
    "choose_axis",
    "describe_span",
    "duration_text",
    "format_time",
    "fractional_year",
    "from_x",
    "historical_year",
    "period_text",
    "range_text",
    "seconds_from_fractional_year",
    "seconds_from_historical_year",
    "to_x",
    "x_domain",
    "year_label",
    "year_text",
]

Axis = Literal["temporal", "year"]

MS_PER_SECOND = 1000
# The browser's Date holds +-8.64e15 ms around 1970 (about 271,821 BC to AD 275,759); stay inside.
_TEMPORAL_LIMIT_SECONDS = 8_000_000_000_000
_AD_1 = calendar.seconds(1)
_MONTHS = tuple(_stdlib_calendar.month_name)  # "", "January", ... in the C locale

# Tick labels. Temporal: Vega's own multi-format labels (AD only). Year: BC below 0, AD from 0.
TEMPORAL_LABEL = "datum.label"


def year_label(bce: bool) -> str:
    """The tick label expression of the ``year`` axis: "500 BC", "AD 1", and "AD 100" when the
    axis also shows BC years (``bce``), else plain "100"."""
    ad = "'AD ' + " if bce else ""
    return (
        "datum.value < 0 ? format(-datum.value, -datum.value >= 1e5 ? '.3~s' : 'd') + ' BC'"
        f" : (datum.value < 1 ? 'AD 1' : {ad}format(floor(datum.value), datum.value >= 1e5 ? '.3~s' : 'd'))"
    )


# -- times in words -------------------------------------------------------------------------------

# How a TIMEX3 mod that narrows or widens a period is said before it ("about: ...").
_MOD_WORDS = {"EARLY": "early", "START": "early", "MID": "mid", "LATE": "late", "END": "late", "APPROX": "about",
              "LESS_THAN": "less than", "MORE_THAN": "more than", "EQUAL_OR_LESS": "at most", "EQUAL_OR_MORE": "at least"}
_OPEN_MODS = ("BEFORE", "ON_OR_BEFORE", "AFTER", "ON_OR_AFTER")


def year_text(year: int, *, ad: bool = False) -> str:
    """An astronomical year as people write it: 2003, 490 BC (year 0 is 1 BC); "AD 79" with ``ad``."""
    if year < 1:
        return f"{1 - year} BC"
    return f"AD {year}" if ad else str(year)


def format_time(value: int, granularity: Granularity = Granularity.DAY, *, ad: bool = False) -> str:
    """A time in seconds as a label at ``granularity``: "2003", "March 2003", "18 March 2003"
    ("AD 79" with ``ad``, for a text that also names BC years)."""
    year, month, day, hour, minute, _ = calendar.civil_from_seconds(value)
    if granularity >= Granularity.YEAR and granularity != Granularity.UNKNOWN:
        return year_text(year, ad=ad)
    if granularity >= Granularity.MONTH and granularity != Granularity.UNKNOWN:
        return f"{_MONTHS[month]} {year_text(year, ad=ad)}"
    text = f"{day} {_MONTHS[month]} {year_text(year, ad=ad)}"
    if granularity <= Granularity.PART_OF_DAY or (granularity == Granularity.UNKNOWN and (hour or minute)):
        text += f" {hour:02d}:{minute:02d}"
    return text


def _grain(span: Span, bounds: tuple[int | None, ...]) -> Granularity:
    grain = span.granularity
    if grain == Granularity.UNKNOWN and all(b % calendar.SECONDS_PER_DAY == 0 for b in bounds if b is not None):
        return Granularity.DAY
    return grain


def aligned_grain(lo: int, hi: int) -> Granularity:
    """The coarsest of year, month and day that both ``lo`` and the exclusive ``hi`` fall on
    the start of (``DAY`` when neither does, with times of day shown if they have them)."""
    def starts(value: int) -> tuple[bool, bool]:
        _, month, day, hour, minute, second = calendar.civil_from_seconds(value)
        midnight = not (hour or minute or second)
        return midnight and day == 1, midnight and day == 1 and month == 1

    (lo_month, lo_year), (hi_month, hi_year) = starts(lo), starts(hi)
    if lo_year and hi_year:
        return Granularity.YEAR
    if lo_month and hi_month:
        return Granularity.MONTH
    return Granularity.DAY if lo % calendar.SECONDS_PER_DAY == 0 and hi % calendar.SECONDS_PER_DAY == 0 else Granularity.UNKNOWN


def range_text(lo: int, hi: int, granularity: Granularity) -> str:
    """The period [lo, hi) in words, ends inclusive and shared parts said once: "10 – 16 March
    2003", "March – May 2003", "2002 – 2003", "490 BC – AD 79"; one unit alone: "18 March 2003"."""
    last = max(lo, hi - 1)
    bce = calendar.civil_from_seconds(lo)[0] < 1 <= calendar.civil_from_seconds(last)[0]
    first_text, last_text = format_time(lo, granularity), format_time(last, granularity, ad=bce)
    if first_text == last_text:
        return first_text
    (y0, m0, *_), (y1, m1, *_) = calendar.civil_from_seconds(lo), calendar.civil_from_seconds(last)
    day = granularity < Granularity.MONTH or granularity == Granularity.UNKNOWN
    if y0 == y1 and " " in first_text and ":" not in first_text + last_text:
        words = first_text.split(" ")
        # drop the shared year (and, for days of one month, the shared month) from the first
        keep = 1 if day and m0 == m1 else (2 if day else 1)
        first_text = " ".join(words[:keep])
    return f"{first_text} – {last_text}"


def period_text(lo: int, hi: int) -> str:
    """The period [lo, hi) of the data, in words at the coarsest unit its ends fall on:
    "1950 – 2019", "March – May 2003", "490 BC – AD 79" (the subtitle's and the summary's)."""
    return range_text(lo, max(lo, hi), aligned_grain(lo, max(lo + 1, hi)))


_DAY = calendar.SECONDS_PER_DAY
_NUMBER_WORDS = {1: "a", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine"}


def _count(n: int, unit: str, *, about: bool = False) -> str:
    words = _NUMBER_WORDS.get(n, f"{n:,}")
    text = f"{words} {unit}" if n == 1 else f"{words} {unit}s"
    return f"about {text}" if about else text


def duration_text(lo: int, hi: int) -> str:
    """How long the period [lo, hi) is, in words: "a week", "two years", "about 5 months"."""
    seconds = hi - lo
    if seconds <= 0:
        return "an instant"
    (y0, m0, d0, *t0), (y1, m1, d1, *t1) = calendar.civil_from_seconds(lo), calendar.civil_from_seconds(hi)
    if d0 == d1 and t0 == t1:  # whole calendar months or years
        months = (y1 - y0) * 12 + (m1 - m0)
        if months % 12 == 0:
            years = months // 12
            return {10: "a decade", 100: "a century", 1000: "a millennium"}.get(years) or _count(years, "year")
        return _count(months, "month")
    if seconds % _DAY == 0:
        days = seconds // _DAY
        if days % 7 == 0 and days <= 56:
            return _count(days // 7, "week")
        if days <= 60:
            return _count(days, "day")
        if days < 730:
            return _count(round(days / 30.44), "month", about=True)
        return _count(round(days / 365.2425), "year", about=True)
    if seconds < 3600:
        return _count(max(1, round(seconds / 60)), "minute", about=seconds % 60 != 0)
    if seconds < 2 * _DAY:
        return _count(round(seconds / 3600), "hour", about=seconds % 3600 != 0)
    return _count(round(seconds / _DAY), "day", about=True)


def describe_span(span: Span) -> str:
    """The period a span allows, in words, ends inclusive: "10 – 16 March 2003 (a week)",
    "2002 – 2003 (two years)". An open start reads "before 18 March 2003", an open end
    "after 18 March 2003" or "from 1999 on": the text's own word where it said one (TIMEX3
    ``BEFORE``/``AFTER``...), and for times only before or after the document
    (``PAST_REF``/``FUTURE_REF``) the document's date (the reference moment falls in it)."""
    lo, hi = span.earliest_start, span.latest_end  # an open start or end is unbounded
    grain = _grain(span, (lo, hi))
    mod = (span.mod or "").upper()
    relative = (span.timex or "").endswith("_REF")
    if lo is None and hi is None:
        inner = span.latest_start if span.latest_start is not None else span.earliest_end
        text = "unknown" if inner is None else f"around {format_time(inner, grain)}, unbounded both ways"
    elif hi is None:
        assert lo is not None
        if mod == "AFTER":
            text = f"after {format_time(lo - 1, grain)}"  # the start is the end of what it is after
        elif mod == "ON_OR_AFTER":
            text = f"on or after {format_time(lo, grain)}"
        elif relative:
            text = f"after {format_time(lo, grain)}"
        else:
            text = f"from {format_time(lo, grain)} on"
    elif lo is None:
        if mod == "ON_OR_BEFORE":
            text = f"on or before {format_time(hi - 1, grain)}"
        elif relative:
            text = f"before {format_time(hi - 1, grain)}"  # the end is the end of the document's day
        else:
            text = f"before {format_time(hi, grain)}"  # the end is exclusive: the first time it excludes
    else:
        fine = aligned_grain(lo, hi)  # a narrowed period ("early 2003") said to the day it ends on
        text = range_text(lo, hi, grain if fine == Granularity.UNKNOWN or fine >= grain else fine)
        if "–" in text:
            text += f" ({duration_text(lo, hi)})"
    if mod and mod not in _OPEN_MODS:
        text = f"{_MOD_WORDS.get(mod, mod.lower().replace('_', ' '))}: {text}"
    return text


# -- time as numbers ------------------------------------------------------------------------------


def fractional_year(value: int) -> float:
    """Seconds since 1970 as an astronomical year with a fraction: 2003-07-02 -> 2003.5."""
    year = calendar.civil_from_seconds(value)[0]
    start, end = calendar.year_range(year)
    return year + (value - start) / (end - start)


def seconds_from_fractional_year(value: float) -> int:
    """The inverse of ``fractional_year`` (to the second)."""
    year = math.floor(value)
    start, end = calendar.year_range(year)
    return start + round((value - year) * (end - start))


def choose_axis(lo: int | None, hi: int | None) -> Axis:
    """``temporal`` when every bound is AD and the browser's ``Date`` holds it, else ``year``."""
    if lo is None or hi is None:
        return "temporal"
    return "temporal" if lo >= _AD_1 and hi < _TEMPORAL_LIMIT_SECONDS else "year"


def historical_year(value: int) -> float:
    """Seconds since 1970 on the historical year count of the ``year`` axis (see the module)."""
    astronomical = fractional_year(value)
    if astronomical >= 1:
        return astronomical if astronomical >= 2 else (astronomical - 1) * 2  # AD 1 stretches over [0, 2)
    return astronomical - 1


def seconds_from_historical_year(value: float) -> int:
    """The inverse of ``historical_year``."""
    if value >= 2:
        return seconds_from_fractional_year(value)
    if value >= 0:
        return seconds_from_fractional_year(1 + value / 2)
    return seconds_from_fractional_year(value + 1)


def to_x(value: int, axis: Axis) -> float:
    """A time in seconds as the chart's x number."""
    return float(value * MS_PER_SECOND) if axis == "temporal" else historical_year(value)


def from_x(value: float, axis: Axis) -> int:
    """A chart x number back to seconds since 1970."""
    return round(value / MS_PER_SECOND) if axis == "temporal" else seconds_from_historical_year(value)


def x_domain(t0: int, t1: int, axis: Axis) -> tuple[float, float]:
    """The x domain shown for times ``t0`` to ``t1`` (seconds): padded by 6 % each side (room
    for an open end's arrow at 800 px)."""
    x0, x1 = to_x(t0, axis), to_x(t1, axis)
    if x1 <= x0:
        pad = 86_400_000.0 if axis == "temporal" else 1.0
        x0, x1 = x0 - pad, x1 + pad
    pad = (x1 - x0) * 0.06
    return (x0 - pad, x1 + pad)
