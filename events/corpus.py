"""Many documents: read in parallel on any ``concurrent.futures.Executor``, merged or streamed.

Three ways in, from the most to the least held in memory:

- ``read_corpus(sources) -> Timeline``: every document read, their timelines merged into one
  (the same event reported by several documents becomes one item with all its evidence);
- ``iter_documents(sources) -> Iterator[DocumentResult]``: each document's result, in input
  order, with at most ``window`` documents in flight, so a corpus larger than memory streams;
- ``extract_to(sources, "events.jsonl" | "events.parquet") -> Summary``: the events written as
  the documents are read (JSON lines, one document a line; or Parquet, one event a row, in row
  groups), with a summary at the end: documents, events, and the failures with their reasons.

``sources`` is a directory (every file under it, sorted; hidden files left out), or an
iterable of sources, each one of:

- a ``pathlib.Path`` (any ``os.PathLike``): a UTF-8 text file, or a TimeML file (``.tml``,
  whose ``<TEXT>`` is read with its DCT as the document date);
- a ``str``: the text itself (named ``text-1``, ``text-2`` ... by its position);
- a ``(doc_id, text)`` pair; or a mapping ``{doc_id: text}`` in place of the iterable.

A string is always a text, never a file name: wrap file names in ``Path``.

Documents are read by ``executor``: without one, a process pool on the local cores
(``workers`` of them); with any ``concurrent.futures.Executor`` (a ``ThreadPoolExecutor``,
Dask's ``Client(...).get_executor()``), that one, which the caller keeps and shuts down.
Results come back in input order whatever the executor, so the merged timeline is the same.
A document that cannot be read (binary, not UTF-8, unreadable, malformed TimeML) is a failure
with its reason; it never stops the batch.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as _dt
import json
import multiprocessing
import os
import time
import warnings
from collections.abc import Iterable, Iterator, Mapping
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, TypeAlias

import attrs

from events import convert
from events.document import Document
from events.errors import DocumentDateError, EventsError
from timeline.span import Span

if TYPE_CHECKING:
    import pyarrow

    from timeline.engine import Timeline

__all__ = [
    "CorpusReadError",
    "CorpusWarning",
    "DocumentResult",
    "Summary",
    "extract_to",
    "iter_documents",
    "read_corpus",
]

Source: TypeAlias = "str | os.PathLike[str] | tuple[str, str]"
Sources: TypeAlias = "str | os.PathLike[str] | Iterable[Source] | Mapping[str, str]"
DocumentDate: TypeAlias = "Span | _dt.date | str | None"

TIMEML_SUFFIXES = (".tml", ".timeml")
BINARY_PROBE = 8192  # a NUL byte among the first bytes marks a binary file


class CorpusReadError(EventsError, ValueError):
    """A document of a corpus that could not be read (``read_corpus(errors="raise")``)."""


class CorpusWarning(UserWarning):
    """Documents of a corpus that could not be read (``read_corpus(errors="warn")``)."""


@attrs.frozen(slots=True)
class _Task:
    """One document to read, as sent to a worker: a file path or the text itself."""

    index: int
    doc_id: str
    name: str
    path: str | None = None
    text: str | None = None
    dct: Any = None


@attrs.frozen(slots=True)
class DocumentResult:
    """What reading one document gave: the ``Document``, or the reason it could not be read.

    ``index`` is the document's position in the input, ``name`` its file path (or, for a
    text, its id), ``doc_id`` the id its events carry.
    """

    index: int
    name: str
    doc_id: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was read."""
        return self.document is not None


@attrs.frozen(slots=True)
class Summary:
    """What ``extract_to`` did: documents read, events written, failures ``(name, reason)``."""

    documents: int
    events: int
    failures: tuple[tuple[str, str], ...] = ()
    output: str | None = None
    seconds: float = 0.0

    @property
    def total(self) -> int:
        """Documents tried: read and failed."""
        return self.documents + len(self.failures)

    def __str__(self) -> str:
        rate = f" ({self.total / self.seconds:.1f} documents/s)" if self.seconds > 0 else ""
        where = f" to {self.output}" if self.output else ""
        lines = [
            f"{self.documents} of {self.total} documents read, {self.events} events written{where} "
            f"in {self.seconds:.1f} s{rate}; {len(self.failures)} failed"
            + (":" if self.failures else ".")
        ]
        lines.extend(f"  {name}: {reason}" for name, reason in self.failures)
        return "\n".join(lines)


