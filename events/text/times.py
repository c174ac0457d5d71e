"""The time stage: each event's time, from the first of these that applies.

1. the time expression attached to its trigger in the parse: a prepositional, adverbial or
   temporal modifier of the trigger, or of the verb a noun trigger is the subject or light
   object of ("the decision was made in 1999", "the 1999 agreement"); never the nearest
   expression in a window. A past clause with a weekday or month the tagger read forward is read
   back a week or a year ("on Tuesday admitted"), a future one the other way;
2. "in three weeks" / "within a month" of a future event: that far after the report's date;
   "since X": from X to the report's date;
3. an event coreferent with a dated one shares its time (its cluster's best expression);
4. "during his trip", "after the talks", "as the minister ended her tour": through the other
   event's time;
5. otherwise its tense against the report: before it (basis ``tense``), after it when planned.
   In a news report, an undated simple-past event takes the day its story last set, when that
   day is in the week before the report and was set at most two event sentences back, or else
   the lead's day while the story has named no older time (basis ``discourse``,
   ``events.text.discourse``); not one in a clause placed "after" or "before" its main clause.
   An event related to one the story dates takes its time through that relation. In a
   narrative, an undated event lies between the previous and the next dated events.
"""

from __future__ import annotations

import bisect
import collections
from collections.abc import Sequence
from typing import TYPE_CHECKING

import attrs

from events.model import Status
from events.text.anchoring import Anchor, carrier, clause_word, scene_verb
from events.text.candidates import Candidate
from events.text.discourse import Frame, ReferenceTimes
from events.text.lexicon import lexicon, timing
from events.text.timing import (
    add_duration,
    between,
    closed,
    dating,
    fits_a_day,
    framed_span,
    is_after,
    is_before,
    phase_span,
    related_span,
    shifted,
    since_span,
    span_of_timeref,
    tense_span,
    the_day_of,
    within_duration,
    within_tense,
)
from timeline import Timex
from timeline.span import Granularity, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "BASIS_RANK",
    "PAST_TAGS",
    "PRESENT_STATUSES",
    "PRESENT_TAGS",
    "RELATION_MODS",
    "EventTime",
    "cluster_times",
    "present",
    "relations",
]

BASIS_RANK = {"timex": 3, "relation": 2, "discourse": 1, "narrative": 1, "present": 1, "tense": 1, "none": 0}
PAST_TAGS = frozenset({"VBD"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})
PRESENT_STATUSES = frozenset({Status.OCCURRED, Status.ONGOING, Status.NEGATED})
RELATION_MODS = frozenset({"AFTER", "BEFORE", "ON_OR_AFTER", "ON_OR_BEFORE"})


@attrs.frozen(slots=True)
class EventTime:
    """A cluster's time, how it was found, the text it was read from, and its status."""

    span: Span
    basis: str
    text: str | None
    status: Status


def relations(cands: Sequence[Candidate]) -> list[tuple[str, int] | None]:
    """For each candidate, the relation the text states to another candidate's event
    ("signed during his trip": ("during", index of the trip))."""
    by_token = {(c.sentence.index, c.token.i): n for n, c in enumerate(cands)}
    table: dict[str, str] = lexicon().temporal_relations
    clause_table: dict[str, str] = timing().clause_relations
    out: list[tuple[str, int] | None] = []
    for c in cands:
        found: tuple[str, int] | None = None
        heads = [c.token]
        verb = carrier(c.token) if c.noun else None
        if verb is not None:
            heads.append(verb)
        for head in heads:
            for child in head.children:
                rel = table.get(child.lower_) if child.dep_ == "prep" else None
                if rel is not None and rel != "at":
                    for obj in child.children:
                        k = by_token.get((c.sentence.index, obj.i)) if obj.dep_ == "pobj" else None
                        if k is not None and cands[k] is not c:
                            found = (rel, k)
                if child.dep_ == "advcl" and found is None:
                    rel = clause_table.get(clause_word(child) or "")
                    if rel is not None:
                        for t in (child, *(o for o in child.children if o.dep_ == "dobj")):
                            k = by_token.get((c.sentence.index, t.i))
                            if k is not None and cands[k] is not c:
                                found = (rel, k)
                                break
        out.append(found)
    return out


