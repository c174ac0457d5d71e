"""The tense of a clause (timeline/timex/anchor.py): a participle after a determiner is an
adjective ("the increased dividend", "a still unspecified date"), not a verb in the past, so it
does not turn a future clause to the past. Expected values written from the sentences."""

from __future__ import annotations

import pytest

from timeline import tag
from timeline.timex.anchor import FUTURE, PAST, tense_at


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The split would be paid on a still unspecified date in January.", "1990-01"),
        ("It will be paid on the deferred date in January.", "1990-01"),
        ("It will be paid with the promised bonus in January.", "1990-01"),
    ],
)
def test_an_adjective_participle_is_no_past_cue(text: str, value: str) -> None:
    assert [t.value for t in tag(text, "1989-11-01")] == [value]


def test_a_verb_in_the_past_still_is() -> None:
    text = "The company increased its dividend in January."
    start = text.index("January")
    assert tense_at(text, start, start + 7) == PAST
    text = "The split would be paid on an unspecified date in January."
    start = text.index("January")
    assert tense_at(text, start, start + 7) == FUTURE
