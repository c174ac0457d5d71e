"""Offline HTML: a timeline chart in one self-contained file, with a table of its events.

``save_html(items, "x.html")`` writes a page that opens with no network: the JavaScript of
Vega, Vega-Lite and vega-embed is inlined (vl-convert's bundle), there is no CDN, no web font
and a Content-Security-Policy that forbids every request. Below the chart, a plain ``<table>``
lists the events (escaped text, readable without JavaScript and by screen readers). Above about
1,000 marks the chart draws on a canvas, which stays fast where SVG slows down.

The spec goes in a ``<script type="application/json">`` element with ``<``, ``>`` and ``&``
written as JSON escapes, so no text in an event ("</script>", "<!--") can end the element.
"""

from __future__ import annotations

import functools
import html
import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

CANVAS_THRESHOLD = 1000
# Everything a page may load: nothing. Inline scripts and styles, data: and blob: images
# (vega-embed's PNG export), and 'unsafe-eval' because Vega compiles its expressions.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; "
    "img-src data: blob:; connect-src 'none'; font-src 'none'; base-uri 'none'; form-action 'none'"
)
EMBED_OPTIONS: Mapping[str, Any] = {
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    "tooltip": {"theme": "light"},
}
TABLE_COLUMNS = (
    ("norm", "When (normalized)"),
    ("when", "When (as written)"),
    ("label", "Event"),
    ("kind", "Kind"),
    ("status", "Status"),
    ("actors", "Actors"),
    ("places", "Places"),
    ("quantity", "Quantity"),
    ("sentence", "Sentence"),
    ("doc", "Document"),
)

_STYLE = """
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
       margin: 1.5rem; color: #222; }
h1 { font-size: 1.3rem; margin: 0 0 .3rem; }
.summary { color: #555; margin: 0 0 1rem; }
#vis { min-height: 120px; }
.vega-embed { max-width: 100%; overflow-x: auto; }
.error { color: #a00; white-space: pre-wrap; }
table.events { border-collapse: collapse; margin-top: 1.5rem; font-size: 13px; width: 100%; }
table.events caption { text-align: left; font-weight: 600; padding: .4rem 0; }
table.events th, table.events td { border-bottom: 1px solid #ddd; padding: .3rem .5rem; text-align: left;
                                   vertical-align: top; }
table.events th { background: #f4f4f4; position: sticky; top: 0; }
table.events td.sentence { max-width: 32rem; }
"""


