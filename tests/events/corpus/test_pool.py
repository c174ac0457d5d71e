"""events.corpus.pool: a dead worker is replaced, its document retried once, then reported."""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import time
from pathlib import Path
from typing import Any

import pytest

import events
from events.corpus import ProcessPool, WorkerDied, iter_documents
from events.corpus.pool import exit_reason

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")

MARKER = "KILL-THIS-WORKER"


class KillingReader:
    """Reads as ``events.read`` does, but a text holding the marker ends its worker process."""

    def __init__(self, how: str = "kill") -> None:
        self.how = how

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> events.Document:
        if MARKER in text:
            if self.how == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            elif self.how == "exit":
                os._exit(3)
            elif self.how == "system-exit":
                raise SystemExit(4)
            elif self.how == "interrupt":
                raise KeyboardInterrupt
        return events.read(text, dct=dct, doc_id=doc_id)


class DieOnceReader:
    """Kills its worker the first time it reads the marker (a file records that it did)."""

    def __init__(self, flag: Path) -> None:
        self.flag = flag

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> events.Document:
        if MARKER in text and not self.flag.exists():
            self.flag.write_text("died once", encoding="utf-8")
            os.kill(os.getpid(), signal.SIGKILL)
        return events.read(text, dct=dct, doc_id=doc_id)


def _batch(n: int = 60, poisoned: int = 17) -> list[str]:
    texts = [f"Officials from Kenya met Ugandan ministers in Nairobi on day {k}." for k in range(n)]
    texts[poisoned] = f"{MARKER}: Police arrested 12 protesters in Kampala."
    return texts


def test_a_killed_worker_costs_one_document_of_sixty() -> None:
    results = list(iter_documents(_batch(), workers=2, dct="2015-06-10", reader=KillingReader("kill")))
    assert len(results) == 60
    assert [r.index for r in results] == list(range(60))
    failed = [r for r in results if not r.ok]
    assert [r.index for r in failed] == [17]
    assert failed[0].error == "worker died: signal 9 (SIGKILL)"
    assert sum(r.ok for r in results) == 59
    assert all(r.document is not None and r.document.doc_id == f"text-{r.index + 1}" for r in results if r.ok)


def test_a_worker_that_exits_is_reported_with_its_exit_code() -> None:
    results = list(iter_documents(_batch(12, poisoned=5), workers=2, dct="2015-06-10", reader=KillingReader("exit")))
    assert [(r.index, r.error) for r in results if not r.ok] == [(5, "worker died: exit code 3")]


@pytest.mark.parametrize(
    ("how", "reason"),
    [("system-exit", "the reader called exit (4)"), ("interrupt", "KeyboardInterrupt raised inside the reader")],
)
def test_system_exit_and_keyboard_interrupt_in_a_worker_are_reported(how: str, reason: str) -> None:
    results = list(iter_documents(_batch(6, poisoned=2), workers=2, dct="2015-06-10", reader=KillingReader(how)))
    assert [(r.index, r.error) for r in results if not r.ok] == [(2, reason)]
    assert sum(r.ok for r in results) == 5


def test_a_document_in_flight_is_retried_once(tmp_path: Path) -> None:
    flag = tmp_path / "died"
    results = list(iter_documents(_batch(8, poisoned=3), workers=2, dct="2015-06-10", reader=DieOnceReader(flag)))
    assert flag.exists(), "the first try killed its worker"
    assert all(r.ok for r in results), [r.error for r in results]


def _square(x: int) -> int:
    return x * x


def _die(code: int) -> None:
    os._exit(code)


def _pid() -> int:
    return os.getpid()


def test_the_pool_replaces_dead_workers_and_keeps_serving() -> None:
    pool = ProcessPool(2, retries=1)
    try:
        doomed = pool.submit(_die, 7)
        squares = [pool.submit(_square, k) for k in range(20)]
        with pytest.raises(WorkerDied, match="worker died: exit code 7"):
            doomed.result(timeout=60)
        assert [f.result(timeout=60) for f in squares] == [k * k for k in range(20)]
        assert pool.deaths == 2  # the first try and the retry
    finally:
        pool.shutdown()
    with pytest.raises(RuntimeError, match="shut down"):
        pool.submit(_square, 2)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_cancelling_kills_busy_workers_and_fails_their_futures() -> None:
    pool = ProcessPool(1)
    pid = pool.submit(_pid).result(timeout=60)
    busy = pool.submit(time.sleep, 60)
    ahead = pool.submit(_square, 3)  # sent to the worker, behind the sleep
    queued = pool.submit(_square, 4)
    time.sleep(0.3)
    started = time.monotonic()
    pool.shutdown(wait=True, cancel_futures=True)
    assert time.monotonic() - started < 30  # not the 60 s of the busy task
    assert queued.cancelled()
    for future in (busy, ahead):
        with pytest.raises(RuntimeError, match="shut down"):
            future.result(timeout=1)
    assert not _alive(pid)


def test_workers_that_cannot_start_fail_every_task_instead_of_respawning() -> None:
    pool = ProcessPool(2, initializer=_die, initargs=(5,))
    try:
        futures = [pool.submit(_square, k) for k in range(5)]
        for future in futures:
            with pytest.raises(WorkerDied, match=r"worker died: exit code 5, before it could start \(3 workers in a row\)"):
                future.result(timeout=60)
        with pytest.raises(WorkerDied, match="before it could start"):
            pool.submit(_square, 1)
        assert pool.deaths <= 4
    finally:
        pool.shutdown()


def test_exit_reasons() -> None:
    assert exit_reason(-9) == "worker died: signal 9 (SIGKILL)"
    assert exit_reason(-11) == "worker died: signal 11 (SIGSEGV)"
    assert exit_reason(2) == "worker died: exit code 2"
    assert exit_reason(None) == "worker died"
    with pytest.raises(ValueError, match="workers must be at least 1"):
        ProcessPool(0)


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_the_pool_works_under_every_start_method(method: str) -> None:
    pool = ProcessPool(2, mp_context=multiprocessing.get_context(method))
    try:
        doomed = pool.submit(_die, 6)
        squares = [pool.submit(_square, k) for k in range(6)]
        with pytest.raises(WorkerDied, match="worker died: exit code 6"):
            doomed.result(timeout=120)
        assert [f.result(timeout=120) for f in squares] == [k * k for k in range(6)]
        pids = {pool.submit(_pid).result(timeout=120) for _ in range(4)}
        assert os.getpid() not in pids
    finally:
        pool.shutdown()
