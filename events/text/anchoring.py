"""The time expression attached to each event's trigger in the parse (rule 1 of the time stage).

An expression is attached when the parse puts it on the trigger or its clause, never because it
is near:

- a modifier of the trigger: "signed on Friday", "met Monday", "Tuesday's declaration", "the
  election due this September", "the early hours of Thursday morning", "as soon as Tuesday",
  "late on Friday", a preposition whose
  object the parse left out ("In nineteen ninety-one Keating was convicted");
- for a verb, a bare date on its object or its prepositional object ("seized a car bomb under
  construction Sunday") and a phrase set on its subject before it ("the presidents on Friday
  signed");
- for a noun, the verb it is the subject or light object of ("talks began on Monday", "held
  talks on Monday"), or the verb whose scene it names ("said at a news conference Friday",
  "called Bush a liar in an attack read Thursday");
- the time of the verb that frames it: an aspectual or attempt verb's complement ("began
  notifying on Friday", "last month failed to pass"), a clause of the same moment ("implied
  yesterday when reporters asked", "paid tribute Saturday demanding his return"), and the other
  way round, a main clause whose "when" clause is dated; conjoined verbs share one time ("were
  arrested on Monday and charged"); a past expression on a past verb's infinitive dates the
  verb ("invited them to rejoin two weeks ago"), a bare date right after a scene noun the scene
  ("in a rally Saturday").

The words are data (``events/data/timing.json``).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

import attrs

from events.model import Entity
from events.text.arguments import ACTOR_KINDS
from events.text.candidates import Candidate
from events.text.lexicon import lexicon, timing
from timeline import Timex

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["BARE_DATE_DEPS", "MODIFIER_DEPS", "SUBJECT_DEPS", "VERB_POS", "Anchor", "TimexIndex", "attach", "carrier", "clause_word", "scene_verb", "timing_words"]

MODIFIER_DEPS = frozenset({"npadvmod", "advmod", "tmod", "nummod", "compound", "nmod", "amod", "obl", "appos", "poss"})
BARE_DATE_DEPS = frozenset({"npadvmod", "tmod"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
VERB_POS = ("VERB", "AUX")


@attrs.frozen(slots=True)
class Anchor:
    """A time expression attached to a trigger, and the preposition that attaches it."""

    timex: Timex
    preposition: str | None = None
    until: Timex | None = None  # "started in May and finished in August": the expression of its end


@cache
def timing_words(key: str) -> frozenset[str]:
    """The word set ``key`` of ``events/data/timing.json`` (prefer the field: ``timing().KEY``)."""
    value: frozenset[str] = getattr(timing(), key)
    return value


class TimexIndex:
    """The time expressions by document offset (and, for attaching, the document offsets where
    the names of actors end: a date on an actor's noun is no date of the actor's)."""

    def __init__(self, timexes: Sequence[Timex], actor_ends: frozenset[int] = frozenset()) -> None:
        self.timexes = sorted(timexes, key=lambda t: t.start)
        self.starts = [t.start for t in self.timexes]
        self.actor_ends = actor_ends

    def at(self, offset: int) -> Timex | None:
        k = bisect.bisect_right(self.starts, offset) - 1
        if k >= 0 and self.timexes[k].start <= offset < self.timexes[k].end:
            return self.timexes[k]
        return None


def attach(cands: Sequence[Candidate], timexes: Sequence[Timex], entities: Iterable[Entity] = ()) -> list[Anchor | None]:
    """The time expression attached to each candidate's trigger (or to the verb that frames it);
    ``entities``: the document's, whose actors' nouns take no date of their own."""
    index = TimexIndex(timexes, frozenset(e.end for e in entities if e.kind in ACTOR_KINDS))
    return [_anchor(c, index) for c in cands]


def _anchor(c: Candidate, index: TimexIndex) -> Anchor | None:
    if c.part is not None:
        return _level_time(c, index)
    found = _own_anchor(c, index)
    if found is not None:
        end = _phase_end(c, index)
        if end is not None and end.timex != found.timex:
            return attrs.evolve(found, until=end.timex)
    return found


def _own_anchor(c: Candidate, index: TimexIndex) -> Anchor | None:
    found = _attached(c, c.token, index)
    if found is None and c.noun:
        found = _scene_date(c, index)
    if found is None and c.noun:
        for head in _noun_frames(c.token):
            found = _attached(c, head, index)
            if found is not None:
                break
    if found is None and not c.noun:
        found = _framing_time(c, c.token, index)
    return found


def _noun_frames(tok: Token) -> list[Token]:
    """The tokens whose time a noun trigger takes when it has none of its own: the verb it is
    the subject or light object of, its relative clause, the verb whose scene it names."""
    frames: list[Token] = []
    verb = carrier(tok)
    if verb is not None:
        frames.append(verb)
    frames += [ch for ch in tok.children if ch.dep_ in ("relcl", "acl")]  # "the election that takes place next year"
    scene = scene_verb(tok)
    if scene is not None:
        frames.append(scene)
    return frames


def _framing_time(c: Candidate, verb: Token, index: TimexIndex) -> Anchor | None:
    """A verb's time through the verbs that frame it: conjoined, aspectual, simultaneous."""
    antecedent = _antecedent(c, verb, index)
    if antecedent is not None:
        return Anchor(antecedent)  # "Thursday, when 135 people were arrested"
    head = verb
    own_subject = bool(_subjects(verb))
    while head.dep_ == "conj" and head.head.pos_ == "VERB" and head.head.i != head.i:
        head = head.head  # "were arrested on Monday and charged": one time for the conjoined verbs
        found = _attached(c, head, index)
        if found is not None and (not own_subject or _fronted(c, head, found)):
            return found  # "In June, the leaders fell out, and Pol Pot was arrested": a fronted time heads both
        if own_subject:
            break
    infinitives = [ch for ch in verb.children if ch.dep_ == "xcomp" and ch.tag_ == "VB"] if verb.tag_ == "VBD" else []
    for complement in infinitives:
        found = _attached(c, complement, index)  # "invited Sinn Fein to rejoin two weeks ago": the inviting
        if found is not None and set(found.timex.text.lower().split()) & timing().past_time_words:
            return found
    if verb.dep_ == "xcomp" and _framing_complement(verb.head):
        found = _attached(c, verb.head, index)  # "began notifying customers on Friday", "Last month, Congress failed to pass"
        if found is not None:
            return found
    if verb.dep_ == "advcl" and verb.head.pos_ in VERB_POS and _same_moment(verb):
        found = _attached(c, verb.head, index)  # "implied yesterday when reporters asked"
        if found is not None:
            return found
    for clause in (ch for ch in verb.children if ch.dep_ == "advcl" and clause_word(ch) in timing().simultaneous_clause_words):
        found = _attached(c, clause, index)  # "when the talks ended on Monday, they signed"
        if found is not None:
            return found
    return None


