"""Merging timelines: the same event reported by several documents becomes one item.

``plan_merge(timelines, threshold=0.5)`` plans the merge that ``Timeline.merge`` carries out: it
pools the items of the timelines and joins items that look like reports of one event:

- the same ``kind`` (items without a kind are never joined);
- compatible times: the two spans can describe one event (their intersection is a valid span);
- from different documents (``same_document=True`` lifts this);
- at least one shared actor or place, and a score of at least ``threshold``.

Actors are compared as ``ActorKey`` values: an item's ``actor_keys`` when it has them
(``events.Event`` gives each actor's name, country, CAMEO code and kind), else its
``actor_names``. Two actors agree when their CAMEO codes are one the other's start ("SRB" and
"SRBCOP": Serbia and the Serbian police), else when their countries are the same, else when
they name one party ("Kohl" and "Helmut Kohl"); a different country or code never agrees.

The score is a weighted mean of the actors' and the places' similarity (the agreeing pairs
over the actors of both, a Jaccard index where agreement stands for equality) and of how much
the two possible extents overlap (their intersection over the shorter one); an attribute both
items lack drops out of the mean. Pairs are joined greedily from the best
score down, and a group only grows while its time stays compatible and its documents
distinct. A joined item is the first member (in input order) with the intersection of the
members' times and, when the item has a ``merged(others)`` method (``events.Event`` does),
what it returns; otherwise, for each tuple field (evidence, actor names, ...), the union of
the members' values. Whether the event happened is the latest report's word: the joined item
takes the ``status`` of the member whose timeline has the latest document date (``dct``), so a
visit "planned" in an early report and "occurred" in a later one is occurred; without dates,
the first member's status stays. A short name that a join showed to be a fuller one ("Kohl",
"Helmut Kohl") is made full in the other items of its document too, when they can be given it
(``with_actor_aliases``, as ``events.Event`` has). ``Timeline.merges`` records each join as a
``MergeRecord``. The plan
(``MergePlan``) holds the items, constraints, records and original times of the result; this
module reads timelines only through their public attributes and builds none.

Item ids that occur in more than one timeline are renamed ``"SOURCE:id"``, SOURCE being the
timeline's name, else its items' one document, else ``#k`` (its position); an id that already
starts with its source's name (``"rferl:visit-1"``, as ``events`` names them) is not
prefixed again: ``"rferl#1:visit-1"``, never ``"rferl:rferl:visit-1"``. The members of a
``MergeRecord`` are named the same way. Constraints follow their items.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

import attrs

from timeline.constraints import Constraint, relation_named
from timeline.index import NEG, POS, Bounds, SpanIndex, effective
from timeline.item import MergeRecord
from timeline.span import Granularity, Span

__all__ = ["ActorKey", "MergePlan", "MergeRecord", "MergeSource", "MergeWeights", "actor_keys", "actors_similarity", "plan_merge", "score"]
# MergeRecord lives in timeline.item; it is named here too for the modules that import it from here


class MergeSource(Protocol):
    """What merging, and the writers of ``timeline.io`` (as ``TimelineSource``), read of a
    timeline: its public attributes (``Timeline`` has them)."""

    @property
    def name(self) -> str: ...
    @property
    def dct(self) -> Span | None: ...
    @property
    def rows(self) -> Sequence[Any]: ...
    @property
    def constraints(self) -> tuple[Constraint, ...]: ...
    @property
    def originals(self) -> Mapping[str, Span]: ...
    @property
    def merges(self) -> tuple[MergeRecord, ...]: ...
    def __iter__(self) -> Iterator[Any]: ...  # the items in timeline order


@attrs.frozen(slots=True)
class MergePlan:
    """The result of a merge, ready to become a timeline: items (input order), the
    constraints between them, the document date they share (or None), every merge record
    (earlier ones first) and the original times of items constraints had tightened."""

    items: list[Any]
    constraints: list[Constraint]
    dct: Span | None
    records: list[MergeRecord]
    originals: dict[str, Span]


@attrs.frozen(slots=True)
class MergeWeights:
    """How much actors, places and time count in the score."""

    actors: float = 0.4
    places: float = 0.3
    time: float = 0.3


@attrs.frozen(slots=True)
class ActorKey:
    """What an actor is compared by when reports are merged: its name, its country (ISO 3166-1
    alpha-3), its CAMEO actor code ("SRBCOP") and its kind ("person", "state" ...), each None
    when unknown."""

    name: str
    country: str | None = None
    code: str | None = None
    kind: str | None = None

    def conflicts(self, other: ActorKey) -> bool:
        """Whether the two cannot be one party: different countries, or CAMEO codes neither of
        which starts the other."""
        if self.country and other.country and self.country != other.country:
            return True
        return bool(self.code and other.code and not _related(self.code, other.code))

    def same_name(self, other: ActorKey) -> bool:
        """Whether the two names name one actor: the same words (case aside), or, for a person,
        the shorter name the end of the longer ("Kohl", "Helmut Kohl"); never across a
        conflict."""
        if self.conflicts(other):
            return False
        a, b = self.name.casefold().split(), other.name.casefold().split()
        if a == b:
            return bool(a)
        kinds = {self.kind, other.kind}
        if not a or not b or "person" not in kinds or not kinds <= {"person", None}:
            return False
        short, long = sorted((a, b), key=len)
        return long[-len(short) :] == short

    def agrees(self, other: ActorKey) -> bool:
        """Whether two reports' actors may be the same party: related CAMEO codes, else the same
        country, else the same name (``same_name``); never across a conflict."""
        if self.conflicts(other):
            return False
        if self.code and other.code:
            return True  # related codes: the state and its police, its government
        if self.country and other.country:
            return True  # the same country
        return self.same_name(other)


def _related(a: str, b: str) -> bool:
    a, b = a.upper(), b.upper()
    return a.startswith(b) or b.startswith(a)


def actor_keys(item: Any) -> tuple[ActorKey, ...]:
    """The actors of ``item`` as compared when merging: its ``actor_keys`` if it has them, else
    one key a name of its ``actor_names``; each actor once ("Kohl" after "Helmut Kohl" is not
    another)."""
    keys = getattr(item, "actor_keys", None)
    if keys is None:
        keys = tuple(ActorKey(name) for name in item.actor_names)
    distinct: list[ActorKey] = []
    for key in keys:
        if not any(key == seen or key.same_name(seen) for seen in distinct):
            distinct.append(key)
    return tuple(distinct)


def actors_similarity(a: Sequence[ActorKey], b: Sequence[ActorKey]) -> float | None:
    """The agreeing pairs of ``a`` and ``b`` (each actor in one pair at most, as many pairs as
    can be made) over the actors of both: 1 when every actor has its match, 0 when none has;
    None when neither has actors."""
    if not a and not b:
        return None
    matched = _matching([[j for j, y in enumerate(b) if x.agrees(y)] for x in a], len(b))
    return matched / (len(a) + len(b) - matched)


def _matching(edges: list[list[int]], right: int) -> int:
    """The size of a largest matching of the bipartite graph ``edges`` (left row: its right
    neighbours), by augmenting paths (Kuhn): the actor lists are short."""
    owner = [-1] * right

    def augment(row: int, seen: list[bool]) -> bool:
        for col in edges[row]:
            if not seen[col]:
                seen[col] = True
                if owner[col] < 0 or augment(owner[col], seen):
                    owner[col] = row
                    return True
        return False

    return sum(augment(row, [False] * right) for row in range(len(edges)))


def _names(values: Iterable[str]) -> frozenset[str]:
    return frozenset(v.casefold() for v in values)


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float | None:
    if not a and not b:
        return None
    return len(a & b) / len(a | b)


def _intersect(a: tuple[int, ...], b: tuple[int, ...]) -> Bounds | None:
    es, ls, ee, le = max(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), min(a[3], b[3])
    if es > ls or ee > le or es > le:
        return None
    return es, ls, ee, le


def _time_overlap(a: tuple[int, ...], b: tuple[int, ...]) -> float:
    lo, hi = max(a[0], b[0]), min(a[3], b[3])
    if NEG in (a[0], b[0]) or POS in (a[3], b[3]):
        return 0.5  # an open extent: compatible, but says little
    shorter = min(a[3] - a[0], b[3] - b[0])
    if shorter <= 0:
        return 1.0
    return max(0.0, min(1.0, (hi - lo) / shorter))


@attrs.frozen(slots=True)
class _Facts:
    """What scoring reads of an item, made once an item, not once a pair."""

    kind: str | None
    time: Bounds
    actors: tuple[ActorKey, ...]
    places: frozenset[str]


def _facts(item: Any) -> _Facts:
    return _Facts(item.kind, effective(item.time), actor_keys(item), _names(item.place_names))


def score(a: Any, b: Any, weights: MergeWeights = MergeWeights()) -> float:
    """How alike two items are as reports of one event, 0..1 (0 unless they may be one)."""
    return _score(_facts(a), _facts(b), weights)


def _score(a: _Facts, b: _Facts, weights: MergeWeights) -> float:
    if a.kind is None or a.kind != b.kind:
        return 0.0
    ta, tb = a.time, b.time
    if _intersect(ta, tb) is None:
        return 0.0
    places = _jaccard(a.places, b.places)
    actors = actors_similarity(a.actors, b.actors)
    if not (actors or places):
        return 0.0  # no shared actor or place
    parts = [(weights.time, _time_overlap(ta, tb))]
    if actors is not None:
        parts.append((weights.actors, actors))
    if places is not None:
        parts.append((weights.places, places))
    total = sum(w for w, _ in parts)
    return sum(w * v for w, v in parts) / total if total else 0.0


def _reflexive(relation: str) -> bool:
    """Whether ``x relation x`` holds for a proper interval (so a merged self-link is void)."""
    point = {"a.start": 0, "a.end": 1, "b.start": 0, "b.end": 1}
    ops = {"<=": lambda x, y: x <= y, "<": lambda x, y: x < y, "==": lambda x, y: x == y}
    return all(ops[op](point[x], point[y]) for x, op, y in relation_named(relation).clauses)


def _union(values: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    out: list[Any] = []
    for value in values:
        for v in value:
            if v not in out:
                out.append(v)
    return tuple(out)


def _latest_status(members: list[Any], dates: list[int | None]) -> Any:
    """The status of the member reported last (by its report's date); the first member's when
    no date is known, or when it is among the latest."""
    known = [d for d in dates if d is not None]
    if not known:
        return members[0].status
    latest = max(known)
    if dates[0] == latest:
        return members[0].status
    return next(m.status for m, d in zip(members, dates, strict=True) if d == latest)


def _joined(members: list[Any], bounds: tuple[int, int, int, int], dates: list[int | None]) -> Any:
    first = members[0]
    time = next((m.time for m in members if effective(m.time) == bounds), None)
    if time is None:
        es, ls, ee, le = (None if v in (NEG, POS) else v for v in bounds)
        time = Span(es, ls, ee, le, Granularity.UNKNOWN)
    changes: dict[str, Any] = {"time": time}
    status = _latest_status(members, dates)
    if status != first.status and attrs.has(type(first)) and "status" in attrs.fields_dict(type(first)):
        changes["status"] = status
    if callable(getattr(first, "merged", None)):  # the item knows how to join its facts
        return attrs.evolve(first.merged(members[1:]), **changes)
    if attrs.has(type(first)):
        for field in attrs.fields(type(first)):
            if field.name == "time" or not field.init:
                continue
            value = getattr(first, field.name)
            if isinstance(value, tuple) and field.name not in changes:
                changes[field.name] = _union([getattr(m, field.name, ()) for m in members])
    return attrs.evolve(first, **changes)


def plan_merge(
    timelines: Sequence[MergeSource],
    *,
    threshold: float = 0.5,
    weights: MergeWeights = MergeWeights(),
    same_document: bool = False,
) -> MergePlan:
    """The plan of one timeline from ``timelines``, joining reports of the same event (see the module)."""
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be within 0..1, got {threshold!r}")
    rows = [list(t.rows) for t in timelines]
    sources: list[str] = []
    bases: list[str] = []  # each source's name, before a "#k" told apart two of that name
    for k, (t, items_of_t) in enumerate(zip(timelines, rows, strict=True)):
        docs = {item.doc for item in items_of_t if item.doc is not None}
        source = t.name or (str(docs.pop()) if len(docs) == 1 else f"#{k}")
        bases.append(source)
        sources.append(source if source not in sources else f"{source}#{k}")
    counts: dict[str, int] = {}
    for items_of_t in rows:
        for item in items_of_t:
            counts[item.id] = counts.get(item.id, 0) + 1

    items: list[Any] = []
    refs: list[str] = []
    dates: list[int | None] = []  # when each item was reported: its timeline's document date
    constraints: list[Constraint] = []
    originals: dict[str, Span] = {}
    taken = {item.id for items_of_t in rows for item in items_of_t if counts[item.id] == 1}
    for source, base, t, items_of_t in zip(sources, bases, timelines, rows, strict=True):
        reported = None if t.dct is None or effective(t.dct)[0] == NEG else effective(t.dct)[0]
        rename: dict[str, str] = {}
        for item in items_of_t:
            new_id = item.id
            if counts[item.id] > 1:
                new_id = _unique_id(_prefixed(source, _bare(item.id, base)), taken)
                taken.add(new_id)
            rename[item.id] = new_id
            items.append(item if new_id == item.id else attrs.evolve(item, id=new_id))
            refs.append(_prefixed(source, _bare(item.id, base)))
            dates.append(reported)
        constraints.extend(attrs.evolve(c, a=rename[c.a], b=rename[c.b]) for c in t.constraints)
        originals.update({rename[i]: s for i, s in t.originals.items()})

    groups = _groups(items, threshold, weights, same_document)
    into: dict[str, str] = {}
    kept: list[Any] = []
    records: list[MergeRecord] = []
    for members, weakest in groups:
        if len(members) == 1:
            kept.append(items[members[0]])
            continue
        bounds: Bounds | None = effective(items[members[0]].time)
        for m in members[1:]:
            assert bounds is not None
            bounds = _intersect(bounds, effective(items[m].time))
        assert bounds is not None
        joined = _joined([items[m] for m in members], bounds, [dates[m] for m in members])
        kept.append(joined)
        for m in members:
            into[items[m].id] = joined.id
        records.append(MergeRecord(joined.id, tuple(refs[m] for m in members), round(weakest, 6)))
    kept = _named_alike(kept, _aliases(items, groups, kept))
    remapped: dict[Constraint, None] = {}
    for c in constraints:
        c = attrs.evolve(c, a=into.get(c.a, c.a), b=into.get(c.b, c.b))
        if c.a == c.b and _reflexive(c.relation):
            continue
        remapped[c] = None
    dcts = {t.dct for t in timelines}
    return MergePlan(
        items=kept,
        constraints=list(remapped),
        dct=dcts.pop() if len(dcts) == 1 else None,
        records=[*(r for t in timelines for r in t.merges), *records],
        originals={i: s for i, s in originals.items() if i not in into},  # a join's time is its base
    )


def _aliases(items: list[Any], groups: list[tuple[list[int], float]], kept: list[Any]) -> dict[str | None, dict[str, ActorKey]]:
    """For each document, the actors it names shorter than a joined item does ("Kohl", which a
    join showed to be "Helmut Kohl"), each with the fuller key; a short name that joins made
    two different actors is left out."""
    found: dict[tuple[str | None, str], set[ActorKey]] = {}
    for (members, _), joined in zip(groups, kept, strict=True):
        if len(members) < 2:
            continue
        fuller = actor_keys(joined)
        for m in (m for m in members if items[m].doc is not None):  # one sense a name, in a known document
            for key in actor_keys(items[m]):
                for full in fuller:
                    if full.name != key.name and key.same_name(full):
                        found.setdefault((items[m].doc, key.name), set()).add(full)
    aliases: dict[str | None, dict[str, ActorKey]] = {}
    for (doc, name), fulls in found.items():
        if len(fulls) == 1:
            aliases.setdefault(doc, {})[name] = next(iter(fulls))
    return aliases


def _named_alike(kept: list[Any], aliases: dict[str | None, dict[str, ActorKey]]) -> list[Any]:
    """The items, each with its document's short names of actors made full (one sense a name
    in a document), when the item can be given them (a ``with_actor_aliases`` method, as
    ``events.Event`` has)."""
    if not aliases:
        return kept
    out = []
    for item in kept:
        names = aliases.get(item.doc)
        if names and callable(getattr(item, "with_actor_aliases", None)):
            item = item.with_actor_aliases(names)
        out.append(item)
    return out


def _bare(ident: str, source: str) -> str:
    """``ident`` without its source's name in front (``"rferl:visit-1"`` of source ``rferl``)."""
    if ident.startswith(f"{source}:") and len(ident) > len(source) + 1:
        return ident[len(source) + 1 :]
    return ident


