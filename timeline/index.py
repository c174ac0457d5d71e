"""The columnar core under a ``Timeline``: NumPy arrays of bounds, an order, overlap queries.

A ``SpanIndex`` holds the four bounds of n spans as ``int64`` arrays (seconds, as in
``timeline.span``), with sentinels for open bounds: ``NEG`` for an open earliest bound and
``POS`` for an open latest bound. Bounds are stored *effective*: a latest start is never later
than the latest end, an earliest end never earlier than the earliest start.

Three things are built from them, once:

``order``
    An order of the spans consistent with every *certain-before* relation
    (``a.latest_end <= b.earliest_start``), ties broken by midpoint, then insertion.
    The key is the midpoint of the possible extent ``(earliest_start + latest_end) / 2``
    (kept exact as ``floor`` and parity, so nothing overflows). Why that is consistent: if
    ``a.le <= b.es`` then ``a.es + a.le <= 2 a.le <= 2 b.es <= b.es + b.le``, with equality
    only when both are the same instant (then neither is certainly before the other). A span
    open at its start sorts by ``2 * latest_end``, one open at its end by ``2 * earliest_start``
    (no span can be certainly before the first, nor after the second), and at equal keys they
    come first and last respectively; spans open at both ends have no certain relation at all
    and go last.

overlap queries
    ``possible(lo, hi)`` gives every span that *may* share time with ``[lo, hi)`` and
    ``certain(...)`` which of them surely do. Spans with both ends finite are bucketed by the
    length of their possible extent (powers of two) and sorted by earliest start inside a
    bucket: a span of length at most ``M`` overlaps ``[lo, hi)`` only if its earliest start lies
    in ``(lo - M, hi)``, a contiguous run of its bucket. Spans open at one end are sorted by
    their finite end; spans open at both ends always match. All runs are found with two
    ``searchsorted`` calls over one combined key (bucket, rank of the earliest start), so a
    query is O(log n + k) with a handful of NumPy calls whatever n is; at most about as many
    candidates as answers are rejected per bucket.

Zero-length spans (instants) are counted as one second long when asking whether they share
time with something, so ``at(t)`` finds an instant at ``t``; and a span of positive extent is
taken to start before its (exclusive) latest end, so ``Span.within(a, b)`` surely shares time
with ``[a, b)``.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import numpy as np
import numpy.typing as npt

from timeline.span import Span

__all__ = [
    "NEG",
    "POS",
    "BoolArray",
    "Bounds",
    "Int64Array",
    "IntArray",
    "SpanIndex",
    "after_masks",
    "bad_rows",
    "before_masks",
    "between_masks",
    "bounds_of",
    "column",
    "effective",
    "extent_end",
    "order_key",
    "overlap_masks",
    "query_bounds",
    "query_extent",
    "ranges",
    "read_only",
    "within_masks",
]

_EMPTY = np.empty(0, dtype=np.int64)
_EMPTY.flags.writeable = False
NEG = int(np.iinfo(np.int64).min)
"""Sentinel of an open earliest bound (minus infinity)."""
POS = int(np.iinfo(np.int64).max)
"""Sentinel of an open latest bound (plus infinity)."""

Int64Array = npt.NDArray[np.int64]
IntArray = npt.NDArray[np.integer[Any]]

_BUCKETS = 16  # lengths [16**k, 16**(k + 1)) for k < 15, and longer; then the groups below
_OPEN_END = 64  # earliest start finite, latest end open: sorted by earliest start
_OPEN_START = 65  # earliest start open, latest end finite: sorted by latest end
_OPEN_BOTH = 66  # no finite bound on the extent: always a candidate


def column(values: list[Any], fill: int) -> Int64Array:
    """An int64 array of ``values`` with ``None`` replaced by ``fill``."""
    if None in values:
        return np.fromiter((fill if v is None else v for v in values), dtype=np.int64, count=len(values))
    return np.asarray(values, dtype=np.int64)


def bounds_of(spans: Sequence[Span]) -> tuple[Int64Array, Int64Array, Int64Array, Int64Array]:
    """The four bound columns of ``spans`` with sentinels, as given (not yet effective).

    The caller checks the values are integers (``timeline.engine`` does, naming the item).
    """
    es = column(list(map(_ES, spans)), NEG)
    ls = column(list(map(_LS, spans)), POS)
    ee = column(list(map(_EE, spans)), NEG)
    le = column(list(map(_LE, spans)), POS)
    return es, ls, ee, le


_ES, _LS, _EE, _LE = map(operator.attrgetter, ("earliest_start", "latest_start", "earliest_end", "latest_end"))


def bad_rows(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array) -> tuple[IntArray, IntArray, IntArray]:
    """Row numbers whose start window, end window, or whole extent is empty."""
    return np.flatnonzero(es > ls), np.flatnonzero(ee > le), np.flatnonzero(es > le)


def ranges(starts: IntArray, stops: IntArray) -> IntArray:
    """The concatenation of ``arange(a, b)`` for each pair, without a Python loop."""
    counts = np.maximum(stops - starts, 0)
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    return np.repeat(starts - offsets, counts) + np.arange(total)


def order_key(es: Int64Array, le: Int64Array) -> IntArray:
    """Positions sorted consistently with certain-before; see the module docstring."""
    open_start, open_end = es == NEG, le == POS
    any_open = bool(open_start.any() or open_end.any())
    a = np.where(open_start, le, es) if any_open else es
    b = np.where(open_end, es, le) if any_open else le
    # floor((a + b) / 2) and the parity of a + b, exactly and without overflow (in place:
    # a few arrays of n at a time, whatever n is)
    half = a >> 1
    half += b >> 1
    tie = a & b
    tie &= 1
    half += tie
    np.bitwise_xor(a, b, out=tie)
    tie &= 1
    tie <<= 2  # tie = parity * 4 + category (0 open start, 1 finite, 2 open end, 3 both)
    tie += 1
    del a, b
    both = None
    if any_open:
        both = open_start & open_end
        half[both] = POS
        tie -= open_start
        tie += open_end
        tie[both] = 3
    del open_start, open_end
    finite_half = half if both is None else np.where(both, 0, half)
    if len(half) and int(half.min()) > -(2**59) and int(finite_half.max()) < 2**59:
        del finite_half
        key = half
        key <<= 3
        key += tie  # one int64 key: one sort
        del tie
        if both is not None:
            key[both] = 2**62
        low, high = int(key.min()), int(key.max())
        n = len(key)
        if (high - low + 1) * n < 2**63:  # the row number breaks ties: a faster unstable sort will do
            key -= low
            key *= n
            key += np.arange(n)
            return np.argsort(key)
        return np.argsort(key, kind="stable")
    return np.lexsort((tie, half))


Bounds = tuple[int, int, int, int]
"""Effective (earliest start, latest start, earliest end, latest end) with sentinels."""


def effective(span: Span) -> Bounds:
    """The effective bounds of ``span`` with sentinels: a latest start no later than the
    latest end, an earliest end no earlier than the earliest start."""
    es = NEG if span.earliest_start is None else span.earliest_start
    le = POS if span.latest_end is None else span.latest_end
    ls = min(POS if span.latest_start is None else span.latest_start, le)
    ee = max(NEG if span.earliest_end is None else span.earliest_end, es)
    return es, ls, ee, le


def read_only(array: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """A view of ``array`` that refuses writes (the index is shared by immutable timelines)."""
    view = array.view()
    view.flags.writeable = False
    return view


# --------------------------------------------------------------------------------------------
# The predicates, as masks over any rows' bounds. The index narrows the rows by binary search
# first, then applies the same mask to the few it cannot decide from the sort alone.

BoolArray = npt.NDArray[np.bool_]


def _last_start(es: Int64Array, ls: Int64Array, le: Int64Array) -> Int64Array:
    """Latest start of an item that occupies time: a span of positive extent cannot start at
    its exclusive latest end (``Span.within(a, b)`` has latest start b, yet lies in [a, b))."""
    out: Int64Array = np.where(es < le, np.minimum(ls, le - 1), ls)
    return out


def extent_end(es: Int64Array, ls: Int64Array, le: Int64Array) -> Int64Array:
    """The exclusive end of each span's possible extent, an instant counted as one second."""
    out: Int64Array = np.maximum(le, np.minimum(_last_start(es, ls, le), POS - 1) + 1)
    return out


