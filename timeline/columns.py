"""A timeline's storage: its rows as columns, and items built from them when asked for.

``Columns`` holds, for n rows in insertion order:

- ``ids``: an Arrow string array;
- ``index``: the ``SpanIndex`` (the four effective bounds as read-only NumPy arrays, an order);
- ``granularity``: a ``uint8`` array (``Granularity`` values), when the rows came from a table;
- text columns as Arrow arrays, each optional: ``label``, ``kind``, ``status``, ``doc``,
  ``actor_names`` and ``place_names`` (lists of strings), and what the time said
  (``timex``, ``mod``, ``edtf``);
- ``attributes``: the table's other columns (an Arrow table), for ``Item.attributes``;
- ``objects``: the items themselves, only when they were given as objects (``events.Event``);
- ``changed``: items replaced since (constraints tightened their times), by row.

One storage for both kinds of rows. An item given as an object is returned as it was given; a
table's row becomes an ``Item`` when it is asked for (``item``, ``items``), with the row's
effective bounds as its ``Span``. Columns that a query needs from object rows (``kind`` for
``filter``) are read from the objects once, on first use.

``ItemSequence`` is a lazy sequence of rows (in a given order) that builds items on access:
what ``Timeline.rows`` and ``Matches.certain``/``possible`` return.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, overload

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from timeline.index import NEG, POS, IntArray, SpanIndex
from timeline.item import Item
from timeline.span import Granularity, Span

__all__ = ["CHUNK", "NAMES", "SPAN_TEXT", "TEXT", "Columns", "ItemSequence"]

TEXT = ("label", "kind", "status", "doc")
"""Text columns of an item, one value each."""
NAMES = ("actor_names", "place_names")
"""Columns of names, a list each."""
SPAN_TEXT = ("timex", "mod", "edtf")
"""What a row's time said, kept beside its bounds."""
CHUNK = 4096
"""Rows built into items at a time while iterating."""

_GRANULARITY = list(Granularity)
_LIST = pa.list_(pa.string())


