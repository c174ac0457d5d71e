"""Relations between items as a simple temporal network (STN), and their propagation.

Every item has two time points, its start ``s`` and its (exclusive) end ``e``; what is known
about them is a set of *difference constraints* ``x - y <= w``:

- its own bounds: ``earliest_start <= s <= latest_start``, ``earliest_end <= e <= latest_end``
  and ``s <= e`` (an item may be an instant);
- each ``Constraint`` between two items: a named relation (``timeline/data/relations.json``
  spells each one out as clauses such as ``a.end <= b.start``), optionally quantitative
  (``within``: "shortly after" is "after, by at most N days").

That is a simple temporal network (Dechter, Meiri and Pearl 1991): the tightest bounds of each
point are shortest-path distances from a zero point ``z`` (upper bounds) and to it (lower
bounds), and the constraints contradict exactly when the graph has a negative cycle. The
shortest paths are computed by Bellman-Ford in rounds over NumPy arrays: each round relaxes,
at once, every edge leaving a point that improved in the previous round, so the work is
proportional to the edges touched and a round costs a few NumPy calls however wide it is.
When the front is narrow (a long chain of "before" moves one point a round) a round's fixed
cost would dominate, so a plain-Python FIFO work list takes over until the front widens again.
Each point remembers the edge that last improved it; a cycle among those predecessor edges is
a negative cycle (looked for by pointer doubling at rounds 32, 64, 128, ... and as the work
list's relaxations double), and walking it gives the chain of constraints and item bounds in
conflict, which ``ConstraintConflictError`` names, in order (the message names the first and
last links of a long chain and counts the rest). Before any of that, a cycle of "before"-like
constraints through an item that is not an instant is refused (``order_cycle``): it would only
hold if every item on it were one instant.

Measured (``tests/bench/test_bench_constraints.py``, see ``docs/timeline-engine.md``): 10,000
items under 20,000 constraints propagate in about 0.15 s, growing a little faster than linearly
(0.4 s at 30,000 items, about 2.5 s at 100,000); networkx's Bellman-Ford on the same edges
takes about four times as long at 10,000 and gives no chain of constraints.
"""

from __future__ import annotations

import collections
import contextlib
import datetime as _dt
import functools
import gc
import math
import operator
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, NamedTuple

import attrs
import numpy as np
import numpy.typing as npt

from timeline.calendar import SECONDS_PER_DAY, civil_from_seconds
from timeline.errors import ConstraintConflictError, UnknownRelationError
from timeline.index import NEG, POS, Int64Array, ranges
from timeline.package_data import load_table

__all__ = [
    "MAX_WITHIN",
    "MESSAGE_LINKS",
    "Constraint",
    "ItemBound",
    "Links",
    "Network",
    "RelationSpec",
    "iso",
    "normalize_name",
    "order_cycle",
    "propagate",
    "relation_named",
    "relations",
]

# --------------------------------------------------------------------------------------------
# The relation table (data/relations.json)


@attrs.frozen(slots=True)
class RelationSpec:
    """A named relation between items ``a`` and ``b``, as clauses on their points."""

    name: str
    clauses: tuple[tuple[str, str, str], ...]
    timeml: str | None = None
    inverse: str | None = None
    within: tuple[str, str] | None = None
    default_within: int | None = None  # seconds
    aliases: tuple[str, ...] = ()


def normalize_name(name: str) -> str:
    """``"Shortly After"`` -> ``"shortly_after"``: lower case, spaces and hyphens as underscores."""
    return "_".join(name.strip().lower().replace("-", " ").split())


@functools.cache
def _table() -> tuple[dict[str, RelationSpec], dict[str, str], int]:
    data = load_table("timeline", "relations.json")
    table: dict[str, RelationSpec] = {}
    names: dict[str, str] = {}
    for name, spec in data["relations"].items():
        days = spec.get("default_within_days")
        within = spec.get("within")
        table[name] = RelationSpec(
            name=name,
            clauses=tuple((x, op, y) for x, op, y in spec["clauses"]),
            timeml=spec.get("timeml"),
            inverse=spec.get("inverse"),
            within=(within[0], within[1]) if within else None,
            default_within=None if days is None else int(days * SECONDS_PER_DAY),
            aliases=tuple(spec.get("aliases", ())),
        )
        for alias in (name, *spec.get("aliases", ())):
            names[normalize_name(alias)] = name
    return table, names, int(data["strict_gap_seconds"])


