"""The document date stage: the caller's date, else the dateline's; a warning when there is none."""

from __future__ import annotations

import datetime as dt

from events.text.timexes import dct_span
from timeline import calendar, find_document_date
from timeline.span import Span

__all__ = ["NO_DATE", "day_of", "document_date"]

NO_DATE = "no document date given or found: times relative to the report stay open"


def document_date(text: str, given: Span | dt.date | str | None) -> tuple[Span | None, tuple[str, ...]]:
    """(the document date, warnings). ``DocumentDateError`` (a ``ValueError``) names a ``given``
    date that cannot be read."""
    if given is not None:
        span = dct_span(given)
        assert span is not None
        return span, ()
    found = find_document_date(text)
    if found is None or found.span is None or found.span.earliest_start is None:
        return None, (NO_DATE,)
    return found.span, ()


def day_of(span: Span | None) -> dt.date | None:
    """The first day of a document date, for the dictionaries' dated roles."""
    if span is None or span.earliest_start is None:
        return None
    y, m, d, *_ = calendar.civil_from_seconds(span.earliest_start)
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None