def _prefixed(source: str, ident: str) -> str:
    return f"{source}:{ident}"


def _unique_id(ident: str, taken: set[str]) -> str:
    """``ident``, or ``ident#2``, ``ident#3`` ... the first that no other item has."""
    if ident not in taken:
        return ident
    k = 2
    while f"{ident}#{k}" in taken:
        k += 1
    return f"{ident}#{k}"


def _groups(items: list[Any], threshold: float, weights: MergeWeights, same_document: bool) -> list[tuple[list[int], float]]:
    """Groups of item rows (in input order) and the weakest score that joined each."""
    by_kind: dict[str, list[int]] = {}
    for row, item in enumerate(items):
        if item.kind is not None:
            by_kind.setdefault(str(item.kind), []).append(row)
    pairs: list[tuple[float, int, int]] = []
    facts: dict[int, _Facts] = {}
    for rows in by_kind.values():
        if len(rows) < 2:
            continue
        facts.update((r, _facts(items[r])) for r in rows)
        spans = [items[r].time for r in rows]
        index = SpanIndex.from_spans(spans)
        for k, row in enumerate(rows):
            _, candidates = index.overlap(spans[k])
            for j in candidates[candidates > k].tolist():
                other = rows[j]
                a, b = items[row], items[other]
                if not same_document and a.doc is not None and a.doc == b.doc:
                    continue
                s = _score(facts[row], facts[other], weights)
                if s >= threshold and s > 0:
                    pairs.append((s, row, other))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))

    parent = list(range(len(items)))
    bounds = {row: effective(item.time) for row, item in enumerate(items)}
    docs = {row: {item.doc} if item.doc is not None else set() for row, item in enumerate(items)}
    weakest = dict.fromkeys(range(len(items)), 1.0)

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for s, a, b in pairs:
        ra, rb = root(a), root(b)
        if ra == rb:
            continue
        joint = _intersect(bounds[ra], bounds[rb])
        if joint is None or (not same_document and docs[ra] & docs[rb]):
            continue
        keep, drop = min(ra, rb), max(ra, rb)
        parent[drop] = keep
        bounds[keep] = joint
        docs[keep] |= docs[drop]
        weakest[keep] = min(weakest[keep], weakest[drop], s)
    clusters: dict[int, list[int]] = {}
    for row in range(len(items)):
        clusters.setdefault(root(row), []).append(row)
    return [(members, weakest[r]) for r, members in sorted(clusters.items(), key=lambda kv: kv[1][0])]

