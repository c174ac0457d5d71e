"""Timelines as tables: records, pandas DataFrames, CSV and Parquet, both ways.

Reading a researcher's rows (``timeline_from_records``, ``from_pandas``, ``read_csv``,
``read_parquet``), the time of each row comes from one of:

- ``edtf="column"``: an EDTF string ("2003-04", "1999~", "2003-03-18/2003-04");
- ``timex="column"``: a TIMEX3 value ("2003-W11");
- ``start="column"`` (and optionally ``end="column"``): each a datetime (that second), a date
  or an ISO 8601 string (that day, month, ... : the start falls somewhere in it), or an int
  of seconds; without ``end`` the item lies within the start's period;
- the four bound columns ``earliest_start``, ``latest_start``, ``earliest_end``,
  ``latest_end`` that ``to_pandas`` writes (datetime64 or ISO text; empty = open).

Other columns are found by name (``id``, ``label``, ``kind``, ``status``, ``doc``, ``actors``,
``places``; rename with ``id="event_id"`` etc.); a missing id becomes the row number. A
missing or NaN time, or an end before its start, raises ``InvalidItemError`` naming the row.

``to_pandas`` writes one row per item in timeline order: ``id``, ``class``, ``label``,
``kind``, ``status``, ``doc``, ``actor_names``, ``place_names``, the four bounds as
``datetime64[s]`` (NaT = open; seconds reach far beyond years 1..9999), ``granularity``,
``timex``, ``mod``, ``edtf`` (the span's EDTF string, derived when it had none, which
``edtf_derived`` says),
``evidence`` and ``fields`` (JSON: the item's other fields). Such a table reads back to equal
items; the timeline's constraints, name, document date and merge records travel in
``DataFrame.attrs["timeline"]`` and in Parquet's metadata (CSV carries the items only).
"""

from __future__ import annotations

import csv
import datetime as _dt
import json
import os
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from timeline.calendar import seconds
from timeline.constraints import iso
from timeline.convert import class_name, converter, item_class
from timeline.errors import InvalidItemError
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

if TYPE_CHECKING:
    import pandas

    from timeline.engine import Timeline

BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")
_STANDARD = ("id", "label", "kind", "status", "doc", "actor_names", "place_names", "evidence")
_COLUMNS = ("id", "class", "label", "kind", "status", "doc", "actor_names", "place_names", *BOUNDS, "granularity", "timex", "mod", "edtf", "edtf_derived", "evidence", "fields")
_ISO = re.compile(r"^([+-]?\d{4,})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d):(\d\d))?$")


