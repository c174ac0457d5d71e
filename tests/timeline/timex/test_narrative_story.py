"""Narrative mode: the year of a month or a day named without one is the story's year, not the
year of an aside (a date the text steps out to and back from, or a bare year it names in passing).
The expected values are those TimeML gives the expressions read in their story."""

from __future__ import annotations

import pytest

from timeline import tag


def values(text: str) -> dict[str, str]:
    return {t.text: t.value for t in tag(text, mode="narrative")}


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        # a bare year before the month the story is in: an earlier time recalled
        ("The Estates-General met in May 1789, for the first time since 1614. On 27 June the king gave way.", "27 June", "1789-06-27"),
        # a bare year long after it: when something about the story was learnt
        ("The army was halted on 16 August 1920. Documents found in 2004 proved why. On 31 August it retreated.", "31 August", "1920-08-31"),
        # a full date the story steps out to and back from
        (
            "The offensive began on 10 March 1975, recalling the defeat of 5 November 1917. On 11 March the town fell. By 1 April 1975 the column was gone.",
            "11 March",
            "1975-03-11",
        ),
        # the story moving on: the next year, then a month of it
        ("Japan attacked in December 1941. In 1942 the tide turned; in June the fleet won at Midway.", "June", "1942-06"),
        # the same year named again
        ("The siege began in March 1854. Through 1854 the army starved, and in October it attacked.", "October", "1854-10"),
    ],
)
def test_a_month_without_a_year_takes_the_story_year(text: str, expression: str, value: str) -> None:
    assert values(text)[expression] == value


def test_the_aside_keeps_its_own_value() -> None:
    found = values("The offensive began on 10 March 1975, recalling the defeat of 5 November 1917. On 11 March the town fell. By 1 April 1975 the column was gone.")
    assert found["5 November 1917"] == "1917-11-05"
    assert found["1 April 1975"] == "1975-04-01"


def test_news_mode_is_unchanged() -> None:
    found = {t.text: t.value for t in tag("Documents found in 2004 proved why. On 31 August it retreated.", "2010-09-15")}
    assert found["31 August"] == "2010-08-31"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The battle began in July 1916. By the second day the British had lost ground.", "1916-07-XX"),
        ("The war broke out in 1914. On the third day the army crossed the border.", "1914-XX-XX"),
    ],
)
def test_a_day_counted_in_the_story_is_a_day_of_the_month_or_year_told(text: str, value: str) -> None:
    assert [t.value for t in tag(text, mode="narrative")][-1] == value


def test_a_date_close_to_the_story_is_no_aside() -> None:
    # mid-January 1945 is a month after the December before it: the story moving on, whatever follows
    found = values("The offensive began on December 16, 1944. In mid-January 1945 the Soviets attacked. In February the leaders met. The plan of 1944 had failed.")
    assert found["February"] == "1945-02"
