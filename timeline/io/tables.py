"""Timelines as tables: records, pandas DataFrames, Arrow tables, CSV and Parquet, both ways.

Reading a researcher's rows (``timeline_from_records``, ``from_pandas``, ``from_arrow``,
``read_csv``, ``read_parquet``: a file, or a folder holding a partitioned dataset as Dask or
Spark write it) fills a timeline's columns (``timeline.columns``) column by column, with
Arrow and NumPy, never a Python loop per row; an ``Item`` is built when one is asked for. The
time of each row comes from one of:

- ``start="column"`` (and optionally ``end="column"``; by default the columns ``start`` and
  ``end``): ISO 8601 text ("2003", "2003-04", "2003-04-18T10:30", read by array arithmetic;
  other text, such as TIMEX3 "2003-W11", once per distinct value), a datetime64 column (one
  whose every value is a midnight holds dates: each is that whole day, as the same date written
  as text; other values are that second), dates, or integers of seconds. The item starts
  within the start's period and ends within the end's; without an end (or with an empty end
  cell) it lies within its start's period, and with an empty start it began some time before
  its end. ``dates="text"`` reads date phrases through ``timeline.tag`` instead ("c. 1790",
  "1620s", "before 900 BC", "between 1618 and 1648"; see ``io/data/date_phrases.json``);
- ``edtf="column"``: EDTF ("2003-04", "1999~", "2003-03-18/2003-04"), ``timex="column"``:
  TIMEX3 values, each read once per distinct value;
- the four bound columns ``earliest_start``, ``latest_start``, ``earliest_end``,
  ``latest_end`` that ``to_pandas`` writes (datetime64 or ISO text; empty = open).

An empty cell (NaN, NaT, None, blank text) is undated, never 1970. Other columns are found by
name (``id``, ``label``, ``kind``, ``status``, ``doc``, ``actors``, ``places``: names as a list
or as text split at ";"; rename with ``id="event_id"`` etc.); a missing id becomes the row
number; the remaining columns are each item's ``attributes``. A row whose end is before its
start, a time that cannot be read or an id that appears twice is a ``ValueError``
(``InvalidItemError``) naming the row, the column and the value; with ``errors="skip"`` the row
is dropped, with ``errors="coerce"`` it is kept undated (as pandas' ``to_datetime``; a repeated
id is dropped or refused, never coerced). A named column that is missing is a ``ValueError``
naming it. A table ``to_pandas`` wrote (it has a ``class`` column) comes back row by row into
its item classes, exactly.

Writing (``to_pandas``, ``write_csv``, ``write_parquet``, at the end of this module): one row
per item in timeline order: ``id``, ``class``, ``label``,
``kind``, ``status``, ``doc``, ``actor_names``, ``place_names``, the four bounds as
``datetime64[s]`` (NaT = open; seconds reach far beyond years 1..9999), ``granularity``,
``timex``, ``mod``, ``edtf`` (the span's EDTF string, derived when it had none, which
``edtf_derived`` says),
``evidence`` and ``fields`` (JSON: the item's other fields). Such a table reads back to equal
items; the timeline's constraints, name, document date and merge records travel in
``DataFrame.attrs["timeline"]`` and in Parquet's metadata (CSV carries the items only).
"""

from __future__ import annotations

import datetime as _dt
import functools
import json
import os
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Any, Literal

import attrs
import numpy as np
import numpy.typing as npt
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from timeline.calendar import seconds
from timeline.columns import Columns
from timeline.constraints import Constraint
from timeline.convert import class_name, converter, item_class, item_row
from timeline.errors import InvalidItemError
from timeline.index import NEG, POS, Int64Array, IntArray, SpanIndex
from timeline.io.atomic import write_atomic
from timeline.io.json import timeline_data
from timeline.io.parts import TimelineParts, TimelineSource
from timeline.io.rows import (
    arrow_table,
    columns_of,
    frame_of,
    frame_rows,
    is_row_table,
    items_of_rows,
    read_csv_rows,
    table_rows,
    write_csv_rows,
)
from timeline.item import Evidence, Item, MergeRecord
from timeline.package_data import load_table
from timeline.span import Granularity, Span
from timeline.timex import tag

__all__ = [
    "BOUNDS",
    "Bound",
    "Dates",
    "Errors",
    "Periods",
    "from_arrow",
    "from_pandas",
    "items_from_records",
    "periods",
    "read_csv",
    "read_parquet",
    "timeline_from_columns",
    "timeline_from_records",
    "timeline_meta",
    "to_pandas",
    "write_csv",
    "write_parquet",
]


BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")
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
    if isinstance(value, np.datetime64 | _dt.datetime):  # that second, as its ISO text says
        t = _instant(value)
        return Span.within(t, t + 1, Granularity.SECOND)
    if isinstance(value, int | np.integer) and not isinstance(value, bool):
        return Span.instant(int(value))
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
    records: Iterable[Mapping[str, Any]],
    *,
    name: str = "",
    dct: Span | None = None,
    meta: Mapping[str, Any] | None = None,
    items: list[Any] | None = None,
    **options: Any,
) -> TimelineParts:
    """A timeline of ``records`` (mappings): read as a table, column by column (see
    ``timeline_from_columns``), unless they are rows ``to_pandas`` wrote (with a ``class``),
    which come back as their items; ``meta`` is what ``to_pandas`` put in
    ``DataFrame.attrs["timeline"]`` (constraints, name, ...); ``items`` (rows ``item_row``
    wrote, already read) are taken as they are instead of reading ``records``."""
    if items is not None:
        return _items_timeline([], name=name, dct=dct, meta=meta, items=items)
    rows = list(records)
    for row, record in enumerate(rows):
        if not isinstance(record, Mapping):
            raise InvalidItemError(f"row {row}: a record must be a mapping of column to value, got {type(record).__name__}")
    if meta or any("class" in record for record in rows):
        return _items_timeline(rows, name=name, dct=dct, meta=meta, **options)
    frame = pd.DataFrame.from_records(rows) if rows else pd.DataFrame()
    return timeline_from_columns(_table_of(frame), name=name, dct=dct, **options)


def _items_timeline(
    records: Iterable[Mapping[str, Any]],
    *,
    name: str = "",
    dct: Span | None = None,
    meta: Mapping[str, Any] | None = None,
    items: list[Any] | None = None,
    **options: Any,
) -> TimelineParts:
    """A timeline of the rows ``to_pandas`` wrote, row by row into their item classes."""
    items = items if items is not None else items_from_records(records, **options)
    if not meta:
        return TimelineParts(items, name=name, dct=dct)
    return TimelineParts(
        items,
        constraints=converter.structure(meta.get("constraints", []), list[Constraint]),
        name=name or meta.get("name", ""),
        dct=dct or (None if meta.get("dct") is None else converter.structure(meta["dct"], Span)),
        merges=converter.structure(meta.get("merges", []), list[MergeRecord]),
        originals={i: converter.structure(s, Span) for i, s in meta.get("originals", {}).items()},
    )


def _written_by_to_pandas(frame: pd.DataFrame, **options: Any) -> TimelineParts:
    """A timeline of a table ``to_pandas`` wrote: its rows back into their item classes."""
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
    return _items_timeline(records, **options)


# ----------------------------------------------------------------------------------------------
# Reading: a researcher's table, column by column (no Python loop per row)

Errors = Literal["raise", "skip", "coerce"]
Dates = Literal["iso", "text"]
_ERRORS = ("raise", "skip", "coerce")
_DATE_PATTERN = (
    r"^\s*(?P<y>[+-]?\d{4,})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)"
    r"(?:[T ](?P<H>\d\d)(?::(?P<M>\d\d)(?::(?P<S>\d\d))?)?)?)?)?\s*$"
)
_PARTS = ("y", "m", "d", "H", "M", "S")
# the granularity of a date written down to each part, and the length of that part
_PART_GRANULARITY = np.array([Granularity.YEAR, Granularity.MONTH, Granularity.DAY, Granularity.HOUR, Granularity.MINUTE, Granularity.SECOND], dtype=np.uint8)
_DAY = 86_400


@functools.cache
def _leading_words() -> dict[str, str]:
    return dict(load_table("timeline.io", "date_phrases.json")["leading_words"])


@attrs.frozen(slots=True)
class Periods:
    """What a column of times says, row by row: each cell's period ``[start, end)`` in
    seconds (an instant when start == end), its granularity, and which cells are empty or bad."""

    start: Int64Array
    end: Int64Array
    granularity: npt.NDArray[np.uint8]
    missing: npt.NDArray[np.bool_]
    bad: npt.NDArray[np.bool_]
    spans: list[Span | None] | None = None  # per row, when each cell was read as a whole span
    values: Any = None  # the column, to name a bad value


