"""Timeline: building, bad input, ordering under uncertainty, queries, filters, immutability."""

from __future__ import annotations

import datetime as dt
import gc
import tracemalloc
from pathlib import Path
from typing import Any

import attrs
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from timeline import (
    Evidence,
    ForeignItemError,
    InvalidItemError,
    Item,
    Matches,
    Span,
    Timeline,
    UnknownRelationError,
)
from timeline.calendar import month_range, seconds
from timeline.index import NEG, POS, SpanIndex

# --- the seed article's events ------------------------------------------------------------

AGREEMENT = Item("agreement", Span.from_timex3("1999"), "base agreement", kind="agree", actor_names=("RUS", "TJK"))
RATIFY = Item("ratify", Span.from_timex3("2001"), "ratification", kind="ratify", actor_names=("RUS",))
IVANOV = Item("ivanov", Span.from_timex3("2003-W11"), "Ivanov visits", kind="visit", actor_names=("RUS",), place_names=("Dushanbe",))
PUTIN = Item("putin", Span.from_timex3("2003-04"), "Putin visits", kind="visit", status="planned", actor_names=("RUS",), place_names=("Dushanbe",))
ELECTION = Item("election", Span.from_timex3("2004"), "Russian election", kind="election", actor_names=("RUS",))
SEED = [PUTIN, ELECTION, AGREEMENT, IVANOV, RATIFY]


def seed() -> Timeline:
    return Timeline(SEED, name="seed", dct=Span.from_timex3("2003-03-18"))


def test_iteration_is_chronological_and_ids_are_kept() -> None:
    tl = seed()
    assert len(tl) == 5
    assert tl.ids == ["agreement", "ratify", "ivanov", "putin", "election"]
    assert [item.id for item in tl] == tl.ids
    assert tl["putin"] is PUTIN
    assert tl.get("nobody") is None
    assert "putin" in tl
    assert PUTIN in tl
    assert "nobody" not in tl
    assert tl.dct == Span.from_timex3("2003-03-18")
    assert "5 items" in repr(tl)


def test_relation_is_certain_and_possible() -> None:
    tl = seed()
    assert tl.relation("ivanov", "putin").holds("before") == "certain"
    rel = tl.relation(AGREEMENT, "agreement")
    assert rel.holds("equals") == "possible"
    assert "before" in {str(r) for r in rel.possible}


# --- bad input ------------------------------------------------------------------------------


def test_duplicate_ids_name_the_item() -> None:
    with pytest.raises(InvalidItemError, match="'putin' appears twice"):
        Timeline([PUTIN, ELECTION, PUTIN])


def test_an_object_without_time_is_named() -> None:
    @attrs.frozen
    class NoTime:
        id: str

    with pytest.raises(InvalidItemError, match="'x' is not a timeline item: it has no time"):
        Timeline([PUTIN, NoTime("x")])
    with pytest.raises(InvalidItemError, match="its time must be a Span"):
        Timeline([attrs.evolve(PUTIN, time="2003-04")])


def _forged(span: Span, **bounds: Any) -> Span:
    """A span whose bounds bypassed Span's own checks (as a careless subclass might)."""
    forged = attrs.evolve(span)
    for name, value in bounds.items():
        object.__setattr__(forged, name, value)
    return forged


def test_nan_and_reversed_bounds_name_the_item() -> None:
    with pytest.raises(InvalidItemError, match="item 'putin': earliest_start is NaN"):
        Timeline([ELECTION, attrs.evolve(PUTIN, time=_forged(PUTIN.time, earliest_start=float("nan")))])
    with pytest.raises(InvalidItemError, match="item 'putin': it ends before it starts"):
        Timeline([attrs.evolve(PUTIN, time=_forged(PUTIN.time, earliest_start=10**10, latest_start=10**10))])
    with pytest.raises(InvalidItemError, match="earliest end is after its latest end"):
        Timeline([attrs.evolve(PUTIN, time=_forged(PUTIN.time, earliest_end=10**10))])


