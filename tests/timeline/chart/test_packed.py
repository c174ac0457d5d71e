"""Packed marks read back as the page reads them (the same sections, in Python)."""

from __future__ import annotations

import base64
import gzip

import numpy as np

from timeline.chart.data import Singles, prepare
from timeline.chart.packed import pack
from timeline.item import Item
from timeline.span import Granularity, Span


def unpack(header: dict, text: str) -> dict:
    raw = gzip.decompress(base64.b64decode(text))
    n, at, out = header["n"], 0, {}
    for name, dtype in (("steps", "<i4"), ("duration", "<u4"), ("lane", "<u2"), ("color", "<u2")):
        size = np.dtype(dtype).itemsize
        planes = np.frombuffer(raw[at : at + size * n], dtype=np.uint8).reshape(size, n)
        out[name] = np.ascontiguousarray(planes.T).view(dtype).ravel()
        at += size * n
    out["flags"] = np.frombuffer(raw[at : at + n], dtype=np.uint8)
    out["status"] = np.frombuffer(raw[at + n : at + 2 * n], dtype=np.uint8)
    out["labels"] = raw[at + 2 * n :].decode("utf-8").split("\n") if header["labels"] else None
    out["mid"] = header["t0"] + np.cumsum(out["steps"].astype(np.int64))
    return out


def items(n: int = 3000) -> list[Item]:
    rng = np.random.default_rng(9)
    days = rng.integers(0, 20_000, n).tolist()
    out = []
    for i, d in enumerate(days):
        lo, hi = d * 86_400, (d + 1 + i % 40) * 86_400
        span = Span(None if i % 13 == 0 else lo, lo, hi, None if i % 17 == 0 else hi, Granularity.DAY)
        out.append(Item(f"e{i}", span, f"event {i}\nsecond line" if i == 5 else f"event {i}", ("Visit", "Aid")[i % 2], ("occurred", "planned")[i % 2]))
    return out


def test_packed_marks_read_back() -> None:
    data = prepare(items(), max_marks=500)
    singles = data.singles
    assert isinstance(singles, Singles)
    assert len(singles) == 3000
    found = pack(singles)
    assert found is not None
    header, text = found
    back = unpack(header, text)
    assert np.array_equal(back["mid"], singles.mid)
    assert np.all(np.diff(back["mid"]) >= 0)  # in time order
    assert np.array_equal(back["duration"].astype(np.int64) * header["unit"], singles.duration)
    assert header["unit"] == 86_400
    assert np.array_equal(back["lane"], singles.lane)
    assert [header["colors"][c] for c in back["color"]].count("Visit") == 1500
    assert np.array_equal(back["flags"] & 1, singles.open_start.astype(np.uint8))
    assert np.array_equal(back["flags"] >> 1, singles.open_end.astype(np.uint8))
    assert set(header["statuses"]) == {"occurred", "planned"}
    assert back["labels"] is not None
    assert len(back["labels"]) == 3000
    assert "event 5 second line" in back["labels"]


def test_labels_go_first_when_the_page_is_full() -> None:
    singles = prepare(items(), max_marks=500).singles
    assert singles is not None
    full = pack(singles)
    assert full is not None
    without = pack(singles, max_bytes=len(full[1]) - 1)
    assert without is not None
    assert without[0]["labels"] is False
    assert pack(singles, max_bytes=100) is None
