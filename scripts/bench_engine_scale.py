"""How the columnar timeline grows from 10^4 to 10^7 rows: build from Parquet, queries, peak memory.

    .venv/bin/python scripts/bench_engine_scale.py [--sizes 10000,100000,1000000,10000000] [--folder DIR]

For each size, a fresh process writes n rows (a start day over 120 years, an end up to 400
days later, a kind: as ``tests/bench/test_bench_engine.py``) to a Parquet file in ``--folder``
(a temporary folder by default), then, in another fresh process, reads it with
``Timeline.from_parquet`` and asks a 30-day window (``overlapping``), ``before``/``after`` a
month and ``between``/``within`` a month and the month a year later (medians of 50 asks,
answers counted, not read). It prints one line per size and the peak resident memory of
the reading process (``ru_maxrss``: the Parquet data and the timeline together).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DAY = 86_400


def write(n: int, path: Path) -> None:
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(1)
    epoch = np.datetime64("1900-01-01", "s")
    start = epoch + (rng.integers(0, 120 * 365, n) * DAY).astype("timedelta64[s]")
    end = start + (rng.integers(0, 401, n) * DAY).astype("timedelta64[s]")
    kinds = np.array(["protest", "attack", "talks", "visit"])[rng.integers(0, 4, n)]
    pd.DataFrame({"id": [f"e{k}" for k in range(n)], "start": start, "end": end, "kind": kinds}).to_parquet(path, index=False)


def measure(path: Path) -> dict[str, float]:
    import numpy as np

    from timeline import Timeline

    began = time.perf_counter()
    tl = Timeline.from_parquet(path)
    out: dict[str, float] = {"rows": len(tl), "from_parquet_s": time.perf_counter() - began}
    rng = np.random.default_rng(2)
    base = int(np.datetime64("1900-01-01", "s").astype(np.int64))
    windows = [(s, s + 30 * DAY) for s in (base + rng.integers(0, 120 * 365, 50) * DAY).tolist()]
    months = [(f"{y}-{m:02d}", f"{y + 1}-{m:02d}") for y, m in zip(rng.integers(1900, 2019, 50).tolist(), rng.integers(1, 13, 50).tolist(), strict=True)]
    asks = {
        "window": [lambda w=w: tl.overlapping(w) for w in windows],
        "before": [lambda a=a: tl.before(a) for a, _ in months],
        "after": [lambda a=a: tl.after(a) for a, _ in months],
        "between": [lambda a=a, b=b: tl.between(a, b) for a, b in months],
        "within": [lambda a=a, b=b: tl.within(a, b) for a, b in months],
    }
    for name, calls in asks.items():
        calls[0]()  # sorted orders are made on first use
        times, answers = [], []
        for call in calls:
            t = time.perf_counter()
            answers.append(len(call()))
            times.append(time.perf_counter() - t)
        out[f"{name}_ms"] = statistics.median(times) * 1000
        out[f"{name}_answers"] = statistics.mean(answers)
    out["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000,1000000,10000000")
    parser.add_argument("--folder", type=Path, default=None)
    parser.add_argument("--write", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--to", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.write:
        write(args.write, args.to)
        return
    if args.measure:
        print(json.dumps(measure(args.measure)))
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.folder or Path(scratch)
        columns = ("rows", "from_parquet_s", "peak_rss_mb", "window_ms", "window_answers", "before_ms", "after_ms", "between_ms", "between_answers", "within_ms", "within_answers")
        print("\t".join(columns))
        for n in (int(s) for s in args.sizes.split(",")):
            path = folder / f"rows-{n}.parquet"
            if not path.exists():
                subprocess.run([sys.executable, __file__, "--write", str(n), "--to", str(path)], check=True)
            result = subprocess.run([sys.executable, __file__, "--measure", str(path)], check=True, capture_output=True, text=True)
            values = json.loads(result.stdout)
            print("\t".join(f"{values[c]:.4g}" for c in columns), flush=True)


if __name__ == "__main__":
    main()
