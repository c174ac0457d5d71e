"""Stage six of the tagger: what stands around a normalized expression.

- modifiers in front ("early", "more than", "about", "the end of") give a TIMEX3 mod and widen
  the expression;
- in narrative mode, "the night of May 13" is that day's night;
- "or so" after an expression makes it approximate;
- neighbours merge: "10:30 a.m. Monday", "Monday, March 17", "August of that year".

Every word it looks for comes from the lexicon (``mods``, ``point_mods`` and ``context_words``).
"""

from __future__ import annotations

import re

import attrs

from timeline import calendar as cal
from timeline.timex.anchor import DAY, Point
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize import Reading
from timeline.timex.patterns import context_regex, modifier_regex

POINT_TYPES = ("DATE", "TIME")
REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
_MODIFIER_REACH = 40  # characters before an expression searched for a modifier
_PART_OF_DAY_REACH = 24


@attrs.define
class Found:
    """An expression placed in the text: its final offsets and its reading."""

    start: int
    end: int
    reading: Reading


_relative_start = context_regex(r"{relative_starts}\b")
_part_of_day_of = context_regex(r"\b{night_of_determiners}\s{1,3}({night_of_parts})\s{1,3}{night_of_links}\s{1,3}$")
_or_so = context_regex(r"\s{approximate_after}\b")
_ago_end = context_regex(r"\b{ago_ends}$")
_day_step_before = context_regex(r"\b{the_words}\s{1,3}{day_step_nouns}\s{1,3}(?:{day_after}|(?P<back>{day_before}))\s{1,3}$")
_determined_duration = context_regex(r"{determined_duration_starts}\s")
_bound_before = context_regex(r"(?:^|(?<=\W))(?:(?P<BEFORE>{before_words})|(?P<AFTER>{after_words})|(?P<ON_OR_BEFORE>{until_words}))\s{1,3}$")  # each group named by its mod


def _modifier(text: str, start: int, end: int, floor: int, reading: Reading, lex: Lexicon) -> tuple[int, str | None] | None:
    """(new start, mod) when a modifier stands right before the expression [start, end)."""
    window_start = max(floor, start - _MODIFIER_REACH)
    match = modifier_regex(lex).search(text[window_start:start])
    if match is None:
        return None
    word = " ".join(match["mod"].lower().split())
    key = word if word in lex.mods else word + "-"
    if key not in lex.mods:
        return None
    mod = lex.mods[key] or None  # "earlier this month": part of the expression, no TIMEX3 mod
    body = text[start : start + 12]
    words = lex.context_words
    if word in lex.point_mods:
        if reading.type not in POINT_TYPES or reading.value in REFS:
            return None
        if word in words["relative_edge_mods"] and not _relative_start(lex).match(body):
            return None
        if reading.anchored and word not in words["edge_of_mods"]:
            return None
    elif word not in words["approximations_any"]:
        if reading.type == "DURATION":
            if _determined_duration(lex).match(body):
                return None
        elif not (reading.type == "DATE" and reading.point is not None and _ago_end(lex).search(text, start, end) is not None):
            return None
    return window_start + match.start(), mod


def place(text: str, start: int, end: int, floor: int, reading: Reading, lex: Lexicon, *, narrative: bool) -> Found:
    """The expression matched at [start, end) with what stands around it (``floor``: where the
    previous expression ended, which a modifier may not reach back over)."""
    if reading.start is not None and reading.start < end:
        start = reading.start
    if reading.end is not None and reading.end > start:
        end = reading.end
    step = _day_step_before(lex).search(text, max(floor, start - _MODIFIER_REACH), start)
    if step is not None and reading.type == "DATE" and reading.point is not None and reading.point.gran == DAY and reading.mod is None:
        # "the day before last Tuesday's hearing": one expression, the day before that Tuesday
        day = Point.of_days(reading.point.days + (-1 if step.group("back") else 1))
        reading = attrs.evolve(reading, value=day.value(), point=day, partial="")
        start = step.start()
    modified = _modifier(text, start, end, floor, reading, lex)
    part = _part_of_day_of(lex).search(text, max(floor, start - _PART_OF_DAY_REACH), start) if narrative else None
    if part is not None and reading.type == "DATE" and reading.point is not None and reading.point.gran == DAY and "T" not in reading.value:
        # histories: "the night of May 13" is that day's night (news annotation leaves it out)
        start = part.start()
        reading.value += "T" + lex.parts_of_day[part.group(1).lower()]
    elif modified is not None:
        start, reading.mod = modified
    elif reading.mod is None and _or_so(lex).search(text, start, end) is not None:
        reading.mod = "APPROX"  # "a week or so ago", "the next year or so"
    elif reading.mod is None:
        reading.mod = _bound(text, start, floor, reading, lex)
    return Found(start, end, reading)


def _bound(text: str, start: int, floor: int, reading: Reading, lex: Lexicon) -> str | None:
    """BEFORE / AFTER / ON_OR_BEFORE for a date right after "before", "after", "until"."""
    if reading.type not in POINT_TYPES or reading.point is None or reading.value in REFS:
        return None
    match = _bound_before(lex).search(text, max(floor, start - 16), start)
    if match is None:
        return None
    if floor and not text[floor : match.start()].strip():
        return None  # "two days before Christmas": the duration counts from the date
    return match.lastgroup


