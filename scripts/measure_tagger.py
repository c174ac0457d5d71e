#!/usr/bin/env python3
"""Measure ``timeline.tag`` on a TimeML corpus: characters per second and peak memory.

    .venv/bin/python scripts/measure_tagger.py ../shared/corpora/tbaq [--dateparser] [--json]

Speed: every document's ``<TEXT>`` is tagged with its own DCT, best of ``--repeat`` passes after
a warm-up pass; with ``--dateparser``, dateparser's ``search_dates`` (English, relative to the
same DCT) runs once over the same texts for comparison. Wall-clock and CPU time are both
reported; the ratio uses CPU time, which other processes on a busy machine disturb less.

Memory, each in a fresh subprocess so nothing measured before counts: the peak resident set
size (``ru_maxrss``) of a Python process that imports ``timeline``, reads the corpus and tags all
of it, beside the same process's peak before tagging; and, in another fresh process, the peak of
Python allocations while tagging (``tracemalloc``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path
from typing import Any, Literal, cast


def load(corpus: Path) -> list[tuple[str, str | None]]:
    from timeline.io.timeml import read_timeml

    paths = sorted(p for p in corpus.rglob("*.tml") if p.is_file() and not p.name.startswith("._"))
    if not paths:
        raise SystemExit(f"{corpus}: no .tml files")
    return [(doc.text, doc.dct) for doc in map(read_timeml, paths)]


def tag_all(docs: list[tuple[str, str | None]], mode: str) -> int:
    from timeline import tag

    checked = cast(Literal["news", "narrative"], mode)  # argparse's choices checked it
    return sum(len(tag(text, dct=dct, mode=checked)) for text, dct in docs)


def peak_rss_mb() -> float:
    """This process's peak resident set size, MB (Linux reports kilobytes, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def child(corpus: Path, mode: str, what: str) -> dict[str, Any]:
    """Run inside the fresh subprocess."""
    import timeline  # noqa: F401  (imports count towards the baseline)

    imported = peak_rss_mb()
    docs = load(corpus)
    if what == "rss":
        before = peak_rss_mb()
        found = tag_all(docs, mode)
        return {"peak_rss_mb_after_import": imported, "peak_rss_mb_before_tagging": before, "peak_rss_mb": peak_rss_mb(), "timexes": found}
    tracemalloc.start()
    found = tag_all(docs, mode)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {"tracemalloc_peak_mb_while_tagging": peak / (1024 * 1024), "timexes": found}


def in_fresh_process(corpus: Path, mode: str, what: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, __file__, str(corpus), "--mode", mode, "--child", what],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise SystemExit(f"the {what} measurement failed:\n{done.stderr}")
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def speed(docs: list[tuple[str, str | None]], mode: str, repeat: int) -> dict[str, Any]:
    characters = sum(len(text) for text, _ in docs)
    found = tag_all(docs, mode)  # warm-up: lazy tables, compiled patterns
    best, best_cpu = float("inf"), float("inf")
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        tag_all(docs, mode)
        best = min(best, time.perf_counter() - began)
        best_cpu = min(best_cpu, time.process_time() - began_cpu)
    return {
        "documents": len(docs),
        "characters": characters,
        "timexes": found,
        "seconds": best,
        "cpu_seconds": best_cpu,
        "characters_per_second": characters / best,
        "characters_per_cpu_second": characters / best_cpu,
    }


def dateparser_speed(docs: list[tuple[str, str | None]]) -> dict[str, Any]:
    from dateparser.search import search_dates

    characters = sum(len(text) for text, _ in docs)
    began, began_cpu = time.perf_counter(), time.process_time()
    found = 0
    for text, dct in docs:
        settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(dct[:10])} if dct else {}
        found += len(search_dates(text, languages=["en"], settings=settings) or ())
    seconds, cpu = time.perf_counter() - began, time.process_time() - began_cpu
    return {
        "characters": characters,
        "dates": found,
        "seconds": seconds,
        "cpu_seconds": cpu,
        "characters_per_second": characters / seconds,
        "characters_per_cpu_second": characters / cpu,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path, help="a folder of TimeML files, e.g. ../shared/corpora/tbaq")
    parser.add_argument("--mode", choices=("news", "narrative"), default="news")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best counts (default: %(default)s)")
    parser.add_argument("--dateparser", action="store_true", help="also time dateparser's search_dates on the same texts")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--child", choices=("rss", "tracemalloc"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"measure_tagger: {args.corpus}: not a directory", file=sys.stderr)
        return 2
    if args.child:
        print(json.dumps(child(args.corpus, args.mode, args.child)))
        return 0

    docs = load(args.corpus)
    result: dict[str, Any] = {"corpus": str(args.corpus), "mode": args.mode, "timeline": speed(docs, args.mode, args.repeat)}
    result["memory"] = {**in_fresh_process(args.corpus, args.mode, "rss"), **in_fresh_process(args.corpus, args.mode, "tracemalloc")}
    if args.dateparser:
        result["dateparser"] = dateparser_speed(docs)
        # CPU time: the ratio holds on a busy machine, where wall-clock time does not
        result["times_dateparser"] = result["timeline"]["characters_per_cpu_second"] / result["dateparser"]["characters_per_cpu_second"]
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    t, m = result["timeline"], result["memory"]
    print(f"{t['documents']} documents, {t['characters']:,} characters, {t['timexes']:,} expressions ({args.mode} mode)")
    print(f"timeline.tag: {t['seconds']:.3f} s, {t['characters_per_second']:,.0f} characters/s; "
          f"{t['cpu_seconds']:.3f} CPU s, {t['characters_per_cpu_second']:,.0f} characters/CPU s (best of {args.repeat})")
    if "dateparser" in result:
        d = result["dateparser"]
        print(f"dateparser.search_dates: {d['seconds']:.3f} s, {d['characters_per_second']:,.0f} characters/s; "
              f"{d['cpu_seconds']:.3f} CPU s, {d['characters_per_cpu_second']:,.0f} characters/CPU s")
        print(f"timeline.tag is {result['times_dateparser']:.1f}x as fast as dateparser (CPU time)")
    print(f"peak RSS of a fresh process tagging everything: {m['peak_rss_mb']:.1f} MB "
          f"({m['peak_rss_mb_after_import']:.1f} MB after importing timeline, "
          f"{m['peak_rss_mb_before_tagging']:.1f} MB after reading the corpus)")
    print(f"peak Python allocations while tagging (tracemalloc): {m['tracemalloc_peak_mb_while_tagging']:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
