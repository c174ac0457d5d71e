"""The arguments stage: who acts, who is acted upon, where, and how much, from the tree.

- the subject, or the agent of a passive ("by X"), is the agent; the object, or the noun of
  "to", "with" or "against", is the recipient; a passive's subject is the recipient;
- a noun trigger's possessor ("Putin's trip") or its country adjective ("the Russian raid") is
  its agent, and a light verb's subject acts for it ("Putin will pay a visit");
- a verb with no subject of its own takes its governing verb's ("agreed to meet", "came and went")
  or the noun its relative clause modifies; a conjoined verb with its own auxiliary takes the
  noun before it that the parse joined elsewhere ("... and the coalition will halt air strikes");
- the subject of a clause a noun event frames ("During his visit to Tajikistan, Ivanov said")
  is its agent only for talks, meetings, agreements and journeys, never for an attack or a
  protest ("After the attack, police arrested"), nor for a topic ("commented on the agreement");
  of the clause's other phrases only a "with" partner joins it ("At the meeting, Iran agreed
  with France"; not "After the talks, she flew to London");
- pronouns ("he", "his", "it") are the last person or state before them; the subject of a
  reported clause is the reporter when they agree ("the students said they would strike");
- the victim of an attack is never its agent: an attack kind's passive subject is a recipient;
- a capital used for its government is that state, never a second party beside it; a place
  after "in", "at" or "to" is a place;
- an agent noun or body takes the country of its possessor ("its troops"), of "of", "from" or
  "in" after it ("negotiators from Sudan's army", "demonstrators in Nairobi"), else of the place
  where the event happens ("gunmen ... in central Mali"), but not for talks, meetings or
  journeys, whose parties come from elsewhere ("rebels held talks in Doha"); a noun that names
  no one takes the actors of its "of" phrase ("thousands of protesters"); a title's apposition
  is the person; a bare noun after a preposition is no one ("denounced it from exile");
- the forces a movement moves ("deploy 2,000 troops", "pulled its troops out") are no party of
  their own beside the state that moves them;
- an infinitive's object or "against"/"with" noun is the target of a trigger that leaves it to
  its complement ("threatened to retaliate against South Korea").
"""

from __future__ import annotations

import collections
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from events.model import Actor, ActorKind, Entity, Mention, Place, Quantity, Role
from events.text.candidates import Candidate, fronted_phrase
from events.text.gazetteer import gazetteer
from events.text.lexicon import lexicon
from events.text.quantities import find_quantities

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ACTOR_KINDS",
    "SUBJECTS",
    "Arguments",
    "Memory",
    "read_arguments",
    "supported",
]

SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
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
        if hits and all(e.kind == "agent" for e in hits):  # "the foreign minister of Brazil, Mauro Vieira": the person
            hits = [e for c in t.children if c.dep_ == "appos" for e in ents if e.i <= c.i < e.j and e.kind == "person"] or hits
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
    if low in lexicon().person_pronouns:
        people = [e for e in earlier if e.kind == "person"]
        if people:
            return people[-1]
        later = [e for e in ents if e.kind == "person" and e.i > tok.i and _clause_root(tok).i == _clause_root(tok.doc[e.i]).i]
        if later and tok.dep_ == "poss" and tok.i < tok.sent.root.i:
            return later[0]  # "Shortly after his trip to Dushanbe, Ivanov said"
        return memory.persons[-1] if memory.persons else None
    if low in lexicon().speaker_pronouns:
        speakers = [e for e in ents if e.kind == "person" and e.country] or [e for e in memory.persons if e.country][-1:]
        if speakers:
            return speakers[0]
    if low in lexicon().state_pronouns:
        states = [e for e in earlier if (e.country and e.kind in ("country", "capital", "demonym")) or (e.kind in ("org", "group") and (e.country or e.cameo))]  # "the Pentagon said it"
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
        speaker = _reporting_subject(tok)
        if speaker is not None:
            return _args_of(speaker, ents, memory)  # "the students said they would resume protests"
        e = _pronoun_entity(tok, memory, ents)
        return [(e, tok)] if e is not None else []
    found = [(_with_country(e, t, ents, memory), t) for e, t in _phrase_entities(tok, ents)]
    if not found and tok.pos_ == "NOUN":
        found = _of_phrase(tok, ents, memory)
    pair = tok.lemma_.lower() in lexicon().pair_nouns or tok.lower_ in lexicon().pair_nouns
    if pair and not any(e.country for e, _ in found) and any(c.lower_ in lexicon().pair_determiners for c in tok.children):
        return [(e, tok) for e in memory.last_states(2, set(), [e for e in ents if e.j <= tok.i])]  # "the two countries", "both countries"
    return found


