"""The time expressions stage: ``timeline.tag`` over the report (the only source of time values),
and the reading of a document date given by the caller."""

from __future__ import annotations

import datetime as dt

import attrs

from timeline import Timex
from timeline import tag as tag_text
from timeline.span import Span


def tag(text: str, dct: Span | None, start: int = 0, end: int | None = None, mode: str = "news") -> list[Timex]:
    """The temporal expressions of ``text[start:end]``, with offsets into ``text``."""
    found = tag_text(text[start:end], dct, mode=mode)  # type: ignore[arg-type]
    if not start:
        return found
    return [attrs.evolve(t, start=t.start + start, end=t.end + start) for t in found]


def dct_span(value: Span | dt.date | str | None) -> Span | None:
    """The document date from a ``Span``, a ``date`` or a TIMEX3 date ("2003-03-18"); None
    when ``value`` is None or not a date."""
    if value is None or isinstance(value, Span):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    text = value.isoformat() if isinstance(value, dt.date) else str(value).strip()
    try:
        span = Span.from_timex3(text)
    except ValueError:
        return None
    return span if span.earliest_start is not None else None
