"""Reading items into the plain rows a chart draws and its table lists.

Every text that reaches a renderer passes through ``clean_text``: characters that XML cannot
hold (C0 controls but tab and newline, lone surrogates, U+FFFE/U+FFFF) are replaced, so no
label, actor, place, kind or title can make an SVG renderer fail. Items are read through the
``TimelineItem`` protocol and a few optional attributes (``actors`` with ``name``, ``country``
and ``role``; ``actor_names``, ``place_names``, ``time_text``, ``quantity``, ``evidence``).
"""

from __future__ import annotations

import enum
import re
import zlib
from collections.abc import Mapping
from typing import Any

import pycountry

from timeline.chart.axis import Axis, describe_span, to_x
from timeline.chart.options import Lanes
from timeline.package_data import load_table
from timeline.span import Span

__all__ = [
    "KIND_COLOURS",
    "NONE_LANE",
    "OTHER_LANE",
    "PALETTE",
    "STATUS_CLASSES",
    "STATUS_ORDER",
    "Row",
    "actors",
    "bounds",
    "clean_strings",
    "clean_text",
    "colour_of",
    "describe",
    "extra",
    "lane_key",
    "lane_keys",
    "marker",
    "names",
    "positions",
    "quantity_text",
    "status_class",
    "text",
    "time_as_written",
]

Row = dict[str, Any]
NONE_LANE = "(none)"
OTHER_LANE = "(other)"
# XML 1.0 characters are tab, newline, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and above.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_SPACES = re.compile("[\x0b\x0c\t\r\n]+")

# How each status is drawn: each status word falls into one drawing class (data file).
STATUS_CLASSES: Mapping[str, str] = {
    word: drawn
    for drawn, words in load_table("timeline", "status_classes.json")["classes"].items()
    for word in words
}
STATUS_ORDER = ("occurred", "ongoing", "planned", "hypothetical", "failed")
_COLOURS = load_table("timeline", "chart_colours.json")
PALETTE: tuple[str, ...] = tuple(_COLOURS["palette"])
KIND_COLOURS: Mapping[str, str] = _COLOURS["kinds"]


def clean_text(value: str) -> str:
    """``value`` with only characters XML can hold: line breaks and form feeds become spaces,
    other controls, lone surrogates and U+FFFE/U+FFFF are dropped."""
    if not _NOT_XML.search(value):
        return value
    return _NOT_XML.sub("", _SPACES.sub(" ", value))


def clean_strings(value: Any) -> Any:
    """``value`` (a JSON-like tree, e.g. any Vega-Lite spec) with ``clean_text`` on every string."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, dict):
        return {clean_text(k) if isinstance(k, str) else k: clean_strings(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [clean_strings(v) for v in value]
    return value


def text(value: object) -> str:
    """Any value as clean text ("" for None, an enum's value)."""
    if value is None:
        return ""
    if isinstance(value, enum.Enum):
        value = value.value
    return clean_text(str(value))


def names(value: object) -> tuple[str, ...]:
    """A name, or an iterable of names, as a tuple of clean texts."""
    if value is None:
        return ()
    if isinstance(value, str):
        return (text(value),)
    try:
        return tuple(text(v) for v in value)  # type: ignore[attr-defined]
    except TypeError:
        return (text(value),)


def extra(item: object, name: str) -> object:
    """An optional attribute, or the same key of an ``attributes`` mapping (``Item``)."""
    value = getattr(item, name, None)
    if value is None:
        attributes = getattr(item, "attributes", None)
        if isinstance(attributes, Mapping):
            value = attributes.get(name)
    return value


def colour_of(name: str, color_map: Mapping[str, str] | None = None) -> str:
    """The colour of a kind (or lane) name: ``color_map``, then the kind table, then a colour
    picked from the palette by a hash of the name (the same in every chart)."""
    if color_map and name in color_map:
        return color_map[name]
    if name in KIND_COLOURS:
        return KIND_COLOURS[name]
    return PALETTE[zlib.crc32(name.encode("utf-8")) % len(PALETTE)]


def quantity_text(value: object) -> str:
    """A quantity as words: "around 120,000,000 USD"."""
    if value is None:
        return ""
    if isinstance(value, str | int | float):
        return f"{value:,}" if isinstance(value, int | float) and not isinstance(value, bool) else text(value)
    number = getattr(value, "value", None)
    if number is None and isinstance(value, Mapping):
        number, unit, qualifier = value.get("value"), value.get("unit"), value.get("qualifier")
    else:
        unit, qualifier = getattr(value, "unit", None), getattr(value, "qualifier", None)
    if isinstance(number, float) and number.is_integer():
        number = int(number)
    parts = [text(qualifier), f"{number:,}" if isinstance(number, int | float) else text(number), text(unit)]
    return " ".join(p for p in parts if p)


def status_class(status: object) -> str:
    """The drawing class of a status: occurred, ongoing, planned, hypothetical or failed."""
    word = text(status).strip().lower()
    return STATUS_CLASSES.get(word, "occurred")


def _country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code.upper()) if len(code) == 3 else None
    return text(getattr(country, "name", code))


