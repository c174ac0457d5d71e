"""Stage five of the tagger: a TIMEX3 type, value and mod for each candidate, against an anchor.

Each rule of ``data/rules.json`` names a handler; the handlers live in one module per family
(``dates``, ``periods``, ``relative``, ``durations``, ``clock``, ``sets``, ``holidays``, ``story``) and
share ``words`` (names and numbers to values), ``tense_year`` (the year the tense gives an
expression that names none) and ``guards`` (words that look like a time and are not). A handler
reads the candidate's groups, looks words up in the context's lexicon and returns a ``Reading``,
or None when the words are not a time after all ("1,500 troops"): the only non-answer. Anything
else a handler raises is a bug and propagates.

Anchors come from the ``Context``: the document date for deictic expressions ("yesterday",
"last week"), the last date mentioned for anaphoric ones ("a year earlier", "the next day"), and
in narrative mode the last date mentioned for everything underspecified.
"""

from __future__ import annotations

from timeline.timex.normalize import (
    clock,
    dates,
    durations,
    holidays,
    periods,
    relative,
    sets,
    story,
)
from timeline.timex.normalize.context import Context, Handler, Reading
from timeline.timex.recognize import Candidate

HANDLERS: dict[str, Handler] = {
    **dates.HANDLERS,
    **periods.HANDLERS,
    **holidays.HANDLERS,
    **relative.HANDLERS,
    **durations.HANDLERS,
    **clock.HANDLERS,
    **sets.HANDLERS,
    **story.HANDLERS,
}


def normalize(cand: Candidate, ctx: Context) -> Reading | None:
    """The reading of one candidate (None: not a temporal expression)."""
    return HANDLERS[cand.rule.handler](cand, ctx)


__all__ = ["HANDLERS", "Context", "Reading", "normalize"]