def test_unknown_relation_and_foreign_items() -> None:
    tl = seed()
    with pytest.raises(UnknownRelationError, match="'bfore' is not a known relation: expected one of after, before"):
        tl.constrain("ivanov", "bfore", "putin")
    stranger = Item("stranger", Span.from_timex3("2002"))
    with pytest.raises(ForeignItemError, match="'stranger' is not in this timeline"):
        tl.constrain(stranger, "before", "putin")
    impostor = attrs.evolve(PUTIN, label="someone else's Putin visit")
    with pytest.raises(ForeignItemError, match="'putin' belongs to another timeline"):
        tl.constrain("ivanov", "before", impostor)
    with pytest.raises(KeyError):  # ForeignItemError refines KeyError
        tl["stranger"]


def test_failed_operations_leave_the_timeline_unchanged() -> None:
    tl = seed().constrain("ivanov", "before", "putin")
    before = (tl.to_json(), list(tl), tl.constraints)
    with pytest.raises(ValueError, match="constraints contradict"):
        tl.constrain("election", "before", "agreement")
    with pytest.raises(UnknownRelationError):
        tl.constrain_all([("ivanov", "after", "ratify"), ("ivanov", "sideways", "putin")])
    with pytest.raises(InvalidItemError):
        tl.add(attrs.evolve(ELECTION))
    assert (tl.to_json(), list(tl), tl.constraints) == before


def test_add_returns_a_new_timeline() -> None:
    tl = Timeline([PUTIN])
    more = tl.add(IVANOV)
    assert len(tl) == 1
    assert len(more) == 2
    assert more.ids == ["ivanov", "putin"]


# --- ordering under uncertainty --------------------------------------------------------------

bound = st.integers(min_value=-(10**12), max_value=10**12)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    points = sorted(draw(st.lists(st.integers(-50, 50), min_size=4, max_size=4)))
    scale = draw(st.sampled_from([1, 86_400, 10**9]))
    es, a, b, le = (p * scale for p in points)
    ls, ee = (a, b) if draw(st.booleans()) else (b, a)
    ls, ee = min(ls, le), max(ee, es)
    values: list[int | None] = [es, ls, ee, le]
    for k in range(4):
        if draw(st.integers(0, 6)) == 0:
            values[k] = None
    return Span(*values)


def _certainly_before(a: Span, b: Span) -> bool:
    if a.latest_end is None or b.earliest_start is None or a.latest_end > b.earliest_start:
        return False
    same_instant = a.earliest_start == a.latest_end == b.earliest_start == b.latest_end
    return not same_instant


@settings(max_examples=200, deadline=None)
@given(st.lists(spans(), min_size=1, max_size=30))
def test_order_is_consistent_with_certain_before(values: list[Span]) -> None:
    items = [Item(f"i{k}", s) for k, s in enumerate(values)]
    position = {item.id: k for k, item in enumerate(Timeline(items))}
    for a in items:
        for b in items:
            if a is not b and _certainly_before(a.time, b.time):
                assert position[a.id] < position[b.id], (a.time, b.time)


@settings(max_examples=100, deadline=None)
@given(st.lists(spans(), min_size=1, max_size=30))
def test_finite_spans_go_by_midpoint_then_insertion(values: list[Span]) -> None:
    items = [Item(f"i{k}", s) for k, s in enumerate(values) if s.earliest_start is not None and s.latest_end is not None]
    ordered = list(Timeline(items))
    keys = [(i.time.earliest_start + i.time.latest_end, int(i.id[1:])) for i in ordered]
    assert keys == sorted(keys)


def test_ties_keep_insertion_order() -> None:
    same = [Item(name, Span.from_timex3("2003-04")) for name in "dcab"]
    assert Timeline(same).ids == list("dcab")


def test_open_spans_sort_where_nothing_contradicts() -> None:
    before_2000 = Item("old", Span(None, None, None, seconds(2000)))
    after_2005 = Item("new", Span(seconds(2005), None, None, None))
    unknown = Item("unknown", Span.unknown())
    tl = Timeline([unknown, after_2005, PUTIN, before_2000])
    assert tl.ids == ["old", "putin", "new", "unknown"]


# --- queries -----------------------------------------------------------------------------


