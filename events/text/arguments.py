"""The arguments stage: who acts, who is acted upon, where, and how much, from the tree.

- the subject, or the agent of a passive ("by X"), is the agent; the object, or the noun of
  "to", "with" or "against", is the recipient; a passive's subject is the recipient;
- a noun trigger's possessor ("Putin's trip") or its country adjective ("the Russian raid") is
  its agent, and a light verb's subject acts for it ("Putin will pay a visit");
- a verb with no subject of its own takes its governing verb's ("agreed to meet", "came and went")
  or the noun its relative clause modifies;
- pronouns ("he", "his", "it") are the last person or state before them;
- the victim of an attack is never its agent: an attack kind's passive subject is a recipient;
- a capital used for its government is that state, never a second party beside it; a place
  after "in", "at" or "to" is a place.
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from events.model import Actor, ActorKind, Entity, Mention, Place, Quantity, Role
from events.text.candidates import Candidate
from events.text.gazetteer import gazetteer
from events.text.lexicon import lexicon
from events.text.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ACTOR_KINDS",
    "FRAMING_PREPS",
    "PERSON_PRONOUNS",
    "PLACE_PREPS",
    "RECIPIENT_PREPS",
    "STATE_PRONOUNS",
    "SUBJECTS",
    "Arguments",
    "Memory",
    "read_arguments",
    "supported",
]

SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
RECIPIENT_PREPS = frozenset({"to", "with", "against", "on", "at", "into", "toward", "towards", "from"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "inside", "across", "from"})
FRAMING_PREPS = frozenset({"during", "on", "after", "before", "following", "at", "throughout"})
PERSON_PRONOUNS = frozenset({"he", "his", "him", "she", "her", "hers"})
STATE_PRONOUNS = frozenset({"it", "its", "they", "their", "them"})
ACTOR_KINDS = {"country": ActorKind.STATE, "capital": ActorKind.STATE, "demonym": ActorKind.STATE,
               "person": ActorKind.PERSON, "org": ActorKind.ORGANIZATION, "body": ActorKind.ORGANIZATION,
               "group": ActorKind.GROUP, "agent": ActorKind.GROUP}  # fmt: skip


@attrs.define
class Arguments:
    """What a candidate's tree gives it."""

    actors: list[Actor] = attrs.field(factory=list)
    places: list[Place] = attrs.field(factory=list)
    quantities: list[Quantity] = attrs.field(factory=list)

    def add(self, actor: Actor) -> None:
        for k, have in enumerate(self.actors):
            if have.country == actor.country and (have.name == actor.name or actor.kind is ActorKind.STATE or have.kind is ActorKind.STATE) and actor.country:
                if have.kind is ActorKind.STATE and actor.kind is not ActorKind.STATE and have.role == actor.role:
                    self.actors[k] = actor  # "Igor Ivanov" says more than "Russia"
                return
            if have.name.lower() == actor.name.lower() and have.country == actor.country:
                return
        self.actors.append(actor)


@attrs.define
class Memory:
    """The entities of the document so far, for pronouns."""

    persons: list[Entity] = attrs.field(factory=list)
    states: list[Entity] = attrs.field(factory=list)
    agents_of_kind: dict[str, list[Actor]] = attrs.field(factory=dict)
    countries: collections.Counter[str] = attrs.field(factory=collections.Counter)

    def last_states(self, n: int, exclude: set[str], before: Sequence[Entity] = ()) -> list[Entity]:
        """The last ``n`` distinct states named (``before``: this sentence's, so far), leaving
        out the countries ``exclude``."""
        out: list[Entity] = []
        for e in reversed([*self.states, *(x for x in before if x.country and x.kind in ("country", "capital", "demonym", "person"))]):
            if e.country and e.country not in exclude and e.country not in {x.country for x in out} and e.kind != "org":
                out.append(e)
                if len(out) == n:
                    break
        return out

    def focus(self) -> str | None:
        """The country the story is about: the one named most so far."""
        return self.countries.most_common(1)[0][0] if self.countries else None

    def note(self, entities: Iterable[Entity]) -> None:
        for e in entities:
            if e.kind == "person":
                self.persons.append(e)
            if e.country and e.kind in ("country", "capital", "demonym", "org", "body", "person"):
                self.states.append(e)
            if e.country and e.kind != "person":
                self.countries[e.country] += 1
        del self.persons[:-50]
        del self.states[:-50]


