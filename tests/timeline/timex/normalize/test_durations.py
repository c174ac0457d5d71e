"""Bare plural units around an event ("in the weeks before the shooting"): TimeML annotates the unit
alone, a duration of some weeks."""

from __future__ import annotations

import pytest

from timeline import tag


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("His car was seen in the weeks before the shooting.", "weeks", "PXW"),
        ("The rifle was buried in the days before the attack.", "days", "PXD"),
        ("In the years that followed, the rebels grew.", "years", "PXY"),
    ],
)
def test_units_around_an_event_are_a_duration(text: str, words: str, value: str) -> None:
    assert [(t.text, t.type, t.value) for t in tag(text, dct="1999-04-10")] == [(words, "DURATION", value)]
