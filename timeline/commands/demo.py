"""``timeline demo``: the main job on the bundled seed article, no arguments, no network.

Besides the seed's offline page it writes a gallery of PNGs beside it (``gallery/``), so a
person can look at how the charts read: the seed, 3,000 and 100,000 generated items, a BCE
history and the seed's events in actor lanes.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np

from timeline import calendar
from timeline.item import Item
from timeline.span import Granularity, Span

__all__ = [
    "GENERATED_KINDS",
    "HISTORY",
    "SEED",
    "gallery",
    "generated",
    "history",
    "register",
    "run",
    "seed_text",
]

SEED = "rferl-2003-03-18-central-asia.txt"
GENERATED_KINDS = ("Visit", "Agreement", "Aid", "Deployment", "Election", "Protest", "Attack", "Statement")
# A BCE history for the gallery: (label, kind, first year, last year), astronomical years.
HISTORY = (
    ("Battle of Marathon", "Battle", -489, -489),
    ("Peloponnesian War", "War", -430, -403),
    ("Alexander's campaigns", "War", -333, -322),
    ("Punic Wars", "War", -263, -145),
    ("Caesar crosses the Rubicon", "Politics", -48, -48),
    ("Reign of Augustus", "Politics", -26, 14),
    ("Eruption of Vesuvius", "Disaster", 79, 79),
)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "demo",
        help="read the bundled seed article and write its timeline as offline HTML, and a gallery",
        description="Read the bundled RFE/RL report of 18 March 2003, extract its typed events "
        "with their uncertain times, and write an interactive timeline that opens offline, with "
        "a gallery of PNG charts beside it.",
        epilog="Example: timeline demo -o out/seed.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("-o", "--output", default=f"out/{Path(SEED).stem}.html", help="where to write the HTML (default: %(default)s)")
    parser.add_argument("--no-gallery", action="store_true", help="write the page only, no PNG gallery")
    parser.set_defaults(run=run)


def seed_text() -> str:
    """The bundled seed article."""
    return resources.files("events").joinpath("data", "examples", SEED).read_text(encoding="utf-8")


def generated(n: int, seed: int = 1) -> list[Item]:
    """``n`` synthetic items, 1950-2020, at day, month and year precision, eight kinds."""
    rng = np.random.default_rng(seed)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), n).tolist()
    out = []
    for i, day in enumerate(days):
        y, m, _ = calendar.civil_from_days(day)
        lo, hi = ((day * 86_400, (day + 1) * 86_400), calendar.month_range(y, m), calendar.year_range(y))[i % 3]
        grain = (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)[i % 3]
        out.append(Item(f"e{i}", Span(lo, hi, lo, hi, grain), f"event {i}", GENERATED_KINDS[i % 8]))
    return out


def history() -> list[Item]:
    """A short BCE history (years before AD 1 draw on the historical year axis)."""
    items = []
    for label, kind, first, last in HISTORY:
        lo, hi = calendar.year_range(first)[0], calendar.year_range(last)[1]
        items.append(Item(label.lower().replace(" ", "-"), Span(lo, hi, lo, hi, Granularity.YEAR), label, kind))
    return items


def gallery(timeline: Any) -> Iterator[tuple[str, Any, dict[str, Any]]]:
    """(file name, items, chart options) of each gallery picture."""
    yield "seed.png", timeline, {"title": "RFE/RL, 18 March 2003"}
    yield "generated-3000.png", generated(3_000), {"title": "3,000 generated items"}
    yield "generated-100000.png", generated(100_000), {"title": "100,000 generated items"}
    yield "bce-history.png", history(), {"title": "Greece and Rome"}
    yield "seed-actor-lanes.png", timeline, {"title": "RFE/RL, 18 March 2003, by actor", "lanes": "actor"}


def run(args: argparse.Namespace) -> int:
    import events
    from timeline.io.export import save

    document = events.read(seed_text(), doc_id=Path(SEED).stem)
    output = Path(args.output)
    output.parent.mkdir(parents=True, exist_ok=True)
    document.timeline.save(output)
    print(f"Read {len(document.events)} events and {len(document.timexes)} time expressions "
          f"from the seed article (document date {document.dct.timex if document.dct else 'unknown'}).")
    print(f"Wrote the offline timeline to {output.resolve()}")
    if not args.no_gallery:
        folder = output.parent / "gallery"
        folder.mkdir(exist_ok=True)
        for name, items, options in gallery(document.timeline):
            save(items, folder / name, scale=1.5, **options)
        print(f"Wrote a gallery of {len(list(folder.glob('*.png')))} charts to {folder.resolve()}")
    return 0
