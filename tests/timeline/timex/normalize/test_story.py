"""Periods counted within a story ("the second day", "the first year of the war"), with values
written from the TimeML guidelines: an ordinal day is a DATE, a longer unit a DURATION."""

from __future__ import annotations

import pytest

from timeline import tag

DCT = "2003-03-19"  # a Wednesday


def values(text: str, mode: str = "news") -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct=DCT, mode=mode)]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("During the first year of the war, the party split.", [("the first year", "DURATION", "P1Y")]),
        ("In the second week alone, the aircraft flew 4,000 sorties.", [("the second week", "DURATION", "P1W")]),
        ("Most casualties came in the first hour of the attack.", [("the first hour", "DURATION", "PT1H")]),
        ("Thousands were taken in the first hours of the ground war.", [("the first hours", "DURATION", "PTXH")]),
        ("He lived abroad in the last years of his life.", [("the last years", "DURATION", "PXY")]),
        ("On the seventh day, the gates were opened.", [("the seventh day", "DATE", "XXXX-XX-XX")]),
        ("On the third evening, the news arrived.", [("the third evening", "TIME", "XXXX-XX-XXTEV")]),
    ],
)
def test_an_ordinal_unit_is_a_period_of_the_story(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert values(text, "narrative") == expected


def test_a_day_the_text_equates_with_a_date_is_that_date() -> None:
    assert values("On 21 July 1936, the fifth day of the rebellion, the city fell.", "narrative") == [
        ("21 July 1936", "DATE", "1936-07-21"),
        ("the fifth day", "DATE", "1936-07-21"),
    ]
    assert values("Today is the eighth day of the operation.") == [("Today", "DATE", "2003-03-19"), ("the eighth day", "DATE", "2003-03-19")]


def test_a_possessive_stays_outside_the_period() -> None:
    assert values("He would do so on his first day in office.") == [("first day", "DATE", "XXXX-XX-XX")]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("He signed a third day-long agreement.", ["day-long"]),  # an adjective of length, no third day
        ("The early morning was cold.", ["early morning"]),  # a part of the day, not a period
        ("The first quarter was weak.", ["The first quarter"]),  # a quarter of the year
    ],
)
def test_words_that_are_no_ordinal_period(text: str, words: list[str]) -> None:
    for mode in ("news", "narrative"):
        assert [t.text for t in tag(text, dct=DCT, mode=mode)] == words  # type: ignore[arg-type]
    assert values("The first quarter was weak.")[0][2] == "2003-Q1"


def test_a_date_after_of_names_the_day_itself() -> None:
    assert values("They attacked in the early hours of Thursday morning.") == [("Thursday morning", "DATE", "2003-03-13TMO")]


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("The war began in 1919. At the same time, Lenin offered peace.", "the same time", "1919"),
        ("The war began in 1919. At that time, the navy was small.", "that time", "1919"),
        ("The war began in 1919. At the time, the navy was small.", "the time", "PRESENT_REF"),
        ("The war began in 1919. During this time, the navy grew.", "this time", "PRESENT_REF"),
    ],
)
def test_histories_date_the_time_under_discussion(text: str, words: str, value: str) -> None:
    found = [(t.text, t.value) for t in tag(text, dct="2009-12-19", mode="narrative")]
    assert found == [("1919", "1919"), (words, value)]
    assert [t.text for t in tag(text, dct="2009-12-19")] in (["1919"], ["1919", "that time"])  # news (TimeML) leaves it out


def test_for_the_time_being_is_the_present() -> None:
    assert values("The king backed down, at least for the time being.", "narrative") == [("the time being", "DATE", "PRESENT_REF")]


def test_this_time_alone_is_an_occasion_not_a_time() -> None:
    assert values("This time, the column could travel on a highway.", "narrative") == []


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("It was the largest operation in Indochina to date.", "date"),
        ("Its effects continue to this day.", "this day"),
    ],
)
def test_up_to_the_present_is_present_ref(text: str, words: str) -> None:
    for mode in ("news", "narrative"):
        assert values(text, mode) == [(words, "DATE", "PRESENT_REF")]


@pytest.mark.parametrize("text", ["The files are up to date.", "They came to this day of celebration."])
def test_date_and_this_day_that_are_no_present(text: str) -> None:
    assert all(t.value != "PRESENT_REF" for t in tag(text, dct=DCT))
