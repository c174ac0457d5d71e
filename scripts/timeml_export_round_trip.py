"""TimeML export of read documents: read each TimeML file's text with ``events.read``, export
the document's timeline with its timexes, read the export back, and count the documents whose
text, timexes and events come back.

    .venv/bin/python scripts/timeml_export_round_trip.py ../shared/corpora/tbaq [--limit N]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import events
from timeline import read_timeml


def round_trips(path: Path) -> str | None:
    """None when the document exports and reads back; else the reason."""
    gold = read_timeml(path)
    doc = events.read(gold.text, dct=gold.dct, doc_id=gold.doc)
    try:
        markup = doc.timeline.to_timeml(text=doc.text, timexes=doc.timexes, doc_id=gold.doc)
        back = read_timeml(markup)
    except ValueError as error:
        return str(error)
    if back.text != doc.text:
        return "the text changed"
    if [(t.start, t.end, t.value) for t in back.timexes] != [(t.start, t.end, t.value) for t in doc.timexes]:
        return "the timexes changed"
    tagged = sum(1 for e in doc.timeline if any(v.start is not None and v.end is not None for v in e.evidence))
    if len(back.events) != tagged:
        return f"{len(back.events)} events read back, {tagged} exported"
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=None)
    args = parser.parse_args(argv)
    paths = sorted(p for p in args.folder.rglob("*.tml") if not p.name.startswith("._"))[: args.limit]
    failures = [(p.name, reason) for p in paths if (reason := round_trips(p)) is not None]
    for name, reason in failures:
        print(f"{name}: {reason}")
    print(f"{len(paths) - len(failures)} of {len(paths)} documents export to TimeML and read back")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
