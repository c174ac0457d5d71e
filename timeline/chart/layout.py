"""Lanes and rows: which lane each drawn item goes in, and its row inside the lane.

Lanes come in the order of their first item in time, ``(none)`` and ``(other)`` last; beyond
``max_lanes`` the rarest lanes are merged into ``(other)``. Inside a lane, items are packed
into rows greedily (as a text layout packs words) so that no band or label overlaps another.
A label goes right of its marker, or left of it where the right edge would cut it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
import numpy as np
import numpy.typing as npt

from timeline.chart.rows import NONE_LANE, OTHER_LANE

__all__ = [
    "LABEL_CHAR_PX",
    "LABEL_GAP_PX",
    "LABEL_MAX_CHARS",
    "MARKER_PX",
    "Layout",
    "Placed",
    "lane_order",
    "lane_row_counts",
    "merge_rare_lanes",
    "pack",
]

_Ints = npt.NDArray[np.int64]
LABEL_CHAR_PX = 6.2  # an 11 px sans-serif character, on average
LABEL_GAP_PX = 9.0  # between a marker and its label
LABEL_MAX_CHARS = 36  # labels longer than this are cut with an ellipsis by the text mark
MARKER_PX = 7.0


@attrs.frozen
class Placed:
    """One drawn item's place: its lane, its row (over all lanes) and its label's side."""

    lane: str
    row: int
    side: str  # "right" or "left" of the marker


@attrs.frozen
class Layout:
    """The lanes in order, the first row of each, the total number of rows, each item's place."""

    lanes: tuple[str, ...]
    first_rows: tuple[int, ...]
    n_rows: int
    placed: tuple[Placed, ...]


def merge_rare_lanes(codes: _Ints, names: Sequence[str], max_lanes: int) -> tuple[_Ints, tuple[str, ...]]:
    """Lanes of marks (``codes`` into ``names``) with all but the ``max_lanes - 1`` commonest
    merged into ``(other)``; the names of the lanes used, as new codes' names."""
    counts = np.bincount(codes, minlength=len(names)) if len(codes) else np.zeros(len(names), dtype=np.int64)
    present = [k for k in range(len(names)) if counts[k]]
    if len(present) <= max_lanes:
        return codes, tuple(names)
    keep = sorted(present, key=lambda k: (-int(counts[k]), names[k]))[: max_lanes - 1]
    new_names = tuple(sorted({names[k] for k in keep} | {OTHER_LANE}))
    number = {name: i for i, name in enumerate(new_names)}
    kept = set(keep)
    remap = np.array([number[names[k]] if k in kept else number[OTHER_LANE] for k in range(len(names))], dtype=np.int64)
    return remap[codes], new_names


def lane_order(codes: _Ints, names: Sequence[str], starts: _Ints) -> list[str]:
    """The lanes of marks (``codes`` into ``names``) in the order of their first start in time,
    ``(none)`` and ``(other)`` last."""
    first = np.full(len(names), np.iinfo(np.int64).max, dtype=np.int64)
    np.minimum.at(first, codes, starts)
    used = sorted({int(c) for c in np.unique(codes)})
    return sorted((names[k] for k in used), key=lambda k: (k in (NONE_LANE, OTHER_LANE), int(first[names.index(k)]), k))


def pack(
    lanes: Sequence[str],
    extents: Sequence[tuple[float, float, float]],
    label_chars: Sequence[int],
    order: Sequence[str],
    *,
    width: float,
    max_rows_per_lane: int,
) -> Layout:
    """Rows for marks in ``lanes`` with pixel ``extents`` (band start, band end, marker) and
    labels of ``label_chars`` characters (0: no label), in a plot ``width`` pixels wide."""
    by_lane: dict[str, list[int]] = {k: [] for k in order}
    for index, key in enumerate(lanes):
        by_lane[key].append(index)
    sub_row = [0] * len(lanes)
    sides = ["right"] * len(lanes)
    lane_rows: dict[str, int] = {}
    for key in order:
        ends: list[float] = []
        for index in sorted(by_lane[key], key=lambda i: (extents[i][0], extents[i][1])):
            lo, hi, mid = extents[index]
            label = LABEL_GAP_PX + LABEL_CHAR_PX * min(label_chars[index], LABEL_MAX_CHARS) if label_chars[index] else 0.0
            start, end = min(lo, mid - MARKER_PX), max(hi, mid + MARKER_PX)
            if label and mid + label > width and mid - label >= 0:
                sides[index] = "left"
                start = min(start, mid - label)
            elif label:
                end = max(end, mid + label)
            for r, row_end in enumerate(ends):
                if row_end <= start:
                    ends[r] = end
                    sub_row[index] = r
                    break
            else:
                if len(ends) < max_rows_per_lane:
                    ends.append(end)
                    sub_row[index] = len(ends) - 1
                else:
                    r = min(range(len(ends)), key=ends.__getitem__)
                    ends[r] = max(ends[r], end)
                    sub_row[index] = r
        lane_rows[key] = max(1, len(ends))
    first_rows: dict[str, int] = {}
    total = 0
    for key in order:
        first_rows[key] = total
        total += lane_rows[key]
    placed = tuple(Placed(key, first_rows[key] + sub_row[i], sides[i]) for i, key in enumerate(lanes))
    return Layout(tuple(order), tuple(first_rows[k] for k in order), max(1, total), placed)


def lane_row_counts(layout: Layout) -> list[int]:
    """How many rows each lane of ``layout`` takes."""
    ends = [*layout.first_rows[1:], layout.n_rows]
    return [end - first for first, end in zip(layout.first_rows, ends, strict=True)]
