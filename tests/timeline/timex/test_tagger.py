"""``timeline.tag``: recognition with offsets, the seed article, modes, and bad input."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from timeline import Span, Timex, tag
from timeline.timex.lexicon import english
from timeline.timex.patterns import rules

SEED = SHARED / "seed"
DCT = "2003-03-18"  # a Tuesday


def values(text: str, dct: object = DCT, **kw: object) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in tag(text, dct, **kw)]  # type: ignore[arg-type]


def test_offsets_point_into_the_text_sorted_and_disjoint() -> None:
    text = "On 18 March 2003, a week after the talks of last week, he said three years was enough."
    found = tag(text, DCT)
    assert found, "expected expressions"
    previous = 0
    for t in found:
        assert isinstance(t, Timex)
        assert text[t.start : t.end] == t.text
        assert t.start >= previous
        previous = t.end


def test_timex_is_frozen() -> None:
    t = tag("yesterday", DCT)[0]
    with pytest.raises(AttributeError):
        t.value = "2003-03-16"  # type: ignore[misc]


def test_spans_come_with_values() -> None:
    (t,) = tag("It opened in March 2003.", DCT)
    assert t.value == "2003-03"
    assert isinstance(t.span, Span)
    assert t.span == Span.from_timex3("2003-03")


def test_spans_follow_timebank_conventions() -> None:
    # possessives, adjectival durations and a noun's determiner stay outside the expression
    assert values("Friday's vote and a two-year deal lifted its third-quarter profit.", "1989-10-26") == [
        ("Friday", "DATE", "1989-10-20"),
        ("two-year", "DURATION", "P2Y"),
        ("third-quarter", "DATE", "1989-Q3"),
    ]
    # "the past three years" keeps its determiner; "earlier this week" keeps "earlier" (no mod)
    assert values("Over the past three years, and earlier this week, prices rose.") == [
        ("the past three years", "DURATION", "P3Y"),
        ("earlier this week", "DATE", "2003-W12"),
    ]


def test_longest_match_wins() -> None:
    assert values("the end of March 2003") == [("the end of March 2003", "DATE", "2003-03")]
    assert values("10:30 a.m. Monday") == [("10:30 a.m. Monday", "TIME", "2003-03-17T10:30")]


# --- the seed article ----------------------------------------------------------------------


@pytest.mark.corpus
@pytest.mark.skipif(not (SEED / "gold.json").exists(), reason="../shared/seed is absent")
def test_seed_article_all_21_timexes_with_dct_from_the_dateline() -> None:
    gold = json.loads((SEED / "gold.json").read_text(encoding="utf-8"))
    text = (SEED / gold["file"]).read_text(encoding="utf-8") if (SEED / gold["file"]).exists() else next(SEED.glob("*.txt")).read_text(encoding="utf-8")
    found = {(t.start, t.end): t for t in tag(text)}  # no dct: read from "Prague, 18 March 2003 (RFE/RL) --"
    for g in gold["timexes"]:
        got = found.get((g["start"], g["end"]))
        assert got is not None, f"missed {g['text']!r} at {g['start']}"
        assert got.text == g["text"]
        assert got.value in (g["value"], *g.get("also_accept", ())), f"{g['text']!r}: {got.value} != {g['value']}"
        assert got.type == g["type"]


# --- narrative mode ------------------------------------------------------------------------


def test_narrative_mode_resolves_against_the_last_date() -> None:
    text = "On March 4, 1861, Lincoln was inaugurated. The next day he met his cabinet."
    assert values(text, None, mode="narrative") == [
        ("March 4, 1861", "DATE", "1861-03-04"),
        ("The next day", "DATE", "1861-03-05"),
    ]
    # news mode: "the next day" after the dated event is anaphoric too, never today's date
    news = values(text, DCT)
    assert news[1][2] == "1861-03-05"


def test_narrative_bare_month_takes_the_year_of_the_story() -> None:
    text = "The siege began in 1863. In June the city fell, and two years later the war ended."
    got = values(text, "2009-12-19", mode="narrative")
    assert ("June", "DATE", "1863-06") in got
    assert ("two years later", "DATE", "1865") in got


def test_bc_years_and_ranges() -> None:
    got = values("The revolt lasted from 499 to 493 BC; in 480 BC Xerxes came.", None, mode="narrative")
    assert [v for _, _, v in got] == ["BC0499", "BC0493", "BC0480"]
    got = values("In June 479 BC the Greeks won; on 27 August 479 BC the fleet sailed.", None, mode="narrative")
    assert [v for _, _, v in got] == ["BC0479-06", "BC0479-08-27"]


# --- without a document date ---------------------------------------------------------------


def test_no_date_anywhere_keeps_values_underspecified() -> None:
    got = values("He left last week and will return next month, not next year.", None)
    assert [v for _, _, v in got] == ["XXXX-WXX", "XXXX-XX", "XXXX"]
    for t in tag("He left last week.", None):  # no calendar period: nothing known about the bounds
        assert t.span is None or (t.span.earliest_start, t.span.latest_end) == (None, None)


def test_dct_is_read_from_the_text_when_absent() -> None:
    text = "Talks ended last week.\n\nWASHINGTON (AP) March 18, 2003 -- The talks ended."
    assert tag(text)[0].value == "2003-W11"


# --- bad input -----------------------------------------------------------------------------


@pytest.mark.parametrize("bad", [None, b"March 2003", 2003, ["2003"]])
def test_non_string_raises_type_error(bad: object) -> None:
    with pytest.raises(TypeError):
        tag(bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("dct", ["2003-02-30", "March", "18/03/2003x", 12])
def test_invalid_dct_raises_value_error_naming_it(dct: object) -> None:
    with pytest.raises(ValueError, match="dct"):
        tag("yesterday", dct)


def test_unknown_mode_raises_value_error() -> None:
    with pytest.raises(ValueError, match="mode"):
        tag("yesterday", DCT, mode="poetry")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    ["", "\x00\x01\x1b[31m 1999 \x7f", "lone \ud800 surrogate in 1999 \udfff", "🚀 4 July 1999 🎆", "\u202eMarch 3, 1999\u202c", "١٩٩٩ ١٩٩٩"],
)
def test_odd_text_returns_a_list(text: str) -> None:
    found = tag(text, DCT)
    assert isinstance(found, list)
    for t in found:
        assert text[t.start : t.end] == t.text


def test_a_megabyte_of_digits_is_quick() -> None:
    text = "0123456789" * 100_000
    start = time.process_time()
    assert tag(text, DCT) == []
    # generous bound: linear scanning takes a fraction of a second; backtracking would take hours
    assert time.process_time() - start < 30


def test_repeated_year_dashes_give_years() -> None:
    text = "1999-" * 2000
    found = tag(text, DCT)
    assert found
    assert all(t.value == "1999" for t in found)


SAMPLES = [
    "On 18 March 2003, Tuesday, March 18, 2003 and 3/18/2003 or 2003-03-18T10:30, the mid-1990s and the '90s.",
    "Last week, next month, two years ago, a year earlier, the past few months, the last year, this week.",
    "Fiscal 2002, the third quarter of 2002, its third-quarter profit, the year-earlier period, the first half.",
    "Every Monday, once a week, annually, per day, each year, at 10:30 a.m. EST Monday, noon Saturday, 5 o'clock.",
    "In the summer of 1914, last spring, Christmas, Easter Sunday, the Fourth of July, this coming Sunday.",
    "From 499 to 493 BC, in June 479 BC, A.D. 800, the 5th century BC, the twentieth century, 1915-17, 6-7 January.",
    "Yesterday morning, Friday night, the next day, that year, the weekend, recently, now, the future, for years.",
    "Nineteen ninety-one, the year two thousand, the nineties, two and a half years, 2 1/2 hours, a couple of days.",
]


def test_rule_first_tokens_cover_every_match() -> None:
    """The scanner tries a rule only where its 'first' token stands: that must lose no match."""
    from timeline.timex.recognize import TOKEN

    for text in SAMPLES:
        starts = {m.start(): m.group() for m in TOKEN.finditer(text)}
        for rule in rules(english()):
            for match in rule.regex.finditer(text):
                token = starts.get(match.start())
                assert token is not None, (rule.name, match.group())
                assert rule.first.fullmatch(token), (rule.name, token, match.group())


def test_every_rule_names_a_handler_and_a_first_token() -> None:
    from timeline.timex.normalize import HANDLERS

    for rule in rules(english()):
        assert rule.handler in HANDLERS, rule.name
        assert rule.first.pattern, rule.name


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["1999", "-", "March", " ", "3", "/", "the", "last", "week", ",", "ago", "two", "years", "a.m.", "10:30", "Monday", "early", "BC", "'s"]), max_size=40))
def test_date_soup_gives_disjoint_expressions(pieces: list[str]) -> None:
    text = "".join(pieces)
    previous = 0
    for t in tag(text, DCT):
        assert text[t.start : t.end] == t.text
        assert t.start >= previous
        previous = t.end


# --- corpus floors (the scores the rules reach; a rule that breaks them fails here) ----------

CORPORA = SHARED / "corpora"


def _corpus_scores(folder: Path, mode: str) -> tuple[float, float]:
    """(relaxed F1, value F1) of the tagger on every TimeML file under ``folder``."""
    from timeline.evaluate import evaluate
    from timeline.io.timeml import read_timeml

    pairs = []
    for path in sorted(folder.rglob("*.tml")):
        if path.name.startswith("._"):
            continue
        document = read_timeml(path)
        pairs.append((document.timexes, tag(document.text, document.dct, mode=mode)))  # type: ignore[arg-type]
    result = evaluate(pairs)
    value = next(a for a in result.attributes if a.name == "value")
    return result.relaxed.f1, value.f1


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPORA / "tbaq").exists(), reason="../shared/corpora/tbaq is absent")
@pytest.mark.parametrize(("part", "relaxed_floor", "value_floor"), [("TimeBank", 0.945, 0.833), ("AQUAINT", 0.935, 0.775)])
def test_news_scores_on_each_tbaq_source(part: str, relaxed_floor: float, value_floor: float) -> None:
    relaxed, value = _corpus_scores(CORPORA / "tbaq" / part, "news")
    assert relaxed >= relaxed_floor
    assert value >= value_floor


@pytest.mark.corpus
@pytest.mark.skipif(not (CORPORA / "wikiwars" / "timeml").exists(), reason="../shared/corpora/wikiwars is absent")
def test_narrative_scores_on_wikiwars() -> None:
    relaxed, value = _corpus_scores(CORPORA / "wikiwars" / "timeml", "narrative")
    assert relaxed >= 0.92
    assert value >= 0.83
