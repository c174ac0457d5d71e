"""Events to JSON and back, through timeline's one cattrs converter (``timeline.convert``).

An ``Event`` becomes the event JSON ``timeline extract`` writes (described by
``events/schema/event.schema.json``)::

    {"id", "doc", "type", "status", "actors": [{"name", "country", "kind", "role", "mention"}],
     "places": [{"name", "country", "latitude", "longitude", "mention"}], "quantity", "quantities",
     "time": {"text", "timex", "edtf", "granularity", "mod", "basis", "earliest_start",
              "latest_start", "earliest_end", "latest_end"},
     "mentions": [{"start", "end", "text", "sentence", "trigger"}], "plover", "plover_mode",
     "cameo", "confidence"}

Time bounds are ISO 8601 strings, "YYYY-MM-DDThh:mm:ss" (years outside 0-9999 signed); an
end bound is written as the last second it includes (March 2003 ends "2003-03-31T23:59:59"),
so a reader comparing dates sees the right day. Reading the JSON back gives an equal event.
"""

from __future__ import annotations

from typing import Any

from events.errors import EventDataError
from events.model import Actor, Event, Mention, Place, Quantity, Status
from events.text.timing import from_iso, iso
from timeline.convert import converter, register_item_class
from timeline.span import Granularity, Span

__all__ = ["converter", "event_from_dict", "event_to_dict"]


def _time_to_dict(span: Span, text: str | None, basis: str) -> dict[str, Any]:
    try:
        edtf = span.to_edtf()
    except (ValueError, TypeError, AttributeError, NotImplementedError):
        edtf = None
    data: dict[str, Any] = {
        "text": text,
        "timex": span.timex,
        "edtf": edtf,
        "granularity": span.granularity.name.lower(),
        "mod": span.mod,
        "basis": basis,
        "earliest_start": iso(span.earliest_start),
        "latest_start": iso(span.latest_start),
        "earliest_end": iso(span.earliest_end, end=True),
        "latest_end": iso(span.latest_end, end=True),
    }
    if span.edtf is not None:
        data["span_edtf"] = span.edtf  # the EDTF string the span was read from
    return data


def _time_from_dict(data: dict[str, Any]) -> Span:
    granularity = data.get("granularity") or "unknown"
    try:
        g = Granularity[str(granularity).upper()]
    except KeyError:
        raise EventDataError(f"time granularity {granularity!r} is not one of {', '.join(x.name.lower() for x in Granularity)}") from None
    try:
        return Span(
            from_iso(data.get("earliest_start")),
            from_iso(data.get("latest_start")),
            from_iso(data.get("earliest_end"), end=True),
            from_iso(data.get("latest_end"), end=True),
            g,
            data.get("timex"),
            data.get("mod"),
            data.get("span_edtf"),
        )
    except ValueError as error:
        raise EventDataError(f"event time {data!r} cannot be read: {error}") from error


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event JSON of an ``Event``."""
    return {
        "id": event.id,
        "doc": event.doc,
        "type": event.kind,
        "status": event.status.value,
        "actors": [converter.unstructure(a, Actor) for a in event.actors],
        "places": [converter.unstructure(p, Place) for p in event.places],
        "quantity": converter.unstructure(event.quantities[0], Quantity) if event.quantities else None,
        "quantities": [converter.unstructure(q, Quantity) for q in event.quantities],
        "time": _time_to_dict(event.time, event.time_text, event.time_basis),
        "mentions": [converter.unstructure(m, Mention) for m in event.mentions],
        "plover": event.plover,
        "plover_mode": event.plover_mode,
        "cameo": event.cameo,
        "confidence": event.confidence,
    }


def event_from_dict(data: dict[str, Any]) -> Event:
    """The ``Event`` of an event JSON object; ``EventDataError`` naming what is wrong."""
    if not isinstance(data, dict):
        raise EventDataError(f"an event is a JSON object, not {type(data).__name__}: {str(data)[:80]!r}")
    for key in ("id", "type"):
        if not isinstance(data.get(key), str):
            raise EventDataError(f"event {str(data)[:80]!r}: needs a string {key!r}")
    time = data.get("time") or {}
    quantities = data.get("quantities")
    if quantities is None:
        quantities = [data["quantity"]] if data.get("quantity") else []
    try:
        return Event(
            id=data["id"],
            kind=data["type"],
            status=Status(str(data.get("status", "occurred")).lower()),
            time=_time_from_dict(time),
            actors=[converter.structure(a, Actor) for a in data.get("actors") or []],
            places=[converter.structure(p, Place) for p in data.get("places") or []],
            quantities=[converter.structure(q, Quantity) for q in quantities],
            mentions=[converter.structure(m, Mention) for m in data.get("mentions") or []],
            doc=data.get("doc"),
            plover=data.get("plover"),
            plover_mode=data.get("plover_mode"),
            cameo=data.get("cameo"),
            confidence=float(data.get("confidence", 1.0)),
            time_text=time.get("text"),
            time_basis=time.get("basis") or "none",
        )
    except (ValueError, TypeError, KeyError, cattrs_errors()) as error:
        raise EventDataError(f"event {data.get('id')!r} cannot be read: {error}") from error


def cattrs_errors() -> type[Exception]:
    import cattrs

    return cattrs.BaseValidationError


converter.register_unstructure_hook(Status, lambda s: s.value)
converter.register_structure_hook(Status, lambda v, _: Status(str(v).lower()))
converter.register_unstructure_hook(Event, event_to_dict)
converter.register_structure_hook(Event, lambda data, _: event_from_dict(data))
register_item_class(Event)
