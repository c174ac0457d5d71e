"""Time for each event: the temporal expression of its clause; else a relation to another
event ("will be signed during his trip": during Putin's visit; "shortly after his trip"); else
the tense against the document date (planned: after it; occurred: before it; ongoing: around it).
"""

from __future__ import annotations

import re
from functools import lru_cache

from events.model import Status
from events.text.lexicon import lexicon
from timeline import Timex, calendar
from timeline.errors import TimexValueError
from timeline.span import Granularity, Span
from timeline.timex3_values import TimexDuration, parse_timex3

__all__ = [
    "add_duration",
    "between",
    "closed",
    "dating",
    "fits_a_day",
    "framed_span",
    "from_iso",
    "is_after",
    "is_before",
    "iso",
    "overlaps",
    "phase_span",
    "related_span",
    "shifted",
    "since_span",
    "span_of_timeref",
    "tense_span",
    "the_day_of",
    "within_duration",
    "within_tense",
]

_DURATION = re.compile(r"P(\d+|X)([YMWD])")


def dating(ref: Timex) -> bool:
    """Whether an expression says when: a date or time, or a duration back from the report
    ("the last year"); not a length ("three hours")."""
    return ref.type != "DURATION" or any(w in ref.text.lower().split() for w in lexicon().dating_duration_words)


@lru_cache(maxsize=65_536)
def span_of_timeref(ref: Timex, dct: Span | None) -> Span | None:
    """The period a temporal expression names; durations like "the last year" end at the document date."""
    value = ref.value
    if ref.type == "DURATION" or value.startswith("P"):
        return _duration_before(value, dct)
    if ref.type == "SET":
        return None
    try:
        span = Span.from_timex3(value, ref.mod, dct=dct) if dct is not None else Span.from_timex3(value, ref.mod)
    except (ValueError, TypeError):
        return None
    if span.earliest_start is None and span.latest_end is None:
        return None
    return span


def _duration_before(value: str, dct: Span | None) -> Span | None:
    """'the last year' (P1Y) with a document date: the period just before it, ending with it."""
    m = _DURATION.fullmatch(value)
    if m is None or dct is None or dct.earliest_start is None or dct.latest_end is None:
        return None
    end = dct.latest_end
    if m.group(1) == "X":
        return Span(None, end, None, end, Granularity.UNKNOWN, timex=value)
    n = int(m.group(1))
    y, mo, d, *_ = calendar.civil_from_seconds(dct.earliest_start)
    unit = m.group(2)
    if unit == "Y":
        start = calendar.seconds(y - n, mo, min(d, calendar.days_in_month(y - n, mo)))
    elif unit == "M":
        ny, nm = calendar.add_months(y, mo, -n)
        start = calendar.seconds(ny, nm, min(d, calendar.days_in_month(ny, nm)))
    else:
        days = n * (7 if unit == "W" else 1)
        start = dct.earliest_start - days * calendar.SECONDS_PER_DAY
    granularity = {"Y": Granularity.YEAR, "M": Granularity.MONTH, "W": Granularity.WEEK, "D": Granularity.DAY}[unit]
    return Span.within(start, end, granularity, timex=value)


def tense_span(status: Status, dct: Span | None) -> Span:
    """Time from tense alone: after the document date, before it, or around it."""
    if dct is None or dct.earliest_start is None or dct.latest_end is None:
        return Span.unknown()
    start, end = dct.earliest_start, dct.latest_end
    if status is Status.PLANNED:
        return Span(start, None, start, None, Granularity.UNKNOWN, timex="FUTURE_REF")
    if status is Status.ONGOING:
        return Span(None, start, end, None, Granularity.UNKNOWN, timex="PRESENT_REF")
    return Span(None, end, None, end, Granularity.UNKNOWN, timex="PAST_REF")


def fits_a_day(ref: Timex) -> bool:
    """Whether a duration is a day or less ("for three hours", "day-long"): an event that long
    can lie within its story's day."""
    try:
        value = parse_timex3(ref.value or "")
    except TimexValueError:
        return False
    seconds = value.nominal_seconds() if isinstance(value, TimexDuration) else None
    return seconds is not None and seconds <= calendar.SECONDS_PER_DAY


