"""Timeline charts: Altair (Vega-Lite) specs that draw uncertainty, status and evidence.

``timeline_chart(items, **options)`` is the entry point; ``prepare`` and ``chart_from_data``
are its two stages, both configured by one ``ChartOptions``. Modules: ``options`` (the options
and the renderer choice), ``axis`` (time as numbers and words), ``rows`` (items read into
rows), ``layout`` (lanes and rows), ``aggregate`` (counts for large timelines), ``data``
(``prepare``) and ``spec`` (the Vega-Lite layers). The Jupyter output is in
``timeline.io.notebook``, the offline page in ``timeline.io.html``.
"""

from timeline.chart.data import ChartData, prepare
from timeline.chart.options import ChartOptions
from timeline.chart.rows import PALETTE, clean_text
from timeline.chart.spec import chart_from_data, timeline_chart

__all__ = ["PALETTE", "ChartData", "ChartOptions", "chart_from_data", "clean_text", "prepare", "timeline_chart"]