def _missing(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    try:
        return bool(value != value)  # NaN, NaT
    except (TypeError, ValueError):
        return False


def _text(value: Any) -> str | None:
    return None if _missing(value) else str(value)


def _instant(value: Any) -> int:
    """Seconds of a datetime-like, an int, or ISO text as ``to_pandas``/``write_csv`` write it."""
    if isinstance(value, np.datetime64):
        return int(value.astype("datetime64[s]").astype(np.int64))
    if isinstance(value, _dt.datetime):
        ts = getattr(value, "asm8", None)  # pandas Timestamp: exact, any year
        if ts is not None:
            return int(np.datetime64(ts, "s").astype(np.int64))
        span = Span.from_datetime(value)
        assert span.earliest_start is not None
        return span.earliest_start
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return int(value)
    if isinstance(value, str):
        match = _ISO.match(value.strip())
        if match:
            y, mo, d, h, mi, s = (int(g) if g else 0 for g in match.groups())
            return seconds(y, mo, d, h, mi, s)
    raise ValueError(f"{value!r} is not an instant (expected a datetime, seconds, or YYYY-MM-DD[THH:MM:SS])")


def _period(value: Any) -> Span:
    """The span a start or end cell names: an instant, a day, or an ISO period."""
    if isinstance(value, np.datetime64 | _dt.datetime) or (isinstance(value, int | np.integer) and not isinstance(value, bool)):
        return Span.instant(_instant(value))
    if isinstance(value, _dt.date):
        return Span.from_datetime(value)
    if isinstance(value, float):
        raise ValueError(f"{value!r} is a float; expected a date, a datetime, an ISO string or int seconds")
    if isinstance(value, str):
        try:
            return Span.from_iso(value.strip())
        except ValueError:
            return Span.from_timex3(value.strip())
    raise ValueError(f"{value!r} is not a time")


def _names(value: Any) -> tuple[str, ...]:
    if _missing(value) if not isinstance(value, list | tuple | np.ndarray) else False:
        return ()
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("["):
            return tuple(json.loads(text))
        return tuple(p.strip() for p in text.split(";") if p.strip())
    return tuple(str(v) for v in value)


def _row_name(row: int, ident: str | None) -> str:
    return f"row {row}" + (f" (id {ident!r})" if ident is not None else "")


def _time(record: Mapping[str, Any], row: int, ident: str | None, options: Mapping[str, str | None]) -> Span:
    where = _row_name(row, ident)
    try:
        if all(b in record for b in BOUNDS) and not any(options[k] for k in ("edtf", "timex", "start")):
            values = [None if _missing(record[b]) else _instant(record[b]) for b in BOUNDS]
            granularity = record.get("granularity")
            span = Span(
                values[0],
                values[1],
                values[2],
                values[3],
                granularity=Granularity[granularity] if isinstance(granularity, str) and granularity else Granularity.UNKNOWN,
                timex=_text(record.get("timex")),
                mod=_text(record.get("mod")),
            )
            edtf = _text(record.get("edtf"))
            derived = record.get("edtf_derived")
            if edtf is not None and not (derived is True or str(derived).lower() == "true"):
                span = attrs.evolve(span, edtf=edtf)
            return span
        for key, make in (("edtf", Span.from_edtf), ("timex", Span.from_timex3)):
            column = options[key]
            if column:
                value = record.get(column)
                if _missing(value):
                    raise InvalidItemError(f"{where}: its {column!r} is missing")
                return make(str(value).strip())
        column = options["start"] or "start"
        value = record.get(column)
        if _missing(value):
            raise InvalidItemError(f"{where}: its {column!r} is missing (name the time columns with start=, end=, edtf= or timex=)")
        start = _period(value)
        end_column = options["end"] or ("end" if "end" in record and not options["start"] else None)
        if end_column is None:
            return start
        value = record.get(end_column)
        if _missing(value):
            raise InvalidItemError(f"{where}: its {end_column!r} is missing")
        end = _period(value)
        if (
            end.latest_end is not None
            and start.earliest_start is not None
            and end.earliest_start is not None
            # the end's period is over before the start's begins (an instant may touch it)
            and (end.latest_end < start.earliest_start or (end.latest_end == start.earliest_start and end.earliest_start < end.latest_end))
        ):
            raise InvalidItemError(f"{where}: it ends ({value!r}) before it starts ({record.get(column)!r})")
        return Span(start.earliest_start, start.latest_end, end.earliest_start, end.latest_end, max(start.granularity, end.granularity))
    except InvalidItemError:
        raise
    except (ValueError, TypeError) as error:
        raise InvalidItemError(f"{where}: {error}") from error


def _derived_edtf(span: Span) -> str | None:
    try:
        return attrs.evolve(span, edtf=None).to_edtf()
    except (ValueError, ImportError, AttributeError):
        return None


def items_from_records(
    records: Iterable[Mapping[str, Any]],
    *,
    id: str = "id",
    start: str | None = None,
    end: str | None = None,
    edtf: str | None = None,
    timex: str | None = None,
    label: str = "label",
    kind: str = "kind",
    status: str = "status",
    doc: str = "doc",
    actors: str = "actors",
    places: str = "places",
) -> list[Any]:
    """Items of ``records`` (mappings); see the module docstring for the columns."""
    options = {"start": start, "end": end, "edtf": edtf, "timex": timex}
    out = []
    for row, record in enumerate(records):
        if not isinstance(record, Mapping):
            raise InvalidItemError(f"row {row}: a record must be a mapping of column to value, got {type(record).__name__}")
        ident = _text(record.get(id))
        time = _time(record, row, ident, options)
        ident = ident if ident is not None else str(row)
        cls = item_class(str(record["class"])) if _text(record.get("class")) else Item
        fields: dict[str, Any] = {
            "id": ident,
            "time": time,
            "label": _text(record.get(label)) or "",
            "kind": _text(record.get(kind)),
            "status": _text(record.get(status)),
            "doc": _text(record.get(doc)),
            "actor_names": _names(record.get("actor_names", record.get(actors))),
            "place_names": _names(record.get("place_names", record.get(places))),
        }
        evidence = _text(record.get("evidence"))
        if evidence:
            fields["evidence"] = converter.structure(json.loads(evidence), tuple[Evidence, ...])
        extra = _text(record.get("fields"))
        names = {f.name for f in attrs.fields(cls)} if attrs.has(cls) else set(fields)
        data = {k: v for k, v in fields.items() if k in names}
        if extra:
            data.update(json.loads(extra))
        elif cls is Item:
            data["attributes"] = {
                k: _plain(v)
                for k, v in record.items()
                if k not in {id, label, kind, status, doc, actors, places, start or "start", end or "end", edtf, timex, *BOUNDS, *_COLUMNS}
                and not _missing(v)
            }
        try:
            out.append(_build(cls, data, time))
        except (TypeError, ValueError) as error:
            raise InvalidItemError(f"{_row_name(row, ident)}: {error}") from error
    return out


def _build(cls: type[Any], data: dict[str, Any], time: Span) -> Any:
    if cls is Item:
        return Item(**data)
    data = dict(data, time=converter.unstructure(time, Span))
    return converter.structure(data, cls)


def _plain(value: Any) -> Any:
    if isinstance(value, np.generic):
        return value.item()
    return value


def timeline_from_records(
    records: Iterable[Mapping[str, Any]], *, name: str = "", dct: Span | None = None, meta: Mapping[str, Any] | None = None, **options: Any
) -> Timeline:
    """A timeline of ``records`` (see ``items_from_records``); ``meta`` is what ``to_pandas``
    put in ``DataFrame.attrs["timeline"]`` (constraints, name, ...)."""
    from timeline.engine import Timeline

    items = items_from_records(records, **options)
    if not meta:
        return Timeline(items, name=name, dct=dct)
    from timeline.constraints import Constraint
    from timeline.item import MergeRecord

    return Timeline(
        items,
        constraints=converter.structure(meta.get("constraints", []), list[Constraint]),
        name=name or meta.get("name", ""),
        dct=dct or (None if meta.get("dct") is None else converter.structure(meta["dct"], Span)),
        merges=converter.structure(meta.get("merges", []), list[MergeRecord]),
        originals={i: converter.structure(s, Span) for i, s in meta.get("originals", {}).items()},
    )


def _meta(timeline: Timeline) -> dict[str, Any]:
    from timeline.constraints import Constraint
    from timeline.item import MergeRecord

    return {
        "name": timeline.name,
        "dct": converter.unstructure(timeline.dct, Span | None),
        "constraints": converter.unstructure(list(timeline.constraints), list[Constraint]),
        "originals": {i: converter.unstructure(s, Span) for i, s in timeline.originals.items()},
        "merges": converter.unstructure(list(timeline.merges), list[MergeRecord]),
    }


def to_pandas(timeline: Timeline) -> pandas.DataFrame:
    """One row per item in timeline order (see the module docstring)."""
    import pandas as pd

    items = list(timeline)
    columns: dict[str, Any] = {"id": [i.id for i in items], "class": [class_name(type(i)) for i in items]}
    for name in ("label", "kind", "status", "doc"):
        columns[name] = [None if getattr(i, name) is None else str(getattr(i, name)) for i in items]
    columns["actor_names"] = [list(i.actor_names) for i in items]
    columns["place_names"] = [list(i.place_names) for i in items]
    times = [i.time for i in items]
    for bound in BOUNDS:
        raw = np.array([getattr(t, bound) is None for t in times], dtype=bool)
        exact = np.array([getattr(t, bound) if getattr(t, bound) is not None else 0 for t in times], dtype=np.int64)
        values = np.where(raw, np.iinfo(np.int64).min, exact)  # NaT (the int64 minimum) where open
        columns[bound] = pd.Series(values.view("datetime64[s]"))
    columns["granularity"] = [t.granularity.name for t in times]
    columns["timex"] = [t.timex for t in times]
    columns["mod"] = [t.mod for t in times]
    columns["edtf"] = [t.edtf if t.edtf is not None else _derived_edtf(t) for t in times]
    columns["edtf_derived"] = [t.edtf is None for t in times]
    columns["evidence"] = [json.dumps(converter.unstructure(i.evidence, tuple[Evidence, ...]), ensure_ascii=False) for i in items]
    columns["fields"] = [_fields_json(i) for i in items]
    frame = pd.DataFrame(columns)
    frame.attrs["timeline"] = _meta(timeline)
    return frame


def _fields_json(item: Any) -> str | None:
    cls = type(item)
    if cls is Item:
        return json.dumps(item.attributes, ensure_ascii=False, default=str) if item.attributes else None
    data = converter.unstructure(item, cls)
    rest = {k: v for k, v in data.items() if k not in (*_STANDARD, "time")}
    return json.dumps(rest, ensure_ascii=False) if rest else None


def from_pandas(frame: pandas.DataFrame, **options: Any) -> Timeline:
    """A timeline of a DataFrame's rows (see the module docstring)."""
    records = frame.to_dict("records")
    meta = frame.attrs.get("timeline") if hasattr(frame, "attrs") else None
    if meta and "fields" in frame.columns and "meta" not in options:
        options["meta"] = meta
    if "fields" in frame.columns:  # a table to_pandas wrote: the attributes are in "fields"
        for record in records:
            if record.get("class") == class_name(Item) and not _missing(record.get("fields")):
                record["fields"] = json.dumps({"attributes": json.loads(record["fields"])})
            elif record.get("class") == class_name(Item):
                record["fields"] = json.dumps({"attributes": {}})
    return timeline_from_records(records, **options)


def write_csv(timeline: Timeline, path: str | os.PathLike[str]) -> None:
    """The ``to_pandas`` table as CSV: bounds as ISO text (any year), names as JSON lists."""
    frame = to_pandas(timeline)
    for bound in BOUNDS:
        frame[bound] = [None if v is None else iso(v) for v in _raw(timeline, bound)]
    for name in ("actor_names", "place_names"):
        frame[name] = [json.dumps(v, ensure_ascii=False) for v in frame[name]]
    frame.to_csv(path, index=False, quoting=csv.QUOTE_ALL)  # quoted: labels may hold a bare CR


def _raw(timeline: Timeline, bound: str) -> list[int | None]:
    return [getattr(i.time, bound) for i in timeline]


def read_csv(path: str | os.PathLike[str], **options: Any) -> Timeline:
    """A timeline of a CSV file's rows (``from_pandas`` options)."""
    import pandas as pd

    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return from_pandas(frame, **options)


def write_parquet(timeline: Timeline, path: str | os.PathLike[str]) -> None:
    """The ``to_pandas`` table as Parquet, the timeline's constraints and names in its metadata."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    frame = to_pandas(timeline)
    meta = frame.attrs.pop("timeline")
    table = pa.Table.from_pandas(frame, preserve_index=False)
    schema_meta = dict(table.schema.metadata or {})
    schema_meta[b"timeline"] = json.dumps(meta, ensure_ascii=False).encode("utf-8")
    pq.write_table(table.replace_schema_metadata(schema_meta), path)


def read_parquet(path: str | os.PathLike[str], **options: Any) -> Timeline:
    """A timeline of a Parquet file's rows (``from_pandas`` options)."""
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    frame = table.to_pandas()
    raw = (table.schema.metadata or {}).get(b"timeline")
    if raw:
        frame.attrs["timeline"] = json.loads(raw)
    return from_pandas(frame, **options)

