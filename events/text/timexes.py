"""The time expressions stage: ``timeline.tag`` over the report (the only source of time values),
and the reading of a document date given by the caller."""

from __future__ import annotations

import datetime as dt

import attrs

from events.errors import DocumentDateError
from timeline import Timex, parse_document_date
from timeline import tag as tag_text
from timeline.span import Span

__all__ = ["dct_span", "tag"]


def tag(text: str, dct: Span | None, start: int = 0, end: int | None = None, mode: str = "news") -> list[Timex]:
    """The temporal expressions of ``text[start:end]``, with offsets into ``text``."""
    found = tag_text(text[start:end], dct, mode=mode)  # type: ignore[arg-type]
    if not start:
        return found
    return [attrs.evolve(t, start=t.start + start, end=t.end + start) for t in found]


def dct_span(value: Span | dt.date | str | None) -> Span | None:
    """The document date from a ``Span``, a ``date`` or text ``timeline.parse_document_date``
    reads (YYYY-MM-DD, YYYYMMDD, YYYY-MM, YYYY, an ISO datetime); None when ``value`` is None.
    ``DocumentDateError`` (a ``ValueError``) names a value that is no document date."""
    if value is None or isinstance(value, Span):
        return value
    try:
        return parse_document_date(value).span
    except ValueError as error:
        raise DocumentDateError(str(error)) from error
