"""Temporal expressions for events: ``timeline.tag`` when the toolkit has it, else a small
built-in reader of the common news forms (used only as a stand-in), and the document date.

Every expression comes back as a ``TimeRef`` (offsets, text, TIMEX3 type and value, mod), the
same attributes ``timeline.tag`` returns, so the rest of ``events`` reads one shape.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import Any

import attrs

from timeline import calendar
from timeline.span import Granularity, Span

MONTHS = {m.lower(): i for i, m in enumerate(
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"], 1)}  # fmt: skip
MONTHS.update({k[:3]: v for k, v in list(MONTHS.items())})
MONTHS["sept"] = 9
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"], 1)}


@attrs.frozen(slots=True)
class TimeRef:
    """A temporal expression: offsets into the document, text, TIMEX3 type, value and mod."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None


def to_timeref(item: Any, offset: int = 0) -> TimeRef | None:
    """A ``TimeRef`` from anything with start, end, text, type and value (``timeline.Timex``)."""
    try:
        value = item.value
        if value is None:
            return None
        return TimeRef(int(item.start) + offset, int(item.end) + offset, str(item.text), str(item.type or "DATE"),
                       str(value), getattr(item, "mod", None))  # fmt: skip
    except (AttributeError, TypeError, ValueError):
        return None


