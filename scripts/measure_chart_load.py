"""Time from page load to a drawn chart in Debian's chromium, for saved timelines of N items.

    .venv/bin/python scripts/measure_chart_load.py                 # 1e3 and 1e5 items
    .venv/bin/python scripts/measure_chart_load.py 1000 100000 1000000 --runs 3

For each size: make N synthetic items (1950-2020, day/month/year precision, eight kinds), write
the offline HTML (timing the Python side), open it in chromium with the network blocked, and
read ``window.timelineRenderedAt`` (``performance.now()`` when vega-embed resolved, i.e. ms
from navigation start to a drawn view). On a chart drawn as counts it then zooms in with the
mouse wheel until the page draws the items one by one, and reports the ms from that last
wheel event to the drawn view (``window.timelineZoomedAt``) and the days then in view. Prints one JSON line per size. Needs /usr/bin/chromium
and the playwright package; never downloads a browser.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import numpy as np

from timeline import calendar
from timeline.chart.data import prepare
from timeline.io.html import javascript_bundle, save_html
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

KINDS = ("Visit", "Agreement", "Aid", "Deployment", "Election", "Protest", "Attack", "Statement")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def items(n: int, seed: int = 1) -> list[Item]:
    rng = np.random.default_rng(seed)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), n).tolist()
    out = []
    for i, day in enumerate(days):
        y, m, _ = calendar.civil_from_days(day)
        lo, hi = ((day * 86_400, (day + 1) * 86_400), calendar.month_range(y, m), calendar.year_range(y))[i % 3]
        grain = (Granularity.DAY, Granularity.MONTH, Granularity.YEAR)[i % 3]
        out.append(Item(f"e{i}", Span(lo, hi, lo, hi, grain), f"event {i}", KINDS[i % 8], "occurred", f"doc{i % 100}",
                        (f"actor{i % 30}",), (), (Evidence(f"doc{i % 100}", 0, 4, "then", f"Sentence {i}."),)))
    return out


def _collector(errors: list[str]) -> Any:
    def collect(error: Any) -> None:
        errors.append(str(error))

    return collect


def _router(url: str, blocked: list[str]) -> Any:
    """A Playwright route handler: the file itself loads, every other request is aborted."""

    def route(request_route: Any) -> None:  # one parameter: Playwright passes (route) only
        if request_route.request.url == url:
            request_route.continue_()
        else:
            blocked.append(request_route.request.url)
            request_route.abort()

    return route


def _zoom(page: Any) -> dict[str, Any] | None:
    """Wheel in until the page draws single items; None for a page that draws them from the start."""
    if page.evaluate("document.getElementById('timeline-marks') === null"):
        return None
    page.wait_for_function("window.timelineMarksReady !== undefined", timeout=120_000)
    page.evaluate("() => window.addEventListener('wheel', () => { window.lastWheel = performance.now(); }, {capture: true})")
    left, top = page.evaluate("(() => { const r = document.querySelector('#vis canvas, #vis svg').getBoundingClientRect(); return [r.left, r.top]; })()")
    page.mouse.move(left + 400, top + 60)
    for _ in range(80):
        page.mouse.wheel(0, -300)
        page.wait_for_timeout(400)
        if page.evaluate("window.timelineZoomedCount || 0"):
            days = page.evaluate("(() => { const d = window.timelineView.scale('concat_0_x').domain(); return (d[1] - d[0]) / 864e5; })()")
            return {"ms": round(page.evaluate("window.timelineZoomedAt - window.lastWheel")), "days": round(days, 1),
                    "count": page.evaluate("window.timelineZoomedCount")}
    return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[1_000, 100_000])
    parser.add_argument("--runs", type=int, default=3, help="page loads per size (default: %(default)s)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    javascript_bundle()
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            str(Path(tmp) / "profile"), executable_path=args.chromium, headless=True, args=ARGS,
            viewport={"width": 1300, "height": 1000},
        )
        for n in args.sizes:
            data = items(n)
            started = time.perf_counter()
            path = save_html(data, Path(tmp) / f"t{n}.html")
            write_seconds = time.perf_counter() - started
            url = path.resolve().as_uri()
            loads: list[float] = []
            zooms: list[dict[str, Any] | None] = []
            errors: list[str] = []
            blocked: list[str] = []

            route = _router(url, blocked)

            for _ in range(args.runs):
                page = context.new_page()
                page.on("pageerror", _collector(errors))
                page.route("**/*", route)
                page.goto(url)
                page.wait_for_selector("#vis[data-rendered=true]", timeout=300_000)
                loads.append(page.evaluate("window.timelineRenderedAt"))
                zooms.append(_zoom(page))
                page.close()
            summary = prepare(data) if n <= 200_000 else None
            print(json.dumps({
                "items": n,
                "html_bytes": path.stat().st_size,
                "write_html_seconds": round(write_seconds, 2),
                "load_to_drawn_ms_median": round(statistics.median(loads)),
                "load_to_drawn_ms": [round(x) for x in loads],
                "wheel_to_single_items_ms": [z["ms"] if z else None for z in zooms],
                "days_in_view_then": [z["days"] if z else None for z in zooms],
                "single_items_then": [z["count"] if z else None for z in zooms],
                "single_items": len(summary.rows) if summary else None,
                "count_rows": len(summary.aggregates) if summary else None,
                "page_errors": errors,
                "blocked_requests": blocked,
            }), flush=True)
        context.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
