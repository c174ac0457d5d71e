"""A timeline as TimeML: an EVENT (and MAKEINSTANCE) per item, TIMEX3s, TLINKs from the constraints.

``timeline_to_timeml(timeline)`` writes a small document of its own: one line per item (in
timeline order), ``label (value)``, the label tagged as an EVENT and the TIMEX3 value of the
item's time tagged as a TIMEX3, an ``IS_INCLUDED`` TLINK from each event to its time, and a
TLINK for each constraint whose relation TimeML can say (``timeline/data/relations.json``
gives each relation's relType; overlaps and intersects have none and are left out).

With ``text=`` the events are tagged where their evidence is (the first evidence inside the
text, of ``doc_id`` when given), cut (or widened) so that every tag nests, as inline markup must ("killed on Oct. 23" is tagged
"killed on " when the date is a TIMEX3), so any read document exports and reads back; ``timexes=`` (objects with start, end, type, value, as
``timeline.tag`` returns) are tagged as given, and an event is linked to a timex of the same
value. Items without evidence in the text are left out, with the constraints that name them.
Writing goes through ``timeline.io.timeml.write_timeml``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from timeline.constraints import relation_named
from timeline.io.parts import TimelineSource
from timeline.io.timeml import write_timeml
from timeline.span import Span

__all__ = ["timeline_to_timeml"]


@attrs.frozen(slots=True)
class _Tag:
    start: int
    end: int
    type: str = "DATE"
    value: str = ""
    tid: str | None = None
    eid: str | None = None
    cls: str = "OCCURRENCE"


@attrs.frozen(slots=True)
class _Link:
    rel_type: str
    source: str
    target: str


def _timex_type(span: Span, value: str) -> str:
    kind = span.kind
    if kind == "duration":
        return "DURATION"
    if kind == "set":
        return "SET"
    return "TIME" if "T" in value else "DATE"


def _value(span: Span) -> str | None:
    try:
        return span.to_timex3()
    except (ValueError, ImportError):
        return None


def _event_class(item: Any) -> str:
    for name in ("timeml_class", "cls", "event_class"):
        value = getattr(item, name, None)
        if isinstance(value, str) and value:
            return value
    return "OCCURRENCE"


def _crossing(span: tuple[int, int], placed: list[tuple[int, int]]) -> tuple[int, int] | None:
    start, end = span
    return next((p for p in placed if start < p[0] < end < p[1] or p[0] < start < p[1] < end), None)


def _fit(span: tuple[int, int], placed: list[tuple[int, int]]) -> tuple[int, int]:
    """``span`` made to nest with every placed tag: a crossing is cut off where the other tag
    begins (or after it ends); when nothing would be left, the span grows to enclose it."""
    start, end = span
    for _ in range(len(placed) + 1):  # cutting: the span only shrinks
        other = _crossing((start, end), placed)
        if other is None:
            return start, end
        piece = (start, other[0]) if start < other[0] else (other[1], end)
        if piece[1] <= piece[0]:
            break
        start, end = piece
    start, end = span
    while (other := _crossing((start, end), placed)) is not None:  # enclosing: the span only grows
        start, end = min(start, other[0]), max(end, other[1])
    return start, end


def timeline_to_timeml(
    timeline: TimelineSource,
    *,
    text: str | None = None,
    timexes: Iterable[Any] = (),
    doc_id: str | None = None,
) -> str:
    """TimeML 1.2.1 of ``timeline`` (see the module docstring)."""
    dct = _value(timeline.dct) if timeline.dct is not None else None
    events: list[_Tag] = []
    times: list[Any] = []
    links: list[_Link] = []
    eid_of: dict[str, str] = {}
    if text is None:
        lines: list[str] = []
        position = 0
        for n, item in enumerate(timeline, 1):
            label = (item.label or item.id).replace("\n", " ").strip() or item.id
            eid = eid_of[item.id] = f"e{n}"
            events.append(_Tag(position, position + len(label), eid=eid, cls=_event_class(item)))
            line = label
            value = _value(item.time)
            if value:
                start = position + len(label) + 2
                tid = f"t{n}"
                times.append(_Tag(start, start + len(value), _timex_type(item.time, value), value, tid=tid))
                links.append(_Link("IS_INCLUDED", eid, tid))
                line = f"{label} ({value})"
            lines.append(line)
            position += len(line) + 1
        text = "\n".join(lines) + "\n"
    else:
        times = list(timexes)
        by_value: dict[str, str] = {}
        for k, timex in enumerate(times, 1):
            tid = getattr(timex, "tid", None) or f"t{k}"
            if getattr(timex, "tid", None) is None:
                times[k - 1] = _Tag(timex.start, timex.end, timex.type, timex.value, tid=tid)
            by_value.setdefault(str(timex.value), tid)
        placed = [(t.start, t.end) for t in times]
        n = 0
        for item in timeline:
            mention = next(
                (
                    e
                    for e in item.evidence
                    if isinstance(e.start, int) and isinstance(e.end, int) and 0 <= e.start < e.end <= len(text) and (doc_id is None or e.doc in (None, doc_id))
                ),
                None,
            )
            if mention is None:
                continue
            n += 1
            eid = eid_of[item.id] = f"e{n}"
            start, end = _fit((mention.start, mention.end), placed)
            placed.append((start, end))
            events.append(_Tag(start, end, eid=eid, cls=_event_class(item)))
            value = _value(item.time)
            if value and value in by_value:
                links.append(_Link("IS_INCLUDED", eid, by_value[value]))
    for constraint in timeline.constraints:
        rel = relation_named(constraint.relation).timeml
        if rel and constraint.a in eid_of and constraint.b in eid_of:
            links.append(_Link(rel, eid_of[constraint.a], eid_of[constraint.b]))
    return write_timeml(
        text, dct=dct, timexes=times, events=events, tlinks=links, doc_id=doc_id if doc_id is not None else timeline.name
    )
