"""``timeline.find_document_date``: datelines, date lines, labels, and texts with no date."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED
from timeline import find_document_date

SEED = SHARED / "seed"


@pytest.mark.parametrize(
    ("text", "value", "found"),
    [
        ("Headline\n\nPrague, 18 March 2003 (RFE/RL) -- Salohiddin Nasriddinov said ...", "2003-03-18", "18 March 2003"),
        ("WASHINGTON (AP) March 18, 2003 The president said ...", "2003-03-18", "March 18, 2003"),
        ("WASHINGTON, March 18, 2003 -- The president said ...", "2003-03-18", "March 18, 2003"),
        ("Rio de Janeiro, 18 March 2003 -- The president said ...", "2003-03-18", "18 March 2003"),
        ("Markets\nMar 18, 2003 10:42 AM ET\nStocks rose on Tuesday.", "2003-03-18", "Mar 18, 2003"),
        ("Published: 18 March 2003\nThe talks ...", "2003-03-18", "18 March 2003"),
        ("Tuesday, March 18, 2003\n\nThe talks ...", "2003-03-18", "Tuesday, March 18, 2003"),
        ("2003-03-18\nThe talks ...", "2003-03-18", "2003-03-18"),
        ("Updated: 10:42 AM ET, Mar 18, 2003\nThe talks ...", "2003-03-18", "Mar 18, 2003"),
    ],
)
def test_datelines(text: str, value: str, found: str) -> None:
    date = find_document_date(text)
    assert date is not None
    assert date.value == value
    assert date.text == found
    assert text[date.start : date.end] == found


@pytest.mark.parametrize(
    "text",
    [
        "",
        "The base was agreed in 1999 and ratified last week.",
        "He was born on March 18, 2003 in a small village, his mother said.",
        "In a speech on 18 March 2003 the minister said the talks would go on.",
        "Prices rose 18 percent in March.",
        "Signed in Geneva, March 3, 1999\nThe treaty ...",
    ],
)
def test_no_dateline(text: str) -> None:
    assert find_document_date(text) is None


def test_non_string_raises_type_error() -> None:
    with pytest.raises(TypeError):
        find_document_date(None)  # type: ignore[arg-type]


@pytest.mark.corpus
@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="../shared/seed is absent")
def test_seed_dateline() -> None:
    import json

    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    text = next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    date = find_document_date(text)
    assert date is not None
    assert date.value == gold["dct"][:10]
    assert text[date.start : date.end] == "18 March 2003"
