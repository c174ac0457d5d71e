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


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("All males who were 18 years old were called up.", "P18Y"),
        ("Forty-year-old Iyasu had been deposed.", "P40Y"),
        ("Attacks were averaging about 960 a week.", "P1W"),
        ("Congress cut aid from $1 billion a year to $700 million.", "P1Y"),
    ],
)
def test_histories_annotate_ages_and_rates_news_does_not(text: str, value: str) -> None:
    assert [(t.type, t.value) for t in tag(text, dct="2009-12-19", mode="narrative")] == [("DURATION", value)]
    assert tag(text, dct="2009-12-19") == []


def test_a_vague_count_of_quarters_is_no_fraction() -> None:
    text = "It achieved profitability after several quarters of losses; a quarter of the vote went elsewhere."
    assert [(t.text, t.value) for t in tag(text, dct="1989-11-01")] == [("several quarters", "PXQ")]
