"""The records a corpus is written as, built from read documents: a document's JSON (as
``timeline extract`` writes it), one row per event (Parquet) and one CSV row per event.

Only building lives here; the writers in ``events.corpus.writers`` put the records in files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from events.document import Document
from events.text.timing import iso

if TYPE_CHECKING:
    import pyarrow

__all__ = ["CSV_COLUMNS", "csv_rows", "document_record", "event_rows", "parquet_schema"]

CSV_COLUMNS = (
    "doc", "id", "type", "status", "plover", "cameo", "actors", "countries", "places", "quantity",
    "time_text", "timex", "earliest_start", "latest_start", "earliest_end", "latest_end", "start", "end", "text",
)  # fmt: skip


def document_record(name: str, doc: Document, *, include_all: bool = False) -> dict[str, Any]:
    """The JSON of one read document, as ``timeline extract`` writes it: its id, file, date,
    body and events (the event JSON of ``events.convert``)."""
    # Imported here: importing events.convert registers its hooks on timeline's converter,
    # which changes how Timeline.to_csv writes events (review B1). Until that import has no
    # side effect, ``import events`` must not import it.
    from events.convert import event_to_dict

    dct = doc.dct
    chosen = doc.all_events if include_all else doc.events
    return {
        "doc": doc.doc_id,
        "file": name,
        "dct": dct.timex if dct is not None else None,
        "dct_start": iso(dct.earliest_start) if dct is not None else None,
        "body": {"start": doc.body[0], "end": doc.body[1]},
        "events": [event_to_dict(e) for e in chosen],
    }


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    """The CSV rows (columns ``CSV_COLUMNS``) of a ``document_record``: one per event."""
    rows = []
    for e in record["events"]:
        first = e["mentions"][0] if e["mentions"] else {}
        q = e.get("quantity")
        rows.append({
            "doc": e["doc"], "id": e["id"], "type": e["type"], "status": e["status"], "plover": e["plover"] or "",
            "cameo": e["cameo"] or "", "actors": "; ".join(a["name"] for a in e["actors"]),
            "countries": "; ".join(sorted({a["country"] for a in e["actors"] if a["country"]})),
            "places": "; ".join(p["name"] for p in e["places"]),
            "quantity": "" if not q else f"{q['qualifier'] + ' ' if q['qualifier'] else ''}{q['value']:g} {q['unit'] or ''}".strip(),
            "time_text": e["time"]["text"] or "", "timex": e["time"]["timex"] or "",
            "earliest_start": e["time"]["earliest_start"] or "", "latest_start": e["time"]["latest_start"] or "",
            "earliest_end": e["time"]["earliest_end"] or "", "latest_end": e["time"]["latest_end"] or "",
            "start": first.get("start", ""), "end": first.get("end", ""), "text": first.get("text", ""),
        })  # fmt: skip
    return rows


def parquet_schema() -> pyarrow.Schema:
    """The columns of the Parquet ``extract_to`` writes: one row per event.

    Time bounds are ``timestamp[ms]`` (Parquet has no seconds unit; null = open; any year,
    BCE included), ends exclusive.
    """
    import pyarrow as pa

    text, names, stamp = pa.string(), pa.list_(pa.string()), pa.timestamp("ms")
    return pa.schema([
        ("doc", text), ("file", text), ("dct", text), ("id", text), ("type", text), ("status", text),
        ("label", text), ("plover", text), ("cameo", text), ("actors", names), ("countries", names),
        ("places", names), ("quantity", pa.float64()), ("quantity_unit", text), ("quantity_qualifier", text),
        ("time_text", text), ("time_basis", text), ("timex", text), ("granularity", text), ("mod", text),
        ("earliest_start", stamp), ("latest_start", stamp), ("earliest_end", stamp), ("latest_end", stamp),
        ("start", pa.int64()), ("end", pa.int64()), ("text", text), ("sentence", text), ("mentions", pa.int32()),
    ])  # fmt: skip


def _ms(seconds: int | None) -> int | None:
    return None if seconds is None else seconds * 1000


def event_rows(name: str, doc: Document, *, include_all: bool = False) -> list[dict[str, Any]]:
    """The Parquet rows (columns ``parquet_schema()``) of one read document: one per event."""
    dct = doc.dct.timex if doc.dct is not None else None
    rows = []
    for e in doc.all_events if include_all else doc.events:
        first = e.mentions[0] if e.mentions else None
        q = e.quantity
        t = e.time
        rows.append({
            "doc": e.doc, "file": name, "dct": dct, "id": e.id, "type": e.kind, "status": e.status.value,
            "label": e.label, "plover": e.plover, "cameo": e.cameo, "actors": list(e.actor_names),
            "countries": sorted(e.countries), "places": list(e.place_names),
            "quantity": q.value if q else None, "quantity_unit": q.unit if q else None,
            "quantity_qualifier": q.qualifier if q else None, "time_text": e.time_text, "time_basis": e.time_basis,
            "timex": t.timex, "granularity": t.granularity.name.lower(), "mod": t.mod,
            "earliest_start": _ms(t.earliest_start), "latest_start": _ms(t.latest_start),
            "earliest_end": _ms(t.earliest_end), "latest_end": _ms(t.latest_end),
            "start": first.start if first else None, "end": first.end if first else None,
            "text": first.text if first else None, "sentence": first.sentence if first else None,
            "mentions": len(e.mentions),
        })  # fmt: skip
    return rows
