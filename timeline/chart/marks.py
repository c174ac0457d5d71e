"""What a chart places, as NumPy arrays: each item's bounds and marker, each mark's item and lane.

``read(items, lanes)`` reads the items once. A ``Timeline`` is read from its columns: the bounds
from its index, a lane from its text columns (``kind``, ``status``, ``doc``, ``place`` and, for
rows of a table, ``actor`` and ``country``), with no Python object made per row; only the items
a chart draws one by one, or lists in its table, are built (``Marks.item``). Other items (and
lanes given as a function, or actors with roles) are read one by one through
``rows.bounds``/``rows.lane_keys``, into the same arrays.

An item has one mark per lane it goes in: one for most fields, one per actor (``actor``) or
country (``country``); ``mark_item`` says whose mark each is, ``lane_codes`` its lane (a number
into ``lane_names``) and ``roles`` the item's role there ("" when the lanes say none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import attrs
import numpy as np
import numpy.typing as npt
import pyarrow as pa
import pyarrow.compute as pc

from timeline.chart.options import Lanes
from timeline.chart.rows import NONE_LANE, bounds, clean_text, lane_keys
from timeline.columns import Columns
from timeline.index import NEG, POS
from timeline.span import Span

__all__ = ["Marks", "marker", "read"]

_Ints = npt.NDArray[np.int64]
_Bools = npt.NDArray[np.bool_]
# Lanes read from a column of one text each, and from a column of names (the first, or each).
_TEXT_LANES = ("kind", "status", "doc")
_NAME_LANES = {"place": "place_names", "actor": "actor_names", "country": "actor_names"}


@attrs.frozen(slots=True, eq=False)
class Marks:
    """The dated items' bounds (seconds) and the marks' items and lanes (see the module)."""

    lo: _Ints  # per dated item: the outer known bounds, the marker, which bound is open
    hi: _Ints
    mid: _Ints
    open_start: _Bools
    open_end: _Bools
    rows: _Ints  # per dated item: its number among all the items read
    undated: _Ints  # the numbers of the items with no known time
    mark_item: _Ints  # per mark: the dated item (an index into lo, hi ...)
    lane_codes: _Ints  # per mark: its lane, an index into lane_names
    lane_names: tuple[str, ...]
    roles: tuple[str, ...] | None  # per mark, or None when no mark has a role
    build: Callable[[_Ints], list[Any]]  # row numbers -> their items

    @property
    def n_items(self) -> int:
        return len(self.rows) + len(self.undated)

    def items(self, rows: _Ints) -> list[Any]:
        """The items numbered ``rows`` (built then, for rows of a table)."""
        return self.build(np.asarray(rows, dtype=np.int64))

    def role(self, mark: int) -> str:
        return "" if self.roles is None else self.roles[mark]

    def keep(self, dated: _Bools) -> Marks:
        """Only the dated items where ``dated`` is True, and their marks."""
        new_number = np.cumsum(dated) - 1
        kept = dated[self.mark_item]
        roles = None if self.roles is None else tuple(r for r, k in zip(self.roles, kept.tolist(), strict=True) if k)
        return attrs.evolve(
            self, lo=self.lo[dated], hi=self.hi[dated], mid=self.mid[dated], open_start=self.open_start[dated],
            open_end=self.open_end[dated], rows=self.rows[dated], mark_item=new_number[self.mark_item[kept]],
            lane_codes=self.lane_codes[kept], roles=roles,
        )


def marker(lo: _Ints, hi: _Ints, open_start: _Bools, open_end: _Bools) -> _Ints:
    """``rows.marker`` on arrays: the middle of each band, or its known bound if one is open."""
    middle = lo + (hi - lo) // 2
    return np.where(open_start & ~open_end, hi, np.where(open_end & ~open_start, lo, middle))


def read(items: Iterable[Any], lanes: Lanes) -> Marks:
    """The marks of ``items`` in ``lanes`` (see the module)."""
    columns = getattr(items, "columns", None)
    if isinstance(columns, Columns) and _columnar(columns, lanes):
        return _from_columns(columns, lanes)  # type: ignore[arg-type]
    return _from_items(list(items), lanes)


def _columnar(columns: Columns, lanes: Lanes) -> bool:
    if not isinstance(lanes, str) or columns.changed:
        return False
    if lanes in _TEXT_LANES or lanes == "place":
        return True
    # Actors as objects (events.Event) carry roles and countries: read those one by one.
    return lanes in ("actor", "country") and columns.objects is None


def _from_columns(columns: Columns, lanes: str) -> Marks:
    ix = columns.index
    order = np.asarray(ix.order, dtype=np.int64)  # items are numbered in timeline order, as iterated
    es, ls, ee, le = (np.asarray(a)[order] for a in (ix.es, ix.ls, ix.ee, ix.le))
    open_start, open_end = es == NEG, le == POS
    inner = np.stack([np.where(b == NEG, POS, np.where(b == POS, POS, b)) for b in (ls, ee, le)])
    outer = np.stack([np.where(b == POS, NEG, np.where(b == NEG, NEG, b)) for b in (es, ls, ee)])
    lo = np.where(open_start, inner.min(axis=0), es)
    hi = np.where(open_end, outer.max(axis=0), le)
    dated = ~((lo == POS) | (hi == NEG))  # no bound known
    hi = np.maximum(lo, hi)
    rows = np.flatnonzero(dated)
    take = pa.array(order[rows])
    lo, hi, open_start, open_end = lo[dated], hi[dated], open_start[dated], open_end[dated]
    mid = marker(lo, hi, open_start, open_end)
    if lanes in _TEXT_LANES:
        codes, names = _codes(columns.column(lanes))  # in row order: numbers are cheaper to reorder than texts
        codes = codes[order[rows]]
        mark_item = np.arange(len(rows), dtype=np.int64)
    else:
        lists = columns.column(_NAME_LANES[lanes]).take(take)
        if lanes == "place":
            codes, names = _codes(pc.list_element(pc.if_else(pc.greater(pc.list_value_length(lists), 0), lists, pa.nulls(len(lists), lists.type)), 0) if len(lists) else pa.array([], pa.string()))
            mark_item = np.arange(len(rows), dtype=np.int64)
        else:
            mark_item, codes, names = _each_name(lists)
    return Marks(lo, hi, mid, open_start, open_end, rows.astype(np.int64), np.flatnonzero(~dated).astype(np.int64),
                 mark_item, codes, names, None, lambda numbers: columns.items(order[numbers]))


def _codes(values: pa.Array) -> tuple[_Ints, tuple[str, ...]]:
    """Lane numbers of a text column (empty or missing: ``(none)``) and the lane names."""
    values = pc.if_else(pc.or_kleene(pc.is_null(values), pc.equal(values, "")), NONE_LANE, values) if len(values) else values
    encoded = pc.dictionary_encode(values).combine_chunks() if isinstance(values, pa.ChunkedArray) else pc.dictionary_encode(values)
    names = tuple(clean_text(str(v)) for v in encoded.dictionary.to_pylist())
    codes = encoded.indices.to_numpy(zero_copy_only=False).astype(np.int64)
    return _unique_names(codes, names)


def _unique_names(codes: _Ints, names: tuple[str, ...]) -> tuple[_Ints, tuple[str, ...]]:
    """Codes onto distinct names (two raw values may clean to one text)."""
    distinct = sorted(set(names))
    if len(distinct) == len(names):
        return codes, names
    number = {name: i for i, name in enumerate(distinct)}
    remap = np.array([number[n] for n in names], dtype=np.int64)
    return remap[codes], tuple(distinct)


def _each_name(lists: pa.Array) -> tuple[_Ints, _Ints, tuple[str, ...]]:
    """One mark per distinct name of each item's list (``(none)`` for an empty list)."""
    if isinstance(lists, pa.ChunkedArray):
        lists = lists.combine_chunks()
    n = len(lists)
    lengths = pc.fill_null(pc.list_value_length(lists), 0).to_numpy(zero_copy_only=False).astype(np.int64)
    flat = pc.list_flatten(lists)
    owner = np.repeat(np.arange(n, dtype=np.int64), lengths)
    empty = np.flatnonzero(lengths == 0)
    values = pa.concat_arrays([flat.cast(pa.string()), pa.array([NONE_LANE] * len(empty), pa.string())])
    owner = np.concatenate([owner, empty])
    codes, names = _codes(values)
    # each name once per item, marks in item order
    pair = np.unique(owner * (len(names) + 1) + codes)
    return pair // (len(names) + 1), pair % (len(names) + 1), names


