"""``timeline tag FILE``: the temporal expressions of a text, as JSON lines, TimeML or a table."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from timeline import find_document_date, tag
from timeline.commands._common import InputFileError, fail, read_text
from timeline.io.timeml import write_timeml
from timeline.timex.tagger import MODES

__all__ = ["FORMATS", "format_table", "register", "run", "timex_record"]


FORMATS = ("jsonl", "timeml", "table")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "tag",
        help="find and normalise the temporal expressions (TIMEX3) of a text",
        description="Find the temporal expressions of a UTF-8 text and give each its TIMEX3 type "
        "and value, resolved against the document date (--dct, or a dateline found in the text).",
        epilog="Examples:\n"
        "  timeline tag article.txt --dct 2003-03-18\n"
        "  timeline tag article.txt --format table\n"
        "  cat article.txt | timeline tag - --format timeml > article.tml",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    parser.add_argument("--dct", metavar="D", help="the document date, a TIMEX3 value such as 2003-03-18")
    parser.add_argument("--mode", choices=MODES, default="news", help="news: relative to the document date; narrative: to the last date read (default: %(default)s)")
    parser.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default: %(default)s)")
    parser.set_defaults(run=run)


def timex_record(timex: Any) -> dict[str, Any]:
    """The JSON fields of a tagged expression."""
    return {
        "start": timex.start,
        "end": timex.end,
        "text": timex.text,
        "type": timex.type,
        "value": timex.value,
        "mod": timex.mod,
    }


def format_table(timexes: Sequence[Any]) -> str:
    """An aligned plain-text table: offsets, type, value, mod and the text."""
    rows = [("start", "end", "type", "value", "mod", "text")]
    for t in timexes:
        text = " ".join(str(t.text).split())
        rows.append((str(t.start), str(t.end), str(t.type), str(t.value), t.mod or "", text))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row[:5], widths, strict=True)) + "  " + row[5] for row in rows]
    return "\n".join(line.rstrip() for line in lines)


def _document_date(text: str) -> str | None:
    """The value of the dateline found in ``text``, for the DCT of the TimeML output."""
    found = find_document_date(text)
    for holder in (found, getattr(found, "span", None), getattr(found, "time", None)):
        for name in ("value", "timex"):
            value = getattr(holder, name, None)
            if isinstance(value, str) and value:
                return value
    return None


def run(args: argparse.Namespace) -> int:
    try:
        text = read_text(args.file)
    except InputFileError as error:
        fail(str(error))
        return 2
    try:
        tag("", dct=args.dct, mode=args.mode)  # check the document date before the real work
    except ValueError as error:
        fail(f"--dct {args.dct!r}: {error}")
        return 2
    timexes = tag(text, dct=args.dct, mode=args.mode)
    out = sys.stdout
    if args.format == "jsonl":
        for timex in timexes:
            out.write(json.dumps(timex_record(timex), ensure_ascii=False) + "\n")
    elif args.format == "table":
        out.write(format_table(timexes) + "\n")
    else:
        dct = args.dct if args.dct is not None else _document_date(text)
        doc_id = "stdin" if args.file == "-" else Path(args.file).stem
        out.write(write_timeml(text, dct=dct, timexes=timexes, doc_id=doc_id))
    out.flush()
    return 0
