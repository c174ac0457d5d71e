"""``Timex``: a temporal expression found in a text, the tagger's output."""

from __future__ import annotations

import functools

import attrs

from timeline import calendar as cal
from timeline.span import Span
from timeline.timex.anchor import Point


@attrs.frozen(slots=True)
class Timex:
    """A temporal expression found in a text: offsets, words, TIMEX3 type/value/mod, and its span.

    ``span`` is ``Span.from_timex3(value, mod)``: the uncertain time the value names ("2003-W11":
    anywhere in that week; PRESENT_REF: the document's day). Values that name no period of the
    calendar (durations, underspecified "XXXX-WXX") give open bounds; SETs give ``None``.

    ``anchored`` is the point in time a duration stands for when the text counts it from the
    document date: "will travel to Rome in three weeks" is annotated as the duration P3W (TimeML),
    and its ``anchored`` value is the day three weeks after the document date ("2003-04-08");
    ``anchored_span`` is that point as a ``Span``. It is None for every other expression.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)
    anchored: str | None = attrs.field(default=None, eq=False)

    @property
    def anchored_span(self) -> Span | None:
        """The ``anchored`` point as a Span (None when there is none)."""
        return timex_span(self.anchored, "DATE", None, None) if self.anchored is not None else None


@functools.lru_cache(maxsize=4096)
def timex_span(value: str, type_: str, mod: str | None, dct: Point | None) -> Span | None:
    """The Span of a TIMEX3 value (cached: documents repeat their values); None for a SET or a
    value that names no time the calendar can hold (a year past the calendar's range)."""
    if type_ == "SET":
        return None
    anchor = None
    if dct is not None and value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        anchor = Span.from_timex3(dct.value())
    try:
        return Span.from_timex3(value, mod, dct=anchor)
    except ValueError:
        return None


def widened_by_years(span: Span, years: int) -> Span:
    """An APPROX span of a year or decade: the period named (``span.timex``) grown by ``years``
    on each side ("c. 1790" with 1: 1789 to 1791 inclusive)."""
    exact = Span.from_timex3(span.timex) if span.timex is not None else span
    if exact.earliest_start is None or exact.latest_end is None:
        return span
    lo = cal.add_months_to_seconds(exact.earliest_start, -12 * years)
    hi = cal.add_months_to_seconds(exact.latest_end, 12 * years)
    return attrs.evolve(exact, earliest_start=lo, latest_start=hi, earliest_end=lo, latest_end=hi, mod="APPROX")


__all__ = ["Timex", "timex_span", "widened_by_years"]