def _clause_verb(tok: Token) -> tuple[Token, list[Token]] | None:
    """The verb whose tense is a trigger's (the trigger, or the verb a noun trigger is carried
    by or is the scene of: "said at a news conference") and its auxiliaries in text order; None
    for a noun no verb carries."""
    verb = tok if tok.pos_ in ("VERB", "AUX") else carrier(tok) or scene_verb(tok)
    if verb is None:
        return None
    if _reduced_clause(verb) or (verb.dep_ == "acomp" and verb.head.lemma_.lower() == "be"):
        verb = verb.head  # "When asked, she frowned", "is bitterly opposed": the tense of the clause's finite verb
    return verb, sorted((a for a in verb.children if a.dep_ in ("aux", "auxpass")), key=lambda a: a.i)


def _reduced_clause(verb: Token) -> bool:
    """A participle clause with no subject or auxiliary of its own on a finite verb ("When
    asked ..., she frowned", "after meeting Blair, he said")."""
    return (verb.dep_ == "advcl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in ("VERB", "AUX")
            and not any(ch.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for ch in verb.children))  # fmt: skip


def _perfect(aux: Sequence[Token]) -> bool:
    return any(a.lemma_.lower() == "have" for a in aux)


def _simple_past(tok: Token) -> bool:
    """Whether a trigger's clause is in the simple past ("denounced", "were arrested"), not a
    perfect ("had met", "has signed"): the tense that moves a story on at its reference time."""
    found = _clause_verb(tok)
    if found is None or _perfect(found[1]):
        return False
    return _past_form(*found)


def _past_form(verb: Token, aux: Sequence[Token]) -> bool:
    """A past verb or auxiliary; also a main verb the tagger took for a bare participle
    ("Hundreds protested in Bamako" tagged VBN: a main clause has no bare participle)."""
    finite_participle = verb.tag_ == "VBN" and not aux and verb.dep_ == "ROOT" and any(ch.dep_ == "nsubj" for ch in verb.children)
    return verb.tag_ in PAST_TAGS or any(a.tag_ in PAST_TAGS for a in aux) or finite_participle


def _past(tok: Token) -> bool:
    """Whether a trigger's clause is in a past tense ("admitted", "had met", "has signed"); not
    the past of a verb that set it for later ("scheduled talks for Monday")."""
    found = _clause_verb(tok)
    if found is None or (found[0].i != tok.i and found[0].lemma_.lower() in timing().scheduling_verbs):
        return False
    verb, aux = found
    return _past_form(verb, aux) or (verb.tag_ == "VBN" and _perfect(aux))


def present(tok: Token) -> bool:
    """Whether a trigger's clause is in the present: a present finite verb or first auxiliary
    ("condemns", "is negotiating", "is opposed", "have been ceding"), not a present perfect
    of a finished act ("has signed") and not a future or modal."""
    found = _clause_verb(tok)
    if found is None:
        return False
    verb, aux = found
    finite = aux[0] if aux else verb
    if finite.tag_ not in PRESENT_TAGS:
        return False
    return not _perfect(aux) or verb.tag_ == "VBG"


def _anchored_span(c: Candidate, anchor: Anchor, status: Status, dct: Span | None) -> tuple[Span, Status] | None:
    ref = anchor.timex
    prep = anchor.preposition
    if ref.type == "DURATION":
        if prep in ("in", "within") and status is Status.PLANNED and dct is not None:
            span = add_duration(dct, ref.value) if prep == "in" else within_duration(dct, ref.value)
            return (span, status) if span is not None else None
        if status is Status.PLANNED or not dating(ref) or prep in timing().length_prepositions:
            return None  # "for three weeks", "for the last week", "lasted three hours": how long, not when
    span = span_of_timeref(ref, dct)
    if span is None:
        return None
    if prep == "since" and ref.type != "DURATION":
        ongoing = since_span(span, dct)
        if ongoing is not None:
            return ongoing, Status.ONGOING if status in (Status.OCCURRED, Status.ONGOING) else status
    relation = timing().framing_prepositions.get(prep or "")
    if relation is not None and ref.mod not in RELATION_MODS:  # (the tagger may have read it: "after Tuesday", AFTER)
        return framed_span(relation, span), status  # "signed after Tuesday", "by May": a bound, not the date
    span = _tensed(c, ref, span, status, dct)
    end = span_of_timeref(anchor.until, dct) if anchor.until is not None else None
    if end is not None and anchor.until is not None:
        end = _tensed(c, anchor.until, end, status, dct)
        if _after(end, span):
            return phase_span(span, end), status
    return span, status