def read_arguments(cands: Sequence[Candidate], entities: Sequence[Sequence[Entity]]) -> list[Arguments]:
    """The arguments of each candidate."""
    memory = Memory()
    out: list[Arguments] = []
    by_sentence: dict[int, list[Candidate]] = {}
    for c in cands:
        by_sentence.setdefault(c.sentence.index, []).append(c)
    results: dict[int, Arguments] = {}
    for n, ents in enumerate(entities):
        for c in by_sentence.get(n, ()):
            found = results[id(c)] = _arguments(c, ents, memory)
            _from_discourse(c, found, memory, ents)
        memory.note(ents)
    out = [results[id(c)] for c in cands]
    return out


def _entity_at(tok: Token, ents: Sequence[Entity]) -> Entity | None:
    for e in ents:
        if e.i <= tok.i < e.j:
            return e
    return None


def _phrase_entities(tok: Token, ents: Sequence[Entity]) -> list[tuple[Entity, Token]]:
    """The entities a noun phrase names: its head's entity, its conjuncts', an apposition's,
    the country modifiers of an agent noun."""
    out: list[tuple[Entity, Token]] = []
    for t in [tok, *_conjuncts(tok)]:
        hits = [e for e in ents if e.i <= t.i < e.j]
        if not hits:
            for c in t.children:
                if c.dep_ in ("compound", "poss", "amod", "appos", "nmod"):
                    hits += [e for e in ents if e.i <= c.i < e.j and e.kind in ("person", "org", "body", "country", "demonym", "capital", "agent", "group")]
        for e in hits:
            if all(e is not x for x, _ in out):
                out.append((e, t))
    return out


def _conjuncts(tok: Token) -> list[Token]:
    out = []
    for c in tok.children:
        if c.dep_ == "conj":
            out.append(c)
            out.extend(_conjuncts(c))
    return out


def _actor(e: Entity, role: Role, c: Candidate) -> Actor | None:
    if e.kind in ("city", "region", "name"):
        return None
    kind = ACTOR_KINDS.get(e.kind)
    if kind is None:
        return None
    name = e.name
    if e.kind in ("capital", "demonym") and e.country:
        name = gazetteer().country_name(e.country) or e.name
    mention = Mention(e.start, e.end, e.text, c.sentence.text)
    return Actor(name=name, kind=kind, country=e.country, role=role, mention=mention, cameo=e.cameo)


def _pronoun_entity(tok: Token, memory: Memory, ents: Sequence[Entity]) -> Entity | None:
    low = tok.lower_
    earlier = [e for e in ents if e.j <= tok.i]
    if low in PERSON_PRONOUNS:
        people = [e for e in earlier if e.kind == "person"]
        if people:
            return people[-1]
        later = [e for e in ents if e.kind == "person" and e.i > tok.i and _clause_root(tok).i == _clause_root(tok.doc[e.i]).i]
        if later and tok.dep_ == "poss" and tok.i < tok.sent.root.i:
            return later[0]  # "Shortly after his trip to Dushanbe, Ivanov said"
        return memory.persons[-1] if memory.persons else None
    if low in ("we", "our", "us"):
        speakers = [e for e in ents if e.kind == "person" and e.country] or [e for e in memory.persons if e.country][-1:]
        if speakers:
            return speakers[0]
    if low in STATE_PRONOUNS:
        states = [e for e in earlier if e.country and e.kind in ("country", "capital", "demonym")]
        if states:
            return states[-1]
        return memory.states[-1] if memory.states else None
    return None


def _clause_root(tok: Token) -> Token:
    return tok.sent.root


def _args_of(tok: Token, ents: Sequence[Entity], memory: Memory) -> list[tuple[Entity, Token]]:
    if tok.tag_ in ("WP", "WDT") or (tok.lower_ == "that" and tok.dep_ in ("nsubj", "nsubjpass")):
        verb = tok.head
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return _args_of(_named_head(verb.head), ents, memory)  # "the chief ... who visited"
        return []
    if tok.pos_ == "PRON":
        e = _pronoun_entity(tok, memory, ents)
        return [(e, tok)] if e is not None else []
    found = _phrase_entities(tok, ents)
    pair = tok.lemma_.lower() in lexicon().pair_nouns or tok.lower_ in lexicon().pair_nouns
    if pair and not any(e.country for e, _ in found) and any(c.lower_ == "two" for c in tok.children):
        return [(e, tok) for e in memory.last_states(2, set(), [e for e in ents if e.j <= tok.i])]  # "the two countries"
    return found


