#!/usr/bin/env python3
"""How narrowly ``events.read(..., mode="narrative")`` dates the events of histories (WikiWars).

    .venv/bin/python scripts/eval_narrative.py [CORPUS_DIR] [--mode narrative|news]

CORPUS_DIR defaults to ../shared/corpora/wikiwars/timeml. For each ``*.tml`` file's text (read
with no document date, as a history has none), prints the events read and the share whose time
has both bounds and spans less than ten years; then the share over all files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events import Reader  # noqa: E402
from timeline.io.timeml import read_timeml  # noqa: E402

TEN_YEARS = 10 * 366 * 86_400


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "wikiwars" / "timeml"))
    ap.add_argument("--mode", default="narrative", choices=("news", "narrative"))
    a = ap.parse_args(argv)
    files = sorted(Path(a.corpus).rglob("*.tml"))
    if not files:
        print(f"eval_narrative: no *.tml files under {a.corpus}", file=sys.stderr)
        return 2
    reader = Reader(mode=a.mode)
    total = narrow = 0
    docs = [read_timeml(f) for f in files]
    for f, doc in zip(files, reader.read_many([d.text for d in docs]), strict=True):
        n = len(doc.events)
        k = sum(1 for e in doc.events if e.time.earliest_start is not None and e.time.latest_end is not None
                and e.time.latest_end - e.time.earliest_start < TEN_YEARS)  # fmt: skip
        total, narrow = total + n, narrow + k
        print(f"{f.stem:<24} {n:>5} events, {k / n if n else 0:.2f} narrower than ten years")
    print(f"all {len(files)} files: {total} events, {narrow / total if total else 0:.3f} narrower than ten years")
    return 0


if __name__ == "__main__":
    sys.exit(main())
