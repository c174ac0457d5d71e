"""The notation the codecs share: years, instants, zone offsets, calendar periods and the
sides of an interval, as TIMEX3, ISO 8601 and EDTF write them.

Each writer takes a ``style``: ``"timex3"`` (``BC0490``, ``2003-Q1``, decades ``199``),
``"iso"`` (``-0489``, ``+12000``) or ``"edtf"`` (``-0489``, ``Y12000``, groupings ``2003-33``).
Readers name the whole value in their errors, with the error class of the codec calling.

Years are bounded: a value may name any year within ±10^9 (``MAX_YEAR``), far past what any
source says, and its seconds stay well inside an int64 (about ±3.2e16 s). Larger years are
refused as a ``ValueError`` naming the value, before any arithmetic on them.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from timeline import calendar as cal
from timeline.bounds import Bounds, HasBounds
from timeline.errors import InvalidTimeValue
from timeline.granularity import Granularity

__all__ = [
    "MAX_YEAR",
    "Side",
    "Style",
    "checked_year",
    "instant_text",
    "interval_bounds",
    "interval_text",
    "period_of",
    "period_text",
    "side_text",
    "writes_months",
    "year_from_digits",
    "year_text",
    "zone_seconds",
]

Style = Literal["timex3", "iso", "edtf"]

MAX_YEAR = 10**9
"""The largest absolute (astronomical) year a value may name."""


# --- years --------------------------------------------------------------------------------


def checked_year(year: int, value: object, error: type[InvalidTimeValue]) -> int:
    """``year`` when |year| <= ``MAX_YEAR``; else ``error`` naming ``value``."""
    if not -MAX_YEAR <= year <= MAX_YEAR:
        raise error(value, f"year {year} is outside the years a time value may name (±10^9)")
    return year


def year_from_digits(
    digits: str, value: object, error: type[InvalidTimeValue], *, bc: bool = False
) -> int:
    """The astronomical year written as ``digits`` (an optional sign, then digits; ``bc``: a
    year before Christ, 1 BC being year 0), refused as ``error`` naming ``value`` beyond
    ``MAX_YEAR``. The length is checked before the digits are read, so a thousand-digit year
    costs no more than a short one."""
    if len(digits.lstrip("+-").lstrip("0")) > len(str(MAX_YEAR)):
        shown = digits if len(digits) <= 12 else digits[:12] + "..."
        raise error(value, f"year {shown} is outside the years a time value may name (±10^9)")
    return checked_year(1 - int(digits) if bc else int(digits), value, error)


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


def writes_months(year: int, style: Style) -> bool:
    """Whether the notation can write months and days in ``year``: EDTF's long ``Y`` years
    (past ±9999) take none."""
    return style != "edtf" or -9999 <= year <= 9999


def instant_text(t: int, style: Style = "iso") -> str | None:
    """A seconds count as a date-time to the second; None where the notation has no form."""
    y, mo, d, h, mi, s = cal.civil_from_seconds(t)
    if not writes_months(y, style) or not -MAX_YEAR <= y <= MAX_YEAR:
        return None
    return f"{year_text(y, style)}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}"


# --- zone offsets -------------------------------------------------------------------------


def zone_seconds(zone: str | None, value: object, error: type[InvalidTimeValue]) -> int:
    """Seconds east of UTC of ``Z``, ``+hh``, ``+hhmm`` or ``+hh:mm`` (None: 0); offsets past
    14 hours or 59 minutes are ``error`` naming ``value``."""
    if zone is None or zone == "Z":
        return 0
    digits = zone[1:].replace(":", "")
    hours, minutes = int(digits[:2]), int(digits[2:] or 0)
    if hours > 14 or minutes > 59:
        raise error(value, f"time zone offset {zone}")
    total = hours * 3600 + minutes * 60
    return -total if zone[0] == "-" else total


# --- intervals in ---------------------------------------------------------------------------


class Side(NamedTuple):
    """One side of an interval as read: the period [lo, hi) it names (None: the year is
    unknown); a side stated to the second is that exact instant."""

    lo: int | None
    hi: int | None
    granularity: Granularity


def interval_bounds(
    start: Side | None, end: Side | None, value: object, error: type[InvalidTimeValue]
) -> Bounds:
    """Bounds of an interval "start/end" (None: an open or unknown side): it starts within
    the first side's period and ends within the second's; an open start still comes before
    the end, an open end still after the start."""
    es = ls = ee = le = None
    grans = []
    if start is not None:
        es, ls = start.lo, (start.lo if start.granularity is Granularity.SECOND else start.hi)
        grans.append(start.granularity)
    if end is not None:
        ee, le = end.lo, (end.lo if end.granularity is Granularity.SECOND else end.hi)
        grans.append(end.granularity)
    if es is not None and le is not None and es > le:
        raise error(value, "the interval ends before it starts")
    if start is None:
        ls = le  # it starts by the time it ends
    if end is None:
        ee = es  # it ends after it starts
    return Bounds(es, ls, ee, le, max(grans) if grans else Granularity.UNKNOWN)


# --- calendar periods out -----------------------------------------------------------------


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


def period_text(bounds: HasBounds, style: Style = "iso") -> str | None:
    """The text of the calendar period "within" bounds are ("2003-03", "2003-W11", TIMEX3 also
    "2003-Q1", "199"), or None when they are not exactly one calendar period."""
    es, le = bounds.earliest_start, bounds.latest_end
    if es is None or le is None or es != bounds.earliest_end or bounds.latest_start != le:
        return None
    found = period_of(es, le)
    if found is None:
        return None
    granularity, pattern = found
    year, month = cal.civil_from_seconds(es)[:2]
    if not -MAX_YEAR <= year <= MAX_YEAR:
        return None  # no reader takes it back
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
    if not writes_months(year, "edtf"):
        return None
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


# --- intervals out --------------------------------------------------------------------------


def side_text(lo: int | None, hi: int | None, style: Style) -> str | None:
    """One side of an interval: an exact instant (to the second), or a calendar period longer
    than a second; None when it is neither."""
    if lo is None or hi is None:
        return None
    if lo == hi:
        return instant_text(lo, style)
    if hi - lo == 1:  # a one-second period would read back as an exact instant
        return None
    return period_text(Bounds.within(lo, hi), style)


def interval_text(bounds: HasBounds, style: Style) -> str | None:
    """"start/end" whose sides are periods or exact instants ("..": open), reading back to
    the same bounds; None when a side is neither."""
    es, ls, ee, le = bounds.earliest_start, bounds.latest_start, bounds.earliest_end, bounds.latest_end
    # an open side reads back with its near bound taken from the other side
    start = ".." if es is None and ls == le else side_text(es, ls, style)
    end = ".." if le is None and ee == es else side_text(ee, le, style)
    if start is None or end is None or start == end == "..":
        return None
    return f"{start}/{end}"