def _named_head(tok: Token) -> Token:
    """The person an apposition or "of" phrase belongs to ("Mikhailov, the chief of the Air Force")."""
    t = tok
    for _ in range(4):
        if t.dep_ == "pobj" and t.head.dep_ == "prep":
            t = t.head.head
        elif t.dep_ == "appos":
            return t.head
        else:
            break
    return t if t.dep_ == "appos" or t.ent_type_ == "PERSON" else tok


def _from_discourse(c: Candidate, args: Arguments, memory: Memory, ents: Sequence[Entity]) -> None:
    """Actors the sentence leaves to the discourse: the giver of aid received, "the country",
    the country of a domestic event; then remember this kind's agents."""
    tok = c.token
    kind = c.kind.name
    have = {a.country for a in args.actors if a.country}
    recipient_subject = c.trigger is not None and c.trigger.subject == "recipient"
    if recipient_subject and not any(a.role is Role.AGENT for a in args.actors):
        for a in memory.agents_of_kind.get(kind, []):
            if a.country not in have:
                args.add(attrs.evolve(a, mention=None))
    for child in [*tok.children, *(g for ch in tok.children for g in ch.children if ch.dep_ == "prep")]:
        if child.lemma_.lower() == "country" and any(d.lower_ in ("the", "this") for d in child.children) and not _phrase_entities(child, ()):
            for e in memory.last_states(1, have, [e for e in ents if e.j <= child.i]):
                _add(args, e, Role.RECIPIENT, c, child)
    sides = {a.country for a in args.actors if a.country}
    if c.kind.symmetric and len(sides) == 1:
        for e in memory.last_states(1, sides, [e for e in ents if e.j <= tok.i]):
            _add(args, e, Role.RECIPIENT, c, tok)
    if c.kind.domestic and not args.actors:
        focus = memory.focus()
        name = gazetteer().country_name(focus) if focus else None
        if focus and name:
            args.add(Actor(name=name, kind=ActorKind.STATE, country=focus, role=Role.AGENT, cameo=focus))
    agents = [a for a in args.actors if a.role is Role.AGENT]
    if agents:
        memory.agents_of_kind[kind] = agents


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject token and whether it is passive; inherited through xcomp, conj, relcl."""
    seen = 0
    while seen < 6:
        seen += 1
        for c in verb.children:
            if c.dep_ in SUBJECTS:
                return c, False
            if c.dep_ == "nsubjpass":
                return c, True
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return verb.head, False
        return None, False
    return None, False


def _arguments(c: Candidate, ents: Sequence[Entity], memory: Memory) -> Arguments:
    args = Arguments()
    tok = c.token
    attack = c.kind.plover in ("ASSAULT", "COERCE")
    recipient_subject = c.trigger is not None and c.trigger.subject == "recipient"
    verb = tok if tok.pos_ == "VERB" else _light_verb(tok)
    if verb is None and c.noun and not any(ch.dep_ == "poss" for ch in tok.children):
        verb = _framing_verb(tok)
    if verb is not None:
        subject, passive = _subject_of(verb)
        if subject is not None and subject.i != tok.i:
            role = Role.RECIPIENT if passive or recipient_subject else Role.AGENT
            for e, t in _args_of(subject, ents, memory):
                _add(args, e, role, c, t)
        if passive or recipient_subject:
            for agent in (a for a in verb.children if a.dep_ == "agent"):
                for obj in (o for o in agent.children if o.dep_ == "pobj"):
                    for e, t in _args_of(obj, ents, memory):
                        _add(args, e, Role.AGENT, c, t)
    if tok.pos_ == "VERB":
        for child in tok.children:
            if child.dep_ in ("dobj", "dative", "attr"):
                for e, t in _args_of(child, ents, memory):
                    if e.is_place and c.kind.movement:
                        _place(args, e, c)  # "will visit Beijing": where, and the state visited
                        if e.is_state:
                            _add(args, e, Role.RECIPIENT, c, t)
                    else:
                        _add(args, e, Role.RECIPIENT, c, t)
                for prep in (p for p in child.children if p.dep_ == "prep" and p.lower_ in ("from", "by")):
                    for o in (x for x in prep.children if x.dep_ == "pobj"):  # "rejected a request from Sweden"
                        for e, t in _args_of(o, ents, memory):
                            _add(args, e, Role.RECIPIENT, c, t)
    else:
        for child in tok.children:
            if child.dep_ == "poss" or (child.dep_ in ("amod", "compound", "nmod") and _entity_at(child, ents) is not None):
                for e, t in _args_of(child, ents, memory):
                    _add(args, e, Role.AGENT, c, t)
        for agent in (p for p in tok.children if p.dep_ == "prep" and p.lower_ == "by"):
            for obj in (o for o in agent.children if o.dep_ == "pobj"):
                for e, t in _args_of(obj, ents, memory):
                    _add(args, e, Role.AGENT, c, t)
    heads = list(dict.fromkeys([tok, *c.trigger_tokens, *([verb] if verb is not None else [])]))
    for head in heads:
        for prep in (p for p in head.children if p.dep_ == "prep"):
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            for obj in objs:
                for e, t in _args_of(obj, ents, memory):
                    if e.is_place and (prep.lower_ in PLACE_PREPS or (c.kind.movement and prep.lower_ == "of")):  # "out of Kyrgyzstan"
                        _place(args, e, c)
                        if e.kind == "city" or (c.kind.movement and not e.is_state):
                            continue
                    if prep.lower_ in RECIPIENT_PREPS or (c.kind.movement and e.is_state and e.is_place):
                        _add(args, e, Role.RECIPIENT, c, t)
                if prep.lower_ == "for" and obj.pos_ == "NOUN":  # "visit Beijing for talks with Xi"
                    for inner in (p for p in obj.children if p.dep_ == "prep" and p.lower_ in ("with", "to")):
                        for o in (x for x in inner.children if x.dep_ == "pobj"):
                            for e, t in _args_of(o, ents, memory):
                                _add(args, e, Role.RECIPIENT, c, t)
    if attack:
        agents = [a for a in args.actors if a.role is Role.AGENT]
        victims = [a for a in args.actors if a.role is Role.RECIPIENT]
        args.actors = [a for a in args.actors if a.role is Role.RECIPIENT or a.name not in {v.name for v in victims}] if agents else args.actors
    for start, end, q in find_quantities(c.sentence.text, c.sentence.start):
        if _near_trigger(c, start, end):
            args.quantities.append(attrs.evolve(q, mention=Mention(start, end, c.sentence.span.doc.text[start - c.sentence.offset : end - c.sentence.offset], c.sentence.text)))
    return args


def _near_trigger(c: Candidate, start: int, end: int) -> bool:
    """Whether a quantity lies in the trigger's phrase (its subject's or object's subtree), or
    in its level's phrase ("from $40 million in 2001")."""
    tok = c.token
    if c.part is not None:
        first: int = c.sentence.start_of(c.part.left_edge)
        return first <= start < c.sentence.end_of(c.part)
    verb = tok if tok.pos_ == "VERB" else _light_verb(tok) or tok
    lo: int = c.sentence.start_of(verb.left_edge)
    hi: int = c.sentence.end_of(verb.right_edge)
    return lo <= start and end <= hi