def _days_from_civil(y: Int64Array, m: Int64Array, d: Int64Array) -> Int64Array:
    """``timeline.calendar.days_from_civil`` over arrays."""
    y = y - (m <= 2)
    era = np.floor_divide(y, 400)
    yoe = y - era * 400
    mp = (m + 9) % 12
    doy = (153 * mp + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days: Int64Array = era * 146_097 + doe - 719_468
    return days


def _add_months(y: Int64Array, m: Int64Array, months: int) -> tuple[Int64Array, Int64Array]:
    total = y * 12 + (m - 1) + months
    return np.floor_divide(total, 12), total % 12 + 1


def _iso_periods(column: pa.Array) -> tuple[Int64Array, Int64Array, npt.NDArray[np.uint8], npt.NDArray[np.bool_]]:
    """(start, end, granularity, read) of ISO dates and date-times in a string column, by
    regular expression and array arithmetic; cells it cannot read (``read`` False) are left
    to ``Span.from_iso``/``from_timex3``."""
    parts = pc.extract_regex(column, _DATE_PATTERN)
    matched = pc.fill_null(pc.is_valid(parts), False).to_numpy(zero_copy_only=False)
    n = len(column)
    numbers = []
    given = []
    for name in _PARTS:
        field = pc.struct_field(parts, name)
        text = pc.replace_substring_regex(pc.fill_null(field, ""), r"^\+", "")
        present = pc.not_equal(text, "").to_numpy(zero_copy_only=False) & matched
        value = pc.cast(pc.if_else(pc.equal(text, ""), "0", text), pa.int64()).to_numpy(zero_copy_only=False)
        numbers.append(value)
        given.append(present)
    y, m, d, hour, minute, second = numbers
    depth = np.sum(given, axis=0)  # how many parts each cell writes (1: a year ... 6: a second)
    m = np.where(given[1], m, 1)
    d = np.where(given[2], d, 1)
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    month_days = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)[np.clip(m - 1, 0, 11)] + ((m == 2) & leap)
    valid = matched & (np.abs(y) < 10**9) & (m >= 1) & (m <= 12) & (d >= 1) & (d <= month_days) & (hour < 24) & (minute < 60) & (second < 60)
    y = np.where(valid, y, 1970)
    days = _days_from_civil(y, m, d)
    start = days * _DAY + hour * 3600 + minute * 60 + second
    next_year = _days_from_civil(y + 1, np.ones(n, dtype=np.int64), np.ones(n, dtype=np.int64)) * _DAY
    ny, nm = _add_months(y, m, 1)
    next_month = _days_from_civil(ny, nm, np.ones(n, dtype=np.int64)) * _DAY
    length = np.array([0, 0, _DAY, 3600, 60, 1], dtype=np.int64)[np.clip(depth - 1, 0, 5)]
    end = np.select([depth == 1, depth == 2], [next_year, next_month], start + length)
    granularity = _PART_GRANULARITY[np.clip(depth - 1, 0, 5)]
    return start, end, granularity, valid


def _text_span(value: str) -> Span:
    """The span a date phrase names, read by ``timeline.tag``: one date ("c. 1790", "1620s",
    "before 900 BC": a leading word from ``io/data/date_phrases.json`` gives the date its mod
    when the tagger gave none), or the whole range of two or more ("between 1618 and 1648")."""
    found = [t for t in tag(value, mode="narrative") if t.span is not None]
    if not found:
        raise ValueError(f"{value!r} names no date")
    if len(found) == 1:
        timex = found[0]
        assert timex.span is not None
        lead = value[: timex.start].strip().lower()
        mod = timex.mod or _leading_words().get(lead)
        if mod and mod != timex.mod:
            return Span.from_timex3(timex.value, mod)
        return timex.span
    spans = [t.span for t in found if t.span is not None]
    starts = [s.earliest_start for s in spans]
    ends = [s.latest_end for s in spans]
    lo = None if None in starts else min(s for s in starts if s is not None)
    hi = None if None in ends else max(e for e in ends if e is not None)
    return Span.within(lo, hi, max(s.granularity for s in spans))


