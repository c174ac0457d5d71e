"""Temporal expressions for events: ``timeline.tag`` over the report, and the document date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from timeline import Timex, find_document_date
from timeline import tag as tag_text
from timeline.span import Span


def tag(text: str, dct: Span | None, start: int = 0, end: int | None = None) -> list[Timex]:
    """The temporal expressions of ``text[start:end]``, with offsets into ``text``."""
    found = tag_text(text[start:end], dct)
    if not start:
        return found
    return [attrs.evolve(t, start=t.start + start, end=t.end + start) for t in found]


def document_date(text: str) -> Span | None:
    """The document date found in ``text`` (a dateline), or None."""
    found = find_document_date(text)
    if found is None or found.span is None or found.span.earliest_start is None:
        return None
    return found.span


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


def in_range(refs: Iterable[Timex], start: int, end: int) -> list[Timex]:
    """The expressions inside [start, end)."""
    return [r for r in refs if r.start >= start and r.end <= end]
