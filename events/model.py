"""The event model: frozen, slotted value objects, each fact with its evidence.

An ``Event`` is what happened (its ``kind`` from the catalogue, with PLOVER and CAMEO codes),
who took part (``Actor``), where (``Place``), how much (``Quantity``), when (a
``timeline.Span``), whether it happened (``Status``) and where the text says so
(``Mention``). ``Event`` has the attributes of ``timeline.item.TimelineItem``, so a
``timeline.Timeline`` holds events as they are.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Hashable, Iterable, Mapping
from typing import TypeVar

import attrs

from timeline.item import Evidence
from timeline.merge import ActorKey
from timeline.span import Span

__all__ = [
    "PLACE_KINDS",
    "STATE_KINDS",
    "UNKNOWN_TIME",
    "Actor",
    "ActorKind",
    "Entity",
    "Event",
    "Mention",
    "Place",
    "Quantity",
    "Role",
    "Status",
]


class Status(enum.StrEnum):
    """Whether and how an event happened, as the text tells it."""

    OCCURRED = "occurred"
    ONGOING = "ongoing"
    PLANNED = "planned"
    FAILED = "failed"
    NEGATED = "negated"
    HYPOTHETICAL = "hypothetical"

    def __str__(self) -> str:
        return self.value

    @property
    def real(self) -> bool:
        """Whether the text asserts the event (happened, happening, planned or tried)."""
        return self not in (Status.NEGATED, Status.HYPOTHETICAL)


class ActorKind(enum.StrEnum):
    """What an actor is."""

    STATE = "state"
    PERSON = "person"
    ORGANIZATION = "organization"
    GROUP = "group"

    def __str__(self) -> str:
        return self.value


class Role(enum.StrEnum):
    """An actor's part in an event: who acts, and who is acted upon."""

    AGENT = "agent"
    RECIPIENT = "recipient"

    def __str__(self) -> str:
        return self.value


def _status(value: Status | str) -> Status:
    return value if isinstance(value, Status) else Status(str(value).lower())


def _actor_kind(value: ActorKind | str | None) -> ActorKind | None:
    return value if value is None or isinstance(value, ActorKind) else ActorKind(str(value).lower())


def _role(value: Role | str | None) -> Role | None:
    return value if value is None or isinstance(value, Role) else Role(str(value).lower())


@attrs.frozen(slots=True)
class Mention:
    """Where the text states a fact: character offsets into the document, the text, its sentence.

    ``trigger`` is the word or phrase that names the event ("pay a visit", "ratified"). ``doc``
    is None for a mention of the event's own document; a merged event's mentions from other
    documents name theirs. ``trigger_start`` and ``trigger_end`` are the trigger's offsets.
    """

    start: int
    end: int
    text: str = ""
    sentence: str = ""
    trigger: str = ""
    doc: str | None = None
    trigger_start: int | None = None
    trigger_end: int | None = None

    def evidence(self, doc: str | None = None) -> Evidence:
        """This mention as ``timeline``'s evidence; ``doc`` is the event's document."""
        return Evidence(doc=self.doc or doc, start=self.start, end=self.end, text=self.text, sentence=self.sentence)


@attrs.frozen(slots=True)
class Actor:
    """Who takes part: a state, person, organization or group; its country as ISO 3166-1 alpha-3,
    and its CAMEO actor code ("RUSGOV", "IGOUNO", "SRBCOP") when the dictionaries know it."""

    name: str
    kind: ActorKind | None = attrs.field(default=None, converter=_actor_kind)
    country: str | None = None
    role: Role | None = attrs.field(default=None, converter=_role)
    mention: Mention | None = None
    cameo: str | None = None


@attrs.frozen(slots=True)
class Place:
    """Where it happened: a name, its country (ISO alpha-3), and coordinates when known."""

    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    mention: Mention | None = None


@attrs.frozen(slots=True)
class Quantity:
    """How many or how much: a value, its unit ("soldiers", "USD"), a qualifier ("up to")."""

    value: float
    unit: str | None = None
    qualifier: str | None = None
    mention: Mention | None = None


UNKNOWN_TIME = Span(None, None, None, None)


def _actors(values: Iterable[Actor]) -> tuple[Actor, ...]:
    return tuple(values)


def _places(values: Iterable[Place]) -> tuple[Place, ...]:
    return tuple(values)


