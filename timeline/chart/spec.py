"""The Vega-Lite layers of a timeline chart (through Altair).

``timeline_chart(items, ...)`` returns an Altair chart (a layered detail view, a key to its
marks, and an overview strip) that composes with ``+``, ``|`` and ``&`` like any other. What it
draws, per item:

* a pale band from the earliest start to the latest end (all the item's possible times);
* a solid bar from the latest start to the earliest end (the time it certainly covers);
* a marker: its shape and fill say the status (filled circle: occurred, triangle: ongoing,
  hollow diamond: planned, hollow square: hypothetical, cross: failed or negated);
* a short fading arrow of fixed length where a bound is open ("before the report");
* a label beside the marker (left of it near the right edge) and a tooltip, on both, with the
  kind, actors, places, status, the time expression as written and the period in words.

Colour is by kind (or what ``color`` names), each name keeping its colour in every chart
(``timeline/data/chart_colours.json``, or ``color_map``); the legend filters the kinds. The x
axis zooms and pans (wheel, drag); the overview strip below has a brush. Above ``max_marks``
marks the chart draws counts per lane and period, the zoom level chosen by the visible span.

The chart's top-level ``usermeta`` names its parameters for the page that embeds it:
``{"timeline": {"links": [[zoom signal, brush, field]], "filters": [[legend param, field]]}}``.
"""

from __future__ import annotations

import functools
import itertools
import json
from collections.abc import Iterable
from typing import Any, Final

import altair as alt

from timeline.chart.axis import TEMPORAL_LABEL, period_text, year_label
from timeline.chart.data import ChartData, prepare
from timeline.chart.hiding import LaneHiding
from timeline.chart.layout import LABEL_CHAR_PX, LABEL_MAX_CHARS
from timeline.chart.options import ChartOptions
from timeline.chart.rows import clean_text

__all__ = [
    "ARROW_PX",
    "ARROW_STEPS",
    "BRUSH_FIELD",
    "BRUSH_PARAM",
    "CERTAIN_OPACITY",
    "COUNT_SCHEME",
    "DENSITY_KEY",
    "EVENTS_NAME",
    "HOLLOW_STATUSES",
    "KEY",
    "KINDS_PARAM",
    "LABELS_NAME",
    "STATUS_SHAPES",
    "TOOLTIP",
    "TOP",
    "USERMETA_KEY",
    "ZOOM_FIELD",
    "ZOOM_PARAM",
    "TimelineLayer",
    "TimelineVConcat",
    "chart_from_data",
    "timeline_chart",
]

STATUS_SHAPES = {
    "occurred": "circle",
    "ongoing": "triangle-right",
    "planned": "diamond",
    "hypothetical": "square",
    "failed": "cross",
}
HOLLOW_STATUSES = ("planned", "hypothetical")
TOP = -1.4  # the y domain starts above row 0, leaving a strip for the date and era labels
CERTAIN_OPACITY = (("planned", 0.4), ("hypothetical", 0.3), ("failed", 0.3))
COUNT_SCHEME: Final = "blues"
ARROW_PX = 36  # the length of an open end's arrow, whatever the zoom
ARROW_STEPS = (0.55, 0.3, 0.12)  # its opacity, segment by segment: it fades out
USERMETA_KEY = "timeline"

# Each item's marker has the ARIA role description "event" (screen readers say it; the tests
# count marks by it); its label has "event label".
EVENTS_NAME = "event"
LABELS_NAME = "event label"
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
    ("norm", "When"),
    ("when", "When (as written)"),
    ("actors", "Actors"),
    ("role", "Role"),
    ("places", "Places"),
    ("quantity", "Quantity"),
    ("sentence", "Sentence"),
    ("doc", "Document"),
)
# The key to the marks: what each drawing means (a legend of its own).
KEY = (
    ("possible time", "square", 0.25),
    ("certain time", "square", 0.9),
    ("open end", "triangle-right", 0.5),
    ("planned (hollow)", "diamond", 0.0),
)
# The key of a chart drawn as counts (above ``max_marks``): what a cell and its shade mean.
DENSITY_KEY = (
    ("a cell: the items of one lane in one period", "square", 0.9),
    ("darker: more items (log scale)", "square", 0.5),
    ("zoom in: shorter periods", "triangle-right", 0.5),
)


