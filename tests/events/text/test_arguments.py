"""The arguments stage: who acts, with which country and CAMEO code, and who is acted upon."""

from __future__ import annotations

import events
from events import Event, Role

DCT = "2024-05-15"


def event(text: str, kind: str) -> Event:
    found = [e for e in events.read(text, dct=DCT).events if e.kind == kind]
    assert found, [e.kind for e in events.read(text, dct=DCT).events]
    return found[0]


def sides(e: Event) -> set[tuple[str | None, Role]]:
    return {(a.country, a.role) for a in e.actors}


def test_a_possessed_force_is_its_owner_and_no_party_of_its_own() -> None:
    e = event("Moscow pulled its troops out of Kyrgyzstan in 1999.", "Withdrawal")
    assert sides(e) == {("RUS", Role.AGENT), ("KGZ", Role.RECIPIENT)}
    assert "troops" not in e.actor_names


def test_forces_deployed_by_a_body_are_not_a_recipient() -> None:
    e = event("The Pentagon said it would deploy 2,000 additional troops to Poland.", "Deployment")
    assert ("USA", Role.AGENT) in sides(e)
    assert all(a.country is not None for a in e.actors)


def test_of_from_and_in_give_an_actor_its_country() -> None:
    talks = event("Negotiators from Sudan's army resumed talks in Jeddah on Monday.", "Negotiation")
    assert [(a.name, a.country, a.cameo) for a in talks.actors] == [("army", "SDN", "SDNMIL")]
    protest = event("Police fired tear gas at demonstrators in Nairobi who were protesting against tax increases.", "Protest")
    assert protest.actor_countries == {"KEN"}


def test_a_noun_naming_no_one_takes_the_actors_of_its_of_phrase() -> None:
    e = event("Thousands of protesters marched through the streets of Tbilisi on Sunday.", "Protest")
    assert e.actor_countries == {"GEO"}
    assert e.place_names == ("Tbilisi",)


def test_an_agent_noun_without_a_country_takes_the_place_of_the_event() -> None:
    e = event("Gunmen killed twelve villagers in an attack in central Mali on Saturday.", "Attack")
    assert "MLI" in e.actor_countries


def test_the_person_of_an_apposition_acts_not_the_title() -> None:
    e = event("The foreign minister of Brazil, Mauro Vieira, arrived in Caracas for talks.", "Visit")
    agents = [(a.name, a.country) for a in e.actors if a.role is Role.AGENT]
    assert agents == [("Mauro Vieira", "BRA")]


def test_an_infinitive_gives_the_target_of_a_threat() -> None:
    e = event("North Korea threatened to retaliate against South Korea over the drills.", "Threat")
    assert sides(e) == {("PRK", Role.AGENT), ("KOR", Role.RECIPIENT)}


def test_with_inside_the_object_is_the_other_side_of_an_agreement() -> None:
    e = event("Ethiopia signed a memorandum of understanding on sea access with Somalia's breakaway region.", "Agreement")
    assert e.actor_countries == {"ETH", "SOM"}


def test_the_giver_of_aid_received_is_its_agent_and_no_place() -> None:
    e = event("Neighboring Uzbekistan received around $120 million from the U.S. last year.", "Aid")
    assert sides(e) == {("USA", Role.AGENT), ("UZB", Role.RECIPIENT)}
    assert e.places == ()


def test_a_known_organization_is_what_it_refers_to() -> None:
    e = event("The World Bank said it would lend $1.5 billion to Ethiopia.", "Aid")
    assert any(a.name == "World Bank" and a.cameo and a.cameo.startswith("IGO") for a in e.actors)


def test_the_subject_after_a_framing_event_is_no_party_to_it() -> None:
    doc = events.read("Following the bombing in Nairobi, Kenya closed its border with Somalia.", dct=DCT)
    bombing = [e for e in doc.events if e.kind == "Attack"]
    assert all("KEN" not in e.actor_countries for e in bombing)
    assert not [e for e in events.read("Saudi Arabia did not comment on the agreement.", dct=DCT).events if "SAU" in e.actor_countries]