def _framing_complement(head: Token) -> bool:
    """Whether a verb's complement happens at its time: an aspectual or an attempt verb ("began
    notifying", "failed to pass")."""
    lemma = head.lemma_.lower()
    return lemma in timing().aspectual_verbs or lemma in lexicon().attempt_verbs or head.lower_ in lexicon().failure_words


def _phase_end(c: Candidate, index: TimexIndex) -> Anchor | None:
    """The dated end of an event that a beginning verb starts and a conjoined ending verb ends
    ("the talks started in May and finished in August", "began the offensive in May and ended it
    in August")."""
    begin = carrier(c.token) if c.noun else c.token.head if c.token.dep_ == "xcomp" else None
    if begin is None or begin.lemma_.lower() not in timing().beginning_verbs:
        return None
    for end in (ch for ch in begin.children if ch.dep_ == "conj" and ch.lemma_.lower() in timing().ending_verbs):
        if _subjects(end):
            continue  # "the talks began in May and the army ended the truce": another event ends
        found = _attached(c, end, index)
        if found is not None:
            return found
    return None


def _antecedent(c: Candidate, verb: Token, index: TimexIndex) -> Timex | None:
    """The time expression a "when" clause relates to, right before its "when" ("Thursday, when
    ..."; "the day when ..."): the parse may hang such a clause on the main verb."""
    opener = next((ch for ch in verb.children if ch.dep_ in ("advmod", "mark") and ch.i < verb.i
                   and ch.lower_ in timing().simultaneous_clause_words), None)  # fmt: skip
    if opener is None:
        return None
    before = opener.i - 1
    while before >= opener.sent.start and opener.doc[before].is_punct:
        before -= 1
    if before < opener.sent.start:
        return None
    return _timex_of(c, opener.doc[before], index)


