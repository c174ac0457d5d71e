"""Constraint propagation at scale: n items under 2n constraints, NumPy rounds vs networkx.

Run with ``make bench``. Each result's extra info carries the sizes, so the growth of the time
with n reads off the table; ``networkx`` rows solve the same network (same edges) with
networkx's Bellman-Ford, for comparison.
"""

from __future__ import annotations

import itertools
import random
from typing import Any

import networkx as nx
import numpy as np
import pytest

from timeline import Constraint, ConstraintConflictError, Item, Span, Timeline
from timeline.constraints import Network, relation_named, relations

DAY = 86_400
RELATIONS = sorted(relations())
CLAUSES = {name: relation_named(name).clauses for name in RELATIONS}
_TEST = {"<=": lambda x, y: x <= y, "<": lambda x, y: x < y, "==": lambda x, y: x == y}


def network(n: int, seed: int = 0) -> tuple[list[Item], list[Constraint]]:
    """Items with hidden true times inside uncertain spans, and 2n constraints true of them."""
    rng = np.random.default_rng(seed)
    start = rng.integers(0, 3650, n) * DAY
    end = start + rng.integers(0, 60, n) * DAY
    slack = rng.integers(0, 400, (4, n)) * DAY
    items = [
        Item(f"e{k}", Span(int(start[k] - slack[0, k]), int(start[k] + slack[1, k]), int(max(end[k] - slack[2, k], start[k] - slack[0, k])), int(end[k] + slack[3, k])))
        for k in range(n)
    ]
    pick = random.Random(seed)
    constraints: list[Constraint] = []
    while len(constraints) < 2 * n:
        a, b = pick.randrange(n), pick.randrange(n)
        if a == b:
            continue
        point = {"a.start": start[a], "a.end": end[a], "b.start": start[b], "b.end": end[b]}
        holding = [r for r in RELATIONS if all(_TEST[op](point[x], point[y]) for x, op, y in CLAUSES[r])]
        if holding:
            constraints.append(Constraint(f"e{a}", pick.choice(holding), f"e{b}"))
    return items, constraints


SIZES = [1_000, 3_000, 10_000, 30_000]
_CACHE: dict[int, tuple[list[Item], list[Constraint]]] = {}


def cached(n: int) -> tuple[list[Item], list[Constraint]]:
    if n not in _CACHE:
        _CACHE[n] = network(n)
    return _CACHE[n]


@pytest.mark.parametrize("n", SIZES)
def test_propagate_numpy(benchmark: Any, n: int) -> None:
    items, constraints = cached(n)
    base = Timeline(items)
    result = benchmark.pedantic(base.constrain_all, args=(constraints,), rounds=3 if n <= 10_000 else 1, iterations=1)
    benchmark.extra_info.update(items=n, constraints=len(constraints), tightened=len(result.originals))
    assert len(result) == n


def _edges(n: int) -> tuple[np.ndarray[Any, Any], ...]:
    items, constraints = cached(n)
    base = Timeline(items)
    ix = base.index
    return Network(base.rows.ids(), ix.es, ix.ls, ix.ee, ix.le, tuple(constraints), base.position).edges()


def _networkx(src: list[int], dst: list[int], weight: list[int]) -> tuple[dict[int, int], dict[int, int]]:
    graph = nx.DiGraph()
    for u, v, w in zip(src, dst, weight, strict=True):
        if not graph.has_edge(u, v) or graph[u][v]["weight"] > w:
            graph.add_edge(u, v, weight=w)
    if nx.negative_edge_cycle(graph):
        raise ValueError("contradiction")
    upper = nx.single_source_bellman_ford_path_length(graph, 0)
    lower = nx.single_source_bellman_ford_path_length(graph.reverse(copy=False), 0)
    return upper, lower


@pytest.mark.parametrize("n", SIZES[:3])
def test_propagate_networkx(benchmark: Any, n: int) -> None:
    src, dst, weight, _ = (a.tolist() for a in _edges(n))
    upper, lower = benchmark.pedantic(_networkx, args=(src, dst, weight), rounds=1, iterations=1)
    benchmark.extra_info.update(items=n, constraints=2 * n, edges=len(src))
    # the same answer as ours
    items, constraints = cached(n)
    ours = Timeline(items).constrain_all(constraints)
    first = ours["e0"].time
    assert first.latest_end == upper[2]
    assert first.earliest_start == -lower[1]


def chain(n: int) -> tuple[list[Item], list[Constraint]]:
    """The deepest propagation: n undated items in a chain of "before" between two dates."""
    items = [Item("start", Span.from_timex3("2003-04")), *(Item(f"c{k}", Span.unknown()) for k in range(n)), Item("end", Span.from_timex3("2100"))]
    names = ["start", *(f"c{k}" for k in range(n)), "end"]
    return items, [Constraint(a, "before", b) for a, b in itertools.pairwise(names)]


@pytest.mark.parametrize("n", SIZES[:3])
def test_propagate_chain_numpy(benchmark: Any, n: int) -> None:
    items, constraints = chain(n)
    base = Timeline(items)
    result = benchmark.pedantic(base.constrain_all, args=(constraints,), rounds=3, iterations=1)
    benchmark.extra_info.update(items=n + 2, constraints=len(constraints))
    assert result[f"c{n - 1}"].time.earliest_start == Span.from_timex3("2003-04").earliest_start


@pytest.mark.parametrize("n", SIZES[:3])
def test_propagate_chain_networkx(benchmark: Any, n: int) -> None:
    items, constraints = chain(n)
    base = Timeline(items)
    ix = base.index
    edges = Network(base.rows.ids(), ix.es, ix.ls, ix.ee, ix.le, tuple(constraints), base.position).edges()
    src, dst, weight, _ = (a.tolist() for a in edges)
    benchmark.pedantic(_networkx, args=(src, dst, weight), rounds=1, iterations=1)
    benchmark.extra_info.update(items=n + 2, constraints=len(constraints))


def closed_chain(n: int) -> tuple[list[Item], list[Constraint]]:
    """n lasting items in a chain of "before" closed into a cycle: a contradiction to explain."""
    items = [Item(f"c{k}", Span(0, 10**9, 10**9 + 1, 2 * 10**9)) for k in range(n)]
    names = [f"c{k}" for k in range(n)]
    return items, [Constraint(a, "before", b) for a, b in itertools.pairwise([*names, names[0]])]


def dated_chain(n: int) -> tuple[list[Item], list[Constraint]]:
    """n undated items in a chain of "before" from 2003 back to 2002: a negative cycle through
    the two dates' bounds, explained by walking it."""
    items, constraints = chain(n)
    items[-1] = Item("end", Span.from_timex3("2002"))
    return items, constraints


def _explained(base: Timeline, constraints: list[Constraint]) -> ConstraintConflictError:
    try:
        base.constrain_all(constraints)
    except ConstraintConflictError as error:
        return error
    raise AssertionError("no conflict")


@pytest.mark.parametrize("n", [10_000, 30_000, 100_000])
@pytest.mark.parametrize("make", [closed_chain, dated_chain], ids=["before-cycle", "negative-cycle"])
def test_conflict_explained(benchmark: Any, n: int, make: Any) -> None:
    items, constraints = make(n)
    base = Timeline(items)
    error = benchmark.pedantic(_explained, args=(base, constraints), rounds=3, iterations=1)
    benchmark.extra_info.update(items=n, chain=len(error.chain), message_chars=len(str(error)))
    assert len(str(error)) < 1000