def _from_items(items: list[Any], lanes: Lanes) -> Marks:
    n = len(items)
    lo, hi = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=np.int64)
    open_start, open_end, dated = (np.zeros(n, dtype=bool) for _ in range(3))
    mark_item: list[int] = []
    mark_lanes: list[str] = []
    roles: list[str] = []
    count = 0
    for row, item in enumerate(items):
        span = getattr(item, "time", None)
        found = bounds(span) if isinstance(span, Span) else None
        if found is None:
            continue
        dated[row] = True
        lo[row], hi[row], open_start[row], open_end[row] = found
        for lane, role in lane_keys(item, lanes):
            mark_item.append(count)
            mark_lanes.append(lane)
            roles.append(role)
        count += 1
    names = tuple(sorted(set(mark_lanes)))
    number = {name: i for i, name in enumerate(names)}
    codes = np.fromiter((number[k] for k in mark_lanes), dtype=np.int64, count=len(mark_lanes))
    rows = np.flatnonzero(dated).astype(np.int64)
    lo, hi, open_start, open_end = lo[dated], hi[dated], open_start[dated], open_end[dated]
    return Marks(lo, hi, marker(lo, hi, open_start, open_end), open_start, open_end, rows,
                 np.flatnonzero(~dated).astype(np.int64), np.asarray(mark_item, dtype=np.int64), codes, names,
                 tuple(roles) if any(roles) else None, lambda rows: [items[r] for r in rows.tolist()])
