"""Reading many documents: ``iter_documents`` streams each one's result in input order, and
``read_corpus`` merges them into one ``Timeline``."""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Generator, Sequence
from concurrent.futures import Executor
from typing import Literal

from events.corpus.executors import completed_results, ordered_results, reading_executor
from events.corpus.progress import progress_bar
from events.corpus.results import DocumentResult
from events.corpus.sources import DEFAULT_GLOB, DocumentDate, Expanded, Sources, expand, tasks
from events.corpus.worker import TextReader
from events.errors import CorpusReadError, CorpusWarning, DocumentDateError
from events.text.timexes import dct_span
from timeline.engine import Timeline
from timeline.span import Span

__all__ = ["document_date", "iter_documents", "read_corpus"]


def document_date(dct: DocumentDate) -> Span | None:
    """``dct`` as a day span, checked once for the whole corpus (``DocumentDateError`` if bad)."""
    if dct is None:
        return None
    try:
        span = dct_span(dct)
    except (TypeError, ValueError) as error:
        raise DocumentDateError(f"{dct!r} is not a document date: {error}") from error
    if span is None:
        raise DocumentDateError(f"{dct!r} is not a document date: expected a Span, a date or 'YYYY-MM-DD'")
    return span


def iter_documents(
    sources: Sources | Expanded,
    *,
    executor: Executor | None = None,
    workers: int | None = None,
    dct: DocumentDate = None,
    window: int | None = None,
    reader: TextReader | None = None,
    glob: Sequence[str] = DEFAULT_GLOB,
    ordered: bool = True,
) -> Generator[DocumentResult, None, None]:
    """Each document's ``DocumentResult``, in input order, read on ``executor``; with
    ``ordered=False``, each as soon as it is read (``result.index`` says its place), so the
    workers never wait behind a long document.

    Without an executor, ``workers`` processes read (default: every core; ``0``: this
    process); a worker that dies is replaced, and its document retried once before it fails
    with "worker died: signal N". At most ``window`` documents (default: four per worker) are
    submitted and not yet yielded, so memory stays bounded however long the corpus. ``dct``
    is one document date for every document (default: each one's dateline, or a TimeML
    file's DCT). ``reader`` reads each text (default: ``events.read``); it is sent to the
    workers. A folder is read for the files matching ``glob`` (default ``*.txt``).
    """
    expanded = expand(sources, glob)
    todo = tasks(expanded.sources, document_date(dct))
    with reading_executor(executor, workers, reader) as (submit, slots):
        results = ordered_results if ordered else completed_results
        yield from results(todo, submit, window if window is not None else 4 * slots)


def read_corpus(
    sources: Sources | Expanded,
    *,
    executor: Executor | None = None,
    progress: bool = True,
    workers: int | None = None,
    dct: DocumentDate = None,
    errors: Literal["warn", "skip", "raise"] = "warn",
    threshold: float = 0.5,
    name: str = "",
    window: int | None = None,
    reader: TextReader | None = None,
    glob: Sequence[str] = DEFAULT_GLOB,
) -> Timeline:
    """One ``Timeline`` of the events of many documents, read in parallel and merged.

    The same event reported by several documents becomes one item carrying every report's
    evidence (``Timeline.merge``, with ``threshold``; ``.merges`` says what was joined); each
    document's constraints ("signed during his trip") come along. The result does not depend
    on the executor; ``window``, ``workers``, ``reader`` and ``glob`` are as for
    ``iter_documents``. Documents that cannot be read are left out and, by ``errors``,
    reported in one ``CorpusWarning`` (``"warn"``, which also lists the folder entries
    skipped), ignored (``"skip"``) or raised as a ``CorpusReadError`` at the first one read
    (``"raise"``). Documents are taken as they are read, whatever their order, and merged in
    input order.
    """
    if errors not in ("warn", "skip", "raise"):
        raise ValueError(f"errors must be 'warn', 'skip' or 'raise', not {errors!r}")
    expanded = expand(sources, glob)
    timelines: list[tuple[int, Timeline]] = []
    failures: list[tuple[int, str, str]] = []
    # as each is read, not in input order: the merge below is given them in input order
    results = iter_documents(expanded, executor=executor, workers=workers, dct=dct, window=window, reader=reader, ordered=False)
    with progress_bar(expanded.total, progress, "reading") as bar, contextlib.closing(results):
        for result in results:
            bar.update(1)
            if result.document is None:
                if errors == "raise":
                    raise CorpusReadError(f"{result.name}: {result.error}")
                failures.append((result.index, result.name, result.error or "unknown"))
                bar.set_postfix(failed=len(failures), refresh=False)
                continue
            timelines.append((result.index, result.document.timeline))
    timelines.sort(key=lambda pair: pair[0])
    failures.sort()
    problems = [(n, r) for _, n, r in failures] + [(s.name, f"skipped: {s.reason}") for s in expanded.skipped]
    if problems and errors == "warn":
        listed = "; ".join(f"{n}: {r}" for n, r in problems[:10])
        more = f"; and {len(problems) - 10} more" if len(problems) > 10 else ""
        warnings.warn(f"{len(problems)} documents could not be read: {listed}{more}", CorpusWarning, stacklevel=2)
    if not timelines:
        return Timeline(name=name)
    return Timeline.merge(*(t for _, t in timelines), threshold=threshold, name=name)
