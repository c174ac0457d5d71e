"""What a candidate is read against (``Context``) and what reading it gives (``Reading``).

A ``Context`` carries the document's text, its date, the lexicon, the last date mentioned and the
tense cues; ``dated`` and ``unknown`` build the readings of every family.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from timeline.timex.anchor import (
    DAY,
    MONTH,
    Point,
    TenseIndex,
)
from timeline.timex.lexicon import Lexicon
from timeline.timex.recognize import Candidate

__all__ = ["QUARTER_REACH", "REFS", "Context", "Handler", "Reading", "dated", "unknown"]


REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")


QUARTER_REACH = 20_000  # characters: how far back "a year earlier" looks for the quarter discussed


@attrs.define
class Reading:
    """A candidate's normalization (mutable while the tagger merges neighbours)."""

    type: str
    value: str
    mod: str | None = None
    point: Point | None = None  # the date it names, when it names one
    time: str | None = None  # "T10:30" / "TMO": a time of day waiting for its day
    anchored: bool = False  # resolved against the last date mentioned (not a new reference)
    end: int | None = None  # the expression ends here, before the end of its match
    start: int | None = None  # the expression starts here, after the start of its match
    partial: str = ""  # what a neighbour may complete: "month" (no year), "weekday", "year"
    month: int = 0
    absolute: bool = False  # the text gave the year itself
    years: tuple[int, int] | None = None  # the years [first, last + 1) when they are finer than the value (a part of a century)
    anchor_value: str | None = None  # a duration counted from the document date: the point it reaches


@attrs.define
class Context:
    """What a document's expressions are resolved against, updated as the tagger reads on."""

    text: str
    dct: Point | None
    lex: Lexicon
    narrative: bool = False
    _ref: Point | None = None  # the last date mentioned
    _quarter: Point | None = None  # the last quarter mentioned (financial reports compare quarters)
    _month_ref: Point | None = None  # the last date mentioned that names a month (narratives)
    quarter_at: int = 0  # where it was mentioned
    tenses: TenseIndex | None = None  # built on first use
    story_read: bool = False  # set when a reading looks at the story so far (ref or quarter)

    @property
    def ref(self) -> Point | None:
        """The last date mentioned (reading it marks the reading as depending on the story)."""
        self.story_read = True
        return self._ref

    @ref.setter
    def ref(self, point: Point | None) -> None:
        self._ref = point

    @property
    def month_ref(self) -> Point | None:
        """The last date mentioned that names a month or a day."""
        self.story_read = True
        return self._month_ref

    @month_ref.setter
    def month_ref(self, point: Point | None) -> None:
        self._month_ref = point

    def story_anchor(self) -> Point | None:
        """The anchor of a month or a day named without a year in a narrative: the last date
        mentioned, unless that is a coarser date the story does not follow, a year before the last
        month named ("... as in 1614. On 27 December") or more than a year after it ("documents
        found in 2004 ... July 29"); then that month's date."""
        ref = self.ref
        month = self.month_ref
        if month is None or ref is None or ref.gran in (DAY, MONTH):
            return ref
        return ref if 0 <= ref.year - month.year <= 1 else month

    @property
    def quarter(self) -> Point | None:
        """The last quarter mentioned."""
        self.story_read = True
        return self._quarter

    @quarter.setter
    def quarter(self, point: Point | None) -> None:
        self._quarter = point

    def recent_quarter(self, cand: Candidate) -> Point | None:
        """The quarter under discussion: mentioned within the last few sentences."""
        if self.quarter is not None and cand.start - self.quarter_at <= QUARTER_REACH:
            return self.quarter
        return None

    def deictic_anchor(self) -> Point | None:
        """Anchor of "yesterday", "last week": the document date (narrative: the last date)."""
        if self.narrative:
            ref = self.ref
            if ref is not None:
                return ref
        return self.dct

    def anaphoric_anchor(self) -> Point | None:
        """Anchor of "a year earlier", "the next day": the last date mentioned, else the document date."""
        return self.ref if self.ref is not None else self.dct

    def current(self, gran: str) -> Point | None:
        """The period of the deictic anchor at a granularity ("this quarter")."""
        anchor = self.deictic_anchor()
        return anchor.coarser(gran) if anchor is not None else None

    def tense_index(self) -> TenseIndex:
        """The tense cues of the text (found once per document)."""
        if self.tenses is None:
            self.tenses = TenseIndex(self.text, self.lex)
        return self.tenses

    def tense(self, cand: Candidate) -> int:
        return self.tense_index().tense(cand.start, cand.end)

    def tense_and_distance(self, cand: Candidate) -> tuple[int, float]:
        """The tense with how far its cue stands from the expression."""
        return self.tense_index().tense_and_distance(cand.start, cand.end)


Handler = Callable[[Candidate, Context], Reading | None]


def dated(point: Point | None, type_: str = "DATE", mod: str | None = None, **kw: Any) -> Reading | None:
    """The reading of a date the calendar can place (None stays None)."""
    if point is None:
        return None
    return Reading(type_, point.value(), mod, point=point, **kw)


def unknown(value: str, type_: str = "DATE", **kw: Any) -> Reading:
    """The reading of a value with no calendar date of its own (durations, sets, PAST_REF, XXXX)."""
    return Reading(type_, value, **kw)