def _reporting_subject(pronoun: Token) -> Token | None:
    """The subject of the verb that reports a pronoun's clause, when they agree in number ("The
    students ... said they would resume protests": the students; "Putin said he would")."""
    if pronoun.dep_ not in ("nsubj", "nsubjpass") or pronoun.head.dep_ != "ccomp":
        return None
    speaker, _ = _subject_of(pronoun.head.head)
    if speaker is None or speaker.pos_ not in ("NOUN", "PROPN"):
        return None
    low = pronoun.lower_
    plural = speaker.tag_ in ("NNS", "NNPS")
    person = speaker.ent_type_ == "PERSON"
    if low in lexicon().person_pronouns:
        return speaker if person else None
    if low in lexicon().state_pronouns:
        return speaker if (plural if low in lexicon().plural_pronouns else not plural and not person) else None
    return None


def _with_country(e: Entity, tok: Token, ents: Sequence[Entity], memory: Memory) -> Entity:
    """An agent noun, body or unnamed organization without a country takes its possessor's
    ("its troops", "Iran's foreign ministry"), or that of "of", "from" or "in" after it
    ("negotiators from Sudan", "demonstrators in Nairobi")."""
    if e.country or e.kind not in ("agent", "body", "org") or (e.kind == "org" and e.cameo):
        return e  # a named organization ("ASEAN") is its own
    head = tok.doc[e.j - 1]
    owners: list[Entity] = []
    for child in head.children:
        if child.dep_ == "poss" and child.pos_ == "PRON":
            found = _pronoun_entity(child, memory, ents)
            owners += [found] if found is not None else []
        elif child.dep_ == "poss":  # "Iran's foreign ministry"
            owners += [x for x, _ in _phrase_entities(child, ents)]
        elif child.dep_ == "prep" and child.lower_ in lexicon().origin_prepositions:
            owners += [x for o in child.children if o.dep_ == "pobj" for x, _ in _phrase_entities(o, ents)]
    country = next((o.country for o in owners if o.country and (o.is_state or o.is_place or o.kind in ("org", "body"))), None)
    if country is None:
        return e
    return attrs.evolve(e, country=country, cameo=country + (e.cameo or ""))


def _of_phrase(tok: Token, ents: Sequence[Entity], memory: Memory) -> list[tuple[Entity, Token]]:
    """The actors of a noun that names no one itself through its "of" or "from" phrase:
    "thousands of protesters", "negotiators from Sudan's army", "the people of Kenya"."""
    out: list[tuple[Entity, Token]] = []
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in lexicon().member_prepositions):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            out += [(_with_country(e, t, ents, memory), t) for e, t in _phrase_entities(obj, ents) if not e.is_place or e.is_state]
    return out


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
    if c.kind.symmetric and len(sides) == 1 and all(a.country for a in args.actors):  # "diplomats will meet Iranian negotiators": the diplomats are the other side
        for e in memory.last_states(1, sides, [e for e in ents if e.j <= tok.i]):
            _add(args, e, Role.RECIPIENT, c, tok)
    local = _local_country(args, ents, c)
    if local is not None and not (c.kind.symmetric or c.kind.movement):  # parties to talks in Doha or a visit to Vienna come from elsewhere
        args.actors = [attrs.evolve(a, country=local, cameo=local + (a.cameo or "")) if _unplaced(a) else a for a in args.actors]
    if c.kind.domestic and local is not None and not any(a.country for a in args.actors):
        name = gazetteer().country_name(local)
        if name:
            args.add(Actor(name=name, kind=ActorKind.STATE, country=local, role=Role.AGENT, cameo=local))
    if c.kind.domestic and not args.actors:
        focus = memory.focus()
        name = gazetteer().country_name(focus) if focus else None
        if focus and name:
            args.add(Actor(name=name, kind=ActorKind.STATE, country=focus, role=Role.AGENT, cameo=focus))
    agents = [a for a in args.actors if a.role is Role.AGENT]
    if agents:
        memory.agents_of_kind[kind] = agents


def _unplaced(a: Actor) -> bool:
    """An agent noun or body with no country of its own ("police", "protesters", "gunmen"): its
    CAMEO code is a bare role ("COP", "OPP"), not a named organization's ("IGOUNODEVWBK")."""
    code = a.cameo or ""
    return a.country is None and len(code) == 3 and code.isupper() and gazetteer().country_name(code) is None