class _Linked:
    """A chart whose top-level ``usermeta`` names its links (see the module docstring).

    Vega-Lite allows ``usermeta`` only at the top level: nested in a composition, the chart
    leaves it out, and ``|``, ``&`` and ``+`` carry the links of both sides to the result.
    """

    def to_dict(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        spec: dict[str, Any] = super().to_dict(*args, **kwargs)  # type: ignore[misc]
        if not (kwargs.get("context") or {}).get("top_level", True):
            spec.pop("usermeta", None)
        return spec

    def _compose(self, other: Any, result: Any) -> Any:
        metas = [getattr(c, "usermeta", alt.Undefined) for c in (self, other)]
        merged: dict[str, list[Any]] = {"links": [], "filters": []}
        for meta in metas:
            if isinstance(meta, dict) and isinstance(meta.get(USERMETA_KEY), dict):
                for key in merged:
                    merged[key] += meta[USERMETA_KEY].get(key, [])
        return result.properties(usermeta={USERMETA_KEY: merged})

    def __or__(self, other: Any) -> Any:
        return self._compose(other, super().__or__(other))  # type: ignore[misc]

    def __and__(self, other: Any) -> Any:
        return self._compose(other, super().__and__(other))  # type: ignore[misc]

    def __add__(self, other: Any) -> Any:
        return self._compose(other, super().__add__(other))  # type: ignore[misc]


class TimelineVConcat(_Linked, alt.VConcatChart):
    """A timeline chart with its overview strip."""


class TimelineLayer(_Linked, alt.LayerChart):
    """A timeline chart without an overview: ``+`` adds a layer beside its own (one level)."""

    def __add__(self, other: Any) -> Any:
        keep = {k: v for k, v in self._kwds.items() if k != "layer" and v is not alt.Undefined}
        return TimelineLayer(layer=[*self.layer, other], **keep)


def timeline_chart(items: Iterable[Any], options: ChartOptions | None = None, **changes: Any) -> alt.TopLevelMixin:
    """An interactive chart of ``items`` (any ``TimelineItem`` objects, or a ``Timeline``).

    Options (``ChartOptions``, or its fields as keywords): ``dct`` the document date (a ``Span``;
    ``items.dct`` when not given); ``lanes`` what splits the rows (``kind``, ``actor``,
    ``country``, ``place``, ``doc``, ``status``, ``lane`` or a function of the item); ``color``
    what colours the marks, ``color_map`` fixed colours by name; ``domain=(start, end)`` the
    period shown (seconds or a ``Span``); ``eras`` background periods, ``(label, Span)`` or
    ``(label, start, end)``; ``max_marks`` the marks above which the whole chart draws counts
    per lane and period; ``width``, ``height``, ``title``, ``overview``, ``labels``.
    """
    return chart_from_data(prepare(items, options, **changes))


def chart_from_data(data: ChartData) -> alt.TopLevelMixin:
    """The chart of prepared ``ChartData`` (``timeline_chart`` without reading the items)."""
    options = data.options
    width = options.width
    height = options.height
    if height is None:
        row_px = 22 if data.n_rows <= 30 else max(4.0, 660 / data.n_rows)
        height = int(min(max((data.n_rows - TOP) * row_px, 140), 900))
    number = next(_chart_numbers)
    names = {p: f"{p}_{number}" for p in (KINDS_PARAM, ZOOM_PARAM, BRUSH_PARAM)}
    hiding = LaneHiding(names[KINDS_PARAM], number, data.lane_colors, data.lane_first_row, data.n_rows)
    # Every property is given to a chart's constructor: Altair deep-copies the whole chart on
    # each later ``.properties()`` or ``.resolve_scale()`` (a second apiece for this chart).
    meta: dict[str, Any] = {"filters": [[names[KINDS_PARAM], "color"]], "links": []}
    extra: dict[str, Any] = {}
    if data.title:
        extra["title"] = alt.Title(data.title, subtitle=_subtitle(data), anchor="start")
    if not options.overview:
        return _detail(data, width=width, height=height, names=names, hiding=hiding, usermeta={USERMETA_KEY: meta}, **extra)
    detail = _detail(data, width=width, height=height, names=names, hiding=hiding, **extra)
    brush = alt.selection_interval(name=names[BRUSH_PARAM], encodings=["x"])
    strip = _overview(data, width=width, brush=brush, kinds=names[KINDS_PARAM], hiding=hiding)
    meta["links"] = [[f"{names[ZOOM_PARAM]}_{ZOOM_FIELD}", names[BRUSH_PARAM], BRUSH_FIELD]]
    chart: TimelineVConcat = TimelineVConcat(
        vconcat=[detail, strip], spacing=12, usermeta={USERMETA_KEY: meta},
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(x="independent", y="independent")),
    )
    return chart