def relations() -> Mapping[str, RelationSpec]:
    """Every relation by its canonical name."""
    return dict(_table()[0])


def relation_named(name: str) -> RelationSpec:
    """The relation called ``name`` (or one of its aliases); ``UnknownRelationError`` otherwise."""
    table, names, _ = _table()
    if not isinstance(name, str):
        raise UnknownRelationError(f"{name!r} is not a relation name: expected a str such as 'before'")
    canonical = names.get(normalize_name(name))
    if canonical is None:
        known = ", ".join(sorted(table))
        raise UnknownRelationError(f"{name!r} is not a known relation: expected one of {known} (or an alias)")
    return table[canonical]


def _seconds(value: int | float | _dt.timedelta | None, what: str) -> int | None:
    if value is None:
        return None
    if isinstance(value, _dt.timedelta):
        value = value.total_seconds()
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise ValueError(f"{what} must be a non-negative number of seconds or a timedelta, got {value!r}")
    if value > MAX_WITHIN:
        raise ValueError(f"{what} must be at most {MAX_WITHIN} seconds (about 146 billion years), got {value!r}")
    return int(value)


MAX_WITHIN = 2**62
"""The longest ``within`` (seconds): any more would overflow the network's int64 sums."""


def _canonical(name: str) -> str:
    return relation_named(name).name


@attrs.frozen(slots=True)
class Constraint:
    """``a`` stands in ``relation`` to ``b`` (item ids), at most ``within`` seconds apart."""

    a: str
    relation: str = attrs.field(converter=_canonical)
    b: str
    within: int | None = None
    note: str = ""

    @classmethod
    def make(cls, a: str, relation: str, b: str, *, within: int | float | _dt.timedelta | None = None, note: str = "") -> Constraint:
        """A constraint; ``within`` in seconds or as a ``timedelta``; defaults from the relation table."""
        rel = relation_named(relation)
        seconds = _seconds(within, "within")
        if seconds is not None and rel.within is None:
            raise ValueError(f"relation {rel.name!r} takes no 'within' (only before/after and their 'shortly' forms do)")
        if seconds is None:
            seconds = rel.default_within
        return cls(a, rel.name, b, seconds, note)

    def __str__(self) -> str:
        text = f"{self.a!r} {self.relation.replace('_', ' ')} {self.b!r}"
        if self.within is not None:
            text += f" within {_duration(self.within)}"
        return text


class ItemBound(NamedTuple):
    """One of an item's own bounds, as a link in a chain of constraints (a named tuple: a
    chain through a long network holds one per item, made in a fraction of a microsecond)."""

    item: str
    bound: str  # earliest_start, latest_start, earliest_end, latest_end, or "order" (start <= end)
    value: int | None = None

    def __str__(self) -> str:
        if self.bound == "order":
            return f"{self.item!r} ends no earlier than it starts"
        point, side = {
            "earliest_start": ("starts", "no earlier than"),
            "latest_start": ("starts", "no later than"),
            "earliest_end": ("ends", "no earlier than"),
            "latest_end": ("ends", "no later than"),
        }[self.bound]
        return f"{self.item!r} {point} {side} {iso(self.value)}"


def iso(value: int | None) -> str:
    """ISO 8601 text of a seconds count (years outside 0..9999 signed)."""
    if value is None:
        return "(open)"
    y, mo, d, h, mi, s = civil_from_seconds(value)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{y:+05d}"
    text = f"{year}-{mo:02d}-{d:02d}"
    return text if h == mi == s == 0 else f"{text}T{h:02d}:{mi:02d}:{s:02d}"


