"""Allen's thirteen interval relations between two uncertain spans, certain and possible.

A span A stands for every interval [sa, ea] its bounds allow (integers, seconds)::

    earliest_start <= sa <= latest_start      earliest_end <= ea <= latest_end      sa <= ea

read the way ``Span.within`` means them: when a pair of bounds differ the far one is
exclusive ("anywhere in March": sa in [Mar 1, Apr 1), ea in (Mar 1, Apr 1]); when they are
equal the value is exact. Open (None) bounds are infinite.

A relation R *possibly* holds when some choice of (sa, ea, sb, eb) within both spans makes R
true; it *certainly* holds when every choice does. The relations, in endpoint terms (an
instant is an interval with sa == ea; the extra conditions on ``meets`` keep the thirteen
mutually exclusive when instants are involved)::

    before         ea < sb
    meets          ea == sb, sa < ea, sb < eb
    overlaps       sa < sb < ea < eb
    starts         sa == sb, ea < eb
    during         sb < sa, ea < eb
    finishes       sb < sa, ea == eb
    equals         sa == sb, ea == eb
    after, met_by, overlapped_by, started_by, contains, finished_by: the inverses.

Each relation is a conjunction of difference constraints (x - y <= c), so both questions are
exact: "possible" is the consistency of a five-node simple temporal network (bounds as edges
from a zero node, shortest paths by Floyd-Warshall, a negative cycle means impossible);
"certain" holds when adding the negation of each conjunct, one at a time, is inconsistent.
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Iterable

import attrs

from timeline.bounds import HasBounds
from timeline.errors import UnknownRelationError

__all__ = ["Certainty", "Relation", "Relations", "relation"]


class Relation(enum.StrEnum):
    """Allen's thirteen relations of A to B."""

    BEFORE = "before"
    MEETS = "meets"
    OVERLAPS = "overlaps"
    STARTS = "starts"
    DURING = "during"
    FINISHES = "finishes"
    EQUALS = "equals"
    FINISHED_BY = "finished_by"
    CONTAINS = "contains"
    STARTED_BY = "started_by"
    OVERLAPPED_BY = "overlapped_by"
    MET_BY = "met_by"
    AFTER = "after"

    @property
    def inverse(self) -> Relation:
        """The relation of B to A."""
        return _INVERSE[self]

    @classmethod
    def named(cls, name: str | Relation) -> Relation:
        """The relation called ``name`` ("before", "met_by", "met-by" ...)."""
        if isinstance(name, Relation):
            return name
        key = str(name).strip().lower().replace("-", "_").replace(" ", "_")
        try:
            return cls(key)
        except ValueError:
            known = ", ".join(r.value for r in cls)
            raise UnknownRelationError(f"{name!r} is not an Allen relation; one of {known}") from None


_INVERSE = {
    Relation.BEFORE: Relation.AFTER,
    Relation.MEETS: Relation.MET_BY,
    Relation.OVERLAPS: Relation.OVERLAPPED_BY,
    Relation.STARTS: Relation.STARTED_BY,
    Relation.DURING: Relation.CONTAINS,
    Relation.FINISHES: Relation.FINISHED_BY,
    Relation.EQUALS: Relation.EQUALS,
}
_INVERSE.update({v: k for k, v in list(_INVERSE.items())})


class Certainty(enum.StrEnum):
    """How surely a relation holds."""

    CERTAIN = "certain"
    POSSIBLE = "possible"
    IMPOSSIBLE = "impossible"

    def __bool__(self) -> bool:
        # a StrEnum member is a non-empty string, so "impossible" would be true
        raise TypeError(
            "the truth value of a Certainty is ambiguous: compare it "
            "(`is Certainty.CERTAIN`), or ask the Relations' .certain or .possible"
        )


@attrs.frozen(slots=True)
class Relations:
    """Which relations of A to B hold certainly and which possibly (``possible`` includes
    ``certain``; at most one relation can be certain, since they exclude each other)."""

    certain: frozenset[Relation]
    possible: frozenset[Relation]

    def holds(self, name: str | Relation) -> Certainty:
        """``Certainty.CERTAIN``, ``POSSIBLE`` or ``IMPOSSIBLE`` for the relation ``name``."""
        rel = Relation.named(name)
        if rel in self.certain:
            return Certainty.CERTAIN
        if rel in self.possible:
            return Certainty.POSSIBLE
        return Certainty.IMPOSSIBLE

    def any_of(self, names: Iterable[str | Relation]) -> Certainty:
        """How surely *one of* the given relations holds (certain when every possibility is
        among them)."""
        wanted = {Relation.named(n) for n in names}
        if not self.possible & wanted:
            return Certainty.IMPOSSIBLE
        if self.possible <= wanted:
            return Certainty.CERTAIN
        return Certainty.POSSIBLE

    @property
    def inverse(self) -> Relations:
        """The relations of B to A."""
        return Relations(
            frozenset(r.inverse for r in self.certain), frozenset(r.inverse for r in self.possible)
        )

    def __bool__(self) -> bool:
        raise TypeError("the truth value of Relations is ambiguous: ask .certain or .possible")

    def __str__(self) -> str:
        certain = ", ".join(sorted(self.certain)) or "-"
        maybe = ", ".join(sorted(self.possible - self.certain)) or "-"
        return f"certain: {certain}; possible: {maybe}"


# --- the simple temporal network ----------------------------------------------------------

