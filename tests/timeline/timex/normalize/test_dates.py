"""Years with an era: TimeML writes a BC year as BCnnnn, and a two-digit year with an era is that year."""

from __future__ import annotations

import pytest

from timeline import tag


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Caesar was killed in 44 BC.", "44 BC", "BC0044"),
        ("The city fell in 146 B.C.", "146 B.C.", "BC0146"),
        ("Claudius invaded in AD 43.", "AD 43", "0043"),
        ("Claudius invaded in 43 AD.", "43 AD", "0043"),
    ],
)
def test_a_year_with_an_era_is_that_year_not_one_of_this_century(text: str, words: str, value: str) -> None:
    for mode in ("news", "narrative"):
        assert [(t.text, t.value) for t in tag(text, dct="2009-12-19", mode=mode)] == [(words, value)]  # type: ignore[arg-type]


def test_an_era_without_its_last_full_stop() -> None:
    found = [(t.text, t.value) for t in tag("The Third Punic War (149 B.C to 146 B.C) ended Carthage.", mode="narrative")]
    assert found == [("149 B.C", "BC0149"), ("146 B.C", "BC0146")]