def _tensed(c: Candidate, ref: Timex, span: Span, status: Status, dct: Span | None) -> Span:
    """A weekday or month the tagger read the other way from the clause's tense, moved a week or
    a year ("on Tuesday admitted" in a report of Wednesday); never one with a number or a
    direction of its own ("next Monday")."""
    directed = any(ch.isdigit() for ch in ref.text) or bool(set(ref.text.lower().split()) & timing().directed_time_words)
    if dct is not None and not directed and span.granularity in (Granularity.DAY, Granularity.MONTH):
        if _past(c.token) and is_after(span, dct):
            return shifted(span, back=True) or span
        if (status is Status.PLANNED or present(c.token)) and is_before(span, dct) and not _past(c.token):
            return shifted(span, back=False) or span  # "will meet Monday", "meet Monday": the Monday to come
    return span


def _after(end: Span, start: Span) -> bool:
    return end.latest_end is not None and start.earliest_start is not None and end.latest_end > start.earliest_start


def cluster_times(clusters: Sequence[Sequence[int]], cands: Sequence[Candidate], statuses: Sequence[Status | None],
                  anchors: Sequence[Anchor | None], links: Sequence[tuple[str, int] | None],
                  cluster_of: Sequence[int], dct: Span | None, mode: str, frames: Sequence[Frame] = ()) -> list[EventTime]:  # fmt: skip
    """The time of each cluster of coreferent candidates (``frames``: the report's clause-level
    time expressions, ``events.text.discourse.clause_frames``)."""
    known: dict[int, EventTime] = {}
    for _ in range(3):  # expressions first; then relations to clusters dated by them
        for n, members in enumerate(clusters):
            known[n] = _cluster_time(members, cands, statuses, anchors, links, cluster_of, known, dct)
    times = [known[n] for n in range(len(clusters))]
    if mode == "narrative":
        return _narrative(clusters, cands, times)
    times = _at_reference_time(clusters, cands, anchors, times, ReferenceTimes(frames, [c.sentence.index for c in cands]))
    known = dict(enumerate(times))
    for n, members in enumerate(clusters):  # "flew home after the news conference": the conference's day, from the story
        if times[n].basis == "tense":
            times[n] = _cluster_time(members, cands, statuses, anchors, links, cluster_of, known, dct)
    return times


def _cluster_time(members: Sequence[int], cands: Sequence[Candidate], given: Sequence[Status | None],
                  anchors: Sequence[Anchor | None], links: Sequence[tuple[str, int] | None],
                  cluster_of: Sequence[int], known: dict[int, EventTime], dct: Span | None) -> EventTime:  # fmt: skip
    said: list[Status] = [s for s in (given[k] for k in members) if s is not None]
    counts = collections.Counter(said)
    last = {s: i for i, s in enumerate(said)}
    overall = max(counts, key=lambda s: (counts[s], last[s])) if counts else Status.OCCURRED  # the most said; a tie to the latest
    statuses: dict[int, Status] = {k: given[k] or overall for k in members}
    options: list[tuple[int, int, EventTime]] = []
    for order, k in enumerate(members):
        anchor = anchors[k]
        if anchor is not None:
            found = _anchored_span(cands[k], anchor, statuses[k], dct)
            if found is not None:
                options.append((BASIS_RANK["timex"], -order, EventTime(found[0], "timex", anchor.timex.text, found[1])))
                continue
        link = links[k]
        if link is not None:
            other = known.get(cluster_of[link[1]])
            if other is not None and other.basis in ("timex", "relation", "discourse") and cluster_of[link[1]] != cluster_of[k]:
                span = within_tense(related_span(link[0], other.span), statuses[k], dct)
                options.append((BASIS_RANK["relation"], -order, EventTime(span, "relation", cands[link[1]].trigger_text, statuses[k])))
    if options:
        best = max(options, key=lambda o: (o[0], o[1]))[2]
        status = best.status
        committed = any(cands[k].intended for k in members)  # "promised aid on Thursday": promised then, still to come
        if status is Status.OCCURRED and is_after(best.span, dct):
            status = Status.PLANNED
        if status is Status.PLANNED and is_before(best.span, dct) and best.basis == "timex" and not committed:
            status = Status.OCCURRED
        return attrs.evolve(best, status=status)
    if dct is not None and overall in PRESENT_STATUSES and any(present(cands[k].token) for k in members):
        day = the_day_of(dct)
        if day is not None:  # "Iran condemns", "is negotiating": what the report says holds on its day
            return EventTime(day, "present", None, overall)
    return EventTime(tense_span(overall, dct), "tense" if dct is not None else "none", None, overall)


