"""Speed of ``events.read`` on news text of growing size (``make bench``).

Each result carries ``characters_per_second``; a steady rate across sizes shows linear time.
"""

from __future__ import annotations

from typing import Any

import pytest

import events

PARAGRAPH = (
    "Russian Foreign Minister Igor Ivanov said the two countries are preparing an agreement. "
    "Putin will pay a visit to Dushanbe next month and the base agreement will be signed during his trip. "
    "Up to 500 Russian soldiers will be deployed in Kant. Moscow pulled its troops out of Kyrgyzstan in 1999. "
    "The weather was mild and markets were calm, analysts said.\n\n"
)


@pytest.mark.parametrize("size", [10_000, 100_000, 1_000_000])
def test_read_news(benchmark: Any, size: int) -> None:
    text = (PARAGRAPH * (size // len(PARAGRAPH) + 1))[:size]
    events.read("warm up: load the gazetteer", dct="2003-03-18")
    doc = benchmark.pedantic(events.read, args=(text,), kwargs={"dct": "2003-03-18"}, rounds=1, iterations=1)
    assert doc.events
    benchmark.extra_info["characters_per_second"] = size / benchmark.stats.stats.mean
