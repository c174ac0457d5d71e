"""Set words as adjectives: news (TimeML) leaves out "its quarterly dividend"; histories (TIMEX2)
annotate "daily attacks" as the recurring time."""

from __future__ import annotations

import pytest

from timeline import tag


@pytest.mark.parametrize(("text", "words"), [("The USAF flew 40 daily sorties.", "daily"), ("Their everyday lives improved.", "everyday")])
def test_histories_annotate_a_set_adjective(text: str, words: str) -> None:
    assert [(t.text, t.type) for t in tag(text, dct="2009-12-19", mode="narrative")] == [(words, "SET")]
    assert tag(text, dct="2009-12-19") == []


def test_a_set_adverb_is_a_set_in_both_modes() -> None:
    for mode in ("news", "narrative"):
        assert [(t.text, t.type, t.value) for t in tag("Dividends are paid quarterly.", dct="2009-12-19", mode=mode)] == [("quarterly", "SET", "P3M")]  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["Sales will rise 8.5% annually.", "The plant would produce about 10,000 units annually."])
def test_a_set_word_after_an_amount_is_a_rate_in_news(text: str) -> None:
    assert tag(text, dct="1989-11-01") == []


def test_a_set_word_after_a_verb_stays_a_set() -> None:
    assert [(t.text, t.type) for t in tag("The rallies are held here annually.", dct="1989-11-01")] == [("annually", "SET")]
