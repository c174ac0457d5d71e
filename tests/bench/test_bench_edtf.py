"""Our EDTF parser against the ``edtf`` package, on the same strings, in one run.

Run with ``make bench`` (``pytest --benchmark-only --benchmark-enable tests/bench``). Our
parser's result cache is bypassed so both sides parse every string.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from timeline.edtf import parse_edtf

# forms both parsers read: levels 0 and 1 and a level 2 set
STRINGS = [
    "1985", "1985-04", "1985-04-12", "1985-04-12T23:20:30Z", "-0489", "Y170000002",
    "2003-21", "201X", "1985-04-XX", "1985?", "2004-06~", "2004-06-11%",
    "1964/2008", "1985-04-12/..", "../1985-04-12", "[1667, 1668, 1670..1672]",
]  # fmt: skip


def _ours() -> Callable[[str], object]:
    return parse_edtf


def _theirs() -> Callable[[str], object]:
    edtf = pytest.importorskip("edtf")
    parse: Callable[[str], object] = edtf.parse_edtf
    return parse


@pytest.mark.parametrize("parser", ["timeline.edtf", "edtf package"])
def test_parse_edtf(benchmark: BenchmarkFixture, parser: str) -> None:
    parse = _ours() if parser == "timeline.edtf" else _theirs()

    def run() -> int:
        return len([parse(s) for s in STRINGS])

    assert benchmark(run) == len(STRINGS)
