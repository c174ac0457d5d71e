"""The ``timeline`` command: a shell over ``timeline`` and ``events``.

Each subcommand lives in its own module under ``timeline.commands`` and exposes
``register(subparsers)``, which adds its parser with ``set_defaults(run=function)``; the
function takes the parsed arguments and returns the exit code. This module finds them, so a
new subcommand is a new module. Subcommands that read text are the only place under
``timeline`` that may import ``events``, and only inside their ``run`` function.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from timeline import __version__, commands

__all__ = ["build_parser", "main"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Typed events with uncertain times from text, on timelines and charts.",
        epilog="Example: timeline demo    (writes the seed article's timeline as offline HTML)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        if not info.name.startswith("_"):
            importlib.import_module(f"{commands.__name__}.{info.name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    run = getattr(args, "run", None)
    if run is None:
        parser.print_help()
        return 0
    try:
        return int(run(args))
    except BrokenPipeError:  # `timeline tag x | head`
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
