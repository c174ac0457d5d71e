"""The event model's label: agents, target, each name once."""

from __future__ import annotations

from events.model import Actor, ActorKind, Event, Place, Role


def test_a_label_never_repeats_a_name() -> None:
    parliaments = [Actor("parliaments", ActorKind.ORGANIZATION, country=c, role=Role.AGENT) for c in ("RUS", "TJK")]
    assert Event("e1", "Ratification", actors=parliaments).label == "Ratification: parliaments (RUS, TJK)"


def test_a_label_names_agents_and_target() -> None:
    putin = Actor("Vladimir Putin", ActorKind.PERSON, country="RUS", role=Role.AGENT)
    putin_again = Actor("Vladimir Putin", ActorKind.PERSON, country="RUS", role=Role.AGENT)
    event = Event("e2", "Visit", actors=[putin, putin_again], places=[Place("Dushanbe", country="TJK")])
    assert event.label == "Visit: Vladimir Putin to Dushanbe"


def test_a_recipient_named_like_an_agent_is_not_the_target() -> None:
    agent = Actor("Russia", ActorKind.STATE, country="RUS", role=Role.AGENT)
    same = Actor("Russia", ActorKind.STATE, country="RUS", role=Role.RECIPIENT)
    assert Event("e3", "Statement", actors=[agent, same]).label == "Statement: Russia"
