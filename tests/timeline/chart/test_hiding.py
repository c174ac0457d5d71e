"""The expressions that hide lanes the legend empties (their effect in a browser is tested in
tests/browser/test_browser.py)."""

from __future__ import annotations

import vl_convert

from timeline import calendar
from timeline.chart import timeline_chart
from timeline.chart.hiding import LaneHiding
from timeline.item import Item
from timeline.span import Granularity, Span


def test_one_lane_or_nothing_drawn_needs_no_hiding() -> None:
    one = LaneHiding("kinds_1", 1, (("Visit",),), (0,), 3)
    assert not one.active
    assert one.params() == []
    assert one.row(-0.3) == "datum.row - 0.3"
    assert one.axis_values() == [0]
    assert not LaneHiding("kinds_1", 1, ((), ()), (0, 1), 2).active


def test_shifts_add_up_the_hidden_lanes_above() -> None:
    hiding = LaneHiding("kinds_1", 1, (("Aid",), ("Visit", "Aid"), ("constructor",)), (0, 2, 5), 6)
    hidden, shift = (p.param.to_dict() for p in hiding.params())
    assert shift["expr"] == "[0, hidden_1[0], hidden_1[0] + hidden_1[1]]"
    assert hidden["expr"].count("? 2 : 0") == 1
    assert hidden["expr"].count("? 3 : 0") == 1
    assert hidden["expr"].count("? 1 : 0") == 1
    assert 'slice(" constructor", 1)' in hidden["expr"]  # never a bare property name
    assert hiding.row() == "datum.row - shift_1[datum.li]"
    assert hiding.domain_end(-0.4) == "5.6 - shift_1[2] - hidden_1[2]"


def test_a_chart_with_lanes_compiles_with_the_hiding_signals() -> None:
    items = [Item(f"e{i}", Span(*[calendar.seconds(2000 + i)] * 2, *[calendar.seconds(2001 + i)] * 2, Granularity.YEAR), f"e{i}", kind)
             for i, kind in enumerate(("Visit", "Aid", "Visit", "Protest"))]
    spec = timeline_chart(items).to_dict()
    vega = vl_convert.vegalite_to_vega(spec)
    names = {s["name"] for s in vega["signals"]}
    assert {n for n in names if n.startswith(("hidden_", "shift_"))}
    rows = [r for rows in spec["datasets"].values() for r in rows if "li" in r and "sc" in r]
    assert sorted({r["li"] for r in rows}) == [0, 1, 2]
