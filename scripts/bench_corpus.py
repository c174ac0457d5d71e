"""Documents per second of ``events.corpus`` on TimeML texts, on 1 process and on all cores.

    python scripts/bench_corpus.py ../shared/corpora/tbaq            # every .tml under it
    python scripts/bench_corpus.py ../shared/corpora/tbaq --limit 64 --repeat 3
    python scripts/bench_corpus.py ../shared/corpora/tbaq --limit 59 --kill-one

``--kill-one`` adds one text whose reading kills its worker with SIGKILL (as the OOM killer
would) to the files, reads them on 2 workers, and prints how many were read and how the one
that failed is reported: the pool replaces the dead worker and the others are all read.

For each worker count (default: 1 and every core) it reads the documents through
``iter_documents`` on the default process pool and reports documents/s, characters/s and the
speed-up over one worker, and the CPU seconds of the parent and of the workers; ``--serial``
adds a run in this process, without a pool; ``--merged`` times ``read_corpus`` (reading and
merging into one Timeline) instead of ``iter_documents``:

    python scripts/bench_corpus.py ../shared/corpora/tbaq --limit 64 --repeat 3 --merged The parent
loads the lexicons before timing (the pool's forked workers share them), so the numbers are
steady-state reading, not start-up. The machine's load average is printed beside them: on a
shared machine, other work slows the runs.
"""

from __future__ import annotations

import argparse
import os
import resource
import signal
import sys
import time
import warnings
from pathlib import Path
from typing import Any

import events
from events.corpus import CorpusWarning, default_workers, iter_documents, read_corpus
from events.corpus.sources import tasks
from events.corpus.worker import read_task, warm_up


def _cpu() -> tuple[float, float]:
    """CPU seconds (user + system) of this process and of its ended children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime, children.ru_utime + children.ru_stime


def _run(files: list[Path], workers: int | None, merged: bool) -> tuple[float, int, int, int, float, float]:
    """(seconds, documents read, failures, events, CPU seconds of this process, of the workers)
    of one pass; ``workers=None``: in process. ``merged``: through ``read_corpus``, which also
    merges the documents' timelines (events: the merged timeline's items)."""
    own, children = _cpu()
    started = time.perf_counter()
    ok = failed = found = 0
    if merged:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            timeline = read_corpus(files, workers=0 if workers is None else workers, progress=False)
        # "N documents could not be read: ..."
        failed = next((int(str(w.message).split(" ", 1)[0]) for w in caught if issubclass(w.category, CorpusWarning)), 0)
        ok, found = len(files) - failed, len(timeline)
    else:
        results = (read_task(t) for t in tasks(files, None)) if workers is None else iter_documents(files, workers=workers)
        for result in results:
            if result.document is None:
                failed += 1
            else:
                ok += 1
                found += len(result.document.events)
    seconds = time.perf_counter() - started
    own_after, children_after = _cpu()
    return seconds, ok, failed, found, own_after - own, children_after - children


POISON = "This text kills the worker that reads it."


class KillingReader:
    """``events.read``, except that the poisoned text kills its worker process."""

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> events.Document:
        if text == POISON:
            os.kill(os.getpid(), signal.SIGKILL)
        return events.read(text, dct=dct, doc_id=doc_id)


def kill_one(files: list[Path]) -> int:
    """Read the files and one poisoned text on 2 workers; print what was read and reported."""
    sources: list[Any] = [*files[: len(files) // 2], POISON, *files[len(files) // 2 :]]
    started = time.perf_counter()
    results = list(iter_documents(sources, workers=2, reader=KillingReader()))
    seconds = time.perf_counter() - started
    failed = [r for r in results if not r.ok]
    print(f"{len(results)} documents on 2 workers, one of them killing its worker: {len(results) - len(failed)} read, "
          f"{len(failed)} reported in {seconds:.1f} s")
    for result in failed:
        print(f"  {result.name}: {result.error}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a folder of TimeML files (searched recursively), e.g. ../shared/corpora/tbaq")
    parser.add_argument("--limit", type=int, default=None, help="read only the first N files (sorted)")
    parser.add_argument("--workers", type=int, nargs="+", default=None, help="worker counts to try (default: 1 and all cores)")
    parser.add_argument("--repeat", type=int, default=1, help="passes per setting; the best is reported")
    parser.add_argument("--serial", action="store_true", help="also time reading in this process, without a pool")
    parser.add_argument("--merged", action="store_true", help="time read_corpus (reading and merging into one Timeline) instead of iter_documents")
    parser.add_argument("--kill-one", action="store_true", help="read the files and a text that kills its worker; print what is read and reported")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"bench_corpus: {args.corpus}: not a folder", file=sys.stderr)
        return 2
    files = sorted(args.corpus.rglob("*.tml"))[: args.limit]
    if not files:
        print(f"bench_corpus: {args.corpus}: no .tml files", file=sys.stderr)
        return 2
    if args.kill_one:
        return kill_one(files)
    chars = sum(p.stat().st_size for p in files)
    cores = default_workers()
    settings: list[int | None] = [None] if args.serial else []
    settings += args.workers or sorted({1, cores})
    warm_up()
    print(f"{len(files)} TimeML files, {chars / 1e6:.2f} MB of markup, from {args.corpus}; {cores} cores; "
          f"load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    what = "read_corpus (read and merged; events: merged items)" if args.merged else "iter_documents"
    print(f"through {what}; CPU: seconds of this process and of the workers, which the load of other work inflates less than the wall")
    print(f"{'setting':>12} {'seconds':>8} {'docs/s':>8} {'MB/s':>6} {'speed-up':>8} {'events':>7} {'failed':>6} {'CPU':>5} {'workers CPU':>11}")
    rows = []
    for workers in settings:
        seconds, ok, failed, found, own, children = min((_run(files, workers, args.merged) for _ in range(max(1, args.repeat))), key=lambda r: r[0])
        rows.append((workers, seconds, (ok + failed) / seconds, found, failed, own, children))
    base = next((row[2] for row in rows if row[0] == 1), rows[0][2])
    for workers, seconds, rate, found, failed, own, children in rows:
        label = "in process" if workers is None else f"{workers} worker{'s' if workers > 1 else ''}"
        print(f"{label:>12} {seconds:8.2f} {rate:8.1f} {chars / seconds / 1e6:6.2f} {rate / base:7.2f}x {found:7d} {failed:6d} {own:5.1f} {children:11.1f}")
    print(f"load average after: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
