"""What a timeline chart draws: items turned into plain rows, and counts for large timelines.

``prepare(items, ...)`` reads any iterable of ``TimelineItem`` objects once and returns a
``ChartData``: one JSON-ready row per drawn item (its lane and row, numeric x positions for the
pale band of what is possible and the solid part of what is certain, the marker, open ends, and
the texts the tooltip and the table show), plus, above ``max_marks`` items, counts per lane and
period at up to three zoom levels, computed here with NumPy.

Time on the chart is numeric, never ``datetime64``: Vega-Lite cannot read the strings Altair
writes for BCE dates and such points vanish without a word. Two axes:

* ``temporal``: milliseconds since 1970-01-01 (proleptic Gregorian, UTC), which the browser's
  ``Date`` reads for any year between about 271,821 BC and AD 275,759; Vega-Lite then draws a
  UTC time axis and a label expression writes years before AD 1 as "490 BC";
* ``year``: fractional astronomical years, for deep time beyond what ``Date`` can hold.

Conversions use ``timeline.calendar``'s integer arithmetic, so every year works.
"""

from __future__ import annotations

import calendar as _stdlib_calendar
import enum
import json
import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import resources
from typing import Any, Literal

import attrs
import numpy as np
import numpy.typing as npt

from timeline import calendar
from timeline.span import Granularity, Span

Row = dict[str, Any]
Axis = Literal["temporal", "year"]

MS_PER_SECOND = 1000
# The browser's Date holds +-8.64e15 ms around 1970 (about 271,821 BC to AD 275,759); stay inside.
_TEMPORAL_LIMIT_SECONDS = 8_000_000_000_000

LANE_FIELDS = ("kind", "actor", "place", "doc", "status", "lane")
NONE_LANE = "(none)"
OTHER_LANE = "(other)"

# How each status is drawn: each status word (events.Status, or whatever a researcher's rows
# say) falls into one drawing class (the table is data: timeline/data/status_classes.json).
STATUS_CLASSES: Mapping[str, str] = {
    word: drawn
    for drawn, words in json.loads(resources.files("timeline").joinpath("data", "status_classes.json").read_text(encoding="utf-8"))["classes"].items()
    for word in words
}
STATUS_ORDER = ("occurred", "ongoing", "planned", "hypothetical", "failed")

_MONTHS = tuple(_stdlib_calendar.month_name)  # "", "January", ... in the C locale


# -- time as numbers and as words -------------------------------------------------------------


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


def describe_span(span: Span) -> str:
    """The period a span allows, in words: "10 March 2003 – 16 March 2003", "after 1999"."""
    lo = span.earliest_start if span.earliest_start is not None else span.latest_start
    hi = span.latest_end if span.latest_end is not None else span.earliest_end
    grain = span.granularity
    if grain == Granularity.UNKNOWN and all(b % calendar.SECONDS_PER_DAY == 0 for b in (lo, hi) if b is not None):
        grain = Granularity.DAY
    if lo is None and hi is None:
        text = "unknown"
    elif hi is None:
        assert lo is not None
        text = f"from {format_time(lo, grain)} on"
    elif lo is None:
        text = f"before {format_time(hi, grain)}"
    else:
        first, last = format_time(lo, grain), format_time(max(lo, hi - 1), grain)
        text = first if first == last else f"{first} – {last}"
    if span.mod:
        text = f"{span.mod.lower().replace('_', ' ')}: {text}"
    return text


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
    """``temporal`` when the browser's ``Date`` holds every bound, else ``year``."""
    if lo is None or hi is None:
        return "temporal"
    return "temporal" if lo > -_TEMPORAL_LIMIT_SECONDS and hi < _TEMPORAL_LIMIT_SECONDS else "year"


def to_x(value: int, axis: Axis) -> float:
    """A time in seconds as the chart's x number."""
    return float(value * MS_PER_SECOND) if axis == "temporal" else fractional_year(value)


