"""A range whose second date gives the year gives it to the first ("31 May-1 June 1916", "from
May 15 to August 16, 1988"): both are dates of that year, or the first of the year before when
it comes later in the year ("November 15 to February 15, 1989"). Expected values written from
the dates the sentences name."""

from __future__ import annotations

import pytest

from timeline import tag, tag_ranges
from timeline.timex.tagger import Mode


@pytest.mark.parametrize(
    ("text", "dct", "mode", "first"),
    [
        ("The first half was withdrawn from May 15 to August 16, 1988.", "1990-01-01", "news", "1988-05-15"),
        ("The battle took place on 31 May-1 June 1916.", None, "narrative", "1916-05-31"),
        ("The troops left between November 15 and February 15, 1989.", "1990-05-01", "news", "1988-11-15"),
        ("The Battle of Old Baldy (26 June - 4 August 1952) was fought in the hills.", None, "narrative", "1952-06-26"),
        ("Prices were frozen from March through June 1995.", "1998-01-01", "news", "1995-03"),
    ],
)
def test_the_first_date_of_a_range_takes_the_year_of_the_second(text: str, dct: str | None, mode: Mode, first: str) -> None:
    found = tag(text, dct, mode=mode)
    dates = [t for t in found if t.type == "DATE" and t.value[:1] in "0123456789X"]
    assert dates[-2].value == first
    ranges = tag_ranges(text, dct, mode=mode)
    assert [(r.first.value, r.last.value) for r in ranges] == [(first, dates[-1].value)]


def test_two_dates_joined_by_and_are_no_range() -> None:
    found = {t.text: t.value for t in tag("It happened in May and August 1988.", "1990-01-01")}
    assert found["May"] == "1989-05"  # two dates: "May" is read from the document date, as before


def test_two_dates_apart_keep_their_own_years() -> None:
    found = {t.text: t.value for t in tag("They met on 31 May. The offensive began on 2 June 1916.", mode="narrative")}
    assert found["31 May"] == "XXXX-05-31"
