"""timeline.chart and timeline.chart_data: specs through ``to_dict()``, a JSON round trip and
vl-convert's scenegraph (what Vega actually draws), as Altair tests its own charts."""

from __future__ import annotations

import json
import math
import warnings
from typing import Any

import altair as alt
import numpy as np
import pytest
import vl_convert
from hypothesis import given
from hypothesis import strategies as st

from tests.timeline.samples import items as sample_items
from timeline import calendar
from timeline.chart import PALETTE, mimebundle, timeline_chart
from timeline.chart.aggregate import civil_from_days_array
from timeline.chart.axis import (
    describe_span,
    format_time,
    fractional_year,
    from_x,
    period_text,
    seconds_from_fractional_year,
    to_x,
)
from timeline.chart.data import prepare
from timeline.chart.rows import status_class
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

DAY = calendar.SECONDS_PER_DAY


def within(start: int, end: int, granularity: Granularity = Granularity.UNKNOWN, timex: str | None = None) -> Span:
    """Anywhere within [start, end): starts and ends somewhere inside."""
    return Span(start, end, start, end, granularity, timex)


def year(y: int) -> Span:
    start, end = calendar.year_range(y)
    return within(start, end, Granularity.YEAR, f"{y:04d}" if y > 0 else f"-{-y:04d}")


def item(ident: str, time: Span, kind: str = "Visit", status: str | None = "occurred", **kw: Any) -> Item:
    sentence = kw.pop("sentence", f"Sentence about {ident}.")
    attributes = {"time_text": kw.pop("written", "then"), **kw.pop("attributes", {})}
    return Item(ident, time, kw.pop("label", f"{kind} {ident}"), kind, status, kw.pop("doc", "doc1"),
                evidence=(Evidence("doc1", 0, 4, f"the clause of {ident}", sentence),), attributes=attributes, **kw)


DCT = Span(*[calendar.seconds(2003, 3, 18)] * 2, *[calendar.seconds(2003, 3, 19)] * 2, Granularity.DAY, "2003-03-18")


def seed_like() -> list[Item]:
    w0, w1 = calendar.week_range(2003, 11)
    m0, m1 = calendar.month_range(2003, 4)
    dct = calendar.seconds(2003, 3, 18)
    return [
        item("agreement", year(1999), "Agreement", actor_names=("Russia", "Tajikistan"), written="in 1999"),
        item("ratification", year(2001), "Ratification", actor_names=("Russia", "Tajikistan")),
        item("ivanov", within(w0, w1, Granularity.WEEK, "2003-W11"), "Visit", actor_names=("Russia",),
             place_names=("Dushanbe",), written="last week", sentence="During an official visit to Tajikistan last week, Ivanov spoke."),
        item("putin", within(m0, m1, Granularity.MONTH, "2003-04"), "Visit", "planned", actor_names=("Russia",),
             place_names=("Dushanbe",), written="next month"),
        item("kant", Span(dct + DAY, None, None, None), "Deployment", "planned", actor_names=("Russia",), place_names=("Kant",)),
        item("persuade", Span(None, None, dct, dct), "Negotiation", "failed", actor_names=("Russia", "Tajikistan")),
        item("aid", Span(*calendar.year_range(2002)[:1], *calendar.year_range(2002)[:1], *calendar.year_range(2002)[1:], *calendar.year_range(2002)[1:]),
             "Aid", actor_names=("USA", "Uzbekistan"), attributes={"quantity": {"value": 1.2e8, "unit": "USD", "qualifier": "around"}}),
        item("talks", Span(calendar.seconds(2002, 3, 1), calendar.seconds(2003, 3, 18), calendar.seconds(2003, 3, 18), calendar.seconds(2003, 3, 19)),
             "Negotiation", "ongoing", actor_names=("Russia", "Tajikistan")),
        item("election", year(2004), "Election", "planned", actor_names=("Russia",), place_names=("Russia",)),
    ]


def spec_of(chart: alt.TopLevelMixin) -> dict[str, Any]:
    """The chart's Vega-Lite through JSON, as a browser would get it."""
    return json.loads(chart.to_json())


