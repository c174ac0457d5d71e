"""``timeline render``: draw events (``timeline extract``'s JSON) or a timeline as a chart file."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

from timeline.chart.options import LANE_FIELDS
from timeline.commands._common import InputFileError, fail, read_text

LANES = tuple(f for f in LANE_FIELDS if f != "lane")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "render",
        help="draw extracted events (or a timeline JSON) as offline HTML, PNG, SVG or PDF",
        description="Draw the events that `timeline extract` wrote (a JSON list of documents or "
        "events, {\"events\": [...]}, or JSON Lines), or a timeline saved as JSON, as an "
        "interactive chart that opens offline, or as a PNG, SVG or PDF image.",
        epilog="Examples:\n"
        "  timeline extract article.txt -o events.json\n"
        "  timeline render events.json -o timeline.html --lanes actor\n"
        "  timeline render events.json -o timeline.png",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("input", help="events JSON / JSON Lines file, or a timeline JSON file")
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


class RenderInputError(ValueError):
    """An input that holds no events the chart can read; the message names the file."""


def _records(path: str, text: str) -> list[Any]:
    """The JSON values of ``text``: one document, or one per line (JSON Lines)."""
    stripped = text.strip()
    if not stripped:
        raise RenderInputError(f"{path}: empty file, expected events JSON")
    try:
        return [json.loads(stripped)]
    except json.JSONDecodeError as whole_error:
        values = []
        for number, line in enumerate(text.splitlines(), 1):
            if line.strip():
                try:
                    values.append(json.loads(line))
                except json.JSONDecodeError:
                    raise RenderInputError(
                        f"{path}: not JSON (line {whole_error.lineno}: {whole_error.msg}) nor JSON Lines (line {number})"
                    ) from None
        return values


def _event_dicts(path: str, values: list[Any]) -> tuple[list[dict[str, Any]], set[str]]:
    """The event objects in the values, and the document dates they name."""
    events: list[dict[str, Any]] = []
    dcts: set[str] = set()

    def take(value: Any) -> None:
        if isinstance(value, list):
            for v in value:
                take(v)
        elif isinstance(value, dict) and isinstance(value.get("events"), list):
            if value.get("dct"):
                dcts.add(str(value["dct"]))
            take(value["events"])
        elif isinstance(value, dict) and "type" in value and "id" in value:
            events.append(value)
        else:
            raise RenderInputError(
                f"{path}: {str(value)[:60]!r} is neither an event (with \"id\" and \"type\") "
                "nor a document with \"events\""
            )

    take(values)
    return events, dcts


def load(path: str) -> tuple[Any, Any]:
    """(items, dct) of an input file: a timeline JSON, or events JSON / JSON Lines."""
    from timeline.span import Span

    text = read_text(path)
    values = _records(path, text)
    if len(values) == 1 and isinstance(values[0], dict) and values[0].get("format") == "timeline":
        from timeline.io.json import loads

        try:
            timeline = loads(text)
        except (ValueError, TypeError, KeyError) as error:
            raise RenderInputError(f"{path}: not a readable timeline: {error}") from error
        return timeline, timeline.dct
    from events.convert import event_from_dict

    dicts, dcts = _event_dicts(path, values)
    items = []
    for data in dicts:
        try:
            items.append(event_from_dict(data))
        except ValueError as error:
            raise RenderInputError(f"{path}: {error}") from error
    dct = None
    if len(dcts) == 1:
        try:
            dct = Span.from_timex3(dcts.pop())
        except ValueError:
            dct = None
    return items, dct


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
    from timeline.span import Span

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
            raise RenderInputError(f"--{which} {text!r} is not a date: expected 2003, 2003-03 or 2003-03-18")
        bounds.append(bound)
    if bounds[0] is not None and bounds[1] is not None and bounds[1] <= bounds[0]:
        raise RenderInputError(f"--to {end!r} is not after --from {start!r}")
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
    from timeline.io.export import ExportFormatError, format_of, save

    try:
        fmt = format_of(args.output, args.format)
        items, dct = load(args.input)
        domain = _period(args.start, args.end)
    except (InputFileError, RenderInputError, ExportFormatError) as error:
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