# ------------------------------------------------------------------------------ sources


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def directory_files(root: Path) -> list[Path]:
    """The files under ``root``, sorted by their path, hidden ones left out."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not _is_hidden(p, root))


def _expand(sources: Sources) -> Iterable[Source]:
    """The sources one by one: a directory's files, a mapping's pairs, or the iterable itself."""
    if isinstance(sources, str):
        if Path(sources).is_dir():
            return directory_files(Path(sources))
        raise TypeError(
            f"{sources[:60]!r} is one string, not a collection of documents: pass a list of texts, "
            "a Path to a directory or a list of Paths"
        )
    if isinstance(sources, os.PathLike):
        path = Path(sources)
        return directory_files(path) if path.is_dir() else [path]
    if isinstance(sources, Mapping):
        return list(sources.items())
    if isinstance(sources, bytes):
        raise TypeError("read the bytes as text first: a corpus takes texts (str), paths or (doc_id, text) pairs")
    return sources


def _tasks(sources: Iterable[Source], dct: DocumentDate) -> Iterator[_Task]:
    """Tasks in input order, each with a unique document id."""
    taken: set[str] = set()

    def unique(wanted: str) -> str:
        ident, n = wanted, 1
        while ident in taken:
            n += 1
            ident = f"{wanted}-{n}"
        taken.add(ident)
        return ident

    for index, source in enumerate(sources):
        if isinstance(source, os.PathLike):
            path = os.fspath(source)
            yield _Task(index, unique(Path(path).stem), path, path=path, dct=dct)
        elif isinstance(source, str):
            ident = unique(f"text-{index + 1}")
            yield _Task(index, ident, ident, text=source, dct=dct)
        elif isinstance(source, tuple) and len(source) == 2 and all(isinstance(s, str) for s in source):
            ident = unique(source[0])
            yield _Task(index, ident, source[0], text=source[1], dct=dct)
        else:
            raise TypeError(
                f"document {index} is a {type(source).__name__} ({source!r:.60}): expected a text (str), "
                "a Path or a (doc_id, text) pair"
            )


# ------------------------------------------------------------------------------ the worker


class _Unreadable(Exception):
    """A file that is not a readable document; the message is the reason."""


def _load(task: _Task) -> tuple[str, Any]:
    """(text, document date) of a task: the file read and decoded, TimeML's <TEXT> and DCT."""
    if task.path is None:
        return task.text or "", task.dct
    path = Path(task.path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise _Unreadable(f"cannot read: {error.strerror or error}") from error
    if b"\x00" in data[:BINARY_PROBE]:
        raise _Unreadable("a binary file, not text")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _Unreadable(f"not UTF-8 text (byte {error.start})") from error
    if path.suffix.lower() not in TIMEML_SUFFIXES:
        return text, task.dct
    from timeline.io.timeml import read_timeml

    try:
        timeml = read_timeml(text)
    except ValueError as error:
        raise _Unreadable(f"not TimeML: {error}") from error
    dct = task.dct
    if dct is None and timeml.dct:
        dct = timeml.dct[:10]
    return timeml.text, dct


def _read_task(task: _Task) -> DocumentResult:
    """Read one document; any failure becomes the result's ``error``, never an exception."""
    from events.text.pipeline import read

    try:
        text, dct = _load(task)
        document = read(text, dct=dct, doc_id=task.doc_id)
    except _Unreadable as error:
        return DocumentResult(task.index, task.name, task.doc_id, error=str(error))
    except Exception as error:  # one bad document must not stop the batch
        return DocumentResult(task.index, task.name, task.doc_id, error=f"{type(error).__name__}: {error}")
    return DocumentResult(task.index, task.name, task.doc_id, document=document)


def _warm_up() -> None:
    """Load the lexicons and gazetteers once per worker process, before its first document."""
    from events.text.pipeline import read

    read("Officials met in Paris last week.", dct="2000-01-01", doc_id="warm-up")


# ------------------------------------------------------------------------------ executors


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def _executor_scope(executor: Executor | None, workers: int | None) -> Iterator[tuple[Executor, int]]:
    """The executor to use and how many documents it reads at once; a default process pool
    is made here and shut down on leaving."""
    if executor is not None:
        if not isinstance(executor, Executor):
            raise TypeError(f"executor must be a concurrent.futures.Executor, not {type(executor).__name__}")
        slots = getattr(executor, "_max_workers", None)
        yield executor, slots if isinstance(slots, int) and slots > 0 else default_workers()
        return
    n = default_workers() if workers is None else workers
    if n < 1:
        raise ValueError(f"workers must be at least 1, got {n}")
    context = multiprocessing.get_context()
    if context.get_start_method() == "fork":
        _warm_up()  # once, here: the forked workers share what it loaded
        pool = ProcessPoolExecutor(max_workers=n, mp_context=context)
    else:
        pool = ProcessPoolExecutor(max_workers=n, mp_context=context, initializer=_warm_up)
    try:
        yield pool, n
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _outcome(task: _Task, future: Future[DocumentResult]) -> DocumentResult:
    try:
        return future.result()
    except Exception as error:  # a worker that died: the document failed, the batch goes on
        return DocumentResult(task.index, task.name, task.doc_id, error=f"the worker failed: {type(error).__name__}: {error}")


def _submit(pool: Executor, task: _Task) -> Future[DocumentResult]:
    try:
        return pool.submit(_read_task, task)
    except Exception as error:  # a broken pool: this document fails, the batch goes on
        future: Future[DocumentResult] = Future()
        future.set_exception(error)
        return future


def iter_documents(
    sources: Sources,
    *,
    executor: Executor | None = None,
    workers: int | None = None,
    dct: DocumentDate = None,
    window: int | None = None,
) -> Iterator[DocumentResult]:
    """Each document's ``DocumentResult``, in input order, read on ``executor``.

    At most ``window`` documents (default: four per worker) are submitted and not yet
    yielded, so memory stays bounded however long the corpus. ``dct`` is one document date
    for every document (default: each one's dateline, or a TimeML file's DCT).
    """
    tasks = _tasks(_expand(sources), _document_date(dct))
    with _executor_scope(executor, workers) as (pool, slots):
        size = window if window is not None else 4 * slots
        if size < 1:
            raise ValueError(f"window must be at least 1, got {size}")
        pending: collections.deque[tuple[_Task, Future[DocumentResult]]] = collections.deque()
        for task in tasks:
            pending.append((task, _submit(pool, task)))
            if len(pending) >= size:
                yield _outcome(*pending.popleft())
        while pending:
            yield _outcome(*pending.popleft())


def _document_date(dct: DocumentDate) -> Span | None:
    """``dct`` as a day span, checked once for the whole corpus (``DocumentDateError`` if bad)."""
    if dct is None:
        return None
    from events.text.timexes import dct_span

    try:
        span = dct_span(dct)
    except (TypeError, ValueError) as error:
        raise DocumentDateError(f"{dct!r} is not a document date: {error}") from error
    if span is None:
        raise DocumentDateError(f"{dct!r} is not a document date: expected a Span, a date or 'YYYY-MM-DD'")
    return span


def _count(sources: Sources) -> tuple[Sources, int | None]:
    """The sources (a directory listed once) and how many there are, when that is known."""
    expanded = _expand(sources)
    return expanded, (len(expanded) if isinstance(expanded, list | tuple) else None)


def _progress(total: int | None, enabled: bool, description: str) -> Any:
    from tqdm.auto import tqdm

    return tqdm(total=total, disable=not enabled, desc=description, unit="doc", dynamic_ncols=True)


# ------------------------------------------------------------------------------ read_corpus


def read_corpus(
    sources: Sources,
    *,
    executor: Executor | None = None,
    progress: bool = True,
    workers: int | None = None,
    dct: DocumentDate = None,
    errors: Literal["warn", "skip", "raise"] = "warn",
    threshold: float = 0.5,
    name: str = "",
    window: int | None = None,
) -> Timeline:
    """One ``Timeline`` of the events of many documents, read in parallel and merged.

    The same event reported by several documents becomes one item carrying every report's
    evidence (``Timeline.merge``, with ``threshold``; ``.merges`` says what was joined); each
    document's constraints ("signed during his trip") come along. The result does not depend
    on the executor; ``window`` is as for ``iter_documents``. Documents that cannot be read are left out and, by ``errors``, reported
    in one ``CorpusWarning`` (``"warn"``), ignored (``"skip"``) or raised as a
    ``CorpusReadError`` at the first one (``"raise"``).
    """
    from timeline.engine import Timeline

    if errors not in ("warn", "skip", "raise"):
        raise ValueError(f"errors must be 'warn', 'skip' or 'raise', not {errors!r}")
    expanded, total = _count(sources)
    timelines: list[Timeline] = []
    failures: list[tuple[str, str]] = []
    with _progress(total, progress, "reading") as bar:
        for result in iter_documents(expanded, executor=executor, workers=workers, dct=dct, window=window):
            bar.update(1)
            if result.document is None:
                if errors == "raise":
                    raise CorpusReadError(f"{result.name}: {result.error}")
                failures.append((result.name, result.error or "unknown"))
                bar.set_postfix(failed=len(failures), refresh=False)
                continue
            timelines.append(result.document.timeline)
    if failures and errors == "warn":
        listed = "; ".join(f"{n}: {r}" for n, r in failures[:10])
        more = f"; and {len(failures) - 10} more" if len(failures) > 10 else ""
        warnings.warn(f"{len(failures)} documents could not be read: {listed}{more}", CorpusWarning, stacklevel=2)
    if not timelines:
        return Timeline(name=name)
    return Timeline.merge(*timelines, threshold=threshold, name=name)


# ------------------------------------------------------------------------------ streaming


def document_record(name: str, doc: Document, *, include_all: bool = False) -> dict[str, Any]:
    """The JSON of one read document, as ``timeline extract`` writes it (``events.convert``)."""
    return convert.document_record(doc, name, include_all=include_all)


def parquet_schema() -> pyarrow.Schema:
    """The columns of the Parquet ``extract_to`` writes: one row per event
    (``events.convert.event_columns``; bounds ``timestamp``, null = open, ends exclusive)."""
    return convert.event_parquet_schema()


def _event_rows(result: DocumentResult, include_all: bool) -> list[dict[str, Any]]:
    assert result.document is not None
    return convert.event_rows(result.document, result.name, include_all=include_all)


class _JsonLines:
    def __init__(self, path: Path, include_all: bool) -> None:
        self.include_all = include_all
        self.file = path.open("w", encoding="utf-8")

    def write(self, result: DocumentResult) -> None:
        assert result.document is not None, "only read documents are written"
        record = document_record(result.name, result.document, include_all=self.include_all)
        self.file.write(json.dumps(record, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self.file.close()


class _Parquet:
    def __init__(self, path: Path, include_all: bool, row_group: int) -> None:
        import pyarrow.parquet as pq

        self.include_all = include_all
        self.row_group = row_group
        self.schema = parquet_schema()
        self.writer = pq.ParquetWriter(path, self.schema)
        self.rows: list[dict[str, Any]] = []

    def write(self, result: DocumentResult) -> None:
        self.rows.extend(_event_rows(result, self.include_all))
        if len(self.rows) >= self.row_group:
            self.flush()

    def flush(self) -> None:
        if self.rows:
            self.writer.write_table(convert.event_table(self.rows))
            self.rows = []

    def close(self) -> None:
        try:
            self.flush()
        finally:
            self.writer.close()


FORMATS = {".jsonl": "jsonl", ".parquet": "parquet"}


def extract_to(
    sources: Sources,
    output: str | os.PathLike[str],
    *,
    executor: Executor | None = None,
    progress: bool = True,
    workers: int | None = None,
    dct: DocumentDate = None,
    include_all: bool = False,
    row_group: int = 10_000,
    window: int | None = None,
) -> Summary:
    """Read ``sources`` and write their events to ``output`` as they are read; a ``Summary``.

    ``output`` ends in ``.jsonl`` (one document a line: ``{"doc", "file", "dct", "dct_start",
    "body", "events": [event JSON ...]}``, as ``timeline extract`` writes) or ``.parquet`` (one
    event a row, columns ``parquet_schema()``, ``row_group`` rows per row group). The file is
    written under a ``.part`` name and renamed when complete. Memory stays bounded (see
    ``iter_documents`` for ``window``). Failures are listed in the summary, with their reasons; they never
    stop the batch. ``include_all`` also writes negated and hypothetical events.
    """
    path = Path(output)
    kind = FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"{path}: unknown output format {path.suffix or '(none)'!r}: use .jsonl or .parquet")
    if row_group < 1:
        raise ValueError(f"row_group must be at least 1, got {row_group}")
    expanded, total = _count(sources)
    partial = path.with_name(path.name + ".part")
    started = time.perf_counter()
    documents = events = 0
    failures: list[tuple[str, str]] = []
    writer: _JsonLines | _Parquet = _JsonLines(partial, include_all) if kind == "jsonl" else _Parquet(partial, include_all, row_group)
    try:
        with _progress(total, progress, f"extracting to {path.name}") as bar:
            for result in iter_documents(expanded, executor=executor, workers=workers, dct=dct, window=window):
                bar.update(1)
                if result.document is None:
                    failures.append((result.name, result.error or "unknown"))
                else:
                    writer.write(result)
                    documents += 1
                    doc = result.document
                    events += len(doc.all_events if include_all else doc.events)
                bar.set_postfix(events=events, failed=len(failures), refresh=False)
    except BaseException:
        writer.close()
        partial.unlink(missing_ok=True)
        raise
    writer.close()
    partial.replace(path)
    return Summary(documents, events, tuple(failures), str(path), round(time.perf_counter() - started, 3))
