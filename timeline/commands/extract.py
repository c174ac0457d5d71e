"""``timeline extract FILE...``: the typed events of news texts, as JSON, JSON lines or CSV."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from pathlib import Path
from typing import Any

from timeline.commands._common import InputFileError, fail, read_text

CSV_COLUMNS = (
    "doc", "id", "type", "status", "plover", "cameo", "actors", "countries", "places", "quantity",
    "time_text", "timex", "earliest_start", "latest_start", "earliest_end", "latest_end", "start", "end", "text",
)  # fmt: skip


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


def csv_rows(record: dict[str, Any]) -> list[dict[str, Any]]:
    rows = []
    for e in record["events"]:
        first = e["mentions"][0] if e["mentions"] else {}
        q = e.get("quantity")
        rows.append({
            "doc": e["doc"], "id": e["id"], "type": e["type"], "status": e["status"], "plover": e["plover"] or "",
            "cameo": e["cameo"] or "", "actors": "; ".join(a["name"] for a in e["actors"]),
            "countries": "; ".join(sorted({a["country"] for a in e["actors"] if a["country"]})),
            "places": "; ".join(p["name"] for p in e["places"]),
            "quantity": "" if not q else f"{q['qualifier'] + ' ' if q['qualifier'] else ''}{q['value']:g} {q['unit'] or ''}".strip(),
            "time_text": e["time"]["text"] or "", "timex": e["time"]["timex"] or "",
            "earliest_start": e["time"]["earliest_start"] or "", "latest_start": e["time"]["latest_start"] or "",
            "earliest_end": e["time"]["earliest_end"] or "", "latest_end": e["time"]["latest_end"] or "",
            "start": first.get("start", ""), "end": first.get("end", ""), "text": first.get("text", ""),
        })  # fmt: skip
    return rows


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
    from events.corpus import document_record

    if _streams(args):
        if args.output is None:
            fail("reading a directory needs -o OUT.jsonl or -o OUT.parquet")
            return 2
        return _stream(args)
    records: list[dict[str, Any]] = []
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
        records.append(document_record(name, doc, include_all=args.all))
    out = args.output
    if out is None or out.endswith(".json") or out == "-":
        payload = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    elif out.endswith(".csv"):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for r in records:
            writer.writerows(csv_rows(r))
        payload = buffer.getvalue()
    else:
        fail(f"{out}: unknown output format (use .json, .jsonl, .parquet or .csv)")
        return 2
    if out is None or out == "-":
        sys.stdout.write(payload)
    else:
        try:
            Path(out).write_text(payload, encoding="utf-8")
        except OSError as error:
            fail(f"{out}: cannot write: {error.strerror or error}")
            return 1
    if failed:
        fail(f"{len(failed)} of {len(args.files)} files could not be read: " + "; ".join(failed))
        return 1
    return 0
