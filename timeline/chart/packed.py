"""The marks of a chart drawn as counts, packed small for the offline page (``page.js`` unpacks).

A chart above ``max_marks`` marks draws counts per lane and period; its page also carries every
mark, packed, so that zoomed in to a few of them (at most ``max_marks`` in the visible window)
the page draws them one by one. ``pack(singles)`` gives a header (JSON-ready) and the packed
bytes, gzip-compressed and base64-encoded; the browser decodes them with
``DecompressionStream``. Sections, in this order, ``n`` values each:

- ``mid``: int32, each marker's distance in seconds from the previous one (the first from
  ``t0``): markers are in time order, so the numbers are small;
- ``duration``: uint32, each band's length in ``unit`` seconds (the largest unit dividing them
  all; longer than 2^32 units are cut to that);
- ``lane``, ``color``: uint16, numbers into the chart's lanes and the header's ``colors``;
- ``flags``: uint8, 1 for an open start, 2 for an open end; ``status``: uint8, into
  ``statuses``;
- ``labels``: UTF-8, one a line.

The multi-byte sections are byte-planed (every value's first byte, then every second byte ...),
which lets gzip find their repetitions. Labels are left out (``labels: false`` in the header)
when the page would grow past ``max_bytes``.
"""

from __future__ import annotations

import base64
import gzip
import math
from functools import reduce
from typing import Any

import numpy as np
import numpy.typing as npt

from timeline.chart.data import Singles

__all__ = ["MAX_BYTES", "pack"]

MAX_BYTES = 7_000_000
"""The most base64 text a page carries for its marks (pages stay under 10 MB)."""
_LEVEL = 3  # gzip's: level 6 makes a 10^6 page 10 % smaller in three times the time
_INT32 = 2**31 - 1
_UINT32 = 2**32 - 1


def _planes(values: npt.NDArray[Any]) -> bytes:
    """The little-endian bytes of ``values``, byte-planed (see the module)."""
    raw = np.ascontiguousarray(values.astype(values.dtype.newbyteorder("<")))
    return raw.view(np.uint8).reshape(len(values), values.dtype.itemsize).T.tobytes()


def pack(singles: Singles, *, max_bytes: int = MAX_BYTES) -> tuple[dict[str, Any], str] | None:
    """The header and base64 text of ``singles``; None when markers lie too far apart for int32
    steps or the marks do not fit in ``max_bytes`` even without their labels."""
    n = len(singles)
    if n == 0:
        return None
    steps = np.diff(singles.mid, prepend=singles.mid[:1])
    if int(steps.max()) > _INT32:
        return None
    durations = singles.duration
    unit = int(reduce(math.gcd, np.unique(durations).tolist(), 0)) or 1
    header: dict[str, Any] = {
        "n": n, "t0": int(singles.mid[0]), "unit": unit, "colors": list(singles.colors),
        "statuses": list(singles.statuses), "labels": True,
    }
    flags = singles.open_start.astype(np.uint8) | (singles.open_end.astype(np.uint8) << 1)
    body = b"".join([
        _planes(steps.astype(np.int32)),
        _planes(np.minimum(durations // unit, _UINT32).astype(np.uint32)),
        _planes(singles.lane.astype(np.uint16)),
        _planes(singles.color.astype(np.uint16)),
        flags.tobytes(),
        singles.status.astype(np.uint8).tobytes(),
    ])
    labels = singles.labels.encode("utf-8")
    packed = base64.b64encode(gzip.compress(body + labels, compresslevel=_LEVEL, mtime=0)).decode("ascii")
    if len(packed) > max_bytes:
        header["labels"] = False
        packed = base64.b64encode(gzip.compress(body, compresslevel=_LEVEL, mtime=0)).decode("ascii")
        if len(packed) > max_bytes:
            return None
    return header, packed
