"""The status stage: whether each event happened, as the parse tells it.

Cues are read on the trigger's own verb (a noun trigger's governing verb) and the verbs that
govern it through infinitives and complements, never across "and" (a conjunct has its own):

- future ("will", "shall"), "is to", a planning verb ("plans to", "is preparing to", "has yet to
  be approved"), a planned noun modifier ("upcoming") -> planned;
- a modal of supposition ("would oppose", "could"), a condition ("if", "unless") -> hypothetical;
- negation ("did not", "never") on its own verb, a negating verb ("ruled out", "denied") above
  it -> negated; "failed to", "tried but failed" -> failed; a cancelling verb ("postponed her
  trip") -> negated (the cancellation is an event of its own);
- progressive or "since" with a perfect ("have been talking since 2018") -> ongoing;
- otherwise occurred.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.model import Status
from events.text.candidates import Candidate
from events.text.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["GOVERNING", "MAX_CLIMB", "OBLIGING", "SUPPOSING", "framed_by_negation", "status_of"]

GOVERNING = frozenset({"xcomp", "ccomp", "pcomp", "pobj", "dobj", "prep", "acl", "advcl", "nsubj", "nsubjpass"})
MAX_CLIMB = 4
SUPPOSING = frozenset({"would", "could", "might", "'d"})
OBLIGING = frozenset({"can", "may", "must", "should", "ca"})


def status_of(c: Candidate) -> Status | None:
    """The status of one candidate; None for a noun that no verb or modifier qualifies ("on
    the basis of that agreement"): it takes its coreferent mentions' status."""
    tok = c.token
    planned = c.noun and bool({m.lower_ for m in tok.children if m.dep_ in ("amod", "compound")} & lexicon().planned_noun_modifiers)
    verb = tok if tok.pos_ in ("VERB", "AUX") else _governing_verb(tok)
    said = _verb_status(c, verb) if verb is not None else None
    if planned and said not in (Status.NEGATED, Status.FAILED):
        return Status.PLANNED  # "the upcoming talks"; but "called off a planned trip": negated
    return said


def _verb_status(c: Candidate, verb: Token) -> Status:
    tok = c.token
    chain = _chain(verb)
    if _denied(verb):
        return Status.NEGATED
    if verb.dep_ == "xcomp" and verb.head.lower_ == "about" and verb.head.dep_ in ("acomp", "advmod", "prep"):
        return Status.PLANNED  # "is about to restore ties"
    for depth, v in enumerate(chain):
        lemma = v.lemma_.lower()
        own = depth == 0 and v.i == tok.i
        children = list(v.children)
        if (own or v.dep_ != "conj") and any(ch.dep_ == "neg" for ch in children):
            return Status.NEGATED
        if not own:
            if lemma in lexicon().failure_words or lemma == "fail":
                return Status.FAILED
            if any(ch.dep_ == "conj" and ch.lemma_.lower() == "fail" for ch in children) and lemma in lexicon().attempt_verbs:
                return Status.FAILED
            purpose = depth > 0 and _purpose(chain[depth - 1])  # "blocked highways to protest": a purpose, not what was blocked
            if not purpose and (lemma in lexicon().negating_verbs or (lemma == "rule" and any(ch.lower_ == "out" for ch in children))):
                return Status.NEGATED
            if lemma in lexicon().cancelling_verbs and c.noun:
                return Status.NEGATED
        if any(ch.dep_ == "mark" and ch.lower_ in ("if", "unless", "whether") for ch in children):
            return Status.HYPOTHETICAL
        aux = [ch for ch in children if ch.dep_ in ("aux", "auxpass")]
        aux_words = {a.lower_ for a in aux}
        linked = depth == 0 or chain[depth - 1].dep_ in ("xcomp", "pcomp", "pobj", "dobj", "prep", "acl")
        if linked and aux_words & lexicon().future_auxiliaries:
            return Status.PLANNED
        if linked and aux_words & SUPPOSING:
            reported = any(u.dep_ == "ccomp" and u.head.lemma_.lower() in lexicon().reporting_verbs for u in chain[depth:])
            return Status.PLANNED if reported and "would" in aux_words else Status.HYPOTHETICAL  # "said X would": the future of the past
        if linked and aux_words & OBLIGING:
            return Status.PLANNED
        if not own and (lemma in lexicon().planning_verbs or lemma in ("yet",)):
            return Status.PLANNED
        if own and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in children) and v.head.lemma_.lower() == "be" and v.dep_ == "xcomp":
            return Status.PLANNED  # "is to visit"
        if own and v.tag_ == "VBG" and any(a.lemma_.lower() == "be" for a in aux):
            if any(a.tag_ in ("VBD",) for a in aux) or any(a.lower_ == "been" for a in aux):
                return Status.ONGOING if any(a.lemma_.lower() == "have" for a in aux) else Status.OCCURRED
            return Status.ONGOING
        if own and any(p.dep_ == "prep" and p.lower_ == "since" for p in children) and any(a.lemma_.lower() == "have" for a in aux):
            return Status.ONGOING
        if own and v.dep_ == "xcomp" and v.head.lemma_.lower() == "have" and any(ch.lower_ == "yet" for ch in v.head.children):
            return Status.PLANNED  # "has yet to be approved"
        if v.dep_ == "conj" or v.dep_ in ("ROOT",):
            break
    return Status.OCCURRED


def _purpose(verb: Token) -> bool:
    """Whether ``verb`` is an infinitive of purpose ("blocked highways to protest"), not a
    gerund the parse hangs the same way ("ruled out sending troops": what was ruled out)."""
    return verb.dep_ == "advcl" and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children)


def _governing_verb(tok: Token) -> Token | None:
    """The verb a noun trigger is an argument of ("the agreement will be signed", "ruled out
    the possibility of establishing", "the visit was postponed"), or None."""
    t = tok
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    head = t.head
    if t.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") and head.pos_ in ("VERB", "AUX"):
        return head
    if t.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in ("of", "for", "in") and head.head.dep_ in ("dobj", "nsubj", "nsubjpass"):
        return _governing_verb(head.head)  # "ruled out the possibility of new bases"
    return None


def _chain(verb: Token) -> list[Token]:
    """The verb and the verbs that govern it through complements and infinitives."""
    out = [verb]
    t = verb
    for _ in range(MAX_CLIMB):
        if t.dep_ not in GOVERNING or t.head.i == t.i:
            break
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            out.append(t)
    return out


def _denied(verb: Token) -> bool:
    """Whether a noun on the way up says "no" ("there is no question of bases being established")."""
    t = verb
    for _ in range(MAX_CLIMB):
        if t.dep_ not in GOVERNING or t.head.i == t.i:
            return False
        t = t.head
        if t.pos_ in ("NOUN", "PROPN") and any(d.dep_ in ("det", "neg") and d.lower_ in ("no", "neither") for d in t.children):
            return True
    return False


def framed_by_negation(c: Candidate) -> bool:
    """A noun that only frames a negated clause ("did not clash during a brief visit"): the
    text presupposes it as background and asserts nothing of it; no event is read from it."""
    tok = c.token
    head = tok.head
    if not c.noun or tok.dep_ != "pobj" or head.dep_ != "prep" or head.lower_ not in lexicon().temporal_relations:
        return False
    verb = head.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    return any(ch.dep_ == "neg" for v in _chain(verb) for ch in v.children) or _denied(verb)
