"""Charts in JupyterLab, as a person meets them, with the network off.

JupyterLab (this environment's, with its python3 kernel) is served on 127.0.0.1; a notebook
with a ``Timeline.chart(...)`` cell and a bare ``Timeline`` cell is opened in Debian's
chromium through Playwright; every request that would leave the machine is aborted and
recorded. All cells run; both charts must draw (Vega marks on the page), no request may leave,
Vega must log no warning, and the saved notebook must stay small (the JavaScript is the
widget's module, not stored per output).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
CELLS = [
    "from timeline import Timeline, calendar\n"
    "from timeline.item import Item\n"
    "from timeline.span import Granularity, Span\n"
    "def year(y):\n"
    "    a, b = calendar.year_range(y)\n"
    "    return Span(a, b, a, b, Granularity.YEAR)\n"
    "tl = Timeline([Item(f'e{y}', year(y), f'Event of {y}', ('Visit', 'Aid')[y % 2]) for y in range(1995, 2004)])",
    "tl.chart(title='A titled chart')",
    "tl",
]
MAX_NOTEBOOK_BYTES = 1_500_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _notebook(path: Path) -> None:
    cells = [{"cell_type": "code", "execution_count": None, "id": f"c{i}", "metadata": {}, "outputs": [], "source": src}
             for i, src in enumerate(CELLS)]
    path.write_text(json.dumps({
        "cells": cells, "nbformat": 4, "nbformat_minor": 5,
        "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
    }), encoding="utf-8")


@pytest.fixture(scope="module")
def lab() -> Iterator[tuple[str, Path]]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    pytest.importorskip("jupyterlab")
    pytest.importorskip("anywidget")
    pytest.importorskip("playwright")
    root = Path(tempfile.mkdtemp(prefix="timeline-lab-"))
    (root / "home").mkdir()
    _notebook(root / "charts.ipynb")
    port, token = _free_port(), secrets.token_hex(16)
    env = dict(os.environ, HOME=str(root / "home"), JUPYTER_CONFIG_DIR=str(root / "config"),
               JUPYTER_RUNTIME_DIR=str(root / "runtime"), JUPYTER_PLATFORM_DIRS="1")
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1",
         f"--ServerApp.port={port}", f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={root}",
         "--LabApp.news_url=", "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
         "--LabServerApp.extension_manager=readonly"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("JupyterLab did not start")
                time.sleep(0.5)
        yield f"{base}/lab/tree/charts.ipynb?token={token}", root / "charts.ipynb"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(root, ignore_errors=True)


def test_notebook_charts_draw_offline(lab: tuple[str, Path]) -> None:
    from playwright.sync_api import sync_playwright

    url, path = lab
    origin = url.split("/lab/", 1)[0]
    left: list[str] = []
    console: list[tuple[str, str]] = []

    def route(request_route: Any) -> None:
        if request_route.request.url.startswith(origin + "/") or request_route.request.url.startswith(("blob:", "data:")):
            request_route.continue_()
        else:
            left.append(request_route.request.url)
            request_route.abort()

    profile = tempfile.mkdtemp(prefix="timeline-chromium-")
    try:
        with sync_playwright() as pw:
            context = pw.chromium.launch_persistent_context(
                profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport={"width": 1400, "height": 1100}
            )
            try:
                context.route("**/*", route)
                page = context.new_page()
                page.on("console", lambda m: console.append((m.type, m.text)))
                page.goto(url)
                page.locator(".jp-Notebook").wait_for(timeout=90_000)
                select = page.locator(".jp-Dialog").get_by_role("button", name="Select")
                try:
                    select.wait_for(timeout=10_000)  # "Select Kernel": this environment's python3
                    select.click()
                except Exception:  # no dialog: the kernel started by itself
                    pass
                page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=90_000)
                page.get_by_role("menuitem", name="Run", exact=True).click()
                page.get_by_text("Run All Cells", exact=True).click()
                charts = page.locator(".jp-OutputArea-output .vega-embed")
                deadline = time.monotonic() + 120
                while charts.count() < 2 and time.monotonic() < deadline:
                    page.wait_for_timeout(500)
                assert charts.count() == 2, "both charts draw"
                for index in range(2):
                    chart = charts.nth(index)
                    chart.locator("svg [aria-roledescription='event'], canvas").first.wait_for(timeout=30_000)
                    assert chart.locator("svg [aria-roledescription='event'], canvas").count() >= 9  # one an item
                assert "A titled chart" in charts.nth(0).inner_text() or charts.nth(0).locator("text", has_text="A titled chart").count()
                page.screenshot(path=str(path.with_suffix(".png")))
                page.keyboard.press("Control+s")
                page.wait_for_timeout(1500)
            finally:
                context.close()
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    assert left == [], "no request leaves the machine"
    vega_warnings = [text for kind, text in console if kind in ("warning", "error") and ("WARN" in text or "vega" in text.lower())]
    assert vega_warnings == []
    saved = path.read_bytes()
    assert len(saved) < MAX_NOTEBOOK_BYTES, f"the saved notebook is {len(saved):,} bytes"
    outputs = [o for cell in json.loads(saved)["cells"] for o in cell["outputs"]]
    assert sum("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs) == 2
