"""Offline HTML: a timeline chart in one self-contained file, with a table of its events.

``save_html(items, "x.html")`` writes a page that opens with no network: the JavaScript of
Vega, Vega-Lite and vega-embed is inlined (vl-convert's bundle), there is no CDN, no web font
and a Content-Security-Policy that forbids every request. Below the chart, a plain ``<table>``
lists the events (escaped text, readable without JavaScript and by screen readers); the
chart's legend filters it. Above ``CANVAS_THRESHOLD`` marks the chart draws on a canvas, which
stays fast where SVG slows down. The page's own script and style are package data
(``timeline/io/data/page.js``, ``page.css``); what links the chart's brush, zoom and legend
comes from the spec's ``usermeta`` (see ``timeline.io.embed``).

The spec goes in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
written as JSON escapes, so no text in an event ("</script>", "<!--") can end the element.
"""

from __future__ import annotations

import functools
import html
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import altair as alt
import attrs
import vl_convert

from timeline.chart.axis import period_text
from timeline.chart.data import ChartData, prepare
from timeline.chart.embed import embed_options, singles_meta, usermeta
from timeline.chart.options import ChartOptions, renderer_for
from timeline.chart.packed import pack
from timeline.chart.rows import clean_strings
from timeline.chart.spec import chart_from_data

__all__ = [
    "CONTENT_SECURITY_POLICY",
    "MAX_PAGE_BYTES",
    "TABLE_COLUMNS",
    "events_table",
    "html_document",
    "html_page",
    "javascript_bundle",
    "page_asset",
    "save_html",
    "script_json",
    "summary",
]

