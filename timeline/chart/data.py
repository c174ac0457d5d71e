"""What a timeline chart draws: ``prepare(items, options)`` reads the items once into ``ChartData``.

The stages, each in its own module: the axis and domain (``axis``), one row of texts and x
positions per drawn mark (``rows``), lanes and rows packing (``layout``), and, above
``max_marks`` marks, counts per lane and period (``aggregate``). An item goes in one lane, or
in one lane per actor (``lanes="actor"``) or country (``lanes="country"``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt

from timeline import calendar
from timeline.chart import axis as time_axis
from timeline.chart.aggregate import Level, aggregate
from timeline.chart.layout import lane_order, lane_row_counts, merge_rare_lanes, pack
from timeline.chart.marks import read as read_marks
from timeline.chart.options import ChartOptions
from timeline.chart.rows import (
    STATUS_ORDER,
    Row,
    bounds,
    colour_of,
    describe,
    lane_keys,
    marker,
    positions,
    text,
)
from timeline.span import Granularity, Span

__all__ = ["ChartData", "prepare"]


@attrs.frozen(slots=True)
class ChartData:
    """Everything a chart draws, as JSON-ready rows, and the options it was made with."""

    options: ChartOptions
    rows: list[Row]
    table: list[Row]
    aggregates: list[Row]
    levels: tuple[Level, ...]
    lanes: tuple[str, ...]
    lane_first_row: tuple[int, ...]
    n_rows: int
    lane_colors: tuple[tuple[str, ...], ...]  # the colour groups drawn in each lane
    colors: tuple[str, ...]
    color_values: tuple[str, ...]
    statuses: tuple[str, ...]
    axis: time_axis.Axis
    domain: tuple[float, float]
    data_span: tuple[int, int] | None
    dct: Row | None
    eras: list[Row]
    n_items: int
    n_undated: int
    lane_field: str
    labels: bool
    title: str | None

    @property
    def aggregated(self) -> bool:
        """Whether some items are drawn as counts rather than one by one."""
        return bool(self.aggregates)

    @property
    def n_marks(self) -> int:
        """How many marks the detail view draws (bands, certain parts, markers, counts)."""
        return 3 * len(self.rows) + len(self.aggregates)


def _eras(eras: Iterable[Any] | None) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    for era in eras or ():
        if isinstance(era, tuple | list) and len(era) == 3:
            label, start, end = era
            out.append((text(label), int(start), int(end)))
            continue
        if isinstance(era, tuple | list) and len(era) == 2 and isinstance(era[1], Span):
            label, span = era
        elif isinstance(era, tuple | list):
            raise ValueError(f"{era!r} is not an era: expected (label, Span) or (label, start, end)")
        else:
            label, span = getattr(era, "label", ""), getattr(era, "time", None)
            if not isinstance(span, Span):
                raise ValueError(f"{era!r} is not an era: it has no time span")
        found = bounds(span)
        if found is None:
            raise ValueError(f"era {label!r} has no known bounds")
        out.append((text(label), found[0], found[1]))
    return out


def _domain(value: tuple[int | None, int | None] | Span | None) -> tuple[int | None, int | None] | None:
    if isinstance(value, Span):
        return value.earliest_start, value.latest_end
    return value


def _title(items: object, options: ChartOptions) -> str | None:
    if options.title is not None:
        return text(options.title)
    for name in ("headline", "title"):
        value = getattr(items, name, None)
        if isinstance(value, str) and value.strip():
            return text(value.strip())
    return None


def prepare(items: Iterable[Any], options: ChartOptions | None = None, **changes: Any) -> ChartData:
    """Read ``items`` (``TimelineItem`` objects, or a ``Timeline``) once into what a chart draws.

    ``options`` (a ``ChartOptions``), or its fields as keyword arguments: see ``ChartOptions``.
    """
    options = ChartOptions.from_kwargs(**changes) if options is None else options.replace(**changes)
    dct = options.dct
    if dct is None:
        candidate = getattr(items, "dct", None)
        dct = candidate if isinstance(candidate, Span) else None
    marks = read_marks(items, options.lanes)
    n_items = marks.n_items
    eras = _eras(options.eras)
    dct_bounds = bounds(dct) if dct is not None else None

    # The axis and the domain: the data's, or the one asked for.
    data_span = (int(marks.lo.min()), int(marks.hi.max())) if len(marks.lo) else None
    extra = [int(b) for b in (dct_bounds or ())[:2]] + [b for _, s, e in eras for b in (s, e)]
    every = [*(data_span or ()), *extra]
    t0, t1 = (min(every), max(every)) if every else (calendar.seconds(2000), calendar.seconds(2001))
    wanted = _domain(options.domain)
    if wanted is not None:
        t0 = wanted[0] if wanted[0] is not None else t0
        t1 = wanted[1] if wanted[1] is not None else t1
        if t1 <= t0:
            raise ValueError(f"domain={options.domain!r} holds none of the items' times")
        lo, hi = marks.lo, marks.hi
        marks = marks.keep(((hi > t0) & (lo < t1)) | ((lo == hi) & (t0 <= lo) & (lo <= t1)))
    axis = time_axis.choose_axis(t0, t1)
    domain = time_axis.x_domain(t0, t1, axis) if wanted is None else (time_axis.to_x(t0, axis), time_axis.to_x(t1, axis))

    # One mark per item and lane (an item with two actors has two marks in actor lanes).
    codes, names = merge_rare_lanes(marks.lane_codes, marks.lane_names, options.max_lanes)
    order = lane_order(codes, names, marks.lo[marks.mark_item])
    # One choice for the whole chart: every mark one by one, or (above max_marks) all of them as
    # counts per lane and period; never single marks in one window and counts elsewhere.
    single = len(codes) <= options.max_marks
    chosen = list(range(len(codes))) if single else []
    show_labels = len(chosen) <= 300 if options.labels is None else options.labels
    drawn = marks.items(marks.rows) if single else []  # the items drawn one by one, by dated number

    px = options.width / (domain[1] - domain[0])
    extents, chars = [], []
    # Python lists only of what is drawn one by one (at most max_marks marks).
    item_of = marks.mark_item.tolist() if single else []
    lo_s, hi_s, mid_s = (a.tolist() if single else [] for a in (marks.lo, marks.hi, marks.mid))
    for m in chosen:
        d = item_of[m]
        lo_x, hi_x, mid_x = (time_axis.to_x(v, axis) - domain[0] for v in (lo_s[d], hi_s[d], mid_s[d]))
        extents.append((lo_x * px, hi_x * px, mid_x * px))
        chars.append(len(text(getattr(drawn[d], "label", "")) or "x") if show_labels else 0)
    code_list = codes.tolist() if single else []
    layout = pack([names[code_list[m]] for m in chosen], extents, chars, order, width=options.width,
                  max_rows_per_lane=options.max_rows_per_lane)

    lane_number = {lane: i for i, lane in enumerate(layout.lanes)}
    described: dict[int, Row] = {}
    rows: list[Row] = []
    open_start, open_end = (a.tolist() if single else [] for a in (marks.open_start, marks.open_end))
    for m, place in zip(chosen, layout.placed, strict=True):
        d = item_of[m]
        item = drawn[d]
        if d not in described:
            described[d] = describe(item, options.color, options.color_map)
        rows.append({
            **described[d], **positions(item.time, lo_s[d], hi_s[d], mid_s[d], open_start[d], open_end[d], axis),
            "lane": place.lane, "li": lane_number[place.lane], "role": marks.role(m), "row": place.row, "side": place.side,
        })
    rows.sort(key=lambda r: (r["row"], r["lo"]))

    aggregates: list[Row] = []
    levels: tuple[Level, ...] = ()
    if not single:
        to_layout = np.array([lane_number.get(name, 0) for name in names], dtype=np.int64)
        aggregates, levels = aggregate(marks.mid[marks.mark_item], to_layout[codes], layout.lanes, layout.first_rows,
                                       lane_row_counts(layout), axis=axis, domain=domain)

    in_time = _first_in_time(marks.mid, marks.lo, options.table_limit)
    listed = marks.items(marks.rows[in_time]) + marks.items(marks.undated[: max(0, options.table_limit - len(in_time))])
    table = [{**describe(item, options.color, options.color_map, sentence_limit=None),
              "lane": ", ".join(k for k, _ in lane_keys(item, options.lanes))} for item in listed]

    dct_row = None
    if dct_bounds is not None:
        dct_row = {"x": time_axis.to_x(marker(*dct_bounds), axis),
                   "label": f"report of {time_axis.format_time(dct_bounds[0], Granularity.DAY)}"}
    era_rows = [{"label": label, "x0": time_axis.to_x(s, axis), "x1": time_axis.to_x(e, axis), "band": i % 2}
                for i, (label, s, e) in enumerate(eras)]
    groups = sorted({r["color"] for r in rows} | {r["color"] for r in table})
    lane_colors = [set[str]() for _ in layout.lanes]
    for r in rows:
        lane_colors[r["li"]].add(r["color"])
    statuses = tuple(s for s in STATUS_ORDER if any(r["sc"] == s for r in rows)) or ("occurred",)
    return ChartData(
        options=options, rows=rows, table=table, aggregates=aggregates, levels=levels,
        lanes=layout.lanes, lane_first_row=layout.first_rows, n_rows=layout.n_rows,
        lane_colors=tuple(tuple(sorted(c)) for c in lane_colors),
        colors=tuple(groups), color_values=tuple(colour_of(g, options.color_map) for g in groups),
        statuses=statuses, axis=axis, domain=domain, data_span=data_span, dct=dct_row,
        eras=era_rows, n_items=n_items, n_undated=len(marks.undated),
        lane_field=_field_name(options.lanes), labels=show_labels, title=_title(items, options),
    )


def _first_in_time(mid: npt.NDArray[np.int64], lo: npt.NDArray[np.int64], k: int) -> npt.NDArray[np.intp]:
    """The ``k`` first items by (marker, start), ties in item order: ``np.lexsort((lo, mid))[:k]``
    without sorting them all."""
    if k >= len(mid):
        return np.lexsort((lo, mid))
    last = np.partition(mid, k - 1)[k - 1]
    candidates = np.flatnonzero(mid <= last)
    return candidates[np.lexsort((lo[candidates], mid[candidates]))][:k]


def _field_name(lanes: object) -> str:
    return lanes if isinstance(lanes, str) else str(getattr(lanes, "__name__", "lane"))

