"""``timeline render``: draw events (``timeline extract``'s JSON) or a timeline as a chart file."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from timeline.commands._common import fail

LANES = ("kind", "actor", "place", "doc", "status")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw extracted events (or a saved timeline) as offline HTML, PNG, SVG or PDF",
        description="Draw the events that `timeline extract` wrote (JSON, JSON Lines, CSV or "
        "Parquet), or a timeline saved as JSON, CSV or Parquet, as an interactive chart that "
        "opens offline, or as a PNG, SVG or PDF image. An input that cannot be read is one "
        "error line naming the file, and exit status 2.",
        epilog="Examples:\n"
        "  timeline extract article.txt -o events.json\n"
        "  timeline render events.json -o timeline.html --lanes actor\n"
        "  timeline render events.json -o timeline.png",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", help="what timeline extract wrote (.json, .jsonl, .csv, .parquet), or a saved timeline")
    parser.add_argument("-o", "--output", default="timeline.html", help="file to write (default: %(default)s)")
    parser.add_argument("--format", choices=("html", "png", "svg", "pdf"), help="output format (default: from the suffix)")
    parser.add_argument("--lanes", default="kind", choices=LANES, help="what splits the rows (default: %(default)s)")
    parser.add_argument("--color", default="kind", choices=LANES, help="what colours the marks (default: %(default)s)")
    parser.add_argument("--title", default=None, help="chart title (default: the input file's name)")
    parser.add_argument("--max-marks", type=int, default=5000, help="above this many events, draw counts per period (default: %(default)s)")
    parser.set_defaults(run=run)


def load(path: str) -> tuple[Any, Any]:
    """(items, dct) of an input file: any file ``timeline extract`` or ``Timeline`` writes (JSON,
    JSON Lines, CSV, Parquet; ``timeline.io.load``); ``LoadError`` naming the file and the problem."""
    from events.convert import upgrade
    from timeline.engine import Timeline
    from timeline.io.load import read_items

    loaded = read_items(path, upgrade=upgrade)
    if loaded.timeline is not None:
        return Timeline.from_parts(loaded.timeline, source=path), loaded.timeline.dct
    return loaded.items, loaded.dct


def run(args: argparse.Namespace) -> int:
    from timeline.errors import LoadError
    from timeline.io.export import ExportFormatError, format_of, save

    try:
        fmt = format_of(args.output, args.format)
        items, dct = load(args.input)
    except (LoadError, ExportFormatError) as error:
        fail(str(error))
        return 2
    title = args.title or Path(args.input).stem
    try:
        out = save(items, args.output, format=fmt, lanes=args.lanes, color=args.color, dct=dct, title=title,
                   max_marks=args.max_marks)
    except OSError as error:
        fail(f"{args.output}: cannot write: {error.strerror or error}")
        return 1
    except ValueError as error:
        fail(f"{args.input}: {error}")
        return 2
    count = len(items) if isinstance(items, list) else len(list(items))
    print(f"Wrote {count} events to {out.resolve()}")
    return 0
