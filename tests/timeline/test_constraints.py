"""Constraints as a simple temporal network: tightening, explained conflicts, quantities."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import itertools
import random
import re

import networkx as nx
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from timeline import (
    Constraint,
    ConstraintConflictError,
    ForeignItemError,
    Granularity,
    Item,
    Span,
    Timeline,
    UnknownRelationError,
    read_timeml,
)
from timeline import constraints as constraints_module
from timeline.calendar import SECONDS_PER_DAY, month_range, seconds
from timeline.constraints import ItemBound, Network, relation_named, relations
from timeline.index import NEG, POS

PUTIN = Item("putin", Span.from_timex3("2003-04"), "Putin visits Tajikistan")
SIGNING = Item("signing", Span.unknown(), "base agreement signed")
AFTER_DCT = Item("deploy", Span(seconds(2003, 3, 18), None, None, None), "Kant deployment")


def test_signing_during_the_trip_gets_april_2003() -> None:
    tl = Timeline([PUTIN, SIGNING]).constrain("signing", "during", "putin")
    signing = tl["signing"]
    start, end = month_range(2003, 4)
    assert (signing.time.earliest_start, signing.time.latest_start) == (start, end)
    assert (signing.time.earliest_end, signing.time.latest_end) == (start, end)
    assert signing.time.timex == "2003-04"
    assert signing.time.granularity == Granularity.MONTH
    assert signing.label == SIGNING.label
    assert tl["putin"] is PUTIN  # the trip is unchanged
    assert tl.original_time("signing") == SIGNING.time
    assert tl.constraints == (Constraint("signing", "during", "putin"),)


def test_tightened_bounds_drop_what_the_text_said() -> None:
    tl = Timeline([PUTIN, AFTER_DCT]).constrain("deploy", "before", "putin")
    deploy = tl["deploy"].time
    assert deploy.earliest_start == seconds(2003, 3, 18)
    assert deploy.latest_end == seconds(2003, 5, 1)
    assert deploy.timex is None
    assert deploy.granularity == Granularity.UNKNOWN


def test_conflict_names_the_chain_and_leaves_the_timeline() -> None:
    ratify = Item("ratify", Span.from_timex3("2001"))
    tl = Timeline([PUTIN, SIGNING, ratify]).constrain("signing", "during", "putin")
    with pytest.raises(ConstraintConflictError) as caught:
        tl.constrain("signing", "before", "ratify")
    message = str(caught.value)
    assert "'signing' during 'putin'" in message
    assert "'signing' before 'ratify'" in message
    assert "'putin' starts no earlier than 2003-04-01" in message
    assert "'ratify' starts no later than 2002-01-01" in message
    assert "items in conflict: " in message
    chain = caught.value.chain
    assert Constraint("signing", "before", "ratify") in chain
    assert Constraint("signing", "during", "putin") in chain
    assert ItemBound("putin", "earliest_start", seconds(2003, 4)) in chain
    assert isinstance(caught.value, ValueError)
    assert tl.constraints == (Constraint("signing", "during", "putin"),)
    assert tl["signing"].time.timex == "2003-04"


def test_a_cycle_of_befores_between_lasting_items_contradicts() -> None:
    lasting = Item("a", Span(0, 10, 20, 10**9))  # lasts at least 10 s
    tl = Timeline([lasting, Item("b", Span.within(0, 10**9)), Item("c", Span.within(0, 10**9))]).constrain("a", "before", "b").constrain("b", "before", "c")
    with pytest.raises(ConstraintConflictError) as caught:
        tl.constrain("c", "before", "a")
    links = [link for link in caught.value.chain if isinstance(link, Constraint)]
    assert sorted((c.a, c.b) for c in links) == [("a", "b"), ("b", "c"), ("c", "a")]


def test_open_items_in_a_strict_cycle_contradict() -> None:
    items = [Item(n, Span.unknown()) for n in "xy"]
    with pytest.raises(ConstraintConflictError, match=r"'x' overlaps 'y'.*'y' overlaps 'x'|'y' overlaps 'x'.*'x' overlaps 'y'"):
        Timeline(items).constrain("x", "overlaps", "y").constrain("y", "overlaps", "x")


def test_shortly_after_is_within_days_configurable() -> None:
    dct = Item("dct", Span.from_timex3("2003-03-18"))
    later = Item("later", Span.unknown())
    week = Timeline([dct, later]).constrain("later", "shortly after", "dct")
    assert week["later"].time.earliest_start == seconds(2003, 3, 18)
    assert week["later"].time.latest_start == seconds(2003, 3, 19) + 7 * SECONDS_PER_DAY
    two = Timeline([dct, later]).constrain("later", "Shortly-After", dct, within=dt.timedelta(days=2))
    assert two["later"].time.latest_start == seconds(2003, 3, 21)
    assert two.constraints[0].within == 2 * SECONDS_PER_DAY
    assert "within 2 days" in str(two.constraints[0])
    plain = Timeline([dct, later]).constrain("later", "after", "dct", within=3600)
    assert plain["later"].time.latest_start == seconds(2003, 3, 19, 1)
    with pytest.raises(ValueError, match="takes no 'within'"):
        Timeline([dct, later]).constrain("later", "during", "dct", within=5)
    with pytest.raises(ValueError, match="non-negative"):
        Timeline([dct, later]).constrain("later", "after", "dct", within=-5)


def test_relation_names_and_aliases() -> None:
    assert relation_named("IS_INCLUDED").name == "during"
    assert relation_named("finishes").name == "ends"
    assert relation_named("  Immediately before ").name == "meets"
    for name, rel in relations().items():
        assert relation_named(name) is rel
        assert rel.inverse is None or relation_named(rel.inverse).inverse == name
    with pytest.raises(UnknownRelationError, match="'around' is not a known relation"):
        Constraint("a", "around", "b")
    with pytest.raises(UnknownRelationError, match="expected a str"):
        relation_named(3)  # type: ignore[arg-type]


def test_tuples_and_constraints_in_bulk() -> None:
    items = [Item(n, Span.from_timex3(v)) for n, v in (("a", "2003"), ("b", "2003-06"), ("c", "2003"))]
    one = Timeline(items).constrain_all([("a", "before", "b"), Constraint("c", "after", "b")])
    two = Timeline(items).constrain("a", "before", "b").constrain("c", "after", "b")
    assert list(one) == list(two)
    assert one["a"].time.latest_end == seconds(2003, 7)
    assert one["c"].time.earliest_start == seconds(2003, 6)
    with pytest.raises(ForeignItemError, match="'z'"):
        Timeline(items).constrain_all([("a", "before", "z")])
    with pytest.raises(TypeError, match="not a constraint"):
        Timeline(items).constrain_all(["a before b"])  # type: ignore[list-item]


# --- propagation is exact: the same bounds as networkx's Bellman-Ford ------------------------

NAMES = sorted(relations())


def _random_network(rng: random.Random, n: int, m: int) -> Timeline:
    """Items with hidden true times, uncertain spans around them, constraints true of them."""
    items, truth = [], []
    for k in range(n):
        s = rng.randrange(0, 1000)
        e = s + rng.randrange(0, 200)
        truth.append((s, e))
        wide = [s - rng.randrange(0, 300), s + rng.randrange(0, 300), e - rng.randrange(0, 300), e + rng.randrange(0, 300)]
        wide[2] = max(wide[2], wide[0])
        wide[1] = min(wide[1], wide[3])
        opened: list[int | None] = [v if rng.random() > 0.15 else None for v in wide]
        items.append(Item(f"i{k}", Span(*opened)))
    constraints = []
    for _ in range(m):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b:
            continue
        holding = [name for name in NAMES if _holds(name, truth[a], truth[b])]
        if holding:
            constraints.append(Constraint(f"i{a}", rng.choice(holding), f"i{b}"))
    return Timeline(items).constrain_all(constraints), truth  # type: ignore[return-value]


def _holds(name: str, a: tuple[int, int], b: tuple[int, int]) -> bool:
    point = {"a.start": a[0], "a.end": a[1], "b.start": b[0], "b.end": b[1]}
    test = {"<=": lambda x, y: x <= y, "<": lambda x, y: x < y, "==": lambda x, y: x == y}
    return all(test[op](point[x], point[y]) for x, op, y in relation_named(name).clauses)


@pytest.mark.parametrize("narrow", [0, 48, 10**9], ids=["numpy-rounds", "hybrid", "worklist"])
@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 40), st.integers(0, 100))
def test_propagation_keeps_the_truth_and_matches_networkx(narrow: int, seed: int, n: int, m: int) -> None:
    constraints_module._NARROW, saved = narrow, constraints_module._NARROW
    try:
        _check_propagation(seed, n, m)
    finally:
        constraints_module._NARROW = saved


def _check_propagation(seed: int, n: int, m: int) -> None:
    rng = random.Random(seed)
    tl, truth = _random_network(rng, n, m)  # type: ignore[misc]
    for k, (s, e) in enumerate(truth):
        span = tl[f"i{k}"].time
        assert span.earliest_start is None or span.earliest_start <= s
        assert span.latest_start is None or s <= span.latest_start
        assert span.earliest_end is None or span.earliest_end <= e
        assert span.latest_end is None or e <= span.latest_end
    # the same network, solved by networkx from the original bounds
    ids = [f"i{k}" for k in range(n)]
    base = Timeline([Item(i, tl.original_time(i)) for i in ids])
    ix = base.index
    net = Network(ids, ix.es, ix.ls, ix.ee, ix.le, tl.constraints, base.position)
    src, dst, weight, _ = net.edges()
    graph = nx.DiGraph()
    graph.add_nodes_from(range(1 + 2 * n))
    for u, v, w in zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True):
        if not graph.has_edge(u, v) or graph[u][v]["weight"] > w:
            graph.add_edge(u, v, weight=w)
    upper = nx.single_source_bellman_ford_path_length(graph, 0)
    lower = nx.single_source_bellman_ford_path_length(graph.reverse(copy=True), 0)
    for k, ident in enumerate(ids):
        es, ls, ee, le = _effective(tl[ident].time)  # an open latest start is the latest end, ...
        start, end = 1 + 2 * k, 2 + 2 * k
        assert ls == upper.get(start)
        assert le == upper.get(end)
        assert es == (-lower[start] if start in lower else None)
        assert ee == (-lower[end] if end in lower else None)


def _effective(span: Span) -> tuple[int | None, ...]:
    es, ls, ee, le = span.earliest_start, span.latest_start, span.earliest_end, span.latest_end
    if le is not None:
        ls = le if ls is None else min(ls, le)
    if es is not None:
        ee = es if ee is None else max(ee, es)
    return es, ls, ee, le


@pytest.mark.parametrize("narrow", [0, 48, 10**9], ids=["numpy-rounds", "hybrid", "worklist"])
@settings(max_examples=40, deadline=None)
@given(st.integers(0, 2**32), st.integers(2, 40))
def test_conflicts_are_real_negative_cycles(narrow: int, seed: int, n: int) -> None:
    # below `narrow` active points the NumPy rounds hand over to a Python work list: try both
    constraints_module._NARROW, saved = narrow, constraints_module._NARROW
    try:
        _check_conflicts(seed, n)
    finally:
        constraints_module._NARROW = saved


def _check_conflicts(seed: int, n: int) -> None:
    rng = random.Random(seed)
    items = [Item(f"i{k}", Span(0, 500, 100, 1000)) for k in range(n)]
    constraints = [Constraint(f"i{rng.randrange(n)}", rng.choice(NAMES), f"i{rng.randrange(n)}") for _ in range(3 * n)]
    constraints = [c for c in constraints if c.a != c.b]
    tl = Timeline(items)
    ix = tl.index
    net = Network(tl.rows.ids(), ix.es, ix.ls, ix.ee, ix.le, tuple(constraints), tl.position)
    src, dst, weight, _ = net.edges()
    graph = nx.MultiDiGraph()
    graph.add_nodes_from(range(1 + 2 * n))
    graph.add_weighted_edges_from(zip(src.tolist(), dst.tolist(), weight.tolist(), strict=True))
    order = nx.DiGraph()  # "before"-like links between items: a cycle is a contradiction too
    for c in constraints:
        clauses = relation_named(c.relation).clauses
        if ("a.end", "<=", "b.start") in clauses:
            order.add_edge(c.a, c.b)
        if ("b.end", "<=", "a.start") in clauses:
            order.add_edge(c.b, c.a)
    cycle = any(len(part) > 1 for part in nx.strongly_connected_components(order))
    contradictory = nx.negative_edge_cycle(graph) or cycle
    try:
        tl.constrain_all(constraints)
    except ConstraintConflictError as error:
        assert contradictory
        named = [c for c in error.chain if isinstance(c, Constraint)]
        assert named
        assert all(c in constraints for c in named)
    else:
        assert not contradictory


def test_network_bounds_use_sentinels() -> None:
    tl = Timeline([Item("a", Span.unknown()), Item("b", Span.from_timex3("2003"))])
    ix = tl.index
    net = Network(tl.rows.ids(), ix.es, ix.ls, ix.ee, ix.le, (Constraint("a", "before", "b"),), tl.position)
    es, ls, _, le = net.propagate()
    assert es[0] == NEG
    assert ls[0] == seconds(2004)
    assert le[0] == seconds(2004)
    assert np.all(es <= ls)
    assert ls[1] < POS


# --- real temporal links: TBAQ (TempEval-3 training) ------------------------------------------

TBAQ = SHARED / "corpora" / "tbaq"


@pytest.mark.corpus
def test_tbaq_tlinks_propagate_and_conflicts_are_explained() -> None:
    if not TBAQ.is_dir():
        pytest.skip(f"{TBAQ} is absent")
    paths = sorted(p for p in TBAQ.rglob("*.tml") if not p.name.startswith("._"))
    consistent, conflicts, bounded, events = 0, 0, 0, 0
    for path in paths:
        doc = read_timeml(path)
        dct = Span.from_timex3(doc.dct) if doc.dct else None
        items = [Item("t0", dct, "DCT", kind="timex")] if dct else []
        for t in doc.timexes:
            if t.type in ("DATE", "TIME"):
                with contextlib.suppress(ValueError):  # values the span reader does not take
                    items.append(Item(t.tid, Span.from_timex3(t.value, dct=dct), t.text, kind="timex"))
        items += [Item(e.eid, Span.unknown(), e.text, kind="event") for e in doc.events]
        tl = Timeline(items)
        links = [(link.source, link.rel_type, link.target) for link in doc.tlinks if link.source in tl.position and link.target in tl.position]
        chain: tuple[object, ...] = ()
        try:
            out = tl.constrain_all(links)
        except ConstraintConflictError as error:
            chain = error.chain
        if chain:
            conflicts += 1
            named = [c for c in chain if isinstance(c, Constraint)]
            given = {(a, relation_named(rel).name, b) for a, rel, b in links}
            assert named
            assert all((c.a, c.relation, c.b) in given for c in named)
            continue
        consistent += 1
        found = [i for i in out if i.kind == "event"]
        events += len(found)
        bounded += sum(i.time.earliest_start is not None or i.time.latest_end is not None for i in found)
    assert len(paths) == 256
    assert consistent >= 0.8 * len(paths)  # measured: 220 of 256 (the rest contradict as annotated)
    assert bounded >= 0.5 * events  # measured: 5,024 of 8,718 events get a bound from their links


def test_strict_cycles_of_before_contradict_unless_all_are_instants() -> None:
    tl = Timeline([Item("a", Span.from_timex3("2003")), Item("x", Span.unknown()), Item("z", Span.unknown()), Item("i", Span.instant(5)), Item("j", Span.instant(5))])
    with pytest.raises(ConstraintConflictError, match=r"'a' before 'a' is a cycle of 'before'"):
        tl.constrain("a", "before", "a")
    with pytest.raises(ConstraintConflictError, match=r"cycle of 'before'") as caught:
        tl.constrain_all([("x", "before", "z"), ("z", "before", "x")])
    assert sorted((c.a, c.b) for c in caught.value.chain) == [("x", "z"), ("z", "x")]
    with pytest.raises(ConstraintConflictError, match=r"cycle of 'before'"):
        tl.constrain_all([("x", "after", "z"), ("x", "before", "z")])  # after is before, turned round
    both = tl.constrain_all([("i", "before", "j"), ("j", "before", "i")])  # two instants at one time
    assert both["i"].time == Span.instant(5)
    assert tl.constrain_all([("x", "before", "z"), ("z", "before", "i")]).constraints  # no cycle


def test_within_beyond_int64_is_a_value_error() -> None:
    tl = Timeline([Item("a", Span.unknown()), Item("b", Span.unknown())])
    with pytest.raises(ValueError, match=r"within must be at most .* got 10{30}"):
        tl.constrain("a", "before", "b", within=10**30)
    with pytest.raises(ValueError, match=r"within must be at most"):
        Constraint.make("a", "shortly_after", "b", within=1e30)


def test_a_long_conflict_is_named_in_a_capped_message() -> None:
    n = 2_000
    items = [Item("start", Span.from_timex3("2003")), *(Item(f"c{k}", Span.unknown()) for k in range(n)), Item("end", Span.from_timex3("2001"))]
    names = ["start", *(f"c{k}" for k in range(n)), "end"]
    with pytest.raises(ConstraintConflictError) as caught:
        Timeline(items).constrain_all([Constraint(a, "before", b) for a, b in itertools.pairwise(names)])
    error = caught.value
    links = [c for c in error.chain if isinstance(c, Constraint)]
    assert len(links) == n + 1  # the whole chain is kept ...
    message = str(error)
    assert len(message) < 1000  # ... and the message names its ends and counts the rest
    assert re.search(r"\.\.\. \d+ more links \.\.\.", message)
    assert re.search(rf"\.\.\. {n + 2 - 6} more items \.\.\.", message)
    assert "'start'" in message
    assert "'end'" in message


@pytest.mark.parametrize("enabled", [True, False])
def test_explaining_a_conflict_leaves_the_garbage_collector_as_it_was(enabled: bool) -> None:
    """The chain is built with the collector paused; it is on or off afterwards as before."""
    ratify = Item("ratify", Span.from_timex3("2001"))
    tl = Timeline([PUTIN, SIGNING, ratify]).constrain("signing", "during", "putin")
    was = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        with pytest.raises(ConstraintConflictError):
            tl.constrain("signing", "before", "ratify")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()
