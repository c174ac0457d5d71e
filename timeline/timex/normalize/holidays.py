"""Holidays: fixed dates, nth weekdays, Easter-based dates and other calendars (``holidays``),
from ``data/holidays.json``."""

from __future__ import annotations

import datetime as dt
import functools

from dateutil.easter import easter

from timeline import calendar as cal
from timeline.timex.anchor import (
    FUTURE,
    PAST,
    UNKNOWN,
    WEEK,
    Point,
)
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context, Handler, Reading, dated
from timeline.timex.normalize.tense_year import CLOSE_CUE, CLOSE_SLACK, TENSE_SLACK
from timeline.timex.normalize.words import direction_of, lookup_key
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS", "holiday_days"]


@functools.cache
def holiday_days(name: str, year: int, lex: Lexicon) -> int | None:
    rule = lex.holidays[name]
    offset = int(rule.get("offset", 0))
    if "easter" in rule:
        if not 1583 <= year <= 4099:
            return None
        e = easter(year)
        return cal.days_from_civil(e.year, e.month, e.day) + int(rule["easter"]) + offset
    if "nth_weekday" in rule:  # "Election Day": the Tuesday after the first Monday of November
        month, weekday, nth = (int(v) for v in rule["nth_weekday"])
        first = cal.days_from_civil(year, month, 1)
        return first + (weekday - cal.weekday(first)) % 7 + 7 * (nth - 1) + offset
    if "fixed" in rule:
        month, day = rule["fixed"]
        return cal.days_from_civil(year, month, day) + offset
    import holidays

    if not 1 <= year <= 9999:
        return None
    the_year = year + 1 if rule.get("next_year") else year
    table = holidays.country_holidays(rule["country"], years=the_year)
    for date, label in table.items():
        if rule["name"] in label.split("; "):
            assert isinstance(date, dt.date)
            return cal.days_from_civil(date.year, date.month, date.day) + offset
    return None


def _holiday(cand: Candidate, ctx: Context) -> Reading | None:
    """A holiday; "Easter week", "Labor Day weekend": the ISO week holding it (a Monday
    holiday's weekend is the one before it)."""
    day = _holiday_day(cand, ctx)
    span = lookup_key(cand.group("hweek"))
    if day is None or day.point is None or not span:
        return day
    days = day.point.days
    weekend = ctx.lex.units.get(span) == "WE"
    if weekend and cal.weekday(days) == 1:
        days -= 1
    week = Point.of_days(days).coarser(WEEK)
    return Reading("DATE", week.value() + ("-WE" if weekend else ""), point=week, absolute=day.absolute)


def _holiday_day(cand: Candidate, ctx: Context) -> Reading | None:
    name = lookup_key(cand.group("hol"))
    if name not in ctx.lex.holidays:
        return None
    rel = lookup_key(cand.group("rel"))
    year_s = cand.group("year")
    if year_s:
        days = holiday_days(name, int(year_s), ctx.lex)
        return dated(Point.of_days(days), absolute=True) if days is not None else None
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return None
    base = anchor.days
    this_year = holiday_days(name, anchor.year, ctx.lex)
    if this_year is None:
        return None
    slack = 0  # "last Easter": the one before the anchor, however near the next one is
    direction = direction_of(rel, ctx.lex)
    if direction == UNKNOWN:
        if ctx.narrative or rel in ctx.lex.value_words["proximal_demonstratives"]:
            return dated(Point.of_days(this_year))
        direction, distance = ctx.tense_and_distance(cand)
        slack = CLOSE_SLACK if distance <= CLOSE_CUE else TENSE_SLACK
    if direction == PAST and this_year > base + slack:
        days = holiday_days(name, anchor.year - 1, ctx.lex)
    elif direction == FUTURE and this_year < base - slack:
        days = holiday_days(name, anchor.year + 1, ctx.lex)
    else:
        days = this_year
    return dated(Point.of_days(days)) if days is not None else None


HANDLERS: dict[str, Handler] = {
    "holiday": _holiday,
}
