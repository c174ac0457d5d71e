"""How a chart is embedded: vega-embed's options, and the patch linking a brush to a zoom.

Vega-Lite drops a ``{"param": "brush"}`` scale domain when the same scale is also bound to a
zoom selection (``bind: "scales"``): the zoom wins. The link is made in the compiled Vega
instead, by a JSON Patch (RFC 6902) that vega-embed applies before parsing: when the overview
brush changes, the detail's zoom signal takes the brush's extent (and returns to the full
domain when the brush is cleared). A chart names its links in its top-level ``usermeta``
(``{"timeline": {"links": [[zoom signal, brush, field]]}}``); the page and the notebook both
read them there, so neither needs to know how the chart was built.

Everything runs on vl-convert's Vega-Lite, the version whose JavaScript the page and the
notebook load (Altair's own ``vl_version``).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

import altair as alt
import vl_convert

from timeline.chart.spec import USERMETA_KEY

__all__ = ["EMBED_OPTIONS", "VL_VERSION", "embed_options", "singles_meta", "usermeta", "vega_patch"]

VL_VERSION = "_".join(alt.SCHEMA_VERSION.split(".")[:2])  # "v6_4", the form vl-convert takes
EMBED_OPTIONS: Mapping[str, Any] = {
    "actions": {"export": True, "source": False, "compiled": False, "editor": False},
    "tooltip": {"theme": "light"},
}


def usermeta(spec: Mapping[str, Any]) -> dict[str, list[list[str]]]:
    """The timeline metadata of a Vega-Lite spec: its ``links`` and legend ``filters``."""
    meta = spec.get("usermeta")
    found = meta.get(USERMETA_KEY) if isinstance(meta, Mapping) else None
    if not isinstance(found, Mapping):
        return {"links": [], "filters": []}
    return {key: [list(map(str, entry)) for entry in found.get(key, ()) if isinstance(entry, list | tuple)]
            for key in ("links", "filters")}


def singles_meta(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The charts of ``spec`` drawn as counts whose page draws their marks zoomed in: for each,
    the data set to fill, the signal to set, the zoom signal, the limit and the lanes."""
    meta = spec.get("usermeta")
    found = meta.get(USERMETA_KEY) if isinstance(meta, Mapping) else None
    entries = found.get("singles", ()) if isinstance(found, Mapping) else ()
    return [dict(entry) for entry in entries if isinstance(entry, Mapping)]


def _without_data(spec: Mapping[str, Any]) -> dict[str, Any]:
    """The spec with every named dataset emptied: the signals it compiles to are the same."""
    out = dict(spec)
    if isinstance(spec.get("datasets"), Mapping):
        out["datasets"] = {name: [] for name in spec["datasets"]}
    return out


def _signal_paths(node: object, name: str, path: str = "") -> list[str]:
    """JSON Pointer paths of every signal called ``name`` that has event handlers."""
    found: list[str] = []
    if not isinstance(node, Mapping):
        return found
    for index, signal in enumerate(node.get("signals", ())):
        if isinstance(signal, Mapping) and signal.get("name") == name and isinstance(signal.get("on"), list):
            found.append(f"{path}/signals/{index}/on/-")
    for index, mark in enumerate(node.get("marks", ())):
        found += _signal_paths(mark, name, f"{path}/marks/{index}")
    return found


def vega_patch(spec: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The JSON Patch that links each brush of ``spec`` to its zoom (empty if it has none)."""
    links = usermeta(spec)["links"]
    if not links:
        return []
    vega = vl_convert.vegalite_to_vega(_without_data(spec), vl_version=VL_VERSION)
    patch: list[dict[str, Any]] = []
    for zoom, brush, field in links:
        update = f"{brush}[{json.dumps(field)}] || null"
        for path in _signal_paths(vega, zoom):
            patch.append({"op": "add", "path": path, "value": {"events": {"signal": brush}, "update": update}})
    return patch


def embed_options(spec: Mapping[str, Any], renderer: str) -> dict[str, Any]:
    """vega-embed's options for ``spec``: ours, the renderer, and the brush-to-zoom patch."""
    if renderer not in ("svg", "canvas"):
        raise ValueError(f"{renderer!r} is not a renderer: expected 'svg' or 'canvas'")
    options = {**EMBED_OPTIONS, "renderer": renderer}
    patch = vega_patch(spec)
    if patch:
        options["patch"] = patch
    return options