def overlap_masks(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array, query: Bounds) -> tuple[BoolArray, BoolArray]:
    """(certain, possible): the span shares time with the query whatever the true times are /
    for some true times (the query's certain core ``[latest start, earliest end)`` meets the
    span's; the possible extents meet)."""
    lo, hi, certain_lo, certain_hi = query_extent(query)
    if hi <= lo:
        hi = lo + 1 if lo < POS else POS
    possible = (es < hi) & (extent_end(es, ls, le) > lo)
    chi = np.maximum(ee, np.minimum(es, POS - 1) + 1)
    certain = possible & (_last_start(es, ls, le) < certain_hi) & (chi > certain_lo)
    return certain, possible


def before_masks(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array, query: Bounds) -> tuple[BoolArray, BoolArray]:
    """(certain, possible): the span ends before the query starts (two instants at one time
    are not before each other)."""
    qes, qls, _, qle = query
    certain = (le <= qes) & ~((es == le) & (le == qes) & (qes == qle))
    return certain, (ee <= qls) | certain


def after_masks(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array, query: Bounds) -> tuple[BoolArray, BoolArray]:
    """(certain, possible): the span starts after the query ends."""
    qes, _, qee, qle = query
    certain = (es >= qle) & ~((es == le) & (es == qle) & (qes == qle))
    return certain, (ls >= qee) | certain