def within_tense(span: Span, status: Status, dct: Span | None) -> Span:
    """A span bounded by the tense: a past event ends by the report's end ("flew home after the
    talks"), a planned one starts after the report's start ("will fly home after the talks")."""
    if dct is None or dct.earliest_start is None or dct.latest_end is None:
        return span
    start, end = span.earliest_start, span.latest_end
    if status in (Status.OCCURRED, Status.NEGATED, Status.FAILED) and (start is None or start < dct.latest_end):
        end = dct.latest_end if end is None else min(end, dct.latest_end)
    elif status is Status.PLANNED and (end is None or end > dct.earliest_start):
        start = dct.earliest_start if start is None else max(start, dct.earliest_start)
    return closed(span, start, end)


def closed(span: Span, start: int | None, end: int | None) -> Span:
    """``span`` with the earliest start ``start`` and the latest end ``end`` (its inner bounds
    kept inside them): an open bound closed by a neighbour or by the tense."""
    if (start, end) == (span.earliest_start, span.latest_end):
        return span
    latest_start, earliest_end = _clamped(span.latest_start, start, end, end), _clamped(span.earliest_end, start, end, start)
    return Span(start, latest_start, earliest_end, end, span.granularity, timex=span.timex, mod=span.mod)


def _clamped(value: int | None, low: int | None, high: int | None, default: int | None) -> int | None:
    value = default if value is None else value
    if value is not None and low is not None:
        value = max(value, low)
    if value is not None and high is not None:
        value = min(value, high)
    return value


def the_day_of(dct: Span) -> Span | None:
    """The calendar day of the document date (its first day, when the date is longer)."""
    if dct.earliest_start is None:
        return None
    start = dct.earliest_start - dct.earliest_start % calendar.SECONDS_PER_DAY
    y, m, d, *_ = calendar.civil_from_seconds(start)
    value = f"{y:04d}-{m:02d}-{d:02d}" if 0 <= y <= 9999 else None
    return Span.within(start, start + calendar.SECONDS_PER_DAY, Granularity.DAY, timex=value)


def phase_span(start: Span, end: Span) -> Span:
    """An event that began within ``start`` and ended within ``end`` ("started in May and
    finished in August": from May to August)."""
    return Span(start.earliest_start, start.latest_start, end.earliest_end, end.latest_end, Granularity.UNKNOWN)


def framed_span(relation: str, span: Span) -> Span:
    """The time of an event ``relation`` a period: "after" it (from its end on), "before" it
    (ending by its start), "by" it (ending by its end)."""
    if relation == "by":
        return Span(None, span.latest_end, None, span.latest_end, Granularity.UNKNOWN)
    if relation == "after":
        begin = span.latest_end
        return Span(begin, None, begin, None, Granularity.UNKNOWN)
    end = span.earliest_start
    return Span(None, end, None, end, Granularity.UNKNOWN)


def related_span(relation: str, anchor: Span) -> Span:
    """The time of an event ``relation`` ("during", "after", "before") another event's time."""
    if relation == "during":
        return anchor
    if relation == "after":
        begin = anchor.earliest_end if anchor.earliest_end is not None else anchor.earliest_start
        return Span(begin, None, begin, None, Granularity.UNKNOWN)
    end = anchor.latest_start if anchor.latest_start is not None else anchor.latest_end
    return Span(None, end, None, end, Granularity.UNKNOWN)


def is_after(span: Span, dct: Span | None) -> bool:
    """Whether ``span`` lies wholly after the document date."""
    return dct is not None and dct.latest_end is not None and span.earliest_start is not None and span.earliest_start >= dct.latest_end


def is_before(span: Span, dct: Span | None) -> bool:
    """Whether ``span`` lies wholly before the document date."""
    return dct is not None and dct.earliest_start is not None and span.latest_end is not None and span.latest_end <= dct.earliest_start


def overlaps(a: Span, b: Span) -> bool:
    """Whether two spans can share a moment (open bounds can)."""
    a0 = a.earliest_start
    a1 = a.latest_end
    b0 = b.earliest_start
    b1 = b.latest_end
    if a0 is not None and b1 is not None and a0 >= b1 and not (a0 == b1 == a1):
        return False
    return not (b0 is not None and a1 is not None and b0 >= a1 and not (b0 == a1 == b1))


