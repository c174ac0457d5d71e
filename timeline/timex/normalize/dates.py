"""Calendar dates: days, months, years (with eras), weekdays, decades, centuries, the week of a day."""

from __future__ import annotations

import math
import re

from timeline import calendar as cal
from timeline.timex.anchor import (
    DAY,
    DECADE,
    FUTURE,
    MONTH,
    PAST,
    UNKNOWN,
    WEEK,
    YEAR,
    Point,
)
from timeline.timex.normalize.context import Context, Handler, Reading, dated, unknown
from timeline.timex.normalize.guards import (
    looks_like_quantity,
    month_modifier_after,
    name_of_event,
    not_a_month_before,
    part_of_a_name,
)
from timeline.timex.normalize.tense_year import nearest_year, year_of_weekday
from timeline.timex.normalize.words import (
    day_number,
    lookup_key,
    month_number,
    weekday_number,
    year_of,
)
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS", "weekday_reading"]


def _year_tail(cand: Candidate, ctx: Context) -> Reading | None:
    head = int(cand.group("head") or 0)
    tail = int(cand.group("tail") or 0)
    year = head - head % 100 + tail
    if year <= head:
        year += 100
    if year - head > 30:
        return None
    return dated(Point(YEAR, year), absolute=True)


def _date(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    year_text_ = g("year")
    mon = g("mon")
    day = g("day")
    wd = g("wd")
    era = g("era")
    year: int | None = None
    if year_text_ is not None:
        if mon is None and day is None and g("fiscal") is None and era is None:
            start, end = cand.match.span("year")
            if looks_like_quantity(cand, start, end, ctx.lex):
                return None
        year = year_of(year_text_, ctx)
        if year is None:
            return None
        if era is not None:
            if ctx.lex.eras[lookup_key(era)] < 0:
                if year == 0:
                    return None
                year = 1 - year
            elif year == 0:
                return None
        elif year < 1000 and mon is None and g("fiscal") is None:  # "FY24" has two digits
            return None
    month = int(mon) if mon and mon.isdigit() else month_number(mon, ctx.lex) if mon else 0
    day_n = day_number(day, ctx.lex) if day else 0
    if month and not 1 <= month <= 12:
        return None
    if year is not None and era is None and year < 100 and year_text_ and year_text_[:1].isdigit() and len(year_text_) == 2:  # "'99", not "44 BC"
        base = ctx.dct.year if ctx.dct else 2000
        year += base - base % 100
        if year > base + 10:
            year -= 100
    if day_n:
        if not month:
            return None
        if year is None:
            anchor = ctx.story_anchor() if ctx.narrative else ctx.deictic_anchor()
            if anchor is None:
                return unknown(f"XXXX-{month:02d}-{day_n:02d}", partial="day")
            year = nearest_year(month, day_n, anchor, *((UNKNOWN, math.inf) if ctx.narrative else ctx.tense_and_distance(cand)))
            if anchor.gran != DAY:
                year = anchor.year
            elif wd:
                year = year_of_weekday(month, day_n, weekday_number(wd, ctx.lex), anchor, year)
        if day_n > cal.days_in_month(year, month):
            return None
        point = Point.of_day(year, month, day_n)
        hour = g("hour")
        if hour is not None:
            return Reading("TIME", f"{point.value()}T{int(hour):02d}:{g('minute')}", point=point, absolute=True)
        return dated(point, absolute=year_text_ is not None)
    if month:
        if (
            year is None
            and cand.rule.name == "month"
            and not_a_month_before(ctx.lex).search(ctx.text[max(0, cand.start - 12) : cand.start])
            and not month_modifier_after(ctx.lex).match(ctx.text, cand.end, cand.end + 24)
        ):
            return None
        if year is None and cand.rule.name == "month" and name_of_event(cand, ctx):
            return None
        if year is None:
            anchor = ctx.story_anchor() if ctx.narrative else ctx.deictic_anchor()
            if anchor is None:
                return unknown(f"XXXX-{month:02d}", partial="month", month=month)
            year = anchor.year if ctx.narrative or anchor.gran != DAY else nearest_year(month, 0, anchor, *ctx.tense_and_distance(cand))
            reading = dated(Point(MONTH, year, month))
            if reading:
                reading.partial = "month"
                reading.month = month
            return reading
        return dated(Point(MONTH, year, month), absolute=True)
    if year is not None:
        return dated(Point(YEAR, year), absolute=True)
    if wd:
        if cand.rule.name == "weekday" and part_of_a_name(cand, ctx):
            return None
        return weekday_reading(weekday_number(wd, ctx.lex), cand, ctx)
    return None


def weekday_reading(weekday: int, cand: Candidate, ctx: Context, direction: int | None = None) -> Reading | None:
    anchor = ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return unknown(f"XXXX-WXX-{weekday}", partial="weekday")
    base = anchor.days
    today = cal.weekday(base)
    if direction is None:
        possessive = bool(cand.group("poss"))  # "Wednesday's ruling": a thing done
        direction = FUTURE if ctx.narrative else PAST if possessive else ctx.tense(cand)
        if direction == UNKNOWN:
            direction = PAST
        # the document's own weekday is the document's day, whatever the tense ("will meet Friday"
        # in Friday's paper is tonight); otherwise the tense picks the past or the coming one
        delta = -((today - weekday) % 7) if direction == PAST else (weekday - today) % 7
        if ctx.narrative and delta == 0:
            delta = 7
    elif direction == PAST:
        delta = -((today - weekday) % 7 or 7)
    elif direction == FUTURE:
        delta = (weekday - today) % 7 or 7
    else:
        delta = weekday - today
    reading = dated(Point.of_days(base + delta))
    if reading:
        reading.partial = "weekday"
    return reading


def _week_of(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the week of March 6": the ISO week holding that day."""
    day = _date(cand, ctx)
    if day is None or day.point is None or day.point.gran != DAY:
        return None
    week = day.point.coarser(WEEK)
    weekend = ctx.lex.units.get(lookup_key(cand.group("unit"))) == "WE"
    return Reading("DATE", week.value() + ("-WE" if weekend else ""), point=week, absolute=day.absolute)


def _week_of_month(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the first week of March", "the last weekend of August 1998": the ISO week holding the
    middle day of that seven-day stretch of the month."""
    month = _date(cand, ctx)
    if month is None:
        return None
    if month.point is None:  # no document date: the month of the story told so far
        anchor = ctx.anaphoric_anchor()
        if anchor is None or not month.month:
            return unknown("XXXX-WXX")
        month = dated(Point(MONTH, anchor.year, month.month))
    if month is None or month.point is None or month.point.gran != MONTH:
        return None
    year, mon = month.point.year, month.point.month
    last = cal.days_in_month(year, mon)
    nth = ctx.lex.ordinals.get(lookup_key(cand.group("wk")))  # None for "last"
    middle = 7 * int(nth) - 3 if nth and 1 <= nth <= 4 else last - 3  # the middle day of that week
    week = Point.of_day(year, mon, middle).coarser(WEEK)
    weekend = ctx.lex.units.get(lookup_key(cand.group("unit"))) == "WE"
    return Reading("DATE", week.value() + ("-WE" if weekend else ""), point=week, absolute=month.absolute)


def _decade(cand: Candidate, ctx: Context) -> Reading | None:
    dec = cand.group("dec")
    if dec is not None:
        if dec.startswith("'"):
            base = (ctx.dct or ctx.ref or Point(YEAR, 2000)).year
            year = base - base % 100 + int(dec[1:])
            if year > base:
                year -= 100
        else:
            year = int(dec)
            if year % 100 == 0 and year >= 1000 and not cand.group("era"):  # "the 1700s": the century 1700-1799
                return dated(Point("CE", year), absolute=True)
    else:
        tens = ctx.lex.decade_words[lookup_key(cand.group("decw"))]
        base = (ctx.anaphoric_anchor() or Point(YEAR, 1900)).year
        year = base - base % 100 + tens * 10
        if year > base:
            year -= 100
    if cand.group("era") and ctx.lex.eras[lookup_key(cand.group("era"))] < 0:
        return unknown("BC" + f"{year:04d}"[:-1])
    reading = dated(Point(DECADE, year), absolute=dec is not None and not dec.startswith("'"))
    if reading is None or cand.group("frac") is None:
        return reading
    # "the last half of the '80s": the decade with START or END, the years the half itself
    part_word = lookup_key(cand.group("part"))
    index = 2 if part_word in ctx.lex.context_words["last_part_words"] else ctx.lex.ordinals.get(part_word, 0)
    if not 1 <= index <= 2:
        return None
    reading.years = (year, year + 5) if index == 1 else (year + 5, year + 10)
    reading.mod = "START" if index == 1 else "END"
    return reading


def _century(cand: Candidate, ctx: Context) -> Reading | None:
    word = lookup_key(cand.group("ord"))
    n = ctx.lex.ordinals.get(word) or int(re.sub(r"[^0-9]", "", word) or 0)
    if not 1 <= n <= 30:
        return None
    bc = bool(cand.group("era")) and ctx.lex.eras[lookup_key(cand.group("era"))] < 0
    reading = unknown(f"BC{n - 1:02d}") if bc else dated(Point("CE", (n - 1) * 100), absolute=True)
    if reading is None or cand.group("frac") is None:
        return reading
    # "the second half of the 17th century": one expression; TIMEX3 has no part of a century,
    # so the value is the century with START / MID / END, and the years are the part itself
    parts = ctx.lex.century_fractions[lookup_key(cand.group("frac"))]
    part_word = lookup_key(cand.group("part"))
    index = parts if part_word in ctx.lex.context_words["last_part_words"] else ctx.lex.ordinals.get(part_word, 0)
    if not 1 <= index <= parts:
        return None
    first = -100 * n + 1 if bc else (n - 1) * 100  # astronomical: the 5th century BC is -499 .. -400
    size = 100 // parts
    reading.years = (first + (index - 1) * size, first + 100 if index == parts else first + index * size)
    reading.mod = "START" if index == 1 else "END" if index == parts else "MID"
    return reading


_ordinal_day_before = context_regex(r"\b{ordinal_day_prepositions}\s{1,3}$")
_ordinal_day_after = context_regex(r"\s{0,3}(?:[.,;:!?)\"'”’]|$)|\s{1,3}{ordinal_day_followers}\b")


def _ordinal_day(cand: Candidate, ctx: Context) -> Reading | None:
    """ "on the 12th", "by the 3rd": a day of the reference month, the tense choosing between
    that month and the one before (past) or after (future) when the day is on the other side."""
    text = ctx.text
    if _ordinal_day_before(ctx.lex).search(text, max(0, cand.start - 12), cand.start) is None:
        return None
    if _ordinal_day_after(ctx.lex).match(text, cand.end, cand.end + 20) is None:
        return None  # "on the 3rd floor": an ordinal of something else
    day = day_number(cand.group("day") or "", ctx.lex)
    if not 1 <= day <= 31:
        return None
    anchor = ctx.deictic_anchor()
    if anchor is None or anchor.gran not in (DAY, MONTH):
        return unknown(f"XXXX-XX-{day:02d}")
    year, month = anchor.year, anchor.month
    if anchor.gran == DAY and not ctx.narrative:
        tense = ctx.tense(cand)
        if tense == PAST and day > anchor.day:
            year, month = cal.add_months(year, month, -1)
        elif tense == FUTURE and day < anchor.day:
            year, month = cal.add_months(year, month, 1)
    if day > cal.days_in_month(year, month):
        return None
    return dated(Point.of_day(year, month, day), anchored=True)


HANDLERS: dict[str, Handler] = {
    "ordinal_day": _ordinal_day,
    "year_tail": _year_tail,
    "date": _date,
    "week_of": _week_of,
    "week_of_month": _week_of_month,
    "decade": _decade,
    "century": _century,
}
