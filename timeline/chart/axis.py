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
    "YEAR_LABEL",
    "Axis",
    "choose_axis",
    "describe_span",
    "format_time",
    "fractional_year",
    "from_x",
    "historical_year",
    "seconds_from_fractional_year",
    "seconds_from_historical_year",
    "to_x",
    "x_domain",
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
YEAR_LABEL = (
    "datum.value < 0 ? format(-datum.value, -datum.value >= 1e5 ? '.3~s' : 'd') + ' BC'"
    " : (datum.value < 1 ? 'AD 1' : format(floor(datum.value), datum.value >= 1e5 ? '.3~s' : 'd'))"
)


# -- times in words -------------------------------------------------------------------------------


def year_text(year: int) -> str:
    """An astronomical year as people write it: 2003, 490 BC (year 0 is 1 BC)."""
    return str(year) if year >= 1 else f"{1 - year} BC"


def format_time(value: int, granularity: Granularity = Granularity.DAY) -> str:
    """A time in seconds as a label at ``granularity``: "2003", "March 2003", "18 March 2003"."""
    year, month, day, hour, minute, _ = calendar.civil_from_seconds(value)
    if granularity >= Granularity.YEAR and granularity != Granularity.UNKNOWN:
        return year_text(year)
    if granularity >= Granularity.MONTH and granularity != Granularity.UNKNOWN:
        return f"{_MONTHS[month]} {year_text(year)}"
    text = f"{day} {_MONTHS[month]} {year_text(year)}"
    if granularity <= Granularity.PART_OF_DAY or (granularity == Granularity.UNKNOWN and (hour or minute)):
        text += f" {hour:02d}:{minute:02d}"
    return text


def _grain(span: Span, bounds: tuple[int | None, ...]) -> Granularity:
    grain = span.granularity
    if grain == Granularity.UNKNOWN and all(b % calendar.SECONDS_PER_DAY == 0 for b in bounds if b is not None):
        return Granularity.DAY
    return grain


def describe_span(span: Span) -> str:
    """The period a span allows, in words, ends inclusive: "10 March 2003 – 16 March 2003",
    "by 18 March 2003" (an end known, no start), "from 18 March 2003 on" (a start, no end)."""
    lo, hi = span.earliest_start, span.latest_end  # an open start or end is unbounded
    grain = _grain(span, (lo, hi))
    if lo is None and hi is None:
        inner = span.latest_start if span.latest_start is not None else span.earliest_end
        text = "unknown" if inner is None else f"around {format_time(inner, grain)}, unbounded both ways"
    elif hi is None:
        assert lo is not None
        text = f"from {format_time(lo, grain)} on"
    elif lo is None:
        text = f"by {format_time(hi - 1, grain)}"  # the end is exclusive: the last unit it allows
    else:
        first, last = format_time(lo, grain), format_time(max(lo, hi - 1), grain)
        text = first if first == last else f"{first} – {last}"
    if span.mod:
        text = f"{span.mod.lower().replace('_', ' ')}: {text}"
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