class Columns:
    """The rows of a timeline as columns (see the module docstring). Never changed once shared."""

    __slots__ = ("_id_list", "_id_order", "_position", "attributes", "changed", "granularity", "ids", "index", "objects", "text")

    def __init__(
        self,
        ids: pa.Array,
        index: SpanIndex,
        *,
        objects: list[Any] | None = None,
        text: Mapping[str, pa.Array] | None = None,
        granularity: np.ndarray[Any, np.dtype[np.uint8]] | None = None,
        attributes: pa.Table | None = None,
        changed: Mapping[int, Any] | None = None,
        id_list: list[str] | None = None,
    ) -> None:
        self.ids = ids
        self.index = index
        self.objects = objects
        self.text: dict[str, pa.Array] = dict(text or {})
        self.granularity = granularity
        self.attributes = attributes
        self.changed: dict[int, Any] = dict(changed or {})
        self._id_list = id_list
        self._position: dict[str, int] | None = None
        self._id_order: IntArray | None = None

    @classmethod
    def of_objects(cls, items: list[Any], ids: list[str], index: SpanIndex) -> Columns:
        """Columns over item objects (their ids already checked)."""
        return cls(pa.array(ids, type=pa.string()), index, objects=items, id_list=ids)

    def __len__(self) -> int:
        return len(self.ids)

    @property
    def id_list(self) -> list[str]:
        """The ids as a Python list (made on first use)."""
        if self._id_list is None:
            self._id_list = self.ids.to_pylist()
        return self._id_list

    @property
    def position(self) -> dict[str, int]:
        """Row number of each id (made on first use)."""
        if self._position is None:
            self._position = {ident: row for row, ident in enumerate(self.id_list)}
        return self._position

    def row_of(self, ident: str) -> int | None:
        """The row of id ``ident``, or None. Rows of a table are found by binary search over
        the ids in sorted order (made on first use: 8 bytes a row, not a dict of them)."""
        if self._position is not None or self.objects is not None:
            return self.position.get(ident)
        if self._id_order is None:
            self._id_order = pc.sort_indices(self.ids).to_numpy()
        ids = self.ids
        order = self._id_order
        at = bisect.bisect_left(order, ident, key=lambda row: ids[row].as_py())
        if at < len(order) and ids[order[at]].as_py() == ident:
            return int(order[at])
        return None

    # --- items ---------------------------------------------------------------------------

    def item(self, row: int) -> Any:
        """The item of ``row``."""
        held = self.changed.get(row)
        if held is not None:
            return held
        if self.objects is not None:
            return self.objects[row]
        return self._build(np.array([row]))[0]

    def items(self, rows: IntArray) -> list[Any]:
        """The items of ``rows`` (built together when they come from a table)."""
        if self.objects is not None:
            objects = self.objects
            out = [objects[r] for r in rows.tolist()]
        else:
            out = self._build(rows)
        if self.changed:
            for k, row in enumerate(rows.tolist()):
                if row in self.changed:
                    out[k] = self.changed[row]
        return out

    def _build(self, rows: IntArray) -> list[Item]:
        ix = self.index
        take = pa.array(np.asarray(rows, dtype=np.int64))
        n = len(rows)
        es, ls, ee, le = ([None if v in (NEG, POS) else v for v in column[rows].tolist()] for column in (ix.es, ix.ls, ix.ee, ix.le))
        granularity = [_GRANULARITY[g] for g in self.granularity[rows].tolist()] if self.granularity is not None else [Granularity.UNKNOWN] * n
        text = {name: column.take(take).to_pylist() for name, column in self.text.items()}
        none: list[Any] = [None] * n
        timex, mod, edtf = (text.get(name, none) for name in SPAN_TEXT)
        label, kind, status, doc = (text.get(name, none) for name in TEXT)
        actors, places = (text.get(name, none) for name in NAMES)
        attributes = self._attributes(take, n)
        ids = self.ids.take(take).to_pylist()
        return [
            Item(
                ids[k],
                Span(es[k], ls[k], ee[k], le[k], granularity[k], timex[k], mod[k], edtf[k]),
                label[k] or "",
                kind[k],
                status[k],
                doc[k],
                actors[k] or (),
                places[k] or (),
                (),
                attributes[k],
            )
            for k in range(n)
        ]

    def _attributes(self, take: pa.Array, n: int) -> list[dict[str, Any]]:
        if self.attributes is None or not self.attributes.num_columns:
            return [{} for _ in range(n)]
        return [{k: v for k, v in row.items() if v is not None} for row in self.attributes.take(take).to_pylist()]

    # --- columns for queries ---------------------------------------------------------------

    def column(self, name: str) -> pa.Array:
        """The text column ``name`` (one of ``TEXT`` or ``NAMES``); for object rows it is read
        from the objects on first use (constraints change an item's time, never its text)."""
        column = self.text.get(name)
        if column is None:
            kind = _LIST if name in NAMES else pa.string()
            if self.objects is None:
                return pa.nulls(len(self), type=kind)
            values = [getattr(item, name) for item in self.objects]
            if name in NAMES:
                values = [list(v) for v in values]
            else:
                values = [None if v is None else str(v) for v in values]
            column = self.text[name] = pa.array(values, type=kind)  # a cache of what the objects hold
        return column

    # --- new columns -----------------------------------------------------------------------

    def take(self, rows: IntArray) -> Columns:
        """The columns of ``rows`` (in that order), with an index of their own."""
        ix = self.index
        take = pa.array(np.asarray(rows, dtype=np.int64))
        index = SpanIndex(ix.es[rows], ix.ls[rows], ix.ee[rows], ix.le[rows])
        objects = None if self.objects is None else [self.objects[r] for r in rows.tolist()]
        new_row = {old: new for new, old in enumerate(rows.tolist())} if self.changed else {}
        changed = {new_row[r]: item for r, item in self.changed.items() if r in new_row}
        id_list = None if self._id_list is None else [self._id_list[r] for r in rows.tolist()]
        return Columns(
            self.ids.take(take),
            index,
            objects=objects,
            text={name: column.take(take) for name, column in self.text.items()},
            granularity=None if self.granularity is None else self.granularity[rows],
            attributes=None if self.attributes is None else self.attributes.take(take),
            changed=changed,
            id_list=id_list,
        )

    def tightened(self, index: SpanIndex, changed: Mapping[int, Any]) -> Columns:
        """These columns with a new index and the items that changed with it."""
        new = Columns(
            self.ids,
            index,
            objects=self.objects,
            text=self.text,
            granularity=self.granularity,
            attributes=self.attributes,
            changed={**self.changed, **changed},
            id_list=self._id_list,
        )
        new._position, new._id_order = self._position, self._id_order
        return new


class ItemSequence(Sequence[Any]):
    """Items of some rows, in a given order, built when read (a ``Sequence``; equal to any
    sequence of the same items)."""

    __slots__ = ("_columns", "rows")

    def __init__(self, columns: Columns, rows: IntArray) -> None:
        self._columns = columns
        self.rows = rows
        """The row numbers (insertion order of the timeline), in this sequence's order."""

    def __len__(self) -> int:
        return len(self.rows)

    @overload
    def __getitem__(self, k: int) -> Any: ...
    @overload
    def __getitem__(self, k: slice) -> ItemSequence: ...
    def __getitem__(self, k: int | slice) -> Any:
        if isinstance(k, slice):
            return ItemSequence(self._columns, self.rows[k])
        return self._columns.item(int(self.rows[k]))

    def __iter__(self) -> Iterator[Any]:
        for start in range(0, len(self.rows), CHUNK):
            yield from self._columns.items(self.rows[start : start + CHUNK])

    def ids(self) -> list[str]:
        """The ids of these items, in this order."""
        columns = self._columns
        if columns._id_list is not None:
            id_list = columns._id_list
            return [id_list[r] for r in self.rows.tolist()]
        ids: list[str] = columns.ids.take(pa.array(np.asarray(self.rows, dtype=np.int64))).to_pylist()
        return ids

    def __eq__(self, other: object) -> bool:
        if isinstance(other, ItemSequence) and other._columns is self._columns:
            return bool(np.array_equal(self.rows, other.rows))
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        shown = ", ".join(repr(i) for i in self.ids()[:5])
        more = f", ... ({len(self)} items)" if len(self) > 5 else ""
        return f"ItemSequence([{shown}{more}])"
