#!/usr/bin/env python3
"""How well ``events.read`` places events in time on TimeML texts (TBAQ), by the shared
``anchorscore.py`` (date accuracy, consistency, direction accuracy against the TLINKs).

    .venv/bin/python scripts/eval_anchors.py [CORPUS_DIR] [--out system.json] [--tools ../shared/tools]
        [--mode news|narrative]

CORPUS_DIR defaults to ../shared/corpora/tbaq beside the checkout. Each ``*.tml`` file's text
(the content of <TEXT>, as te3score.py reads it) is read with its DCT as the document date, all
files through one ``Reader.read_many``; the documents' events are written as ``timeline
extract`` JSON to --out and scored by anchorscore.py.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from events import Reader  # noqa: E402
from events.convert import event_to_dict  # noqa: E402
from timeline.io.timeml import read_timeml  # noqa: E402


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
    out = [{"doc": f.stem, "events": [event_to_dict(e) for e in doc.events]} for f, doc in zip(files, read, strict=True)]
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
