"""Our EDTF parser against the ``edtf`` package, on the same strings, in one run; and its
worst cases: hostile strings under 100 characters, and the slowest one a search finds.

Run with ``make bench`` (``pytest --benchmark-only --benchmark-enable tests/bench``). Our
parser's result cache is bypassed (``parse_edtf``) so every call parses.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from hypothesis import given, settings, target
from hypothesis import strategies as st
from pytest_benchmark.fixture import BenchmarkFixture

from timeline import EDTFValueError
from timeline.edtf import parse_edtf

# forms both parsers read: levels 0 and 1 and a level 2 set
STRINGS = [
    "1985", "1985-04", "1985-04-12", "1985-04-12T23:20:30Z", "-0489", "Y170000002",
    "2003-21", "201X", "1985-04-XX", "1985?", "2004-06~", "2004-06-11%",
    "1964/2008", "1985-04-12/..", "../1985-04-12", "[1667, 1668, 1670..1672]",
]  # fmt: skip

# hostile strings, each under 100 characters (issue 16: "Y1E10000000" took 6 s, "Y9E999999999" hung)
HOSTILE = {
    "exponent 10^7": "Y1E10000000",
    "exponent 10^9": "Y9E999999999",
    "exponent, 98 digits": "Y1E" + "9" * 96,
    "98-digit year": "Y" + "9" * 98,
    "94 significant digits": "1950S" + "9" * 94,
    "set of 8 X dates": "[" + ",".join(["1XXX-XX-XX"] * 8) + "]",
    "set of ranges": "{" + ",".join(["0001..9999"] * 8) + "}",
    "qualified X interval": "?XXX-XX-~XX%/?XXX-XX-~XX%",
    "long years, interval": "Y-999999999~/Y999999999~",
}


def _ours() -> Callable[[str], object]:
    return parse_edtf


def _theirs() -> Callable[[str], object]:
    edtf = pytest.importorskip("edtf")
    parse: Callable[[str], object] = edtf.parse_edtf
    return parse


def _read_or_refuse(text: str) -> bool:
    try:
        parse_edtf(text)
    except EDTFValueError:
        return False
    return True


@pytest.mark.parametrize("parser", ["timeline.edtf", "edtf package"])
def test_parse_edtf(benchmark: BenchmarkFixture, parser: str) -> None:
    parse = _ours() if parser == "timeline.edtf" else _theirs()

    def run() -> int:
        return len([parse(s) for s in STRINGS])

    assert benchmark(run) == len(STRINGS)


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_parse_edtf_hostile(benchmark: BenchmarkFixture, name: str) -> None:
    text = HOSTILE[name]
    assert len(text) < 100
    benchmark(_read_or_refuse, text)


def test_slowest_string_a_search_finds(benchmark: BenchmarkFixture) -> None:
    """Hypothesis steers towards slow strings (``target`` on the parse time) over EDTF's
    alphabet; the slowest one found is then timed properly."""
    slowest = {"text": "", "seconds": 0.0}

    member = st.text(alphabet="0123456789X-?~%", min_size=4, max_size=12)
    sets = st.lists(member, min_size=1, max_size=12).map(lambda ms: ("[" + ",".join(ms) + "]")[:99])
    noise = st.text(alphabet="0123456789XYES-/.:T?~%[]{},Z", max_size=99)

    @settings(max_examples=3000, database=None, deadline=None)
    @given(st.one_of(sets, noise))
    def search(text: str) -> None:
        began = time.perf_counter()
        _read_or_refuse(text)
        seconds = time.perf_counter() - began
        target(seconds)
        if seconds > slowest["seconds"]:
            slowest.update(text=text, seconds=seconds)

    search()
    text = str(slowest["text"])
    benchmark.extra_info["slowest string"] = text
    benchmark(_read_or_refuse, text)
