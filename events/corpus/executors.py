"""Where documents are read: the corpus's own process pool (dead workers replaced), this
process (``workers=0``), or any ``concurrent.futures.Executor`` a caller passes (threads,
Dask's ``Client.get_executor()``); results come back in input order (``ordered_results``), or
as soon as each is read (``completed_results``), so a long document never holds back the
workers.
"""

from __future__ import annotations

import collections
import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Executor, Future, wait
from multiprocessing.context import BaseContext
from typing import Any

from events.corpus.pool import ProcessPool
from events.corpus.results import DocumentResult
from events.corpus.sources import Task
from events.corpus.worker import TextReader, install_reader, read_task, read_with_installed, warm_up
from events.errors import WorkerDied

__all__ = ["InlineExecutor", "Submit", "completed_results", "default_workers", "ordered_results", "reading_executor"]


def default_workers() -> int:
    """The cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class InlineExecutor(Executor):
    """Runs each task in this process, when it is submitted."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future


Submit = Callable[[Task], "Future[DocumentResult]"]


def _context() -> BaseContext:
    """How the pool starts its workers: the platform's default, except that from Python 3.12
    on a process with threads (the pool has one) is not forked, but served by a forkserver."""
    context = multiprocessing.get_context()
    if sys.version_info >= (3, 12) and context.get_start_method() == "fork":
        return multiprocessing.get_context("forkserver")
    return context


@contextlib.contextmanager
def reading_executor(executor: Executor | None, workers: int | None, reader: TextReader | None) -> Iterator[tuple[Submit, int]]:
    """How to submit a task, and how many documents are read at once.

    Without ``executor``: ``workers`` processes (default: every core) of a ``ProcessPool``,
    each given the reader once; ``workers=0`` reads in this process. A caller's executor gets
    the reader with every task, and the caller keeps and shuts down the executor. On leaving
    with an exception (Ctrl-C, a signal turned into ``SystemExit``) the pool's workers are
    killed at once.
    """
    if executor is not None:
        if not isinstance(executor, Executor):
            raise TypeError(f"executor must be a concurrent.futures.Executor, not {type(executor).__name__}")
        yield (lambda task: executor.submit(read_task, task, reader)), default_workers()
        return
    n = default_workers() if workers is None else workers
    if n < 0:
        raise ValueError(f"workers must be at least 0, got {n}")
    if n == 0:
        inline = InlineExecutor()
        yield (lambda task: inline.submit(read_task, task, reader)), 1
        return
    context = _context()
    if context.get_start_method() == "fork":
        warm_up(reader)  # once, here: the forked workers share what it loaded
    pool = ProcessPool(n, initializer=install_reader, initargs=(reader,), mp_context=context)
    try:
        yield (lambda task: pool.submit(read_with_installed, task)), n
    except BaseException:
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


def _outcome(task: Task, future: Future[DocumentResult]) -> DocumentResult:
    try:
        return future.result()
    except Exception as error:  # a worker that died: the document failed, the batch goes on
        reason = str(error) if isinstance(error, WorkerDied) else f"the worker failed: {type(error).__name__}: {error}"
        return DocumentResult(task.index, task.name, task.doc_id, error=reason)


def _submitted(submit: Submit, task: Task) -> Future[DocumentResult]:
    try:
        return submit(task)
    except Exception as error:  # a broken executor: this document fails, the batch goes on
        future: Future[DocumentResult] = Future()
        future.set_exception(error)
        return future


def ordered_results(tasks: Iterator[Task], submit: Submit, window: int) -> Iterator[DocumentResult]:
    """The result of each task in input order, with at most ``window`` submitted and not yet
    yielded."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    pending: collections.deque[tuple[Task, Future[DocumentResult]]] = collections.deque()
    for task in tasks:
        pending.append((task, _submitted(submit, task)))
        if len(pending) >= window:
            yield _outcome(*pending.popleft())
    while pending:
        yield _outcome(*pending.popleft())


def completed_results(tasks: Iterator[Task], submit: Submit, window: int) -> Iterator[DocumentResult]:
    """The result of each task as soon as it is read, with at most ``window`` submitted and
    not yet yielded: a worker is never idle behind a long document, as in ``ordered_results``.
    Results read at once come in input order."""
    if window < 1:
        raise ValueError(f"window must be at least 1, got {window}")
    pending: dict[Future[DocumentResult], Task] = {}

    def finished() -> Iterator[DocumentResult]:
        done, _ = wait(pending, return_when=FIRST_COMPLETED)
        for future in sorted(done, key=lambda f: pending[f].index):
            yield _outcome(pending.pop(future), future)

    for task in tasks:
        pending[_submitted(submit, task)] = task
        if len(pending) >= window:
            yield from finished()
    while pending:
        yield from finished()
