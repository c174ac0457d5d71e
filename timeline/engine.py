"""``Timeline``: items with uncertain times, ordered, constrained, queried, merged.

A timeline holds any objects with the attributes of ``timeline.item.TimelineItem`` (an
``events.Event``, a plain ``Item``) and, under them, a ``SpanIndex``: the items' bounds as
NumPy columns with an order and overlap queries (``timeline.index``).

A timeline is immutable: ``add``, ``constrain``, ``filter`` and ``merge`` return a new one, so a
failed operation leaves the timeline it was called on as it was. Items are immutable too; when
constraints tighten an item's bounds the new timeline holds ``attrs.evolve(item, time=...)``.

Iteration follows an order consistent with every *certain-before* relation
(``a.latest_end <= b.earliest_start``), ties broken by midpoint and then insertion order (see
``timeline.index``). Time queries (``at``, ``overlapping``, ``between``, ``before``,
``after``) answer with ``Matches``: the items for which the answer is certain, and those for
which it is only possible.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import operator
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import numpy as np

from timeline.constraints import Constraint, iso, propagate
from timeline.errors import ForeignItemError, InvalidItemError
from timeline.index import NEG, POS, Int64Array, IntArray, SpanIndex, bad_rows, bounds_of, column
from timeline.item import TimelineItem
from timeline.span import Granularity, Span

if TYPE_CHECKING:
    import os

    import altair
    import pandas

    from timeline.allen import Relations
    from timeline.merge import MergeRecord

_ID, _TIME = operator.attrgetter("id"), operator.attrgetter("time")
_PROTOCOL = ("id", "time", "label", "kind", "status", "doc", "actor_names", "place_names", "evidence")


@attrs.frozen(slots=True)
class Matches:
    """The answer to a time query: items for which it certainly holds, and those for which it
    possibly holds (``possible`` includes ``certain``), each in timeline order."""

    certain: tuple[Any, ...]
    possible: tuple[Any, ...]

    @property
    def uncertain(self) -> tuple[Any, ...]:
        """Items for which the answer is possible but not certain."""
        sure = {id(item) for item in self.certain}
        return tuple(item for item in self.possible if id(item) not in sure)

    def ids(self, *, certain: bool = False) -> list[str]:
        """The ids of the possible (or, with ``certain=True``, the certain) matches."""
        return [item.id for item in (self.certain if certain else self.possible)]

    def __bool__(self) -> bool:
        raise TypeError("the truth value of Matches is ambiguous: ask .certain or .possible")


def _describe(item: object, row: int) -> str:
    ident = getattr(item, "id", None)
    return f"item {ident!r}" if isinstance(ident, str) else f"item #{row} ({type(item).__name__})"


def _check_items(items: Sequence[Any]) -> tuple[list[str], list[Span]]:
    """(ids, spans) of ``items``; ``InvalidItemError`` naming the first bad one."""
    try:
        ids = list(map(_ID, items))
        times = list(map(_TIME, items))
    except AttributeError:
        for row, item in enumerate(items):
            missing = [name for name in ("id", "time") if not hasattr(item, name)]
            if missing:
                raise InvalidItemError(
                    f"{_describe(item, row)} is not a timeline item: it has no {' or '.join(missing)} "
                    f"(an item needs {', '.join(_PROTOCOL)})"
                ) from None
        raise
    if set(map(type, ids)) - {str}:
        row = next(r for r, i in enumerate(ids) if not isinstance(i, str))
        raise InvalidItemError(f"{_describe(items[row], row)}: its id must be a str, got {ids[row]!r}")
    if set(map(type, times)) - {Span}:
        row = next(r for r, t in enumerate(times) if not isinstance(t, Span))
        raise InvalidItemError(f"item {ids[row]!r}: its time must be a Span, got {type(times[row]).__name__} {times[row]!r}")
    if len(set(ids)) != len(ids):
        seen: set[str] = set()
        for ident in ids:
            if ident in seen:
                raise InvalidItemError(f"item {ident!r} appears twice: item ids must be unique within a timeline")
            seen.add(ident)
    return ids, times


def _check_bounds(ids: Sequence[str], times: Sequence[Span]) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
    columns = []
    for name, fill in (("earliest_start", NEG), ("latest_start", POS), ("earliest_end", NEG), ("latest_end", POS)):
        values = list(map(operator.attrgetter(name), times))
        if set(map(type, values)) - {int, type(None)}:
            row = next(r for r, v in enumerate(values) if not (v is None or type(v) is int))
            value = values[row]
            reason = "is NaN" if isinstance(value, float) and value != value else f"is {value!r}, not an int of seconds"
            raise InvalidItemError(f"item {ids[row]!r}: {name} {reason}")
        columns.append(column(values, fill))
    es, ls, ee, le = columns
    for rows, what in zip(
        bad_rows(es, ls, ee, le),
        ("its earliest start is after its latest start", "its earliest end is after its latest end", "it ends before it starts"),
        strict=True,
    ):
        if rows.size:
            row = int(rows[0])
            raise InvalidItemError(f"item {ids[row]!r}: {what} ({times[row]!r})")
    return es, ls, ee, le


def as_span(value: object) -> Span:
    """A time given as a ``Span``, an item, an int (seconds), a ``date``/``datetime`` or a
    string (ISO 8601, else a TIMEX3 value, e.g. ``"2003-04"``)."""
    if isinstance(value, Span):
        return value
    time = getattr(value, "time", None)
    if isinstance(time, Span):
        return time
    if isinstance(value, bool):
        raise TypeError(f"{value!r} is not a time")
    if isinstance(value, int | np.integer):
        return Span.instant(int(value))
    if isinstance(value, _dt.date):
        return Span.from_datetime(value)
    if isinstance(value, str):
        try:
            return Span.from_iso(value)
        except ValueError:
            return Span.from_timex3(value)
    raise TypeError(f"{value!r} is not a time: expected a Span, an item, seconds, a date or datetime, or a string")


class Timeline:
    """An immutable collection of items with uncertain times: ordered, queried, constrained.

    ``Timeline(items, constraints=(), name="", dct=None)``. ``dct`` is the document date (a
    ``Span``), drawn as a rule on charts. Items must have unique ids and valid bounds
    (``InvalidItemError`` names the item otherwise); constraints are propagated at once
    (``ConstraintConflictError`` when they contradict).
    """

    __slots__ = ("_constraints", "_ids", "_index", "_items", "_merges", "_originals", "_position", "dct", "name")

    name: str
    dct: Span | None

    def __init__(
        self,
        items: Iterable[TimelineItem] = (),
        *,
        constraints: Iterable[Constraint] = (),
        name: str = "",
        dct: Span | None = None,
        merges: Iterable[MergeRecord] = (),
        originals: Mapping[str, Span] | None = None,
    ) -> None:
        rows = list(items)
        ids, times = _check_items(rows)
        bounds = _check_bounds(ids, times)
        if dct is not None and not isinstance(dct, Span):
            dct = as_span(dct)
        self.name = name
        self.dct = dct
        self._merges: tuple[MergeRecord, ...] = tuple(merges)
        self._items = rows
        self._ids = ids
        self._position: dict[str, int] | None = None
        self._constraints: tuple[Constraint, ...] = ()
        self._index = SpanIndex(*bounds)
        self._originals: dict[str, Span] = {}
        for ident, span in (originals or {}).items():
            self._id_of(ident)
            if not isinstance(span, Span):
                raise InvalidItemError(f"item {ident!r}: its original time must be a Span, got {span!r}")
            self._originals[ident] = span
        wanted = tuple(constraints)
        if wanted:
            self._apply(self._check_constraints(wanted))

    # --- building ----------------------------------------------------------------------

    @classmethod
    def _derived(
        cls, items: list[Any], ids: list[str], index: SpanIndex, like: Timeline, constraints: tuple[Constraint, ...]
    ) -> Timeline:
        new = cls.__new__(cls)
        new.name, new.dct, new._merges = like.name, like.dct, like._merges
        new._items, new._ids, new._index = items, ids, index
        new._position, new._constraints = None, constraints
        kept = set(ids) if like._originals else set()
        new._originals = {i: s for i, s in like._originals.items() if i in kept}
        return new

    def _check_constraints(self, constraints: Sequence[Constraint | tuple[Any, ...]]) -> tuple[Constraint, ...]:
        out = []
        position = self.position
        for c in constraints:
            if not isinstance(c, Constraint):
                if not isinstance(c, tuple | list) or len(c) != 3:
                    raise TypeError(f"{c!r} is not a constraint: expected a Constraint or an (a, relation, b) triple")
                c = Constraint.make(self._id_of(c[0]), c[1], self._id_of(c[2]))
            elif c.a not in position or c.b not in position:
                self._id_of(c.a)
                self._id_of(c.b)
            out.append(c)
        return tuple(out)

    def _apply(self, new: tuple[Constraint, ...]) -> None:
        """Propagate ``self._constraints + new`` into this (not yet shared) timeline.

        Propagation starts from the items' original times (before any constraint), so a
        conflict is explained by the constraints and the bounds the items came with."""
        constraints = self._constraints + new
        index = self._index
        current = (index.es, index.ls, index.ee, index.le)
        base = current
        if self._originals:
            base = tuple(a.copy() for a in current)  # type: ignore[assignment]
            rows = [self.position[i] for i in self._originals]
            es, ls, ee, le = bounds_of(list(self._originals.values()))
            for column, values in zip(base, (es, np.minimum(ls, le), np.maximum(ee, es), le), strict=True):
                column[rows] = values
        after = propagate(self._ids, base, constraints, self.position)
        changed = np.flatnonzero(np.any([a != b for a, b in zip(current, after, strict=True)], axis=0))
        if changed.size:
            items: list[Any] = list(self._items)
            originals = dict(self._originals)
            rows = changed.tolist()
            new_bounds = dict(zip(rows, np.stack(after)[:, changed].T.tolist(), strict=True))
            related = _neighbours(constraints, {self._ids[row] for row in rows})
            for row in rows:
                originals.setdefault(self._ids[row], items[row].time)
                time = self._tightened(row, new_bounds, related, after)
                items[row] = attrs.evolve(items[row], time=time)
            self._items = items
            self._originals = originals
            self._index = SpanIndex(*after)
        self._constraints = constraints

    def original_time(self, item: object) -> Span:
        """The time ``item`` had before constraints tightened it (its time if they did not)."""
        ident = self._id_of(item)
        return self._originals.get(ident) or self[ident].time

    @property
    def originals(self) -> Mapping[str, Span]:
        """Original times of the items constraints tightened, by id."""
        return dict(self._originals)

    def _tightened(
        self, row: int, new_bounds: Mapping[int, list[int]], related: Mapping[str, list[str]], after: Sequence[Int64Array]
    ) -> Span:
        """The span of ``row``'s new bounds; it takes what the text said from an unchanged
        related item whose bounds are exactly these (the signing "during his trip" gets
        "2003-04" from the trip)."""
        bounds = new_bounds[row]
        es, ls, ee, le = (None if v in (NEG, POS) else v for v in bounds)
        position = self.position
        for other in related.get(self._ids[row], ()):
            o = position[other]
            if o not in new_bounds and [int(column[o]) for column in after] == bounds:
                span = self._items[o].time
                return Span(es, ls, ee, le, span.granularity, span.timex, span.mod, span.edtf)
        return Span(es, ls, ee, le, Granularity.UNKNOWN)

    @property
    def position(self) -> Mapping[str, int]:
        """Row number of each item id (insertion order)."""
        if self._position is None:
            self._position = {ident: row for row, ident in enumerate(self._ids)}
        return self._position

    def _id_of(self, item: object) -> str:
        """The id of ``item`` (an item or an id) if it is in this timeline; ``ForeignItemError`` if not."""
        ident = item if isinstance(item, str) else getattr(item, "id", None)
        if not isinstance(ident, str):
            raise ForeignItemError(f"{item!r} is neither an item nor an item id")
        row = self.position.get(ident)
        if row is None:
            where = f" (timeline {self.name!r})" if self.name else ""
            raise ForeignItemError(f"item {ident!r} is not in this timeline{where}: it belongs to another timeline, or to none")
        if not isinstance(item, str):
            held = self._items[row]
            if item is not held and item != held and not _same_but_time(item, held):
                raise ForeignItemError(f"item {ident!r} belongs to another timeline: this timeline holds a different item with that id")
        return ident

    def add(self, *items: TimelineItem) -> Timeline:
        """A new timeline with ``items`` added (constraints are propagated again)."""
        return Timeline(
            itertools.chain(self._items, items),
            constraints=self._constraints,
            name=self.name,
            dct=self.dct,
            merges=self._merges,
            originals=self._originals,
        )

    def constrain(
        self,
        a: object,
        relation: str,
        b: object,
        *,
        within: int | float | _dt.timedelta | None = None,
        note: str = "",
    ) -> Timeline:
        """A new timeline where ``a`` stands in ``relation`` to ``b``, bounds tightened.

        Relations: before, after, meets, met_by, overlaps, overlapped_by, starts, started_by,
        during, contains, ends, ended_by, equals, strictly_during, strictly_contains,
        intersects, and quantitative shortly_before/shortly_after (``within``: seconds or a
        ``timedelta``; default 7 days); before/after take ``within`` too. Aliases are read
        from ``timeline/data/relations.json``. ``UnknownRelationError`` for an unknown name,
        ``ForeignItemError`` for an item of another timeline, ``ConstraintConflictError``
        (naming the chain) when the constraints contradict.
        """
        constraint = Constraint.make(self._id_of(a), relation, self._id_of(b), within=within, note=note)
        return self.constrain_all([constraint])

    def constrain_all(self, constraints: Iterable[Constraint | tuple[Any, str, Any]]) -> Timeline:
        """A new timeline under many constraints at once (``Constraint``s or ``(a, relation, b)``)."""
        checked = self._check_constraints(list(constraints))
        new = Timeline._derived(self._items, self._ids, self._index, self, self._constraints)
        new._position = self._position
        new._originals = dict(self._originals)
        new._apply(checked)
        return new

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The constraints between items, in the order they were given."""
        return self._constraints

    @property
    def merges(self) -> tuple[MergeRecord, ...]:
        """What ``Timeline.merge`` merged into what, when this timeline came from a merge."""
        return self._merges

    @classmethod
    def merge(cls, *timelines: Timeline, threshold: float = 0.5, name: str = "", **options: Any) -> Timeline:
        """One timeline from several; the same event reported by several documents becomes one
        item with all its evidence. See ``timeline.merge.merge``."""
        from timeline.merge import merge

        return merge(*timelines, threshold=threshold, name=name, **options)

    # --- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[Any]:
        items = self._items
        return map(items.__getitem__, self._index.order.tolist())

    def __getitem__(self, ident: str) -> Any:
        if not isinstance(ident, str):
            raise TypeError(f"timelines are indexed by item id (a str), not {type(ident).__name__}")
        return self._items[self._row(ident)]

    def _row(self, ident: str) -> int:
        row = self.position.get(ident)
        if row is None:
            raise ForeignItemError(f"item {ident!r} is not in this timeline")
        return row

    def get(self, ident: str, default: Any = None) -> Any:
        """The item with id ``ident``, or ``default``."""
        row = self.position.get(ident)
        return default if row is None else self._items[row]

    def __contains__(self, item: object) -> bool:
        try:
            self._id_of(item)
        except ForeignItemError:
            return False
        return True

    @property
    def items(self) -> tuple[Any, ...]:
        """The items in timeline order."""
        return tuple(self)

    @property
    def ids(self) -> list[str]:
        """Item ids in timeline order."""
        ids = self._ids
        return [ids[row] for row in self._index.order.tolist()]

    @property
    def index(self) -> SpanIndex:
        """The columnar index: effective bounds as int64 arrays (row = insertion order)."""
        return self._index

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (
            self.name == other.name
            and self.dct == other.dct
            and len(self) == len(other)
            and all(a == b for a, b in zip(self, other, strict=True))
            and self._constraints == other._constraints
            and self._merges == other._merges
            and self._originals == other._originals
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        name = f" {self.name!r}" if self.name else ""
        extent = ""
        if len(self):
            lo, hi = int(self._index.es.min()), int(self._index.le.max())
            extent = f", {iso(None if lo == NEG else lo)} .. {iso(None if hi == POS else hi)}"
        return f"<Timeline{name}: {len(self)} items, {len(self._constraints)} constraints{extent}>"

    def relation(self, a: object, b: object) -> Relations:
        """Allen's relations of item ``a`` to item ``b`` (items or ids): certain and possible."""
        from timeline.allen import relation

        return relation(self[self._id_of(a)].time, self[self._id_of(b)].time)

    # --- queries -------------------------------------------------------------------------

    def _matches(self, certain: IntArray, possible: IntArray) -> Matches:
        index, items = self._index, self._items
        return Matches(
            tuple(items[r] for r in index.in_order(certain).tolist()),
            tuple(items[r] for r in index.in_order(possible).tolist()),
        )

    def overlapping(self, span: object) -> Matches:
        """Items that share time with ``span``.

        A time (a ``Span``, a string such as ``"2003-W11"``, a date, seconds, or a
        ``(start, end)`` pair of seconds with ``None`` for open) is taken as the interval it
        covers, from its earliest start to its latest end; an item (of any timeline) keeps its
        uncertainty, so it certainly shares time only with what overlaps it whatever its true time.
        """
        query: Span | tuple[int | None, int | None]
        if isinstance(span, tuple):
            query = span
        elif not isinstance(span, Span) and isinstance(getattr(span, "time", None), Span) and hasattr(span, "id"):
            query = span.time  # type: ignore[attr-defined]
        else:
            whole = as_span(span)
            query = (whole.earliest_start, whole.latest_end)
        certain, possible = self._index.overlap_in_order(query)
        items = self._items
        return Matches(tuple(items[r] for r in certain.tolist()), tuple(items[r] for r in possible.tolist()))

    def at(self, t: object) -> Matches:
        """Items going on at time ``t`` (seconds, a date/datetime, a string, a Span: the
        interval it covers, so ``at("2003-03-12")`` asks about that whole day)."""
        return self.overlapping(t)

    def _endpoints(self, value: object) -> tuple[int, int, int, int]:
        """Effective (es, ls, ee, le) of a time or an item of this timeline."""
        if isinstance(value, str) and value in self.position:
            value = self[value]
        if not isinstance(value, Span) and hasattr(value, "time") and hasattr(value, "id"):
            row = self.position[self._id_of(value)]
            ix = self._index
            return int(ix.es[row]), int(ix.ls[row]), int(ix.ee[row]), int(ix.le[row])
        span = as_span(value)
        es = NEG if span.earliest_start is None else span.earliest_start
        le = POS if span.latest_end is None else span.latest_end
        ls = min(POS if span.latest_start is None else span.latest_start, le)
        ee = max(NEG if span.earliest_end is None else span.earliest_end, es)
        return es, ls, ee, le

    def _exclude(self, value: object) -> int | None:
        if isinstance(value, str) and value in self.position:
            return self.position[value]
        ident = getattr(value, "id", None)
        if isinstance(ident, str) and not isinstance(value, Span):
            return self.position[self._id_of(value)]
        return None

    def _query(self, certain: np.ndarray[Any, Any], possible: np.ndarray[Any, Any], *exclude: int | None) -> Matches:
        for row in exclude:
            if row is not None:
                certain[row] = possible[row] = False
        return self._matches(np.flatnonzero(certain), np.flatnonzero(possible | certain))

    def before(self, other: object) -> Matches:
        """Items that end before ``other`` (an item, id or time) starts."""
        es, ls, _, le = self._endpoints(other)
        ix = self._index
        certain = (ix.le <= es) & ~((ix.es == ix.le) & (ix.le == es) & (es == le))
        possible = ix.ee <= ls
        return self._query(certain, possible, self._exclude(other))

    def after(self, other: object) -> Matches:
        """Items that start after ``other`` (an item, id or time) ends."""
        es, _, ee, le = self._endpoints(other)
        ix = self._index
        certain = (ix.es >= le) & ~((ix.es == ix.le) & (ix.es == le) & (es == le))
        possible = ix.ls >= ee
        return self._query(certain, possible, self._exclude(other))

    def between(self, a: object, b: object) -> Matches:
        """Items that start after ``a`` ends and end before ``b`` starts (items, ids or times)."""
        _, _, aee, ale = self._endpoints(a)
        bes, bls, _, _ = self._endpoints(b)
        ix = self._index
        certain = (ix.es >= ale) & (ix.le <= bes)
        possible = (ix.ls >= aee) & (ix.ee <= bls) & (ix.es < bls) & (ix.le > aee)
        return self._query(certain, possible, self._exclude(a), self._exclude(b))

    def filter(
        self,
        predicate: Callable[[Any], bool] | None = None,
        *,
        kind: str | Collection[str] | None = None,
        actor: str | Collection[str] | None = None,
        place: str | Collection[str] | None = None,
        status: str | Collection[str] | None = None,
        doc: str | Collection[str] | None = None,
    ) -> Timeline:
        """A new timeline of the items that match every given test (each a value or a set of
        values, any of which will do; actor and place match any of the item's names, case
        aside), keeping the constraints between kept items."""

        def wanted(value: str | Collection[str] | None) -> set[str] | None:
            if value is None:
                return None
            return {value.casefold()} if isinstance(value, str) else {v.casefold() for v in value}

        kinds, actors, places, statuses, docs = map(wanted, (kind, actor, place, status, doc))

        def one(value: str | None, allowed: set[str] | None) -> bool:
            return allowed is None or (value is not None and value.casefold() in allowed)

        def some(values: Iterable[str], allowed: set[str] | None) -> bool:
            return allowed is None or any(v.casefold() in allowed for v in values)

        keep = [
            row
            for row, item in enumerate(self._items)
            if one(item.kind, kinds)
            and one(item.status, statuses)
            and one(item.doc, docs)
            and some(item.actor_names, actors)
            and some(item.place_names, places)
            and (predicate is None or predicate(item))
        ]
        return self._subset(keep)

    def _subset(self, rows: list[int]) -> Timeline:
        items = [self._items[r] for r in rows]
        ids = [self._ids[r] for r in rows]
        kept = set(ids)
        constraints = tuple(c for c in self._constraints if c.a in kept and c.b in kept)
        ix = self._index
        take = np.asarray(rows, dtype=np.int64)
        index = SpanIndex(ix.es[take], ix.ls[take], ix.ee[take], ix.le[take])
        # the bounds are a fixpoint of all the constraints, so of any subset of them too
        return Timeline._derived(items, ids, index, self, constraints)

    # --- in and out ----------------------------------------------------------------------

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], **options: Any) -> Timeline:
        """A timeline of a researcher's own rows (mappings). See ``timeline.io.tables.items_from_records``."""
        from timeline.io.tables import timeline_from_records

        return timeline_from_records(records, **options)

    @classmethod
    def from_pandas(cls, frame: pandas.DataFrame, **options: Any) -> Timeline:
        """A timeline of a DataFrame's rows: ``start=``/``end=`` or ``edtf=`` or ``timex=`` name the
        time columns; a frame written by ``to_pandas`` comes back whole."""
        from timeline.io.tables import from_pandas

        return from_pandas(frame, **options)

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], **options: Any) -> Timeline:
        """A timeline of a CSV file's rows (options as ``from_pandas``)."""
        from timeline.io.tables import read_csv

        return read_csv(path, **options)

    @classmethod
    def from_parquet(cls, path: str | os.PathLike[str], **options: Any) -> Timeline:
        """A timeline of a Parquet file's rows (options as ``from_pandas``)."""
        from timeline.io.tables import read_parquet

        return read_parquet(path, **options)

    def to_pandas(self) -> pandas.DataFrame:
        """One row per item, in timeline order: bounds as datetime64[s], an EDTF column, and more."""
        from timeline.io.tables import to_pandas

        return to_pandas(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the ``to_pandas`` table as CSV (it reads back with ``from_csv``)."""
        from timeline.io.tables import write_csv

        write_csv(self, path)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the ``to_pandas`` table as Parquet (it reads back with ``from_parquet``)."""
        from timeline.io.tables import write_parquet

        write_parquet(self, path)

    def to_json(self, **options: Any) -> str:
        """Lossless JSON (``Timeline.from_json`` gives back an equal timeline)."""
        from timeline.io.json import dumps

        return dumps(self, **options)

    @classmethod
    def from_json(cls, text: str | bytes) -> Timeline:
        """The timeline ``to_json`` wrote."""
        from timeline.io.json import loads

        return loads(text)

    def to_timeml(self, **options: Any) -> str:
        """TimeML: a TIMEX3 and an EVENT per item, TLINKs from the constraints. See
        ``timeline.io.timeml_export.timeline_to_timeml``."""
        from timeline.io.timeml_export import timeline_to_timeml

        return timeline_to_timeml(self, **options)

    # --- charts (timeline.chart) ---------------------------------------------------------

    def chart(self, **options: Any) -> altair.TopLevelMixin:
        """An interactive Altair chart of the timeline (``timeline.chart.timeline_chart``)."""
        from timeline.chart import timeline_chart

        return timeline_chart(self, **options)

    def save(self, path: str | os.PathLike[str], **options: Any) -> Any:
        """Save the chart as offline HTML, PNG, SVG or PDF, by the file's suffix."""
        from timeline.io.export import save

        return save(self, Path(path), **options)

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> Any:
        from timeline.chart import mimebundle

        return mimebundle(self)


def _neighbours(constraints: Iterable[Constraint], wanted: set[str]) -> dict[str, list[str]]:
    """The items each of ``wanted`` is constrained against."""
    out: dict[str, list[str]] = {}
    for c in constraints:
        if c.a in wanted:
            out.setdefault(c.a, []).append(c.b)
        if c.b in wanted:
            out.setdefault(c.b, []).append(c.a)
    return out


def _same_but_time(item: object, held: object) -> bool:
    """Whether ``item`` is ``held`` before its time was tightened."""
    if type(item) is not type(held) or not attrs.has(type(item)):
        return False
    try:
        return bool(attrs.evolve(item, time=held.time) == held)  # type: ignore[misc, attr-defined]
    except (TypeError, ValueError):
        return False
