"""The event model: frozen values, the TimelineItem protocol, labels, merging."""

from __future__ import annotations

import doctest

import attrs
import pytest

import events
from events import Actor, ActorKind, Event, Mention, Place, Quantity, Role, Status
from tests.conftest import ROOT
from timeline import ActorKey, Span, Timeline
from timeline.item import Evidence, TimelineItem


def make_event(**changes: object) -> Event:
    base = Event(
        id="visit-1",
        kind="Visit",
        status="planned",
        time=Span.from_timex3("2003-04"),
        actors=[Actor("Vladimir Putin", "person", "RUS", "agent"), Actor("Tajikistan", "state", "TJK", "recipient")],
        places=[Place("Dushanbe", "TJK", 38.5, 68.8)],
        mentions=[Mention(361, 415, "Vladimir Putin will pay a visit to Dushanbe next month", "s", "pay visit")],
        doc="seed",
        plover="AGREE",
        cameo="042",
    )
    return attrs.evolve(base, **changes)


def test_event_is_a_timeline_item() -> None:
    event = make_event()
    assert isinstance(event, TimelineItem)
    assert event.kind == "Visit"
    assert event.type == "Visit"
    assert event.status is Status.PLANNED
    assert str(event.status) == "planned"
    assert event.actor_names == ("Vladimir Putin", "Tajikistan")
    assert event.place_names == ("Dushanbe",)
    assert event.evidence == (Evidence("seed", 361, 415, "Vladimir Putin will pay a visit to Dushanbe next month", "s"),)
    assert len(Timeline([event])) == 1


def test_label_names_agent_and_destination() -> None:
    assert make_event().label == "Visit: Vladimir Putin to Dushanbe"
    assert make_event(actors=[], places=[]).label == "Visit"


def test_filter_by_iso3() -> None:
    event = make_event()
    assert "RUS" in event.countries
    assert "TJK" in event.countries
    assert event.actor_countries == {"RUS", "TJK"}
    assert "USA" not in event.countries


def test_values_are_frozen_and_converted() -> None:
    event = make_event()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        event.kind = "Meeting"  # type: ignore[misc]
    actor = Actor("Russia", "STATE", "RUS", "Agent")
    assert actor.kind is ActorKind.STATE
    assert actor.role is Role.AGENT
    with pytest.raises(ValueError, match="not-a-status"):
        Event(id="x", kind="Visit", status="not-a-status")


def test_merged_unions_mentions_actors_places_quantities() -> None:
    a = make_event()
    b = make_event(
        id="visit-9",
        mentions=[Mention(1362, 1395, "Putin's upcoming trip to Dushanbe")],
        actors=[Actor("Vladimir Putin", "person", "RUS", "agent"), Actor("Russia", "state", "RUS", "agent")],
        places=[Place("Tajikistan", "TJK"), Place("Dushanbe", "TJK")],
        quantities=[Quantity(1.0, "delegation")],
    )
    merged = a.merged([b])
    assert merged.id == "visit-1"
    assert merged.time == a.time
    assert [m.start for m in merged.mentions] == [361, 1362]
    assert merged.actor_names == ("Vladimir Putin", "Tajikistan", "Russia")
    assert merged.place_names == ("Dushanbe", "Tajikistan")
    assert merged.quantity == Quantity(1.0, "delegation")
    assert a.merged([]) == a


def test_merging_reports_of_other_documents_keeps_each_source() -> None:
    here = make_event()
    there = make_event(id="visit-2", doc="other-report")  # the same offsets, another document
    merged = here.merged([there])
    assert [(m.doc, m.start) for m in merged.mentions] == [(None, 361), ("other-report", 361)]
    assert [(e.doc, e.start) for e in merged.evidence] == [("seed", 361), ("other-report", 361)]
    assert merged.merged([there]) == merged


