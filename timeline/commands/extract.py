"""``timeline extract FILE...``: the typed events of news texts, as JSON, JSON lines or CSV."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from timeline.commands._common import InputFileError, fail, read_text


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read the typed events (visits, agreements, attacks ...) of news texts",
        description="Read the typed events of UTF-8 news texts: kind (with PLOVER and CAMEO codes), "
        "status, actors, places, quantities and an uncertain time, each with its evidence. "
        "Files that cannot be read are reported at the end; the others are still read.",
        epilog="Examples:\n"
        "  timeline extract article.txt --dct 2003-03-18\n"
        "  timeline extract news/*.txt -o events.jsonl\n"
        "  timeline extract corpus_dir/ -o events.parquet   (streamed, in parallel)\n"
        "  timeline extract article.txt -o events.csv\n"
        "  cat article.txt | timeline extract -",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="UTF-8 text files or directories of them (- for standard input)")
    parser.add_argument("--dct", metavar="D", help="the document date (YYYY-MM-DD) for every file; default: each file's dateline")
    parser.add_argument("-o", "--output", metavar="OUT", help="write to OUT: .json (a list of documents), .jsonl (one document a line, written as read), .parquet (one event a row, written as read) or .csv (one event a row); default: JSON on standard output")
    parser.add_argument("--all", action="store_true", help="also write negated and hypothetical events")
    parser.set_defaults(run=run)


def _streams(args: argparse.Namespace) -> bool:
    """Whether to read as a stream: a directory, or output that can be written as it goes."""
    if "-" in args.files:
        return False
    return any(Path(f).is_dir() for f in args.files) or (args.output or "").endswith((".jsonl", ".parquet"))


def _stream(args: argparse.Namespace) -> int:
    """Read the files (directories recursively) in parallel and write each document as it is read."""
    from events.corpus import directory_files, extract_to

    output = args.output
    if not output.endswith((".jsonl", ".parquet")):
        fail(f"{output}: a directory is read as a stream: write .jsonl or .parquet")
        return 2
    paths = [Path(f) for f in args.files]
    sources = [file for path in paths for file in (directory_files(path) if path.is_dir() else [path])]
    summary = extract_to(sources, output, dct=args.dct, include_all=args.all, progress=sys.stderr.isatty())
    print(summary, file=sys.stderr)
    for name, reason in summary.failures:
        fail(f"{name}: {reason}")
    return 1 if summary.failures else 0


def run(args: argparse.Namespace) -> int:
    import events
    from events.convert import document_record, event_columns, event_rows
    from timeline.io.atomic import write_atomic
    from timeline.io.rows import csv_text

    if _streams(args):
        if args.output is None:
            fail("reading a directory needs -o OUT.jsonl or -o OUT.parquet")
            return 2
        return _stream(args)
    records: list[dict[str, Any]] = []
    rows: list[dict[str, Any]] = []
    failed: list[str] = []
    for name in args.files:
        try:
            text = read_text(name)
        except InputFileError as error:
            fail(str(error))
            failed.append(str(error))
            continue
        doc_id = "stdin" if name == "-" else Path(name).stem
        try:
            doc = events.read(text, dct=args.dct, doc_id=doc_id)
        except ValueError as error:  # a --dct that is not a date
            fail(f"{name}: {error}")
            failed.append(f"{name}: {error}")
            continue
        records.append(document_record(doc, name, include_all=args.all))
        rows.extend(event_rows(doc, name, include_all=args.all))
    out = args.output
    if out is None or out.endswith(".json") or out == "-":
        payload = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    elif out.endswith(".csv"):
        payload = csv_text(event_columns(), rows)
    else:
        fail(f"{out}: unknown output format (use .json, .jsonl, .parquet or .csv)")
        return 2
    if out is None or out == "-":
        sys.stdout.write(payload)
    else:
        try:
            write_atomic(out, payload)
        except OSError as error:
            fail(f"{out}: cannot write: {error.strerror or error}")
            return 1
    if failed:
        fail(f"{len(failed)} of {len(args.files)} files could not be read: " + "; ".join(failed))
        return 1
    return 0