# --- neighbours ----------------------------------------------------------------------------

_GAP_COMMA = re.compile(r"^(?:\s{1,3}|\s{0,2},\s{0,3})$")
_gap_time_date = context_regex(r"^(?:\s{1,3}|\s{0,2},\s{0,3}|\s{1,3}{time_date_links}\s{1,3})$")
_gap_and = context_regex(r"^\s{1,3}{weekday_links}\s{1,3}$", ignore_case=False)
_gap_of = context_regex(r"^\s{1,3}{of_year_links}\s{1,3}$")


def _of_year(a: Reading, b: Reading, gap: str, lex: Lexicon) -> bool:
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
        and _gap_of(lex).match(gap) is not None
    )


def _merged(a: Reading, b: Reading, gap: str, lex: Lexicon) -> Reading | None:
    """The reading of two neighbours as one expression, or None when they stay two."""
    if a.time and b.point is not None and b.point.gran == DAY and not b.time and _gap_time_date(lex).match(gap):
        return Reading("TIME", f"{b.point.value()}{a.time}", a.mod or b.mod, point=b.point)
    if b.time and a.point is not None and a.point.gran == DAY and a.type == "DATE" and _GAP_COMMA.match(gap) and "," in gap:
        return Reading("TIME", f"{a.point.value()}{b.time}", a.mod or b.mod, point=a.point)
    if a.partial == "weekday" and b.point is not None and b.point.gran == DAY and b.type == "DATE" and _GAP_COMMA.match(gap):
        return attrs.evolve(b)
    if a.partial == "month" and b.partial == "year" and b.point is not None and _GAP_COMMA.match(gap):
        point = Point("M", b.point.year, a.month)
        return Reading("DATE", point.value(), a.mod, point=point)
    if _of_year(a, b, gap, lex):  # "August of that year", "July 25 of last year"
        assert a.point is not None
        assert b.point is not None
        point = attrs.evolve(a.point, year=b.point.year)
        if point.gran != "D" or point.day <= cal.days_in_month(point.year, point.month):
            return Reading(a.type, point.value() + (a.time or ""), a.mod or b.mod, point=point, anchored=b.anchored)
    return None


_range_link = context_regex(r"^\s{0,3}(?:[-–—]|(?P<word>{range_links}))\s{0,3}$")
_range_and_start = context_regex(r"\b{range_and_starts}\s{1,3}$")
_DAY_OR_MONTH = (DAY, "M")


_UNPLACED = re.compile(r"XXXX-(\d\d)(?:-(\d\d))?")


def _unplaced(value: str) -> Point | None:
    """The month (and day) of a value with no year ("XXXX-05-31"), as a point of year 0."""
    match = _UNPLACED.fullmatch(value)
    if match is None:
        return None
    month, day = int(match[1]), int(match[2] or 0)
    return Point(DAY, 0, month, day) if day else Point("M", 0, month)


def _range_year(first: Reading, last: Reading, gap: str, before: str, lex: Lexicon) -> Reading | None:
    """The first date of a range with the year its second gives ("31 May-1 June 1916", "from
    May 15 to August 16, 1988"): the same year, or the one before when the first comes later in
    the year ("November 15 to February 15, 1989"); None when the two are no such range."""
    a, b = first.point if first.point is not None else _unplaced(first.value), last.point
    if a is None or b is None or first.absolute or not last.absolute or a.gran not in _DAY_OR_MONTH or b.gran not in _DAY_OR_MONTH:
        return None
    if first.type != "DATE" or first.mod is not None or last.mod is not None or first.time or first.anchored:
        return None
    link = _range_link(lex).match(gap)
    if link is None:
        return None
    word = link.group("word")
    if word is not None and word.lower() in lex.value_words["range_and_links"] and _range_and_start(lex).search(before) is None:
        return None  # "in May and August 1988": two dates; "between May and August 1988": a range
    year = b.year - (1 if (a.month, a.day) > (b.month, b.day) else 0)
    if a.gran == DAY and a.day > cal.days_in_month(year, a.month):
        return None
    point = attrs.evolve(a, year=year)
    return attrs.evolve(first, value=point.value(), point=point)


def merge_neighbours(text: str, found: list[Found], lex: Lexicon) -> list[Found]:
    """Adjacent expressions that make one ("10:30 a.m. Monday") merged, in text order."""
    out: list[Found] = []
    for item in found:
        if out:
            prev = out[-1]
            gap = text[prev.end : item.start]
            a, b = prev.reading, item.reading
            dated = _range_year(a, b, gap, text[max(0, prev.start - 12) : prev.start], lex)
            if dated is not None:
                out[-1] = prev = Found(prev.start, prev.end, dated)
                a = dated
            merged = _merged(a, b, gap, lex)
            if merged is not None:
                out[-1] = Found(prev.start, item.end, merged)
                continue
            if a.partial == "weekday" and b.type == "SET" and b.value.startswith("XXXX-WXX-") and _gap_and(lex).match(gap):
                # "on Monday and Tuesday nights": the first weekday recurs like the second
                weekday = cal.weekday(a.point.days) if a.point else a.value[-1]
                out[-1] = Found(prev.start, prev.end, Reading("SET", f"XXXX-WXX-{weekday}{b.value[10:]}"))
        out.append(item)
    return out


__all__ = ["POINT_TYPES", "REFS", "Found", "merge_neighbours", "place"]