def marks(spec: dict[str, Any], role: str | None = None, marktype: str | None = None) -> list[dict[str, Any]]:
    """Every scene item of vl-convert's scenegraph (optionally of a role or mark type)."""
    found: list[dict[str, Any]] = []

    def walk(node: dict[str, Any], mark: dict[str, Any] | None) -> None:
        if "marktype" in node:
            for child in node.get("items", []):
                if node["marktype"] == "group":
                    walk(child, node)
                else:
                    found.append({**child, "_mark": node})
            return
        for child in node.get("items", []):
            walk(child, mark)

    walk(vl_convert.vegalite_to_scenegraph(spec)["scenegraph"], None)
    out = found
    if role is not None:
        out = [m for m in out if m.get("ariaRoleDescription") == role]
    if marktype is not None:
        out = [m for m in out if m["_mark"]["marktype"] == marktype]
    return out


def detail_layers(spec: dict[str, Any], view: int = 0) -> list[dict[str, Any]]:
    """The unit layers of a view of the chart (nested layers flattened)."""
    top = spec["vconcat"][view] if "vconcat" in spec else spec
    out: list[dict[str, Any]] = []

    def walk(node: dict[str, Any]) -> None:
        for layer in node.get("layer", ()):
            walk(layer) if "layer" in layer else out.append(layer)

    walk(top)
    return out


def all_marks(spec: dict[str, Any], marktype: str, mark_role: str) -> list[dict[str, Any]]:
    return [m for m in marks(spec, marktype=marktype) if m["_mark"].get("role") == mark_role]


@pytest.fixture(scope="module")
def seed_chart() -> alt.VConcatChart:
    chart = timeline_chart(seed_like(), dct=DCT)
    assert isinstance(chart, alt.VConcatChart)
    return chart


@pytest.fixture(scope="module")
def seed_spec(seed_chart: alt.VConcatChart) -> dict[str, Any]:
    return spec_of(seed_chart)


@pytest.fixture(scope="module")
def seed_events(seed_spec: dict[str, Any]) -> list[dict[str, Any]]:
    return marks(seed_spec, role="event")


# -- the spec ------------------------------------------------------------------------------------


def test_spec_round_trips_through_json() -> None:
    spec = spec_of(timeline_chart(seed_like()[:3], dct=DCT))
    again = alt.VConcatChart.from_dict(spec)
    assert json.loads(again.to_json()) == spec
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")


def test_one_event_mark_per_item_and_labels(seed_events: list[dict[str, Any]]) -> None:
    items = seed_like()
    events = seed_events
    assert len(events) == len(items)
    assert sorted(m["description"] for m in events) == sorted(i.label for i in items)


def test_status_is_drawn_differently(seed_events: list[dict[str, Any]]) -> None:
    by_label = {m["description"]: m for m in seed_events}
    occurred, planned, failed = by_label["Agreement agreement"], by_label["Visit putin"], by_label["Negotiation persuade"]
    assert occurred["shape"] == "circle"
    assert occurred["fill"] != "white"
    assert planned["shape"] == "diamond"
    assert planned["fill"] == "white"
    assert failed["shape"] == "cross"
    assert failed["opacity"] < 1
    assert by_label["Negotiation talks"]["shape"] == "triangle-right"


def test_uncertain_span_has_pale_band_and_certain_bar() -> None:
    a, b, c, d = (calendar.seconds(y) for y in (2000, 2001, 2002, 2003))
    data = prepare([item("x", Span(a, b, c, d))])
    row = data.rows[0]
    assert (row["lo"], row["hi"]) == (to_x(a, "temporal"), to_x(d, "temporal"))
    assert (row["cs"], row["ce"]) == (to_x(b, "temporal"), to_x(c, "temporal"))
    # "in 1999": it may start and end anywhere in the year, nothing is certain.
    assert prepare([item("y", year(1999))]).rows[0]["cs"] is None


def test_open_end_is_a_short_arrow_of_fixed_length() -> None:
    """"After 19 March": the band stops at the known start, and an arrow of the same few pixels
    points on, whatever else the chart holds (its length says nothing about a duration)."""
    start = calendar.seconds(2003, 3, 19)
    lengths = []
    for other in (year(2001), year(1950)):
        items = [item("open", Span(start, None, None, None)), item("closed", other)]
        data = prepare(items)
        row = next(r for r in data.rows if r["id"] == "open")
        assert (row["oe"], row["os"]) == (True, False)
        assert row["lo"] == row["hi"] == row["mid"] == to_x(start, "temporal")
        spec = spec_of(timeline_chart(items, overview=False))
        pieces = [m for m in marks(spec, marktype="rect") if m["height"] < 12]  # the bands are taller
        assert len(pieces) == 3
        lengths.append(round(sum(abs(m["width"]) for m in pieces)))
        assert [m["opacity"] for m in sorted(pieces, key=lambda m: m["x"])] == sorted((m["opacity"] for m in pieces), reverse=True)
    assert lengths[0] == lengths[1] == 36