@functools.cache
def javascript_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (vl-convert's bundle; built once a process)."""
    import vl_convert

    bundle: str = vl_convert.javascript_bundle()  # type: ignore[call-arg]  # (the stub omits the defaults)
    # The bundle is a classic script: wrap it so its top-level names stay local (a page, or a
    # notebook, may hold several charts) and keep no "</script" inside.
    return "(function () {\n" + bundle.replace("</script", "<\\/script") + "\n})();"


def script_json(value: object) -> str:
    """JSON safe inside a ``<script>`` element: ``<``, ``>``, ``&`` and U+2028/9 escaped."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for char, escape in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


# Vega-Lite drops a ``{"param": "brush"}`` scale domain when the same scale is also bound to a
# zoom selection (``bind: "scales"``): the zoom wins. The page links them in the compiled Vega
# instead: when the overview brush changes, the detail's zoom signal takes the brush's extent
# (and returns to the full domain when the brush is cleared).
_LINK_BRUSH = """
function timelineLinkBrush(vg, zoomSignal, brush, field) {
  var linked = false;
  (function walk(node) {
    if (!node || typeof node !== "object") return;
    (node.signals || []).forEach(function (signal) {
      if (signal.name === zoomSignal && Array.isArray(signal.on)) {
        signal.on.push({events: {signal: brush}, update: brush + "[" + JSON.stringify(field) + "] || null"});
        linked = true;
      }
    });
    (node.marks || []).forEach(walk);
  })(vg);
  if (!linked) console.warn("timeline: no zoom signal " + zoomSignal + " to link the overview to");
  return vg;
}
"""


def _brush_links(spec: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """(zoom signal, brush param, brush field) of each timeline chart in the spec."""
    from timeline.chart import BRUSH_FIELD, BRUSH_PARAM, ZOOM_FIELD, ZOOM_PARAM

    names = {str(p.get("name")) for p in spec.get("params", ()) if isinstance(p, Mapping)}
    links = []
    for name in sorted(names):
        prefix, _, number = name.partition("_")
        if prefix == ZOOM_PARAM and f"{BRUSH_PARAM}_{number}" in names:
            links.append((f"{name}_{ZOOM_FIELD}", f"{BRUSH_PARAM}_{number}", BRUSH_FIELD))
    return links


def _embed_script(target: str, spec_id: str, renderer: str, links: Sequence[tuple[str, str, str]] = ()) -> str:
    options = dict(EMBED_OPTIONS, renderer=renderer)
    patch = ""
    if links:
        patch = (
            f"options.patch = function (vg) {{ {script_json(list(links))}.forEach(function (link) "
            "{ timelineLinkBrush(vg, link[0], link[1], link[2]); }); return vg; };"
        )
    return f"""
(function () {{
  {_LINK_BRUSH}
  var target = document.getElementById({json.dumps(target)});
  var spec = JSON.parse(document.getElementById({json.dumps(spec_id)}).textContent);
  var options = {script_json(options)};
  {patch}
  window.vegaEmbed(target, spec, options).then(function (result) {{
    window.timelineView = result.view;
    window.timelineRenderedAt = performance.now();  // ms since navigation: time to a drawn view
    target.setAttribute("data-rendered", "true");
  }}).catch(function (error) {{
    var message = document.createElement("p");
    message.className = "error";
    message.textContent = "The chart could not be drawn: " + error;
    target.appendChild(message);
    console.error(error);
  }});
}})();
"""


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
        body.append(f"<tr>{cells}</tr>")
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
) -> str:
    """A self-contained page: the chart of a Vega-Lite ``spec``, then ``table`` (trusted HTML)."""
    if renderer not in ("svg", "canvas"):
        raise ValueError(f"{renderer!r} is not a renderer: expected 'svg' or 'canvas'")
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{html.escape(CONTENT_SECURITY_POLICY)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="timeline">
<title>{html.escape(title)}</title>
<style>{_STYLE}</style>
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
<script>{javascript_bundle()}</script>
<script>{_embed_script("vis", "timeline-spec", renderer, _brush_links(spec))}</script>
</body>
</html>
"""


def notebook_html(spec: Mapping[str, Any], *, renderer: str = "svg") -> str:
    """An HTML fragment for Jupyter: the chart with the JavaScript inlined (works offline)."""
    token = uuid.uuid4().hex
    target, spec_id = f"timeline-{token}", f"timeline-spec-{token}"
    return (
        f'<div id="{target}"></div>\n'
        f'<script type="application/json" id="{spec_id}">{script_json(spec)}</script>\n'
        f"<script>if (!window.vegaEmbed) {{ {javascript_bundle()} }}</script>\n"
        f"<script>{_embed_script(target, spec_id, renderer, _brush_links(spec))}</script>\n"
    )


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


def html_document(items: Iterable[Any] | Any, *, title: str | None = None, **options: Any) -> str:
    """The page for ``items`` (``TimelineItem`` objects or a ``Timeline``), or for any Altair chart."""
    import altair as alt

    if isinstance(items, alt.TopLevelMixin):
        spec = items.to_dict()
        marks = _count_marks(spec)
        return html_page(spec, title=title or "Chart", renderer="canvas" if marks > CANVAS_THRESHOLD else "svg")
    from timeline.chart import _chart_options, _prepare_options, _renderer, chart_from_data
    from timeline.chart_data import format_time, from_x, prepare

    data = prepare(items, **_prepare_options(options))
    chart = chart_from_data(data, title=None, **{k: v for k, v in _chart_options(options).items() if k != "title"})
    page_title = title or options.get("title") or str(getattr(items, "name", "") or "") or "Timeline"
    summary = f"{data.n_items:,} item{'s' if data.n_items != 1 else ''}"
    if data.rows or data.aggregates:
        lo, hi = (format_time(from_x(x, data.axis)) for x in data.domain)
        summary += f", drawn from {lo} to {hi}"
    if data.aggregated:
        summary += f"; {len(data.rows):,} drawn one by one (the shaded window), the rest as counts per period"
    if data.n_undated:
        summary += f"; {data.n_undated:,} without a known time (in the table only)"
    if data.dct is not None:
        summary += f". Dashed line: the {data.dct['label']}"
    summary += ". Scroll to zoom, drag to pan, click the legend to filter, brush the strip to focus."
    return html_page(
        chart.to_dict(validate=False),  # our own spec (the tests validate it): half the time
        title=page_title,
        summary=summary,
        table=events_table(data.table, total=data.n_items),
        renderer=_renderer(data, CANVAS_THRESHOLD),
    )


def save_html(items: Iterable[Any] | Any, path: str | Path, **options: Any) -> Path:
    """Write the offline page of ``items`` (or of an Altair chart) to ``path``; returns the path."""
    path = Path(path)
    text = html_document(items, **options)
    path.write_text(text, encoding="utf-8")
    return path
