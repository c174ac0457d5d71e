"""Timeline charts: Altair (Vega-Lite) specs that draw uncertainty, status and evidence.

``timeline_chart(items, **options)`` is the entry point; ``prepare`` and ``chart_from_data``
are its two stages, both configured by one ``ChartOptions``. Modules: ``options`` (the options
and the renderer choice), ``axis`` (time as numbers and words), ``rows`` (items read into
rows), ``layout`` (lanes and rows), ``aggregate`` (counts for large timelines), ``data``
(``prepare``), ``spec`` (the Vega-Lite layers), ``embed`` (vega-embed's options and the
brush-to-zoom link) and ``jupyter`` (the offline Jupyter renderer, turned on when this package
is imported). The offline page is ``timeline.io.html``.
"""

from timeline.chart.data import ChartData, prepare
from timeline.chart.jupyter import enable_by_default, mimebundle
from timeline.chart.options import ChartOptions
from timeline.chart.rows import PALETTE, clean_text
from timeline.chart.spec import chart_from_data, timeline_chart

__all__ = ["PALETTE", "ChartData", "ChartOptions", "chart_from_data", "clean_text", "mimebundle", "prepare", "timeline_chart"]

enable_by_default()