def test_docs_and_docstring_examples_run() -> None:
    page = ROOT / "docs" / "events.md"
    result = doctest.testfile(str(page), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0
    assert doctest.testmod(events, optionflags=doctest.ELLIPSIS).failed == 0


def test_timeline_merge_keeps_each_reports_evidence() -> None:
    here = Timeline([make_event()])
    there = Timeline([make_event(id="visit-2", doc="other-report")])
    (merged,) = Timeline.merge(here, there)
    assert sorted(e.doc for e in merged.evidence) == ["other-report", "seed"]


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


def _raid(ident: str, doc: str, agent: Actor) -> Timeline:
    event = Event(id=f"{doc}:{ident}", kind="Coercion", time=Span.from_timex3("1999-01-15"), actors=[agent], doc=doc)
    return Timeline([event], name=doc)


def test_reports_merge_by_the_actors_country_and_code_not_their_names() -> None:
    police = _raid("coercion-1", "a", Actor("Serbian police", "organization", "SRB", "agent", cameo="SRBCOP"))
    serbia = _raid("coercion-1", "b", Actor("Serbia", "state", "SRB", "agent", cameo="SRB"))
    croatia = _raid("coercion-1", "c", Actor("Croatia", "state", "HRV", "agent", cameo="HRV"))
    rebels = _raid("coercion-1", "d", Actor("Serbian rebels", "group", "SRB", "agent", cameo="SRBREB"))
    assert len(Timeline.merge(police, serbia)) == 1
    assert len(Timeline.merge(police, croatia)) == 2
    assert len(Timeline.merge(police, rebels)) == 2


def test_a_shorter_and_a_longer_name_of_a_person_are_one_actor() -> None:
    early = make_event(
        id="early:visit-1",
        doc="early",
        actors=[Actor("Helmut Kohl", "person", "DEU", "agent", cameo="DEUGOV"), Actor("France", "state", "FRA", "recipient")],
        places=[Place("Paris", "FRA")],
    )
    late = make_event(
        id="late:visit-1",
        doc="late",
        status="occurred",
        actors=[Actor("Kohl", "person", None, "agent"), Actor("France", "state", "FRA", "recipient")],
        places=[Place("Paris", "FRA")],
    )
    merged = late.merged([early])
    assert merged.actors[0] == Actor("Helmut Kohl", "person", "DEU", "agent", cameo="DEUGOV")
    assert merged.actor_names == ("Helmut Kohl", "France")
    assert merged.label == "Visit: Helmut Kohl to Paris"
    other_kohl = attrs.evolve(early, actors=[Actor("Kohl", "person", "AUT", "agent")])
    assert late.merged([other_kohl]).actor_names == ("Kohl", "France")  # Austria's Kohl is another
    third = attrs.evolve(late, id="third:visit-1", doc="third")
    (joined,) = Timeline.merge(Timeline([late]), Timeline([early]), Timeline([third]))
    assert joined.actor_names == ("Helmut Kohl", "France")
    assert joined.label == "Visit: Helmut Kohl to Paris"


def test_a_label_names_an_agent_once() -> None:
    twice = make_event(actors=[Actor("Kohl", "person", "DEU", "agent"), Actor("Kohl", "person", None, "agent")], places=[])
    assert twice.label == "Visit: Kohl"


def test_a_label_leaves_out_forces_of_a_state_it_names() -> None:
    russia = Actor("Russia", ActorKind.STATE, country="RUS", role=Role.AGENT)
    soldiers = Actor("soldiers", ActorKind.ORGANIZATION, country="RUS", role=Role.AGENT, cameo="RUSMIL")
    event = Event("e4", "Deployment", actors=[russia, soldiers], places=[Place("Kant", country="KGZ")])
    assert event.label == "Deployment: Russia to Kant"


def test_a_short_name_a_join_made_full_is_full_in_the_other_events_of_its_document() -> None:
    full = Actor("Helmut Kohl", "person", "DEU", "agent", cameo="DEUGOV")
    early = make_event(id="early:visit-1", doc="early", actors=[full], places=[Place("Paris", "FRA")])
    late = make_event(id="late:visit-1", doc="late", status="occurred", actors=[Actor("Kohl", "person", None, "agent")], places=[Place("Paris", "FRA")])
    meeting = Event(id="late:meeting-1", kind="Meeting", time=Span.from_timex3("2003-04"), doc="late",
                    actors=[Actor("Kohl", "person", None, "agent"), Actor("Mitterrand", "person", None, "recipient")])  # fmt: skip
    elsewhere = attrs.evolve(meeting, id="other:meeting-1", doc="other", time=Span.from_timex3("1999"))
    merged = Timeline.merge(Timeline([early]), Timeline([late, meeting]), Timeline([elsewhere]))
    assert merged["late:meeting-1"].actors[0] == full
    assert merged["late:meeting-1"].label == "Meeting: Helmut Kohl / Mitterrand"
    assert merged["other:meeting-1"].actor_names == ("Kohl", "Mitterrand")  # another report's Kohl is not known to be him
    german = attrs.evolve(meeting, actors=[Actor("Kohl", "person", "DEU", "agent")])
    assert german.with_actor_aliases({"Kohl": ActorKey("Helmut Kohl", "AUT", None, "person")}) == german  # another country: not him


def test_a_short_name_joins_made_two_actors_stays_short() -> None:
    def event(ident: str, doc: str, kind: str, name: str) -> Event:
        return Event(id=f"{doc}:{ident}", kind=kind, time=Span.from_timex3("1990-05"), doc=doc, actors=[Actor(name, "person", None, "agent")])

    reports = [
        Timeline([event("visit-1", "a", "Visit", "Helmut Kohl"), event("speech-1", "a", "Statement", "Hannelore Kohl")]),
        Timeline([event("visit-1", "b", "Visit", "Kohl"), event("speech-1", "b", "Statement", "Kohl"), event("meeting-1", "b", "Meeting", "Kohl")]),
    ]
    merged = Timeline.merge(*reports)
    assert len(merged.merges) == 2
    assert merged["b:meeting-1"].actor_names == ("Kohl",)  # which Kohl the report meant is not known