# nodes: _Z (zero), _SA, _EA, _SB, _EB; an edge (u, v, c) is the constraint v - u <= c.
_Z, _SA, _EA, _SB, _EB = range(5)
_N = 5
_INF = 1 << 200  # an integer "infinity": sums stay exact integers

# Relation -> conjuncts; each (x, y, c) means  x - y <= c  (strict a < b is a - b <= -1).
_Atom = tuple[int, int, int]


def _lt(a: int, b: int) -> list[_Atom]:
    return [(a, b, -1)]


def _eq(a: int, b: int) -> list[_Atom]:
    return [(a, b, 0), (b, a, 0)]


_DEFS: dict[Relation, list[_Atom]] = {
    Relation.BEFORE: _lt(_EA, _SB),
    Relation.MEETS: _eq(_EA, _SB) + _lt(_SA, _EA) + _lt(_SB, _EB),
    Relation.OVERLAPS: _lt(_SA, _SB) + _lt(_SB, _EA) + _lt(_EA, _EB),
    Relation.STARTS: _eq(_SA, _SB) + _lt(_EA, _EB),
    Relation.DURING: _lt(_SB, _SA) + _lt(_EA, _EB),
    Relation.FINISHES: _lt(_SB, _SA) + _eq(_EA, _EB),
    Relation.EQUALS: _eq(_SA, _SB) + _eq(_EA, _EB),
}
_SWAP = {_Z: _Z, _SA: _SB, _EA: _EB, _SB: _SA, _EB: _EA}
for _rel, _atoms in list(_DEFS.items()):
    if _rel is not Relation.EQUALS:
        _DEFS[_rel.inverse] = [(_SWAP[x], _SWAP[y], c) for x, y, c in _atoms]


_Key = tuple[int | None, int | None, int | None, int | None]


def _span_edges(bounds: _Key, s: int, e: int) -> list[_Atom]:
    """Constraints x - y <= c for one span's start node ``s`` and end node ``e``."""
    es, ls, ee, le = bounds
    atoms: list[_Atom] = [(s, e, 0)]  # start <= end
    if es is not None:
        atoms.append((_Z, s, -es))  # s >= es
    if ls is not None:
        strict = 0 if es is not None and es == ls else 1
        atoms.append((s, _Z, ls - strict))  # s <= ls (or < ls)
    if le is not None:
        atoms.append((e, _Z, le))  # e <= le
    if ee is not None:
        strict = 0 if le is not None and ee == le else 1
        atoms.append((_Z, e, -ee - strict))  # e >= ee (or > ee)
    return atoms


def _closure(atoms: Iterable[_Atom]) -> list[list[int]] | None:
    """All-pairs shortest paths of the network, or None when it is inconsistent."""
    d = [[0 if i == j else _INF for j in range(_N)] for i in range(_N)]
    for x, y, c in atoms:
        # x - y <= c is an edge y -> x of weight c
        if c < d[y][x]:
            d[y][x] = c
    for k in range(_N):
        dk = d[k]
        for i in range(_N):
            dik = d[i][k]
            if dik >= _INF // 2:
                continue
            di = d[i]
            for j in range(_N):
                if dik + dk[j] < di[j]:
                    di[j] = dik + dk[j]
    if any(d[i][i] < 0 for i in range(_N)):
        return None
    return d


def _consistent_with(d: list[list[int]], atoms: list[_Atom]) -> bool:
    """Whether the closed network ``d`` stays consistent with all ``atoms`` added."""
    if len(atoms) == 1:
        x, y, c = atoms[0]
        return c + d[x][y] >= 0
    d = [row[:] for row in d]
    for i_atom, (x, y, c) in enumerate(atoms):
        if c + d[x][y] < 0:  # the new edge y -> x closes a negative cycle through x -> y
            return False
        if i_atom < len(atoms) - 1 and c < d[y][x]:
            # incremental update through the new edge (not needed after the last one)
            for i in range(_N):
                diy = d[i][y]
                if diy >= _INF // 2:
                    continue
                for j in range(_N):
                    via = diy + c + d[x][j]
                    if via < d[i][j]:
                        d[i][j] = via
    return True


def relation(a: HasBounds, b: HasBounds) -> Relations:
    """Allen's thirteen relations of ``a`` to ``b`` (spans, or anything with their four
    bounds), as certain and possible sets.

    >>> from timeline.span import Span
    >>> relation(Span.from_timex3("2003-W11"), Span.from_timex3("2003-04")).holds("before")
    <Certainty.CERTAIN: 'certain'>
    """
    return _relation(_key(a), _key(b))


def _key(s: HasBounds) -> _Key:
    return s.earliest_start, s.latest_start, s.earliest_end, s.latest_end


@functools.lru_cache(maxsize=65536)
def _relation(a: _Key, b: _Key) -> Relations:
    base = _closure(_span_edges(a, _SA, _EA) + _span_edges(b, _SB, _EB))
    if base is None:  # cannot happen for valid spans; be safe
        return Relations(frozenset(), frozenset())
    possible: set[Relation] = set()
    certain: set[Relation] = set()
    for rel, atoms in _DEFS.items():
        if not _consistent_with(base, atoms):
            continue
        possible.add(rel)
        # certain: the negation of every conjunct is inconsistent; not(x - y <= c) is y - x <= -c-1
        # (one added edge x -> y of weight -c-1 is inconsistent iff it closes a negative cycle)
        if all(-c - 1 + base[y][x] < 0 for x, y, c in atoms):
            certain.add(rel)
    return Relations(frozenset(certain), frozenset(possible))