def _unique_spans(values: Any, read: Callable[[Any], Span]) -> tuple[list[Span | None], npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """(span per row, missing, bad) of a column read one distinct value at a time."""
    if isinstance(values, pa.ChunkedArray | pa.Array):
        encoded = pc.dictionary_encode(values.combine_chunks() if isinstance(values, pa.ChunkedArray) else values)
        distinct = encoded.dictionary.to_pylist()
        codes = pc.fill_null(encoded.indices, -1).to_numpy(zero_copy_only=False)
    else:
        codes = np.full(len(values), -1, dtype=np.int64)
        first: dict[Any, int] = {}
        distinct = []
        for row, value in enumerate(values):
            if _missing(value):
                continue
            key = (type(value), value)
            code = first.get(key)
            if code is None:
                code = first[key] = len(distinct)
                distinct.append(value)
            codes[row] = code
    spans: list[Span | None] = []
    for value in distinct:
        if _missing(value):
            spans.append(None)
            continue
        try:
            spans.append(read(value))
        except (ValueError, TypeError, OverflowError):
            spans.append(None)
    failed = np.array([s is None and not _missing(v) for s, v in zip(spans, distinct, strict=True)] + [False], dtype=bool)
    empty = np.array([_missing(v) for v in distinct] + [True], dtype=bool)
    per_row = [spans[c] if c >= 0 else None for c in codes.tolist()]
    return per_row, empty[codes], failed[codes]


def _read_cell(value: Any) -> Span:
    return _period(value.strip() if isinstance(value, str) else value)


def periods(values: Any, *, dates: Dates = "iso") -> Periods:
    """The ``Periods`` of a time column: an Arrow array (timestamps, dates, integers of
    seconds, ISO text or date phrases with ``dates="text"``) or a sequence of Python values.

    A timestamp column whose every value is a midnight is a column of dates: each cell is that
    whole day, as the same date written as text is. Other timestamps are that second."""
    if isinstance(values, pa.ChunkedArray):
        values = values.combine_chunks()
    n = len(values)
    zero = np.zeros(n, dtype=np.int64)
    none = np.zeros(n, dtype=bool)
    if isinstance(values, pa.Array) and dates == "iso":
        kind = values.type
        missing = values.is_null().to_numpy(zero_copy_only=False) if values.null_count else none
        if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
            unit = {"s": 1, "ms": 1_000, "us": 1_000_000, "ns": 1_000_000_000}
            if pa.types.is_date32(kind):
                t = values.cast(pa.int32()).fill_null(0).to_numpy().astype(np.int64) * _DAY
                daily = True
            else:
                scale = 1_000 if pa.types.is_date64(kind) else unit[kind.unit]
                raw = values.cast(pa.int64()).fill_null(0).to_numpy()
                t = np.floor_divide(raw, scale)
                given_t, given_raw = (t, raw) if not values.null_count else (t[~missing], raw[~missing])
                daily = pa.types.is_date64(kind) or bool(np.all(given_t % _DAY == 0) and np.all(given_raw % scale == 0))
                del given_t, given_raw
            length = _DAY if daily else 1
            granularity = np.full(n, Granularity.DAY if daily else Granularity.SECOND, dtype=np.uint8)
            return Periods(t, t + length, granularity, missing, none, values=values)
        if pa.types.is_integer(kind):
            t = values.cast(pa.int64()).fill_null(0).to_numpy()
            return Periods(t, t, np.full(n, Granularity.SECOND, dtype=np.uint8), missing, none, values=values)
        if pa.types.is_floating(kind):
            floats = values.fill_null(np.nan).to_numpy()
            missing = np.isnan(floats)
            whole = ~missing & (floats == np.floor(floats)) & (np.abs(floats) < 2**62)
            t = np.where(whole, floats, 0).astype(np.int64)
            return Periods(t, t, np.full(n, Granularity.SECOND, dtype=np.uint8), missing, ~missing & ~whole, values=values)
        if pa.types.is_null(kind):
            return Periods(zero, zero, np.zeros(n, dtype=np.uint8), np.ones(n, dtype=bool), none, values=values)
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            stripped = pc.utf8_trim_whitespace(values)
            missing = pc.fill_null(pc.equal(stripped, ""), True).to_numpy(zero_copy_only=False)
            start, end, granularity, read = _iso_periods(values)
            rest = ~read & ~missing
            if not rest.any():
                return Periods(start, end, granularity, missing, none, values=values)
            spans, _, bad = _unique_spans(stripped.filter(pa.array(rest)), _read_cell)
            return _with_spans(Periods(start, end, granularity, missing, none, values=values), np.flatnonzero(rest), spans, bad)
    if isinstance(values, pa.Array):
        values = values.to_pylist()
    spans, missing, bad = _unique_spans(values, _text_span if dates == "text" else _read_cell)
    return _with_spans(Periods(zero, zero.copy(), np.zeros(n, dtype=np.uint8), missing, bad, values=values), np.arange(n), spans, bad)


def _with_spans(base: Periods, rows: IntArray, spans: list[Span | None], bad: npt.NDArray[np.bool_]) -> Periods:
    """``base`` with ``rows`` read as whole spans (their earliest start and latest end)."""
    start, end, granularity = base.start.copy(), base.end.copy(), base.granularity.copy()
    start[rows] = [NEG if s is None or s.earliest_start is None else s.earliest_start for s in spans]
    end[rows] = [POS if s is None or s.latest_end is None else s.latest_end for s in spans]
    granularity[rows] = [Granularity.UNKNOWN if s is None else s.granularity for s in spans]
    every: list[Span | None] = [None] * len(start)
    for row, span in zip(rows.tolist(), spans, strict=True):
        every[row] = span
    flagged = base.bad.copy()
    flagged[rows] = bad
    return Periods(start, end, granularity, base.missing, flagged, spans=every, values=base.values)


def _value_at(values: Any, row: int) -> Any:
    if isinstance(values, pa.Array):
        return values[row].as_py()
    return values[row]


def _named(row: int, ids: pa.Array | None) -> str:
    ident = None if ids is None else ids[row].as_py()
    return _row_name(row, ident)


def _table_of(frame: pd.DataFrame) -> dict[str, Any]:
    """The frame's columns as Arrow arrays (zero copy where pandas keeps Arrow or NumPy data);
    a column of mixed Python objects stays a list of them."""
    out: dict[str, Any] = {}
    for name in frame.columns:
        series = frame[name]
        try:
            out[str(name)] = pa.array(series, from_pandas=True)
        except (pa.ArrowInvalid, pa.ArrowTypeError, pa.ArrowNotImplementedError):
            out[str(name)] = series.to_list()
    return out


def _text_column(values: Any) -> pa.Array:
    """A column as Arrow strings, empty text as null (the column itself when it is text
    without empty cells: no copy)."""
    if not isinstance(values, pa.Array):
        values = pa.array([None if _missing(v) else str(v) for v in values], type=pa.string())
    elif not (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        values = values.cast(pa.string())
    blank = pc.or_(pc.equal(values, ""), pc.utf8_is_space(values))  # no copy of the text
    if not pc.any(blank).as_py():
        return values
    return pc.if_else(blank, pa.scalar(None, values.type), values)


_INDEX_COLUMN = re.compile(r"^__.*__$")  # an index pandas or Dask stored beside the data


def _attribute_column(values: Any) -> pa.Array:
    """A column of other values, for ``Item.attributes`` (mixed values as text)."""
    if isinstance(values, pa.Array):
        return values
    plain = [None if _missing(v) else _plain(v) for v in values]
    try:
        return pa.array(plain)
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.array([None if v is None else str(v) for v in plain], type=pa.string())


def _names_column(values: Any) -> pa.Array:
    """A column of names as Arrow lists of strings: lists as they are, text split at ";" (or
    read as a JSON list when it starts with "[")."""
    kind = pa.list_(pa.string())
    if isinstance(values, pa.Array) and (pa.types.is_list(values.type) or pa.types.is_large_list(values.type)):
        return values.cast(kind)
    if isinstance(values, pa.Array) and (pa.types.is_string(values.type) or pa.types.is_large_string(values.type)):
        text = values.cast(pa.string())
        listed = pc.fill_null(pc.starts_with(pc.utf8_ltrim_whitespace(text), "["), False)
        if not pc.any(listed).as_py():
            parts = pc.split_pattern(pc.fill_null(text, ""), ";")
            flat = pc.utf8_trim_whitespace(pc.list_flatten(parts))
            parents = pc.list_parent_indices(parts)
            keep = pc.not_equal(flat, "")
            flat, parents = flat.filter(keep), parents.filter(keep)
            counts = np.bincount(parents.to_numpy(), minlength=len(text))
            offsets = np.concatenate(([0], np.cumsum(counts))).astype(np.int32)
            return pa.ListArray.from_arrays(pa.array(offsets), flat).cast(kind)
        values = text.to_pylist()
    elif isinstance(values, pa.Array):
        values = values.to_pylist()
    return pa.array([list(_names(v)) for v in values], type=kind)


def _ids(table: Mapping[str, Any], column: str, n: int) -> pa.Array:
    """The id column as strings, a missing id being the row number."""
    rows = pa.array(np.arange(n)).cast(pa.string())
    if column not in table:
        return rows
    ids = _text_column(table[column])
    return pc.if_else(pc.is_null(ids), rows.cast(ids.type), ids) if ids.null_count else ids


def _keep_unique(ids: pa.Array, keep: npt.NDArray[np.bool_], errors: Errors, column: str) -> npt.NDArray[np.bool_]:
    """``keep`` without the rows whose id an earlier kept row has (``errors="skip"``); else a
    ``ValueError`` naming the two rows, the column and the id."""
    kept = ids if keep.all() else ids.filter(pa.array(keep))
    ordered = kept.take(pc.sort_indices(kept))  # a sort finds twins faster than a hash table
    if len(ordered) < 2 or not pc.any(pc.equal(ordered.slice(1), ordered.slice(0, len(ordered) - 1))).as_py():
        return keep
    del ordered
    series = pd.Series(ids.to_numpy(zero_copy_only=False)).where(keep)
    again: npt.NDArray[np.bool_] = series.duplicated(keep="first").to_numpy() & keep
    if errors == "skip":
        return keep & ~again
    row = int(np.flatnonzero(again)[0])
    first = int(np.flatnonzero((series == series[row]).to_numpy() & keep)[0])
    raise InvalidItemError(
        f"row {row}: column {column!r}: id {series[row]!r} appears twice (rows {first} and {row}): item ids must be unique within a timeline"
    )


def _check_columns(table: Mapping[str, Any], wanted: Iterable[str | None]) -> None:
    for name in wanted:
        if name is not None and name not in table:
            raise InvalidItemError(f"column {name!r} is missing: the table has {', '.join(map(repr, table)) or 'no columns'}")


def timeline_from_columns(
    table: Mapping[str, Any],
    *,
    id: str = "id",
    start: str | None = None,
    end: str | None = None,
    edtf: str | None = None,
    timex: str | None = None,
    dates: Dates = "iso",
    errors: Errors = "raise",
    label: str = "label",
    kind: str = "kind",
    status: str = "status",
    doc: str = "doc",
    actors: str = "actors",
    places: str = "places",
    name: str = "",
    dct: Span | None = None,
) -> TimelineParts:
    """A timeline of a table's columns (name -> Arrow array or list), filled column by column;
    see the module docstring for the columns and for ``dates`` and ``errors``."""
    if errors not in _ERRORS:
        raise ValueError(f"errors must be one of {', '.join(map(repr, _ERRORS))}, got {errors!r}")
    if dates not in ("iso", "text"):
        raise ValueError(f"dates must be 'iso' or 'text', got {dates!r}")
    _check_columns(table, (start, end, edtf, timex))
    n = len(next(iter(table.values()))) if table else 0
    ids = _ids(table, id, n)
    bounds_given = all(b in table for b in BOUNDS) and not (start or edtf or timex)
    if not (start or edtf or timex or bounds_given):
        if "start" not in table:
            raise InvalidItemError(
                f"no time column: name one with start=, end=, edtf= or timex= (the table has {', '.join(map(repr, table)) or 'no columns'})"
            )
        start = "start"
        end = end or ("end" if "end" in table else None)
    keep = np.ones(n, dtype=bool)
    text: dict[str, pa.Array] = {}
    if bounds_given:
        es, ls, ee, le, granularity, undated = _bound_columns(table, ids, errors, keep)
        for extra in ("timex", "mod", "edtf"):
            if extra in table:
                text[extra] = _text_column(table[extra])
    else:
        column = edtf or timex
        if column is not None:
            spans, missing, bad = _unique_spans(table[column], Span.from_edtf if edtf else Span.from_timex3)
            first = Periods(np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.uint8), missing, np.zeros(n, dtype=bool), values=table[column])
            first = _with_spans(first, np.arange(n), spans, bad)
            es, ls, ee, le, granularity, undated = _whole_spans(first, column, ids, errors, keep)
            for part in ("timex", "mod", "edtf"):
                values = [None if s is None else getattr(s, part) for s in spans]
                if any(v is not None for v in values):
                    text[part] = pa.array(values, type=pa.string())
        else:
            assert start is not None
            es, ls, ee, le, granularity, undated = _start_end(table, start, end, dates, ids, errors, keep)
    keep = _keep_unique(ids, keep, errors, id)
    for target, source in (("label", label), ("kind", kind), ("status", status), ("doc", doc)):
        if source in table:
            text[target] = _text_column(table[source])
    for target, source in (("actor_names", actors), ("place_names", places)):
        column_name = target if target in table else source
        if column_name in table:
            text[target] = _names_column(table[column_name])
    used = {id, label, kind, status, doc, actors, places, start, end, edtf, timex, *BOUNDS, *_COLUMNS}
    rest = [c for c in table if c not in used and not _INDEX_COLUMN.match(c)]
    attributes = pa.table({c: _attribute_column(table[c]) for c in rest}) if rest else None
    if undated.any():
        es, ls, ee, le = (np.where(undated, fill, a) for a, fill in ((es, NEG), (ls, POS), (ee, NEG), (le, POS)))
        granularity = np.where(undated, np.uint8(Granularity.UNKNOWN), granularity)
        for part in list(text):
            if part in ("timex", "mod", "edtf"):
                text[part] = pc.if_else(pa.array(undated), pa.scalar(None, pa.string()), text[part])
    if not keep.all():
        rows = np.flatnonzero(keep)
        take = pa.array(rows)
        ids = ids.take(take)
        es, ls, ee, le = (a[rows] for a in (es, ls, ee, le))
        granularity = granularity[rows]
        text = {k: v.take(take) for k, v in text.items()}
        attributes = None if attributes is None else attributes.take(take)
    columns = Columns(ids, SpanIndex(es, ls, ee, le), text=text, granularity=granularity.astype(np.uint8), attributes=attributes)
    return TimelineParts(columns=columns, name=name, dct=dct)


Bound = tuple[Int64Array, Int64Array, Int64Array, Int64Array, npt.NDArray[np.uint8], npt.NDArray[np.bool_]]


def _refuse(periods: Periods, bad: npt.NDArray[np.bool_], column: str, ids: pa.Array, errors: Errors, keep: npt.NDArray[np.bool_], what: str) -> npt.NDArray[np.bool_]:
    """Rows ``bad`` under ``errors``: a ``ValueError`` naming the first, or dropped from
    ``keep`` ("skip"); the rows to leave undated ("coerce")."""
    if not bad.any():
        return bad
    if errors == "raise":
        row = int(np.flatnonzero(bad)[0])
        raise InvalidItemError(f"{_named(row, ids)}: column {column!r}: {_value_at(periods.values, row)!r} {what}")
    if errors == "skip":
        keep &= ~bad
        return np.zeros(len(bad), dtype=bool)
    return bad


def _whole_spans(periods: Periods, column: str, ids: pa.Array, errors: Errors, keep: npt.NDArray[np.bool_]) -> Bound:
    """Bounds of a column whose every cell is a whole span (EDTF, TIMEX3)."""
    undated = periods.missing | _refuse(periods, periods.bad, column, ids, errors, keep, "is not a time that can be read")
    spans = periods.spans or [None] * len(periods.start)
    es, ls, ee, le = (
        np.fromiter((fill if s is None or getattr(s, b) is None else getattr(s, b) for s in spans), dtype=np.int64, count=len(spans))
        for b, fill in zip(BOUNDS, (NEG, POS, NEG, POS), strict=True)
    )
    return es, ls, ee, le, periods.granularity, undated


def _start_end(table: Mapping[str, Any], start: str, end: str | None, dates: Dates, ids: pa.Array, errors: Errors, keep: npt.NDArray[np.bool_]) -> Bound:
    """Bounds from a start column and an optional end column: the item starts within the
    start's period and ends within the end's (or, without an end column, lies within the
    start's period). An empty cell is open."""
    first = periods(table[start], dates=dates)
    what = "is not a date that can be read" + (" as text" if dates == "text" else " (ISO 8601, a TIMEX3 value, or dates='text' for phrases)")
    undated = _refuse(first, first.bad, start, ids, errors, keep, what)
    s_missing = first.missing | undated
    if end is None:
        es, le = first.start, first.end
        return es, le, es, le, first.granularity, s_missing
    last = periods(table[end], dates=dates)
    e_undated = _refuse(last, last.bad, end, ids, errors, keep, what)
    e_missing = last.missing | e_undated
    reversed_ = ~s_missing & ~e_missing & ((last.end < first.start) | ((last.end == first.start) & (last.start < last.end)))
    if reversed_.any():
        if errors == "raise":
            row = int(np.flatnonzero(reversed_)[0])
            raise InvalidItemError(
                f"{_named(row, ids)}: column {end!r}: it ends ({_value_at(last.values, row)!r}) before it starts ({_value_at(first.values, row)!r} in {start!r})"
            )
        if errors == "skip":
            keep &= ~reversed_
        else:
            s_missing, e_missing = s_missing | reversed_, e_missing | reversed_
    granularity = np.maximum(np.where(s_missing, 0, first.granularity), np.where(e_missing, 0, last.granularity)).astype(np.uint8)
    if not s_missing.any() and not e_missing.any():  # every row has both: the columns as they are
        return first.start, first.end, last.start, last.end, granularity, s_missing
    # an empty end: the item lies within its start's period, as without an end column;
    # an empty start: it began at some time before its end
    es = np.where(s_missing, NEG, first.start)
    ls = np.where(s_missing, np.where(e_missing, POS, last.end), first.end)
    ee = np.where(e_missing, np.where(s_missing, NEG, first.start), last.start)
    le = np.where(e_missing, np.where(s_missing, POS, first.end), last.end)
    return es, ls, ee, le, granularity, s_missing & e_missing


def _bound_columns(table: Mapping[str, Any], ids: pa.Array, errors: Errors, keep: npt.NDArray[np.bool_]) -> Bound:
    """The four bound columns ``to_pandas`` writes (datetime64 or ISO text, empty = open)."""
    out = []
    for bound, fill in zip(BOUNDS, (NEG, POS, NEG, POS), strict=True):
        cells = periods(table[bound])
        undated = _refuse(cells, cells.bad, bound, ids, errors, keep, "is not an instant (a datetime, seconds, or YYYY-MM-DD[THH:MM:SS])")
        out.append(np.where(cells.missing | undated, fill, cells.start))
    es, ls, ee, le = out
    reversed_ = (es > ls) | (ee > le) | (es > le)
    if reversed_.any():
        row = int(np.flatnonzero(reversed_)[0])
        if errors == "raise":
            raise InvalidItemError(f"{_named(row, ids)}: its bounds contradict each other (an earliest after a latest)")
        if errors == "skip":
            keep &= ~reversed_
    undated = reversed_ if errors == "coerce" else np.zeros(len(es), dtype=bool)
    granularity = np.full(len(es), Granularity.UNKNOWN, dtype=np.uint8)
    if "granularity" in table:
        names = _text_column(table["granularity"]).to_pylist()
        granularity = np.array([Granularity[g] if g in Granularity.__members__ else Granularity.UNKNOWN for g in names], dtype=np.uint8)
    return es, ls, ee, le, granularity, undated


def from_pandas(frame: pd.DataFrame, **options: Any) -> TimelineParts:
    """A timeline of a DataFrame's rows (see the module docstring): column by column, except
    for a table ``to_pandas`` wrote (it has a ``class`` column), read back row by row into
    its item classes."""
    if is_row_table(str(c) for c in frame.columns) and not options:  # rows item_row wrote
        meta = frame.attrs.get("timeline") if hasattr(frame, "attrs") else None
        return timeline_from_records([], meta=meta, items=items_of_rows(frame_rows(frame)))
    if "class" in frame.columns:
        return _written_by_to_pandas(frame, **options)
    return timeline_from_columns(_table_of(frame), **options)


def from_arrow(table: pa.Table, **options: Any) -> TimelineParts:
    """A timeline of an Arrow table's rows (options as ``from_pandas``), straight from its columns."""
    raw = (table.schema.metadata or {}).get(b"timeline")
    if is_row_table(table.column_names) and not options:  # rows write_parquet (or timeline extract) wrote
        return timeline_from_records([], meta=json.loads(raw) if raw else None, items=items_of_rows(table_rows(table)))
    if "class" in table.column_names:
        frame = table.to_pandas()
        raw = (table.schema.metadata or {}).get(b"timeline")
        if raw:
            frame.attrs["timeline"] = json.loads(raw)
        return _written_by_to_pandas(frame, **options)
    columns = {}
    for name in table.column_names:  # each column in one piece, its chunks let go as it is copied
        columns[name] = table.column(name).combine_chunks()
        table = table.drop_columns([name])
    del table
    return timeline_from_columns(columns, **options)


def read_csv(path: str | os.PathLike[str], **options: Any) -> TimelineParts:
    """A timeline of a CSV file's rows (``from_pandas`` options); every cell is read as text."""
    rows = None if options else read_csv_rows(path)
    if rows is not None:  # rows write_csv (or timeline extract) wrote
        return timeline_from_records([], items=items_of_rows(rows))
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    return from_pandas(frame, **options)


def read_parquet(path: str | os.PathLike[str], **options: Any) -> TimelineParts:
    """A timeline of a Parquet file, or of a folder holding a partitioned Parquet dataset (as
    Dask or Spark write it: ``part.*.parquet`` files, ``key=value`` folders), through
    pyarrow's dataset API (``from_pandas`` options)."""
    if os.path.isdir(path):
        dataset = ds.dataset(path, format="parquet", partitioning="hive")
        table = dataset.to_table()
        table = table.replace_schema_metadata(pq.read_schema(next(iter(dataset.files))).metadata if dataset.files else None)
        return from_arrow(table, **options)
    return from_arrow(pq.read_table(path), **options)  # no name here: from_arrow frees the chunks it has copied


# ----------------------------------------------------------------------------------------------
# Writing: a timeline as a table (one row per item, in timeline order)


def timeline_meta(timeline: TimelineSource) -> dict[str, Any]:
    """What a table of items cannot hold: the timeline's name, document date, constraints,
    original times and merge records (``timeline.io.json``'s encoding, without the items)."""
    data = timeline_data(timeline)
    del data["items"]
    return data


def to_pandas(timeline: TimelineSource) -> pd.DataFrame:
    """One row per item in timeline order (``timeline.convert.item_row``); the rest of the
    timeline in ``DataFrame.attrs["timeline"]``."""
    items = list(timeline)
    frame = frame_of(columns_of(items), [item_row(i) for i in items])
    frame.attrs["timeline"] = timeline_meta(timeline)
    return frame


def write_csv(timeline: TimelineSource, path: str | os.PathLike[str]) -> None:
    """The ``to_pandas`` rows as CSV (``timeline.io.rows``: bounds as ISO instants, None an
    empty unquoted cell), written atomically; the items only."""
    items = list(timeline)
    write_csv_rows(path, columns_of(items), [item_row(i) for i in items])


def write_parquet(timeline: TimelineSource, path: str | os.PathLike[str]) -> None:
    """The ``to_pandas`` rows as Parquet, the rest of the timeline in its metadata, atomically."""
    items = list(timeline)
    table = arrow_table(columns_of(items), [item_row(i) for i in items])
    meta = {b"timeline": json.dumps(timeline_meta(timeline), ensure_ascii=False).encode("utf-8")}
    write_atomic(path, lambda part: pq.write_table(table.replace_schema_metadata(meta), part))
