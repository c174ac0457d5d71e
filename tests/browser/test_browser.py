"""The saved HTML in a real browser: Debian's chromium through Playwright, network blocked.

One browser for the module (a fresh profile); each test opens a page of a file written here.
Every request other than the file itself is aborted and recorded, and must not happen.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from timeline import calendar
from timeline.io.html import save_html
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SEED = Path(__file__).resolve().parents[2] / "events" / "data" / "examples" / "rferl-2003-03-18-central-asia.txt"
DCT = Span(*[calendar.seconds(2003, 3, 18)] * 2, *[calendar.seconds(2003, 3, 19)] * 2, Granularity.DAY, "2003-03-18")

# Scene items of the rendered view, with page coordinates (canvas or SVG alike).
FIND = """(test) => {
  const keep = new Function("m", "return " + test);
  const view = window.timelineView, pad = view.padding(), origin = [view.origin()[0] + (pad.left || 0), view.origin()[1] + (pad.top || 0)];
  const box = view.container().querySelector("svg, canvas").getBoundingClientRect();
  const out = [];
  (function walk(mark, dx, dy) {
    if (mark.marktype === "group") {
      for (const g of mark.items) for (const m of (g.items || [])) walk(m, dx + (g.x || 0), dy + (g.y || 0));
      return;
    }
    if (keep(mark)) for (const d of mark.items) {
      const w = d.width || 0, h = d.height || 0;
      const datum = {};  // dates as numbers: Playwright cannot bring BCE Date objects back
      for (const [k, v] of Object.entries(d.datum || {})) datum[k] = v instanceof Date ? +v : v;
      out.push({x: box.left + origin[0] + dx + d.x + w / 2, y: box.top + origin[1] + dy + d.y + h / 2,
                datum: datum, description: d.description || null});
    }
  })(view.scenegraph().root, 0, 0);
  return out;
}"""
EVENTS = "m.items.length > 0 && m.items[0].ariaRoleDescription === 'event'"


def _playwright() -> Any:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    return sync_playwright


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    sync_playwright = _playwright()
    profile = tempfile.mkdtemp(prefix="timeline-chromium-")
    with sync_playwright() as pw:
        context = pw.chromium.launch_persistent_context(
            profile, executable_path=str(CHROMIUM), headless=True, args=ARGS, viewport={"width": 1300, "height": 1000}
        )
        try:
            yield context
        finally:
            context.close()
            shutil.rmtree(profile, ignore_errors=True)


class Page:
    """An opened file: the Playwright page and what happened while it ran."""

    def __init__(self, context: Any, path: Path) -> None:
        self.url = path.resolve().as_uri()
        self.page = context.new_page()
        self.errors: list[str] = []
        self.warnings: list[str] = []
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.route("**/*", self._route)
        self.page.goto(self.url)
        self.page.wait_for_selector("#vis[data-rendered=true]", timeout=30_000)

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)
        elif message.type == "warning":
            self.warnings.append(message.text)

    def _route(self, route: Any) -> None:
        if route.request.url == self.url:
            route.continue_()
        else:
            self.requests.append(route.request.url)
            route.abort()

    def find(self, test: str = EVENTS) -> list[dict[str, Any]]:
        return list(self.page.evaluate(FIND, test))

    def x_domain(self) -> list[float]:
        return list(self.page.evaluate("() => window.timelineView.scale('concat_0_x').domain().map(Number)"))

    def close(self) -> None:
        self.page.close()


def seed_document() -> Any:
    """The bundled seed article, read by ``events.read`` (what ``make demo`` draws)."""
    events = pytest.importorskip("events")
    return events.read(SEED.read_text(encoding="utf-8"), doc_id=SEED.stem)


@pytest.fixture(scope="module")
def seed_document_and_file(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, Path]:
    document = seed_document()
    path = tmp_path_factory.mktemp("seed") / "seed.html"
    document.timeline.save(path)  # the saved seed HTML, as `make demo` writes it
    return document, path


@pytest.fixture
def seed(browser: Any, seed_document_and_file: tuple[Any, Path]) -> Iterator[Page]:
    page = Page(browser, seed_document_and_file[1])
    yield page
    page.close()


@pytest.fixture
def document(seed_document_and_file: tuple[Any, Path]) -> Any:
    return seed_document_and_file[0]


def _one(document: Any, kind: str, timex: str) -> Any:
    (event,) = [e for e in document.timeline if e.kind == kind and e.time.timex == timex]
    return event


def test_renders_offline_without_errors(seed: Page, document: Any) -> None:
    assert seed.errors == []
    assert seed.warnings == []
    assert seed.requests == []
    assert seed.page.locator("table.events tbody tr").count() == len(document.events)


def test_one_mark_per_event(seed: Page, document: Any) -> None:
    marks = seed.find()
    assert len(marks) == len(document.events)
    assert {m["datum"]["id"] for m in marks} == {e.id for e in document.events}


def test_hover_shows_the_sentence(seed: Page, document: Any) -> None:
    putin = _one(document, "Visit", "2003-04")
    target = next(m for m in seed.find() if m["datum"]["id"] == putin.id)
    seed.page.mouse.move(target["x"], target["y"])
    tooltip = seed.page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5000)
    text = tooltip.inner_text()
    assert "Putin will pay a visit to Dushanbe next month" in text
    assert "next month" in text
    assert "April 2003" in text  # in words, not the TIMEX3 value


def test_legend_click_hides_the_other_kinds(seed: Page, document: Any) -> None:
    entries = seed.find("/color_legend_symbols$/.test(m.name || '')")
    visit = next(e for e in entries if e["datum"]["value"] == "Visit")
    seed.page.mouse.click(visit["x"], visit["y"])
    seed.page.wait_for_timeout(300)
    kinds = [m["datum"]["kind"] for m in seed.find()]
    visits = sum(e.kind == "Visit" for e in document.events)
    assert visits >= 3
    assert kinds == ["Visit"] * visits


def test_wheel_zoom_changes_the_x_domain(seed: Page, document: Any) -> None:
    before = seed.x_domain()
    ratification = _one(document, "Ratification", "2001")
    target = next(m for m in seed.find() if m["datum"]["id"] == ratification.id)
    seed.page.mouse.move(target["x"], target["y"])
    seed.page.mouse.wheel(0, -400)
    seed.page.wait_for_timeout(300)
    after = seed.x_domain()
    assert after[1] - after[0] < (before[1] - before[0]) * 0.9
    assert before[0] < after[0] < after[1] < before[1]


def test_overview_brush_narrows_the_detail(seed: Page) -> None:
    before = seed.x_domain()
    (background,) = seed.find("/^brush_\\d+_brush_bg$/.test(m.name || '')")
    ticks = sorted(seed.find("m.items.length > 0 && m.items[0].ariaRoleDescription === 'tick'"), key=lambda m: m["x"])
    y = background["y"] + 25
    start, end = ticks[0]["x"] - 4, ticks[len(ticks) // 2]["x"]
    seed.page.mouse.move(start, y)
    seed.page.mouse.down()
    seed.page.mouse.move(end, y, steps=6)
    seed.page.mouse.up()
    seed.page.wait_for_timeout(300)
    after = seed.x_domain()
    assert after[1] - after[0] < (before[1] - before[0]) * 0.8
    brushed = seed.page.evaluate("() => Object.values(window.timelineView.getState().signals).length > 0")
    assert brushed


def test_hostile_text_renders_as_text(browser: Any, tmp_path: Path) -> None:
    hostile = ["<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>"]
    items = [
        Item(f"x{i}", Span(*calendar.year_range(2000 + i)[:1], *calendar.year_range(2000 + i)[:1], *calendar.year_range(2000 + i)[1:], *calendar.year_range(2000 + i)[1:]),
             text, text, "occurred", text, (text,), (text,), (Evidence(text, 0, 1, text, text),))
        for i, text in enumerate(hostile)
    ]
    page = Page(browser, save_html(items, tmp_path / "x.html", title=hostile[1]))
    try:
        marks = page.find()
        assert len(marks) == 2
        page.page.mouse.move(marks[0]["x"], marks[0]["y"])
        tooltip = page.page.locator("#vg-tooltip-element")
        tooltip.wait_for(state="visible", timeout=5000)
        assert hostile[0] in tooltip.inner_text() or hostile[1] in tooltip.inner_text()
        assert tooltip.locator("img").count() == 0
        cells = page.page.locator("table.events td.label").all_inner_texts()
        assert sorted(cells) == sorted(hostile)
        assert page.page.locator("main img").count() == 0
        page.page.wait_for_timeout(300)
        assert page.dialogs == []
        assert page.errors == []
        assert page.requests == []
        assert page.page.title() == hostile[1]
    finally:
        page.close()


def test_bce_dates_draw(browser: Any, tmp_path: Path) -> None:
    def year(y: int, label: str) -> Item:
        a, b = calendar.year_range(y)
        return Item(label, Span(a, b, a, b, Granularity.YEAR), label, "History")

    items = [year(-489, "Marathon"), year(-43, "Caesar"), year(476, "Rome"), year(2003, "Report")]
    page = Page(browser, save_html(items, tmp_path / "bc.html"))
    try:
        marks = {m["datum"]["id"]: m["x"] for m in page.find()}
        assert set(marks) == {"Marathon", "Caesar", "Rome", "Report"}
        assert marks["Marathon"] < marks["Caesar"] < marks["Rome"] < marks["Report"]
        texts = page.page.evaluate(
            "() => { const out = []; (function walk(m) { if (m.marktype === 'group') { for (const g of m.items) for (const c of (g.items || [])) walk(c); return; }"
            " if (m.role === 'axis-label') for (const d of m.items) out.push(d.text); })(window.timelineView.scenegraph().root); return out; }"
        )
        assert any(str(t).endswith(" BC") for t in texts)
        assert page.errors == []
    finally:
        page.close()


def test_large_timeline_draws_counts(browser: Any, tmp_path: Path) -> None:
    import numpy as np

    rng = np.random.default_rng(3)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), 6_000).tolist()
    items = [Item(f"e{i}", Span(d * 86_400, (d + 1) * 86_400, d * 86_400, (d + 1) * 86_400, Granularity.DAY),
                  f"event {i}", ("Visit", "Aid", "Protest")[i % 3]) for i, d in enumerate(days)]
    path = save_html(items, tmp_path / "big.html", max_marks=1000, dct=DCT)
    assert '"renderer":"canvas"' in path.read_text(encoding="utf-8")
    page = Page(browser, path)
    try:
        assert page.find() == []  # counts for the whole chart, no single items beside them
        counts = page.find("m.marktype === 'rect' && m.items.length > 0 && m.items[0].datum && m.items[0].datum.n !== undefined && m.items[0].datum.level !== undefined && (m.name || '').indexOf('concat_0') === 0")
        levels = {c["datum"]["level"] for c in counts}
        assert levels == {0}  # the coarsest level at full view
        assert sum(c["datum"]["n"] for c in counts) == 6_000
        assert page.errors == []
    finally:
        page.close()


# Text marks of the detail view with their boxes (Vega's bounds, in the plot's coordinates).
TEXT_BOXES = """() => {
  const root = window.timelineView.scenegraph().root;
  const out = [];
  let plot = null;
  (function walk(mark, inDetail) {
    if (mark.marktype === "group") {
      for (const g of mark.items) {
        const detail = inDetail || (mark.name || "") === "concat_0_group";
        if ((mark.name || "") === "concat_0_group") plot = {width: g.width, height: g.height};
        for (const m of (g.items || [])) walk(m, detail);
      }
      return;
    }
    if (inDetail && mark.marktype === "text" && mark.role === "mark")
      for (const d of mark.items) if (d.text && d.bounds && !d.bounds.empty())
        out.push({text: String(d.text), x1: d.bounds.x1, x2: d.bounds.x2, y1: d.bounds.y1, y2: d.bounds.y2});
  })(root, false);
  return {plot: plot, boxes: out};
}"""


def test_no_label_is_clipped(seed: Page) -> None:
    """Every text mark of the detail view lies inside the plot's box (labels near the right
    edge go left of their marker)."""
    found = seed.page.evaluate(TEXT_BOXES)
    plot, boxes = found["plot"], found["boxes"]
    assert plot
    assert len(boxes) >= 5
    outside = [b for b in boxes if b["x1"] < -0.5 or b["x2"] > plot["width"] + 0.5 or b["y1"] < -0.5 or b["y2"] > plot["height"] + 0.5]
    assert outside == []


def test_hovering_a_label_shows_its_tooltip(seed: Page, document: Any) -> None:
    labels = seed.find("m.items.length > 0 && m.items[0].ariaRoleDescription === 'event label'")
    assert len(labels) == len(document.events)
    putin = _one(document, "Visit", "2003-04")
    target = next(m for m in labels if m["datum"]["id"] == putin.id)
    seed.page.mouse.move(target["x"], target["y"])
    tooltip = seed.page.locator("#vg-tooltip-element")
    tooltip.wait_for(state="visible", timeout=5000)
    assert putin.label in tooltip.inner_text()


def test_legend_click_filters_the_table(seed: Page, document: Any) -> None:
    entries = seed.find("/color_legend_symbols$/.test(m.name || '')")
    visit = next(e for e in entries if e["datum"]["value"] == "Visit")
    seed.page.mouse.click(visit["x"], visit["y"])
    seed.page.wait_for_timeout(300)
    rows = seed.page.locator("table.events tbody tr:not([hidden])")
    visits = sum(e.kind == "Visit" for e in document.events)
    assert rows.count() == visits
    assert set(rows.locator("td.kind").all_inner_texts()) == {"Visit"}
    ticks = seed.find("m.items.length > 0 && m.items[0].ariaRoleDescription === 'tick'")
    assert {t["datum"]["kind"] for t in ticks} == {"Visit"}  # the overview too


def test_hundred_thousand_items_draw_offline_without_warnings(browser: Any, tmp_path: Path) -> None:
    import numpy as np

    rng = np.random.default_rng(5)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), 100_000).tolist()
    items = [Item(f"e{i}", Span(d * 86_400, (d + 1) * 86_400, d * 86_400, (d + 1) * 86_400, Granularity.DAY),
                  f"event {i}", ("Visit", "Aid", "Protest", "Attack")[i % 4]) for i, d in enumerate(days)]
    path = save_html(items, tmp_path / "big.html", dct=DCT)
    assert path.stat().st_size < 10_000_000
    page = Page(browser, path)
    try:
        assert page.find() == []  # drawn as counts
        assert page.errors == []
        assert page.warnings == []
        assert page.requests == []
    finally:
        page.close()


AXIS_LABELS = """() => { const out = []; (function walk(m) { if (m.marktype === 'group') { for (const g of m.items) for (const c of (g.items || [])) walk(c); return; }
  if (m.role === 'axis-label') for (const d of m.items) if (d.text) out.push({text: String(d.text), y: d.y}); })(window.timelineView.scenegraph().root); return out; }"""


def test_legend_click_hides_the_emptied_lanes(seed: Page, document: Any) -> None:
    """A lane left with no marks takes no room: the kept lane moves to the top, its name with
    it, and the other lanes' names are gone; the overview follows."""
    def lane_names() -> list[str]:
        kinds = {e.kind for e in document.events}
        return [label["text"] for label in seed.page.evaluate(AXIS_LABELS) if label["text"] in kinds]

    before = lane_names()
    assert len(before) >= 5
    assert before[0] != "Visit"
    visits_before = sorted(m["y"] for m in seed.find() if m["datum"]["kind"] == "Visit")
    ticks_before = sorted(t["y"] for t in seed.find("m.items.length > 0 && m.items[0].ariaRoleDescription === 'tick'") if t["datum"]["kind"] == "Visit")
    entries = seed.find("/color_legend_symbols$/.test(m.name || '')")
    visit = next(e for e in entries if e["datum"]["value"] == "Visit")
    seed.page.mouse.click(visit["x"], visit["y"])
    seed.page.wait_for_timeout(300)
    assert lane_names() == ["Visit"]
    visits_after = sorted(m["y"] for m in seed.find())
    assert len(visits_after) == len(visits_before)
    assert visits_after[0] < visits_before[0] - 20  # moved up into the room of the hidden lanes
    ticks_after = sorted(t["y"] for t in seed.find("m.items.length > 0 && m.items[0].ariaRoleDescription === 'tick'"))
    assert ticks_after[0] < ticks_before[0]
    assert seed.errors == []
    assert seed.warnings == []