def between_masks(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array, a: Bounds, b: Bounds) -> tuple[BoolArray, BoolArray]:
    """(certain, possible): the span starts after ``a`` ends and ends before ``b`` starts."""
    _, _, aee, ale = a
    bes, bls, _, _ = b
    certain = (es >= ale) & (le <= bes)
    possible = (ls >= aee) & (ee <= bls) & (es < bls) & (le > aee)
    return certain, possible | certain


def within_masks(es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array, lo: int, hi: int) -> tuple[BoolArray, BoolArray]:
    """(certain, possible): the span lies within ``[lo, hi)`` whatever the true times are / for
    some true times (a start in [max(es, lo), ls], before hi, no later than an end in
    [ee, min(le, hi)]); ``hi`` is the exclusive end of the last time asked about."""
    end = max(hi, lo + 1) if lo < POS else POS  # ends are exclusive: nothing starts at hi itself
    certain = (es >= lo) & (le <= hi) & (es < end)
    first = np.maximum(es, lo)
    possible = (ls >= lo) & (ee <= hi) & (first <= np.minimum(le, hi)) & (first < end)
    return certain, possible | certain


class SpanIndex:
    """Effective bounds of n spans as read-only int64 columns, an order, and queries."""

    __slots__ = (
        "_bucket_len",
        "_buckets",
        "_by",
        "_es_sorted",
        "_hi_open_start",
        "_key_base",
        "_key_pick",
        "_keys",
        "_max_len",
        "_n",
        "_offsets",
        "_perm",
        "ee",
        "es",
        "le",
        "ls",
        "order",
        "rank",
    )  # fmt: skip

    es: Int64Array
    ls: Int64Array
    ee: Int64Array
    le: Int64Array
    order: IntArray
    rank: IntArray

    def __init__(self, es: Int64Array, ls: Int64Array, ee: Int64Array, le: Int64Array) -> None:
        """Build from the four columns (with sentinels); they must already be valid."""
        es = np.asarray(es, dtype=np.int64)
        le = np.asarray(le, dtype=np.int64)
        ls, ee = np.asarray(ls, dtype=np.int64), np.asarray(ee, dtype=np.int64)
        if not (ls <= le).all():  # a copy only when some bound is not yet effective
            ls = np.minimum(ls, le)
        if not (ee >= es).all():
            ee = np.maximum(ee, es)
        self.es, self.ls, self.ee, self.le = (read_only(a) for a in (es, ls, ee, le))
        n = self._n = len(es)
        small = np.int32 if n < 2**31 - 1 else np.int64
        order = order_key(es, le).astype(small)
        rank = np.empty(n, dtype=small)
        rank[order] = np.arange(n, dtype=small)
        self.order, self.rank = read_only(order), read_only(rank)
        self._by: dict[str, IntArray] = {}
        self._build_overlap(small)

    @classmethod
    def from_spans(cls, spans: Sequence[Span]) -> SpanIndex:
        """An index of ``spans`` (whose bounds must be ints or ``None``)."""
        return cls(*bounds_of(spans))

    def __len__(self) -> int:
        return self._n

    @property
    def nbytes(self) -> int:
        """Bytes held by the arrays (the sorted orders ``before``/``after`` build included)."""
        arrays: Iterable[np.ndarray[Any, Any]] = (
            self.es, self.ls, self.ee, self.le, self.order, self.rank,
            self._keys, self._perm, self._es_sorted, self._hi_open_start, self._max_len, *self._by.values(),
        )  # fmt: skip
        return sum(a.nbytes for a in arrays)

    def extents(self) -> tuple[Int64Array, Int64Array]:
        """(start, exclusive end) of each span's possible extent, an instant counted as one
        second: the intervals an interval tree would hold for the same overlap question."""
        return self.es, extent_end(self.es, self.ls, self.le)

    # ----------------------------------------------------------------------------------
    # overlap: buckets by length, see the module docstring

    def _build_overlap(self, small: type[np.integer[Any]]) -> None:
        n = self._n
        es = self.es
        hi = extent_end(es, self.ls, self.le)
        open_start, open_end = es == NEG, hi == POS
        finite = ~open_start & ~open_end
        every = bool(finite.all())  # no open bound (the common case): no copies of whole columns
        del open_end
        group = np.full(n, _OPEN_BOTH, dtype=np.uint8)
        if not every:
            group[open_start & (hi != POS)] = _OPEN_START
            group[~open_start & (hi == POS)] = _OPEN_END
        f_hi, f_es = (hi, es) if every else (hi[finite], es[finite])
        length = np.subtract(f_hi, f_es, dtype=np.float64)
        np.maximum(length, 1.0, out=length)
        np.log2(length, out=length)
        length //= 4
        np.clip(length, 0, _BUCKETS - 1, out=length)
        bucket = length.astype(np.uint8)
        del length
        group[finite] = bucket
        # the longest extent in each bucket, exactly (the top bucket takes everything before hi)
        max_len = np.zeros(_BUCKETS, dtype=np.int64)
        if len(bucket):
            exact = f_hi - f_es  # wraps only in the top bucket, whose length is set apart
            exact[bucket >= _BUCKETS - 1] = POS
            np.maximum.at(max_len, bucket, exact)
            del exact
        del f_hi, f_es, bucket, finite
        self._max_len = max_len
        # rank of each sort value: earliest start for buckets and open ends, latest end otherwise
        if every:
            value = es
        else:
            value = np.where(group == _OPEN_START, hi, es)
            value[group == _OPEN_BOTH] = 0
        del hi, open_start
        by_value = np.argsort(value)  # ties in any order: a run of equal values is read whole
        sorted_value = value[by_value]
        del value
        by_group = group[by_value]
        del group
        by_group_order = np.argsort(by_group, kind="stable")  # radix sort: (group, value)
        starts = None if every else (by_group != _OPEN_START) & (by_group != _OPEN_BOTH)
        open_starts = None if every else by_group == _OPEN_START
        self._es_sorted = read_only(sorted_value if starts is None else sorted_value[starts])
        self._hi_open_start = read_only(sorted_value[:0] if open_starts is None else sorted_value[open_starts])
        del sorted_value
        # rank of a value = how many values of its kind are smaller: first position of its run,
        # kept in by_value order
        ranks = []
        for values in (self._es_sorted, self._hi_open_start):
            rank = np.arange(len(values))
            if len(values):
                rank[1:][values[1:] == values[:-1]] = 0
                np.maximum.accumulate(rank, out=rank)
            ranks.append(rank)
        if starts is None:
            keys = ranks[0]
        else:
            keys = np.zeros(n, dtype=np.int64)
            keys[starts] = ranks[0]
            keys[open_starts] = ranks[1]
        del ranks, starts, open_starts
        keys += by_group.astype(np.int64) * (n + 1)
        del by_group
        self._keys = read_only(keys[by_group_order])
        del keys
        self._perm = read_only(by_value[by_group_order].astype(small))
        del by_value, by_group_order
        self._buckets = np.flatnonzero(max_len)
        self._bucket_len: list[int] = max_len[self._buckets].tolist()
        # the runs a query reads, as (low key, high key) = base + rank of a query value
        # (values: one floor per bucket, then hi, then lo + 1 for open starts)
        n1, nb = n + 1, len(self._buckets)
        low_base = [*(b * n1 for b in self._buckets.tolist()), _OPEN_END * n1, _OPEN_START * n1, _OPEN_BOTH * n1]
        high_base = [*(b * n1 for b in self._buckets.tolist()), _OPEN_END * n1, (_OPEN_START + 1) * n1, (_OPEN_BOTH + 1) * n1]
        zero = nb + 2  # an extra query value that is always rank 0
        low_pick = [*range(nb), zero, nb + 1, zero]
        high_pick = [*([nb] * nb), nb, zero, zero]
        self._key_base = np.array(low_base + high_base, dtype=np.int64)
        fits = all(length < 2**61 for length in self._bucket_len)
        self._offsets = np.array([1 - length for length in self._bucket_len] + [0, 1, 0], dtype=np.int64) if fits else None
        self._key_pick = np.array(low_pick + high_pick, dtype=np.int64)

    def _candidate_runs(self, lo: int, hi: int) -> tuple[list[int], list[int]]:
        """(starts, stops): positions in the overlap order of the runs of rows whose possible
        extent may meet [lo, hi), one run per bucket (in ``_buckets`` order), then the open
        groups.

        A few NumPy calls whatever the size: one search for the ranks of the bounds, one for
        the runs in the combined key."""
        # in bucket b, the earliest start must be in [lo - max_len[b] + 1, hi)
        values: Any
        if self._offsets is not None and NEG // 2 < lo < POS // 2:  # no overflow possible
            values = self._offsets + lo
            values[-3] = hi
            values[-1] = NEG
        else:
            values = [lo - length + 1 if lo - length + 1 > NEG else NEG for length in self._bucket_len]
            values += (hi, lo + 1 if lo < POS else lo, NEG)  # hi; open starts: latest end > lo; rank 0
        ranks = self._es_sorted.searchsorted(values)
        if len(self._hi_open_start):
            ranks[-2] = self._hi_open_start.searchsorted(values[-2])
        where = self._keys.searchsorted(self._key_base + ranks[self._key_pick]).tolist()
        half = len(where) // 2
        return where[:half], where[half:]

    def _candidates(self, lo: int, hi: int) -> IntArray:
        """Rows whose possible extent may meet [lo, hi): a superset, each starting before hi."""
        return self._rows_of(*self._candidate_runs(lo, hi))

    def _rows_of(self, starts: Sequence[int], stops: Sequence[int]) -> IntArray:
        """The rows at positions ``[start, stop)`` of the overlap order, run after run."""
        perm = self._perm
        runs = [perm[a:b] for a, b in zip(starts, stops, strict=True) if b > a]
        if len(runs) == 1:
            return runs[0]
        return np.concatenate(runs) if runs else _EMPTY

    def _sure_runs(self, lo: int, hi: int, sure_lo: int, sure_end: int) -> tuple[list[int], list[int], list[int], list[int]]:
        """The candidate runs of ``[lo, hi)`` split into (starts, stops) of rows the caller's
        predicate surely holds for and (starts, stops) of the rest, to be decided by masks.

        In a bucket whose extents are at most ``M`` long, a span starting in
        ``[sure_lo, sure_end - M]`` starts no earlier than ``sure_lo`` and ends no later than
        ``sure_end``: only the two edges of each bucket's run need their bounds read."""
        starts, stops = self._candidate_runs(lo, hi)
        nb = len(self._bucket_len)
        inner: list[int] = []
        for length in self._bucket_len:  # es in [max(sure_lo, lo - M + 1), min(sure_end - M + 1, hi))
            a = min(max(sure_lo, lo - length + 1), hi)
            sure = length < 2**61  # the top bucket's length stands for any length
            inner += (a, min(max(sure_end - length + 1, a), hi) if sure else a)
        if not inner:
            return [], [], starts, stops
        values = np.array([min(max(v, NEG), POS) for v in inner], dtype=np.int64)
        base = np.repeat(self._key_base[:nb], 2)
        cut = self._keys.searchsorted(base + self._es_sorted.searchsorted(values)).tolist()
        sure_starts, sure_stops = cut[0::2], cut[1::2]
        rest_starts = [*starts[:nb], *sure_stops, *starts[nb:]]
        rest_stops = [*sure_starts, *stops[:nb], *stops[nb:]]
        return sure_starts, sure_stops, rest_starts, rest_stops

    def _decide_runs(
        self, runs: tuple[list[int], list[int], list[int], list[int]], masks: Callable[..., tuple[BoolArray, BoolArray]], *query: Any
    ) -> tuple[IntArray, IntArray]:
        """(certain, possible) of ``_sure_runs``: the sure rows, and the rest by ``masks``."""
        sure = self._rows_of(runs[0], runs[1])
        certain, possible = self._decide(self._rows_of(runs[2], runs[3]), masks, *query)
        if not sure.size:
            return certain, possible
        return np.concatenate((sure, certain)), np.concatenate((sure, possible))

    def _decide(self, rows: IntArray, masks: Callable[..., tuple[BoolArray, BoolArray]], *query: Any) -> tuple[IntArray, IntArray]:
        """(certain, possible) among candidate ``rows``, by the predicate ``masks``."""
        certain, possible = masks(self.es[rows], self.ls[rows], self.ee[rows], self.le[rows], *query)
        return rows[certain], rows[possible]

    def possible(self, lo: int, hi: int) -> IntArray:
        """Rows that may share time with ``[lo, hi)``, sorted by row number.

        ``lo`` may be ``NEG`` and ``hi`` ``POS`` (open); an empty ``[t, t)`` is taken as ``[t, t + 1)``.
        """
        return np.sort(self.overlap_rows((lo, hi))[1])

    def overlap_rows(self, query: Span | tuple[int | None, int | None]) -> tuple[IntArray, IntArray]:
        """(certain rows, possible rows) sharing time with a query span or ``(start, end)``
        pair of seconds (None open), in no particular order; see ``overlap_masks``."""
        bounds = query_bounds(query)
        lo, hi, _, _ = query_extent(bounds)
        return self._decide(self._candidates(lo, max(hi, lo + 1 if lo < POS else POS)), overlap_masks, bounds)

    def overlap(self, query: Span | tuple[int | None, int | None]) -> tuple[IntArray, IntArray]:
        """``overlap_rows``, each sorted by row number."""
        certain, possible = self.overlap_rows(query)
        return np.sort(certain), np.sort(possible)

    def overlap_in_order(self, query: Span | tuple[int | None, int | None]) -> tuple[IntArray, IntArray]:
        """``overlap_rows``, each in the index's order."""
        certain, possible = self.overlap_rows(query)
        return self.in_order(certain), self.in_order(possible)

    def in_order(self, rows: IntArray) -> IntArray:
        """``rows`` rearranged into the index's order."""
        return rows[np.argsort(self.rank[rows], kind="stable")]

    # ----------------------------------------------------------------------------------
    # before, after, between, within: binary search over one bound in sorted order

    def _sorted_by(self, name: str) -> IntArray:
        """Rows sorted by bound ``name`` (built on first use, then kept)."""
        perm = self._by.get(name)
        if perm is None:
            perm = read_only(np.argsort(getattr(self, name)).astype(self.order.dtype))
            self._by[name] = perm
        return perm

    def _cut(self, name: str, value: int, *, right: bool) -> tuple[IntArray, int]:
        """(rows sorted by ``name``, how many of them are below ``value``, or at most it with ``right``)."""
        perm, column = self._sorted_by(name), getattr(self, name)
        find = bisect.bisect_right if right else bisect.bisect_left
        return perm, find(perm, value, key=column.__getitem__)

    def before(self, query: Bounds) -> tuple[IntArray, IntArray]:
        """(certain, possible) rows that end before the query starts, in no particular order."""
        qes, qls, _, qle = query
        by_le, sure = self._cut("le", qes, right=True)
        certain = by_le[:sure]
        if qes == qle:  # an instant at the query's instant is not before it
            _, touching = self._cut("le", qes, right=False)
            certain = self._keep(certain, touching, before_masks, query)
        by_ee, maybe = self._cut("ee", qls, right=True)
        return certain, by_ee[:maybe]

    def after(self, query: Bounds) -> tuple[IntArray, IntArray]:
        """(certain, possible) rows that start after the query ends, in no particular order."""
        qes, _, qee, qle = query
        by_es, below = self._cut("es", qle, right=False)
        certain = by_es[below:]
        if qes == qle:
            _, touching = self._cut("es", qle, right=True)
            certain = self._keep(certain[::-1], len(certain) - (touching - below), after_masks, query)
        by_ls, maybe = self._cut("ls", qee, right=False)
        return certain, by_ls[maybe:]

    def _keep(self, rows: IntArray, decided: int, masks: Callable[..., tuple[BoolArray, BoolArray]], query: Bounds) -> IntArray:
        """``rows[:decided]`` and those of the rest the predicate keeps as certain."""
        rest = rows[decided:]
        certain, _ = masks(self.es[rest], self.ls[rest], self.ee[rest], self.le[rest], query)
        return np.concatenate((rows[:decided], rest[certain])) if not certain.all() else rows

    def between(self, a: Bounds, b: Bounds) -> tuple[IntArray, IntArray]:
        """(certain, possible) rows that start after ``a`` ends and end before ``b`` starts."""
        aee, bls = a[2], b[1]
        # everything possible has time in (aee, bls); a degenerate window asks every row
        if aee >= bls:
            return self._decide(np.arange(self._n), between_masks, a, b)
        # certain: starts at or after a's latest end, ends at or before b's earliest start
        return self._decide_runs(self._sure_runs(aee, bls, a[3], b[0]), between_masks, a, b)

    def within(self, lo: int, hi: int) -> tuple[IntArray, IntArray]:
        """(certain, possible) rows that lie within ``[lo, hi]``, ends included."""
        # from lo - 1: a span may be an instant at its latest end, which its extent leaves out
        first = lo - 1 if lo > NEG else lo
        return self._decide_runs(self._sure_runs(first, hi + 1 if hi < POS else POS, lo, hi), within_masks, lo, hi)


def query_bounds(query: Span | tuple[int | None, int | None]) -> Bounds:
    """Effective bounds of a query span, or of an ``(start, end)`` pair of seconds known
    exactly (None is minus or plus infinity)."""
    if isinstance(query, tuple):
        start, end = query
        es = NEG if start is None else int(start)
        le = POS if end is None else int(end)
        return es, es, le, le
    return effective(query)


def query_extent(bounds: Bounds) -> tuple[int, int, int, int]:
    """(possible lo, possible hi, certain lo, certain hi) of a query's effective bounds."""
    es, ls, ee, le = bounds
    if es < le:
        ls = min(ls, le - 1)
    hi = max(le, min(ls, POS - 1) + 1)
    chi = max(ee, min(es, POS - 1) + 1)
    return es, hi, ls, chi
