"""The entities stage: names joined with the gazetteer and the actor dictionaries."""

from __future__ import annotations

import events

DCT = "2024-05-15"


def entities(text: str) -> list[tuple[str, str, str | None, str | None]]:
    return [(e.name, e.kind, e.country, e.cameo) for e in events.read(text, dct=DCT).entities]


def test_a_name_the_model_cut_short_is_the_dictionary_name() -> None:
    assert ("Boko Haram", "group", "NGA", "NGAREB") in entities("Chadian troops attacked a Boko Haram camp near Lake Chad.")


def test_a_known_organization_has_its_dictionary_code() -> None:
    assert ("Pentagon", "org", "USA", "USAMIL") in entities("The Pentagon said the drills would go ahead.")


def test_a_title_with_a_possessive_country_gives_the_person_its_country() -> None:
    found = entities("Argentina's President Javier Milei is to travel to Israel next month.")
    assert ("Javier Milei", "person", "ARG") in [x[:3] for x in found]


def test_a_title_is_no_part_of_a_dictionary_name() -> None:
    names = [x[0] for x in entities("Russian President Vladimir Putin will pay a visit to Dushanbe next month.")]
    assert "Vladimir Putin" in names


def test_a_state_the_model_missed_is_found_in_the_gazetteer() -> None:
    assert ("Uzbekistan", "country", "UZB", "UZB") in entities("Neighboring Uzbekistan received around $120 million last year.")


def test_a_surname_alone_is_the_person_named_before_even_when_the_model_misses_it() -> None:
    doc = events.read("Prime Minister Rishi Sunak visited Kyiv on Friday. Sunak met President Volodymyr Zelenskiy and signed a security agreement.", dct="2024-01-13")
    meeting = next(e for e in doc.events if e.kind == "Meeting")
    assert [a.name for a in meeting.actors if a.role is events.Role.AGENT] == ["Rishi Sunak"]
