"""The options of a timeline chart, checked once, and the renderer choice.

``ChartOptions`` is the one place where a chart's options are named, given defaults and
checked: ``prepare`` (what is drawn) and ``chart_from_data`` (how) both read it, and so do the
HTML page, the notebook output and ``timeline render``. An unknown option, or an unknown value
of ``lanes``/``color``, raises and names the allowed ones.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from timeline.span import Span

__all__ = [
    "CANVAS_THRESHOLD",
    "LANE_ALIASES",
    "LANE_FIELDS",
    "ChartOptions",
    "Lanes",
    "renderer_for",
]

# What splits the rows or colours the marks. ``actor`` puts an event under each of its actors,
# ``country`` under each country its actors belong to (an actor's ``country``, else its name).
LANE_FIELDS = ("kind", "actor", "country", "place", "doc", "status", "lane")
LANE_ALIASES = {"document": "doc"}
# Above this many marks the chart draws on a canvas (fast), below it as SVG (crisp, searchable).
CANVAS_THRESHOLD = 1000

Lanes = str | Callable[[Any], object]


def _lane_value(value: Lanes) -> Lanes:
    if callable(value):
        return value
    name = LANE_ALIASES.get(value, value) if isinstance(value, str) else value
    if name not in LANE_FIELDS:
        raise ValueError(f"{value!r} is not a lane field: expected one of {', '.join(LANE_FIELDS)}, or a function of the item")
    return name


def _colour_value(value: str) -> str:
    name = LANE_ALIASES.get(value, value) if isinstance(value, str) else value
    if name not in LANE_FIELDS:
        raise ValueError(f"{value!r} is not a colour field: expected one of {', '.join(LANE_FIELDS)}")
    return name


def _positive(instance: object, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise ValueError(f"{attribute.name}={value!r} is not a count: expected an integer of at least 1")


def _two(value: object) -> tuple[Any, Any]:
    parts = tuple(value) if isinstance(value, tuple | list) else ()
    if len(parts) != 2:
        raise ValueError(f"{value!r} is not a period: expected (start, end) in seconds, or a Span")
    return parts[0], parts[1]


def _open_pair(value: object) -> tuple[int | None, int | None] | Span | None:
    """A period whose start or end may be ``None`` (then the data's own)."""
    if value is None or isinstance(value, Span):
        return value
    first, last = _two(value)
    start, end = (None if first is None else int(first)), (None if last is None else int(last))
    if start is not None and end is not None and end <= start:
        raise ValueError(f"{value!r} is not a period: its end is not after its start")
    return (start, end)


def _colour_map(value: Mapping[str, str] | None) -> Mapping[str, str] | None:
    if value is None:
        return None
    if not isinstance(value, Mapping) or not all(isinstance(k, str) and isinstance(v, str) for k, v in value.items()):
        raise ValueError(f"color_map={value!r} is not a mapping of names to CSS colours")
    return dict(value)


@attrs.frozen(kw_only=True)
class ChartOptions:
    """Every option of a timeline chart (see ``timeline.chart.timeline_chart``)."""

    dct: Span | None = None
    lanes: Lanes = attrs.field(default="kind", converter=_lane_value)
    color: str = attrs.field(default="kind", converter=_colour_value)
    color_map: Mapping[str, str] | None = attrs.field(default=None, converter=_colour_map)
    eras: Iterable[Any] | None = None
    max_marks: int = attrs.field(default=2000, validator=_positive)
    domain: tuple[int | None, int | None] | Span | None = attrs.field(default=None, converter=_open_pair)
    width: int = attrs.field(default=800, validator=_positive)
    height: int | None = None
    labels: bool | None = None
    overview: bool = True
    title: str | None = None
    max_lanes: int = attrs.field(default=40, validator=_positive)
    max_rows_per_lane: int = attrs.field(default=24, validator=_positive)
    table_limit: int = attrs.field(default=1000, validator=_positive)

    @classmethod
    def from_kwargs(cls, **options: Any) -> ChartOptions:
        """Options from keyword arguments; an unknown name raises ``TypeError`` naming the known."""
        known = [a.name for a in attrs.fields(cls)]
        unknown = sorted(set(options) - set(known))
        if unknown:
            raise TypeError(f"unknown chart option(s): {', '.join(unknown)}; expected some of {', '.join(known)}")
        return cls(**options)

    def replace(self, **changes: Any) -> ChartOptions:
        """A copy with ``changes`` (checked like the constructor's arguments)."""
        return attrs.evolve(self, **changes)


def renderer_for(n_marks: int) -> str:
    """``svg`` for small charts, ``canvas`` above ``CANVAS_THRESHOLD`` marks."""
    return "canvas" if n_marks > CANVAS_THRESHOLD else "svg"
