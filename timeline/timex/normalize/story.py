"""Periods counted within a story: "the second day", "the first year of the war", "the third evening",
"the final years of the regime".

An ordinal before a unit counts that unit from the start of something the text tells (a war, an
offensive, a term in office), not from the calendar. TimeML annotates the ordinal and its unit
("the second day"), and the "of ..." after it stays outside. What the value can say:

- a day or a part of a day is a DATE: the day under discussion when the text equates the two
  ("21 July, the fifth day of the rebellion", "today is the eighth day of the operation"), else a
  day that the calendar cannot place (XXXX-XX-XX, with its part of the day);
- a longer unit is a DURATION of one unit ("the first year of the war": P1Y);
- a plural is a DURATION of some units ("the first hours of the ground war": PTXH).
"""

from __future__ import annotations

import functools
import re

from timeline.timex.anchor import DAY, MONTH, YEAR, Point
from timeline.timex.document_date import year_text
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context, Handler, Reading, dated, unknown
from timeline.timex.normalize.durations import duration_value
from timeline.timex.normalize.words import lookup_key
from timeline.timex.patterns import context_regex, macros, words
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS"]


# "21 July, the fifth day": a comma right after a date; "today is the eighth day": a copula.
_apposition = context_regex(r"[0-9A-Za-z.],\s{1,3}$")
_copula_present = context_regex(r"\b{present_copulas}\s{1,3}$")
_copula_past = context_regex(r"\b{past_copulas}\s{1,3}$")


def _equated_day(cand: Candidate, ctx: Context) -> Point | None:
    """The day the text says the period is: the day under discussion, or today's."""
    before = ctx.text[max(0, cand.start - 12) : cand.start]
    lex = ctx.lex
    if _copula_present(lex).search(before):
        anchor = ctx.dct if not ctx.narrative else ctx.deictic_anchor()
    elif _apposition(lex).search(before) or _copula_past(lex).search(before):
        anchor = ctx.ref
    else:
        return None
    return anchor if anchor is not None and anchor.gran == DAY else None


@functools.cache
def _of_date(lex: Lexicon) -> re.Pattern[str]:
    """ "of" and a date after the period ("the first day of May 1990", "the early hours of Thursday")."""
    table = macros(lex)
    links = words(lex.context_words["period_of_links"])
    return re.compile(rf"\s{{1,3}}{links}\s{{1,3}}(?:[0-9]|{table['WEEKDAY']}|{table['MONTH']})", re.IGNORECASE)


def _ordinal_period(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    if _of_date(lex).match(ctx.text, cand.end):
        return None  # "the early hours of Thursday morning", "the first day of May 1990": the date says it
    plural = cand.group("plural")
    if plural is not None:  # "the first hours", "the final years"
        return unknown(duration_value(None, lex.units[lookup_key(plural)]), "DURATION")
    unit_word = lookup_key(cand.group("unit"))
    pod = lex.parts_of_day.get(unit_word)
    if pod is not None and cand.group("ord") is None:
        return None  # "the early morning": a part of the day, told by the part-of-day rule
    unit = lex.units.get(unit_word, "")
    if pod is None and unit not in ("D", "NIGHT"):
        return unknown(duration_value(1, unit), "DURATION")  # "the first year of the war"
    time = "TNI" if unit == "NIGHT" else f"T{pod}" if pod is not None else ""
    day = _equated_day(cand, ctx)
    if day is None:
        return unknown(_day_of_story(ctx) + time, "TIME" if time else "DATE")
    if time:
        return Reading("TIME", day.value() + time, point=day, anchored=True)
    return dated(day, anchored=True)


def _day_of_story(ctx: Context) -> str:
    """A day the calendar cannot place: in a narrative, a day of the month or year under discussion
    ("August 480 BC ... the end of the second day": BC0480-08-XX), else any day."""
    ref = ctx.ref if ctx.narrative else None
    if ref is not None and ref.gran == MONTH:
        return f"{ref.value()}-XX"
    if ref is not None and ref.gran == YEAR:
        return f"{year_text(ref.year)}-XX-XX"
    return "XXXX-XX-XX"


def _story_time(cand: Candidate, ctx: Context) -> Reading | None:
    """ "at the same time", "at that time": histories (TIMEX2) date the time under discussion, and
    take "at the time", "during this time" as the story's present; news (TimeML) leaves these out,
    and the shorter rules have their say. "this period" is left out: histories give it no value."""
    if not ctx.narrative:
        return None
    if cand.group("being") is not None or cand.group("being2") is not None or cand.group("now") is not None:
        return unknown("PRESENT_REF")  # "for the time being", "at this time", "at the time": the story's present
    ref = ctx.ref
    if ref is None:
        return unknown("PRESENT_REF")
    return dated(ref, anchored=True)


def _present_ref(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the largest operation to date", "its effects continue to this day": up to the present."""
    return unknown("PRESENT_REF")


HANDLERS: dict[str, Handler] = {"ordinal_period": _ordinal_period, "story_time": _story_time, "present_ref": _present_ref}
