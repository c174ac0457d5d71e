"""Timeline charts in Jupyter, offline, through Altair's own ``JupyterChart`` widget.

``enable()`` registers and turns on the ``timeline`` Altair renderer: every chart displayed
(``Timeline.chart(...)``, a bare ``Timeline``, any Altair chart) becomes a ``JupyterChart`` in
offline mode, whose JavaScript (Vega, Vega-Lite, vega-embed) comes from vl-convert, never from
a CDN. The script is the widget's module, sent to the page by the kernel, not stored in the
notebook: a saved notebook holds a small widget reference per chart, so two charts do not make
it megabytes. Where no widget manager runs (an HTML export of the notebook), the output
falls back to its text.

The renderer passes the chart's brush-to-zoom link and the SVG/canvas choice to vega-embed
(``timeline.chart.embed``). ``enable()`` runs when ``timeline.chart`` is imported, if the active
renderer is Altair's default; ``Timeline._repr_mimebundle_`` calls ``mimebundle``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import altair as alt

from timeline.chart.data import prepare
from timeline.chart.embed import embed_options
from timeline.chart.options import ChartOptions, renderer_for
from timeline.chart.spec import chart_from_data

__all__ = ["RENDERER", "enable", "enable_by_default", "mimebundle", "render", "widget"]

RENDERER = "timeline"


def _count_data_rows(spec: dict[str, Any]) -> int:
    datasets = spec.get("datasets", {})
    return sum(len(rows) for rows in datasets.values() if isinstance(rows, list)) if isinstance(datasets, dict) else 0


def widget(spec: dict[str, Any], renderer: str | None = None) -> alt.JupyterChart:
    """An offline ``JupyterChart`` showing the Vega-Lite ``spec`` as it is (not re-validated)."""
    alt.JupyterChart.enable_offline()
    chosen = renderer or renderer_for(_count_data_rows(spec))
    chart = alt.JupyterChart(chart=None, embed_options=embed_options(spec, chosen))  # type: ignore[arg-type]  # (None: no chart to re-validate; the spec is set below)
    chart.spec = spec
    return chart


def _bundle(chart: alt.JupyterChart) -> dict[str, Any]:
    found = chart._repr_mimebundle_()
    bundle = found[0] if isinstance(found, tuple) else found
    return dict(bundle or {})


def render(spec: dict[str, Any], **metadata: Any) -> dict[str, Any]:
    """The Altair renderer: the spec as an offline widget's MIME bundle."""
    return _bundle(widget(spec))


def enable() -> None:
    """Register the offline ``timeline`` renderer with Altair and make it the active one."""
    if RENDERER not in alt.renderers.names():
        alt.renderers.register(RENDERER, render)
    alt.renderers.enable(RENDERER)


def mimebundle(items: Iterable[Any], **options: Any) -> dict[str, Any]:
    """The MIME bundle of a bare ``Timeline`` in Jupyter: its chart as an offline widget."""
    data = prepare(items, ChartOptions.from_kwargs(**options))
    spec = chart_from_data(data).to_dict(validate=False)
    bundle = _bundle(widget(spec, renderer_for(data.n_marks)))
    bundle["text/plain"] = f"<timeline chart: {data.n_items} items, {len(data.rows)} drawn one by one>"
    return bundle


def enable_by_default() -> None:
    """``enable()``, unless the user chose another renderer (run on import of the package)."""
    if alt.renderers.active == "default":
        enable()
