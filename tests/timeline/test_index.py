"""The index's binary searches give exactly what its mask functions give over every row."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.index import (
    NEG,
    POS,
    SpanIndex,
    after_masks,
    before_masks,
    between_masks,
    within_masks,
)


@st.composite
def columns(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    n = draw(st.integers(1, 40))
    scale = draw(st.sampled_from([1, 86_400]))
    rows = []
    for _ in range(n):
        a, b, c, d = sorted(draw(st.lists(st.integers(-30, 30), min_size=4, max_size=4)))
        es, ls, ee, le = a * scale, (b if draw(st.booleans()) else c) * scale, (c if draw(st.booleans()) else b) * scale, d * scale
        if draw(st.integers(0, 8)) == 0:
            es = NEG
        if draw(st.integers(0, 8)) == 0:
            le = POS
        rows.append((es, min(max(ls, es), le), max(min(ee, le), es), le))
    return tuple(np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))


QUERIES = st.lists(st.integers(-35, 35), min_size=4, max_size=4).map(lambda v: tuple(x * 86_400 for x in sorted(v)))


@settings(max_examples=200, deadline=None)
@given(columns(), st.data())
def test_searches_equal_the_masks(cols: tuple[np.ndarray, ...], data: st.DataObject) -> None:
    index = SpanIndex(*cols)
    es, ls, ee, le = index.es, index.ls, index.ee, index.le
    a, b = data.draw(QUERIES), data.draw(QUERIES)
    if data.draw(st.booleans()):
        a = (a[0], a[0], a[0], a[0])  # an instant
    for found, masks in (
        (index.before(a), before_masks(es, ls, ee, le, a)),
        (index.after(a), after_masks(es, ls, ee, le, a)),
        (index.between(a, b), between_masks(es, ls, ee, le, a, b)),
        (index.within(a[0], b[3]), within_masks(es, ls, ee, le, a[0], b[3])),
    ):
        assert sorted(found[0].tolist()) == np.flatnonzero(masks[0]).tolist()
        assert sorted(found[1].tolist()) == np.flatnonzero(masks[1]).tolist()
        assert set(found[0].tolist()) <= set(found[1].tolist())


def test_within_keeps_what_lies_inside_ends_included() -> None:
    day = 86_400
    # [0, 1d), [1d, 2d), an instant at 2d, [0, 3d), one that may be an instant at 2d
    index = SpanIndex(*(np.array(c, dtype=np.int64) for c in ([0, day, 2 * day, 0, 0], [0, day, 2 * day, 0, 2 * day], [day, 2 * day, 2 * day, 3 * day, 0], [day, 2 * day, 2 * day, 3 * day, 3 * day])))
    certain, possible = index.within(0, 2 * day)
    assert sorted(certain.tolist()) == [0, 1]
    assert sorted(possible.tolist()) == [0, 1, 4]  # the instant at 2d lies after the window's exclusive end


def test_arrays_are_read_only() -> None:
    index = SpanIndex(np.array([0, 5]), np.array([1, 6]), np.array([1, 6]), np.array([2, 7]))
    for array in (index.es, index.ls, index.ee, index.le, index.order, index.rank):
        with pytest.raises(ValueError, match="read-only"):
            array[0] = 99


@st.composite
def mixed_lengths(draw: st.DrawFn) -> tuple[np.ndarray, ...]:
    """Spans from a second to ages long (so several length buckets hold rows), some open."""
    n = draw(st.integers(1, 60))
    rows = []
    for _ in range(n):
        es = draw(st.integers(-(10**12), 10**12))
        length = 16 ** draw(st.integers(0, 16)) * draw(st.integers(0, 15))
        le = min(es + length, POS - 1)
        ls = draw(st.integers(es, le))
        ee = draw(st.integers(es, le))
        if draw(st.integers(0, 10)) == 0:
            es = NEG
        if draw(st.integers(0, 10)) == 0:
            le = POS
        rows.append((es, ls, ee, le))
    return tuple(np.array(c, dtype=np.int64) for c in zip(*rows, strict=True))


BOUND = st.one_of(st.integers(-(2 * 10**12), 2 * 10**12), st.sampled_from([NEG, POS]))


@settings(max_examples=200, deadline=None)
@given(mixed_lengths(), st.lists(BOUND, min_size=4, max_size=4), st.lists(BOUND, min_size=4, max_size=4))
def test_between_and_within_equal_the_masks_over_every_length(cols: tuple[np.ndarray, ...], a: list[int], b: list[int]) -> None:
    """between/within read the middle of each length bucket without masks: still exact."""
    index = SpanIndex(*cols)
    es, ls, ee, le = index.es, index.ls, index.ee, index.le
    qa, qb = tuple(sorted(a)), tuple(sorted(b))
    for found, masks in (
        (index.between(qa, qb), between_masks(es, ls, ee, le, qa, qb)),
        (index.within(qa[0], qb[3]), within_masks(es, ls, ee, le, qa[0], qb[3])),
    ):
        assert sorted(found[0].tolist()) == np.flatnonzero(masks[0]).tolist()
        assert sorted(found[1].tolist()) == np.flatnonzero(masks[1]).tolist()


def test_within_finds_a_span_that_may_be_an_instant_at_its_latest_end() -> None:
    """Open start, latest start = latest end = 0: it may be the instant 0, within [0, 0]."""
    index = SpanIndex(np.array([NEG]), np.array([0]), np.array([0]), np.array([0]))
    certain, possible = index.within(0, 0)
    assert certain.tolist() == []
    assert possible.tolist() == [0]
