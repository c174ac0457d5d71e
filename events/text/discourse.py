"""The reference time of a news report: the day its last clause-level time expression set.

A news story states the day of what it reports once ("Castro spoke on Thursday in a packed
auditorium") and tells what followed in the simple past without repeating it ("Speaker after
speaker denounced the United States"). That day is the reference time of the simple-past
sentences after it (Reichenbach's R; Kamp and Reyle's temporal perspective point), until
another expression sets a new one or the story moves on.

A reference time here is set only by an expression that dates a clause ("on Thursday" on a verb,
"the Council on Aug. 6 ordered"), never by one inside a noun phrase ("the Aug. 7 bombings" dates
the bombings, not the sentence) nor by a second one on a verb the first dates.
It holds for an undated simple-past event (not one in a relative clause on another event: that
clause tells of its event, not of what happened next) when it names a day, or part of one, in
the week before the report, and was set at most ``MAX_SENTENCES_BACK`` sentences that report
events before the event's (quotations and descriptions between them do not move the story on).
Past that, the day of the lead holds again: a report tells one day's news, and a later day it
names ("On Sunday, troops had arrested four men") is an aside. An expression of another kind (a
month, a year, a day longer ago) ends the reference time without giving one, the lead's too: a
story that turns to its background ("The boy was plucked from the sea on Thanksgiving Day")
keeps its events dated only "before the report". Background in a relative clause on a
participant ("Castro, who arrived in Miami in 1961, believes") does not end it.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from events.text.anchoring import VERB_POS, Anchor
from events.text.candidates import Candidate
from events.text.parse import Sentence
from events.text.timing import dating, is_after, span_of_timeref
from timeline import Timex
from timeline.calendar import SECONDS_PER_DAY
from timeline.span import Granularity, Span

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["MAX_DAYS_BEFORE_REPORT", "MAX_SENTENCES_BACK", "Frame", "ReferenceTimes", "clause_frames", "verb_times"]

MAX_DAYS_BEFORE_REPORT = 7
MAX_SENTENCES_BACK = 2


@attrs.frozen(slots=True)
class Frame:
    """A clause-level time expression: where it stands and the period it names (None when it
    ends the reference time without giving one)."""

    start: int
    sentence: int
    timex: Timex
    span: Span | None


def clause_frames(sentences: Sequence[Sentence], timexes: Sequence[Timex], dct: Span | None,
                  verb_times: Mapping[tuple[int, int], int]) -> list[Frame]:  # fmt: skip
    """The expressions that date a clause, in text order, each with the reference time it sets.
    ``verb_times``: for each trigger verb (sentence number, token index) the start of the
    expression that dates it; another expression the parse hung on that verb does not set the
    day ("Saturday condemned the attacks in Kenya Friday": Saturday)."""
    if dct is None or dct.earliest_start is None:
        return []
    verb_dating = set(verb_times.values())
    starts = [s.start for s in sentences]
    frames: list[Frame] = []
    for timex in sorted(timexes, key=lambda t: t.start):
        k = bisect.bisect_right(starts, timex.start) - 1
        if k < 0 or timex.start >= sentences[k].end:
            continue  # a dateline or a heading outside the parsed sentences
        sentence = sentences[k]
        head = _head_outside(sentence, timex)
        if head is None or not (_dates_clause(head) or timex.start in verb_dating):
            continue  # (an expression the parse hung on a subject may still date its verb: "the Council on Aug. 6 ordered")
        own = verb_times.get((sentence.index, head.i))
        if own is not None and own != timex.start:
            continue
        span = span_of_timeref(timex, dct) if dating(timex) and timex.type != "SET" else None
        if span is None or is_after(span, dct):
            continue  # "for three hours", "every day", "next week": no past time of the story
        day = timex.type in ("DATE", "TIME") and _recent_day(span, dct)
        if not day and head.dep_ == "relcl":
            continue  # "Juanita Castro, who arrived in Miami in 1961, believes": background on a participant, the story stays
        frames.append(Frame(timex.start, sentence.index, timex, span if day else None))
    return frames


def verb_times(cands: Sequence[Candidate], anchors: Sequence[Anchor | None]) -> dict[tuple[int, int], int]:
    """For each verb trigger the anchoring dated, (sentence number, token index) -> the start of
    its expression."""
    return {(c.sentence.index, c.token.i): a.timex.start for c, a in zip(cands, anchors, strict=True) if a is not None and not c.noun}


def _head_outside(sentence: Sentence, timex: Timex) -> Token | None:
    """The token an expression hangs on: the head of its top token, through a preposition."""
    tokens = sentence.span.doc.char_span(timex.start - sentence.offset, timex.end - sentence.offset, alignment_mode="expand")
    if tokens is None or len(tokens) == 0:
        return None
    inside = {t.i for t in tokens}
    top = tokens[0]
    while top.head.i in inside and top.head.i != top.i:
        top = top.head
    head = top.head
    if head.dep_ in ("prep", "agent") and head.i not in inside:
        head = head.head
    return head


def _dates_clause(head: Token) -> bool:
    """Whether an expression on ``head`` dates its clause: a verb's, or the root's of a verbless
    sentence ("Tuesday, talks in Geneva"); not a noun's inside a phrase."""
    return head.pos_ in VERB_POS or head.dep_ == "ROOT"


def _recent_day(span: Span, dct: Span) -> bool:
    assert dct.earliest_start is not None
    if span.granularity > Granularity.DAY or span.earliest_start is None:
        return False
    return dct.earliest_start - span.earliest_start <= MAX_DAYS_BEFORE_REPORT * SECONDS_PER_DAY


class ReferenceTimes:
    """The reference time at each point of a report, given its frames and the numbers of the
    sentences that report events."""

    def __init__(self, frames: Sequence[Frame], event_sentences: Iterable[int]) -> None:
        self.frames = list(frames)
        self.starts = [f.start for f in self.frames]
        self.event_sentences = sorted(set(event_sentences))
        first = self.frames[0] if self.frames else None
        in_lead = first is not None and first.span is not None and bool(self.event_sentences) and first.sentence <= self.event_sentences[0]
        self.lead = first if in_lead else None  # the day of the report's first sentence of events
        self.first_ending = next((k for k, f in enumerate(self.frames) if f.span is None), len(self.frames))

    def at(self, offset: int, sentence: int) -> Frame | None:
        """The frame in force at a document offset in sentence number ``sentence``, when it gives a time."""
        k = bisect.bisect_left(self.starts, offset) - 1
        if k < 0:
            return None
        frame = self.frames[k]
        back = bisect.bisect_left(self.event_sentences, sentence) - bisect.bisect_left(self.event_sentences, frame.sentence)
        if frame.span is not None and 0 <= back <= MAX_SENTENCES_BACK:
            return frame
        return self.lead if k < self.first_ending else None  # until the story names an older time