def _local_country(args: Arguments, ents: Sequence[Entity], c: Candidate) -> str | None:
    """The one country where the event happens: its places', else that of the towns its clause
    names ("police fired at demonstrators in Nairobi": Kenya; not "Morales, who resigned after
    disputed elections, spoke from Buenos Aires"); None when there are several."""
    countries = {p.country for p in args.places if p.country}
    if not countries:
        clause = _clause_head(c.token)
        lo, hi = clause.left_edge.i, clause.right_edge.i
        countries = {e.country for e in ents if e.is_place and e.country and lo <= e.i <= hi}
    return next(iter(countries)) if len(countries) == 1 else None


def _clause_head(tok: Token) -> Token:
    """The verb whose clause a token is in (the token itself for a verb)."""
    head = tok
    for _ in range(8):
        if head.pos_ in ("VERB", "AUX") or head.head.i == head.i:
            return head
        head = head.head
    return head


def _subject_of(verb: Token) -> tuple[Token | None, bool]:
    """The verb's subject token and whether it is passive; inherited through xcomp, conj, relcl.
    An inherited subject is passive as the verb is, not as the verb it comes from ("won at
    Breitenfeld but was killed at Lützen": killed; "was defeated and signed a treaty": signed)."""
    own = verb
    seen = 0
    while seen < 6:
        seen += 1
        for c in verb.children:
            if c.dep_ in SUBJECTS or c.dep_ == "nsubjpass":
                return c, _passive(own, c) if verb is not own else c.dep_ == "nsubjpass"
        if verb.dep_ == "conj":
            stranded = _stranded_subject(verb)
            if stranded is not None:
                return stranded, False
        if verb.dep_ in ("xcomp", "conj", "advcl") and verb.head.i != verb.i:
            verb = verb.head
            continue
        if verb.dep_ in ("relcl", "acl") and verb.head.i != verb.i:
            return verb.head, False
        return None, False
    return None, False


def _passive(verb: Token, inherited: Token) -> bool:
    """Whether a verb with an inherited subject is passive: an auxiliary "be" of its own, or a
    bare participle after a passive ("were arrested and charged")."""
    if any(ch.dep_ == "auxpass" for ch in verb.children):
        return True
    bare = not any(ch.dep_ in ("aux", "auxpass") for ch in verb.children)
    return inherited.dep_ == "nsubjpass" and bare and verb.tag_ == "VBN"


def _stranded_subject(verb: Token) -> Token | None:
    """The subject of a conjoined verb with an auxiliary of its own that the parse joined to an
    earlier noun ("rebels will withdraw from the port and the coalition will halt air strikes":
    "coalition" parsed as a conjunct of "port")."""
    aux = [a for a in verb.children if a.dep_ in ("aux", "auxpass") and a.i < verb.i]
    if not aux:
        return None
    before = verb.doc[min(a.i for a in aux) - 1]
    if before.pos_ in ("NOUN", "PROPN") and before.dep_ == "conj" and before.head.i < before.i:
        return before
    return None


def _arguments(c: Candidate, ents: Sequence[Entity], memory: Memory) -> Arguments:
    args = Arguments()
    tok = c.token
    attack = c.kind.plover in ("ASSAULT", "COERCE")
    recipient_subject = c.trigger is not None and c.trigger.subject == "recipient"
    verb = tok if tok.pos_ == "VERB" else _light_verb(tok)
    framing = None
    if verb is None and c.noun and not any(ch.dep_ == "poss" for ch in tok.children):
        verb = framing = _framing_verb(c)
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
    if tok.pos_ == "VERB" and (c.trigger is not None or c.patterned):  # never what makes a bare CAMEO verb an event
        _complement_recipients(c, args, ents, memory)
    heads = list(dict.fromkeys([tok, *c.trigger_tokens, *([verb] if verb is not None else [])]))
    for head in heads:
        for prep in (p for p in head.children if p.dep_ == "prep" and (framing is None or head.i != framing.i or p.lower_ == "with")):  # "At the meeting, Iran agreed with France"; not "After the talks, she flew to London"
            objs = [o for o in prep.children if o.dep_ == "pobj"]
            for obj in objs:
                for e, t in _args_of(obj, ents, memory):
                    giver = recipient_subject and prep.lower_ == "from"  # "received $120 million from the U.S."
                    if e.is_place and not giver and (prep.lower_ in lexicon().place_prepositions or (c.kind.movement and prep.lower_ == "of")):  # "out of Kyrgyzstan"
                        _place(args, e, c)
                        if e.kind == "city" or (c.kind.movement and not e.is_state):
                            continue
                    source = prep.lower_ == "from" and not giver and not c.kind.movement  # "denounced the delay from exile": where it was said
                    if not source and (prep.lower_ in lexicon().recipient_prepositions or (c.kind.movement and e.is_state and e.is_place)):
                        _add(args, e, Role.AGENT if giver else Role.RECIPIENT, c, t)
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