def _quantities(values: Iterable[Quantity]) -> tuple[Quantity, ...]:
    return tuple(values)


def _mentions(values: Iterable[Mention]) -> tuple[Mention, ...]:
    return tuple(values)


T = TypeVar("T")


def _unique(items: Iterable[T], key: Callable[[T], Hashable] | None = None) -> tuple[T, ...]:
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item) if key is not None else item
        if k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _named_once(actors: Iterable[Actor]) -> list[str]:
    """Each name once; a name that stands for several countries says which ("parliaments (RUS,
    TJK)" for "the Russian and Tajik parliaments"), never "parliaments and parliaments"."""
    countries: dict[str, list[str]] = {}
    for a in actors:
        seen = countries.setdefault(a.name, [])
        if a.country and a.country not in seen:
            seen.append(a.country)
    return [f"{name} ({', '.join(codes)})" if len(codes) > 1 else name for name, codes in countries.items()]


@attrs.frozen(slots=True)
class Event:
    """A typed event read from text (or made by hand), with the evidence for every fact.

    ``kind`` is a name from the catalogue (``events.kinds()``): "Visit", "Agreement" ...;
    ``plover`` its PLOVER v2 category for this event (intentions are ``AGREE``), ``plover_mode``
    the PLOVER mode, ``cameo`` the CAMEO code. ``time_text`` is the temporal expression the time
    was read from; ``time_basis`` says how it was found: ``timex`` (the clause's expression),
    ``relation`` (through another event, "during his trip"), ``present`` (an undated clause in
    the present, "is negotiating": the report's day), ``discourse`` (an undated simple-past
    event of a news story at the day its story last set: "Castro spoke on Thursday. Speaker
    after speaker denounced the United States"), ``tense`` (before or after the document date),
    ``narrative`` (between a history's dated events) or ``none``.
    """

    id: str
    kind: str
    status: Status = attrs.field(default=Status.OCCURRED, converter=_status)
    time: Span = UNKNOWN_TIME
    actors: tuple[Actor, ...] = attrs.field(default=(), converter=_actors)
    places: tuple[Place, ...] = attrs.field(default=(), converter=_places)
    quantities: tuple[Quantity, ...] = attrs.field(default=(), converter=_quantities)
    mentions: tuple[Mention, ...] = attrs.field(default=(), converter=_mentions)
    doc: str | None = None
    plover: str | None = None
    plover_mode: str | None = None
    cameo: str | None = None
    confidence: float = 1.0
    time_text: str | None = None
    time_basis: str = "none"

    # -- the TimelineItem protocol ------------------------------------------------------------

    @property
    def label(self) -> str:
        """A short human label: "Visit: Putin to Dushanbe"."""
        acting = [a for a in self.actors if a.role is not Role.RECIPIENT]
        states = {a.country for a in acting if a.kind is ActorKind.STATE}
        # "Russia and soldiers": forces or bodies of a state already named add nothing to a label
        agents = _named_once([a for a in acting if a.kind not in (ActorKind.ORGANIZATION, ActorKind.GROUP) or a.country not in states])[:2]
        others = [n for n in _named_once([a for a in self.actors if a.role is Role.RECIPIENT]) if n not in agents][:1]
        where = [p.name for p in self.places][:1]
        text = self.kind
        if agents:
            text += ": " + " and ".join(agents)
            target = where or others
            if target and target[0] not in agents:
                text += (" to " if self.kind.lower() in ("visit", "deployment", "aid") else " / ") + target[0]
        elif where:
            text += ": " + where[0]
        return text

    @property
    def actor_names(self) -> tuple[str, ...]:
        """The actors' names, each once."""
        return _unique(a.name for a in self.actors)

    @property
    def actor_keys(self) -> tuple[ActorKey, ...]:
        """What ``Timeline.merge`` compares the actors by: name, country, CAMEO code, kind."""
        return tuple(_key(a) for a in self.actors)

    @property
    def place_names(self) -> tuple[str, ...]:
        """The places' names, each once."""
        return _unique(p.name for p in self.places)

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        """The mentions as ``timeline.item.Evidence``."""
        return tuple(m.evidence(self.doc) for m in self.mentions)

    # -- conveniences --------------------------------------------------------------------------

    @property
    def type(self) -> str:
        """The kind's name (the event JSON calls it ``type``)."""
        return self.kind

    @property
    def countries(self) -> frozenset[str]:
        """ISO 3166-1 alpha-3 codes of the actors and places: filter with ``"RUS" in e.countries``."""
        codes = {a.country for a in self.actors} | {p.country for p in self.places}
        return frozenset(c for c in codes if c)

    @property
    def actor_countries(self) -> frozenset[str]:
        """ISO alpha-3 codes of the actors only."""
        return frozenset(a.country for a in self.actors if a.country)

    @property
    def quantity(self) -> Quantity | None:
        """The first quantity, or None."""
        return self.quantities[0] if self.quantities else None

    def with_actor_aliases(self, aliases: Mapping[str, ActorKey]) -> Event:
        """This event with each actor that ``aliases`` gives a fuller name ("Kohl":
        ``ActorKey("Helmut Kohl", "DEU", "DEUGOV")``) under that name, with what the key adds
        of its country and code; actors then named alike are one. ``Timeline.merge`` calls it
        with what joins showed of the event's document."""
        renamed = []
        for actor in self.actors:
            full = aliases.get(actor.name)
            if full is not None and _key(actor).same_name(full):
                actor = attrs.evolve(actor, name=full.name, country=actor.country or full.country, cameo=actor.cameo or full.code)
            renamed.append(actor)
        actors = _one_each(renamed)
        return self if actors == self.actors else attrs.evolve(self, actors=actors)

    def merged(self, others: Iterable[Event]) -> Event:
        """This event with the mentions, actors, places and quantities of ``others`` added.

        The id, kind, time and status stay this event's; facts are kept once each. Actors that
        name one party ("Kohl" and "Helmut Kohl": ``ActorKey.same_name``) are one actor, under
        the longer name, with what either knows of its country, code, kind and role.
        """
        others = list(others)
        own = self.doc
        # a mention keeps the document it was read in, so merged evidence names every source
        stamped = [
            m if m.doc is not None or e.doc == own else attrs.evolve(m, doc=e.doc)
            for e in (self, *others)
            for m in e.mentions
        ]
        mentions = sorted(
            _unique(stamped, key=lambda m: (m.doc, m.start, m.end)),
            key=lambda m: (m.doc is not None, m.doc or "", m.start, m.end),
        )
        actors = _one_each([*self.actors, *(a for o in others for a in o.actors)])
        places = _unique([*self.places, *(p for o in others for p in o.places)], key=lambda p: p.name.lower())
        quantities = _unique(
            [*self.quantities, *(q for o in others for q in o.quantities)], key=lambda q: (q.value, q.unit)
        )
        confidence = max([self.confidence, *(o.confidence for o in others)])
        return attrs.evolve(
            self,
            mentions=mentions,
            actors=actors,
            places=places,
            quantities=quantities,
            confidence=confidence,
        )


