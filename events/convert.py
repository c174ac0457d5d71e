"""Events in every format, through timeline's one converter (``timeline.convert``).

An ``Event`` is written as ``timeline.convert.unstructure_item`` writes any item (described by
``events/schema/event.schema.json``)::

    {"class": "events.model.Event", "id", "kind", "status",
     "time": {"earliest_start", "latest_start", "earliest_end", "latest_end",
              "granularity", "timex", "mod", "edtf"},
     "actors": [{"name", "kind", "country", "role", "mention"}],
     "places": [{"name", "country", "latitude", "longitude", "mention"}],
     "quantities": [{"value", "unit", "qualifier", "mention"}],
     "mentions": [{"start", "end", "text", "sentence", "trigger", "doc"}],
     "doc", "plover", "plover_mode", "cameo", "confidence", "time_text", "time_basis"}

Bounds are ISO 8601 instants, ends exclusive (March 2003 ends ``"2003-04-01T00:00:00"``), as in
every format of the package. Event JSON written before this convention (``"type"`` for the
kind, the time's ``text`` and ``basis`` inside it, each end as the last second it includes) is
read too: ``upgrade`` turns it into the current form.

``document_record`` is the JSON of one read document as ``timeline extract`` writes it;
``event_rows`` the flat rows (``timeline.convert.item_row``) of its events for CSV and Parquet,
with the document's ``file`` and ``dct``. ``load(path)`` reads any of these files back.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from events.document import Document
from events.errors import EventDataError
from events.model import Event
from timeline.convert import (
    BOUNDS,
    Column,
    class_name,
    converter,
    instant,
    instant_text,
    item_row,
    row_columns,
    structure_item,
    unstructure_item,
)
from timeline.io.load import read_items
from timeline.io.rows import arrow_schema, arrow_table

if TYPE_CHECKING:
    import pyarrow

__all__ = [
    "DOCUMENT_COLUMNS",
    "converter",
    "document_record",
    "event_columns",
    "event_from_dict",
    "event_parquet_schema",
    "event_rows",
    "event_table",
    "event_to_dict",
    "load",
    "upgrade",
]

DOCUMENT_COLUMNS = (Column("file", "text"), Column("dct", "text"))
"""The columns a row of ``timeline extract`` adds for its document: the file read, its date."""


def event_to_dict(event: Event) -> dict[str, Any]:
    """The event JSON of an ``Event`` (``timeline.convert.unstructure_item``)."""
    return unstructure_item(event)


def upgrade(data: Mapping[str, Any]) -> Mapping[str, Any]:
    """An event record in the current form: a record written before (``"type"``, the time's
    text and basis inside it, inclusive ends) is rewritten; a current one is returned as it is."""
    if "class" in data and "type" not in data:
        return data
    old = dict(data)
    old.setdefault("class", class_name(Event))
    if "kind" not in old and "type" in old:
        old["kind"] = old.pop("type")
    old.pop("type", None)
    quantity = old.pop("quantity", None)
    if "quantities" not in old:
        old["quantities"] = [quantity] if quantity else []
    time = old.get("time")
    if isinstance(time, Mapping) and ("text" in time or "basis" in time):
        old["time_text"] = time.get("text")
        old["time_basis"] = time.get("basis") or "none"
        new = {key: time.get(key) for key in ("granularity", "timex", "mod")}
        new["edtf"] = time.get("span_edtf")
        for bound in BOUNDS:
            value = instant(time.get(bound), bound)
            if value is not None and bound.endswith("_end"):
                value += 1  # the last second included, read back as the exclusive end
            new[bound] = None if value is None else instant_text(value)
        old["time"] = new
    return old


def event_from_dict(data: Mapping[str, Any]) -> Event:
    """The ``Event`` of an event JSON object (current or older); ``EventDataError`` naming what is wrong."""
    if not isinstance(data, Mapping):
        raise EventDataError(
            f"an event is a JSON object, not {type(data).__name__}: {str(data)[:80]!r}"
        )
    try:
        event = structure_item(upgrade(data))
    except ValueError as error:
        raise EventDataError(str(error)) from error
    if not isinstance(event, Event):
        raise EventDataError(
            f"{str(data.get('id'))[:40]!r} is a {type(event).__name__}, not an event"
        )
    return event


def document_record(doc: Document, name: str, *, include_all: bool = False) -> dict[str, Any]:
    """The JSON of one read document, as ``timeline extract`` writes it: its id, file, date
    (the TIMEX3 value, and its first instant), body and events."""
    dct = doc.dct
    chosen = doc.all_events if include_all else doc.events
    return {
        "doc": doc.doc_id,
        "file": name,
        "dct": dct.timex if dct is not None else None,
        "dct_start": instant_text(dct.earliest_start)
        if dct is not None and dct.earliest_start is not None
        else None,
        "body": {"start": doc.body[0], "end": doc.body[1]},
        "events": [event_to_dict(e) for e in chosen],
    }


def event_columns() -> tuple[Column, ...]:
    """The columns of ``event_rows``: ``timeline.convert.row_columns([Event])``, then file and dct."""
    return (*row_columns([Event]), *DOCUMENT_COLUMNS)


def event_parquet_schema() -> pyarrow.Schema:
    """The Arrow schema of ``event_rows`` (``timeline.io.rows.arrow_schema``)."""
    return arrow_schema(event_columns())


def event_table(rows: Sequence[Mapping[str, Any]]) -> pyarrow.Table:
    """An Arrow table of ``event_rows`` (schema ``event_parquet_schema``), to write as Parquet."""
    return arrow_table(event_columns(), rows)


def event_rows(doc: Document, name: str, *, include_all: bool = False) -> list[dict[str, Any]]:
    """One flat row per event of ``doc`` (``timeline.convert.item_row``), with its file and date."""
    dct = doc.dct.timex if doc.dct is not None else None
    chosen = doc.all_events if include_all else doc.events
    return [{**item_row(e), "file": name, "dct": dct} for e in chosen]


def load(path: str | os.PathLike[str]) -> list[Event]:
    """The events of a file ``timeline extract`` wrote (JSON, JSON Lines, CSV or Parquet), or
    of a timeline file, in file order; ``timeline.errors.LoadError`` naming the file."""
    return list(read_items(path, upgrade=upgrade).items)
