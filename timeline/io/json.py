"""Lossless JSON for timelines, through the one converter of ``timeline.convert``.

``dumps(timeline)`` / ``loads(text)`` and ``write_json(timeline, path)`` / ``read_json(path)``:
``loads(dumps(t)) == t`` for any timeline whose items' classes are registered and whose item
``attributes`` hold JSON values. The document records the format version, the name, the
document date, the items in insertion order (each with its class), the constraints, the
original times of tightened items, and the merge records. Times are written as
``timeline.convert`` writes them: ISO instants, ends exclusive.

``loads`` reads defensively: text nested deeper than ``MAX_DEPTH``, a number longer than
``MAX_NUMBER_DIGITS`` digits, ``NaN`` or ``Infinity`` is refused with a ``ValueError`` before it is
structured, so hostile input is an error, never a crash or a hang.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import cattrs

from timeline.constraints import Constraint
from timeline.convert import (
    converter,
    data_error,
    span_data,
    span_from_data,
    structure_item,
    unstructure_item,
)
from timeline.io.atomic import write_atomic
from timeline.io.parts import TimelineParts, TimelineSource
from timeline.item import MergeRecord

__all__ = [
    "FORMAT",
    "MAX_DEPTH",
    "MAX_NUMBER_DIGITS",
    "VERSION",
    "dumps",
    "loads",
    "parse",
    "read_json",
    "timeline_data",
    "timeline_from_data",
    "write_json",
]

FORMAT = "timeline"
VERSION = 2
"""Version 2 writes bounds as ISO instants; version 1 files (integer seconds) are still read."""

MAX_DEPTH = 64
"""The deepest nesting of arrays and objects ``parse`` reads."""

MAX_NUMBER_DIGITS = 40
"""The longest number ``parse`` reads, in characters."""


def timeline_data(timeline: TimelineSource) -> dict[str, Any]:
    """``timeline`` as JSON-ready data."""
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": timeline.name,
        "dct": None if timeline.dct is None else span_data(timeline.dct),
        "items": [unstructure_item(item) for item in timeline.rows],
        "constraints": converter.unstructure(list(timeline.constraints), list[Constraint]),
        "originals": {ident: span_data(span) for ident, span in timeline.originals.items()},
        "merges": converter.unstructure(list(timeline.merges), list[MergeRecord]),
    }


def timeline_from_data(data: Any) -> TimelineParts:
    """The parts of the timeline ``timeline_data`` made (``Timeline.from_parts`` builds it); ``ValueError`` naming what is wrong."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ValueError(
            'not a timeline document: expected a JSON object with "format": "timeline"'
        )
    if data.get("version") not in (1, VERSION):
        raise ValueError(
            f"timeline format version {str(data.get('version'))[:20]!r} is not supported (this reads 1 and {VERSION})"
        )
    items, originals = data.get("items", []), data.get("originals", {})
    if not isinstance(items, list) or not isinstance(originals, Mapping):
        raise ValueError('a timeline document holds "items" as a list and "originals" as an object')
    name = data.get("name", "")
    if not isinstance(name, str):
        raise ValueError(f"a timeline's name is a string, not {str(name)[:40]!r}")
    try:
        return TimelineParts(
            [structure_item(item) for item in items],
            constraints=converter.structure(data.get("constraints", []), list[Constraint]),
            name=name,
            dct=None if data.get("dct") is None else span_from_data(data["dct"]),
            merges=converter.structure(data.get("merges", []), list[MergeRecord]),
            originals={str(ident): span_from_data(span) for ident, span in originals.items()},
        )
    except (cattrs.BaseValidationError, TypeError, KeyError, OverflowError) as error:
        raise ValueError(data_error(error)) from error


def _number(text: str) -> Any:
    if len(text) > MAX_NUMBER_DIGITS:
        raise ValueError(
            f"a number of {len(text)} characters (at most {MAX_NUMBER_DIGITS} are read)"
        )
    if not any(c in text for c in ".eE"):
        return int(text)
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text} is beyond the numbers JSON holds")
    return value


_SURROGATE = re.compile(r"\\[uU][dD][89a-fA-F]")


def _constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON number")


def _depth(text: str) -> int:
    """The deepest nesting of brackets outside strings."""
    depth = deepest = 0
    in_string = escaped = False
    for char in text:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_DEPTH:
                    return deepest
        elif char in "]}":
            depth -= 1
    return deepest


def parse(text: str | bytes) -> Any:
    """The JSON value of ``text``, within the limits above; ``ValueError`` (``json.JSONDecodeError``
    for bad syntax) naming the problem."""
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if _depth(text) > MAX_DEPTH:
        raise ValueError(f"nested deeper than {MAX_DEPTH} levels")
    value = json.loads(text, parse_int=_number, parse_float=_number, parse_constant=_constant)
    if _SURROGATE.search(text):
        try:
            json.dumps(value, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:
            raise ValueError("a string holds a lone surrogate (\\ud800-\\udfff), which is not text") from None
    return value


def dumps(timeline: TimelineSource, *, indent: int | None = 1) -> str:
    """The JSON text of ``timeline``."""
    return json.dumps(timeline_data(timeline), ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> TimelineParts:
    """The parts of the timeline ``dumps`` wrote (``Timeline.from_json`` builds it); ``ValueError`` for anything else."""
    return timeline_from_data(parse(text))


def write_json(timeline: TimelineSource, path: str | os.PathLike[str]) -> None:
    """Write ``timeline`` as JSON to ``path`` (UTF-8), atomically."""
    write_atomic(path, dumps(timeline) + "\n")


def read_json(path: str | os.PathLike[str]) -> TimelineParts:
    """The parts of the timeline in the JSON file ``path`` (``Timeline.read`` builds it)."""
    return loads(Path(path).read_text(encoding="utf-8"))
