"""Lossless JSON for timelines, through the one converter of ``timeline.convert``.

``dumps(timeline)`` / ``loads(text)`` and ``write_json(timeline, path)`` / ``read_json(path)``:
``loads(dumps(t)) == t`` for any timeline whose items' classes are registered and whose item
``attributes`` hold JSON values. The document records the format version, the name, the
document date, the items in insertion order (each with its class), the constraints, the
original times of tightened items, and the merge records.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from timeline.constraints import Constraint
from timeline.convert import converter, structure_item, unstructure_item
from timeline.engine import Timeline
from timeline.item import MergeRecord
from timeline.span import Span

FORMAT = "timeline"
VERSION = 1


def _unstructure_timeline(timeline: Timeline) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "name": timeline.name,
        "dct": converter.unstructure(timeline.dct, Span | None),
        "items": [unstructure_item(item) for item in timeline.rows],
        "constraints": converter.unstructure(list(timeline.constraints), list[Constraint]),
        "originals": {ident: converter.unstructure(span, Span) for ident, span in timeline.originals.items()},
        "merges": converter.unstructure(list(timeline.merges), list[MergeRecord]),
    }


def _structure_timeline(data: Any, _: type[Any] = Timeline) -> Timeline:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        raise ValueError("not a timeline document: expected a JSON object with \"format\": \"timeline\"")
    if data.get("version") != VERSION:
        raise ValueError(f"timeline format version {data.get('version')!r} is not supported (this reads {VERSION})")
    return Timeline(
        [structure_item(item) for item in data.get("items", ())],
        constraints=converter.structure(data.get("constraints", []), list[Constraint]),
        name=data.get("name", ""),
        dct=None if data.get("dct") is None else converter.structure(data["dct"], Span),
        merges=converter.structure(data.get("merges", []), list[MergeRecord]),
        originals={ident: converter.structure(span, Span) for ident, span in data.get("originals", {}).items()},
    )


converter.register_unstructure_hook(Timeline, _unstructure_timeline)
converter.register_structure_hook(Timeline, _structure_timeline)


def dumps(timeline: Timeline, *, indent: int | None = 1) -> str:
    """The JSON text of ``timeline``."""
    return json.dumps(converter.unstructure(timeline, Timeline), ensure_ascii=False, indent=indent)


def loads(text: str | bytes) -> Timeline:
    """The timeline ``dumps`` wrote; ``ValueError`` for anything else."""
    return converter.structure(json.loads(text), Timeline)


def write_json(timeline: Timeline, path: str | os.PathLike[str]) -> None:
    """Write ``timeline`` as JSON to ``path`` (UTF-8)."""
    Path(path).write_text(dumps(timeline) + "\n", encoding="utf-8")


def read_json(path: str | os.PathLike[str]) -> Timeline:
    """The timeline in the JSON file ``path``."""
    return loads(Path(path).read_text(encoding="utf-8"))