def actors(item: object) -> list[tuple[str, str, str]]:
    """(name, country, role) of each of the item's actors, each actor once."""
    found: list[tuple[str, str, str]] = []
    for actor in getattr(item, "actors", None) or ():
        name = text(getattr(actor, "name", actor))
        country = text(getattr(actor, "country", None))
        found.append((name, _country_name(country) if country else name, text(getattr(actor, "role", None))))
    if not found:
        found = [(name, name, "") for name in names(getattr(item, "actor_names", ()))]
    seen: set[str] = set()
    return [a for a in found if not (a[0] in seen or seen.add(a[0]))]  # type: ignore[func-returns-value]


def lane_keys(item: object, lanes: Lanes) -> list[tuple[str, str]]:
    """The lanes an item goes in, with its role there: one for most fields, one for each actor
    (``actor``) or each country of its actors (``country``)."""
    if callable(lanes):
        return [(text(lanes(item)) or NONE_LANE, "")]
    if lanes in ("actor", "country"):
        found: dict[str, list[str]] = {}
        for name, country, role in actors(item):
            roles = found.setdefault(name if lanes == "actor" else country, [])
            if role and role not in roles:
                roles.append(role)
        return [(key, ", ".join(roles)) for key, roles in found.items()] or [(NONE_LANE, "")]
    return [(lane_key(item, lanes), "")]


def lane_key(item: object, field: Lanes) -> str:
    """The one lane (or colour group) of an item: its kind, first actor, country, place ..."""
    if callable(field):
        return text(field(item)) or NONE_LANE
    if field in ("actor", "country"):
        first = actors(item)
        return (first[0][0] if field == "actor" else first[0][1]) if first else NONE_LANE
    value: object
    if field == "place":
        value = next(iter(names(getattr(item, "place_names", ()))), None)
    elif field == "lane":
        value = extra(item, "lane")
    else:
        value = getattr(item, field, None)
    return text(value) or NONE_LANE


def time_as_written(item: object) -> str:
    """The time expression the item's time was read from ("last week"), if it says."""
    return text(extra(item, "time_text"))


def _evidence(item: object) -> tuple[str, str]:
    evidence = tuple(getattr(item, "evidence", ()) or ())
    first = evidence[0] if evidence else None
    if first is None:
        return "", ""
    return text(getattr(first, "sentence", "")), text(getattr(first, "doc", None))


def describe(item: object, color: Lanes, color_map: Mapping[str, str] | None, *, sentence_limit: int | None = 320) -> Row:
    """The texts of an item (the tooltip's and the table's): label, kind, status, times, actors ..."""
    span = getattr(item, "time", None)
    sentence, evidence_doc = _evidence(item)
    if sentence_limit is not None and len(sentence) > sentence_limit:
        sentence = sentence[: sentence_limit - 1] + "…"
    kind = text(getattr(item, "kind", None))
    status = text(getattr(item, "status", None))
    group = lane_key(item, color)
    return {
        "id": text(getattr(item, "id", "")),
        "label": text(getattr(item, "label", "")) or kind or text(getattr(item, "id", "")),
        "kind": kind or NONE_LANE,
        "status": status,
        "sc": status_class(status),
        "color": group,
        "hex": colour_of(group, color_map),
        "when": time_as_written(item),
        "norm": describe_span(span) if isinstance(span, Span) else "unknown",
        "actors": ", ".join(a[0] for a in actors(item)),
        "places": ", ".join(names(getattr(item, "place_names", ()))),
        "quantity": quantity_text(extra(item, "quantity")),
        "sentence": sentence,
        "doc": text(getattr(item, "doc", None)) or evidence_doc,
    }


def positions(
    span: Span, lo: int, hi: int, mid: int, open_start: bool, open_end: bool, axis: Axis
) -> Row:
    """Where an item is drawn, in x numbers: the band, the certain part, the marker, open ends."""
    ls, ee = span.latest_start, span.earliest_end
    certain = ls is not None and ee is not None and ls < ee
    return {
        "lo": to_x(lo, axis),
        "hi": to_x(hi, axis),
        "cs": to_x(ls, axis) if certain and ls is not None else None,
        "ce": to_x(ee, axis) if certain and ee is not None else None,
        "mid": to_x(mid, axis),
        "os": open_start,
        "oe": open_end,
    }


def bounds(span: Span) -> tuple[int, int, bool, bool] | None:
    """(lo, hi, open start, open end) of a span: its outer known bounds, or None if none is known."""
    es, ls, ee, le = span.earliest_start, span.latest_start, span.earliest_end, span.latest_end
    known = [b for b in (es, ls, ee, le) if b is not None]
    if not known:
        return None
    lo = es if es is not None else min(known)
    hi = le if le is not None else max(known)
    return lo, max(lo, hi), es is None, le is None


def marker(lo: int, hi: int, open_start: bool, open_end: bool) -> int:
    """Where an item's marker goes: the middle of its band, or its known bound if one is open."""
    if open_start and not open_end:
        return hi
    if open_end and not open_start:
        return lo
    return lo + (hi - lo) // 2

