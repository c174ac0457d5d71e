#!/usr/bin/env python3
"""How well ``events.read`` places events in time on TimeML texts (TBAQ), by the shared
``anchorscore.py`` (date accuracy, consistency, direction accuracy against the TLINKs).

    .venv/bin/python scripts/eval_anchors.py [CORPUS_DIR] [--out system.json] [--tools ../shared/tools]
        [--mode news|narrative]

CORPUS_DIR defaults to ../shared/corpora/tbaq beside the checkout. Each ``*.tml`` file's text
(the content of <TEXT>, as te3score.py reads it) is read with its DCT as the document date, all
files through one ``Reader.read_many``; the documents' events are written as ``timeline
extract`` JSON to --out and scored by anchorscore.py.

Ends are written for the scorer as the last second they include. The project writes ends
exclusive (March 2003 ends "2003-04-01T00:00:00"), but anchorscore.py reads a bound as the day it
names: its README asks for ISO instants, its selftest writes an end as "...T23:59:59", and it
takes a next midnight back to the day before only when the span also has a start. An event dated
only "before the report" (PAST_REF, no start) would otherwise end on the day after the report and
fail every BEFORE direction. ``--out`` is thus scorer input, not ``timeline extract`` output.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events import Reader  # noqa: E402
from events.convert import event_to_dict  # noqa: E402
from timeline.convert import instant, instant_text  # noqa: E402
from timeline.io.timeml import read_timeml  # noqa: E402

END_BOUNDS = ("latest_end",)


def scorer_event(event: dict[str, Any]) -> dict[str, Any]:
    """An event's JSON with each end as the last second it includes, as anchorscore.py reads ends."""
    time = dict(event.get("time") or {})
    for bound in END_BOUNDS:
        value = instant(time.get(bound), bound)
        if value is not None:
            time[bound] = instant_text(value - 1)
    return {**event, "time": time}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared" / "corpora" / "tbaq"))
    ap.add_argument("--out", default=str(Path(tempfile.gettempdir()) / "anchors_system.json"))
    ap.add_argument("--tools", default=str(ROOT.parent / "shared" / "tools"))
    ap.add_argument("--mode", default="news", choices=("news", "narrative"))
    a = ap.parse_args(argv)
    files = sorted(Path(a.corpus).rglob("*.tml"))
    if not files:
        print(f"eval_anchors: no *.tml files under {a.corpus}", file=sys.stderr)
        return 2
    docs = [read_timeml(f) for f in files]
    started = time.perf_counter()
    reader = Reader(mode=a.mode)
    read = list(reader.read_many([d.text for d in docs], [d.dct for d in docs], [f.stem for f in files]))
    elapsed = time.perf_counter() - started
    out = [{"doc": f.stem, "events": [scorer_event(event_to_dict(e)) for e in doc.events]} for f, doc in zip(files, read, strict=True)]
    Path(a.out).write_text(json.dumps(out), encoding="utf-8")
    n_events = sum(len(d["events"]) for d in out)
    print(f"{len(files)} files, {sum(len(d.text) for d in docs)} characters, {n_events} events read in {elapsed:.1f} s; system in {a.out}")
    scorer = Path(a.tools) / "anchorscore.py"
    if not scorer.exists():
        print(f"eval_anchors: {scorer} not found: give --tools", file=sys.stderr)
        return 2
    return subprocess.run([sys.executable, str(scorer), a.corpus, a.out], check=False).returncode


if __name__ == "__main__":
    sys.exit(main())