# Everything a page may load: nothing. Inline scripts and styles, data: and blob: images
# (vega-embed's PNG export), and 'unsafe-eval' because Vega compiles its expressions.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"
)
MAX_PAGE_BYTES = 9_500_000
"""A page stays under 10 MB: a chart's packed marks leave out their labels, or are left out, to fit."""
TABLE_COLUMNS = (
    ("norm", "When"),
    ("when", "When (as written)"),
    ("label", "Event"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("lane", "Lane"),
    ("actors", "Actors"),
    ("places", "Places"),
    ("quantity", "Quantity"),
    ("sentence", "Sentence"),
    ("doc", "Document"),
)
_DATA = resources.files("timeline.io").joinpath("data")


@functools.cache
def page_asset(name: str) -> str:
    """A file of the page's own script or style (``page.js``, ``page.css``)."""
    return _DATA.joinpath(name).read_text(encoding="utf-8")


@functools.cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (vl-convert's bundle; built once a process)."""
    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]  # (the stub omits the defaults)
    # The bundle is a classic script: wrap it so its top-level names stay local and keep no
    # "</script" inside.
    return "(function () {\n" + bundle.replace("</script", "<\\/script") + "\n})();"


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and U+2028/9 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _embed_script(target: str, spec_id: str, spec: Mapping[str, Any], renderer: str, singles: Mapping[str, Any] | None = None) -> str:
    """The inline script that draws ``spec`` (read from the element ``spec_id``) into ``target``;
    ``singles``: the packed marks' header and element id, for a chart drawn as counts."""
    options = embed_options(spec, renderer)
    filters = usermeta(spec)["filters"]
    found = singles_meta(spec)
    zoomed = [{**found[0], **singles}] if found and singles else []
    return (
        f"window.timelineEmbed(document.getElementById({json.dumps(target)}), "
        f"JSON.parse(document.getElementById({json.dumps(spec_id)}).textContent), "
        f"{script_json(options)}, {script_json(filters)}, {script_json(zoomed)});"
    )


def events_table(rows: Sequence[Mapping[str, Any]], *, total: int | None = None) -> str:
    """An HTML table of chart rows (``ChartData.table``), every value escaped."""
    total = len(rows) if total is None else total
    caption = f"{total:,} event{'s' if total != 1 else ''}"
    if total > len(rows):
        caption += f" (the first {len(rows):,} in time order)"
    head = "".join(f'<th scope="col">{html.escape(title)}</th>' for _, title in TABLE_COLUMNS)
    body = []
    for row in rows:
        cells = "".join(
            f'<td class="{field}">{html.escape(str(row.get(field) or ""))}</td>' for field, _ in TABLE_COLUMNS
        )
        body.append(f'<tr data-color="{html.escape(str(row.get("color") or ""))}">{cells}</tr>')
    return (
        f'<table class="events">\n<caption>{html.escape(caption)}</caption>\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(body) + "\n</tbody>\n</table>"
    )


def html_page(
    spec: Mapping[str, Any],
    *,
    title: str = "Timeline",
    summary: str = "",
    table: str = "",
    renderer: str = "svg",
    packed: tuple[Mapping[str, Any], str] | None = None,
) -> str:
    """A self-contained page: the chart of a Vega-Lite ``spec``, then ``table`` (trusted HTML);
    ``packed``: the header and text of a chart's packed marks (``timeline.chart.packed``)."""
    singles = None if packed is None else {"header": packed[0], "element": "timeline-marks"}
    marks = "" if packed is None else f'<script type="text/plain" id="timeline-marks">{packed[1]}</script>\n'
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>{html.escape(title)}</title>
<style>{page_asset("page.css")}</style>
</head>
<body>
<main>
<h1>{html.escape(title)}</h1>
{f'<p class="summary">{html.escape(summary)}</p>' if summary else ""}
<div id="vis" role="figure" aria-label="{html.escape(title)}: interactive chart; the same events are listed in the table below"></div>
<noscript><p>The interactive chart needs JavaScript. Every event is listed in the table below.</p></noscript>
{table}
</main>
<script type="application/json" id="timeline-spec">{script_json(spec)}</script>
{marks}<script>{javascript_bundle()}</script>
<script>{page_asset("page.js")}</script>
<script>{_embed_script("vis", "timeline-spec", spec, renderer, singles)}</script>
</body>
</html>
"""


def _count_marks(spec: Mapping[str, Any]) -> int:
    """Rough count of data rows in a spec (inline values and named datasets)."""
    total = sum(len(v) for v in spec.get("datasets", {}).values() if isinstance(v, list))

    def walk(node: object) -> int:
        if isinstance(node, Mapping):
            values = node.get("values") if isinstance(node.get("values"), list) else None
            return (len(values) if values else 0) + sum(walk(v) for k, v in node.items() if k != "values")
        if isinstance(node, list):
            return sum(walk(v) for v in node)
        return 0

    return total + walk({k: v for k, v in spec.items() if k != "datasets"})


def summary(data: ChartData) -> str:
    """The sentence above the chart: how many items, from when to when, how they are drawn."""
    text = f"{data.n_items:,} item{'s' if data.n_items != 1 else ''}"
    if data.data_span is not None:
        text += f", {period_text(*data.data_span)}"
    if data.aggregated:
        text += "; too many to draw one by one, so drawn as counts per lane and period (shorter periods as you zoom in)"
    if data.n_undated:
        text += f"; {data.n_undated:,} without a known time (in the table only)"
    if data.dct is not None:
        text += f". Dashed line: the {data.dct['label']}"
    return text + ". Scroll to zoom, drag to pan, click the legend to filter, brush the strip to focus."


def html_document(items: Iterable[Any] | Any, *, title: str | None = None, **options: Any) -> str:
    """The page for ``items`` (``TimelineItem`` objects or a ``Timeline``), or for any Altair chart."""
    if isinstance(items, alt.TopLevelMixin):
        spec = clean_strings(items.to_dict())
        return html_page(spec, title=title or "Chart", renderer=renderer_for(_count_marks(spec)))
    chart_options = ChartOptions.from_kwargs(title=title, **options)
    data = prepare(items, chart_options)
    page_title = data.title or str(getattr(items, "name", "") or "") or "Timeline"
    chart = chart_from_data(attrs.evolve(data, title=None))  # the page's heading holds the title
    parts: dict[str, Any] = {
        "spec": chart.to_dict(validate=False),  # our own spec (the tests validate it): half the time
        "title": page_title, "summary": summary(data), "table": events_table(data.table, total=data.n_items),
        "renderer": renderer_for(data.n_marks),
    }
    page = html_page(**parts)
    if data.singles is None:
        return page
    # The packed marks get what room the page has left under MAX_PAGE_BYTES.
    packed = pack(data.singles, max_bytes=MAX_PAGE_BYTES - len(page.encode("utf-8")))
    return page if packed is None else html_page(**parts, packed=packed)


def save_html(items: Iterable[Any] | Any, path: str | Path, **options: Any) -> Path:
    """Write the offline page of ``items`` (or of an Altair chart) to ``path``; returns the path."""
    path = Path(path)
    text = html_document(items, **options)
    path.write_text(text, encoding="utf-8")
    return path