def _subtitle(data: ChartData) -> str:
    from_to = period_text(*data.data_span) if data.data_span is not None else ""
    count = f"{data.n_items:,} item{'s' if data.n_items != 1 else ''}"
    text = f"{count}, {from_to}" if from_to else count
    if data.aggregated:
        text += "; too many to draw one by one: counts per lane and period"
    return clean_text(text)


def _kind(data: ChartData) -> str:
    return "T" if data.axis == "temporal" else "Q"


def _x(data: ChartData, field: str, *, scale: alt.Scale | None = None, axis: bool = True, width: int = 800) -> alt.X:
    if scale is None:
        scale = _x_scale(data)
    if not axis:
        return alt.X(f"{field}:{_kind(data)}", scale=scale, axis=None, title=None)
    label = TEMPORAL_LABEL if data.axis == "temporal" else year_label(data.domain[0] < 0)
    return alt.X(
        f"{field}:{_kind(data)}", scale=scale, title=None,
        axis=alt.Axis(labelExpr=label, grid=True, gridOpacity=0.5, labelOverlap=True, labelFlush=True,
                      tickCount=max(2, width // 110)),
    )


def _x2(data: ChartData, field: str) -> str:
    return f"{field}:{_kind(data)}"


def _x_scale(data: ChartData, *, domain: bool = True) -> alt.Scale:
    """The x scale: the full domain; the zoom (and, in our pages, the brush) moves it.

    A ``{"param": "brush"}`` domain would be dropped by Vega-Lite on a scale that is also bound
    to a zoom selection, so the page links the brush to the zoom (named in ``usermeta``).
    """
    kw: dict[str, Any] = {"type": "utc"} if data.axis == "temporal" else {"zero": False, "nice": False}
    if domain:
        # As an expression: a literal temporal domain beside an ``x2`` channel makes Vega-Lite
        # warn of conflicting domains (it parses the two forms differently).
        kw["domain"] = alt.ExprRef(expr=f"[{data.domain[0]!r}, {data.domain[1]!r}]")
    return alt.Scale(**kw)


def _y(data: ChartData, field: str, hiding: LaneHiding) -> alt.Y:
    # The lanes' names on the axis, and the domain, follow the lanes the legend hides.
    return alt.Y(
        f"{field}:Q",
        scale=alt.Scale(domain=alt.ExprRef(expr=f"[{TOP!r}, {hiding.domain_end(-0.4)}]"), reverse=True, nice=False, zero=False),
        axis=alt.Axis(
            values=hiding.axis_values(), labelExpr=hiding.label_expr(data.lanes), title=None, grid=False, ticks=False,
            domain=False, labelLimit=140, labelFontWeight="bold", labelBaseline="middle",
        ),
    )


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
        "color:N", scale=alt.Scale(domain=list(data.colors), range=list(data.color_values)),
        legend=alt.Legend(title=clean_text(data.options.color), orient="right", symbolType="square",
                          symbolOpacity=0.9, labelLimit=160) if data.rows else None,
    )


def _tooltip() -> list[alt.Tooltip]:
    return [alt.Tooltip(f"{field}:N", title=title) for field, title in TOOLTIP]


def _certain_opacity() -> str:
    expr = "0.9"
    for status, value in CERTAIN_OPACITY:
        expr = f"datum.sc === {json.dumps(status)} ? {value} : ({expr})"
    return expr


def _detail(data: ChartData, *, width: int, height: int, names: dict[str, str], hiding: LaneHiding, **properties: Any) -> TimelineLayer:
    kinds = alt.selection_point(name=names[KINDS_PARAM], fields=["color"], bind="legend")
    zoom = alt.selection_interval(name=names[ZOOM_PARAM], bind="scales", encodings=["x"])
    # The domain is given once, on the layer that holds the zoom; the other layers share the
    # scale (a domain on each would make Vega-Lite warn of conflicting domains).
    scale = _x_scale(data, domain=False)
    X = functools.partial(_x, data, scale=scale, width=width)
    colour = _colour(data)
    y = _y(data, "y0", hiding)
    events = _inline(data.rows)
    thick = alt.Chart(events).transform_filter(kinds).transform_calculate(y0=hiding.row(-0.3), y1=hiding.row(0.3))
    hollow = " || ".join(f"datum.sc === '{s}'" for s in HOLLOW_STATUSES)
    # Every layer uses the same ``color`` channel (one scale, one legend): fill for filled
    # marks, stroke for outlines. ``fill``/``stroke`` channels would each make another legend.
    band_x = {"x": X("lo"), "x2": _x2(data, "hi"), "y": y, "y2": "y1:Q"}

    layers: list[alt.Chart] = []
    # The coloured layer comes first and carries the legend binding, the zoom and the domain.
    layers.append(thick.mark_rect(opacity=0.16, cornerRadius=2, clip=True).encode(
        **{**band_x, "x": _x(data, "lo", scale=_x_scale(data), width=width)}, color=colour, tooltip=_tooltip(),
    ).add_params(kinds, zoom, *hiding.params()))
    # Outlines: solid for what happened, dashed for what is planned or hypothetical.
    layers.append(thick.transform_filter(f"!({hollow})").mark_rect(
        filled=False, strokeWidth=1, opacity=0.55, cornerRadius=2, clip=True
    ).encode(**band_x, color=colour))
    layers.append(thick.transform_filter(hollow).mark_rect(
        filled=False, strokeWidth=1.2, strokeDash=[4, 3], opacity=0.8, cornerRadius=2, clip=True
    ).encode(**band_x, color=colour))
    layers.append(thick.transform_filter("isValid(datum.cs)").transform_calculate(
        certain_opacity=_certain_opacity()
    ).mark_rect(cornerRadius=2, clip=True).encode(
        x=X("cs"), x2=_x2(data, "ce"), y=y, y2="y1:Q", color=colour,
        opacity=alt.Opacity("certain_opacity:Q", scale=None), tooltip=_tooltip(),
    ))
    layers += _open_ends(data, X, colour, y, hiding)
    base = alt.Chart(events).transform_filter(kinds).transform_calculate(y0=hiding.row())
    # One marker an item, in two layers: filled (occurred, ongoing, failed) and hollow.
    statuses = list(STATUS_SHAPES)
    shape = alt.Shape(
        "sc:N", scale=alt.Scale(domain=statuses, range=[STATUS_SHAPES[s] for s in statuses]),
        legend=alt.Legend(
            title="status", orient="right", values=list(data.statuses), symbolStrokeColor="#333",
            symbolFillColor="#333", symbolStrokeWidth=1.6,
        ) if data.rows else None,
    )
    for filled, test in ((True, f"!({hollow})"), (False, hollow)):
        layers.append(base.transform_filter(test).mark_point(
            filled=filled, size=90 if data.labels else 36, strokeWidth=1.8 if data.labels else 1.2,
            ariaRoleDescription=EVENTS_NAME, clip=True,
            fill=alt.Undefined if filled else "white", fillOpacity=alt.Undefined if filled else 1.0,
        ).encode(
            x=X("mid"), y=y, color=colour, shape=shape,
            opacity=alt.condition("datum.sc === 'failed'", alt.value(0.65), alt.value(1.0)),
            tooltip=_tooltip(), description="label:N",
        ))
    if data.labels:
        layers.append(base.mark_text(
            align=alt.expr("datum.side === 'left' ? 'right' : 'left'"), dx=alt.expr("datum.side === 'left' ? -9 : 9"),
            baseline="middle", fontSize=11, limit=LABEL_CHAR_PX * LABEL_MAX_CHARS, color="#222", clip=True,
            ariaRoleDescription=LABELS_NAME,
        ).encode(
            x=X("mid"), y=y, text="label:N", tooltip=_tooltip(),
            opacity=alt.condition("datum.sc === 'failed'", alt.value(0.6), alt.value(1.0)),
        ))

    under: list[alt.Chart] = []  # drawn behind the items, in this order
    if data.eras:
        eras = alt.Chart(_inline(data.eras))
        under.append(eras.mark_rect(color="#888", clip=True).encode(
            x=X("x0"), x2=_x2(data, "x1"),
            opacity=alt.condition("datum.band === 0", alt.value(0.08), alt.value(0.14)),
            tooltip=[alt.Tooltip("label:N", title="Period")],
        ))
        under.append(eras.mark_text(align="left", baseline="top", dx=3, dy=3, fontSize=10, color="#555", limit=160, clip=True).encode(
            x=X("x0"), y=alt.value(0), text="label:N",
        ))
    if len(data.lanes) > 1:
        rules = [{"row": first - 0.5, "li": i + 1, "first": first} for i, first in enumerate(data.lane_first_row[1:])]
        under.append(alt.Chart(_inline(rules)).transform_calculate(y0=hiding.row()).mark_rule(
            color="#ccc", strokeWidth=1, opacity=alt.expr(hiding.rule_opacity()),
        ).encode(y=y))
    if data.aggregates:
        under.append(_aggregate_layer(data, scale=scale, width=width, zoom=names[ZOOM_PARAM], hiding=hiding))
    over: list[alt.Chart] = []
    if data.dct is not None:
        dct = alt.Chart(_inline([data.dct]))
        over.append(dct.mark_rule(color="#444", strokeDash=[6, 4], strokeWidth=1.2, clip=True).encode(
            x=X("x"), tooltip=[alt.Tooltip("label:N", title="Document date")],
        ))
        over.append(dct.mark_text(align="left", baseline="top", dx=4, dy=2, fontSize=10, color="#444", clip=True).encode(
            x=X("x"), y=alt.value(0), text="label:N",
        ))
    drawn = alt.LayerChart(layer=[*layers, *under, *over])
    # The key has a shape legend of its own (the markers' shapes say the status).
    detail: TimelineLayer = TimelineLayer(
        layer=[drawn, _key_layer(DENSITY_KEY if data.aggregated else KEY)], width=width, height=height,
        resolve=alt.Resolve(scale=alt.ScaleResolveMap(shape="independent", opacity="independent")), **properties,
    )
    return detail


def _open_ends(data: ChartData, X: Any, colour: alt.Color, y: alt.Y, hiding: LaneHiding) -> list[alt.Chart]:
    """A short arrow of fixed length (``ARROW_PX``) from each open bound, fading out."""
    layers: list[alt.Chart] = []
    step = ARROW_PX / len(ARROW_STEPS)
    for flag, field, sign in (("oe", "hi", 1), ("os", "lo", -1)):
        ends = alt.Chart(_inline(data.rows)).transform_filter(f"datum.{flag}").transform_calculate(
            y0=hiding.row(-0.07), y1=hiding.row(0.07)
        )
        for k, opacity in enumerate(ARROW_STEPS):
            layers.append(ends.mark_rect(
                xOffset=sign * step * k, x2Offset=sign * step * (k + 1), opacity=opacity, clip=True,
            ).encode(x=X(field), x2=_x2(data, field), y=y, y2="y1:Q", color=colour))
    return layers


def _key_layer(entries: tuple[tuple[str, str, float], ...]) -> alt.Chart:
    """The key to the marks: a legend of what each drawing means (it draws nothing itself)."""
    names = [k for k, _, _ in entries]
    key: alt.Chart = alt.Chart(_inline([{"key": names[0]}])).transform_filter("false").mark_point(
        color="#555", strokeWidth=1.4, size=80, filled=True
    ).encode(
        shape=alt.Shape("key:N", scale=alt.Scale(domain=names, range=[s for _, s, _ in entries]),
                        legend=alt.Legend(title="how to read", orient="right", symbolFillColor="#555",
                                          symbolStrokeColor="#555", labelLimit=260)),
        opacity=alt.Opacity("key:O", scale=alt.Scale(domain=names, range=[o for _, _, o in entries]),
                            legend=alt.Legend(title="how to read", orient="right", labelLimit=260)),
    )
    return key


def _aggregate_layer(data: ChartData, *, scale: alt.Scale, width: int, zoom: str, hiding: LaneHiding) -> alt.Chart:
    """Counts per lane and period, the zoom level chosen by the visible x span."""
    X = functools.partial(_x, data, scale=scale, width=width)
    full = data.domain[1] - data.domain[0]
    visible = f"(isValid({zoom}) && isArray({zoom}[{ZOOM_FIELD!r}]) ? span({zoom}[{ZOOM_FIELD!r}]) : {full!r})"
    tests = []
    for index, level in enumerate(data.levels):
        below = "true" if level.show_below == float("inf") else f"{visible} < {level.show_below!r}"
        tests.append(f"(datum.level === {index} && {below} && {visible} >= {level.show_from!r})")
    counts: alt.Chart = alt.Chart(_inline(data.aggregates)).transform_filter(" || ".join(tests)).mark_rect(clip=True).encode(
        x=X("x0"), x2=_x2(data, "x1"), y=_y(data, "y0", hiding), y2="y1:Q",
        fill=_count_fill(data),
        tooltip=[
            alt.Tooltip("lane:N", title="Lane"), alt.Tooltip("period:N", title="Period"),
            alt.Tooltip("n:Q", title="Items", format=","),
        ],
    )
    return counts


def _count_fill(data: ChartData) -> alt.Fill:
    top = max((r["n"] for r in data.aggregates), default=1)
    return alt.Fill(
        "n:Q", scale=alt.Scale(type="log", domain=[1, max(2, top)], scheme=COUNT_SCHEME),
        legend=alt.Legend(title=["items in a lane", "and period"], orient="right", gradientLength=120),
    )


def _overview(data: ChartData, *, width: int, brush: alt.Parameter, kinds: str, hiding: LaneHiding) -> alt.LayerChart:
    X = functools.partial(_x, data, scale=_x_scale(data), width=width)
    y_scale = alt.Scale(domain=alt.ExprRef(expr=f"[-0.6, {hiding.domain_end(-0.4)}]"), reverse=True, nice=False, zero=False)
    y = alt.Y("y:Q", scale=y_scale, axis=None)
    layers: list[alt.Chart] = []
    if data.aggregates:
        coarse = [r for r in data.aggregates if r["level"] == 0]
        layers.append(alt.Chart(_inline(coarse)).mark_rect(clip=True).encode(
            x=X("x0"), x2=_x2(data, "x1"), y=alt.Y("y0:Q", scale=y_scale, axis=None), y2="y1:Q",
            fill=_count_fill(data),
        ))
    layers.append(alt.Chart(_inline(data.rows)).transform_filter({"param": kinds}).transform_calculate(y=hiding.row()).mark_tick(thickness=1.5, opacity=0.8, clip=True).encode(x=X("mid"), y=y, color=_colour(data)))
    layers[0] = layers[0].add_params(brush)
    strip = alt.LayerChart(layer=layers, width=width, height=50, title=alt.Title(
        "overview: drag to choose the period shown above", fontSize=10, fontWeight="normal", color="#666", anchor="start",
    ))
    return strip
