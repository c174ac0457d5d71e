"""Arguments of an event: actors with their roles, places, quantities.

Within the event's clause, entities before the trigger are its agents (recipients when the
trigger says the subject receives: "Tajikistan received aid"), entities after it recipients
("by X" and, for receiving, "from X" are agents), and places follow locative prepositions
("in Kant", "to Dushanbe", "out of Kyrgyzstan"). When the clause names no agent, the agent is
found as a reader would: a pronoun's person ("his trip": the last person named, or the
subject of the main clause after a fronted phrase), "we" in a quotation (the speaker's
country), "the two countries", a relative clause's antecedent, the sentence's subject.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from events.model import Actor, ActorKind, Mention, Place, Role
from events.text.entities import Entity, gazetteer

LOCATIVE = frozenset(["in", "to", "at", "into", "from", "near", "inside", "outside", "across", "toward", "towards", "for", "through", "around", "within", "throughout"])
ACTOR_KINDS = {
    "person": ActorKind.PERSON,
    "country": ActorKind.STATE,
    "capital": ActorKind.STATE,
    "demonym": ActorKind.STATE,
    "body": ActorKind.ORGANIZATION,
    "org": ActorKind.ORGANIZATION,
    "group": ActorKind.GROUP,
}


def entity_mention(entity: Entity, sentence: str) -> Mention:
    return Mention(entity.start, entity.end, entity.text, sentence)


def actor_of(entity: Entity, role: Role, sentence: str = "") -> Actor | None:
    """An ``Actor`` for an entity that can act (not a town or a region); of unknown kind for a
    name the gazetteer lacks."""
    if entity.kind == "name":
        return Actor(name=entity.name, kind=None, country=None, role=role, mention=entity_mention(entity, sentence))
    kind = ACTOR_KINDS.get(entity.kind)
    if kind is None:
        return None
    if kind is ActorKind.GROUP and entity.kind == "body":
        kind = ActorKind.GROUP
    name = entity.name
    if entity.kind == "body":
        body_kind = gazetteer().bodies.get(tuple(entity.name.lower().split()[1:]))
        kind = ActorKind.GROUP if body_kind == "group" else ActorKind.ORGANIZATION
    return Actor(name=name, kind=kind, country=entity.country, role=role, mention=entity_mention(entity, sentence))


def place_of(entity: Entity, sentence: str = "") -> Place | None:
    """A ``Place`` for a country, capital, town or region."""
    if entity.kind not in ("country", "capital", "city", "region"):
        return None
    return Place(entity.name, entity.country, entity.latitude, entity.longitude, entity_mention(entity, sentence))


def state_actor(country: str, role: Role, mention: Mention | None = None) -> Actor:
    """A state actor from an ISO alpha-3 code."""
    return Actor(name=gazetteer().country_name(country) or country, kind=ActorKind.STATE, country=country, role=role, mention=mention)


@attrs.define
class Arguments:
    """What the clause says about who and where."""

    actors: list[Actor] = attrs.field(factory=list)
    places: list[Place] = attrs.field(factory=list)

    @property
    def agents(self) -> list[Actor]:
        return [a for a in self.actors if a.role is Role.AGENT]

    def add_actor(self, actor: Actor | None) -> None:
        if actor is None:
            return
        for k, known in enumerate(self.actors):
            if known.name.lower() == actor.name.lower() and known.country == actor.country:
                if known.role is Role.RECIPIENT and actor.role is Role.AGENT:
                    self.actors[k] = actor
                return
        self.actors.append(actor)

    def add_place(self, place: Place | None) -> None:
        if place is not None and all(p.name.lower() != place.name.lower() for p in self.places):
            self.places.append(place)


def clause_arguments(
    entities: Sequence[Entity],
    lowers: Sequence[str],
    base: int,
    clause: tuple[int, int],
    head: tuple[int, int],
    subject_role: str,
    sentence: str,
    kind: str,
) -> Arguments:
    """Actors and places of the event with trigger tokens ``head`` (local [first, last]) in ``clause``.

    ``base`` is the global index of the sentence's first token; ``lowers`` its tokens in lower case.
    """
    args = Arguments()
    first, last = head
    subject = Role.RECIPIENT if subject_role == "recipient" else Role.AGENT
    for e in entities:
        i, j = e.i - base, e.j - base
        if i < clause[0] or j > clause[1] or first <= i <= last:
            continue
        prev = lowers[i - 1] if i > 0 else ""
        prev2 = lowers[i - 2] if i > 1 else ""
        locative = prev in LOCATIVE or (prev == "of" and prev2 == "out") or (prev in ("and", ",") and prev2 in LOCATIVE)
        if e.is_place or e.kind == "region":
            directly_after = kind == "Visit" and i > last and i - last <= 3
            if locative or directly_after or e.kind in ("city", "region"):
                args.add_place(place_of(e, sentence))
                if e.kind in ("city", "region"):
                    continue
                args.add_actor(actor_of(e, Role.RECIPIENT, sentence))
                continue
        if j <= first:
            role = subject
        elif prev == "by" or (prev == "from" and subject is Role.RECIPIENT):
            role = Role.AGENT
        else:
            role = Role.RECIPIENT
        args.add_actor(actor_of(e, role, sentence))
    return args
