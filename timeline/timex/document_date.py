"""The one reader of document dates: what ``tag``, the events reader, the CLI and tables accept.

A document date (the DCT of TimeML) is a day, a month or a year:

- ``"2003-03-18"``, ``"20030318"``, ``"2003-03"``, ``"2003"`` (a sign and more digits for
  years past 9999: ``"-0043-03-15"``, ``"+12000"``);
- an ISO datetime, ``"2003-03-18T10:42:00Z"`` or ``"2003-03-18 10:42"`` (the day is kept);
- a ``datetime.date`` or ``datetime.datetime``;
- a ``Span`` with a known start (its first day).

Anything else, and any year outside +-1,000,000, is a ``ValueError`` naming the value.
"""

from __future__ import annotations

import datetime as dt
import re

import attrs

from timeline import calendar as cal
from timeline.span import Span

MAX_YEAR = 1_000_000

_DAY = re.compile(r"(?P<y>[+-]?\d{4,7})-(?P<m>\d{2})-(?P<d>\d{2})")
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_MONTH = re.compile(r"(?P<y>[+-]?\d{4,7})-(?P<m>\d{2})")
_YEAR = re.compile(r"(?P<y>[+-]?\d{4,7})")
_TIME = r"(?:[T ](?:[01]\d|2[0-3])(?::?[0-5]\d(?::?[0-5]\d(?:[.,]\d{1,9})?)?)?(?:Z|[+-](?:[01]\d|2[0-3])(?::?[0-5]\d)?)?)"
_DATETIME = re.compile(rf"(?P<day>.+?){_TIME}")


@attrs.frozen(slots=True)
class DocumentDate:
    """A document date: a day (``month`` and ``day`` set), a month (``day`` 0) or a year (both 0).

    ``year`` is astronomical (0 is 1 BC, -43 is 44 BC).
    """

    year: int
    month: int = 0
    day: int = 0

    @property
    def granularity(self) -> str:
        """ "day", "month" or "year"."""
        return "day" if self.day else "month" if self.month else "year"

    @property
    def value(self) -> str:
        """The TIMEX3 value: "2003-03-18", "2003-03", "2003" (BC years as "BC0044")."""
        year = year_text(self.year)
        if self.day:
            return f"{year}-{self.month:02d}-{self.day:02d}"
        if self.month:
            return f"{year}-{self.month:02d}"
        return year

    @property
    def span(self) -> Span:
        """The period it names, as a ``Span``."""
        return Span.from_timex3(self.value)


def year_text(year: int) -> str:
    """A TIMEX3 year: four digits, BC years as BCnnnn (astronomical year 0 is 1 BC)."""
    if year <= 0:
        return f"BC{1 - year:04d}"
    return f"{year:04d}"


def _refuse(value: object, why: str, what: str = "document date") -> ValueError:
    return ValueError(f"{what} {value!r:.80} is not a date: {why}")


def _checked(value: object, what: str, year: int, month: int = 0, day: int = 0) -> DocumentDate:
    if not -MAX_YEAR <= year <= MAX_YEAR:
        raise _refuse(value, f"the year is outside +-{MAX_YEAR:,}", what)
    if month and not 1 <= month <= 12:
        raise _refuse(value, f"there is no month {month}", what)
    if day and not 1 <= day <= cal.days_in_month(year, month):
        raise _refuse(value, f"month {month} has no day {day}", what)
    return DocumentDate(year, month, day)


def _from_text(value: str, text: str, what: str) -> DocumentDate:
    for pattern in (_DAY, _COMPACT):
        match = pattern.fullmatch(text)
        if match:
            return _checked(value, what, int(match["y"]), int(match["m"]), int(match["d"]))
    match = _MONTH.fullmatch(text)
    if match:
        return _checked(value, what, int(match["y"]), int(match["m"]))
    match = _YEAR.fullmatch(text)
    if match:
        return _checked(value, what, int(match["y"]))
    match = _DATETIME.fullmatch(text)
    if match and (_DAY.fullmatch(match["day"]) or _COMPACT.fullmatch(match["day"])):
        return _from_text(value, match["day"], what)
    raise _refuse(value, "expected YYYY-MM-DD, YYYYMMDD, YYYY-MM, YYYY or an ISO datetime", what)


def parse_document_date(value: object, *, what: str = "document date") -> DocumentDate:
    """The document date that ``value`` names (see the module's text for what it accepts).

    ``what`` names the value in the error message (``tag`` says "dct").

    >>> parse_document_date("20030318").value
    '2003-03-18'
    >>> parse_document_date("2003-03").granularity
    'month'
    """
    if isinstance(value, dt.date):  # datetime is a date
        return DocumentDate(value.year, value.month, value.day)
    if isinstance(value, str):
        return _from_text(value, value.strip(), what)
    if isinstance(value, Span):
        if value.earliest_start is None:
            raise _refuse(value, "the span has no known start", what)
        year, month, day = cal.civil_from_days(value.earliest_start // cal.SECONDS_PER_DAY)
        return _checked(value, what, year, month, day)
    raise _refuse(value, f"expected a str, a date or a Span, not {type(value).__name__}", what)


__all__ = ["MAX_YEAR", "DocumentDate", "parse_document_date", "year_text"]