def _at_reference_time(clusters: Sequence[Sequence[int]], cands: Sequence[Candidate], anchors: Sequence[Anchor | None],
                       times: list[EventTime], reference: ReferenceTimes) -> list[EventTime]:  # fmt: skip
    """An undated simple-past event of a news report at its story's reference time."""
    out = list(times)
    event_nouns = {(c.sentence.index, c.token.i) for c in cands if c.noun}
    for n, members in enumerate(clusters):
        first = cands[members[0]]
        lasting = [a.timex for a in (anchors[k] for k in members) if a is not None]
        if times[n].basis != "tense" or times[n].status is not Status.OCCURRED or not all(fits_a_day(t) for t in lasting):
            continue  # "negotiated for months" is no one day's news; "a day-long meeting" can be
        if not _simple_past(first.token) or _told_of_an_event(first, event_nouns) or _placed_by_its_clause(first.token):
            continue  # a relative clause on an event tells of that event: "the attack, which Washington blamed on Iran"
        frame = reference.at(first.start, first.sentence.index)
        if frame is not None and frame.span is not None:
            out[n] = EventTime(frame.span, "discourse", frame.timex.text, times[n].status)
    return out


def _placed_by_its_clause(tok: Token) -> bool:
    """Whether a trigger's clause is placed before or after its main clause's event ("came after
    Pakistan handed over a suspect"): its time is that order, not the story's day."""
    found = _clause_verb(tok)
    if found is None:
        return False
    markers = [ch.lower_ for ch in found[0].children if ch.dep_ == "mark" and ch.n_lefts + ch.n_rights == 0]  # not "Speaker after speaker"
    return any(timing().clause_relations.get(word) in ("after", "before") for word in markers)


def _told_of_an_event(c: Candidate, event_nouns: set[tuple[int, int]]) -> bool:
    """Whether a trigger is in a relative clause on a thing ("a border war that killed 80,000
    people"), or on an event noun or its phrase ("an attack on a tanker, which Washington blamed
    on Iran"): such a clause tells of its noun. One on a person or place moves with the story
    ("an official, who refused to identify himself")."""
    if c.token.dep_ not in ("relcl", "acl"):
        return False
    if any(ch.tag_ == "WDT" or (ch.lower_ == "that" and ch.dep_ in ("nsubj", "nsubjpass", "dobj")) for ch in c.token.children):
        return True
    noun = c.token.head
    for _ in range(3):
        if (c.sentence.index, noun.i) in event_nouns:
            return True
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return False
        noun = noun.head.head
    return False


def _narrative(clusters: Sequence[Sequence[int]], cands: Sequence[Candidate], times: list[EventTime]) -> list[EventTime]:
    """The events of a history in the story's order: an undated one between the dated events
    before and after it (the nearest with a known start before it, with a known end after it);
    a dated one with an open bound ("by September", "after the talks") bounded the same way."""
    order = sorted(range(len(clusters)), key=lambda n: cands[clusters[n][0]].start)
    dated = [n for n in order if times[n].basis in ("timex", "relation")]
    position = {n: k for k, n in enumerate(order)}
    with_start = [d for d in dated if times[d].span.earliest_start is not None]
    with_end = [d for d in dated if times[d].span.latest_end is not None]
    start_positions = [position[d] for d in with_start]
    end_positions = [position[d] for d in with_end]
    out = list(times)
    for n in order:
        k = bisect.bisect_left(start_positions, position[n])
        previous = times[with_start[k - 1]].span if k > 0 else None
        j = bisect.bisect_right(end_positions, position[n])
        following = times[with_end[j]].span if j < len(with_end) else None
        if times[n].basis in ("timex", "relation"):
            out[n] = attrs.evolve(times[n], span=_bounded(times[n].span, previous, following))
        elif previous is not None or following is not None:
            out[n] = EventTime(between(previous, following), "narrative", None, times[n].status)
    return out


def _bounded(span: Span, previous: Span | None, following: Span | None) -> Span:
    """A dated span with an open start or end closed by the story's neighbours, when they agree with it."""
    start, end = span.earliest_start, span.latest_end
    if start is None and previous is not None and previous.earliest_start is not None and (end is None or previous.earliest_start < end):
        start = previous.earliest_start
    if end is None and following is not None and following.latest_end is not None and (start is None or following.latest_end > start):
        end = following.latest_end
    return closed(span, start, end)