def test_tooltip_has_evidence_and_both_times(seed_spec: dict[str, Any]) -> None:
    spec = seed_spec
    markers = [layer for layer in detail_layers(spec) if layer["mark"].get("ariaRoleDescription") == "event"]
    assert len(markers) == 2  # filled and hollow
    titles = {t["title"]: t["field"] for t in markers[0]["encoding"]["tooltip"]}
    for title in ("Event", "Kind", "Status", "Actors", "Places", "When (as written)", "When", "Sentence", "Document"):
        assert title in titles
    rows = {r["id"]: r for rows in spec["datasets"].values() for r in rows if "sentence" in r}
    ivanov = rows["ivanov"]
    assert ivanov[titles["Sentence"]] == "During an official visit to Tajikistan last week, Ivanov spoke."
    assert ivanov[titles["When (as written)"]] == "last week"
    assert ivanov[titles["When"]] == "10 – 16 March 2003 (a week)"
    assert (ivanov[titles["Document"]], ivanov[titles["Actors"]], ivanov[titles["Places"]]) == ("doc1", "Russia", "Dushanbe")
    assert rows["aid"]["quantity"] == "around 120,000,000 USD"


@pytest.mark.parametrize(("lanes", "expected"), [
    ("kind", {"Agreement", "Ratification", "Visit", "Deployment", "Negotiation", "Aid", "Election"}),
    ("actor", {"Russia", "Tajikistan", "USA", "Uzbekistan"}),  # an event under each of its actors
    ("place", {"Dushanbe", "Kant", "Russia", "(none)"}),
    ("doc", {"doc1"}),
])
def test_lanes_are_choosable(lanes: str, expected: set[str]) -> None:
    items = seed_like()
    data = prepare(items, lanes=lanes)
    assert set(data.lanes) == expected
    spec = spec_of(timeline_chart(items, lanes=lanes, overview=False))
    labels = {m["text"] for m in all_marks(spec, "text", "axis-label") if m["text"] in expected}
    assert labels == expected


def test_legend_filter_is_bound_to_the_coloured_layer(seed_spec: dict[str, Any]) -> None:
    spec = seed_spec
    params = {p["name"].split("_")[0]: p for p in spec["params"]}
    legend, zoom, brush = params["kinds"], params["zoom"], params["brush"]
    assert legend["bind"] == "legend"
    assert legend["select"]["fields"] == ["color"]
    assert zoom["bind"] == "scales"
    assert zoom["select"] == {"type": "interval", "encodings": ["x"]}
    assert brush["select"]["encodings"] == ["x"]
    layers = {layer.get("name"): layer for layer in detail_layers(spec) if layer.get("name")}
    (owner,) = legend["views"]
    assert layers[owner]["encoding"]["color"]["field"] == "color"
    colour = layers[owner]["encoding"]["color"]["scale"]
    assert colour["domain"] == sorted({i.kind for i in seed_like()})
    assert set(colour["range"]) <= set(PALETTE)
    assert brush["views"][0] in {layer.get("name") for layer in detail_layers(spec, 1)}


def test_document_date_rule_and_eras() -> None:
    class Holder(list[Item]):
        dct = DCT

    eras = [("Before", calendar.seconds(1998), calendar.seconds(2000)), ("War", year(2001))]
    spec = spec_of(timeline_chart(Holder(seed_like()), eras=eras, overview=False))
    texts = {m["text"] for m in all_marks(spec, "text", "mark")}
    assert "report of 18 March 2003" in texts
    assert {"Before", "War"} <= texts
    rules = [m for m in all_marks(spec, "rule", "mark") if m.get("strokeDash")]
    assert len(rules) == 1


def test_charts_compose_with_operators(seed_chart: alt.VConcatChart) -> None:
    one, two = seed_chart, timeline_chart(seed_like()[:3], lanes="actor")
    other = alt.Chart(alt.Data(values=[{"a": 1}])).mark_point().encode(x="a:Q")
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. Altair deduplicating clashing parameter names
        for composed in (one | two, one & two):
            spec = spec_of(composed)
            names = [p["name"] for p in spec["params"]]
            assert len(names) == len(set(names)) == 10  # kinds, zoom, brush, hidden and shift lanes of each
            vega = vl_convert.vegalite_to_vega(spec)  # compiles
            assert vega["marks"]
        layered = spec_of(timeline_chart(seed_like(), overview=False) + other)
        assert len(marks(layered, role="event")) == len(seed_like())