def _duration(seconds: int) -> str:
    days, rest = divmod(seconds, SECONDS_PER_DAY)
    if rest == 0:
        return f"{days} day{'s' if days != 1 else ''}"
    return f"{seconds} seconds"


# --------------------------------------------------------------------------------------------
# The network

_KINDS = ("earliest_start", "latest_start", "earliest_end", "latest_end", "order")


_ROLE = {"a.start": 0, "a.end": 1, "b.start": 2, "b.end": 3}


@functools.cache
def _template(name: str) -> tuple[tuple[int, int, int], ...]:
    """The edges of a relation as (from role, to role, weight); roles 0-3: a.start .. b.end."""
    _, _, gap = _table()
    out = []
    for x, op, y in relation_named(name).clauses:
        px, py = _ROLE[x], _ROLE[y]
        if op == "<=":  # x - y <= 0: an edge y -> x of weight 0
            out.append((py, px, 0))
        elif op == "<":
            out.append((py, px, -gap))
        else:  # ==
            out += [(py, px, 0), (px, py, 0)]
    return tuple(out)


@attrs.frozen(slots=True)
class Links:
    """The rows the constraints join: ``a[k]`` and ``b[k]`` of constraint ``k``, and the
    constraint numbers of each relation (in order of first use)."""

    a: Int64Array
    b: Int64Array
    by_relation: Mapping[str, list[int]]

    @classmethod
    def of(cls, constraints: Sequence[Constraint], position: Mapping[str, int]) -> Links:
        """The links of ``constraints`` between the rows ``position`` gives their ids."""
        by_relation: dict[str, list[int]] = {}
        for number, c in enumerate(constraints):
            by_relation.setdefault(c.relation, []).append(number)
        ia = np.fromiter(map(position.__getitem__, map(_A, constraints)), dtype=np.int64, count=len(constraints))
        ib = np.fromiter(map(position.__getitem__, map(_B, constraints)), dtype=np.int64, count=len(constraints))
        return cls(ia, ib, by_relation)


_A, _B = operator.attrgetter("a"), operator.attrgetter("b")


def _constraint_edges(constraints: Sequence[Constraint], links: Links) -> tuple[Int64Array, ...]:
    """(src, dst, weight, origin) of the constraints' edges ``u -> v`` (``x_v - x_u <= w``),
    built a relation at a time over arrays."""
    ia, ib = links.a, links.b
    parts: list[tuple[Int64Array, ...]] = []
    for name, numbers in links.by_relation.items():
        rows = np.asarray(numbers, dtype=np.int64)
        points = (1 + 2 * ia[rows], 2 + 2 * ia[rows], 1 + 2 * ib[rows], 2 + 2 * ib[rows])
        for u, v, w in _template(name):
            parts.append((points[u], points[v], np.full(len(rows), w, dtype=np.int64), rows))
        spec = relation_named(name)
        if spec.within is not None:
            bounded = [(k, constraints[n].within) for k, n in enumerate(numbers) if constraints[n].within is not None]
            if bounded:
                picks = np.asarray([k for k, _ in bounded], dtype=np.int64)
                weights = np.asarray([w for _, w in bounded], dtype=np.int64)
                x, y = _ROLE[spec.within[0]], _ROLE[spec.within[1]]
                parts.append((points[x][picks], points[y][picks], weights, rows[picks]))  # y - x <= within
    if not parts:
        empty = np.empty(0, dtype=np.int64)
        return empty, empty, empty, empty
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(4))


def _unary_edges(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array) -> tuple[Int64Array, ...]:
    n = len(es)
    items = np.arange(n, dtype=np.int64)
    start, end = 1 + 2 * items, 2 + 2 * items
    zero = np.zeros(n, dtype=np.int64)
    parts = []
    for kind, (column, open_value) in enumerate(((es, NEG), (ls, POS), (ee, NEG), (le, POS))):
        rows = np.flatnonzero(column != open_value)
        point = (start if kind < 2 else end)[rows]
        if kind % 2 == 0:  # lower bound: z - x <= -value, an edge x -> z
            parts.append((point, zero[rows], -column[rows], -(1 + 5 * rows + kind)))
        else:  # upper bound: x - z <= value, an edge z -> x
            parts.append((zero[rows], point, column[rows], -(1 + 5 * rows + kind)))
    parts.append((end, start, zero, -(1 + 5 * items + 4)))  # s - e <= 0
    return tuple(np.concatenate([p[i] for p in parts]) for i in range(4))


