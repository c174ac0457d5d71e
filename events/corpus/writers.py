"""Writers of read documents: JSON (a list), JSON lines, CSV, Parquet and a partitioned Parquet
dataset (a folder of part files, as Dask and Spark write them).

Output is never destroyed. Every writer writes through ``timeline.io.atomic.atomic_path``: to
a hidden ``.NAME.PID.XXXXXXXX.part`` beside the target, and only a complete file (or folder) is
renamed over it: a crash, an interruption or an unreadable input leaves the previous output as
it was. A ``.part`` left by a process that was killed is removed by the next run that writes
the same target. A target whose folder does not exist is an ``OutputError`` naming the folder
(folders are never created).
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, Protocol

import pyarrow.parquet as pq

from events.convert import (
    document_record,
    event_columns,
    event_parquet_schema,
    event_rows,
    event_table,
)
from events.document import Document
from events.errors import OutputError
from timeline.io.atomic import atomic_path
from timeline.io.rows import csv_text

__all__ = [
    "FORMATS",
    "PARTITIONED",
    "TEXT_WRITERS",
    "CsvWriter",
    "DocumentWriter",
    "JsonLinesWriter",
    "JsonWriter",
    "ParquetDatasetWriter",
    "ParquetWriter",
    "check_target",
    "output_format",
    "writing",
]

FORMATS = {".json": "json", ".jsonl": "jsonl", ".csv": "csv", ".parquet": "parquet"}
PARTITIONED = "dataset"


class DocumentWriter(Protocol):
    """Writes read documents one by one; ``close`` completes the output."""

    def write(self, name: str, document: Document) -> None: ...

    def close(self) -> None: ...


def output_format(target: str | os.PathLike[str], *, partitioned: bool = False) -> str:
    """The format of ``target`` by its suffix (``json``, ``jsonl``, ``csv``, ``parquet``), or
    ``dataset`` for a partitioned Parquet folder; ``OutputError`` for any other."""
    if partitioned:
        return PARTITIONED
    suffix = Path(target).suffix.lower()
    if suffix not in FORMATS:
        raise OutputError(f"{os.fspath(target)}: unknown output format {suffix or '(none)'!r}: use .json, .jsonl, .csv or .parquet")
    return FORMATS[suffix]


# ------------------------------------------------------------------------------ checking


def check_target(target: str | os.PathLike[str], *, folder: bool = False) -> Path:
    """``target`` as a path, once it is sure that it can be written: ``OutputError`` when its
    folder does not exist, or a folder is in the way of a file (or a file in the way of a
    partitioned dataset)."""
    path = Path(target)
    parent = path.parent
    if not parent.is_dir():
        raise OutputError(f"{parent}: the output folder does not exist (it is not created)")
    if path.is_dir() and not folder:
        raise OutputError(f"{path}: is a folder, not a file")
    if path.exists() and not path.is_dir() and folder:
        raise OutputError(f"{path}: is a file; a partitioned dataset is a folder")
    return path


# ------------------------------------------------------------------------------ writers


class JsonWriter:
    """A JSON list of document records, written as the documents come."""

    def __init__(self, handle: IO[str], include_all: bool) -> None:
        self.handle, self.include_all, self.count = handle, include_all, 0
        handle.write("[")

    def write(self, name: str, document: Document) -> None:
        text = json.dumps(document_record(document, name, include_all=self.include_all), ensure_ascii=False, indent=1)
        self.handle.write(("," if self.count else "") + "\n " + text.replace("\n", "\n "))
        self.count += 1

    def close(self) -> None:
        self.handle.write("\n]\n" if self.count else "]\n")


class JsonLinesWriter:
    """One document record a line."""

    def __init__(self, handle: IO[str], include_all: bool) -> None:
        self.handle, self.include_all = handle, include_all

    def write(self, name: str, document: Document) -> None:
        record = document_record(document, name, include_all=self.include_all)
        self.handle.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        pass


class CsvWriter:
    """One event a row, the columns of ``events.convert.event_columns`` (``timeline.io.rows``'
    CSV: every value quoted, None an empty unquoted cell)."""

    def __init__(self, handle: IO[str], include_all: bool) -> None:
        self.handle, self.include_all = handle, include_all
        self.columns = event_columns()
        handle.write(csv_text(self.columns, ()))

    def write(self, name: str, document: Document) -> None:
        rows = event_rows(document, name, include_all=self.include_all)
        self.handle.write(csv_text(self.columns, rows, header=False))

    def close(self) -> None:
        pass


class ParquetWriter:
    """One event a row (``events.convert.event_parquet_schema()``), ``row_group`` rows a row group."""

    def __init__(self, path: Path, include_all: bool, row_group: int) -> None:
        self.include_all, self.row_group = include_all, row_group
        self.schema = event_parquet_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, name: str, document: Document) -> None:
        self.rows.extend(event_rows(document, name, include_all=self.include_all))
        if len(self.rows) >= self.row_group:
            self.flush()

    def flush(self) -> None:

        if self.rows:
            self.writer.write_table(event_table(self.rows))
            self.rows = []

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.writer.close()


class ParquetDatasetWriter:
    """A folder of Parquet part files (``part-00000.parquet`` ...), ``rows`` events a file,
    each document's events in one file; readable with ``pyarrow.dataset`` or
    ``Timeline.from_parquet(folder)``."""

    def __init__(self, folder: Path, include_all: bool, rows: int) -> None:
        folder.mkdir(exist_ok=True)
        self.folder, self.include_all, self.limit = folder, include_all, rows
        self.schema = event_parquet_schema()
        self.rows: list[dict[str, Any]] = []
        self.files = 0

    def write(self, name: str, document: Document) -> None:
        self.rows.extend(event_rows(document, name, include_all=self.include_all))
        if len(self.rows) >= self.limit:
            self.flush()

    def flush(self) -> None:
        if self.rows or not self.files:  # an empty dataset still has its schema
            pq.write_table(event_table(self.rows), self.folder / f"part-{self.files:05d}.parquet")
            self.files += 1
            self.rows = []

    def close(self) -> None:
        self.flush()


TEXT_WRITERS: dict[str, type[JsonWriter | JsonLinesWriter | CsvWriter]] = {"json": JsonWriter, "jsonl": JsonLinesWriter, "csv": CsvWriter}


@contextlib.contextmanager
def writing(
    target: str | os.PathLike[str] | None, *, include_all: bool = False, row_group: int = 10_000, partitioned: bool = False
) -> Iterator[DocumentWriter]:
    """A writer of ``target`` (its format by suffix; ``None`` or ``-``: JSON on standard
    output), which replaces ``target`` only once it is complete."""
    if row_group < 1:
        raise ValueError(f"row_group must be at least 1, got {row_group}")
    if target is None or os.fspath(target) == "-":
        stdout = JsonWriter(sys.stdout, include_all)
        yield stdout
        stdout.close()
        return
    kind = output_format(target, partitioned=partitioned)
    folder = kind == PARTITIONED
    with atomic_path(check_target(target, folder=folder), folder=folder) as partial:
        writer: DocumentWriter
        if kind == PARTITIONED:
            writer = ParquetDatasetWriter(partial, include_all, row_group)
        elif kind == "parquet":
            writer = ParquetWriter(partial, include_all, row_group)
        else:
            with partial.open("w", encoding="utf-8", newline="" if kind == "csv" else None) as handle:
                text_writer: DocumentWriter = TEXT_WRITERS[kind](handle, include_all)
                yield text_writer
                text_writer.close()
            return
        try:
            yield writer
        finally:
            writer.close()
