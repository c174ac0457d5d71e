"""A 5 MB text is read into a valid Document (slow: about 20 seconds on two cores)."""

from __future__ import annotations

import pytest

import events

PARAGRAPH = (
    "Officials from Kenya and Uganda met in Nairobi on Monday. The weather stayed mild and markets were calm "
    "across the region, with traders reporting steady prices for maize, beans and coffee in most towns. "
    "Farmers in the highlands said the rains had come early this season and that the harvest looked good. "
    "Schools reopened after the holidays, and the roads were busy with buses and trucks heading north. "
    "Police arrested 12 protesters in Kampala.\n\n"
)


@pytest.mark.slow
def test_five_megabytes_of_news_is_read() -> None:
    text = PARAGRAPH * (5_000_000 // len(PARAGRAPH) + 1)
    assert len(text) >= 5_000_000
    doc = events.read(text, dct="2015-06-10")
    assert isinstance(doc, events.Document)
    assert doc.body == (0, len(text.rstrip()))
    assert {"Meeting", "Coercion"} <= {e.kind for e in doc.events}
    assert all(0 <= m.start < m.end <= len(text) for e in doc.events for m in e.mentions)


def test_a_megabyte_without_sentences_is_read() -> None:
    doc = events.read("word " * 200_000)
    assert doc.events == ()
    assert doc.dct is None
