"""Parts of a day: histories tag one alone ("moved only at night"), TimeML's TIME of no known day;
"in the morning" is that part of the day under discussion."""

from __future__ import annotations

import pytest

from timeline import tag


def values(text: str, mode: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct="2009-12-19", mode=mode)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The columns moved only at night.", "night", "XXXX-XX-XXTNI"),
        ("They were adept at night fighting.", "night", "XXXX-XX-XXTNI"),
        ("Scouts could not see the units in daytime.", "daytime", "XXXX-XX-XXTDT"),
        ("Pausanias ordered a night-time retreat.", "night-time", "XXXX-XX-XXTNI"),
    ],
)
def test_histories_tag_a_part_of_the_day_alone(text: str, words: str, value: str) -> None:
    assert values(text, "narrative") == [(words, "TIME", value)]
    assert words not in [t.text for t in tag(text, dct="2009-12-19")]  # news leaves it out


def test_in_the_morning_is_the_morning_of_the_day_under_discussion() -> None:
    text = "The troops crossed the border on December 27, 1979. In the morning, the division landed."
    assert values(text, "narrative") == [("December 27, 1979", "DATE", "1979-12-27"), ("the morning", "TIME", "1979-12-27TMO")]


def test_the_night_of_a_date_stays_one_expression() -> None:
    assert [t.text for t in tag("On the night of 20 June 1791 the family fled.", mode="narrative")] == ["the night of 20 June 1791"]


def test_a_military_clock_with_hrs() -> None:
    found = tag("Camouflage was deployed by 05:30hrs.", mode="narrative")  # no document date: no day
    assert [(t.text, t.type, t.value) for t in found] == [("05:30hrs", "TIME", "XXXX-XX-XXT05:30")]
