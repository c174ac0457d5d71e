"""The flat rows of ``timeline.convert.item_row`` as pandas, CSV and Parquet, and back.

One row per item, the columns of ``timeline.convert.row_columns``; bounds are ``datetime64[s]``
in pandas, ``timestamp`` in Parquet and ISO instants in CSV (ends exclusive, empty = open).
Every cell reads back as it was written, empty strings included:

- in CSV a missing value (None) is an empty *unquoted* cell and every value is quoted, so
  ``""`` stays an empty string; lists and objects are JSON text;
- in pandas and Parquet a missing value is null (None, NaT), lists are lists.

Columns a reader does not know (``file``, ``dct`` of ``timeline extract``) are kept as text.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from timeline.convert import Column, instant, instant_text, item_class, item_from_row, row_columns
from timeline.io.atomic import write_atomic
from timeline.item import Item

if TYPE_CHECKING:
    import pandas

__all__ = [
    "arrow_schema",
    "arrow_table",
    "columns_of",
    "csv_text",
    "frame_of",
    "frame_rows",
    "is_row_table",
    "items_of_rows",
    "read_csv_rows",
    "table_rows",
    "write_csv_rows",
]

_CELL = re.compile(r'"((?:[^"]|"")*)"|([^,\r\n"]*)')


def columns_of(items: Iterable[Any], extra: Sequence[Column] = ()) -> tuple[Column, ...]:
    """The columns of the rows of ``items``: ``row_columns`` of their classes, then ``extra``."""
    classes = list(dict.fromkeys(type(i) for i in items)) or [Item]
    columns = list(row_columns(classes))
    names = {c.name for c in columns}
    columns.extend(c for c in extra if c.name not in names)
    return tuple(columns)


def is_row_table(names: Iterable[str]) -> bool:
    """Whether columns named ``names`` are rows this module wrote (they name each item's class)."""
    names = set(names)
    return {"class", "id", "earliest_start", "latest_end", "granularity"} <= names


def items_of_rows(rows: Iterable[Mapping[str, Any]]) -> list[Any]:
    """The items of rows as ``timeline.convert.item_row`` wrote them (bounds as seconds)."""
    return [item_from_row(row) for row in rows]


def _kinds(names: Sequence[str], classes: Iterable[str]) -> dict[str, Column]:
    known: dict[str, Column] = {}
    for name in dict.fromkeys(classes):
        for column in row_columns([item_class(name)]):
            known.setdefault(column.name, column)
    return {n: known.get(n, Column(n, "text")) for n in names}


# --- pandas ---------------------------------------------------------------------------------


def frame_of(columns: Sequence[Column], rows: Sequence[Mapping[str, Any]]) -> pandas.DataFrame:
    """A DataFrame of ``rows``: bounds as ``datetime64[s]`` (NaT = open), lists as lists."""
    import pandas as pd

    data: dict[str, Any] = {}
    for column in columns:
        values = [row.get(column.name) for row in rows]
        if column.kind == "bound":
            missing = np.array([v is None for v in values], dtype=bool)
            exact = np.array([0 if v is None else v for v in values], dtype=np.int64)
            data[column.name] = pd.Series(
                np.where(missing, np.iinfo(np.int64).min, exact).view("datetime64[s]")
            )
        elif column.kind == "bool":
            data[column.name] = pd.Series(values, dtype="boolean")
        elif column.kind == "int":
            data[column.name] = pd.Series(values, dtype="Int64")
        elif column.kind == "float" and None not in values:
            data[column.name] = pd.Series(values, dtype="float64")
        else:
            data[column.name] = pd.Series(values, dtype=object)
    return pd.DataFrame(data, columns=[c.name for c in columns])


def _plain(value: Any, kind: str) -> Any:
    """A pandas or Arrow cell as the Python value ``item_row`` made."""
    if value is None:
        return None
    if kind == "bound":
        if isinstance(value, np.datetime64):
            return None if np.isnat(value) else int(value.astype("datetime64[s]").astype(np.int64))
        asm8 = getattr(value, "asm8", None)  # a pandas Timestamp
        if asm8 is not None:
            return int(np.datetime64(asm8, "s").astype(np.int64))
        if value != value:  # NaT
            return None
        return int(value)
    if kind == "list":
        return [_plain(v, "text") for v in value]
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and value != value and kind != "float":
        return None
    return value


def frame_rows(frame: pandas.DataFrame) -> list[dict[str, Any]]:
    """The rows of a DataFrame ``frame_of`` made (or one read from a Parquet ``arrow_table`` made)."""
    names = [str(n) for n in frame.columns]
    kinds = _kinds(names, (str(c) for c in frame["class"] if isinstance(c, str)))
    out = []
    for values in zip(
        *(frame[n].tolist() if kinds[n].kind != "bound" else frame[n].to_numpy() for n in names),
        strict=True,
    ):
        out.append(
            {
                n: _plain(v if not _is_na(v) else None, kinds[n].kind)
                for n, v in zip(names, values, strict=True)
            }
        )
    return out


def _is_na(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, list | tuple | np.ndarray | str):
        return False
    try:
        return bool(value != value)
    except (TypeError, ValueError):
        return False


# --- Parquet --------------------------------------------------------------------------------


def arrow_schema(columns: Sequence[Column]) -> pa.Schema:
    """The Arrow schema of the rows: bounds ``timestamp[ms]`` (Parquet's coarsest unit), lists of
    strings or numbers."""
    scalar = {
        "text": pa.string(),
        "json": pa.string(),
        "int": pa.int64(),
        "float": pa.float64(),
        "bool": pa.bool_(),
        "bound": pa.timestamp("ms"),
    }
    return pa.schema(
        [(c.name, pa.list_(scalar[c.of]) if c.kind == "list" else scalar[c.kind]) for c in columns]
    )


def arrow_table(columns: Sequence[Column], rows: Sequence[Mapping[str, Any]]) -> pa.Table:
    """An Arrow table of the rows, with ``arrow_schema(columns)`` (bounds from seconds to ms)."""
    bounds = {c.name for c in columns if c.kind == "bound"}
    cells = [{c.name: _arrow_cell(row.get(c.name), c.name in bounds) for c in columns} for row in rows]
    return pa.Table.from_pylist(cells, schema=arrow_schema(columns))


def _arrow_cell(value: Any, bound: bool) -> Any:
    return value * 1000 if bound and value is not None else value


def table_rows(table: pa.Table) -> list[dict[str, Any]]:
    """The rows of an Arrow table (as read from Parquet): bounds back to seconds."""
    for k, field in enumerate(table.schema):
        if pa.types.is_timestamp(field.type):
            seconds = pc.cast(pc.cast(table.column(k), pa.timestamp("s")), pa.int64())
            table = table.set_column(k, field.name, seconds)
    return [dict(row) for row in table.to_pylist()]


# --- CSV ------------------------------------------------------------------------------------


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def _cell_text(value: Any, column: Column) -> str:
    if value is None:
        return ""
    if column.kind == "bound":
        return _quoted(instant_text(value))
    if column.kind == "bool":
        return _quoted("true" if value else "false")
    if column.kind == "list":
        return _quoted(json.dumps(value, ensure_ascii=False))
    if isinstance(value, float):
        return _quoted(repr(value))
    return _quoted(str(value))


def csv_text(
    columns: Sequence[Column], rows: Iterable[Mapping[str, Any]], *, header: bool = True
) -> str:
    """CSV of the rows (RFC 4180, CRLF line ends): every value quoted, None an empty unquoted cell."""
    lines = [",".join(_quoted(c.name) for c in columns)] if header else []
    lines.extend(",".join(_cell_text(row.get(c.name), c) for c in columns) for row in rows)
    return "".join(line + "\r\n" for line in lines)


def write_csv_rows(
    path: str | os.PathLike[str], columns: Sequence[Column], rows: Iterable[Mapping[str, Any]]
) -> None:
    """Write the rows as CSV to ``path`` (UTF-8), atomically."""
    write_atomic(path, csv_text(columns, rows))


def _records(text: str) -> list[list[str | None]]:
    """The records of CSV text; an empty unquoted cell is None, a quoted one a string."""
    records: list[list[str | None]] = []
    record: list[str | None] = []
    position, size = 0, len(text)
    while position < size:
        match = _CELL.match(text, position)
        assert match is not None  # the pattern matches the empty string
        quoted, bare = match.groups()
        record.append(quoted.replace('""', '"') if quoted is not None else (bare or None))
        position = match.end()
        if position >= size:
            break
        char = text[position]
        if char == ",":
            position += 1
            if position == size:
                record.append(None)
            continue
        if char in "\r\n":
            position += 2 if text.startswith("\r\n", position) else 1
            records.append(record)
            record = []
            continue
        raise ValueError(f"CSV: a stray quote at character {position}")
    if record:
        records.append(record)
    return records


def _from_cell(text: str | None, column: Column) -> Any:
    if text is None:
        return None
    kind = column.kind
    if kind == "bound":
        return instant(text, column.name)
    if kind == "bool":
        return text == "true"
    if kind == "int":
        return int(text)
    if kind == "float":
        return float(text)
    if kind == "list":
        return json.loads(text)
    return text


def read_csv_rows(path: str | os.PathLike[str]) -> list[dict[str, Any]] | None:
    """The rows of a CSV file ``write_csv_rows`` wrote; None for a CSV of other columns."""
    text = Path(path).read_bytes().decode("utf-8")  # as written: a bare CR in a cell stays
    records = _records(text)
    if not records:
        return None
    names = [str(n) for n in records[0]]
    if not is_row_table(names):
        return None
    position = names.index("class")
    kinds = _kinds(names, (str(r[position]) for r in records[1:] if len(r) > position and r[position]))
    out = []
    for number, record in enumerate(records[1:], 2):
        if len(record) != len(names):
            raise ValueError(
                f"CSV record {number} has {len(record)} cells, the header {len(names)}"
            )
        try:
            out.append({n: _from_cell(v, kinds[n]) for n, v in zip(names, record, strict=True)})
        except ValueError as error:
            raise ValueError(f"CSV record {number}: {error}") from error
    return out