def test_the_subject_of_a_clause_framed_by_talks_or_a_journey_takes_part_in_them() -> None:
    visit = event("During an official visit to Tajikistan, Ivanov said Russia would open a base.", "Visit")
    assert "Ivanov" in visit.actor_names
    talks = event("After talks with Putin in Moscow, Xi said relations were good.", "Negotiation")
    assert {a.name for a in talks.actors if a.role is Role.AGENT} == {"Xi"}


def test_only_the_partner_of_a_framed_clause_joins_the_framing_event() -> None:
    talks = event("After the talks, the minister flew to London.", "Negotiation")
    assert "GBR" not in talks.actor_countries  # where the minister went next is no party to the talks
    meeting = event("At the meeting in Geneva, Iran agreed with France to halt enrichment.", "Meeting")
    assert {"IRN", "FRA"} <= meeting.actor_countries


def test_a_conjoined_clause_s_own_subject_is_not_the_first_clause_s() -> None:
    doc = events.read("Under the deal, Houthi rebels will withdraw from the port of Hodeidah and the Saudi-led coalition will halt air strikes.", dct=DCT)
    assert [e.kind for e in doc.events if "rebels" in e.actor_names] == ["Withdrawal"]


def test_a_journey_that_opens_the_clause_frames_it_and_is_an_event() -> None:
    visit = event("On a visit to Beijing, Putin praised China.", "Visit")
    assert ("RUS", Role.AGENT) in sides(visit)
    assert "Putin" in event("Putin said on a visit to Beijing that ties were strong.", "Visit").actor_names


def test_the_journey_a_speaker_comments_on_is_not_his() -> None:
    visit = event("Putin commented on the visit to Beijing.", "Visit")
    assert "Putin" not in visit.actor_names


def test_an_inherited_subject_is_passive_as_its_own_verb_is() -> None:
    killing = event("Gustavus Adolphus won a great victory at Breitenfeld but was killed at Lützen.", "Attack")
    assert [(a.name, a.role) for a in killing.actors] == [("Gustavus Adolphus", Role.RECIPIENT)]
    treaty = event("The king was defeated at Lutter and signed a treaty with the emperor.", "Agreement")
    assert all(a.role is Role.AGENT for a in treaty.actors if a.name == "king")
    charged = event("Two men were arrested on Monday and charged with murder.", "Coercion")
    assert {a.role for a in charged.actors} == {Role.RECIPIENT}


def test_a_body_takes_the_country_of_a_named_possessor() -> None:
    assert event("Iran's foreign ministry denounced the sanctions.", "Accusation").actor_countries == {"IRN"}


def test_the_subject_of_a_reported_clause_is_the_reporter_when_they_agree() -> None:
    text = "Congress met on Monday. The students said they would resume protests."
    protest = [e for e in events.read(text, dct=DCT).events + events.read(text, dct=DCT).unrealized if e.kind == "Protest"]
    assert [a.name for a in protest[0].actors] == ["students"]


def test_an_unplaced_side_of_a_meeting_is_not_completed_from_the_story() -> None:
    text = "The United States imposed sanctions on Iran. European diplomats will meet Iranian negotiators in Vienna next Tuesday."
    meeting = event(text, "Meeting")
    assert "USA" not in meeting.actor_countries


def test_both_countries_are_the_last_two_states_named() -> None:
    text = "Relations between Turkey and Greece soured in 2020. Both countries sent warships to the area."
    assert event(text, "Deployment").actor_countries == {"TUR", "GRC"}


def test_a_bare_noun_after_a_preposition_is_no_actor() -> None:
    denunciation = event("Evo Morales denounced the delay from exile in Buenos Aires.", "Accusation")
    assert [a.name for a in denunciation.actors] == ["Evo Morales"]


def test_parties_to_talks_abroad_keep_no_country_of_the_venue() -> None:
    talks = event("The rebels held talks with the government in Doha.", "Negotiation")
    assert "QAT" not in talks.actor_countries
    assert event("Gunmen attacked a village in central Mali.", "Attack").actor_countries == {"MLI"}


def test_a_town_of_another_clause_does_not_place_an_event() -> None:
    text = "Bolivia's crisis deepened. Former President Evo Morales, who resigned after disputed elections, spoke from Buenos Aires."
    elections = event(text, "Election")
    assert "ARG" not in elections.actor_countries
