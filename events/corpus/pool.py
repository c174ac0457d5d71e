"""A process pool that outlives its workers.

``ProcessPool`` is a ``concurrent.futures.Executor`` whose worker processes are watched one by
one. A worker that dies (killed by the OOM killer, a segfault, ``os._exit``) is replaced, and
the task it was running is given again to a fresh worker, ``retries`` times; after that its
future fails with ``WorkerDied("worker died: signal 9 (SIGKILL)")``. Every other task goes on.

Workers never outlive the process that started them: on Linux each asks the kernel for
SIGKILL when its parent goes (``PR_SET_PDEATHSIG``), and everywhere a watchdog thread ends the
worker when its parent process changes. Workers ignore SIGINT: Ctrl-C is the parent's to
handle, and it shuts the pool down. ``shutdown(cancel_futures=True)`` kills the busy workers
at once instead of waiting for their documents.
"""

from __future__ import annotations

import collections
import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from concurrent.futures import Executor, Future
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.reduction import ForkingPickler
from typing import Any

import attrs

from events.errors import WorkerDied

__all__ = [
    "AHEAD",
    "FAILED_STARTS",
    "PR_SET_PDEATHSIG",
    "SMALL_TASK",
    "STOP_SECONDS",
    "WATCHDOG_SECONDS",
    "ProcessPool",
    "WorkerDied",
    "exit_reason",
]

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCHDOG_SECONDS = 0.5
AHEAD = 2  # tasks sent to a worker at once, so it never waits for the next one
FAILED_STARTS = 3  # workers in a row that die before they are ready: the pool gives up
SMALL_TASK = 16_384  # bytes: only a task this small is sent ahead (a full pipe both ways would block)
STOP_SECONDS = 2.0  # how long a stopped worker may take to leave before it is killed


class _CannotStart(Exception):
    """Workers die before their initializer ends: the pool stops, failing every task."""


def exit_reason(exitcode: int | None) -> str:
    """How a worker ended, from its exit code: ``worker died: signal 9 (SIGKILL)``."""
    if exitcode is None:
        return "worker died"
    if exitcode < 0:
        try:
            name = f" ({signal.Signals(-exitcode).name})"
        except ValueError:
            name = ""
        return f"worker died: signal {-exitcode}{name}"
    return f"worker died: exit code {exitcode}"


# ------------------------------------------------------------------------------ in the worker


