"""Counts per lane and calendar period, for timelines too large to draw one by one.

``aggregate`` bins the items' times (NumPy, calendar-exact: days, weeks, months, quarters,
years, decades ...) at up to three zoom levels; the chart shows the level that fits the visible
x span (chosen in the browser from the zoom signal). A chart above ``max_marks`` marks is drawn
this way as a whole, never single items in one window and counts beside them.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import attrs
import numpy as np
import numpy.typing as npt

from timeline import calendar
from timeline.chart.axis import Axis, from_x, range_text, to_x
from timeline.chart.rows import Row
from timeline.span import Granularity

__all__ = ["Level", "aggregate", "civil_from_days_array"]


@attrs.frozen(slots=True)
class Level:
    """One zoom level of the aggregated view: its bins and the view widths it shows at."""

    unit: str  # "day", "month" or "year"
    step: int  # bins of ``step`` units
    show_below: float  # shown when the visible x span is below this ...
    show_from: float  # ... and at least this


# -- counts per lane and period ------------------------------------------------------------------

_DAYS_PER_YEAR = 365.2425
# Bin sizes, finest first: (unit, step).
_LADDER: tuple[tuple[str, int], ...] = (
    ("day", 1), ("day", 7), ("month", 1), ("month", 3), ("year", 1), ("year", 5), ("year", 10),
    ("year", 50), ("year", 100), ("year", 500), *(("year", 10**k) for k in range(3, 11)),
)


def _unit_seconds(unit: str, step: int) -> float:
    days = {"day": 1.0, "month": _DAYS_PER_YEAR / 12, "year": _DAYS_PER_YEAR}[unit]
    return days * step * calendar.SECONDS_PER_DAY


def civil_from_days_array(days: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], ...]:
    """``calendar.civil_from_days`` on a NumPy array: (years, months, days)."""
    z = days + 719_468
    era = np.floor_divide(z, 146_097)
    doe = z - era * 146_097
    yoe = (doe - doe // 1460 + doe // 36_524 - doe // 146_096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = np.where(mp < 10, mp + 3, mp - 9)
    year = yoe + era * 400 + (month <= 2)
    return year, month, day


def _bin_index(days: npt.NDArray[np.int64], months: npt.NDArray[np.int64] | None, unit: str, step: int) -> npt.NDArray[np.int64]:
    """The bin of each time: from its day number, or its month count (year * 12 + month - 1)."""
    index: npt.NDArray[np.int64]
    if unit == "day":
        index = np.floor_divide(days + 3, step) if step == 7 else np.floor_divide(days, step)  # weeks from Monday
    else:
        assert months is not None
        index = np.floor_divide(months, step) if unit == "month" else np.floor_divide(np.floor_divide(months, 12), step)
    return index


def _bin_range(index: int, unit: str, step: int) -> tuple[int, int]:
    if unit == "day":
        first = index * step - (3 if step == 7 else 0)
        return first * calendar.SECONDS_PER_DAY, (first + step) * calendar.SECONDS_PER_DAY
    if unit == "month":
        y0, m0 = divmod(index * step, 12)
        y1, m1 = divmod((index + 1) * step, 12)
        return calendar.seconds(y0, m0 + 1), calendar.seconds(y1, m1 + 1)
    return calendar.seconds(index * step), calendar.seconds((index + 1) * step)


def _bin_label(start: int, end: int, unit: str, step: int) -> str:
    if unit == "day":
        grain = Granularity.DAY
    elif unit == "month":
        grain = Granularity.MONTH
    else:
        grain = Granularity.YEAR
    return range_text(start, end, grain)


def aggregate(
    mids: npt.NDArray[np.int64],
    lane_codes: npt.NDArray[np.int64],
    lane_names: Sequence[str],
    lane_first_rows: Sequence[int],
    lane_row_counts: Sequence[int],
    *,
    axis: Axis,
    domain: tuple[float, float],
    targets: Sequence[int] = (30, 240, 1500),
) -> tuple[list[Row], tuple[Level, ...]]:
    """Counts of items per lane and calendar period, at up to three zoom levels.

    ``mids`` are the items' times in seconds, ``lane_codes`` their lane numbers. Each level
    takes the finest calendar bin (day, week, month, quarter, year, decade ...) that splits the
    chart's domain into at most ``targets[i]`` periods. A level is shown while the visible x
    span holds between about 12 and ``targets`` of its bins (``Level.show_from``/``show_below``).
    """
    if len(mids) == 0:
        return [], ()
    t0, t1 = from_x(domain[0], axis), from_x(domain[1], axis)
    chosen: list[tuple[str, int]] = []
    for target in targets:
        for unit, step in _LADDER:
            if (t1 - t0) / _unit_seconds(unit, step) <= target:
                if (unit, step) not in chosen:
                    chosen.append((unit, step))
                break
    x_span = domain[1] - domain[0]
    levels: list[Level] = []
    for i, (unit, step) in enumerate(chosen):
        bin_x = x_span * _unit_seconds(unit, step) / max(1, t1 - t0)
        show_below = math.inf if i == 0 else bin_x * 60
        show_from = 0.0 if i == len(chosen) - 1 else _bin_x(chosen[i + 1], x_span, t0, t1) * 60
        levels.append(Level(unit, step, show_below, show_from))
    rows: list[Row] = []
    n_lanes = len(lane_names)
    days = np.floor_divide(mids, calendar.SECONDS_PER_DAY)
    months = None
    if any(unit != "day" for unit, _ in chosen):  # the calendar once for every level
        year, month, _ = civil_from_days_array(days)
        months = year * 12 + month - 1
    for level, (unit, step) in enumerate(chosen):
        bins = _bin_index(days, months, unit, step)
        keys = bins * n_lanes + lane_codes
        unique, counts = np.unique(keys, return_counts=True)
        for key, count in zip(unique.tolist(), counts.tolist(), strict=True):
            b, lane = divmod(key, n_lanes)
            start, end = _bin_range(b, unit, step)
            first = lane_first_rows[lane]
            rows.append({
                "level": level,
                "lane": lane_names[lane],
                "y0": first - 0.45,
                "y1": first + lane_row_counts[lane] - 0.55,
                "x0": to_x(start, axis),
                "x1": to_x(end, axis),
                "n": count,
                "period": _bin_label(start, end, unit, step),
            })
    return rows, tuple(levels)


def _bin_x(unit_step: tuple[str, int], x_span: float, t0: int, t1: int) -> float:
    return x_span * _unit_seconds(*unit_step) / max(1, t1 - t0)