_NARROW = 48  # fewer active points than this: go on with a Python work list ...
_WIDE = 1024  # ... until it holds more than this many


class _NegativeCycle(Exception):
    def __init__(self, edges: list[int]) -> None:
        self.edges = edges


class _Graph:
    """Edges in compressed sparse rows by source, for rounds of Bellman-Ford."""

    def __init__(self, nodes: int, src: Int64Array, dst: Int64Array, weight: Int64Array) -> None:
        by_src = np.argsort(src, kind="stable")
        self.nodes = nodes
        self.edge = by_src
        self.src = src[by_src]
        self.dst = dst[by_src]
        self.weight = weight[by_src]
        self.indptr = np.searchsorted(self.src, np.arange(nodes + 1))
        self._lists: tuple[list[int], list[int], list[int]] | None = None
        self._relaxed = 0

    def shortest(self, dist: Int64Array, active: Int64Array) -> Int64Array:
        """Relax from ``dist`` (``POS`` = unreached) until nothing improves; raise on a negative cycle.

        Wide fronts go by NumPy rounds; narrow ones (fewer than ``_NARROW`` active points, as
        along a long chain of "before") by a Python work list, until its queue grows past
        ``_WIDE`` points again."""
        dist = dist.copy()
        pred = np.full(self.nodes, -1, dtype=np.int64)
        rounds, check = 0, 32
        while active.size:
            if active.size < _NARROW and int((self.indptr[active + 1] - self.indptr[active]).sum()) < _WIDE:
                dist, pred, active = self._worklist(dist, pred, active)
                continue
            rounds += 1
            edges = ranges(self.indptr[active], self.indptr[active + 1])
            if not edges.size:
                break
            target = self.dst[edges]
            candidate = dist[self.src[edges]] + self.weight[edges]
            better = candidate < dist[target]
            if not better.any():
                break
            edges, target, candidate = edges[better], target[better], candidate[better]
            np.minimum.at(dist, target, candidate)  # the candidates were all read before this
            won = candidate == dist[target]
            pred[target[won]] = edges[won]
            active = np.unique(target)
            if rounds >= check:
                check *= 2
                self._raise_on_cycle(pred)
        return dist

    def _raise_on_cycle(self, pred: Int64Array) -> None:
        cycle = self._pred_cycle(pred)
        if cycle is not None:
            raise _NegativeCycle(self.edge[np.asarray(cycle, dtype=np.int64)].tolist())

    def _worklist(self, dist: Int64Array, pred: Int64Array, active: Int64Array) -> tuple[Int64Array, Int64Array, Int64Array]:
        """A FIFO work list in plain Python (Bellman-Ford-Moore) from the ``active`` points,
        until it is done or its queue holds more than ``_WIDE`` points: (dist, pred, queue).

        It looks for a cycle among the predecessor edges once the relaxations reach a quarter
        of the points, then each time they double: a negative cycle of any length shows within
        about twice its length of relaxations after it is first walked."""
        if self._lists is None:
            self._lists = (self.indptr.tolist(), self.dst.tolist(), self.weight.tolist())
        indptr, dst, weight = self._lists
        d, p = dist.tolist(), pred.tolist()
        queue = collections.deque(active.tolist())
        waiting = bytearray(self.nodes)
        for u in queue:
            waiting[u] = 1
        relaxed = self._relaxed
        check = max(relaxed * 2, self.nodes // 4 + 64)
        limit = self.nodes * (len(dst) + 1)  # more than Bellman-Ford ever needs
        popleft, append = queue.popleft, queue.append
        while queue and len(queue) <= _WIDE:
            u = popleft()
            waiting[u] = 0
            du = d[u]
            for e in range(indptr[u], indptr[u + 1]):
                v = dst[e]
                c = du + weight[e]
                if c < d[v]:
                    d[v] = c
                    p[v] = e
                    relaxed += 1
                    if not waiting[v]:
                        waiting[v] = 1
                        append(v)
            if relaxed >= check:  # long enough to hide a negative cycle: look for one
                check = relaxed * 2
                self._raise_on_cycle(np.asarray(p, dtype=np.int64))
                if relaxed > limit:
                    raise _NegativeCycle([])
        self._relaxed = relaxed
        return np.asarray(d, dtype=np.int64), np.asarray(p, dtype=np.int64), np.asarray(queue, dtype=np.int64)

    def _pred_cycle(self, pred: Int64Array) -> list[int] | None:
        """Edges (sorted-edge numbers, in path order) of a cycle among predecessor edges."""
        nodes = self.nodes
        parent = np.where(pred >= 0, self.src[np.maximum(pred, 0)], nodes)
        parent = np.append(parent, nodes)  # the sentinel is its own parent
        jump = parent.copy()
        for _ in range(max(1, int(nodes).bit_length() + 1)):
            jump = jump[jump]
        on_cycle = np.flatnonzero(jump[:nodes] != nodes)
        if not on_cycle.size:
            return None
        start = int(jump[on_cycle[0]])
        preds, parents = pred.tolist(), parent.tolist()
        cycle, node = [], start
        while True:
            cycle.append(preds[node])
            node = parents[node]
            if node == start:
                break
        cycle.reverse()
        return cycle


@attrs.frozen(slots=True)
class Network:
    """The STN of n items (their effective bounds) and their constraints."""

    ids: Sequence[str]
    es: Int64Array
    ls: Int64Array
    ee: Int64Array
    le: Int64Array
    constraints: tuple[Constraint, ...]
    position: Mapping[str, int]

    def edges(self, links: Links | None = None) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
        """(src, dst, weight, origin) of every edge; node 0 is z, item i is 1 + 2i (start), 2 + 2i (end)."""
        unary = _unary_edges(self.es, self.ls, self.ee, self.le)
        mine = _constraint_edges(self.constraints, links or Links.of(self.constraints, self.position))
        return tuple(np.concatenate((u, c)) for u, c in zip(unary, mine, strict=True))  # type: ignore[return-value]

    def propagate(self) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
        """The tightest (es, ls, ee, le), with ``NEG``/``POS`` for open bounds.

        ``ConstraintConflictError`` when the constraints contradict, naming the chain.
        """
        links = Links.of(self.constraints, self.position)
        self._refuse_order_cycles(links)
        src, dst, weight, origin = self.edges(links)
        nodes = 1 + 2 * len(self.ids)
        forward = _Graph(nodes, src, dst, weight)
        backward = _Graph(nodes, dst, src, weight)
        try:
            # any negative cycle at all (a virtual source at distance 0 from every point)
            forward.shortest(np.zeros(nodes, dtype=np.int64), np.arange(nodes, dtype=np.int64))
        except _NegativeCycle as cycle:
            raise self._conflict(cycle.edges, origin, links) from None
        start = np.full(nodes, POS, dtype=np.int64)
        start[0] = 0
        zero = np.zeros(1, dtype=np.int64)
        upper = forward.shortest(start, zero)
        lower = backward.shortest(start, zero)
        lower = np.where(lower == POS, NEG, -lower)
        return lower[1::2], upper[1::2], lower[2::2], upper[2::2]

    def _refuse_order_cycles(self, links: Links) -> None:
        """``ConstraintConflictError`` for a cycle of "before" (``a before a``; x before z before
        x) through an item that is not an instant: each link puts an end no later than the next
        start, which only instants at one time satisfy (see ``order_cycle``)."""
        cycle = order_cycle(self.constraints, links, self.es == self.le)
        if cycle:
            items = list(dict.fromkeys(name for c in cycle for name in (c.a, c.b)))
            message = (
                "constraints contradict: "
                + "; ".join(_capped([str(c) for c in _ends(cycle)], len(cycle), "links"))
                + " is a cycle of 'before', which only instants at one time satisfy"
                + f" (items in conflict: {', '.join(_capped([repr(i) for i in _ends(items)], len(items), 'items'))})"
            )
            raise ConstraintConflictError(message, tuple(cycle))

    def _conflict(self, edges: list[int], origin: Int64Array, links: Links) -> ConstraintConflictError:
        """The error naming the cycle ``edges``: its links in order, in time linear in its length.

        A cycle has no first link: it leads with the constraint given last (often the new one)."""
        codes = origin[np.asarray(edges, dtype=np.int64)] if edges else np.empty(0, dtype=np.int64)
        if codes.size:
            keep = np.ones(codes.size, dtype=bool)
            keep[1:] = codes[1:] != codes[:-1]  # an item's bound may be two edges in a row
            codes = codes[keep]
            if codes.size > 1 and codes[0] == codes[-1]:
                codes = codes[:-1]
            if (codes >= 0).any():
                first = int(np.argmax(codes))
                codes = np.concatenate((codes[first:], codes[:first]))
        bound = codes < 0
        item, kind = np.divmod(-codes[bound] - 1, 5)
        value = np.stack((self.es, self.ls, self.ee, self.le, self.le))[kind, item].astype(object)
        value[kind == 4] = None  # "order": the item's start is no later than its end
        ids, constraints = self.ids, self.constraints
        bounds = zip(map(ids.__getitem__, item.tolist()), map(_KINDS.__getitem__, kind.tolist()), value.tolist(), strict=True)
        with _collector_paused():  # a long chain's bounds: many small tuples that hold no cycle
            links_and_bounds: list[Constraint | ItemBound] = [*constraints, *map(ItemBound._make, bounds)]
        picks = codes.copy()
        picks[bound] = len(constraints) + np.arange(int(bound.sum()))
        chain = list(map(links_and_bounds.__getitem__, picks.tolist()))
        # the items of the links, in chain order: a and b of a constraint, the item of a bound
        pairs = np.full((codes.size, 2), -1, dtype=np.int64)
        pairs[~bound, 0], pairs[~bound, 1] = links.a[codes[~bound]], links.b[codes[~bound]]
        pairs[bound, 0] = item
        rows = pairs.ravel()
        unique, seen = np.unique(rows[rows >= 0], return_index=True)
        items = [ids[r] for r in unique[np.argsort(seen)].tolist()]
        message = (
            "constraints contradict: "
            + "; ".join(_capped([str(link) for link in _ends(chain)], len(chain), "links"))
            + f" (items in conflict: {', '.join(_capped([repr(i) for i in _ends(items)], len(items), 'items'))})"
        )
        return ConstraintConflictError(message, tuple(chain))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """No cyclic garbage collection inside (each full pass would walk every object alive
    while many new objects that cannot form cycles are made); as it was after."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.cache
def _orders(name: str) -> tuple[bool, bool]:
    """Whether relation ``name`` puts a's end no later than b's start, and b's end before a's start."""
    clauses = relation_named(name).clauses
    return (
        any(x == "a.end" and op in ("<", "<=") and y == "b.start" for x, op, y in clauses),
        any(x == "b.end" and op in ("<", "<=") and y == "a.start" for x, op, y in clauses),
    )


def order_cycle(constraints: Sequence[Constraint], links: Links, instant: npt.NDArray[np.bool_]) -> list[Constraint]:
    """A cycle of "before"-like constraints (in order) through an item that is not an instant
    (``instant[row]``), or ``[]``.

    None when every link goes from a lower row to a higher one (or every one the other way):
    constraints written in reading order. Otherwise strongly connected components of the
    items' order by Tarjan's algorithm (iterative, over plain lists in compressed rows), then
    the shortest way back round from a non-instant."""
    parts: list[tuple[Int64Array, Int64Array, Int64Array]] = []
    for name, numbers in links.by_relation.items():
        forward, backward = _orders(name)
        rows = np.asarray(numbers, dtype=np.int64)
        if forward:
            parts.append((links.a[rows], links.b[rows], rows))
        if backward:
            parts.append((links.b[rows], links.a[rows], rows))
    if not parts:
        return []
    src_rows, dst_rows, link_rows = (np.concatenate([p[i] for p in parts]) for i in range(3))
    in_order = np.argsort(link_rows, kind="stable")  # constraint order, as given
    src_rows, dst_rows, link_rows = src_rows[in_order], dst_rows[in_order], link_rows[in_order]
    if (src_rows < dst_rows).all() or (src_rows > dst_rows).all():  # a topological order: no cycle
        return []
    n = len(instant)
    by_src = np.argsort(src_rows, kind="stable")
    heads = dst_rows[by_src].tolist()
    link_of = link_rows[by_src].tolist()
    indptr = np.searchsorted(src_rows[by_src], np.arange(n + 1)).tolist()
    src = src_rows.tolist()
    strict = (~instant).tolist()
    index = [-1] * n
    low = [0] * n
    nxt_edge = indptr[:-1]
    on_stack = bytearray(n)
    stack: list[int] = []
    counter = 0
    for root in dict.fromkeys(src):
        if index[root] >= 0:
            continue
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack[root] = 1
        work = [root]
        while work:
            node = work[-1]
            e = nxt_edge[node]
            if e < indptr[node + 1]:
                nxt_edge[node] = e + 1
                head = heads[e]
                if index[head] < 0:
                    index[head] = low[head] = counter
                    counter += 1
                    stack.append(head)
                    on_stack[head] = 1
                    work.append(head)
                elif on_stack[head] and index[head] < low[node]:
                    low[node] = index[head]
                continue
            work.pop()
            if work and low[node] < low[work[-1]]:
                low[work[-1]] = low[node]
            if low[node] != index[node]:
                continue
            component = []
            while True:
                member = stack.pop()
                on_stack[member] = 0
                component.append(member)
                if member == node:
                    break
            looped = len(component) > 1 or node in heads[indptr[node] : indptr[node + 1]]
            start = next((m for m in component if strict[m]), None)
            if looped and start is not None:
                members = set(component)
                path = _way_round(start, members, indptr, heads, link_of)
                return [constraints[k] for k in path]
    return []


def _way_round(start: int, component: set[int], indptr: list[int], heads: list[int], links: list[int]) -> list[int]:
    """The constraint numbers of a shortest cycle from ``start`` back to it inside
    ``component`` (breadth first)."""
    came: dict[int, tuple[int, int]] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for e in range(indptr[node], indptr[node + 1]):
                head = heads[e]
                if head not in component or head in came:
                    continue
                came[head] = (node, links[e])
                if head == start:
                    path, at = [], start
                    while True:
                        at, number = came[at]
                        path.append(number)
                        if at == start:
                            return path[::-1]
                following.append(head)
        frontier = following
    return []


MESSAGE_LINKS = 3
"""A conflict's message names this many links (and items) at each end of a longer chain."""


def _ends(values: Sequence[Any]) -> Sequence[Any]:
    """The first and last ``MESSAGE_LINKS`` of ``values`` (all of them when that is no fewer)."""
    if len(values) <= 2 * MESSAGE_LINKS + 1:
        return values
    return [*values[:MESSAGE_LINKS], *values[-MESSAGE_LINKS:]]


def _capped(texts: list[str], total: int, what: str) -> list[str]:
    """``texts`` (from ``_ends``) with the count of what was left out between its two ends."""
    if total == len(texts):
        return texts
    return [*texts[:MESSAGE_LINKS], f"... {total - len(texts)} more {what} ...", *texts[MESSAGE_LINKS:]]


def propagate(
    ids: Sequence[str],
    bounds: tuple[Int64Array, Int64Array, Int64Array, Int64Array],
    constraints: Sequence[Constraint],
    position: Mapping[str, int],
) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
    """Tightest bounds of items ``ids`` (effective bounds with sentinels) under ``constraints``."""
    es, ls, ee, le = bounds
    return Network(ids, es, ls, ee, le, tuple(constraints), position).propagate()
