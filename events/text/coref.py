"""Coreference within a document: mentions of one event become one event.

"Putin will pay a visit to Dushanbe next month" and "Putin's upcoming trip to Dushanbe" are one
visit (same kind, same person, both planned); "What we signed in 1999" and "the 1999 agreement"
are one agreement (same kind, same date); "the base agreement will be signed" refers back to the
agreement being prepared (a definite noun with no date of its own). Two mentions are never one
event when they name different people, different dates, different amounts, or one says it
happened and the other that it will.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from events.model import ActorKind, Status
from events.text.timing import overlaps, span_of_timeref

if TYPE_CHECKING:
    from events.text.pipeline import Candidate

ANAPHORA_WINDOW = 12  # sentences a definite mention looks back
MEMBERS_COMPARED = 8  # the latest mentions of an event stand for it
COREF_WINDOW = 60  # sentences any mention looks back for an earlier mention of its event


def _persons(c: Candidate) -> set[str]:
    return {a.name for a in c.actors if a.kind is ActorKind.PERSON}


def _states(c: Candidate) -> set[str]:
    return {a.country for a in c.actors if a.country}


def _status_compatible(a: Status, b: Status) -> bool:
    if a == b:
        return True
    pair = {a, b}
    if Status.PLANNED in pair and Status.OCCURRED in pair:
        return False
    return not (Status.FAILED in pair and Status.OCCURRED in pair)


def _time_value(c: Candidate) -> str | None:
    return c.timeref.value if c.timeref is not None else None


def compatible(a: Candidate, b: Candidate) -> bool:
    """Whether two mentions may be one event (nothing they say contradicts)."""
    if a.kind.name != b.kind.name or not _status_compatible(a.status, b.status):
        return False
    pa, pb = _persons(a), _persons(b)
    if pa and pb and not pa & pb:
        return False
    if a.timeref is not None and b.timeref is not None and a.timeref.value != b.timeref.value:
        sa, sb = span_of_timeref(a.timeref, None), span_of_timeref(b.timeref, None)
        if sa is None or sb is None or not overlaps(sa, sb):
            return False
    qa = {(q.value, q.unit) for q in a.quantities}
    qb = {(q.value, q.unit) for q in b.quantities}
    if qa and qb and not qa & qb:
        return False
    sa_, sb_ = _states(a), _states(b)
    return not (sa_ and sb_ and not sa_ & sb_)


def _participle(c: Candidate) -> bool:
    """A clause that opens with the trigger's -ing form: it goes on about the clause before."""
    tokens = c.sentence.tokens
    a, _ = c.sentence.clauses[c.clause]
    head = c.match.first
    return head == a and tokens[head].lower.endswith("ing") and not c.match.noun


def same_event(earlier: Candidate, later: Candidate) -> bool:
    """Whether ``later`` is another mention of ``earlier``'s event."""
    if later.sentence.index == earlier.sentence.index and later.clause == earlier.clause:
        return False
    if later.sentence.index == earlier.sentence.index and later.clause == earlier.clause + 1 and _participle(later):
        return compatible(earlier, later)  # "struck targets in Gaza, killing 12 people"
    if not compatible(earlier, later):
        return False
    if _persons(earlier) & _persons(later):
        return True
    ve, vl = _time_value(earlier), _time_value(later)
    if ve is not None and ve == vl and (_states(earlier) & _states(later) or later.definite or later.match.noun):
        return True
    places_e = {p.name for p in earlier.places if p.country is not None}
    places_l = {p.name for p in later.places if p.country is not None}
    towns = {p.name for p in earlier.places if p.latitude is not None} & {p.name for p in later.places if p.latitude is not None}
    if towns and (vl is None or ve is None) and places_e & places_l:
        return True
    distance = later.sentence.index - earlier.sentence.index
    return later.definite and vl is None and distance <= ANAPHORA_WINDOW


def cluster(cands: list[Candidate]) -> list[list[int]]:
    """Groups of candidate indexes, each one event, in order of first mention."""
    clusters: list[list[int]] = []
    by_kind: dict[str, list[int]] = {}
    for k, c in enumerate(cands):
        target = None
        recent = by_kind.setdefault(c.kind.name, [])
        while recent and c.sentence.index - cands[clusters[recent[0]][-1]].sentence.index > COREF_WINDOW:
            recent.pop(0)  # too far back to be the same event
        for n in reversed(recent):
            members = clusters[n]
            last = members[-MEMBERS_COMPARED:]
            if all(compatible(cands[m], c) for m in last) and any(same_event(cands[m], c) for m in last):
                target = n
                break
        if target is None:
            clusters.append([k])
            c.cluster = len(clusters) - 1
            recent.append(c.cluster)
        else:
            clusters[target].append(k)
            c.cluster = target
            recent.remove(target)
            recent.append(target)
    return clusters