def test_zooming_in_draws_the_counted_items_one_by_one(browser: Any, tmp_path: Path) -> None:
    """A chart drawn as counts draws its items one by one once the view holds few enough of
    them (the page unpacks them from the file), and the counts make way."""
    import numpy as np

    rng = np.random.default_rng(4)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), 20_000).tolist()
    items = [Item(f"e{i}", Span(d * 86_400, (d + 1) * 86_400, d * 86_400, (d + 1) * 86_400, Granularity.DAY),
                  f"event {i}", ("Visit", "Aid", "Protest")[i % 3]) for i, d in enumerate(days)]
    page = Page(browser, save_html(items, tmp_path / "zoom.html", max_marks=500))
    try:
        assert page.find() == []
        page.page.wait_for_function("window.timelineMarksReady !== undefined", timeout=30_000)
        box = page.page.evaluate("() => { const r = document.querySelector('#vis canvas, #vis svg').getBoundingClientRect(); return [r.left, r.top]; }")
        page.page.mouse.move(box[0] + 400, box[1] + 60)
        for _ in range(40):
            page.page.mouse.wheel(0, -400)
            page.page.wait_for_timeout(150)
            if page.page.evaluate("window.timelineZoomedCount || 0"):
                break
        page.page.wait_for_timeout(300)
        singles = page.find()
        assert 0 < len(singles) <= 500
        lo, hi = page.x_domain()
        assert all(lo - 86_400_000 <= m["datum"]["mid"] <= hi + 86_400_000 for m in singles)
        assert {m["datum"]["kind"] for m in singles} <= {"Visit", "Aid", "Protest"}
        counts = page.find("m.marktype === 'rect' && m.items.length > 0 && m.items[0].datum && m.items[0].datum.n !== undefined && (m.name || '').indexOf('concat_0') === 0")
        assert counts == []
        assert page.errors == []
        assert page.warnings == []
    finally:
        page.close()
