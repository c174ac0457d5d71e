"""``Timeline``: items with uncertain times, ordered, constrained, queried, merged.

A timeline holds its rows as columns (``timeline.columns``): ids, the items' bounds in a
``SpanIndex`` (NumPy columns with an order and queries, ``timeline.index``), and either the
item objects it was given (any objects with the attributes of ``timeline.item.TimelineItem``:
an ``events.Event``, a plain ``Item``) or a table's columns, from which an ``Item`` is built
when it is asked for (``Timeline.from_pandas`` and the other table readers).

A timeline is immutable: ``add``, ``constrain``, ``filter`` and ``merge`` return a new one, so a
failed operation leaves the timeline it was called on as it was. Items are immutable too; when
constraints tighten an item's bounds the new timeline holds ``attrs.evolve(item, time=...)``.

Iteration follows an order consistent with every *certain-before* relation
(``a.latest_end <= b.earliest_start``), ties broken by midpoint and then insertion order (see
``timeline.index``); ``Timeline.rows`` keeps insertion order. Time queries (``at``,
``overlapping``, ``between``, ``within``, ``before``, ``after``) answer with ``Matches``: row
numbers of the items for which the answer is certain, and of those for which it is only
possible, read as items only when asked.
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
import pyarrow as pa
import pyarrow.compute as pc

from timeline.allen import Relations, relation
from timeline.columns import NAMES, TEXT, Columns, ItemSequence
from timeline.constraints import Constraint, iso, propagate
from timeline.convert import data_error
from timeline.errors import ForeignItemError, InvalidItemError, LoadError
from timeline.index import (
    NEG,
    POS,
    Bounds,
    Int64Array,
    IntArray,
    SpanIndex,
    bad_rows,
    bounds_of,
    column,
    effective,
)
from timeline.io import json as json_io
from timeline.io import timeml_export
from timeline.io.parts import TimelineParts
from timeline.item import MergeRecord, TimelineItem
from timeline.merge import plan_merge
from timeline.span import Granularity, Span

if TYPE_CHECKING:
    import os

    import altair
    import pandas

    from timeline.io.load import Upgrade

__all__ = ["Matches", "TimeSlicer", "Timeline", "as_span", "time_range"]


_ID, _TIME = operator.attrgetter("id"), operator.attrgetter("time")
_PROTOCOL = ("id", "time", "label", "kind", "status", "doc", "actor_names", "place_names", "evidence")


class Matches:
    """The answer to a time query: the rows for which it certainly holds, and those for which
    it possibly holds (``possible`` includes ``certain``), read in timeline order.

    ``certain``, ``possible`` and ``uncertain`` are lazy sequences of items; ``len()`` counts
    the possible ones, ``ids()`` names them, ``timeline`` is the answer as a timeline (to
    chart or to query further) and ``to_pandas()`` as a table. A ``Matches`` has no truth value.
    """

    __slots__ = ("_certain", "_columns", "_ordered", "_possible", "_source")

    def __init__(self, source: Timeline, certain: IntArray, possible: IntArray) -> None:
        self._source = source
        self._columns = source._columns
        self._certain, self._possible = certain, possible
        self._ordered: dict[str, IntArray] = {}

    def _rows(self, which: str) -> IntArray:
        rows = self._ordered.get(which)
        if rows is None:
            if which == "uncertain":
                rows = self._columns.index.in_order(np.setdiff1d(self._possible, self._certain))
            else:
                rows = self._columns.index.in_order(self._certain if which == "certain" else self._possible)
            self._ordered[which] = rows
        return rows

    @property
    def certain(self) -> ItemSequence:
        """Items for which the answer certainly holds, in timeline order."""
        return ItemSequence(self._columns, self._rows("certain"))

    @property
    def possible(self) -> ItemSequence:
        """Items for which the answer possibly holds (the certain ones included), in timeline order."""
        return ItemSequence(self._columns, self._rows("possible"))

    @property
    def uncertain(self) -> ItemSequence:
        """Items for which the answer is possible but not certain."""
        return ItemSequence(self._columns, self._rows("uncertain"))

    def __len__(self) -> int:
        return len(self._possible)

    def ids(self, *, certain: bool = False) -> list[str]:
        """The ids of the possible (or, with ``certain=True``, the certain) matches."""
        return (self.certain if certain else self.possible).ids()

    @property
    def timeline(self) -> Timeline:
        """The possible matches as a timeline (insertion order kept, with the constraints
        between them)."""
        return self._source._subset(np.sort(self._possible))

    def to_pandas(self) -> pandas.DataFrame:
        """The possible matches as ``Timeline.to_pandas`` writes them, with a bool column
        ``certain``."""
        frame = self._source._subset(self._rows("possible")).to_pandas()
        sure = np.zeros(len(self._columns), dtype=bool)
        sure[self._certain] = True
        frame["certain"] = sure[self._rows("possible")]
        return frame

    def __bool__(self) -> bool:
        raise TypeError("the truth value of Matches is ambiguous: ask .certain or .possible")

    def __repr__(self) -> str:
        return f"<Matches: {len(self._certain)} certain, {len(self._possible)} possible>"


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
    (``ConstraintConflictError`` when they contradict). The table readers
    (``from_pandas``, ``from_parquet``, ...) fill the columns directly.
    """

    __slots__ = ("_columns", "_constraints", "_merges", "_originals", "dct", "name")

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
        self._setup(Columns.of_objects(rows, ids, SpanIndex(*bounds)), constraints, name, dct, merges, originals)

    def _setup(
        self,
        columns: Columns,
        constraints: Iterable[Constraint],
        name: str,
        dct: Span | None,
        merges: Iterable[MergeRecord],
        originals: Mapping[str, Span] | None,
    ) -> None:
        if dct is not None and not isinstance(dct, Span):
            dct = as_span(dct)
        self.name = name
        self.dct = dct
        self._merges: tuple[MergeRecord, ...] = tuple(merges)
        self._columns = columns
        self._constraints: tuple[Constraint, ...] = ()
        self._originals: dict[str, Span] = {}
        for ident, span in (originals or {}).items():
            self._id_of(ident)
            if not isinstance(span, Span):
                raise InvalidItemError(f"item {ident!r}: its original time must be a Span, got {span!r}")
            self._originals[ident] = span
        wanted = tuple(constraints)
        if wanted:
            self._apply(self._check_constraints(wanted))

    @classmethod
    def from_columns(
        cls,
        columns: Columns,
        *,
        constraints: Iterable[Constraint] = (),
        name: str = "",
        dct: Span | None = None,
        merges: Iterable[MergeRecord] = (),
        originals: Mapping[str, Span] | None = None,
    ) -> Timeline:
        """A timeline over ready ``Columns`` (the table readers build them; ids unique)."""
        new = cls.__new__(cls)
        new._setup(columns, constraints, name, dct, merges, originals)
        return new

    # --- building ----------------------------------------------------------------------

    def _derived(self, columns: Columns, constraints: tuple[Constraint, ...]) -> Timeline:
        new = Timeline.__new__(Timeline)
        new.name, new.dct, new._merges = self.name, self.dct, self._merges
        new._columns, new._constraints = columns, constraints
        kept = columns.position if self._originals else {}
        new._originals = {i: s for i, s in self._originals.items() if i in kept}
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
        columns = self._columns
        index = columns.index
        current = (index.es, index.ls, index.ee, index.le)
        base: tuple[Int64Array, ...] = current
        if self._originals:
            base = tuple(a.copy() for a in current)
            rows = [self.position[i] for i in self._originals]
            es, ls, ee, le = bounds_of(list(self._originals.values()))
            for values, original in zip(base, (es, np.minimum(ls, le), np.maximum(ee, es), le), strict=True):
                values[rows] = original
        ids = columns.id_list
        after = propagate(ids, (base[0], base[1], base[2], base[3]), constraints, self.position)
        changed = np.flatnonzero(np.any([a != b for a, b in zip(current, after, strict=True)], axis=0))
        if changed.size:
            originals = dict(self._originals)
            rows = changed.tolist()
            new_bounds = dict(zip(rows, np.stack(after)[:, changed].T.tolist(), strict=True))
            related = _neighbours(constraints, {ids[row] for row in rows})
            items = dict(zip(rows, columns.items(changed), strict=True))
            tightened = {}
            for row in rows:
                originals.setdefault(ids[row], items[row].time)
                time = self._tightened(row, new_bounds, related, after)
                tightened[row] = attrs.evolve(items[row], time=time)
            self._columns = columns.tightened(SpanIndex(*after), tightened)
            self._originals = originals
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
        for other in related.get(self._columns.id_list[row], ()):
            o = position[other]
            if o not in new_bounds and [int(column[o]) for column in after] == bounds:
                span = self._columns.item(o).time
                return Span(es, ls, ee, le, span.granularity, span.timex, span.mod, span.edtf)
        return Span(es, ls, ee, le, Granularity.UNKNOWN)

    @property
    def position(self) -> Mapping[str, int]:
        """Row number of each item id (insertion order)."""
        return self._columns.position

    def _id_of(self, item: object) -> str:
        """The id of ``item`` (an item or an id) if it is in this timeline; ``ForeignItemError`` if not."""
        ident = item if isinstance(item, str) else getattr(item, "id", None)
        if not isinstance(ident, str):
            raise ForeignItemError(f"{item!r} is neither an item nor an item id")
        row = self._columns.row_of(ident)
        if row is None:
            where = f" (timeline {self.name!r})" if self.name else ""
            raise ForeignItemError(f"item {ident!r} is not in this timeline{where}: it belongs to another timeline, or to none")
        if not isinstance(item, str):
            held = self._columns.item(row)
            if item is not held and item != held and not _same_but_time(item, held):
                raise ForeignItemError(f"item {ident!r} belongs to another timeline: this timeline holds a different item with that id")
        return ident

    def add(self, *items: TimelineItem) -> Timeline:
        """A new timeline with ``items`` added (constraints are propagated again)."""
        return Timeline(
            itertools.chain(self.rows, items),
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
        (naming the chain) when the constraints contradict, a cycle of "before" through an
        item that is not an instant included.
        """
        constraint = Constraint.make(self._id_of(a), relation, self._id_of(b), within=within, note=note)
        return self.constrain_all([constraint])

    def constrain_all(self, constraints: Iterable[Constraint | tuple[Any, str, Any]]) -> Timeline:
        """A new timeline under many constraints at once (``Constraint``s or ``(a, relation, b)``)."""
        checked = self._check_constraints(list(constraints))
        new = self._derived(self._columns, self._constraints)
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
        item with all its evidence. See ``timeline.merge`` (``plan_merge`` decides, this builds)."""
        for k, t in enumerate(timelines):
            if not isinstance(t, Timeline):
                raise TypeError(f"merge() takes timelines; argument {k} is a {type(t).__name__}")
        plan = plan_merge(timelines, threshold=threshold, **options)
        return cls(plan.items, constraints=plan.constraints, name=name, dct=plan.dct, merges=plan.records, originals=plan.originals)

    # --- reading -------------------------------------------------------------------------

    def __len__(self) -> int:
        return len(self._columns)

    def __iter__(self) -> Iterator[Any]:
        return iter(ItemSequence(self._columns, self._columns.index.order))

    def __getitem__(self, ident: str) -> Any:
        if not isinstance(ident, str):
            raise TypeError(f"timelines are indexed by item id (a str), not {type(ident).__name__}")
        return self._columns.item(self._row(ident))

    def _row(self, ident: str) -> int:
        row = self._columns.row_of(ident)
        if row is None:
            raise ForeignItemError(f"item {ident!r} is not in this timeline")
        return row

    def get(self, ident: str, default: Any = None) -> Any:
        """The item with id ``ident``, or ``default``."""
        row = self._columns.row_of(ident)
        return default if row is None else self._columns.item(row)

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
        return ItemSequence(self._columns, self._columns.index.order).ids()

    @property
    def rows(self) -> ItemSequence:
        """The items in insertion order (row numbers as in ``index``), built when read."""
        return ItemSequence(self._columns, np.arange(len(self)))

    @property
    def index(self) -> SpanIndex:
        """The columnar index: effective bounds as read-only int64 arrays (row = insertion order)."""
        return self._columns.index

    @property
    def columns(self) -> Columns:
        """The storage: the rows as columns (``timeline.columns``)."""
        return self._columns

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return (
            self.name == other.name
            and self.dct == other.dct
            and len(self) == len(other)
            and self._constraints == other._constraints
            and self._merges == other._merges
            and self._originals == other._originals
            and all(a == b for a, b in zip(self, other, strict=True))
        )

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        name = f" {self.name!r}" if self.name else ""
        extent = ""
        if len(self):
            ix = self._columns.index
            lo, hi = int(ix.es.min()), int(ix.le.max())
            extent = f", {iso(None if lo == NEG else lo)} .. {iso(None if hi == POS else hi)}"
        return f"<Timeline{name}: {len(self)} items, {len(self._constraints)} constraints{extent}>"

    def relation(self, a: object, b: object) -> Relations:
        """Allen's relations of item ``a`` to item ``b`` (items or ids): certain and possible."""
        return relation(self[self._id_of(a)].time, self[self._id_of(b)].time)

    # --- queries -------------------------------------------------------------------------

    def overlapping(self, span: object) -> Matches:
        """Items that share time with ``span``.

        A time (a ``Span``, a string such as ``"2003-W11"``, a date, a pandas ``Timestamp``,
        seconds, or a ``(start, end)`` pair of any of these with ``None`` for open: from the
        start's earliest start to the end's latest end) is taken as the interval it covers; an
        item (of any timeline) keeps its uncertainty, so it certainly shares time only with
        what overlaps it whatever its true time.
        """
        query: Span | tuple[int | None, int | None]
        if isinstance(span, tuple):
            query = time_range(span)
        elif not isinstance(span, Span) and isinstance(getattr(span, "time", None), Span) and hasattr(span, "id"):
            query = span.time  # type: ignore[attr-defined]
        else:
            whole = as_span(span)
            query = (whole.earliest_start, whole.latest_end)
        certain, possible = self._columns.index.overlap_rows(query)
        return Matches(self, certain, possible)

    def at(self, t: object) -> Matches:
        """Items going on at time ``t`` (seconds, a date/datetime, a string, a Span: the
        interval it covers, so ``at("2003-03-12")`` asks about that whole day)."""
        return self.overlapping(t)

    def _endpoints(self, value: object) -> Bounds:
        """Effective (es, ls, ee, le) of a time or an item of this timeline."""
        held = self._columns.row_of(value) if isinstance(value, str) else None
        if held is not None:
            row = held
        elif not isinstance(value, Span) and hasattr(value, "time") and hasattr(value, "id"):
            row = self._row(self._id_of(value))
        else:
            return effective(as_span(value))
        ix = self._columns.index
        return int(ix.es[row]), int(ix.ls[row]), int(ix.ee[row]), int(ix.le[row])

    def _exclude(self, value: object) -> int | None:
        if isinstance(value, str):
            return self._columns.row_of(value)
        ident = getattr(value, "id", None)
        if isinstance(ident, str) and not isinstance(value, Span):
            return self._row(self._id_of(value))
        return None

    def _answer(self, certain: IntArray, possible: IntArray, *exclude: int | None) -> Matches:
        for row in exclude:
            if row is not None:
                certain, possible = certain[certain != row], possible[possible != row]
        return Matches(self, certain, possible)

    def before(self, other: object) -> Matches:
        """Items that end before ``other`` (an item, id or time) starts."""
        return self._answer(*self._columns.index.before(self._endpoints(other)), self._exclude(other))

    def after(self, other: object) -> Matches:
        """Items that start after ``other`` (an item, id or time) ends."""
        return self._answer(*self._columns.index.after(self._endpoints(other)), self._exclude(other))

    def between(self, a: object, b: object) -> Matches:
        """Items that start after ``a`` ends and end before ``b`` starts (items, ids or times),
        both excluded: ``between("2003-03", "2003-05")`` is April. ``within`` includes them."""
        certain, possible = self._columns.index.between(self._endpoints(a), self._endpoints(b))
        return self._answer(certain, possible, self._exclude(a), self._exclude(b))

    def within(self, a: object, b: object = None) -> Matches:
        """Items that happened within ``a`` .. ``b`` (items, ids or times), both included:
        from ``a``'s earliest start to ``b``'s latest end (``b`` defaults to ``a``), so
        ``within("2003-03", "2003-04")`` is March and April. Certain: whatever the true times."""
        lo = self._endpoints(a)[0]
        hi = self._endpoints(a if b is None else b)[3]
        certain, possible = self._columns.index.within(lo, hi)
        return self._answer(certain, possible, self._exclude(a), None if b is None else self._exclude(b))

    def filter(
        self,
        predicate: Callable[[Any], bool] | None = None,
        *,
        start: object = None,
        end: object = None,
        kind: str | Collection[str] | None = None,
        actor: str | Collection[str] | None = None,
        place: str | Collection[str] | None = None,
        status: str | Collection[str] | None = None,
        doc: str | Collection[str] | None = None,
    ) -> Timeline:
        """A new timeline of the items that match every given test, keeping the constraints
        between kept items.

        ``start``/``end``: items that may share time with ``start`` .. ``end`` (times as
        ``overlapping`` reads them, either may be left open). ``kind``, ``status``, ``doc``,
        ``actor``, ``place``: a value or a set of values, any of which will do (actor and
        place match any of the item's names), case aside. These run over the columns;
        ``predicate`` is then asked about each item left.
        """
        keep = np.ones(len(self), dtype=bool)
        if start is not None or end is not None:
            keep &= self._mask(self.overlapping((start, end))._possible)
        for name, wanted in (("kind", kind), ("status", status), ("doc", doc), ("actor_names", actor), ("place_names", place)):
            if wanted is not None:
                keep &= self._text_mask(name, wanted)
        rows = np.flatnonzero(keep)
        if predicate is not None:
            rows = rows[[bool(predicate(item)) for item in ItemSequence(self._columns, rows)]] if len(rows) else rows
        return self._subset(rows)

    def _mask(self, rows: IntArray) -> np.ndarray[Any, np.dtype[np.bool_]]:
        mask = np.zeros(len(self), dtype=bool)
        mask[rows] = True
        return mask

    def _text_mask(self, name: str, wanted: str | Collection[str]) -> np.ndarray[Any, np.dtype[np.bool_]]:
        values = pa.array(sorted({wanted.lower()} if isinstance(wanted, str) else {v.lower() for v in wanted}), type=pa.string())
        column = self._columns.column(name)
        if name in NAMES:
            flat = pc.list_flatten(column)
            hit = pc.is_in(pc.utf8_lower(flat), value_set=values).to_numpy(zero_copy_only=False)
            parents = pc.list_parent_indices(column).to_numpy()
            return self._mask(parents[hit])
        assert name in TEXT
        mask: np.ndarray[Any, np.dtype[np.bool_]] = pc.fill_null(pc.is_in(pc.utf8_lower(column), value_set=values), False).to_numpy(zero_copy_only=False)
        return mask

    @property
    def loc(self) -> TimeSlicer:
        """Slicing by time: ``tl.loc["1840":"1860"]`` is ``tl.filter(start="1840", end="1860")``
        (everything that may have happened from 1840 through 1860); ``tl.loc["1848"]`` the same for one time."""
        return TimeSlicer(self)

    def _subset(self, rows: IntArray) -> Timeline:
        columns = self._columns.take(np.asarray(rows, dtype=np.int64))
        kept = set(columns.id_list) if self._constraints else set()
        constraints = tuple(c for c in self._constraints if c.a in kept and c.b in kept)
        # the bounds are a fixpoint of all the constraints, so of any subset of them too
        return self._derived(columns, constraints)

    # --- in and out ----------------------------------------------------------------------

    # ``timeline.io.tables`` and ``timeline.io.load`` load pandas: imported on first use, so
    # ``import timeline`` stays light (as ``pandas.DataFrame.to_parquet`` imports its writer).

    @classmethod
    def from_parts(cls, parts: TimelineParts, *, source: str | os.PathLike[str] | None = None) -> Timeline:
        """The timeline a reader's ``TimelineParts`` describe (``timeline.io.parts``); with the
        ``source`` file named, a problem is a ``LoadError`` naming it."""
        try:
            if parts.columns is not None:
                return cls.from_columns(
                    parts.columns,
                    constraints=parts.constraints,
                    name=parts.name,
                    dct=parts.dct,
                    merges=parts.merges,
                    originals=parts.originals,
                )
            return cls(
                parts.items,
                constraints=parts.constraints,
                name=parts.name,
                dct=parts.dct,
                merges=parts.merges,
                originals=parts.originals,
            )
        except (ValueError, TypeError, KeyError) as error:
            if source is None:
                raise
            raise LoadError(f"{source}: {data_error(error)}") from error

    @classmethod
    def from_records(cls, records: Iterable[Mapping[str, Any]], **options: Any) -> Timeline:
        """A timeline of a researcher's own rows (mappings), read as a table (``from_pandas`` options)."""
        from timeline.io import tables

        return cls.from_parts(tables.timeline_from_records(records, **options))

    @classmethod
    def from_pandas(cls, frame: pandas.DataFrame, **options: Any) -> Timeline:
        """A timeline of a DataFrame's rows, read column by column: ``start=``/``end=`` or
        ``edtf=`` or ``timex=`` name the time columns, ``dates="text"`` reads date phrases,
        ``errors="raise"|"skip"|"coerce"`` says what a bad row does; a frame written by
        ``to_pandas`` comes back whole. See ``timeline.io.tables``."""
        from timeline.io import tables

        return cls.from_parts(tables.from_pandas(frame, **options))

    @classmethod
    def from_arrow(cls, table: pa.Table, **options: Any) -> Timeline:
        """A timeline of an Arrow table's rows, straight from its columns (options as ``from_pandas``)."""
        from timeline.io import tables

        return cls.from_parts(tables.from_arrow(table, **options))

    @classmethod
    def from_csv(cls, path: str | os.PathLike[str], **options: Any) -> Timeline:
        """A timeline of a CSV file's rows (options as ``from_pandas``)."""
        from timeline.io import tables

        return cls.from_parts(tables.read_csv(path, **options))

    @classmethod
    def from_parquet(cls, path: str | os.PathLike[str], **options: Any) -> Timeline:
        """A timeline of a Parquet file's rows, or of a folder holding a partitioned Parquet
        dataset (as Dask or Spark write it), read through pyarrow (options as ``from_pandas``)."""
        from timeline.io import tables

        return cls.from_parts(tables.read_parquet(path, **options))

    def to_pandas(self) -> pandas.DataFrame:
        """One row per item, in timeline order: bounds as datetime64[s], an EDTF column, and more."""
        from timeline.io import tables

        return tables.to_pandas(self)

    def to_csv(self, path: str | os.PathLike[str]) -> None:
        """Write the ``to_pandas`` table as CSV (it reads back with ``from_csv``)."""
        from timeline.io import tables

        tables.write_csv(self, path)

    def to_parquet(self, path: str | os.PathLike[str]) -> None:
        """Write the ``to_pandas`` table as Parquet (it reads back with ``from_parquet``)."""
        from timeline.io import tables

        tables.write_parquet(self, path)

    def to_json(self, **options: Any) -> str:
        """Lossless JSON (``Timeline.from_json`` gives back an equal timeline)."""
        return json_io.dumps(self, **options)

    @classmethod
    def read(cls, path: str | os.PathLike[str], *, upgrade: Upgrade | None = None) -> Timeline:
        """The timeline of any file ``to_json``/``to_csv``/``to_parquet`` or ``timeline extract``
        wrote (``timeline.io.load``); ``LoadError`` naming the file and the problem."""
        from timeline.io import load

        return cls.from_parts(load.read_items(path, upgrade=upgrade).as_parts(), source=path)

    @classmethod
    def from_json(cls, text: str | bytes) -> Timeline:
        """The timeline ``to_json`` wrote; ``ValueError`` for anything else."""
        parts = json_io.loads(text)
        try:
            return cls.from_parts(parts)
        except (TypeError, KeyError) as error:
            raise ValueError(data_error(error)) from error

    def to_timeml(self, **options: Any) -> str:
        """TimeML: a TIMEX3 and an EVENT per item, TLINKs from the constraints. See
        ``timeline.io.timeml_export.timeline_to_timeml``."""
        return timeml_export.timeline_to_timeml(self, **options)

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


class TimeSlicer:
    """``Timeline.loc``: a timeline sliced by time."""

    __slots__ = ("_timeline",)

    def __init__(self, timeline: Timeline) -> None:
        self._timeline = timeline

    def __getitem__(self, key: object) -> Timeline:
        if isinstance(key, slice):
            if key.step is not None:
                raise TypeError("a time slice takes no step")
            return self._timeline.filter(start=key.start, end=key.stop)
        return self._timeline.filter(start=key, end=key)


def time_range(pair: tuple[Any, ...]) -> tuple[int | None, int | None]:
    """The seconds ``(start, end)`` a pair of times covers: from the first's earliest start to
    the second's latest end (ints are seconds, None is open; strings, dates, pandas
    Timestamps and Spans as ``as_span`` reads them)."""
    if len(pair) != 2:
        raise TypeError(f"a time range is a (start, end) pair, got {pair!r}")
    start, end = pair
    lo = start if start is None or (isinstance(start, int | np.integer) and not isinstance(start, bool)) else as_span(start).earliest_start
    hi = end if end is None or (isinstance(end, int | np.integer) and not isinstance(end, bool)) else as_span(end).latest_end
    return (None if lo is None else int(lo)), (None if hi is None else int(hi))


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
