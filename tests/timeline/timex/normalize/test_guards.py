"""Titles in quotation marks are names, not times (TimeML): ''60 Minutes'', "This Week With David Brinkley"."""

from __future__ import annotations

import pytest

from timeline import tag


@pytest.mark.parametrize(
    "text",
    [
        "Gonzalez said on CBS's ''60 Minutes.''",
        'Baker said on ABC-TV\'s "This Week With David Brinkley" that the raids went on.',
        "He watched ``High Noon'' again.",
    ],
)
def test_a_quoted_title_is_no_time(text: str) -> None:
    assert tag(text, dct="1999-01-01") == []


def test_a_quoted_sentence_keeps_its_times() -> None:
    assert [t.text for t in tag('He said "Monday was bad."', dct="1999-01-01")] == ["Monday"]
    assert [t.text for t in tag("They said it would take ''60 days'' at most.", dct="1999-01-01")] == ["60 days"]