# -- BCE and deep time ---------------------------------------------------------------------------


def ancient() -> list[Item]:
    return [
        item("marathon", year(-489), "Battle", label="Battle of Marathon"),
        item("caesar", year(-43), "Death", label="Caesar killed"),
        item("rome", year(476), "Collapse", label="Fall of Rome"),
        item("report", Span(*[calendar.seconds(2003, 3, 18)] * 2, *[calendar.seconds(2003, 3, 19)] * 2), "Report", label="Report"),
    ]


def test_bce_to_2003_draws_every_item_in_order() -> None:
    spec = spec_of(timeline_chart(ancient(), overview=False, width=600))
    events = {m["description"]: m for m in marks(spec, role="event")}
    assert set(events) == {"Battle of Marathon", "Caesar killed", "Fall of Rome", "Report"}
    xs = [events[k]["x"] for k in ("Battle of Marathon", "Caesar killed", "Fall of Rome", "Report")]
    assert all(math.isfinite(x) and 0 <= x <= 600 for x in xs)
    assert xs == sorted(xs)
    assert xs[0] < 60
    # No time value is a string the browser would have to parse.
    data = spec["datasets"]
    for rows in data.values():
        for row in rows:
            for key in ("lo", "hi", "mid", "x0", "x1"):
                assert not isinstance(row.get(key), str)
    labels = [m["text"] for m in all_marks(spec, "text", "axis-label")]
    assert any(label.endswith(" BC") for label in labels)
    assert not any(label.startswith("-") for label in labels)


def test_deep_time_uses_a_year_axis() -> None:
    dinosaurs = calendar.year_range(-65_000_000)
    items = [item("kt", within(*dinosaurs, Granularity.YEAR), "Extinction", label="K-Pg extinction"), item("now", year(2003))]
    data = prepare(items)
    assert data.axis == "year"
    # the middle of the astronomical year -65,000,000, i.e. 65,000,001 BC, on the historical count
    assert data.rows[0]["mid"] == pytest.approx(-65_000_001 + 0.5, abs=0.01)
    spec = spec_of(timeline_chart(items, overview=False))
    events = marks(spec, role="event")
    assert len(events) == 2
    assert all(math.isfinite(m["x"]) for m in events)
    assert any("BC" in m["text"] for m in all_marks(spec, "text", "axis-label"))