def _die_with_parent(parent: int | None) -> None:
    """End this process when its parent ends: the kernel's parent-death signal on Linux, and a
    watchdog thread everywhere."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    first = os.getppid()
    if parent is not None and first != parent:  # the parent ended before the signal was set
        os._exit(1)

    def watch() -> None:
        while os.getppid() == first:
            time.sleep(WATCHDOG_SECONDS)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _worker_main(conn: Connection, parent: int | None, initializer: Callable[..., Any] | None, initargs: tuple[Any, ...]) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):  # not the handlers the parent's command installed
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    if initializer is not None:
        initializer(*initargs)
    conn.send(("ready", None))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        fn, args, kwargs = job
        try:
            reply: tuple[str, Any] = ("ok", fn(*args, **kwargs))
        except BaseException as error:  # SystemExit and KeyboardInterrupt too: reported, not swallowed
            reply = ("error", error)
        try:
            conn.send(reply)
        except Exception as error:  # the result or the exception does not pickle
            conn.send(("error", RuntimeError(f"the result could not be sent back: {type(error).__name__}: {error}")))


# ------------------------------------------------------------------------------ in the parent


@attrs.define(slots=True, eq=False)
class _Job:
    future: Future[Any]
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    tries: int = 0


@attrs.define(slots=True, eq=False)
class _Worker:
    process: Any  # a multiprocessing Process of the pool's context
    conn: Connection
    sent: collections.deque[_Job] = attrs.Factory(collections.deque)  # the first one is running
    ready: bool = False  # its initializer ran

    @property
    def busy(self) -> bool:
        return bool(self.sent)


class ProcessPool(Executor):
    """``workers`` processes running submitted functions; a dead worker is replaced and its
    task retried ``retries`` times before its future fails with ``WorkerDied``.

    ``initializer(*initargs)`` runs once in every worker, the replacements included.
    ``deaths`` counts the workers that died while the pool ran.
    """

    def __init__(
        self,
        workers: int,
        *,
        initializer: Callable[..., Any] | None = None,
        initargs: tuple[Any, ...] = (),
        retries: int = 1,
        mp_context: BaseContext | None = None,
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be at least 1, got {workers}")
        if retries < 0:
            raise ValueError(f"retries must be at least 0, got {retries}")
        self.max_workers = workers
        self.retries = retries
        self.deaths = 0
        self._failed_starts = 0
        self._broken: str | None = None  # why the pool gave up, if it did
        self._context: Any = mp_context or multiprocessing.get_context()
        self._initializer = initializer
        self._initargs = initargs
        self._jobs: collections.deque[_Job] = collections.deque()
        self._lock = threading.Lock()
        self._closing = False
        self._cancel = False
        self._closed = False  # the wake-up pipe is closed
        self._wake_read, self._wake_write = os.pipe()
        self._manager = threading.Thread(target=self._manage, name="corpus-pool", daemon=True)
        self._manager.start()

    # --- the Executor interface

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        with self._lock:
            if self._broken is not None:
                raise WorkerDied(self._broken)
            if self._closing:
                raise RuntimeError("cannot submit to a pool that was shut down")
            self._jobs.append(_Job(future, fn, args, kwargs))
        self._wake()
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop taking work; with ``cancel_futures``, drop the queued tasks and kill the busy
        workers at once (their futures fail). ``wait`` joins the pool's thread."""
        with self._lock:
            self._closing = True
            self._cancel = self._cancel or cancel_futures
        self._wake()
        if wait and self._manager is not threading.current_thread():
            self._manager.join()

    # --- the manager thread

    def _wake(self) -> None:
        with self._lock, contextlib.suppress(OSError):
            if not self._closed:
                os.write(self._wake_write, b"x")

    def _start(self) -> _Worker:
        ours, theirs = self._context.Pipe(duplex=True)
        parent = os.getpid() if self._context.get_start_method() == "fork" else None
        process = self._context.Process(
            target=_worker_main, args=(theirs, parent, self._initializer, self._initargs), daemon=True, name="corpus-worker"
        )
        process.start()
        theirs.close()
        return _Worker(process, ours)

    def _next_job(self) -> _Job | None:
        with self._lock:
            while self._jobs:
                job = self._jobs.popleft()
                if job.future.running() or job.future.set_running_or_notify_cancel():
                    return job
        return None

    def _feed(self, worker: _Worker) -> None:
        """Send the worker its next tasks: one when idle, and one more ahead if it is small."""
        while len(worker.sent) < AHEAD and (job := self._next_job()) is not None:
            try:
                data = bytes(ForkingPickler.dumps((job.fn, job.args, job.kwargs)))
            except Exception as error:  # the task does not pickle
                job.future.set_exception(error)
                continue
            if worker.sent and len(data) > SMALL_TASK:
                with self._lock:
                    self._jobs.appendleft(job)
                return
            job.tries += 1
            worker.sent.append(job)
            try:
                worker.conn.send_bytes(data)
            except OSError:
                return  # the worker is gone: its sentinel says so, and its tasks are tried again

    def _finish(self, worker: _Worker) -> bool:
        """Take one message of the worker (that it is ready, or the result of its running
        task); False at the end of the pipe."""
        try:
            status, value = worker.conn.recv()
        except (EOFError, OSError):
            return False  # no answer: the worker died with the task
        if status == "ready":
            worker.ready = True
            self._failed_starts = 0
            return True
        job = worker.sent.popleft()
        if status == "ok":
            job.future.set_result(value)
        else:
            job.future.set_exception(value)
        return True

    def _buried(self, worker: _Worker) -> None:
        """A worker that ended: its running task goes back to the queue, or fails after its
        tries; the tasks sent ahead go back untried."""
        worker.process.join()
        worker.conn.close()
        self.deaths += 1
        sent = list(worker.sent)
        worker.sent.clear()
        running = sent.pop(0) if sent and worker.ready else None  # the task it was reading
        for job in sent:
            job.tries -= 1  # sent ahead, or to a worker that never started: not tried
        if running is not None and running.tries > self.retries:
            running.future.set_exception(WorkerDied(exit_reason(worker.process.exitcode)))
        elif running is not None:
            sent.insert(0, running)
        with self._lock:
            self._jobs.extendleft(reversed(sent))
        if not worker.ready:
            self._failed_starts += 1
            if self._failed_starts >= FAILED_STARTS:
                reason = exit_reason(worker.process.exitcode)
                raise _CannotStart(f"{reason}, before it could start ({FAILED_STARTS} workers in a row)")

    def _manage(self) -> None:
        workers: list[_Worker] = []
        try:
            while True:
                with self._lock:
                    closing, cancel, queued = self._closing, self._cancel, bool(self._jobs)
                if cancel:
                    break
                while len(workers) < self.max_workers and (queued or not closing):
                    workers.append(self._start())
                for worker in workers:
                    self._feed(worker)
                if closing and not self._jobs and not any(w.busy for w in workers):
                    break
                ready = wait([*(w.conn for w in workers), *(w.process.sentinel for w in workers), self._wake_read])
                if self._wake_read in ready:
                    os.read(self._wake_read, 4096)
                for worker in list(workers):
                    with contextlib.suppress(OSError):
                        while worker.conn.poll() and self._finish(worker):
                            pass
                    if worker.process.sentinel in ready:
                        workers.remove(worker)
                        self._buried(worker)
        except _CannotStart as error:
            with self._lock:
                self._broken = str(error)
            self._fail_all(workers, WorkerDied(str(error)))
        except BaseException as error:  # never leave a future waiting
            self._fail_all(workers, RuntimeError(f"the pool failed: {type(error).__name__}: {error}"))
            raise
        finally:
            self._stop(workers)

    def _fail_all(self, workers: list[_Worker], error: BaseException, *, cancel_queued: bool = False) -> None:
        with self._lock:
            jobs = [*self._jobs, *(job for w in workers for job in w.sent)]
            self._jobs.clear()
        for job in jobs:
            if not job.future.done():
                if cancel_queued and job.future.cancel():
                    continue
                job.future.set_exception(error)

    def _stop(self, workers: list[_Worker]) -> None:
        """End every worker: idle ones are asked to leave, busy ones (cancelled work) killed."""
        with self._lock:
            self._closing = True  # no task is queued from here on
        self._fail_all(workers, RuntimeError("the pool was shut down before this task ran"), cancel_queued=True)
        for worker in workers:
            if worker.busy:
                worker.process.kill()
            else:
                with contextlib.suppress(OSError):
                    worker.conn.send(None)
        deadline = time.monotonic() + STOP_SECONDS
        for worker in workers:
            worker.process.join(max(0.0, deadline - time.monotonic()))
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.conn.close()
        with self._lock:
            self._closed = True
            os.close(self._wake_read)
            os.close(self._wake_write)
