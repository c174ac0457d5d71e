"""Reading back every file the package and ``timeline extract`` write: ``read_items(path)``
(``Timeline.read(path)`` builds the timeline).

The format is found from the file itself:

- Parquet (it starts with ``PAR1``) and CSV (``.csv``) hold one row per item, as
  ``timeline.io.rows`` writes them (``Timeline.to_parquet``/``to_csv``, ``timeline extract -o
  x.parquet``/``x.csv``); a CSV of other columns is read as a researcher's table
  (``timeline.io.tables.read_csv``);
- anything else is JSON or JSON Lines: a timeline (``Timeline.to_json``), or the documents and
  events ``timeline extract`` writes (a list of documents, one document a line, a list of
  events, ``{"events": [...]}``).

JSON is read within the limits of ``timeline.io.json.parse`` (depth, number length), and every
problem is a ``LoadError`` (a ``ValueError``) whose message names the file and the problem.
An item record names its class (``"class": "events.model.Event"``); records written before
that (``"type"`` for ``"kind"``, ends as the last second) are read through ``upgrade``, which
``events.load`` passes.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import attrs
import cattrs
import pyarrow.parquet as pq

from timeline.convert import data_error, structure_item
from timeline.errors import LoadError
from timeline.io.json import FORMAT, parse, timeline_from_data
from timeline.io.parts import TimelineParts
from timeline.io.rows import is_row_table, items_of_rows, read_csv_rows, table_rows
from timeline.io.tables import read_csv, timeline_from_records
from timeline.span import Span

__all__ = ["LoadError", "Loaded", "Upgrade", "read_items"]

Upgrade = Callable[[Mapping[str, Any]], Mapping[str, Any]]
"""Turns a record without ``"class"`` into one ``timeline.convert.structure_item`` reads."""


@attrs.frozen(slots=True)
class Loaded:
    """What a file holds: its items in file order, the document date they share (or None), and
    the parts of the timeline itself when the file is a whole timeline (JSON or Parquet with its
    metadata). ``Timeline.read`` builds the timeline."""

    items: list[Any]
    dct: Span | None = None
    timeline: TimelineParts | None = None

    def as_parts(self, name: str = "") -> TimelineParts:
        """The parts of the file's timeline (its own, or one of its items with their document date)."""
        return self.timeline if self.timeline is not None else TimelineParts(self.items, name=name, dct=self.dct)


def _json_values(name: str, text: str) -> list[Any]:
    """The JSON values of ``text``: one document, or one per line (JSON Lines)."""
    if not text.strip():
        raise LoadError(f"{name}: empty file, expected JSON, JSON Lines, CSV or Parquet")
    try:
        return [parse(text)]
    except json.JSONDecodeError as whole:
        values = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    values.append(parse(line))
                except json.JSONDecodeError:
                    raise LoadError(
                        f"{name}: not JSON (line {whole.lineno}: {whole.msg}) nor JSON Lines (line {number})"
                    ) from None
                except ValueError as error:
                    raise LoadError(f"{name}: line {number}: {error}") from None
        return values
    except (ValueError, RecursionError) as error:
        raise LoadError(f"{name}: {error}") from None


def _items_of_values(name: str, values: list[Any], upgrade: Upgrade | None) -> Loaded:
    items: list[Any] = []
    dcts: set[str] = set()

    def take(value: Any, depth: int = 0) -> None:
        if isinstance(value, list) and depth < 3:
            for v in value:
                take(v, depth + 1)
        elif isinstance(value, Mapping) and isinstance(value.get("events"), list):
            if isinstance(value.get("dct"), str):
                dcts.add(value["dct"])
            for v in value["events"]:
                take(v, 3)
        elif isinstance(value, Mapping) and (
            "class" in value or (upgrade is not None and "id" in value)
        ):
            record = value if "class" in value else upgrade(value)  # type: ignore[misc]
            items.append(structure_item(record))
        else:
            raise LoadError(
                f'{name}: {str(value)[:60]!r} is neither an event (or other item, with "id" and "class") nor a document with "events"'
            )

    take(values)
    dct = None
    if len(dcts) == 1:
        try:
            dct = Span.from_timex3(dcts.pop())
        except ValueError:
            dct = None
    return Loaded(items, dct)


def _parquet(path: Path) -> Loaded:
    table = pq.read_table(path)
    if not is_row_table(table.column_names):
        raise LoadError(
            f"{path}: a Parquet file without the columns timeline writes (class, id, the bounds, granularity)"
        )
    raw = (table.schema.metadata or {}).get(b"timeline")
    items = items_of_rows(table_rows(table))
    timeline = timeline_from_records([], meta=json.loads(raw), items=items) if raw else None
    dcts = (
        {str(d) for d in table.column("dct").to_pylist() if d}
        if "dct" in table.column_names
        else set()
    )
    dct = Span.from_timex3(dcts.pop()) if len(dcts) == 1 else None
    return Loaded(items, dct if timeline is None else timeline.dct, timeline)


def _csv(path: Path) -> Loaded:
    rows = read_csv_rows(path)
    if rows is None:
        timeline = read_csv(path)
        return Loaded(timeline.rows(), None, timeline)
    dcts = {str(r["dct"]) for r in rows if r.get("dct")}
    return Loaded(items_of_rows(rows), Span.from_timex3(dcts.pop()) if len(dcts) == 1 else None)


def read_items(path: str | os.PathLike[str], *, upgrade: Upgrade | None = None) -> Loaded:
    """What the file ``path`` holds (see the module docstring); ``LoadError`` naming the file."""
    path = Path(path)
    try:
        if path.is_fifo() or (path.exists() and not path.is_file()):
            raise LoadError(f"{path}: not a regular file")
        with path.open("rb") as handle:
            head = handle.read(4)
        if head == b"PAR1":
            return _parquet(path)
        if path.suffix.lower() == ".csv":
            return _csv(path)
        data = path.read_bytes()
        if b"\x00" in data[:8192]:
            raise LoadError(f"{path}: binary data, not JSON, CSV or Parquet")
        text = data.decode("utf-8")
        values = _json_values(str(path), text)
        if (
            len(values) == 1
            and isinstance(values[0], Mapping)
            and values[0].get("format") == FORMAT
        ):
            timeline = timeline_from_data(values[0])
            return Loaded(timeline.rows(), timeline.dct, timeline)
        return _items_of_values(str(path), values, upgrade)
    except LoadError:
        raise
    except OSError as error:
        raise LoadError(f"{path}: cannot read: {error.strerror or error}") from error
    except UnicodeDecodeError as error:
        raise LoadError(f"{path}: not UTF-8 text (byte {error.start})") from error
    except (
        ValueError,
        TypeError,
        KeyError,
        OverflowError,
        RecursionError,
        cattrs.BaseValidationError,
    ) as error:
        raise LoadError(f"{path}: {data_error(error)}") from error
