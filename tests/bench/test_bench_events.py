"""Speed of ``events.read`` (``make bench``): news of growing size, adversarial repetitions of
growing length (a steady ``characters_per_second`` shows linear time), and the TBAQ texts
against spaCy's own ``nlp.pipe`` with the same model (skipped without ../shared/corpora).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import events
from events.text import parse

TBAQ = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "tbaq"
PARAGRAPH = (
    "Russian Foreign Minister Igor Ivanov said the two countries are preparing an agreement. "
    "Putin will pay a visit to Dushanbe next month and the base agreement will be signed during his trip. "
    "Up to 500 Russian soldiers will be deployed in Kant. Moscow pulled its troops out of Kyrgyzstan in 1999. "
    "The weather was mild and markets were calm, analysts said.\n\n"
)
ADVERSARIAL = ["Mr. ", "10:30 a.m. Monday ", "U.S. ", "(((", "- - ", "\u202eعربي 😀 "]


def _warm() -> None:
    events.read("Police arrested 12 protesters in Kampala on Monday.", dct="2003-03-18")


@pytest.mark.parametrize("size", [10_000, 100_000, 1_000_000])
def test_read_news(benchmark: Any, size: int) -> None:
    text = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]
    _warm()
    doc = benchmark.pedantic(events.read, args=(text,), kwargs={"dct": "2003-03-18"}, rounds=1, iterations=1)
    assert doc.events
    benchmark.extra_info["characters_per_second"] = size / benchmark.stats.stats.mean


@pytest.mark.parametrize("size", [20_000, 80_000, 320_000])
@pytest.mark.parametrize("unit", ADVERSARIAL)
def test_adversarial_repetitions(benchmark: Any, unit: str, size: int) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    _warm()
    doc = benchmark.pedantic(events.read, args=(text,), kwargs={"dct": "2003-03-18"}, rounds=1, iterations=1)
    assert isinstance(doc, events.Document)
    benchmark.extra_info["characters_per_second"] = size / benchmark.stats.stats.mean


def _tbaq_texts() -> list[tuple[str, str | None]]:
    from timeline.io.timeml import read_timeml

    docs = [read_timeml(f) for f in sorted(TBAQ.rglob("*.tml"))]
    return [(d.text, d.dct) for d in docs]


@pytest.mark.corpus
@pytest.mark.skipif(not TBAQ.exists(), reason="../shared/corpora/tbaq is absent")
@pytest.mark.parametrize("who", ["spacy_pipe", "events_read_many"])
def test_tbaq_throughput(benchmark: Any, who: str) -> None:
    """Compare the two rows' ``characters_per_second``: the goal is events >= 0.7x spaCy."""
    texts = _tbaq_texts()
    chars = sum(len(t) for t, _ in texts)
    reader = events.Reader()
    nlp = reader.nlp
    _warm()
    if who == "spacy_pipe":
        run = lambda: sum(len(d) for d in nlp.pipe((t for t, _ in texts), batch_size=parse.BATCH_SIZE))  # noqa: E731
    else:
        run = lambda: sum(len(d.events) for d in reader.read_many([t for t, _ in texts], [d for _, d in texts]))  # noqa: E731
    assert benchmark.pedantic(run, rounds=1, iterations=1) > 0
    benchmark.extra_info["characters_per_second"] = chars / benchmark.stats.stats.mean