def iso(value: int | None, *, end: bool = False) -> str | None:
    """An ISO 8601 string of a bound in seconds; an exclusive end is written as its last second."""
    if value is None:
        return None
    if end:
        value -= 1
    y, m, d, hh, mm, ss = calendar.civil_from_seconds(value)
    year = f"{y:04d}" if 0 <= y <= 9999 else f"{'-' if y < 0 else '+'}{abs(y):04d}"
    return f"{year}-{m:02d}-{d:02d}T{hh:02d}:{mm:02d}:{ss:02d}"


_ISO = re.compile(r"([+-]?\d{4,})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})")


def from_iso(text: str | None, *, end: bool = False) -> int | None:
    """The seconds of an ISO string written by ``iso`` (``end``: add back the last second)."""
    if text is None:
        return None
    m = _ISO.fullmatch(text)
    if m is None:
        raise ValueError(f"{text!r} is not an ISO 8601 date-time (YYYY-MM-DDThh:mm:ss)")
    y, mo, d, hh, mm, ss = (int(g) for g in m.groups())
    return calendar.seconds(y, mo, d, hh, mm, ss) + (1 if end else 0)


# ---------------------------------------------------------------------------------- the time stage

def add_duration(span: Span, value: str) -> Span | None:
    """The day ``value`` (a TIMEX3 duration "P3W") after the start of ``span``."""
    m = _DURATION.fullmatch(value)
    if m is None or m.group(1) == "X" or span.earliest_start is None:
        return None
    n = int(m.group(1))
    y, mo, d, *_ = calendar.civil_from_seconds(span.earliest_start)
    unit = m.group(2)
    if unit in ("Y", "M"):
        ny, nm = calendar.add_months(y, mo, n * (12 if unit == "Y" else 1))
        start = calendar.seconds(ny, nm, min(d, calendar.days_in_month(ny, nm)))
    else:
        start = span.earliest_start + n * (7 if unit == "W" else 1) * calendar.SECONDS_PER_DAY
    return Span.within(start, start + calendar.SECONDS_PER_DAY, Granularity.DAY)


def within_duration(span: Span, value: str) -> Span | None:
    """From the start of ``span`` to ``value`` after it ("within a month")."""
    end = add_duration(span, value)
    if end is None or span.earliest_start is None or end.latest_end is None:
        return None
    return Span.within(span.earliest_start, end.latest_end, Granularity.UNKNOWN)


def since_span(start: Span, dct: Span | None) -> Span | None:
    """From ``start`` to the document date ("since 2018")."""
    if start.earliest_start is None or dct is None or dct.latest_end is None:
        return None
    return Span(start.earliest_start, start.latest_end, dct.earliest_start, dct.latest_end, Granularity.UNKNOWN)


def shifted(span: Span, *, back: bool) -> Span | None:
    """A weekday read a week, or a month read a year, the other way ("on Tuesday admitted" in
    a report of Wednesday is the day before): the span moved by one week or one year."""
    if span.earliest_start is None or span.latest_end is None:
        return None
    sign = -1 if back else 1
    if span.granularity is Granularity.DAY:
        step = 7 * calendar.SECONDS_PER_DAY * sign
        return Span.within(span.earliest_start + step, span.latest_end + step, Granularity.DAY)
    if span.granularity is Granularity.MONTH:
        y, mo, *_ = calendar.civil_from_seconds(span.earliest_start)
        y += sign
        start = calendar.seconds(y, mo, 1)
        ny, nm = calendar.add_months(y, mo, 1)
        return Span.within(start, calendar.seconds(ny, nm, 1), Granularity.MONTH)
    return None


def between(previous: Span | None, following: Span | None) -> Span:
    """An undated event of a narrative: after the previous dated event, before the next."""
    start = previous.earliest_start if previous is not None else None
    end = following.latest_end if following is not None else None
    if start is not None and end is not None and start > end:  # the story went back: between the two, either way
        assert previous is not None
        assert following is not None
        starts = [x for x in (previous.earliest_start, following.earliest_start) if x is not None]
        ends = [x for x in (previous.latest_end, following.latest_end) if x is not None]
        start, end = min(starts), max(ends)
        if start > end:  # one of them open on the side that would close it ("by 1944" after a later start)
            bounds = [*starts, *ends]
            start, end = min(bounds), max(bounds)
    return Span(start, end, start, end, Granularity.UNKNOWN)