def test_at_and_overlapping_say_certain_and_possible() -> None:
    tl = seed()
    march_12 = tl.at("2003-03-12")
    assert march_12.ids() == ["ivanov"]
    assert march_12.certain == ()  # the visit may have been on another day of that week
    week = tl.overlapping(Span.from_timex3("2003-W11"))
    assert week.ids(certain=True) == ["ivanov"]
    spring = tl.overlapping("2003")
    assert spring.ids() == ["ivanov", "putin"]
    assert spring.ids(certain=True) == ["ivanov", "putin"]
    assert [i.id for i in tl.overlapping((seconds(2000), seconds(2003, 3, 11))).possible] == ["ratify", "ivanov"]
    assert [i.id for i in tl.overlapping((seconds(2000), seconds(2003, 3, 11))).uncertain] == ["ivanov"]
    with pytest.raises(TypeError, match="ambiguous"):
        bool(spring)


def test_at_finds_instants() -> None:
    t = seconds(2003, 3, 18, 12)
    tl = Timeline([Item("noon", Span.instant(t)), PUTIN])
    assert tl.at(t).ids(certain=True) == ["noon"]
    assert tl.at(dt.datetime(2003, 3, 18, 12)).ids() == ["noon"]
    assert tl.at(t + 1).ids() == []


def test_before_after_between() -> None:
    tl = seed()
    assert tl.before("putin").ids(certain=True) == ["agreement", "ratify", "ivanov"]
    assert tl.after("ratify").ids(certain=True) == ["ivanov", "putin", "election"]
    assert tl.between("ratify", "election").ids(certain=True) == ["ivanov", "putin"]
    assert tl.between("2000", "2003-04-15").ids(certain=True) == ["ratify", "ivanov"]
    assert tl.between("2000", "2003-04-15").ids() == ["ratify", "ivanov", "putin"]
    maybe = Timeline([*SEED, Item("sometime", Span.within(seconds(2003), seconds(2005)))])
    result = maybe.before("election")
    assert "sometime" in result.ids()
    assert "sometime" not in result.ids(certain=True)
    assert [i.id for i in result.uncertain] == ["sometime"]


def test_filter() -> None:
    tl = seed().constrain("ivanov", "before", "putin").constrain("agreement", "before", "ratify")
    visits = tl.filter(kind="visit")
    assert visits.ids == ["ivanov", "putin"]
    assert [(c.a, c.b) for c in visits.constraints] == [("ivanov", "putin")]
    assert tl.filter(place="dushanbe").ids == ["ivanov", "putin"]
    assert tl.filter(actor=["TJK", "nobody"]).ids == ["agreement"]
    assert tl.filter(status="planned").ids == ["putin"]
    assert tl.filter(kind={"visit", "election"}, predicate=lambda i: "Putin" in i.label).ids == ["putin"]
    assert len(tl.filter(kind="war")) == 0


def test_chart_methods_delegate(monkeypatch: pytest.MonkeyPatch) -> None:
    import timeline.chart

    seen: list[Any] = []
    monkeypatch.setattr(timeline.chart, "timeline_chart", lambda items, **o: seen.append((items, o)) or "chart")
    monkeypatch.setattr(timeline.chart, "mimebundle", lambda items: {"text/plain": str(len(items))}, raising=False)
    import timeline.io.export

    monkeypatch.setattr(timeline.io.export, "save", lambda items, path, **o: (items, path, o))
    tl = seed()
    assert tl.save("out.html", width=300) == (tl, Path("out.html"), {"width": 300})
    assert tl.chart(lanes="actor") == "chart"
    assert seen == [(tl, {"lanes": "actor"})]
    assert tl._repr_mimebundle_() == {"text/plain": "5"}


# --- the index ----------------------------------------------------------------------------


@settings(max_examples=150, deadline=None)
@given(st.lists(spans(), min_size=1, max_size=40), st.integers(-60, 60), st.integers(0, 40), st.sampled_from([1, 86_400, 10**9]))
def test_overlap_query_matches_brute_force(values: list[Span], lo: int, width: int, scale: int) -> None:
    index = SpanIndex.from_spans(values)
    q_lo, q_hi = lo * scale, (lo + width) * scale
    certain, possible = index.overlap((q_lo, q_hi))
    expect_possible, expect_certain = [], []
    for row, s in enumerate(values):
        es = NEG if s.earliest_start is None else s.earliest_start
        le = POS if s.latest_end is None else s.latest_end
        ls = min(POS if s.latest_start is None else s.latest_start, le)
        ee = max(NEG if s.earliest_end is None else s.earliest_end, es)
        if es < le:  # something that lasts cannot start at its exclusive end
            ls = min(ls, le - 1)
        # the item may occupy [s, max(e, s + 1)) for some s in [es, ls], e in [ee, le]
        q_end = max(q_hi, q_lo + 1)
        if es < q_end and max(le, ls + 1 if ls < POS else POS) > q_lo:
            expect_possible.append(row)
        if ls < q_end and max(ee, es + 1) > q_lo:
            expect_certain.append(row)
    assert possible.tolist() == expect_possible
    assert certain.tolist() == expect_certain


