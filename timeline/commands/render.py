"""``timeline render``: draw events (``timeline extract``'s JSON) or a timeline as a chart file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from timeline.chart.options import LANE_FIELDS
from timeline.commands._common import InputFileError, fail, read_text
from timeline.engine import Timeline
from timeline.errors import ExportFormatError, LoadError, OptionError
from timeline.io.export import format_of, save
from timeline.span import Span

__all__ = ["LANES", "headline", "load", "register", "run", "select"]

LANES = tuple(f for f in LANE_FIELDS if f != "lane")


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
    parser.add_argument("--title", default=None, help="chart title (default: the document's headline, else the input file's name)")
    parser.add_argument("--max-marks", type=int, default=2000, help="above this many events, draw counts per period (default: %(default)s)")
    parser.add_argument("--from", dest="start", metavar="WHEN", help="show from this time on: 2003, 2003-03, 2003-03-18")
    parser.add_argument("--to", dest="end", metavar="WHEN", help="show up to the end of this time: 2003, 2003-03, 2003-03-18")
    parser.add_argument("--kind", action="append", metavar="KIND", help="draw only events of this kind (repeatable)")
    parser.add_argument("--status", action="append", metavar="STATUS", help="draw only events of this status (repeatable)")
    parser.set_defaults(run=run)


def load(path: str) -> tuple[Any, Any]:
    """(items, dct) of an input file: any file ``timeline extract`` or ``Timeline`` writes (JSON,
    JSON Lines, CSV, Parquet; ``timeline.io.load``); ``LoadError`` naming the file and the problem."""
    from events.convert import upgrade
    from timeline.io.load import read_items

    loaded = read_items(path, upgrade=upgrade)
    if loaded.timeline is not None:
        return Timeline.from_parts(loaded.timeline, source=path), loaded.timeline.dct
    return loaded.items, loaded.dct


def headline(path: str) -> str | None:
    """The document's headline (a top-level "headline" or "title" key), if the input has one."""
    try:
        value = json.loads(read_text(path))
    except (InputFileError, ValueError):
        return None
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if isinstance(value, dict):
        for key in ("headline", "title"):
            if isinstance(value.get(key), str) and value[key].strip():
                return str(value[key]).strip()
    return None


def _period(start: str | None, end: str | None) -> tuple[int | None, int | None] | None:
    """The ``--from``/``--to`` period in seconds, either end open (``None`` when neither is given)."""
    if start is None and end is None:
        return None
    bounds: list[int | None] = []
    for text, which in ((start, "from"), (end, "to")):
        if text is None:
            bounds.append(None)
            continue
        try:
            span = Span.from_timex3(text)
        except ValueError:
            span = None
        bound = None if span is None else (span.earliest_start if which == "from" else span.latest_end)
        if bound is None:
            raise OptionError(f"--{which} {text!r} is not a date: expected 2003, 2003-03 or 2003-03-18")
        bounds.append(bound)
    if bounds[0] is not None and bounds[1] is not None and bounds[1] <= bounds[0]:
        raise OptionError(f"--to {end!r} is not after --from {start!r}")
    return (bounds[0], bounds[1])


def select(items: Any, kinds: list[str] | None, statuses: list[str] | None) -> list[Any]:
    """The items of one of ``kinds`` and ``statuses`` (case-insensitive; all when not given)."""
    wanted_kinds = {k.lower() for k in kinds or ()}
    wanted_statuses = {s.lower() for s in statuses or ()}

    def text(value: object) -> str:
        return str(getattr(value, "value", value) or "").lower()

    return [
        item for item in items
        if (not wanted_kinds or text(getattr(item, "kind", None)) in wanted_kinds)
        and (not wanted_statuses or text(getattr(item, "status", None)) in wanted_statuses)
    ]


def run(args: argparse.Namespace) -> int:
    try:
        fmt = format_of(args.output, args.format)
        items, dct = load(args.input)
        domain = _period(args.start, args.end)
    except (LoadError, OptionError, ExportFormatError) as error:
        fail(str(error))
        return 2
    if args.kind or args.status:
        items = select(items, args.kind, args.status)
    title = args.title or headline(args.input) or Path(args.input).stem
    try:
        out = save(items, args.output, format=fmt, lanes=args.lanes, color=args.color, dct=dct, title=title,
                   max_marks=args.max_marks, domain=domain)
    except OSError as error:
        fail(f"{args.output}: cannot write: {error.strerror or error}")
        return 1
    except ValueError as error:
        fail(f"{args.input}: {error}")
        return 2
    count = len(items) if isinstance(items, list) else len(list(items))
    print(f"Wrote {count} events to {out.resolve()}")
    return 0