def tag(text: str, dct: Span | None, start: int = 0, end: int | None = None) -> list[TimeRef]:
    """The temporal expressions of ``text[start:end]`` (offsets into ``text``)."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    try:
        from timeline import tag as timeline_tag
    except ImportError:
        return _fallback_tag(chunk, dct, start)
    dct_value = dct.timex if dct is not None and dct.timex else (_day_value(dct) if dct is not None else None)
    try:
        found = timeline_tag(chunk, dct_value)
    except Exception:  # the tagger is another component: never let it sink a document
        return _fallback_tag(chunk, dct, start)
    refs = [to_timeref(t, start) for t in found]
    return [r for r in refs if r is not None]


def document_date(text: str) -> Span | None:
    """The document date found in ``text`` (a dateline), as a day span, or None."""
    try:
        from timeline import find_document_date
    except ImportError:
        return _fallback_document_date(text)
    try:
        found = find_document_date(text)
    except Exception:  # another component: fall back rather than fail
        return _fallback_document_date(text)
    if found is None:
        return None
    value = getattr(found, "value", found)
    span = getattr(found, "span", None)
    if isinstance(span, Span) and span.earliest_start is not None:
        return span
    return span_of_date_value(str(value))


def span_of_date_value(value: str) -> Span | None:
    """A day span from "2003-03-18" (or a datetime.date/ISO string's date part)."""
    m = re.fullmatch(r"(-?\d{4,})-(\d{2})-(\d{2})(?:T.*)?", value.strip())
    if not m:
        try:
            return Span.from_timex3(value.strip())
        except ValueError:
            return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    try:
        start, stop = calendar.day_range(y, mo, d)
    except (ValueError, IndexError):
        return None
    if d > calendar.days_in_month(y, mo) or not 1 <= mo <= 12:
        return None
    return Span.within(start, stop, Granularity.DAY, timex=f"{y:04d}-{mo:02d}-{d:02d}")


def dct_span(value: Span | dt.date | str | None) -> Span | None:
    """The document date as a day span from a ``Span``, a ``date`` or a "YYYY-MM-DD" string."""
    if value is None or isinstance(value, Span):
        return value
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return span_of_date_value(value.isoformat())
    return span_of_date_value(str(value))


def _day_value(span: Span) -> str | None:
    if span.earliest_start is None:
        return None
    y, m, d, *_ = calendar.civil_from_seconds(span.earliest_start)
    return f"{y:04d}-{m:02d}-{d:02d}"


# ---------------------------------------------------------------- the stand-in reader

_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?"
_DAYNAME = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_FALLBACK = re.compile(
    rf"(?P<dmy>\b(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})\b)"
    rf"|(?P<mdy>\b(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}})\b)"
    rf"|(?P<my>\b(?P<m3>{_MONTH})\s+(?P<y3>\d{{4}})\b)"
    r"|(?P<dur>\b(?:the\s+(?:last|past)|past)\s+(?P<dn>few|several|two|three|four|five|six|\d+)?\s*(?P<du>year|month|week|day)s?\b)"
    r"|(?P<rel>\b(?P<rw>last|next|this|coming)\s+(?P<ru>week|month|year)\b)"
    r"|(?P<deic>\b(?:yesterday|today|tomorrow|tonight)\b)"
    rf"|(?P<wd>\b(?:on\s+|last\s+|next\s+)?(?P<wdn>{_DAYNAME})\b)"
    r"|(?P<now>\b(?:now|currently|at present)\b)"
    r"|(?P<year>(?<![$\d.,])\b(?P<yv>1[89]\d\d|20\d\d)\b(?![.,]?\d)(?!\s*(?:troops|soldiers|people|tonnes|tons|members|km|kilometers|miles|dollars)))",
    re.IGNORECASE,
)
_NUMBER = {"few": "X", "several": "X", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6"}


def _fallback_tag(chunk: str, dct: Span | None, offset: int) -> list[TimeRef]:
    anchor = None
    if dct is not None and dct.earliest_start is not None:
        anchor = calendar.civil_from_seconds(dct.earliest_start)[:3]
    out: list[TimeRef] = []
    for m in _FALLBACK.finditer(chunk):
        ref = _fallback_value(m, anchor)
        if ref is not None:
            kind, value = ref
            out.append(TimeRef(m.start() + offset, m.end() + offset, m.group(), kind, value))
    return out


def _fallback_value(m: re.Match[str], anchor: tuple[int, int, int] | None) -> tuple[str, str] | None:
    g = m.groupdict()
    if g["dmy"] or g["mdy"]:
        y = int(g["y1"] or g["y2"])
        mo = MONTHS[(g["m1"] or g["m2"]).lower().rstrip(".")]
        d = int(g["d1"] or g["d2"])
        return ("DATE", f"{y:04d}-{mo:02d}-{d:02d}") if 1 <= d <= calendar.days_in_month(y, mo) else None
    if g["my"]:
        return "DATE", f"{int(g['y3']):04d}-{MONTHS[g['m3'].lower().rstrip('.')]:02d}"
    if g["year"]:
        return "DATE", g["yv"]
    if g["now"]:
        return "DATE", "PRESENT_REF"
    if anchor is None:
        return None
    y, mo, d = anchor
    if g["dur"]:
        n = g["dn"]
        number = _NUMBER.get(n.lower(), n) if n else "1"
        unit = {"year": "Y", "month": "M", "week": "W", "day": "D"}[g["du"].lower()]
        return "DURATION", f"P{number}{unit}"
    if g["rel"]:
        step = {"last": -1, "next": 1, "this": 0, "coming": 1}[g["rw"].lower()]
        unit = g["ru"].lower()
        if unit == "year":
            return "DATE", f"{y + step:04d}"
        if unit == "month":
            ny, nm = calendar.add_months(y, mo, step)
            return "DATE", f"{ny:04d}-{nm:02d}"
        days = calendar.days_from_civil(y, mo, d) + 7 * step
        iy, iw, _ = calendar.iso_calendar(days)
        return "DATE", f"{iy:04d}-W{iw:02d}"
    if g["deic"]:
        shift = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}[m.group().lower()]
        return "DATE", _iso_day(calendar.days_from_civil(y, mo, d) + shift)
    if g["wd"]:
        today = calendar.days_from_civil(y, mo, d)
        target = WEEKDAYS[g["wdn"].lower()]
        back = (calendar.weekday(today) - target) % 7
        forward = m.group().lower().startswith("next")
        return "DATE", _iso_day(today + ((target - calendar.weekday(today)) % 7 or 7) if forward else today - back)
    return None


def _iso_day(days: int) -> str:
    y, m, d = calendar.civil_from_days(days)
    return f"{y:04d}-{m:02d}-{d:02d}"


_DATELINE = re.compile(
    rf"(?:^|\n)[^\n]{{0,60}}?\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH})\s+(?P<y1>\d{{4}})|(?P<m2>{_MONTH})\s+(?P<d2>\d{{1,2}}),?\s+(?P<y2>\d{{4}}))",
)


def _fallback_document_date(text: str) -> Span | None:
    for m in _DATELINE.finditer(text[:5000]):
        y = int(m.group("y1") or m.group("y2"))
        mo = MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        d = int(m.group("d1") or m.group("d2"))
        span = span_of_date_value(f"{y:04d}-{mo:02d}-{d:02d}")
        if span is not None:
            return span
    return None


def in_range(refs: Iterable[TimeRef], start: int, end: int) -> list[TimeRef]:
    """The expressions inside [start, end)."""
    return [r for r in refs if r.start >= start and r.end <= end]
