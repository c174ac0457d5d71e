"""``extract_to``: the events of many documents written to a file (or a partitioned Parquet
folder) as they are read, and a ``Summary`` of what happened."""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Sequence
from concurrent.futures import Executor

from events.corpus.progress import progress_bar
from events.corpus.reading import document_date, iter_documents
from events.corpus.results import Summary
from events.corpus.sources import DEFAULT_GLOB, DocumentDate, Expanded, Sources, expand
from events.corpus.worker import TextReader
from events.corpus.writers import output_format, writing

__all__ = ["extract_to"]


class _NothingRead(Exception):
    """Every document failed: the previous output is kept rather than replaced by an empty one."""


def extract_to(
    sources: Sources | Expanded,
    output: str | os.PathLike[str] | None,
    *,
    executor: Executor | None = None,
    progress: bool = True,
    workers: int | None = None,
    dct: DocumentDate = None,
    include_all: bool = False,
    row_group: int = 10_000,
    window: int | None = None,
    reader: TextReader | None = None,
    glob: Sequence[str] = DEFAULT_GLOB,
    partitioned: bool = False,
) -> Summary:
    """Read ``sources`` and write their events to ``output`` as they are read; a ``Summary``.

    ``output`` ends in ``.jsonl`` (one document a line: ``{"doc", "file", "dct", "dct_start",
    "body", "events": [event JSON ...]}``, as ``timeline extract`` writes), ``.json`` (a list
    of the same records), ``.csv`` (one event a row) or ``.parquet`` (one event a row,
    columns ``events.convert.event_parquet_schema()``, ``row_group`` rows per row group); ``None`` writes JSON on
    standard output. With ``partitioned``, ``output`` is a folder of Parquet part files of
    ``row_group`` rows each, as Dask or Spark write a dataset (say on a Dask cluster, with
    ``executor=client.get_executor()``); read it back with ``Timeline.from_parquet(folder)``
    or ``pyarrow.dataset``.

    The output is written under a hidden ``.part`` name beside it and renamed when complete,
    so a failed or interrupted run leaves the previous output as it was; a missing output
    folder is an ``OutputError`` before anything is read. When every document failed, the
    output is not replaced (``Summary.written`` is false). Memory stays bounded (see
    ``iter_documents`` for ``window``, ``workers``, ``reader`` and ``glob``). Failures and
    skipped folder entries are listed in the summary, with their reasons; they never stop the
    batch. ``include_all`` also writes negated and hypothetical events.
    """
    to_file = output is not None and os.fspath(output) != "-"
    if output is not None and to_file:
        output_format(output, partitioned=partitioned)  # refused before anything is read
    document_date(dct)
    expanded = expand(sources, glob)
    name = os.path.basename(os.fspath(output)) if output is not None and to_file else "standard output"
    started = time.perf_counter()
    documents = events = 0
    failures: list[tuple[str, str]] = []
    warnings: list[tuple[str, str]] = []
    try:
        with (
            writing(output, include_all=include_all, row_group=row_group, partitioned=partitioned) as writer,
            progress_bar(expanded.total, progress, f"extracting to {name}") as bar,
            contextlib.closing(iter_documents(expanded, executor=executor, workers=workers, dct=dct, window=window, reader=reader)) as results,
        ):
            for result in results:  # closed on any exception: the workers stop at once
                bar.update(1)
                if result.document is None:
                    failures.append((result.name, result.error or "unknown"))
                else:
                    writer.write(result.name, result.document)
                    documents += 1
                    doc = result.document
                    warnings.extend((result.name, warning) for warning in doc.warnings)
                    events += len(doc.all_events if include_all else doc.events)
                bar.set_postfix(events=events, failed=len(failures), refresh=False)
            if to_file and failures and not documents:
                raise _NothingRead
        written = True
    except _NothingRead:
        written = False
    seconds = round(time.perf_counter() - started, 3)
    where = None if output is None else os.fspath(output)
    return Summary(documents, events, tuple(failures), where, seconds, expanded.skipped, written=written, warnings=tuple(warnings))
