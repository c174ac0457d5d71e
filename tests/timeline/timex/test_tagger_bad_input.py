"""``timeline.tag`` on bad input: any ``str`` gives a list; other types and bad DCTs are refused.

Each case here runs in well under a second or two; that the time grows linearly with the length
of adversarial strings is shown by ``tests/bench/test_bench_tag.py::test_adversarial_growth``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import tag


def check(text: str, found: Sequence[Any]) -> None:
    """A list of expressions whose offsets point into ``text``, in order and not overlapping."""
    assert isinstance(found, list)
    previous_end = 0
    for timex in found:
        assert 0 <= timex.start < timex.end <= len(text)
        assert text[timex.start : timex.end] == timex.text
        assert timex.start >= previous_end
        previous_end = timex.end


@pytest.mark.parametrize("bad", [None, b"1999", 1999, 3.5, ["1999"], bytearray(b"1999")])
def test_non_strings_raise_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        tag(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("dct", ["yesterday-ish", "2003-13-45", "", "1999-1999"])
def test_invalid_dct_raises_value_error_naming_it(dct: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(dct))):
        tag("He came on 5 May.", dct=dct)


def test_empty() -> None:
    assert tag("") == []
    assert tag("", dct="2003-03-18") == []


ADVERSARIAL = {
    "digits": "0123456789",
    "one_digit": "7",
    "year_dashes": "1999-",
    "slashes": "12/12/",
    "colons": "12:",
    "dots": "1.",
    "spaces": " ",
    "months": "March ",
    "numbers": "twenty-one ",
    "relatives": "the day before ",
    "mixed": "in 1999-03 , 3 weeks ago ",
}


@pytest.mark.parametrize("name", sorted(ADVERSARIAL))
def test_long_adversarial_strings_return_lists(name: str) -> None:
    unit = ADVERSARIAL[name]
    text = unit * (30_000 // len(unit))
    check(text, tag(text, dct="2003-03-18"))


def test_one_megabyte_of_digits() -> None:
    text = "1234567890" * 100_000
    check(text, tag(text))


def test_year_dash_repetition() -> None:
    text = "1999-" * 20_000
    check(text, tag(text, dct="2003-03-18"))


@pytest.mark.parametrize(
    "text",
    [
        "\x00\x01\x02 on 5 May 1999\x07\x08\x1b[31m\x7f\x9f",
        "Launched 🚀 on 4 July 1999 🎆🇺🇸 and again in 2001 👩‍👩‍👧",
        "גרמניה פלשה לפולין ב-1 בספטמבר 1939",
        "في عام 1999 وقع الاتفاق \u200f2001\u200e",
        "\u202eMarch 3, 1999\u202c and \u2066 2001 \u2069",
        "lone \ud800 surrogates \udfff in 1999 \udbff\udc00",
        "zero\u200bwidth 1999\ufeff \u00a0 2001 \u2028 2002 \u2029",
        "combining 1̸9̸9̸9̸ and full-width １９９９ and ۱۹۹۹",
        "\r\n\r\n March\r\n 1999 \t\v\f",
    ],
)
def test_odd_characters(text: str) -> None:
    check(text, tag(text, dct="2003-03-18"))
    check(text, tag(text, dct="2003-03-18", mode="narrative"))


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.one_of(st.characters(), st.characters(categories=["Cs"]), st.sampled_from("0123456789-/:. ")), max_size=300))
def test_any_string_gives_a_list(text: str) -> None:
    check(text, tag(text, dct="2003-03-18"))


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["1999", "-", "March", " ", "3", "/", "the", "last", "week", ",", "2003-03-18", "T10:30", "ago"]), max_size=60))
def test_date_like_soup_gives_a_list(pieces: list[str]) -> None:
    text = "".join(pieces)
    check(text, tag(text, dct="2003-03-18"))
