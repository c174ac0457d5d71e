"""Words that place something in the past or future of the story ("the former regime", "future
wars"): histories annotate them (TIMEX2, WikiWars) with PAST_REF / FUTURE_REF; news (TimeBank)
leaves them out."""

from __future__ import annotations

import pytest

from timeline import tag


def narrative(text: str) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in tag(text, dct="2009-12-19", mode="narrative")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The leaders of the former regime were captured.", [("former", "PAST_REF")]),
        ("Najibullah, former chief of the secret police, took power.", [("former", "PAST_REF")]),
        ("The treaty sought to prevent future wars.", [("future", "FUTURE_REF")]),
        ("The army, boosted by recent victories, moved on.", [("recent", "PAST_REF")]),
        ("The town, formerly a fort, grew.", [("formerly", "PAST_REF")]),
    ],
)
def test_histories_date_former_future_and_recent(text: str, expected: list[tuple[str, str]]) -> None:
    assert narrative(text) == expected
    assert tag(text, dct="2009-12-19") == []  # news: no TIMEX3


@pytest.mark.parametrize(
    "text",
    [
        "The army did not consider the former an option.",
        "Of war and peace, he chose the former.",
        "He preferred the former, which was cheaper.",
    ],
)
def test_the_former_standing_for_a_noun_is_no_time(text: str) -> None:
    assert narrative(text) == []


@pytest.mark.parametrize(("text", "words"), [("They traded in present-day Belize.", "present-day"), ("They lost near modern day Gnjilane.", "modern day"), ("They stopped at Ore (in present day Ondo State).", "present day")])
def test_present_day_is_the_present_not_a_day(text: str, words: str) -> None:
    for mode in ("news", "narrative"):
        assert [(t.text, t.value) for t in tag(text, dct="2009-12-19", mode=mode)] == [(words, "PRESENT_REF")]  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["The assembly met on 5 May 1789. Mirabeau carried the day.", "The assembly met on 5 May 1789. The reserves saved the day."])
def test_carrying_the_day_is_an_idiom_not_a_day(text: str) -> None:
    assert [t.text for t in tag(text, dct="2009-12-19", mode="narrative")] == ["5 May 1789"]
