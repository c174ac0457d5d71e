"""Timeline charts: Altair (Vega-Lite) specs that draw uncertainty, status and evidence.

``timeline_chart(items, ...)`` returns an Altair chart (a layered detail view over an overview
strip) that composes with ``+``, ``|`` and ``&`` like any other. What it draws, per item:

* a pale band from the earliest start to the latest end (all the item's possible times);
* a solid bar from the latest start to the earliest end (the time it certainly covers);
* a marker: its shape and fill say the status (filled circle: occurred, triangle: ongoing,
  hollow diamond: planned, hollow square: hypothetical, cross: failed or negated);
* a small arrow head where a bound is open (the band runs to the edge of the chart);
* a tooltip with the kind, actors, places, status, the time as written and as normalized, the
  sentence and the document.

Lanes split the rows by kind, actor, place or document; colour is by kind (Okabe-Ito and Tol's
colour-blind-safe palettes) with a legend that filters the kinds. The x axis zooms and pans
with the mouse (wheel, drag); the overview strip below has a brush for overview and detail.
A rule marks the document date; optional eras shade background periods.

Above ``max_marks`` items the chart shows counts per lane and period (computed in Python, see
``timeline.chart_data``), at the zoom level that fits the visible span, and single items
inside a window. Time is numeric (see ``timeline.chart_data``), so BCE dates draw.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Callable, Iterable
from typing import Any

import altair as alt

from timeline.chart_data import ChartData, prepare
from timeline.span import Span

# Okabe & Ito (2008), then Paul Tol's "muted" scheme: colour-blind-safe, distinct on white.
# Okabe-Ito's yellow is too pale for thin marks on white: it comes last.
PALETTE = (
    "#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#000000",
    "#332288", "#44AA99", "#882255", "#999933", "#CC6677", "#117733", "#88CCEE", "#AA4499", "#DDCC77",
    "#F0E442",
)
STATUS_SHAPES = {
    "occurred": "circle",
    "ongoing": "triangle-right",
    "planned": "diamond",
    "hypothetical": "square",
    "failed": "cross",
}
HOLLOW_STATUSES = ("planned", "hypothetical")
TOP = -1.4  # the y domain starts above row 0, leaving a strip for the date and era labels
CERTAIN_OPACITY = {"occurred": 0.9, "ongoing": 0.9, "planned": 0.4, "hypothetical": 0.3, "failed": 0.3}
AGGREGATE_FILL = "#3b6ea5"

# Names the saved page and the tests find marks and parameters by: each item's marker has the
# ARIA role description "event" (screen readers say it; the tests count marks by it).
EVENTS_NAME = "event"
# Parameter names carry a per-chart number ("zoom_3"), so charts compose without clashing.
KINDS_PARAM = "kinds"
ZOOM_PARAM = "zoom"
BRUSH_PARAM = "brush"
_chart_numbers = itertools.count(1)
ZOOM_FIELD = "lo"  # the x field of the layer that holds the zoom
BRUSH_FIELD = "mid"  # the x field of the overview layer that holds the brush

TOOLTIP = (
    ("label", "Event"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("when", "When (as written)"),
    ("norm", "When (normalized)"),
    ("actors", "Actors"),
    ("places", "Places"),
    ("quantity", "Quantity"),
    ("sentence", "Sentence"),
    ("doc", "Document"),
)

# Years before AD 1 on a time axis: Vega's labels say "-0489"; people say "490 BC".
_TEMPORAL_LABEL = (
    r"test(/^[-+]?\d+$/, datum.label) ? (utcyear(datum.value) < 1 ? (1 - utcyear(datum.value)) + ' BC'"
    r" : '' + utcyear(datum.value)) : datum.label"
)
_YEAR_LABEL = (
    "datum.value < 1 ? format(1 - datum.value, abs(datum.value) >= 1e5 ? '.3~s' : 'd') + ' BC'"
    " : format(datum.value, datum.value >= 1e5 ? '.3~s' : 'd')"
)


def timeline_chart(
    items: Iterable[Any],
    *,
    dct: Span | None = None,
    lanes: str | Callable[[Any], object] = "kind",
    color: str = "kind",
    overview: bool = True,
    eras: Iterable[Any] | None = None,
    max_marks: int = 5000,
    width: int = 800,
    height: int | None = None,
    title: str | None = None,
    window: tuple[int, int] | Span | None = None,
    labels: bool | None = None,
) -> alt.VConcatChart | alt.LayerChart:
    """An interactive chart of ``items`` (any ``TimelineItem`` objects, or a ``Timeline``).

    ``dct`` is the document date (a ``Span``; taken from ``items.dct`` when not given);
    ``lanes`` and ``color`` choose what splits rows and colours marks (``kind``, ``actor``,
    ``place``, ``doc``, ``status``); ``eras`` are background periods, ``(label, Span)`` or
    ``(label, start, end)`` in seconds, or items; ``max_marks`` is the item count above which
    the chart aggregates, showing single items only inside ``window`` (seconds or a ``Span``).
    """
    data = prepare(
        items, dct=dct, lanes=lanes, color=color, eras=eras, max_marks=max_marks,
        window=window, width=width, labels=labels,
    )
    return chart_from_data(data, overview=overview, width=width, height=height, title=title)


def chart_from_data(
    data: ChartData,
    *,
    overview: bool = True,
    width: int = 800,
    height: int | None = None,
    title: str | None = None,
) -> alt.VConcatChart | alt.LayerChart:
    """The chart of prepared ``ChartData`` (``timeline_chart`` without reading the items)."""
    if height is None:
        row_px = 22 if data.n_rows <= 30 else max(4.0, 660 / data.n_rows)
        height = int(min(max((data.n_rows - TOP) * row_px, 140), 900))
    number = next(_chart_numbers)
    names = {p: f"{p}_{number}" for p in (KINDS_PARAM, ZOOM_PARAM, BRUSH_PARAM)}
    brush = alt.selection_interval(name=names[BRUSH_PARAM], encodings=["x"]) if overview else None
    detail = _detail(data, width=width, height=height, names=names)
    if title:
        detail = detail.properties(title=title)
    if not overview:
        return detail
    assert brush is not None
    strip = _overview(data, width=width, brush=brush)
    chart: alt.VConcatChart = alt.vconcat(detail, strip, spacing=12).resolve_scale(x="independent", y="independent")
    return chart


def _x(
    data: ChartData, field: str, *, scale: alt.Scale | None = None, axis: bool = True, width: int = 800
) -> alt.X:
    kind = "T" if data.axis == "temporal" else "Q"
    if scale is None:
        scale = _x_scale(data)
    if not axis:
        return alt.X(f"{field}:{kind}", scale=scale, axis=None, title=None)
    label = _TEMPORAL_LABEL if data.axis == "temporal" else _YEAR_LABEL
    return alt.X(
        f"{field}:{kind}", scale=scale, title=None,
        axis=alt.Axis(
            labelExpr=label, grid=True, gridOpacity=0.5, labelOverlap=True, labelFlush=True,
            tickCount=max(2, width // 110),
        ),
    )


def _x_scale(data: ChartData) -> alt.Scale:
    """The x scale: the full domain; the zoom (and, in our pages, the brush) moves it.

    A ``{"param": "brush"}`` domain would be dropped by Vega-Lite on a scale that is also bound
    to a zoom selection, so the brush is linked to the zoom in the page (``timeline.io.html``).
    """
    kw: dict[str, Any] = {"type": "utc"} if data.axis == "temporal" else {"zero": False, "nice": False}
    return alt.Scale(domain=list(data.domain), **kw)


def _y(data: ChartData, field: str) -> alt.Y:
    names = {str(row): lane for row, lane in zip(data.lane_first_row, data.lanes, strict=True)}
    label_expr = f"{json.dumps(names, ensure_ascii=True)}['' + datum.value]"
    return alt.Y(
        f"{field}:Q",
        scale=alt.Scale(domain=[TOP, data.n_rows - 0.4], reverse=True, nice=False, zero=False),
        axis=alt.Axis(
            values=list(data.lane_first_row), labelExpr=label_expr, title=None, grid=False, ticks=False,
            domain=False, labelLimit=140, labelFontWeight="bold", labelBaseline="middle",
        ),
    )


def _colour_scale(data: ChartData) -> alt.Scale:
    return alt.Scale(domain=list(data.colors), range=list(PALETTE))


def _inline(values: list[dict[str, Any]]) -> dict[str, Any]:
    """Inline data as a plain mapping of a *tuple* of rows.

    Altair moves it to the top-level ``datasets`` once (by content hash), however many layers
    share it. Altair deep-copies lists on every operation (``alt.Data(values=list)`` made a
    1,000-row chart take 4 s to serialize); a tuple is passed by reference.
    """
    return {"values": tuple(values)}


def _colour(data: ChartData) -> alt.Color:
    """The one colour encoding every layer shares (so Vega-Lite merges one legend)."""
    return alt.Color(
        "color:N", scale=_colour_scale(data),
        legend=alt.Legend(title=data.color_field, orient="right", symbolType="square", symbolOpacity=0.9),
    )


def _tooltip() -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in TOOLTIP]


def _detail(data: ChartData, *, width: int, height: int, names: dict[str, str]) -> alt.LayerChart:
    kinds = alt.selection_point(name=names[KINDS_PARAM], fields=["color"], bind="legend")
    zoom = alt.selection_interval(name=names[ZOOM_PARAM], bind="scales", encodings=["x"])
    scale = _x_scale(data)
    X = functools.partial(_x, data, scale=scale, width=width)
    colour = _colour(data)
    y = _y(data, "y0")
    events = _inline(data.rows)
    thick = alt.Chart(events).transform_filter(kinds).transform_calculate(
        y0="datum.row - 0.3", y1="datum.row + 0.3"
    )
    hollow = " || ".join(f"datum.sc == '{s}'" for s in HOLLOW_STATUSES)
    # Every layer uses the same ``color`` channel (one scale, one legend): fill for filled
    # marks, stroke for outlines. ``fill``/``stroke`` channels would each make another legend.
    band_x = {"x": X("lo"), "x2": "hi:Q" if data.axis == "year" else "hi:T", "y": y, "y2": "y1:Q"}

    layers: list[alt.Chart] = []
    # The coloured layer comes first and carries the legend binding and the zoom.
    layers.append(thick.mark_rect(opacity=0.16, cornerRadius=2, clip=True).encode(
        **band_x, color=colour, tooltip=_tooltip(),
    ).add_params(kinds, zoom))
    # Outlines: solid for what happened, dashed for what is planned or hypothetical.
    layers.append(thick.transform_filter(f"!({hollow})").mark_rect(
        filled=False, strokeWidth=1, opacity=0.55, cornerRadius=2, clip=True
    ).encode(**band_x, color=colour))
    layers.append(thick.transform_filter(hollow).mark_rect(
        filled=False, strokeWidth=1.2, strokeDash=[4, 3], opacity=0.8, cornerRadius=2, clip=True
    ).encode(**band_x, color=colour))
    # (An opacity *scale* on ``sc`` would merge with the status legend and hide it: use values.)
    certain_opacity = f"{json.dumps(CERTAIN_OPACITY)}[datum.sc]"
    layers.append(thick.transform_filter("isValid(datum.cs)").transform_calculate(
        certain_opacity=certain_opacity
    ).mark_rect(cornerRadius=2, clip=True).encode(
        x=X("cs"), x2="ce:Q" if data.axis == "year" else "ce:T",
        y=y, y2="y1:Q", color=colour,
        opacity=alt.Opacity("certain_opacity:Q", scale=None),
        tooltip=_tooltip(),
    ))
    base = alt.Chart(events).transform_filter(kinds).transform_calculate(y0="datum.row")
    for flag, field, arrow in (("oe", "hi", "triangle-right"), ("os", "lo", "triangle-left")):
        layers.append(base.transform_filter(f"datum.{flag}").mark_point(shape=arrow, filled=True, size=55, clip=True).encode(
            x=X(field), y=y, color=colour,
        ))
    # One marker an item, in two layers: filled (occurred, ongoing, failed) and hollow.
    statuses = list(STATUS_SHAPES)
    shape = alt.Shape(
        "sc:N", scale=alt.Scale(domain=statuses, range=[STATUS_SHAPES[s] for s in statuses]),
        legend=alt.Legend(
            title="status", orient="right", values=list(data.statuses), symbolStrokeColor="#333",
            symbolFillColor="#333", symbolStrokeWidth=1.6,
        ),
    )
    for filled, test in ((True, f"!({hollow})"), (False, hollow)):
        layers.append(base.transform_filter(test).mark_point(
            filled=filled, size=90, strokeWidth=1.8, ariaRoleDescription=EVENTS_NAME, clip=True,
            fill=alt.Undefined if filled else "white", fillOpacity=alt.Undefined if filled else 1.0,
        ).encode(
            x=X("mid"), y=y, color=colour, shape=shape,
            opacity=alt.condition("datum.sc == 'failed'", alt.value(0.65), alt.value(1.0)),
            tooltip=_tooltip(), description="label:N",
        ))
    if data.labels:
        layers.append(base.mark_text(align="left", baseline="middle", dx=9, fontSize=11, limit=220, color="#222", clip=True).encode(
            x=X("mid"), y=y, text="label:N",
            opacity=alt.condition("datum.sc == 'failed'", alt.value(0.6), alt.value(1.0)),
        ))

    under: list[alt.Chart] = []  # drawn behind the items, in this order
    if data.eras:
        eras = alt.Chart(_inline(data.eras))
        under.append(eras.mark_rect(color="#888", clip=True).encode(
            x=X("x0"), x2="x1:Q" if data.axis == "year" else "x1:T",
            opacity=alt.condition("datum.band == 0", alt.value(0.08), alt.value(0.14)),
            tooltip=[alt.Tooltip("label:N", title="Period")],
        ))
        under.append(eras.mark_text(align="left", baseline="top", dx=3, dy=3, fontSize=10, color="#555", limit=160, clip=True).encode(
            x=X("x0"), y=alt.value(0), text="label:N",
        ))
    if data.window is not None:
        window = alt.Chart(_inline([{"x0": data.window[0], "x1": data.window[1], "label": "single items"}]))
        under.append(window.mark_rect(color="#f2d16b", opacity=0.18, clip=True).encode(
            x=X("x0"), x2="x1:Q" if data.axis == "year" else "x1:T",
        ))
    if len(data.lanes) > 1:
        rules = [{"y0": first - 0.5} for first in data.lane_first_row[1:]]
        under.append(alt.Chart(_inline(rules)).mark_rule(color="#ccc", strokeWidth=1).encode(y=y))
    if data.aggregates:
        under.append(_aggregate_layer(data, scale=scale, width=width, zoom=names[ZOOM_PARAM]))
    over: list[alt.Chart] = []
    if data.dct is not None:
        dct = alt.Chart(_inline([data.dct]))
        over.append(dct.mark_rule(color="#444", strokeDash=[6, 4], strokeWidth=1.2, clip=True).encode(
            x=X("x"), tooltip=[alt.Tooltip("label:N", title="Document date")],
        ))
        over.append(dct.mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=10, color="#444", clip=True).encode(
            x=X("x"), y=alt.value(0), text="label:N",
        ))
    detail = alt.LayerChart(layer=[*layers, *under, *over], width=width, height=height)
    return detail


def _aggregate_layer(data: ChartData, *, scale: alt.Scale, width: int, zoom: str) -> alt.Chart:
    """Counts per lane and period, the zoom level chosen by the visible x span."""
    X = functools.partial(_x, data, scale=scale, width=width)
    full = data.domain[1] - data.domain[0]
    visible = f"(isValid({zoom}) && isArray({zoom}[{ZOOM_FIELD!r}]) ? span({zoom}[{ZOOM_FIELD!r}]) : {full!r})"
    tests = []
    for index, level in enumerate(data.levels):
        below = "true" if level.show_below == float("inf") else f"{visible} < {level.show_below!r}"
        tests.append(f"(datum.level == {index} && {below} && {visible} >= {level.show_from!r})")
    counts: alt.Chart = alt.Chart(_inline(data.aggregates)).transform_filter(" || ".join(tests)).mark_rect(
        color=AGGREGATE_FILL, clip=True
    ).encode(
        x=X("x0"), x2="x1:Q" if data.axis == "year" else "x1:T",
        y=_y(data, "y0"), y2="y1:Q",
        opacity=alt.Opacity("n:Q", scale=alt.Scale(type="log", range=[0.12, 0.85]), legend=alt.Legend(
            title="items per period", symbolType="square", symbolFillColor=AGGREGATE_FILL, symbolStrokeWidth=0,
        )),
        tooltip=[
            alt.Tooltip("lane:N", title="Lane"), alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("n:Q", title="Items", format=","),
        ],
    )
    return counts


def _overview(data: ChartData, *, width: int, brush: alt.Parameter) -> alt.LayerChart:
    X = functools.partial(_x, data, scale=_x_scale(data), width=width)
    y_scale = alt.Scale(domain=[-0.6, data.n_rows - 0.4], reverse=True, nice=False, zero=False)
    y = alt.Y("row:Q", scale=y_scale, axis=None)
    layers: list[alt.Chart] = []
    if data.aggregates:
        coarse = [r for r in data.aggregates if r["level"] == 0]
        layers.append(alt.Chart(_inline(coarse)).mark_rect(color=AGGREGATE_FILL).encode(
            x=X("x0"), x2="x1:Q" if data.axis == "year" else "x1:T",
            y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q",
            opacity=alt.Opacity("n:Q", scale=alt.Scale(type="log", range=[0.12, 0.85]), legend=None),
        ))
    layers.append(alt.Chart(_inline(data.rows)).mark_tick(thickness=1.5, opacity=0.8).encode(
        x=X("mid"), y=y, color=_colour(data),
    ))
    layers[0] = layers[0].add_params(brush)
    strip = alt.LayerChart(layer=layers, width=width, height=50, title=alt.Title(
        "overview: drag to choose the period shown above", fontSize=10, fontWeight="normal", color="#666", anchor="start",
    ))
    return strip


def mimebundle(items: Iterable[Any], **options: Any) -> dict[str, Any]:
    """A Jupyter MIME bundle that shows the chart offline: HTML with the JavaScript inlined.

    ``Timeline._repr_mimebundle_`` returns this. The default Altair ``html`` renderer loads
    Vega from a CDN; this one embeds vl-convert's bundle, so a saved notebook opens offline.
    """
    from timeline.io.html import notebook_html

    data = prepare(items, **_prepare_options(options))
    chart = chart_from_data(data, **_chart_options(options))
    return {
        "text/html": notebook_html(chart.to_dict(validate=False), renderer=_renderer(data)),
        "text/plain": f"<timeline chart: {data.n_items} items, {len(data.rows)} drawn one by one>",
    }


_PREPARE_KEYS = ("dct", "lanes", "color", "eras", "max_marks", "window", "width", "labels")
_CHART_KEYS = ("overview", "width", "height", "title")


def _prepare_options(options: dict[str, Any]) -> dict[str, Any]:
    unknown = set(options) - set(_PREPARE_KEYS) - set(_CHART_KEYS)
    if unknown:
        raise TypeError(f"unknown chart option(s): {', '.join(sorted(unknown))}")
    return {k: options[k] for k in _PREPARE_KEYS if k in options}


def _chart_options(options: dict[str, Any]) -> dict[str, Any]:
    return {k: options[k] for k in _CHART_KEYS if k in options}


def _renderer(data: ChartData, threshold: int = 1000) -> str:
    """SVG for small charts (crisp, searchable), canvas above ``threshold`` marks."""
    return "canvas" if data.n_marks > threshold else "svg"