def test_index_columns_and_size() -> None:
    rng = np.random.default_rng(7)
    es = rng.integers(0, 10**9, 5000)
    le = es + rng.integers(0, 10**6, 5000)
    index = SpanIndex(es, le, es, le)
    assert index.order.dtype == np.int32
    assert len(index) == 5000
    assert np.all(np.diff((es + le)[index.order]) >= 0)
    assert index.nbytes <= 100 * 5000


def test_memory_per_item_beyond_the_items() -> None:
    n = 20_000
    items = [Item(f"e{k}", Span.within(k * 1000, k * 1000 + 5000)) for k in range(n)]
    gc.collect()
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        tl = Timeline(items)
        tl.overlapping((0, 10))
        held = tracemalloc.get_traced_memory()[0] - base
    finally:
        tracemalloc.stop()
    assert len(tl) == n
    assert held / n <= 200, f"{held / n:.0f} bytes per item"


def test_month_range_helper_agrees_with_spans() -> None:
    start, end = month_range(2003, 4)
    assert (PUTIN.time.earliest_start, PUTIN.time.latest_end) == (start, end)
    assert isinstance(seed().at("2003-04-15"), Matches)


# --- TimeML out ---------------------------------------------------------------------------


def test_timeml_export_has_events_timexes_and_tlinks() -> None:
    from timeline import read_timeml

    tl = seed().add(Item("signing", Span.unknown(), "base agreement signed")).constrain("signing", "during", "putin")
    tl = tl.constrain("ivanov", "before", "putin")
    doc = read_timeml(tl.to_timeml())
    assert doc.doc == "seed"
    assert doc.dct == "2003-03-18"
    assert [e.text for e in doc.events] == ["base agreement", "ratification", "Ivanov visits", "Putin visits", "base agreement signed", "Russian election"]
    assert [t.value for t in doc.timexes] == ["1999", "2001", "2003-W11", "2003-04", "2003-04", "2004"]
    by_eid = {e.eid: e.text for e in doc.events}
    links = {(by_eid.get(link.source, link.source), link.rel_type, by_eid.get(link.target, link.target)) for link in doc.tlinks}
    assert ("base agreement signed", "IS_INCLUDED", "Putin visits") in links
    assert ("Ivanov visits", "BEFORE", "Putin visits") in links
    assert sum(rel == "IS_INCLUDED" for _, rel, _ in links) == 7  # six anchors to a TIMEX3, one to the trip


def test_timeml_export_into_the_source_text() -> None:
    from timeline import read_timeml

    text = "Putin will visit Dushanbe next month and sign the base agreement during his trip."
    visit = Item("v", Span.from_timex3("2003-04"), "visit", evidence=(Evidence(start=11, end=16, text="visit"),))
    sign = Item("s", Span.unknown(), "sign", evidence=(Evidence(start=43, end=47, text="sign"),))
    nothing = Item("n", Span.from_timex3("2003"), "no evidence")
    tl = Timeline([visit, sign, nothing], dct=Span.from_timex3("2003-03-18")).constrain("s", "during", "v")
    timexes = [attrs.make_class("T", ["start", "end", "type", "value"])(26, 36, "DATE", "2003-04")]
    doc = read_timeml(tl.to_timeml(text=text, timexes=timexes, doc_id="seed"))
    assert doc.text == text
    assert [(e.start, e.end) for e in doc.events] == [(11, 16), (43, 47)]
    assert [(t.start, t.end, t.value) for t in doc.timexes] == [(26, 36, "2003-04")]
    assert {(link.source, link.rel_type, link.target) for link in doc.tlinks} == {("e1", "IS_INCLUDED", "t1"), ("e2", "IS_INCLUDED", "t1"), ("e2", "IS_INCLUDED", "e1")}


def test_the_engine_docs_run() -> None:
    import doctest

    path = ROOT / "docs" / "timeline-engine.md"
    result = doctest.testfile(str(path), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
