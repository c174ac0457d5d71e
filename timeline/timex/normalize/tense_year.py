"""The year of an expression that names none ("in March", "the third quarter", "Saturday,
April 25"): the anchor's year, moved by the tense of the clause."""

from __future__ import annotations

import math

from timeline import calendar as cal
from timeline.timex.anchor import (
    DAY,
    FUTURE,
    HALF,
    PAST,
    UNKNOWN,
    Point,
)
from timeline.timex.normalize.context import Context
from timeline.timex.recognize import Candidate

__all__ = [
    "CLOSE_CUE",
    "CLOSE_SLACK",
    "TENSE_SLACK",
    "nearest_year",
    "year_of_numbered",
    "year_of_weekday",
]


# How far (in days) a month or day of the anchor's year may lie on the "wrong" side of the anchor
# before the clause's tense moves it a year: "said in March" on 18 March... "in January" said in
# December is last January; "will meet on Jan. 14" written on 2 January is this January.
TENSE_SLACK = 90


CLOSE_CUE = 6  # a cue this near ("left in May") is the expression's own verb: little slack


CLOSE_SLACK = 20


_NO_TENSE_SLACK = 183


def nearest_year(month: int, day: int, anchor: Point, tense: int, distance: float = math.inf) -> int:
    """The year of a month (and day) with no year: the anchor's, moved by the clause's tense."""
    if anchor.gran != DAY:
        return anchor.year
    target = cal.days_from_civil(anchor.year, month, min(day or 15, cal.days_in_month(anchor.year, month)))
    diff = target - anchor.days
    slack = CLOSE_SLACK if distance <= CLOSE_CUE else TENSE_SLACK
    if tense == PAST and diff > slack:
        return anchor.year - 1
    if tense == FUTURE and diff < -slack:
        return anchor.year + 1
    if tense == UNKNOWN and diff > _NO_TENSE_SLACK:
        return anchor.year - 1
    if tense == UNKNOWN and diff < -_NO_TENSE_SLACK:
        return anchor.year + 1
    return anchor.year


def year_of_weekday(month: int, day: int, weekday: int, anchor: Point, default: int) -> int:
    """The year near the anchor in which month/day falls on ``weekday`` ("Saturday, April 25")."""
    best = None
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        if day > cal.days_in_month(year, month):
            continue
        days = cal.days_from_civil(year, month, day)
        if cal.weekday(days) == weekday and (best is None or abs(days - anchor.days) < best[0]):
            best = (abs(days - anchor.days), year)
    return best[1] if best else default


def year_of_numbered(gran: str, number: int, cand: Candidate, ctx: Context) -> int | None:
    """The year of "the third quarter", "H2" with no year: the document's, or the one before when
    that quarter (half) is still to come and the clause is not about the future; None without a date."""
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return None
    current = anchor.coarser(gran)
    now = current.half if gran == HALF else current.quarter
    if number > now and ctx.tense(cand) != FUTURE and not ctx.narrative:
        return anchor.year - 1
    return anchor.year
