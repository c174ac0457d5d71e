"""Status: whether an event occurred, is ongoing, planned, failed, negated or hypothetical,
from the words of its clause before the trigger ("will pay", "are discussing", "tried but
failed", "ruled out", "if ... wants to") and the trigger's own form. Cue words are in
``lexicon.json``."""

from __future__ import annotations

from collections.abc import Sequence

from events.model import Status
from events.text.lexicon import words
from events.text.sentences import Token

WINDOW = 7  # words before the trigger that can carry its status


def status_of(tokens: Sequence[Token], clause_start: int, head: int, noun: bool, trigger_status: str | None = None,
              reported: bool = False) -> Status:  # fmt: skip
    """The status of the event whose trigger head is at ``head`` (sentence token positions).

    ``reported``: the clause is what someone said ("Gates said the U.S. would begin ..."), where
    "would" is a future seen from the past, not a supposition."""
    before = tokens[max(clause_start, head - WINDOW) : head]
    lowers = [t.lower for t in before]
    lemmas = [t.lemmas for t in before]
    negation = words("negation")
    if any(w in negation for w in lowers[-4:]) and not _negation_belongs_elsewhere(lowers):
        return Status.NEGATED
    if any(lem & words("negating_verbs") for lem in lemmas[-3:]):
        return Status.NEGATED  # "denied accusations", "avoided a clash"
    if any(w in words("failure_words") for w in lowers):
        return Status.FAILED
    cues = {w for w in lowers if w in words("hypothetical_cues")}
    if reported and cues <= {"would"} and "would" in cues:
        return Status.PLANNED
    if cues:
        return Status.HYPOTHETICAL
    head_tok = tokens[head]
    if trigger_status in {s.value for s in Status}:
        return Status(trigger_status)
    if any(w in words("future_auxiliaries") for w in lowers) or _going_to(lowers):
        return Status.PLANNED
    if any(lem & words("planning_verbs") for lem in lemmas[-4:]) and "to" in lowers[-2:]:
        return Status.PLANNED
    if lowers[-2:] in (["is", "to"], ["are", "to"], ["about", "to"]) or lowers[-3:-1] == ["about", "to"] or (lowers[-1:] == ["to"] and _to_infinitive_planned(lowers, lemmas)):
        return Status.PLANNED
    if noun and any(w in words("planned_noun_modifiers") for w in lowers[-3:]):
        return Status.PLANNED
    if any(lem & words("attempt_verbs") for lem in lemmas[-3:]) and "to" in lowers[-2:]:
        return Status.HYPOTHETICAL  # an attempt: the event itself is not asserted
    if not noun and head_tok.lower.endswith("ing") and any(w in words("progressive_auxiliaries") for w in lowers[-3:]):
        return Status.ONGOING
    if any(w in words("ongoing_words") for w in lowers[-3:]):
        return Status.ONGOING
    return Status.OCCURRED


def _negation_belongs_elsewhere(lowers: list[str]) -> bool:
    """'no choice but to allow': the negation is of another word."""
    return "but" in lowers[-3:]


def _going_to(lowers: list[str]) -> bool:
    return any(lowers[k : k + 2] == ["going", "to"] for k in range(len(lowers) - 1))


def _to_infinitive_planned(lowers: list[str], lemmas: list[frozenset[str]]) -> bool:
    """'preparing the base to station': a purpose or intention, not yet done."""
    return not any(lem & words("attempt_verbs") for lem in lemmas[-4:])


def tense_of(tokens: Sequence[Token], clause_start: int, clause_end: int) -> Status | None:
    """The clause's own tense as a status (for noun triggers): future, progressive or past."""
    lowers = [t.lower for t in tokens[clause_start:clause_end]]
    if any(w in words("future_auxiliaries") for w in lowers) or _going_to(lowers):
        return Status.PLANNED
    for k, w in enumerate(lowers[:-1]):
        if w in ("is", "are", "am") and lowers[k + 1].endswith("ing"):
            return Status.ONGOING
    if any(w in words("past_auxiliaries") or (w.endswith("ed") and len(w) > 4) or w in words("irregular_past") for w in lowers):
        return Status.OCCURRED
    return None