def _complement_recipients(c: Candidate, args: Arguments, ents: Sequence[Entity], memory: Memory) -> None:
    """Who an event is aimed at when its verb leaves it to its complement: the object or the noun
    of "against", "with", "on" of an infinitive ("threatened to retaliate against South Korea",
    "agreed to hold talks with Kyiv"); for a symmetric kind, "with" inside its object ("signed a
    memorandum on sea access with Somalia")."""
    tok = c.token
    targets: list[Token] = []
    for x in (ch for ch in tok.children if ch.dep_ == "xcomp" and ch.pos_ == "VERB"):
        targets += [o for o in x.children if o.dep_ in ("dobj", "dative")]
        targets += [o for p in x.children if p.dep_ == "prep" and p.lower_ in lexicon().aim_prepositions for o in p.children if o.dep_ == "pobj"]
    if c.kind.symmetric:
        for obj in (ch for ch in tok.children if ch.dep_ == "dobj"):
            targets += [o for t in obj.subtree if t.dep_ == "prep" and t.lower_ == "with" and t.head.i != tok.i for o in t.children if o.dep_ == "pobj"]
    for target in targets:
        for e, t in _args_of(target, ents, memory):
            if not e.is_place or e.is_state:
                _add(args, e, Role.RECIPIENT, c, t)


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


def _framing_verb(c: Candidate) -> Token | None:
    """The verb whose prepositional phrase a noun trigger is ("During an official visit to
    Tajikistan, Ivanov said"): its subject is the noun's agent. Asked only for events their
    parties attend or make (talks, meetings, visits): the subject of "after the attack, police
    arrested" or "did not comment on the agreement" is no party to the attack or the agreement."""
    tok = c.token
    head = tok.head
    if not (c.kind.symmetric or c.kind.movement) or tok.dep_ != "pobj" or head.dep_ != "prep" or head.head.pos_ not in ("VERB", "AUX"):
        return None
    word = head.lower_
    if word not in lexicon().scene_frame_prepositions:
        return None
    if word in lexicon().journey_frame_prepositions:  # "On his visit ..., Putin said", "said on a visit"; not "commented on the visit"
        indefinite = any(ch.dep_ == "det" and ch.lower_ in lexicon().indefinite_articles for ch in tok.children)
        if not c.kind.movement or not (fronted_phrase(head) or indefinite):
            return None
    return head.head


def _light_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the object or subject of ("pay a visit", "the talks ended")."""
    head = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "nsubj", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if tok.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ == "VERB" and head.lower_ in ("in", "into", "for"):
        return head.head
    return None


def _add(args: Arguments, e: Entity, role: Role, c: Candidate, tok: Token) -> None:
    if _bare_prepositional(tok) and e.kind in ("agent", "body"):
        return  # "denounced the delay from exile", "went into opposition": a state, no one
    if c.kind.movement and role is Role.RECIPIENT and e.kind in ("agent", "body") and _moved(tok.doc[e.j - 1], c):
        role = Role.AGENT  # "deploy 2,000 troops", "its troops", "500 soldiers will be deployed": who moves
        if e.country is None or any(a.role is Role.AGENT and a.country == e.country for a in args.actors):
            return  # the agent's own forces, or forces of no known country: no party of their own
    actor = _actor(e, role, c)
    if actor is not None:
        args.add(actor)


def _bare_prepositional(head: Token) -> bool:
    """Whether a noun is a bare singular after a preposition ("from exile", "in opposition")."""
    return head.dep_ == "pobj" and head.tag_ == "NN" and not any(ch.dep_ in ("det", "poss", "amod", "compound", "nummod", "nmod") for ch in head.children)


def _moved(tok: Token, c: Candidate) -> bool:
    """Whether a noun is what a movement moves: the object of its verb, or a passive's subject."""
    verb = c.token if c.token.pos_ == "VERB" else c.token.head
    return tok.head.i == verb.i and tok.dep_ in ("dobj", "nsubjpass")


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