def _fronted(c: Candidate, verb: Token, anchor: Anchor) -> bool:
    """Whether a verb's time expression opens its clause, before the subject ("In June, ...")."""
    subjects = _subjects(verb)
    return bool(subjects) and all(anchor.timex.end <= c.sentence.start_of(min(s.subtree, key=lambda t: t.i)) for s in subjects)


def clause_word(clause: Token) -> str | None:
    """The word that opens an adverbial clause: its marker ("after", "while") or its "when"."""
    for ch in clause.children:
        if ch.dep_ == "mark" or (ch.dep_ == "advmod" and ch.tag_ in ("WRB", "IN") and ch.i < clause.i):
            return str(ch.lower_)
    return None


def _same_moment(clause: Token) -> bool:
    """Whether an adverbial clause happens at its main clause's time: opened by "when", "as",
    "while", or a participle of its own ("paid tribute Saturday, demanding his return")."""
    word = clause_word(clause)
    if word is not None:
        return word in timing().simultaneous_clause_words
    has_subject = bool(_subjects(clause))
    return clause.tag_ == "VBG" and not has_subject


def _level_time(c: Candidate, index: TimexIndex) -> Anchor | None:
    """The time of one level of a change: in its own phrase, else the verb's expression that
    follows it ("to more than $70 million in 2002")."""
    part = c.part
    assert part is not None
    for head in (part, part.head):
        found = _attached(c, head, index)
        if found is not None:
            return found
    verb = c.token.head if c.noun else c.token
    after = [ch for ch in verb.children if ch.dep_ == "prep" and ch.i > part.i]
    for prep in after:
        for obj in prep.children:
            ref = _timex_of(c, obj, index) if obj.dep_ == "pobj" else None
            if ref is not None:
                return Anchor(ref, prep.lower_)
    return None


def _timex_of(c: Candidate, tok: Token, index: TimexIndex) -> Timex | None:
    return index.at(c.sentence.start_of(tok))


def _attached(c: Candidate, head: Token, index: TimexIndex) -> Anchor | None:
    for child in head.children:
        if child.dep_ in MODIFIER_DEPS:
            found = _timex_of(c, child, index)
            if found is None and child.dep_ == "amod" and head.pos_ not in VERB_POS:
                found = _modifier_time(c, child, index)  # "the election due this September"
            if found is not None:
                return Anchor(found)
            if child.dep_ == "advmod":
                for prep in (p for p in child.children if p.dep_ == "prep"):
                    adverbial = _prepositional(c, prep, index)  # "as soon as Tuesday", "late on Friday"
                    if adverbial is not None:
                        return adverbial
        if child.dep_ in ("prep", "agent"):
            found_anchor = _prepositional(c, child, index)
            if found_anchor is not None:
                return _with_range_end(c, child, found_anchor, index)
    if head.pos_ in VERB_POS:
        return _verb_extra(c, head, index)
    return None


def _modifier_time(c: Candidate, modifier: Token, index: TimexIndex) -> Timex | None:
    for ch in modifier.children:
        if ch.dep_ in BARE_DATE_DEPS:
            found = _timex_of(c, ch, index)
            if found is not None:
                return found
    return None


def _prepositional(c: Candidate, prep: Token, index: TimexIndex) -> Anchor | None:
    """The expression a preposition attaches: its object ("on Friday"), the object's "of"
    phrase ("in the early hours of Thursday morning"), or, when the parse gave it no object,
    an expression that starts right after it."""
    objects = [obj for obj in prep.children if obj.dep_ in ("pobj", "pcomp")]
    for obj in objects:
        found = _timex_of(c, obj, index)
        if found is None:
            found = _of_phrase(c, obj, index)
        if found is not None:
            return Anchor(found, prep.lower_)
    found = _timex_of(c, prep, index)  # "ago", "earlier" parsed as prepositions
    if found is not None:
        return Anchor(found)
    if not objects and prep.i + 1 < len(prep.doc):
        following = index.at(c.sentence.start_of(prep.doc[prep.i + 1]))
        if following is not None and following.start == c.sentence.start_of(prep.doc[prep.i + 1]):
            return Anchor(following, prep.lower_)
    return None


def _with_range_end(c: Candidate, prep: Token, anchor: Anchor, index: TimexIndex) -> Anchor:
    """A "from" date with the date that closes it, on the preposition or beside it ("fought a war
    from 1998 to 2000", "ruled from 1952 until 1993"): one span from the one to the other."""
    if prep.lower_ not in timing().range_start_prepositions or anchor.until is not None:
        return anchor
    for end in (p for p in (*prep.children, *prep.head.children) if p.dep_ == "prep" and p.lower_ in timing().range_end_prepositions):
        found = _prepositional(c, end, index)
        if found is not None and found.timex != anchor.timex:
            return attrs.evolve(anchor, preposition=None, until=found.timex)
    return anchor


def _of_phrase(c: Candidate, obj: Token, index: TimexIndex) -> Timex | None:
    for ch in obj.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for inner in ch.children:
                if inner.dep_ == "pobj":
                    found = _timex_of(c, inner, index)
                    if found is not None:
                        return found
    return None


def _verb_extra(c: Candidate, verb: Token, index: TimexIndex) -> Anchor | None:
    """A verb's time set on its subject before it ("the presidents on Friday signed"), a bare
    date the parse hung on its object ("seized a car bomb under construction Sunday"), or a
    date phrase on a direct object that names an actor ("summoned the ambassador on Monday")."""
    for subject in _subjects(verb):
        for prep in (p for p in subject.children if p.dep_ == "prep" and subject.i < p.i < verb.i):
            anchor = _prepositional(c, prep, index)
            if anchor is not None:
                return anchor
    direct = [ch for ch in verb.children if ch.dep_ == "dobj"]
    objects = direct + [o for p in verb.children if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj"]
    for obj in objects:
        for ch in obj.children:
            if ch.dep_ in BARE_DATE_DEPS:
                found = _timex_of(c, ch, index)
                if found is not None:
                    return Anchor(found)
    for obj in (o for o in direct if c.sentence.end_of(o) in index.actor_ends):
        for prep in (p for p in obj.children if p.dep_ == "prep" and p.i > obj.i):
            anchor = _prepositional(c, prep, index)  # "summoned China's ambassador on Monday": the summoning's Monday
            if anchor is not None and anchor.preposition in timing().date_prepositions:
                return anchor
    return None


def carrier(tok: Token) -> Token | None:
    """The verb whose time is a noun trigger's: the passive or intransitive it is the subject
    of ("the decision was made in 1999", "talks began on Monday"), a light verb it is the
    object of ("held talks on Monday")."""
    head = tok.head
    if head.pos_ not in VERB_POS:
        return None
    if tok.dep_ in ("nsubjpass", "nsubj", "attr") and not any(ch.dep_ == "dobj" for ch in head.children):
        return head
    if tok.dep_ == "dobj" and (head.lemma_.lower() in lexicon().light_verbs or head.lemma_.lower() in timing().scheduling_verbs):
        return head  # "held talks on Monday", "scheduled a news conference for later today"
    return None


def _scene_date(c: Candidate, index: TimexIndex) -> Anchor | None:
    """A bare date right after a scene noun, which the parse hung on the verb ("launched the
    revolution four decades ago in a rally Saturday": the rally's Saturday, not the verb's other
    time)."""
    verb = scene_verb(c.token)
    if verb is None:
        return None
    after = max(t.i for t in c.token.subtree) + 1
    for child in verb.children:
        if child.dep_ in BARE_DATE_DEPS and min(t.i for t in child.subtree) == after:
            found = _timex_of(c, child, index)
            if found is not None:
                return Anchor(found)
    return None


def scene_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is the scene of: through a scene preposition on the verb or on
    its subject ("said at a news conference Friday", "said Freeh at a press conference"), or as
    the object of a verb of address ("told a news conference")."""
    if tok.dep_ == "dobj" and tok.head.lemma_.lower() in timing().address_verbs:
        return tok.head
    prep = tok.head
    if tok.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in timing().scene_prepositions:
        return None
    verb = prep.head
    if verb.dep_ in SUBJECT_DEPS and verb.pos_ in ("PROPN", "NOUN", "PRON"):
        verb = verb.head
    return verb if verb.pos_ in VERB_POS else None


def _subjects(verb: Token) -> list[Token]:
    """The verb's own subjects, active or passive."""
    return [ch for ch in verb.children if ch.dep_ in SUBJECT_DEPS]