def _framing_verb(tok: Token) -> Token | None:
    """The verb whose prepositional phrase a noun trigger is ("During an official visit to
    Tajikistan, Ivanov said"): its subject is the noun's agent."""
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in ("VERB", "AUX") and head.lower_ in FRAMING_PREPS:
        return head.head
    return None


def _light_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the object or subject of ("pay a visit", "the talks ended")."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ in ("in", "into", "for"):
        return head.head
    return None


def _add(args: Arguments, e: Entity, role: Role, c: Candidate, tok: Token) -> None:
    actor = _actor(e, role, c)
    if actor is not None:
        args.add(actor)


def _place(args: Arguments, e: Entity, c: Candidate) -> None:
    if any(p.name == e.name for p in args.places):
        return
    args.places.append(Place(name=e.name, country=e.country, latitude=e.latitude, longitude=e.longitude,
                             mention=Mention(e.start, e.end, e.text, c.sentence.text)))  # fmt: skip


def supported(c: Candidate, args: Arguments) -> bool:
    """Whether a verb coded only by the CAMEO dictionary has the actors PETRARCH asks of an
    event: a source, and a target unless its own pattern (object, preposition) coded it."""
    if c.trigger is not None:
        return True
    roles = {a.role for a in args.actors}
    if Role.AGENT not in roles:
        return False
    return bool(c.patterned) or Role.RECIPIENT in roles
