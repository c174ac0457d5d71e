"""Ranges: two dates that a text joins into one stretch of time.

"from 1618 to 1648", "between 1995 and 1999", "7-9 June", "1618-48": TimeML annotates two
TIMEX3s ("1618", "1648"); a ``TimexRange`` holds both and the ``Span`` from the first to the
second: it starts within the first and ends within the second.
"""

from __future__ import annotations

import itertools
import re

import attrs

from timeline.span import Span
from timeline.timex.lexicon import Lexicon
from timeline.timex.patterns import context_regex
from timeline.timex.timex import Timex

_link = context_regex(r"\s{0,3}(?:[-–—]|(?P<word>{range_links}))\s{0,3}$")
_and_start = context_regex(r"\b{range_and_starts}\s{1,3}$")
_AND = re.compile(r"and", re.IGNORECASE)
_POINT_TYPES = ("DATE", "TIME")


@attrs.frozen(slots=True)
class TimexRange:
    """Two timexes joined as a range, and the span from the first to the second."""

    first: Timex
    last: Timex
    span: Span

    @property
    def start(self) -> int:
        return self.first.start

    @property
    def end(self) -> int:
        return self.last.end


def _range_span(first: Span, last: Span) -> Span | None:
    """Starts within ``first``, ends within ``last``; None when either is open or they run backwards."""
    bounds = (first.earliest_start, first.latest_end, last.earliest_start, last.latest_end)
    if any(b is None for b in bounds):
        return None
    es, ls, ee, le = (int(b) for b in bounds if b is not None)
    if le < ls or ee < es:
        return None
    return Span(es, ls, ee, le, granularity=min(first.granularity, last.granularity))


def find_ranges(text: str, timexes: list[Timex], lex: Lexicon) -> list[TimexRange]:
    """The ranges among ``timexes`` (tagged from ``text``, sorted by start)."""
    found: list[TimexRange] = []
    for first, last in itertools.pairwise(timexes):
        if first.type not in _POINT_TYPES or last.type not in _POINT_TYPES or first.span is None or last.span is None:
            continue
        if first.mod is not None or last.mod is not None:
            continue
        link = _link(lex).match(text, first.end, last.start)
        if link is None or (found and found[-1].last is first):
            continue
        word = link.group("word")
        if word is not None and _AND.fullmatch(word) and _and_start(lex).search(text, max(0, first.start - 12), first.start) is None:
            continue  # "in 1995 and 1999": two dates; "between 1995 and 1999": a range
        span = _range_span(first.span, last.span)
        if span is not None:
            found.append(TimexRange(first, last, span))
    return found


__all__ = ["TimexRange", "find_ranges"]
