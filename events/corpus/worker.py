"""What runs for each document, wherever it runs: load the source, read it with the reader,
and turn every failure into the result's reason, never an exception.

A reader is any object with ``read(text, dct=..., doc_id=...) -> Document``; it travels to the
worker with the task (or once per worker process, for the corpus's own pool). The default,
``DEFAULT_READER``, calls ``events.read``.
"""

from __future__ import annotations

import gc
from typing import Any, Protocol

from events.corpus.results import DocumentResult
from events.corpus.sources import Task, load
from events.document import Document
from events.text.pipeline import read
from timeline.io.text_files import UnreadableFile

__all__ = [
    "DEFAULT_READER",
    "WORKER_GC_THRESHOLD",
    "DefaultReader",
    "TextReader",
    "install_reader",
    "read_task",
    "read_with_installed",
    "warm_up",
]


class TextReader(Protocol):
    """What reads one text: ``events.Reader``, or anything with the same ``read``."""

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> Document: ...


class DefaultReader:
    """The reader of ``events.read``: picklable, it holds nothing."""

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> Document:
        return read(text, dct=dct, doc_id=doc_id)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, DefaultReader)

    def __hash__(self) -> int:
        return hash(DefaultReader)


DEFAULT_READER = DefaultReader()


def _describe(error: BaseException) -> str:
    if isinstance(error, SystemExit):
        return f"the reader called exit ({error.code!r})"
    if isinstance(error, KeyboardInterrupt):
        return "KeyboardInterrupt raised inside the reader"
    return f"{type(error).__name__}: {error}"


def read_task(task: Task, reader: TextReader | None = None) -> DocumentResult:
    """Read one document; any failure becomes the result's ``error``, never an exception.

    ``SystemExit`` and ``KeyboardInterrupt`` raised by the reader are failures of this
    document too: a worker reports them instead of vanishing.
    """
    try:
        text, dct = load(task)
        document = (reader or DEFAULT_READER).read(text, dct=dct, doc_id=task.doc_id)
    except UnreadableFile as error:
        return DocumentResult(task.index, task.name, task.doc_id, error=str(error))
    except (Exception, SystemExit, KeyboardInterrupt) as error:  # one bad document must not stop the batch
        return DocumentResult(task.index, task.name, task.doc_id, error=_describe(error))
    return DocumentResult(task.index, task.name, task.doc_id, document=document)


def warm_up(reader: TextReader | None = None) -> None:
    """Load what the reader needs (lexicons, gazetteers, a model) before the first document."""
    (reader or DEFAULT_READER).read("Officials met in Paris last week.", dct="2000-01-01", doc_id="warm-up")


# The reader of this worker process, given once when the corpus's own pool starts it, so a
# reader holding a model is not sent again with every document.
_installed: list[TextReader] = []


# A worker's young objects are collected every this many allocations (Python's default is
# 700): a document makes hundreds of thousands of short-lived objects, and each collection
# of a young generation also walks the older objects it keeps alive.
WORKER_GC_THRESHOLD = (10_000, 10, 10)


def install_reader(reader: TextReader | None) -> None:
    """Make ``reader`` the one ``read_with_installed`` uses in this process, and load it.

    For a worker process of the corpus's pool: what is loaded by then (the model, the tables,
    what the process was forked with) is frozen out of the garbage collector's reach
    (``gc.freeze``), so collections never walk it again, nor write to the pages a forked worker
    shares with its parent; and collections come less often (``WORKER_GC_THRESHOLD``). On 64
    TBAQ texts read in one process (loaded machine) that cut reading time about 15%, the
    collector's part from 3.1 s to 0.6 s.
    """
    gc.freeze()  # what the worker was forked with, not walked (a walk would copy its pages)
    _installed[:] = [reader or DEFAULT_READER]
    warm_up(_installed[0])
    gc.freeze()  # and what loading the reader added (all of the model, in a spawned worker)
    gc.set_threshold(*WORKER_GC_THRESHOLD)


def read_with_installed(task: Task) -> DocumentResult:
    """``read_task`` with the reader this worker process was started with."""
    return read_task(task, _installed[0] if _installed else None)
