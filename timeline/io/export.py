"""Saving a timeline chart: offline HTML, or PNG, SVG and PDF through vl-convert (no browser).

``save(items, "x.png")`` picks the format from the suffix (or ``format=``). ``items`` is any
iterable of ``TimelineItem`` objects, a ``Timeline``, or an Altair chart. Static images leave
the overview strip out unless ``overview=True`` is passed: it is there to be dragged.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import altair as alt
import vl_convert

from timeline.chart import timeline_chart
from timeline.chart.rows import clean_strings
from timeline.errors import ExportFormatError
from timeline.io.atomic import write_atomic
from timeline.io.html import html_document

# ExportFormatError lives in timeline.errors; named here too for the callers of format_of/save
__all__ = ["FORMATS", "ExportFormatError", "format_of", "render", "save"]

FORMATS = ("html", "png", "svg", "pdf", "json")
_SUFFIXES = {".html": "html", ".htm": "html", ".png": "png", ".svg": "svg", ".pdf": "pdf", ".json": "json"}


def format_of(path: str | Path, format: str | None = None) -> str:
    """The format to write ``path`` in: ``format`` when given, else from the suffix."""
    if format is not None:
        name = format.lower().lstrip(".")
        if name not in FORMATS:
            raise ExportFormatError(f"{format!r} is not an export format: expected one of {', '.join(FORMATS)}")
        return name
    suffix = Path(path).suffix.lower()
    if suffix not in _SUFFIXES:
        raise ExportFormatError(
            f"{str(path)!r} has no known suffix ({suffix or 'none'}): expected one of "
            f"{', '.join(_SUFFIXES)}, or pass format="
        )
    return _SUFFIXES[suffix]


def render(items: Iterable[Any] | Any, format: str, *, scale: float = 2.0, **options: Any) -> bytes | str:
    """The chart of ``items`` as PNG or PDF bytes, or SVG, HTML or Vega-Lite JSON text."""
    fmt = format_of("", format)
    if fmt == "html":
        return html_document(items, **options)
    if isinstance(items, alt.TopLevelMixin):
        spec = clean_strings(items.to_dict())  # only characters XML holds reach the renderer
    else:
        options.setdefault("overview", False)
        spec = timeline_chart(items, **options).to_dict(validate=False)  # our own, validated in tests
    if fmt == "json":
        return json.dumps(spec, indent=1, ensure_ascii=False)
    if fmt == "png":
        return bytes(vl_convert.vegalite_to_png(spec, scale=scale))
    if fmt == "pdf":
        return bytes(vl_convert.vegalite_to_pdf(spec))  # vector: no pixel ratio
    return str(vl_convert.vegalite_to_svg(spec))


def save(
    items: Iterable[Any] | Any,
    path: str | Path,
    *,
    format: str | None = None,
    scale: float = 2.0,
    **options: Any,
) -> Path:
    """Write the chart of ``items`` to ``path`` as HTML, PNG, SVG, PDF or Vega-Lite JSON.

    ``options`` go to ``timeline_chart`` (``lanes``, ``dct``, ``title`` ...); ``scale`` is the
    pixel ratio of PNG output. The file is written beside ``path`` and renamed over it when
    complete. Returns the path written.
    """
    path = Path(path)
    fmt = format_of(path, format)
    data = render(items, fmt, scale=scale, **options)
    return write_atomic(path, data)  # a failure leaves the previous file as it was