@given(st.integers(min_value=-10**12 * 3, max_value=10**12 * 3))
def test_fractional_year_round_trips(value: int) -> None:
    assert abs(seconds_from_fractional_year(fractional_year(value)) - value) <= max(1, abs(value) // 10**8)
    assert from_x(to_x(value, "temporal"), "temporal") == value


@given(st.lists(st.integers(min_value=-10**9, max_value=10**9), min_size=1, max_size=50))
def test_vectorized_civil_from_days_matches_calendar(days: list[int]) -> None:
    years, months, dom = civil_from_days_array(np.array(days, dtype=np.int64))
    assert [calendar.civil_from_days(d) for d in days] == list(zip(years.tolist(), months.tolist(), dom.tolist(), strict=True))


def test_year_axis_counts_years_as_people_do() -> None:
    """On the year axis round ticks fall on 500 BC and AD 1, not on 501 BC and 1 BC."""
    for y, historical in ((-499, -500.0), (0, -1.0), (1, 0.0), (2, 2.0), (2003, 2003.0)):
        assert to_x(calendar.year_range(y)[0], "year") == historical
        assert from_x(historical, "year") == calendar.year_range(y)[0]
    spec = spec_of(timeline_chart(ancient()[:2], overview=False, width=600))
    labels = [m["text"] for m in all_marks(spec, "text", "axis-label") if m["text"].endswith("BC")]
    assert labels
    assert all(int(label.split()[0]) % 10 == 0 for label in labels), labels
    # Beside BC years, AD years say so: "AD 500", not "500".
    spec = spec_of(timeline_chart(ancient(), overview=False, width=600))
    labels = [m["text"] for m in all_marks(spec, "text", "axis-label") if m["text"][:1].isdigit() or m["text"].startswith("AD")]
    assert labels
    assert all(label.startswith("AD ") or label.endswith(" BC") for label in labels), labels


def test_words_for_times() -> None:
    assert format_time(calendar.seconds(-489, 9, 12), Granularity.YEAR) == "490 BC"
    assert format_time(calendar.seconds(2003, 3, 18), Granularity.MONTH) == "March 2003"
    assert format_time(calendar.seconds(2003, 3, 18, 10, 30), Granularity.MINUTE) == "18 March 2003 10:30"
    assert describe_span(year(2001)) == "2001"
    report = Span.from_timex3("2003-03-18")
    # Exclusive ends are never printed as inclusive. Times only before or after the report are
    # said from the report's date; an open bound from a text's "before"/"after" as the text said.
    assert describe_span(Span.from_timex3("PAST_REF", dct=report)) == "before 18 March 2003"
    assert describe_span(Span.from_timex3("FUTURE_REF", dct=report)) == "after 18 March 2003"
    assert describe_span(Span.from_timex3("2003-03-18", "BEFORE")) == "before 18 March 2003"
    assert describe_span(Span.from_timex3("BC0900", "BEFORE")) == "before 900 BC"
    assert describe_span(Span.from_timex3("1999", "AFTER")) == "after 1999"
    assert describe_span(Span.from_timex3("1999", "ON_OR_AFTER")) == "on or after 1999"
    assert describe_span(Span(None, None, calendar.seconds(2003, 3, 18), calendar.seconds(2003, 3, 18))) == "before 18 March 2003"
    assert describe_span(Span(calendar.seconds(1999), None, None, None, Granularity.YEAR)) == "from 1999 on"
    assert describe_span(Span(calendar.seconds(1999, 1, 1, 12), None, None, None)) == "from 1 January 1999 12:00 on"
    # Periods: shared parts said once, and how long the period is.
    assert describe_span(Span.from_timex3("2003-W11")) == "10 – 16 March 2003 (a week)"
    assert describe_span(Span(*calendar.year_range(2002)[:1], None, None, calendar.year_range(2003)[1], Granularity.YEAR)) == "2002 – 2003 (two years)"
    assert describe_span(within(calendar.seconds(2002, 7, 1), calendar.seconds(2003, 7, 1), Granularity.YEAR)) == "July 2002 – June 2003 (a year)"
    assert describe_span(within(calendar.seconds(2003, 3, 10), calendar.seconds(2003, 4, 17), Granularity.DAY)) == "10 March – 16 April 2003 (38 days)"
    assert describe_span(Span.from_timex3("199")) == "1990 – 1999 (a decade)"
    assert describe_span(Span.from_timex3("2003-03", "APPROX")) == "about: February – April 2003 (three months)"
    assert describe_span(within(calendar.seconds(-489), calendar.seconds(80), Granularity.YEAR)) == "490 BC – AD 79 (569 years)"
    assert period_text(calendar.seconds(1950), calendar.seconds(2020)) == "1950 – 2019"
    assert period_text(calendar.seconds(2003, 3), calendar.seconds(2003, 6)) == "March – May 2003"
    assert period_text(calendar.seconds(-489), calendar.seconds(80)) == "490 BC – AD 79"
    assert status_class("Planned") == "planned"
    assert status_class("negated") == "failed"
    assert status_class(None) == "occurred"


# -- large timelines -----------------------------------------------------------------------------


def many(n: int, seed: int = 7) -> list[Item]:
    rng = np.random.default_rng(seed)
    days = rng.integers(calendar.days_from_civil(1950, 1, 1), calendar.days_from_civil(2020, 1, 1), n)
    kinds = ("Visit", "Aid", "Protest", "Statement")
    return [item(f"e{i}", within(int(d) * DAY, (int(d) + 1) * DAY, Granularity.DAY), kinds[i % 4]) for i, d in enumerate(days.tolist())]


def test_large_timeline_is_drawn_as_counts_as_a_whole() -> None:
    """Above max_marks the whole chart is counts per lane and period (never single items in one
    window beside counts elsewhere), every item counted once at each level."""
    items = many(3000)
    data = prepare(items, max_marks=500, dct=DCT)
    assert data.aggregated
    assert data.rows == []
    assert 2 <= len(data.levels) <= 3
    for level in range(len(data.levels)):
        assert sum(r["n"] for r in data.aggregates if r["level"] == level) == len(items)
    assert {r["lane"] for r in data.aggregates} == {"Visit", "Aid", "Protest", "Statement"}
    assert data.n_rows == len(data.lanes)  # a lane is one strip of cells
    spec = spec_of(timeline_chart(items, max_marks=500, dct=DCT, title="T"))
    assert marks(spec, role="event") == []
    assert len(json.dumps(spec)) < 1_000_000
    assert "counts per lane and period" in json.dumps(spec["vconcat"][0]["title"])
    legends = json.dumps([layer.get("encoding", {}) for layer in detail_layers(spec)])
    assert "items in a lane" in legends
    assert "a cell: the items of one lane in one period" in json.dumps(spec)
    assert "possible time" not in json.dumps(spec)  # the key of single marks is not shown
    small = prepare(items[:500], max_marks=500)
    assert not small.aggregated
    assert len(small.rows) == 500


def test_undated_items_go_to_the_table_only() -> None:
    items = [*seed_like(), item("when", Span(None, None, None, None))]
    data = prepare(items)
    assert data.n_undated == 1
    assert len(data.rows) == len(items) - 1
    assert any(r["id"] == "when" and r["norm"] == "unknown" for r in data.table)


@pytest.mark.parametrize(("options", "message"), [
    ({"max_marks": 0}, "max_marks=0"),
    ({"lanes": ""}, "lane field"),
    ({"eras": [("x",)]}, "is not an era"),
])
def test_bad_options_name_the_value(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        timeline_chart(seed_like(), **options)


def test_mimebundle_is_an_offline_widget() -> None:
    """A bare Timeline shows as Altair's JupyterChart in offline mode: the JavaScript is the
    widget's module from vl-convert (no CDN), and the notebook stores only a widget reference."""
    bundle = mimebundle(seed_like(), dct=DCT)
    assert set(bundle) == {"text/plain", "application/vnd.jupyter.widget-view+json"}
    assert "9 items" in bundle["text/plain"]
    assert len(json.dumps(bundle)) < 1000
    assert alt.JupyterChart._is_offline
    assert "https://" not in alt.JupyterChart._esm.split("\n", 1)[0]
    assert "esm.sh" not in alt.JupyterChart._esm
    with pytest.raises(TypeError, match="colour"):
        mimebundle(seed_like(), colour="kind")


@pytest.mark.parametrize("size", [9, 2_000])
def test_vega_lite_compiles_without_warnings(size: int, capfd: pytest.CaptureFixture[str]) -> None:
    """Vega-Lite's compiler says nothing (the browser console would show each warning)."""
    items = seed_like() if size == 9 else many(size)
    for overview in (True, False):
        spec = spec_of(timeline_chart(items, dct=DCT, overview=overview, max_marks=500, title="T"))
        capfd.readouterr()
        vl_convert.vegalite_to_vega(spec, show_warnings=True)
        said = capfd.readouterr()
        assert said.out + said.err == ""


@pytest.mark.parametrize("field", ["doc", "kind", "actor"])
def test_lane_and_kind_names_are_data_not_object_keys(field: str) -> None:
    """A lane called "constructor" or "toString" draws like any other (issue 16, item 6)."""
    names = ["constructor", "toString", "valueOf", "hasOwnProperty", "__proto__"]
    items = [item(f"e{i}", year(2000 + i), name if field == "kind" else "Visit", doc=name if field == "doc" else "d",
                  actor_names=(name,)) for i, name in enumerate(names)]
    spec = spec_of(timeline_chart(items, lanes=field, color=field))
    assert len(marks(spec, role="event")) == len(names)
    assert set(names) <= {m["text"] for m in all_marks(spec, "text", "axis-label")}


def test_chart_domain_and_unknown_values_raise() -> None:
    from timeline.chart import prepare, timeline_chart

    data = prepare(sample_items(10), domain=(calendar.seconds(1998), calendar.seconds(2001)))
    assert {r["id"] for r in data.rows} == {"e3", "e4", "e5"}  # 1998, 1999, 2000
    assert data.domain == (calendar.seconds(1998) * 1000, calendar.seconds(2001) * 1000)
    with pytest.raises(ValueError, match="'actors' is not a lane field: expected one of kind, actor, country"):
        timeline_chart(sample_items(), lanes="actors")
    with pytest.raises(ValueError, match="not a colour field"):
        timeline_chart(sample_items(), color="colour")
    with pytest.raises(TypeError, match="unknown chart option"):
        timeline_chart(sample_items(), lane="kind")
