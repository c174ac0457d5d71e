"""The candidates stage: what is an event and what only frames, aims at or stands for one."""

from __future__ import annotations

import pytest

import events

DCT = "2024-05-15"


def kinds(text: str) -> list[str]:
    return [e.kind for e in events.read(text, dct=DCT).events]


@pytest.mark.parametrize("text", [
    "The situation changed when the U.S. began its antiterrorism campaign in Afghanistan.",
    "The government launched a vaccination drive last month.",
])  # fmt: skip
def test_an_undertaking_without_an_aim_is_no_appeal(text: str) -> None:
    assert "Request" not in kinds(text)


def test_an_undertaking_with_its_aim_is_coded() -> None:
    assert "Request" in kinds("The opposition began a campaign for the release of political prisoners.")


@pytest.mark.parametrize("text", [
    "Russia has maintained its position in Central Asia since the breakup of the Soviet Union.",
    "China has kept its presence in the region for decades.",
])  # fmt: skip
def test_a_standing_somewhere_is_no_stance(text: str) -> None:
    assert "Rejection" not in kinds(text)


def test_a_stance_is_still_a_rejection() -> None:
    assert "Rejection" in kinds("Iran maintained its position on the nuclear programme.")


@pytest.mark.parametrize("text", [
    "Moscow has been trying to forge a close alliance with Bishkek.",
    "Turkey is seeking to forge closer ties with Egypt.",
])  # fmt: skip
def test_the_aim_of_an_unresolved_attempt_is_no_event(text: str) -> None:
    assert "Cooperation" not in kinds(text)


def test_a_failed_attempt_keeps_its_event_as_failed() -> None:
    doc = events.read("Ivanov tried but failed to persuade the Tajik leaders.", dct=DCT)
    assert [(e.kind, e.status) for e in doc.events] == [("Negotiation", events.Status.FAILED)]


@pytest.mark.parametrize(("text", "kind"), [
    ("In one case, riot police had to use tear gas to clear them.", "Protest"),
    ("Three aid workers were wounded near the border.", "Aid"),
    ("Election officials counted the ballots overnight.", "Election"),
])  # fmt: skip
def test_a_trigger_word_naming_who_someone_is_is_no_event(text: str, kind: str) -> None:
    assert kind not in kinds(text)


def test_time_spent_is_no_event() -> None:
    assert "Aid" not in kinds("Albright spent about five hours in Tanzania before heading to Nairobi.")


@pytest.mark.parametrize("text", [
    "We extend our heartfelt sympathies to the victims and their families.",
    "The goods were transported by road from Tanzania to Kenya.",
])  # fmt: skip
def test_extending_and_transporting_alone_are_no_aid(text: str) -> None:
    assert "Aid" not in kinds(text)


@pytest.mark.parametrize("text", [
    "The visit was designed to demonstrate U.S. resolve in the face of growing threats.",
    "The accession is the clearest demonstration of the alliance's strength.",
])  # fmt: skip
def test_showing_something_is_no_protest(text: str) -> None:
    assert "Protest" not in kinds(text)


def test_people_demonstrating_protest() -> None:
    assert "Protest" in kinds("Thousands demonstrated in the capital on Sunday against the new law.")


def test_a_pattern_word_may_be_a_conjunct_of_the_object() -> None:
    assert "Attack" in kinds("Iran launched drones and missiles at Israel on Saturday night.")


def test_a_legislature_approving_a_constitution_ratifies_it() -> None:
    assert "Ratification" in kinds("The Uzbek parliament approved a new constitution on Wednesday.")


def test_armed_forces_leaving_a_country_withdraw() -> None:
    doc = events.read("The last French soldiers left Niger on Friday.", dct=DCT)
    assert [(e.kind, e.actor_countries) for e in doc.events] == [("Withdrawal", frozenset({"FRA", "NER"}))]
    assert "Withdrawal" not in kinds("The minister left Paris on Friday.")


def test_an_act_done_to_protest_is_a_protest() -> None:
    doc = events.read("Greek farmers blocked highways with tractors to protest rising costs.", dct=DCT)
    assert [(e.kind, e.status, e.actor_countries) for e in doc.events] == [("Protest", events.Status.OCCURRED, frozenset({"GRC"}))]


def test_a_participle_of_aim_is_no_event_of_its_own() -> None:
    text = "The United States imposed new sanctions on Iran on Wednesday, targeting a dozen companies accused of shipping crude to China."
    assert kinds(text) == ["Sanction"]


@pytest.mark.parametrize("text", ["Ferdinand II sent an army into Bohemia.", "Britain dispatched a fleet to the Baltic."])
def test_sending_an_army_or_a_fleet_is_a_deployment(text: str) -> None:
    assert kinds(text) == ["Deployment"]


@pytest.mark.parametrize("text", ["The two countries went to war again in 1965.", "India and Pakistan fought their first war over Kashmir in 1947."])
def test_going_to_war_or_fighting_one_is_an_attack(text: str) -> None:
    assert kinds(text) == ["Attack"]
