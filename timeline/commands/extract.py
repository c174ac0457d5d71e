"""``timeline extract FILE|DIR...``: the typed events of news texts, as JSON, JSON lines, CSV,
Parquet or a partitioned Parquet folder."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from timeline.commands._common import InputFileError, ending_on_signals, fail, read_text

__all__ = ["register", "run"]


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read the typed events (visits, agreements, attacks ...) of news texts",
        description="Read the typed events of UTF-8 news texts: kind (with PLOVER and CAMEO codes), "
        "status, actors, places, quantities and an uncertain time, each with its evidence. "
        "Files are read in parallel and written as they are read. Files that cannot be read are "
        "reported by name at the end, and the others are still read; folder entries that are not "
        "files (dangling links, link loops, FIFOs, devices) are listed as skipped. The output "
        "replaces OUT only once it is complete: a failed or interrupted run (Ctrl-C, SIGTERM, "
        "SIGHUP) leaves the previous OUT as it was. The folder of OUT must exist: it is not created.",
        epilog="Examples:\n"
        "  timeline extract article.txt --dct 2003-03-18\n"
        "  timeline extract news/ -o events.jsonl          (the *.txt files under news/)\n"
        "  timeline extract corpus/ --glob '*.tml' -o events.parquet\n"
        "  timeline extract corpus/ -o events_dataset --partitioned\n"
        "  timeline extract article.txt -o events.csv\n"
        "  cat article.txt | timeline extract -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="UTF-8 text files, folders of them (read recursively), or - for standard input")
    parser.add_argument("--glob", metavar="PATTERN", action="append", help="in folders, read the files whose name matches PATTERN (repeatable; default: *.txt)")
    parser.add_argument("--dct", metavar="D", help="the document date (YYYY-MM-DD) for every file; default: each file's dateline")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT: .json (a list of documents), .jsonl (one document a line), .parquet (one event a row) or .csv (one event a row); its folder must exist; default: JSON on standard output")
    parser.add_argument("--partitioned", action="store_true", help="write OUT as a folder of Parquet part files (a partitioned dataset)")
    parser.add_argument("--mode", choices=("news", "narrative"), default="news", help="news: times against the document date; narrative (histories): relative times against the last date told, undated events between their dated neighbours (default: %(default)s)")
    parser.add_argument("--workers", metavar="N", type=int, help="processes that read (default: every core for several files; 0: this process)")
    parser.add_argument("--all", action="store_true", help="also write negated and hypothetical events")
    parser.set_defaults(run=run)


def _sources(args: argparse.Namespace) -> tuple[Any, list[str]]:
    """The corpus of the command line: each file, each folder's matching files, and standard
    input as a text; and the arguments that could not be read at all."""
    from events.corpus.sources import DEFAULT_GLOB, Expanded, walk

    sources: list[Any] = []
    skipped: list[Any] = []
    unreadable: list[str] = []
    for name in args.files:
        if name == "-":
            try:
                sources.append(("stdin", read_text("-")))
            except InputFileError as error:
                unreadable.append(str(error))
            continue
        path = Path(name)
        if path.is_dir():
            patterns = tuple(args.glob or DEFAULT_GLOB)
            files, passed = walk(path, patterns)
            if not files:
                print(f"timeline: warning: {name}: no file in it matches {' or '.join(patterns)} (see --glob)", file=sys.stderr)
            sources.extend(files)
            skipped.extend(passed)
        else:
            sources.append(path)  # a missing file, a FIFO or a device is refused by name when read
    return Expanded(sources, tuple(skipped)), unreadable


def run(args: argparse.Namespace) -> int:
    from events import Reader
    from events.corpus import OutputError, extract_to
    from events.errors import DocumentDateError

    with ending_on_signals():
        corpus, unreadable = _sources(args)
        for message in unreadable:
            fail(message)
        total = len(corpus.sources) + len(unreadable)
        workers = args.workers if args.workers is not None else (0 if len(corpus.sources) <= 1 else None)
        to_file = args.output not in (None, "-")
        try:
            summary = extract_to(
                corpus, args.output, dct=args.dct, include_all=args.all, workers=workers,
                partitioned=args.partitioned, progress=to_file and sys.stderr.isatty(),
                reader=None if args.mode == "news" else Reader(mode=args.mode),
            )  # fmt: skip
        except (OutputError, DocumentDateError) as error:
            fail(str(error))
            return 2
        except OSError as error:
            fail(f"{args.output}: cannot write: {error.strerror or error}")
            return 1
    for name, warning in summary.warnings:
        print(f"timeline: warning: {name}: {warning}", file=sys.stderr)
    for name, reason in summary.failures:
        fail(f"{name}: {reason}")
    for entry in summary.skipped:
        print(f"timeline: skipped {entry.name}: {entry.reason}", file=sys.stderr)
    if to_file:
        print(summary, file=sys.stderr)
    failed = len(summary.failures) + len(unreadable)
    if failed:
        fail(f"{failed} of {total} files could not be read")
        return 1
    return 0