def _key(actor: Actor) -> ActorKey:
    return ActorKey(actor.name, actor.country, actor.cameo, None if actor.kind is None else str(actor.kind))


def _one_each(actors: Iterable[Actor]) -> tuple[Actor, ...]:
    """``actors`` with each party once: an actor that names one already kept joins it."""
    kept: list[Actor] = []
    for actor in actors:
        key = _key(actor)
        at = next((k for k, other in enumerate(kept) if key.same_name(_key(other))), None)
        if at is None:
            kept.append(actor)
            continue
        first = kept[at]
        name, mention = (actor.name, actor.mention) if len(actor.name) > len(first.name) else (first.name, first.mention)
        kept[at] = attrs.evolve(
            first,
            name=name,
            mention=mention,
            kind=first.kind or actor.kind,
            country=first.country or actor.country,
            role=first.role or actor.role,
            cameo=first.cameo or actor.cameo,
        )
    return tuple(kept)


STATE_KINDS = ("country", "capital", "demonym")
"""Entity kinds that stand for a state."""
PLACE_KINDS = ("country", "capital", "city")
"""Entity kinds that are places."""


@attrs.frozen(slots=True)
class Entity:
    """An entity of the text: its tokens [i, j) in its sentence's parse, character offsets into
    the document, what it is, its country (ISO alpha-3) and its CAMEO actor code."""

    i: int
    j: int
    start: int
    end: int
    text: str
    kind: str  # country, capital, city, region, demonym, org, group, body, agent, person, name
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    cameo: str | None = None
    sentence: int = 0

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS
