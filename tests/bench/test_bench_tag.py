"""Speed of ``timeline.tag``: TBAQ beside dateparser's ``search_dates``, and adversarial growth.

Run with ``make bench`` (``pytest --benchmark-only --benchmark-enable tests/bench``). Each result
carries ``characters_per_second`` in its extra info; the TBAQ benchmark of ``timeline.tag`` also
carries ``times_dateparser`` when dateparser ran in the same session. Linear time shows as a
steady ``characters_per_second`` across the lengths of each adversarial string. On a busy
machine, add ``--benchmark-timer=time.process_time`` to compare CPU time rather than wall time.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from timeline import tag
from timeline.io.timeml import read_timeml

TBAQ = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "tbaq"
RATES: dict[str, float] = {}


@pytest.fixture(scope="module")
def tbaq() -> list[tuple[str, str | None]]:
    if not TBAQ.is_dir():
        pytest.skip(f"{TBAQ} is absent")
    paths = sorted(p for p in TBAQ.rglob("*.tml") if not p.name.startswith("._"))
    return [(doc.text, doc.dct) for doc in map(read_timeml, paths)]


def _rate(benchmark: Any, characters: int, name: str) -> float:
    rate = float(characters / benchmark.stats.stats.mean)
    benchmark.extra_info["characters"] = characters
    benchmark.extra_info["characters_per_second"] = round(rate)
    RATES[name] = rate
    return rate


@pytest.mark.benchmark(group="tbaq")
def test_dateparser_search_dates_on_tbaq(benchmark: Any, tbaq: list[tuple[str, str | None]]) -> None:
    search = pytest.importorskip("dateparser.search")

    def run() -> int:
        found = 0
        for text, dct in tbaq:
            settings = {"RELATIVE_BASE": dt.datetime.fromisoformat(dct[:10])} if dct else {}
            found += len(search.search_dates(text, languages=["en"], settings=settings) or ())
        return found

    found = benchmark.pedantic(run, rounds=1, iterations=1)
    assert found > 0
    _rate(benchmark, sum(len(text) for text, _ in tbaq), "dateparser")


@pytest.mark.benchmark(group="tbaq")
def test_timeline_tag_on_tbaq(benchmark: Any, tbaq: list[tuple[str, str | None]]) -> None:
    def run() -> int:
        return sum(len(tag(text, dct=dct)) for text, dct in tbaq)

    found = benchmark.pedantic(run, rounds=5, iterations=1, warmup_rounds=1)
    assert found > 0
    rate = _rate(benchmark, sum(len(text) for text, _ in tbaq), "timeline")
    if "dateparser" in RATES:
        benchmark.extra_info["times_dateparser"] = round(rate / RATES["dateparser"], 1)


ADVERSARIAL = {
    "digits": "0123456789",
    "year_dashes": "1999-",
    "slashes": "12/",
    "colons": "12:",
    "spaces": " ",
    "months": "March ",
    "relatives": "the day before ",
    "mixed": "in 1999-03 , 3 weeks ago ",
}


@pytest.mark.benchmark(group="adversarial")
@pytest.mark.parametrize("length", [1_000, 10_000, 100_000, 1_000_000])
@pytest.mark.parametrize("kind", sorted(ADVERSARIAL))
def test_adversarial_growth(benchmark: Any, kind: str, length: int) -> None:
    unit = ADVERSARIAL[kind]
    text = (unit * (length // len(unit) + 1))[:length]
    rounds = 3 if length < 1_000_000 else 1
    found = benchmark.pedantic(tag, args=(text,), kwargs={"dct": "2003-03-18"}, rounds=rounds, iterations=1)
    assert isinstance(found, list)
    _rate(benchmark, length, f"{kind}-{length}")
