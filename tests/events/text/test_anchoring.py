"""The expression the parse attaches to a trigger: modifiers of the trigger, of the verb that
frames it, of the clause of the same moment; never the nearest expression."""

from __future__ import annotations

import pytest

import events
from events.text import parse
from events.text.anchoring import scene_verb
from events.text.timing import iso


def one(doc: events.Document, kind: str) -> events.Event:
    found = [e for e in doc.events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.mentions[0].text) for e in doc.events]
    return found[0]


def day(event: events.Event) -> str | None:
    start = iso(event.time.earliest_start)
    end = iso(event.time.latest_end, end=True)
    assert start is not None
    assert end is not None
    return start[:10] if start[:10] == end[:10] else f"{start[:10]}..{end[:10]}"


def test_a_phrase_on_the_subject_before_the_verb_dates_the_verb() -> None:
    doc = events.read("The two presidents on Friday signed the plan.", dct="1998-02-27")
    assert day(one(doc, "Agreement")) == "1998-02-27"


def test_a_bare_date_the_parse_hangs_on_the_object_dates_the_verb() -> None:
    doc = events.read("Police seized a car bomb under construction Sunday in a town near the border.", dct="1998-03-22")
    assert day(one(doc, "Coercion")) == "1998-03-22"


def test_an_aspectual_verb_gives_its_complement_its_time() -> None:
    doc = events.read("On Friday, the rebels began attacking the town.", dct="1998-02-27")
    attack = one(doc, "Attack")
    assert attack.time_text == "Friday"
    assert day(attack) == "1998-02-27"


def test_a_when_clause_takes_the_main_clause_s_time() -> None:
    doc = events.read("The minister was speaking yesterday when the rebels attacked the town.", dct="1990-08-13")
    assert day(one(doc, "Attack")) == "1990-08-12"


def test_a_when_clause_on_a_time_expression_takes_that_time() -> None:
    text = "In contrast to Thursday, when 135 people were arrested, protesters in Miami were much calmer Friday."
    assert day(one(events.read(text, dct="2000-01-07"), "Coercion")) == "2000-01-06"


def test_a_fronted_time_heads_a_conjoined_clause_with_its_own_subject() -> None:
    text = "In June 1997, the leadership fell out, and Pol Pot was arrested."
    assert day(one(events.read(text, dct="1998-02-19"), "Coercion")) == "1997-06-01..1997-06-30"


def test_a_later_conjoined_clause_with_its_own_subject_keeps_its_own_time() -> None:
    text = "The leadership fell out in June 1997, and Pol Pot was arrested."
    assert one(events.read(text, dct="1998-02-19"), "Coercion").time_basis == "tense"


def test_a_noun_event_is_the_scene_of_its_verb() -> None:
    doc = events.read("President Clinton criticized the ruling at a news conference Friday.", dct="1998-02-06")
    conference = [e for e in doc.events if any("conference" in m.trigger for m in e.mentions)]
    assert conference
    assert day(conference[0]) == "1998-02-06"


def test_a_possessive_date_dates_its_noun() -> None:
    doc = events.read("The move follows Tuesday's attack on the convoy.", dct="1989-10-27")
    assert day(one(doc, "Attack")) == "1989-10-24"


@pytest.mark.parametrize("text", ["The FBI arrested him in the early hours of Thursday morning.",
                                  "The FBI arrested him at the end of Thursday."])  # fmt: skip
def test_the_of_phrase_of_a_prepositional_object_dates_the_verb(text: str) -> None:
    arrest = one(events.read(text, dct="1999-10-08"), "Coercion")
    assert arrest.time_basis == "timex"
    assert day(arrest) == "1999-10-07"


def test_a_scheduled_event_takes_the_time_it_is_set_for() -> None:
    doc = events.read("The authorities scheduled talks for next Monday.", dct="1999-10-08")
    assert day(one(doc, "Negotiation")) == "1999-10-11"


def test_an_adverb_s_phrase_dates_the_verb() -> None:
    doc = events.read("Rebels attacked the town late on Friday.", dct="2000-04-03")  # a Monday
    assert day(one(doc, "Attack")) == "2000-03-31"


def test_a_bare_date_right_after_a_scene_noun_is_the_scene_s() -> None:
    text = "Thousands of people honoured the men who founded the party more than four decades ago in a rally Saturday demanding new elections."
    rally = one(events.read(text, dct="2012-05-06"), "Protest")  # a Sunday
    assert rally.time_text == "Saturday"
    assert day(rally) == "2012-05-05"


@pytest.mark.parametrize(("text", "expected"), [("The president urged the rebels to return to the talks two weeks ago.", "2012-W16"),
                                                ("The president asked parliament to approve the budget yesterday.", "2012-05-05")])  # fmt: skip
def test_a_past_expression_on_the_infinitive_of_a_past_verb_dates_the_verb(text: str, expected: str) -> None:
    request = one(events.read(text, dct="2012-05-06"), "Request")
    assert (request.time_basis, request.time.timex) == ("timex", expected)


def test_a_later_expression_on_the_infinitive_is_not_the_past_verb_s() -> None:
    request = one(events.read("The president urged parliament to approve the budget next week.", dct="2012-05-06"), "Request")
    assert request.time_basis == "tense"


def test_an_attempt_s_time_dates_what_was_attempted() -> None:
    aid = one(events.read("Last month, the U.S. Congress failed to pass a 60 billion dollar aid package.", dct="2024-01-13"), "Aid")
    assert (aid.status, aid.time.timex) == (events.Status.FAILED, "2023-12")


def test_from_one_date_to_another_is_one_span() -> None:
    war = one(events.read("The two countries fought a war from 1998 to 2000.", dct="2018-07-10"), "Attack")
    assert day(war) == "1998-01-01..2000-12-31"


def test_a_date_phrase_on_an_object_that_is_no_event_dates_the_verb() -> None:
    summons = one(events.read("Manila summoned China's ambassador on Monday to protest the incident.", dct="2024-03-26"), "Accusation")
    assert (summons.time_basis, day(summons)) == ("timex", "2024-03-25")


@pytest.mark.parametrize(("text", "noun", "verb"), [
    ("``We will find them,'' said Freeh at a press conference at the airport.", "conference", "said"),  # the parse hangs "at" on Freeh
    ("The minister said at a news conference that talks would resume.", "conference", "said"),
    ("The governor told a news conference that the army would respond.", "conference", "told"),
    ("The governor flew to Bamako after the news conference.", "conference", None),  # a time relation, not a scene
])  # fmt: skip
def test_the_verb_a_noun_event_is_the_scene_of(text: str, noun: str, verb: str | None) -> None:
    doc = parse.load_model()(text)
    found = scene_verb(next(t for t in doc if t.lower_ == noun))
    assert (found.lower_ if found is not None else None) == verb