def from_x(value: float, axis: Axis) -> int:
    """A chart x number back to seconds since 1970."""
    return round(value / MS_PER_SECOND) if axis == "temporal" else seconds_from_fractional_year(value)


# -- reading items through the protocol ------------------------------------------------------


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        return str(value.value)
    return str(value)


def _names(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    try:
        return tuple(_text(v) for v in value)  # type: ignore[attr-defined]
    except TypeError:
        return (_text(value),)


def _extra(item: object, name: str) -> object:
    """An optional attribute, or the same key of an ``attributes`` mapping (``Item``)."""
    value = getattr(item, name, None)
    if value is None:
        attributes = getattr(item, "attributes", None)
        if isinstance(attributes, Mapping):
            value = attributes.get(name)
    return value


def _quantity_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else str(value)
    number = getattr(value, "value", None)
    if number is None and isinstance(value, Mapping):
        number, unit, qualifier = value.get("value"), value.get("unit"), value.get("qualifier")
    else:
        unit, qualifier = getattr(value, "unit", None), getattr(value, "qualifier", None)
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    parts = [_text(qualifier), f"{number:,}" if isinstance(number, int | float) else _text(number), _text(unit)]
    return " ".join(p for p in parts if p)


def status_class(status: object) -> str:
    """The drawing class of a status: occurred, ongoing, planned, hypothetical or failed."""
    word = _text(status).strip().lower()
    return STATUS_CLASSES.get(word, "occurred")


def lane_key(item: object, lanes: str | Callable[[Any], object]) -> str:
    """The lane an item goes in: its kind, first actor, first place, document or status."""
    if callable(lanes):
        return _text(lanes(item)) or NONE_LANE
    if lanes == "kind":
        value: object = getattr(item, "kind", None)
    elif lanes == "actor":
        value = next(iter(_names(getattr(item, "actor_names", ()))), None)
    elif lanes == "place":
        value = next(iter(_names(getattr(item, "place_names", ()))), None)
    elif lanes in ("doc", "document"):
        value = getattr(item, "doc", None)
    elif lanes == "status":
        value = getattr(item, "status", None)
    else:
        value = _extra(item, lanes)
    return _text(value) or NONE_LANE


def _check_field(name: str, what: str) -> None:
    if not isinstance(name, str) or not name:
        raise ValueError(f"{name!r} is not a {what}: expected one of {', '.join(LANE_FIELDS)} or an attribute name")


# -- the data a chart draws ----------------------------------------------------------------------


@attrs.frozen(slots=True)
class Level:
    """One zoom level of the aggregated view: its bins and the view widths it shows at."""

    unit: str  # "day", "month" or "year"
    step: int  # bins of ``step`` units
    show_below: float  # shown when the visible x span is below this ...
    show_from: float  # ... and at least this


@attrs.frozen(slots=True)
class ChartData:
    """Everything a chart draws, as JSON-ready rows (see the module docstring)."""

    rows: list[Row]
    table: list[Row]
    aggregates: list[Row]
    levels: tuple[Level, ...]
    lanes: tuple[str, ...]
    lane_first_row: tuple[int, ...]
    n_rows: int
    colors: tuple[str, ...]
    statuses: tuple[str, ...]
    axis: Axis
    domain: tuple[float, float]
    window: tuple[float, float] | None
    dct: Row | None
    eras: list[Row]
    n_items: int
    n_undated: int
    lane_field: str
    color_field: str
    labels: bool

    @property
    def aggregated(self) -> bool:
        """Whether some items are drawn as counts rather than one by one."""
        return bool(self.aggregates)

    @property
    def n_marks(self) -> int:
        """How many marks the detail view draws (bands, certain parts, markers, counts)."""
        return 3 * len(self.rows) + len(self.aggregates)


@attrs.frozen(slots=True)
class _Bounds:
    """An item's four bounds, and where its band and marker go, in seconds."""

    lo: int
    hi: int
    mid: int
    open_start: bool
    open_end: bool


def _bounds(span: Span) -> tuple[int, int, bool, bool] | None:
    es, ls, ee, le = span.earliest_start, span.latest_start, span.earliest_end, span.latest_end
    known = [b for b in (es, ls, ee, le) if b is not None]
    if not known:
        return None
    lo = es if es is not None else min(known)
    hi = le if le is not None else max(known)
    return lo, max(lo, hi), es is None, le is None


def _marker(lo: int, hi: int, open_start: bool, open_end: bool) -> int:
    """Where an item's marker goes: the middle of its band, or its known bound if one is open."""
    if open_start and not open_end:
        return hi
    if open_end and not open_start:
        return lo
    return lo + (hi - lo) // 2


def _era_rows(eras: Iterable[Any] | None) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for era in eras or ():
        if isinstance(era, tuple | list):
            if len(era) == 2 and isinstance(era[1], Span):
                label, span = era
            elif len(era) == 3:
                label, start, end = era
                out.append((_text(label), int(start), int(end)))
                continue
            else:
                raise ValueError(f"{era!r} is not an era: expected (label, Span) or (label, start, end)")
        else:
            label, span = getattr(era, "label", ""), getattr(era, "time", None)
            if not isinstance(span, Span):
                raise ValueError(f"{era!r} is not an era: it has no time span")
        bounds = _bounds(span)
        if bounds is None:
            raise ValueError(f"era {label!r} has no known bounds")
        out.append((_text(label), bounds[0], bounds[1]))
    return out


def prepare(
    items: Iterable[Any],
    *,
    dct: Span | None = None,
    lanes: str | Callable[[Any], object] = "kind",
    color: str = "kind",
    eras: Iterable[Any] | None = None,
    max_marks: int = 5000,
    window: tuple[int, int] | Span | None = None,
    width: int = 800,
    labels: bool | None = None,
    max_lanes: int = 40,
    max_rows_per_lane: int = 24,
    table_limit: int = 1000,
) -> ChartData:
    """Read ``items`` once into the rows a chart draws.

    ``lanes`` and ``color`` name what splits the rows and what colours the marks: ``kind``,
    ``actor`` (the first actor), ``place`` (the first place), ``doc``, ``status`` or any other
    attribute; ``lanes`` may also be a function of the item. Above ``max_marks`` items only those
    inside ``window`` (default: the ``max_marks`` nearest the document date, or the latest) are
    drawn one by one; the rest become counts per lane and period.
    """
    if not callable(lanes):
        _check_field(lanes, "lane field")
    _check_field(color, "colour field")
    if max_marks < 1:
        raise ValueError(f"max_marks={max_marks!r} is not a number of marks: expected at least 1")
    if dct is None:
        candidate = getattr(items, "dct", None)
        dct = candidate if isinstance(candidate, Span) else None
    item_list = list(items)

    # One pass over the items: bounds, lanes, colours.
    dated: list[tuple[Any, int, int, int, bool, bool]] = []
    undated: list[Any] = []
    for item in item_list:
        span = getattr(item, "time", None)
        bounds = _bounds(span) if isinstance(span, Span) else None
        if bounds is None:
            undated.append(item)
            continue
        lo, hi, open_start, open_end = bounds
        dated.append((item, lo, hi, _marker(lo, hi, open_start, open_end), open_start, open_end))

    era_list = _era_rows(eras)
    dct_bounds = _bounds(dct) if dct is not None else None
    known = [b for _, lo, hi, _m, _os, _oe in dated for b in (lo, hi)]
    if dct_bounds:
        known += [dct_bounds[0], dct_bounds[1]]
    for _, start, end in era_list:
        known += [start, end]
    if known:
        t0, t1 = min(known), max(known)
    else:
        t0, t1 = calendar.seconds(2000), calendar.seconds(2001)
    axis = choose_axis(t0, t1)
    x0, x1 = to_x(t0, axis), to_x(t1, axis)
    if x1 <= x0:
        pad = 86_400_000.0 if axis == "temporal" else 1.0
        x0, x1 = x0 - pad, x1 + pad
    pad = (x1 - x0) * 0.04
    domain = (x0 - pad, x1 + pad)

    lane_counts: dict[str, int] = {}
    lane_of: list[str] = []
    for item, *_ in dated:
        key = lane_key(item, lanes)
        lane_of.append(key)
        lane_counts[key] = lane_counts.get(key, 0) + 1
    if len(lane_counts) > max_lanes:
        keep = set(sorted(lane_counts, key=lambda k: (-lane_counts[k], k))[: max_lanes - 1])
        lane_of = [k if k in keep else OTHER_LANE for k in lane_of]

    # Which items are drawn one by one.
    n = len(dated)
    mids = np.fromiter((d[3] for d in dated), dtype=np.int64, count=n)
    if n <= max_marks:
        single = np.ones(n, dtype=bool)
        window_x: tuple[float, float] | None = None
    else:
        single, window_seconds = _choose_window(mids, max_marks, window, dct_bounds)
        window_x = (to_x(window_seconds[0], axis), to_x(window_seconds[1], axis))
    n_single = int(single.sum())
    show_labels = n_single <= 300 if labels is None else labels

    # Lanes in order of their first item in time, "(none)" and "(other)" last.
    first_time: dict[str, int] = {}
    for key, (_, lo, *_rest) in zip(lane_of, dated, strict=True):
        if key not in first_time or lo < first_time[key]:
            first_time[key] = lo
    lane_names = sorted(first_time, key=lambda k: (k in (NONE_LANE, OTHER_LANE), first_time[k], k))

    # Pack single items into rows inside their lane, so that bands and labels do not collide.
    px = width / (domain[1] - domain[0])
    by_lane: dict[str, list[int]] = {k: [] for k in lane_names}
    for index in np.flatnonzero(single).tolist():
        by_lane[lane_of[index]].append(index)
    sub_row: dict[int, int] = {}
    lane_rows: dict[str, int] = {}
    for key in lane_names:
        ends: list[float] = []
        for index in sorted(by_lane[key], key=lambda i: (dated[i][1], dated[i][2])):
            item, lo, hi, mid, _os, _oe = dated[index]
            lo_x = domain[0] if _os else to_x(lo, axis)
            hi_x = domain[1] if _oe else to_x(hi, axis)
            mid_x = to_x(mid, axis)
            label_px = 6.0 * min(len(_text(getattr(item, "label", ""))), 32) + 14 if show_labels else 6.0
            start_px = min(lo_x, mid_x) * px - 7
            end_px = max(hi_x * px, mid_x * px + label_px)
            for r, row_end in enumerate(ends):
                if row_end <= start_px:
                    ends[r] = end_px
                    sub_row[index] = r
                    break
            else:
                if len(ends) < max_rows_per_lane:
                    ends.append(end_px)
                    sub_row[index] = len(ends) - 1
                else:
                    r = min(range(len(ends)), key=ends.__getitem__)
                    ends[r] = max(ends[r], end_px)
                    sub_row[index] = r
        lane_rows[key] = max(1, len(ends))
    first_row: dict[str, int] = {}
    total = 0
    for key in lane_names:
        first_row[key] = total
        total += lane_rows[key]

    colour_values: set[str] = set()
    rows: list[Row] = []
    for index in np.flatnonzero(single).tolist():
        item, lo, hi, mid, open_start, open_end = dated[index]
        row = _row(item, lo, hi, mid, open_start, open_end, axis, domain, lanes, color)
        row["lane"] = lane_of[index]
        row["row"] = first_row[lane_of[index]] + sub_row[index]
        colour_values.add(row["color"])
        rows.append(row)
    rows.sort(key=lambda r: (r["row"], r["lo"]))

    aggregates: list[Row] = []
    levels: tuple[Level, ...] = ()
    if n_single < n:
        rest = np.flatnonzero(~single)
        lane_index = {k: i for i, k in enumerate(lane_names)}
        codes = np.fromiter((lane_index[lane_of[i]] for i in rest), dtype=np.int64, count=len(rest))
        aggregates, levels = aggregate(
            mids[rest], codes, lane_names, [first_row[k] for k in lane_names],
            [lane_rows[k] for k in lane_names], axis=axis, domain=domain,
        )

    table_items = sorted(dated, key=lambda d: (d[3], d[1]))[:table_limit]
    table = [
        _row(item, lo, hi, mid, os_, oe, axis, domain, lanes, color, tooltip=False)
        for item, lo, hi, mid, os_, oe in table_items
    ]
    table += [_undated_row(item, lanes, color) for item in undated[: max(0, table_limit - len(table))]]

    dct_row = None
    if dct is not None and dct_bounds is not None:
        at = _marker(*dct_bounds)
        dct_row = {"x": to_x(at, axis), "label": f"report of {format_time(dct_bounds[0], Granularity.DAY)}"}
    era_rows = [
        {"label": label, "x0": to_x(start, axis), "x1": to_x(end, axis), "band": i % 2}
        for i, (label, start, end) in enumerate(era_list)
    ]
    statuses = tuple(s for s in STATUS_ORDER if any(r["sc"] == s for r in rows)) or ("occurred",)
    return ChartData(
        rows=rows,
        table=table,
        aggregates=aggregates,
        levels=levels,
        lanes=tuple(lane_names),
        lane_first_row=tuple(first_row[k] for k in lane_names),
        n_rows=max(1, total),
        colors=tuple(sorted(colour_values)),
        statuses=statuses,
        axis=axis,
        domain=domain,
        window=window_x,
        dct=dct_row,
        eras=era_rows,
        n_items=len(item_list),
        n_undated=len(undated),
        lane_field=lanes if isinstance(lanes, str) else getattr(lanes, "__name__", "lane"),
        color_field=color,
        labels=show_labels,
    )


def _row(
    item: Any, lo: int, hi: int, mid: int, open_start: bool, open_end: bool, axis: Axis,
    domain: tuple[float, float], lanes: str | Callable[[Any], object], color: str, *, tooltip: bool = True,
) -> Row:
    span: Span = item.time
    evidence = tuple(getattr(item, "evidence", ()) or ())
    first = evidence[0] if evidence else None
    written = _text(_extra(item, "time_text")) or (_text(getattr(first, "text", "")) if first else "")
    sentence = _text(getattr(first, "sentence", "")) if first else ""
    if tooltip and len(sentence) > 320:
        sentence = sentence[:319] + "…"
    ls, ee = span.latest_start, span.earliest_end
    certain = ls is not None and ee is not None and ls < ee
    status = _text(getattr(item, "status", None))
    kind = _text(getattr(item, "kind", None))
    norm = describe_span(span)
    if span.timex and span.timex != norm:
        norm = f"{span.timex} ({norm})"
    row: Row = {
        "id": _text(getattr(item, "id", "")),
        "label": _text(getattr(item, "label", "")) or kind or _text(getattr(item, "id", "")),
        "kind": kind or NONE_LANE,
        "status": status or "",
        "sc": status_class(status),
        "color": lane_key(item, color),
        "lo": domain[0] if open_start else to_x(lo, axis),
        "hi": domain[1] if open_end else to_x(hi, axis),
        "cs": to_x(ls, axis) if certain and ls is not None else None,
        "ce": to_x(ee, axis) if certain and ee is not None else None,
        "mid": to_x(mid, axis),
        "os": open_start,
        "oe": open_end,
        "when": written,
        "norm": norm,
        "actors": ", ".join(_names(getattr(item, "actor_names", ()))),
        "places": ", ".join(_names(getattr(item, "place_names", ()))),
        "quantity": _quantity_text(_extra(item, "quantity")),
        "sentence": sentence,
        "doc": _text(getattr(item, "doc", None)) or (_text(getattr(first, "doc", None)) if first else ""),
    }
    if not tooltip:
        row["lane"] = lane_key(item, lanes)
    return row


def _undated_row(item: Any, lanes: str | Callable[[Any], object], color: str) -> Row:
    evidence = tuple(getattr(item, "evidence", ()) or ())
    first = evidence[0] if evidence else None
    return {
        "id": _text(getattr(item, "id", "")),
        "label": _text(getattr(item, "label", "")),
        "kind": _text(getattr(item, "kind", None)),
        "status": _text(getattr(item, "status", None)),
        "lane": lane_key(item, lanes),
        "color": lane_key(item, color),
        "when": _text(_extra(item, "time_text")) or (_text(getattr(first, "text", "")) if first else ""),
        "norm": "unknown",
        "actors": ", ".join(_names(getattr(item, "actor_names", ()))),
        "places": ", ".join(_names(getattr(item, "place_names", ()))),
        "quantity": _quantity_text(_extra(item, "quantity")),
        "sentence": _text(getattr(first, "sentence", "")) if first else "",
        "doc": _text(getattr(item, "doc", None)),
    }


def _choose_window(
    mids: npt.NDArray[np.int64],
    max_marks: int,
    window: tuple[int, int] | Span | None,
    dct_bounds: tuple[int, int, bool, bool] | None,
) -> tuple[npt.NDArray[np.bool_], tuple[int, int]]:
    """Which items are drawn one by one: at most ``max_marks`` around a centre, as a window."""
    if isinstance(window, Span):
        b = _bounds(window)
        if b is None:
            raise ValueError(f"{window!r} is not a window: it has no known bounds")
        window = (b[0], b[1])
    if window is not None:
        lo, hi = int(window[0]), int(window[1])
        if hi < lo:
            raise ValueError(f"window={window!r} is not a window: its end is before its start")
        inside = (mids >= lo) & (mids < hi)
        if int(inside.sum()) <= max_marks:
            return inside, (lo, hi)
        centre = lo + (hi - lo) // 2
        candidates = np.flatnonzero(inside)
    elif dct_bounds is not None:
        centre = dct_bounds[0]
        candidates = np.arange(len(mids))
    else:
        centre = int(mids.max())
        candidates = np.arange(len(mids))
    distance = np.abs(mids[candidates] - centre)
    nearest = candidates[np.argpartition(distance, max_marks - 1)[:max_marks]]
    lo, hi = int(mids[nearest].min()), int(mids[nearest].max()) + 1
    # Take every item in the window, ties at the edges included only while they fit.
    inside = (mids >= lo) & (mids < hi)
    if int(inside.sum()) > max_marks:
        inside = np.zeros(len(mids), dtype=bool)
        inside[nearest] = True
    return inside, (lo, hi)


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


def _bin_index(seconds: npt.NDArray[np.int64], unit: str, step: int) -> npt.NDArray[np.int64]:
    days = np.floor_divide(seconds, calendar.SECONDS_PER_DAY)
    index: npt.NDArray[np.int64]
    if unit == "day":
        index = np.floor_divide(days + 3, step) if step == 7 else np.floor_divide(days, step)  # weeks from Monday
    else:
        year, month, _ = civil_from_days_array(days)
        index = np.floor_divide(year * 12 + month - 1, step) if unit == "month" else np.floor_divide(year, step)
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
    first, last = format_time(start, grain), format_time(end - 1, grain)
    return first if first == last else f"{first} – {last}"


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
    for level, (unit, step) in enumerate(chosen):
        bins = _bin_index(mids, unit, step)
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
