"""The public face of the temporal tagger: ``tag()`` and ``Timex``.

Stages, top to bottom (each its own module):

1. ``lexicon``   word tables and rules, read from ``data/*.json``;
2. ``patterns``  regular expressions compiled from them;
3. ``recognize`` candidates with offsets, the longest winning, none overlapping;
4. ``anchor``    the document date, the last date mentioned, the tense of a clause;
5. ``normalize`` a TIMEX3 type, value and mod for each candidate;
6. here: modifiers in front ("early", "more than"), neighbours merged ("10:30 a.m. Monday"),
   the last date mentioned carried along, and the uncertain ``Span`` of each value.
"""

from __future__ import annotations

import functools
import re
from typing import Literal, get_args

import attrs

from timeline import calendar as cal
from timeline.span import Span
from timeline.timex.anchor import DAY, Point, parse_dct
from timeline.timex.dateline import find_document_date
from timeline.timex.lexicon import lexicon
from timeline.timex.normalize import Context, Reading, normalize
from timeline.timex.patterns import context_regex, modifier_regex
from timeline.timex.recognize import Candidate, recognize

Mode = Literal["news", "narrative"]
MODES: tuple[Mode, ...] = get_args(Mode)


@attrs.frozen(slots=True)
class Timex:
    """A temporal expression found in a text: offsets, words, TIMEX3 type/value/mod, and its span.

    ``span`` is ``Span.from_timex3(value, mod)``: the uncertain time the value names ("2003-W11":
    anywhere in that week; PRESENT_REF: the document's day). Values that name no period of the
    calendar (durations, underspecified "XXXX-WXX") give open bounds; SETs give ``None``.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    span: Span | None = attrs.field(default=None, eq=False, repr=False)


@functools.lru_cache(maxsize=4096)
def _span(value: str, type_: str, mod: str | None, dct: Point | None) -> Span | None:
    """The Span of a value (cached: documents repeat their values)."""
    if type_ == "SET":
        return None
    try:
        anchor = None
        if dct is not None and value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            anchor = Span.from_timex3(dct.value())
        return Span.from_timex3(value, mod, dct=anchor)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, OverflowError):
        return None


# --- modifiers in front --------------------------------------------------------------------

_POINT_TYPES = ("DATE", "TIME")
_relative_start = context_regex(r"{relative_starts}\b")


_part_of_day_of = context_regex(r"\b{night_of_determiners}\s{1,3}({night_of_parts})\s{1,3}of\s{1,3}$")
_or_so = context_regex(r"\s{approximate_after}\b")
_ago_end = context_regex(r"\b{ago_ends}$")


def _modifier(text: str, cand_start: int, cand_end: int, floor: int, reading: Reading) -> tuple[int, str | None] | None:
    """(new start, mod) when a modifier stands right before the expression."""
    window = text[max(floor, cand_start - 40) : cand_start]
    match = modifier_regex().search(window)
    if match is None:
        return None
    word = " ".join(match["mod"].lower().split())
    lex = lexicon()
    key = word if word in lex.mods else word + "-"
    if key not in lex.mods:
        return None
    mod = lex.mods[key] or None  # "earlier this month": part of the expression, no TIMEX3 mod
    body = text[cand_start : cand_start + 12]
    if word in lex.point_mods:
        if reading.type not in _POINT_TYPES or reading.value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
            return None
        if word in ("earlier", "later") and not _relative_start().match(body):
            return None
        if reading.anchored and word not in ("the end of", "the beginning of", "the start of", "the middle of"):
            return None
    elif word not in lex.context_words["approximations_any"]:
        if reading.type == "DURATION":
            if body[:1].isalpha() and body.lower().startswith(("the ", "past ", "last ", "next ")):
                return None
        elif not (reading.type == "DATE" and reading.point is not None and _ago_end().search(text, cand_start, cand_end) is not None):
            return None
    start = max(floor, cand_start - 40) + match.start()
    return start, mod


# --- neighbours ----------------------------------------------------------------------------

_GAP_TIME_DATE = re.compile(r"^(?:\s{1,3}|\s{0,2},\s{0,3}|\s{1,3}on\s{1,3})$")
_GAP_COMMA = re.compile(r"^(?:\s{1,3}|\s{0,2},\s{0,3})$")


@attrs.define
class _Found:
    start: int
    end: int
    reading: Reading


_gap_and = context_regex(r"^\s{1,3}{weekday_links}\s{1,3}$", ignore_case=False)
_GAP_OF = re.compile(r"^\s{1,3}of\s{1,3}$")


def _of_year(a: Reading, b: Reading, gap: str) -> bool:
    """A month or day without its year, then "of" and a year named relative to something."""
    return (
        a.point is not None
        and a.point.gran in ("D", "M")
        and a.type == "DATE"
        and not a.absolute
        and b.point is not None
        and b.point.gran == "Y"
        and b.type == "DATE"
        and not b.absolute
        and _GAP_OF.match(gap) is not None
    )


def _merge(text: str, found: list[_Found]) -> list[_Found]:
    out: list[_Found] = []
    for item in found:
        if out:
            prev = out[-1]
            gap = text[prev.end : item.start]
            a, b = prev.reading, item.reading
            merged: Reading | None = None
            if a.time and b.point is not None and b.point.gran == DAY and not b.time and _GAP_TIME_DATE.match(gap):
                merged = Reading("TIME", f"{b.point.value()}{a.time}", a.mod or b.mod, point=b.point)
            elif b.time and a.point is not None and a.point.gran == DAY and a.type == "DATE" and _GAP_COMMA.match(gap) and "," in gap:
                merged = Reading("TIME", f"{a.point.value()}{b.time}", a.mod or b.mod, point=a.point)
            elif a.partial == "weekday" and b.point is not None and b.point.gran == DAY and b.type == "DATE" and _GAP_COMMA.match(gap):
                merged = attrs.evolve(b)
            elif a.partial == "month" and b.partial == "year" and b.point is not None and _GAP_COMMA.match(gap):
                point = Point("M", b.point.year, a.month)
                merged = Reading("DATE", point.value(), a.mod, point=point)
            elif _of_year(a, b, gap):  # "August of that year", "July 25 of last year"
                assert a.point is not None
                assert b.point is not None
                point = attrs.evolve(a.point, year=b.point.year)
                if point.gran != "D" or point.day <= cal.days_in_month(point.year, point.month):
                    merged = Reading(a.type, point.value() + (a.time or ""), a.mod or b.mod, point=point, anchored=b.anchored)
            if merged is not None:
                out[-1] = _Found(prev.start, item.end, merged)
                continue
            if a.partial == "weekday" and b.type == "SET" and b.value.startswith("XXXX-WXX-") and _gap_and().match(gap):
                # "on Monday and Tuesday nights": the first weekday recurs like the second
                out[-1] = _Found(prev.start, prev.end, Reading("SET", f"XXXX-WXX-{cal.weekday(a.point.days) if a.point else a.value[-1]}{b.value[10:]}"))
        out.append(item)
    return out


# --- tag -----------------------------------------------------------------------------------


def _check_text(text: object) -> str:
    if not isinstance(text, str):
        raise TypeError(f"tag() needs a str, got {type(text).__name__} {text!r:.60}")
    return text


def tag(text: str, dct: object = None, *, mode: Mode = "news") -> list[Timex]:
    """Every temporal expression of ``text``, normalized to TIMEX3 against the document date.

    ``dct`` is the document creation time ("2003-03-18", a ``date``/``datetime`` or a ``Span``);
    when None it is read from a dateline in the text (``find_document_date``), and when there is
    none, relative expressions keep underspecified values ("XXXX-WXX"). ``mode="narrative"``
    resolves underspecified expressions against the last date mentioned (histories). The result
    is sorted by start and never overlaps. Raises ``TypeError`` for a non-string text and
    ``ValueError`` naming a ``dct`` that cannot be read.
    """
    _check_text(text)
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not a tagging mode: expected 'news' or 'narrative'")
    anchor = parse_dct(dct)
    if not text:
        return []
    if anchor is None:
        found_date = find_document_date(text)
        if found_date is not None:
            anchor = parse_dct(found_date.value[:10])
    return _tag(text, anchor, narrative=mode == "narrative")


_OPEN_QUOTE = re.compile(r"(?:``|''|[\"“‘])(?:[A-Z][a-z]+ )?$")
_CLOSE_QUOTE = re.compile(r"[.,!?]?(?:''|[\"”’])")


def _quoted_title(text: str, start: int, end: int) -> bool:
    """A capitalized expression that fills a quotation alone: a title ("This Week", ``High Noon'')."""
    return (
        text[start : start + 1].isupper()
        and _OPEN_QUOTE.search(text, max(0, start - 16), start) is not None
        and _CLOSE_QUOTE.match(text, end) is not None
    )


def _tag(text: str, dct: Point | None, *, narrative: bool) -> list[Timex]:
    ctx = Context(text=text, dct=dct, narrative=narrative)
    probe = Context(text=text, dct=dct, narrative=narrative, ref=dct, tenses=ctx.tenses)
    found: list[_Found] = []
    floor = 0
    for cand in recognize(text, lambda c: _read(c, probe) is not None):
        reading = _read(cand, ctx)
        if reading is None or _quoted_title(text, cand.start, cand.end):
            continue
        start = reading.start if reading.start is not None and reading.start < cand.end else cand.start
        modified = _modifier(text, start, reading.end if reading.end is not None and reading.end > start else cand.end, floor, reading)
        part = _part_of_day_of().search(text, max(floor, start - 24), start) if narrative else None
        if part is not None and reading.type == "DATE" and reading.point is not None and reading.point.gran == DAY and "T" not in reading.value:
            # histories: "the night of May 13" is that day's night (news annotation leaves it out)
            start = part.start()
            reading.value += "T" + lexicon().parts_of_day[part.group(1).lower()]
        elif modified is not None:
            start, mod = modified
            reading.mod = mod
        elif reading.mod is None and _or_so().search(text, cand.start, cand.end) is not None:
            reading.mod = "APPROX"  # "a week or so ago", "the next year or so"
        end = reading.end if reading.end is not None and reading.end > start else cand.end
        found.append(_Found(start, end, reading))
        floor = cand.end
        if reading.point is not None and (narrative or not reading.anchored) and reading.value[:1] in "0123456789B":
            ctx.ref = reading.point
            if reading.point.gran == "Q":
                ctx.quarter, ctx.quarter_at = reading.point, cand.end
    result = []
    for item in _merge(text, found):
        r = item.reading
        result.append(Timex(item.start, item.end, text[item.start : item.end], r.type, r.value, r.mod, _span(r.value, r.type, r.mod, dct)))
    return result


def _read(cand: Candidate, ctx: Context) -> Reading | None:
    try:
        return normalize(cand, ctx)
    except (ValueError, KeyError, IndexError, OverflowError):
        return None


__all__ = ["Timex", "find_document_date", "tag"]
