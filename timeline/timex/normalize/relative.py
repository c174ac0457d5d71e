"""Relative expressions: "last week", "the next day", "next Tuesday", "that day", "today",
"the coming months"; deictic ones against the document date, anaphoric ones against the last date."""

from __future__ import annotations

import re

from timeline import calendar as cal
from timeline.timex.anchor import (
    DAY,
    DECADE,
    FUTURE,
    MONTH,
    PAST,
    QUARTER,
    UNKNOWN,
    WEEK,
    YEAR,
    Point,
    granularity_order,
)
from timeline.timex.document_date import year_text
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import REFS, Context, Handler, Reading, dated, unknown
from timeline.timex.normalize.dates import weekday_reading
from timeline.timex.normalize.durations import duration_value
from timeline.timex.normalize.words import day_number, direction_of, lookup_key, number_of
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS", "year_long"]


_UNIT_GRAN = {"D": DAY, "W": WEEK, "M": MONTH, "Q": QUARTER, "Y": YEAR, "DE": DECADE, "CE": "CE", "WE": WEEK}


def _unit_code(word: str, lex: Lexicon) -> str:
    key = lookup_key(word)
    if key in lex.value_words["year_unit_phrases"]:
        return "Y"
    return lex.units.get(key, "")


_STRETCH_UNITS = frozenset({"S", "MIN", "H", "D", "W", "M", "Y", "Q", "DE", "CE"})


_CALENDAR_UNITS = frozenset({"W", "M", "Y", "DE"})


def _relative(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    vw = lex.value_words
    det = lookup_key(cand.group("det"))
    rel = lookup_key(cand.group("rel"))
    unit = _unit_code(cand.group("unit") or "", ctx.lex)
    offset = lex.relative.get(rel, 0)
    anaphoric = rel in lex.anaphoric_relative or (det in vw["anaphoric_determiners"] and rel in vw["anaphoric_after_determiner"])
    if rel in vw["demonstratives"] and det:
        return None
    the = det in vw["definite_articles"]
    if the and rel in vw["sequence_relatives"] and (unit == "D" or ctx.narrative):
        anaphoric = True
    elif the and rel in ctx.lex.context_words["calendar_stretch_relatives"] and unit in _CALENDAR_UNITS and not ctx.narrative and not _stretch(cand, ctx):
        # news: "the past year", "the last decade", "the next year" name the calendar unit before
        # (after) the document's, as TimeBank annotates them (a stretch with a number stays a duration)
        pass
    elif the and rel in ctx.lex.context_words["stretch_relatives"] and unit in _STRETCH_UNITS:
        # "the past year", "the next hour": a stretch of time (not "the past weekend")
        return unknown(duration_value(1, unit), "DURATION")
    if det in vw["proximal_demonstratives"] and rel not in vw["this_relatives"]:
        return None
    if unit in ("S", "MIN", "H"):
        return None
    if unit == "NIGHT":
        anchor = ctx.deictic_anchor()
        if anchor is None or anchor.gran != DAY:
            return unknown("XXXX-XX-XXTNI", "TIME")
        day = Point.of_days(anchor.days + offset)
        if rel in vw["yesterday_relatives"]:
            day = Point.of_days(anchor.days - 1)
        return Reading("TIME", day.value() + "TNI", point=day)
    anchor = ctx.anaphoric_anchor() if anaphoric else ctx.deictic_anchor()
    if anchor is None:
        placeholder = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "WE": "XXXX-WXX-WE"}
        return unknown(placeholder.get(unit, "XXXX")) if unit in placeholder else None
    if unit == "D":
        if rel in vw["no_day_relatives"]:
            return None
        if anchor.gran == MONTH and offset == 0:  # "that same day" after "last October": a day of it
            return unknown(f"{anchor.value()}-XX", anchored=True)
        if anchor.gran != DAY:  # "the next day" after "in 1942": a day, which one unknown
            return unknown(f"{year_text(anchor.year)}-XX-XX" if anchor.gran in (MONTH, YEAR) else "XXXX-XX-XX", anchored=True)
        return dated(Point.of_days(anchor.days + offset), anchored=anaphoric)
    if unit == "WE":
        week = anchor.shift("W", offset) if anchor.gran in (DAY, WEEK) else None
        if week is None:
            return None
        return Reading("DATE", week.value() + "-WE", point=week, anchored=anaphoric)
    if unit == "FORTNIGHT":
        return None
    gran = _UNIT_GRAN.get(unit)
    if gran is None:
        return None
    base = anchor.coarser(gran) if gran != "CE" else Point("CE", anchor.year // 100 * 100)
    point = base.shift(unit if unit != "CE" else "CE", offset) if offset else base
    if point is not None and gran == YEAR and point.gran != YEAR:
        point = Point(YEAR, point.year)
    return dated(point, anchored=anaphoric, partial="year" if gran == YEAR else "")


def _relative_name(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    rel = lookup_key(cand.group("rel"))
    name = lookup_key(cand.group("name")).rstrip(".")
    direction = direction_of(rel, lex)
    if rel in lex.context_words["not_name_relatives"]:
        return None
    if name in lex.weekdays:
        ref = ctx.ref
        if rel in lex.value_words["weekday_sequence_relatives"] and ref is not None and ref.gran == DAY and not ctx.narrative:
            # "the previous Friday", "the following Monday": the one before (after) the day under discussion
            today, weekday = cal.weekday(ref.days), lex.weekdays[name]
            delta = -((today - weekday) % 7 or 7) if direction == PAST else (weekday - today) % 7 or 7
            return dated(Point.of_days(ref.days + delta), anchored=True, partial="weekday")
        return weekday_reading(lex.weekdays[name], cand, ctx, direction if direction != UNKNOWN else 0)
    month = lex.months[name]
    day_s = cand.group("day")
    day = day_number(day_s, ctx.lex) if day_s else 0
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return unknown(f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}")
    year = anchor.year
    here = (anchor.month or 1, anchor.day or 1) if day else (anchor.month or 1, 0)
    there = (month, day)
    if direction == PAST and there >= here:
        year -= 1
    elif direction == FUTURE and there <= here:
        year += 1
    if day:
        if day > cal.days_in_month(year, month):
            return None
        return dated(Point.of_day(year, month, day))
    return dated(Point(MONTH, year, month))


_year_ending = context_regex(r"\s{1,3}(?:{year_ending_pronouns}\s{1,3})?{year_endings}\b")


_year_long_before = context_regex(r"\b{year_long_before}\s{1,3}$")


def year_long(cand: Candidate, ctx: Context) -> bool:
    """ "the year ended Sept. 30", "throughout the year": a year-long stretch, not a calendar year."""
    text = ctx.text
    return bool(_year_ending(ctx.lex).match(text[cand.end : cand.end + 20]) or _year_long_before(ctx.lex).search(text[max(0, cand.start - 14) : cand.start]))


_stretch_before = context_regex(r"\b{stretch_before}\s{1,3}$")


_perfect = context_regex(r"\b{perfect_auxiliaries}\s{1,3}(?:\w+{adverb_endings}\s{1,3})?(?:{irregular_participles}|[a-z]+{participle_endings})\b")


def _stretch(cand: Candidate, ctx: Context) -> bool:
    """ "over the past year", "prices have risen in the last year": a stretch up to now, not the year before."""
    text = ctx.text
    if year_long(cand, ctx) or _stretch_before(ctx.lex).search(text, max(0, cand.start - 12), cand.start):
        return True
    return _perfect(ctx.lex).search(_clause(text, cand.start, cand.end)) is not None


def _clause(text: str, start: int, end: int) -> str:
    """The words around [start, end) up to the nearest sentence or clause breaks (at most 60 characters each way)."""
    lo = max(0, start - 60)
    hi = min(len(text), end + 60)
    before = max(text.rfind(c, lo, start) for c in ".;!?\n")
    after = [i for i in (text.find(c, end, hi) for c in ".;!?\n") if i >= 0]
    return text[before + 1 if before >= 0 else lo : min(after) if after else hi]


_daytime_before = context_regex(r"\b{daytime_before}\s{1,3}$")
_day_idiom_before = context_regex(r"\b{day_idiom_verbs}\s{1,3}$")
_of_after = context_regex(r"\s{1,3}{night_of_links}\b")  # "the morning of April 19": the attachment stage joins them
# after a noun or an adjective standing for one: punctuation or a word that starts another phrase
_phrase_after = context_regex(r"\s{0,3}(?:[^\w\s-]|$|{phrase_starts}\b)")


_APPOSITION = re.compile(r"[0-9],\s{1,2}$")


_day_step = context_regex(r"\s{1,3}(?:{day_after}|(?P<back>{day_before}))\b")


def _the_unit(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    vw = lex.value_words
    det = lookup_key(cand.group("det"))
    unit = lookup_key(cand.group("unit"))
    the = det in vw["definite_articles"]
    if unit in vw["indefinite_time_nouns"]:
        return unknown("PAST_REF") if det in vw["demonstratives"] else None
    if unit in vw["period_nouns"]:
        return None
    ref = ctx.ref
    anchor = ref if ref is not None else ctx.dct
    if anchor is None:
        return None
    code = lex.units.get(unit, "")
    if unit in lex.parts_of_day:
        code = lex.parts_of_day[unit]
        before = ctx.text[max(0, cand.start - 12) : cand.start]
        if the and _daytime_before(lex).search(before) and _phrase_after(lex).match(ctx.text, cand.end) and not _of_after(lex).match(ctx.text, cand.end):
            # "in the morning,", "during the night the ...": that part of the day under discussion (not "the morning session")
            if anchor.gran != DAY:
                return unknown(f"XXXX-XX-XXT{code}", "TIME")
            return Reading("TIME", f"{anchor.value()}T{code}", point=anchor, anchored=True)
        if the or anchor.gran != DAY:
            return None
        return Reading("TIME", f"{anchor.value()}T{code}", point=anchor, anchored=True)
    if code == "WE":
        if ref is None or (not ctx.narrative and the):  # news: "over the weekend" is the last one
            dct = ctx.dct
            if dct is None:
                return None
            today = cal.weekday(dct.days)
            week = Point.of_days(dct.days - (7 if today < 5 and ctx.tense(cand) != FUTURE else 0)).coarser(WEEK)
        else:
            if anchor.gran not in (DAY, WEEK):
                return None
            week = anchor.coarser(WEEK)
        return Reading("DATE", week.value() + "-WE", point=week, anchored=ref is not None and (ctx.narrative or not the))
    if code == "Y" and the and year_long(cand, ctx):
        return unknown("P1Y", "DURATION")
    gran = _UNIT_GRAN[code]
    if gran == DAY and anchor.gran != DAY:
        return None
    if the and gran in (DAY,) and (
        ref is None
        or _daytime_before(ctx.lex).search(ctx.text[max(0, cand.start - 12) : cand.start])
        or _day_idiom_before(ctx.lex).search(ctx.text[max(0, cand.start - 16) : cand.start])  # "Mirabeau carried the day": won
    ):
        return None
    if granularity_order(anchor.gran) > granularity_order(gran):
        return None
    if gran == DAY and anchor.gran == DAY:
        step = _day_step(ctx.lex).match(ctx.text, cand.end)
        apposition = _APPOSITION.search(ctx.text, max(0, cand.start - 4), cand.start)  # "Oct. 12, the day before"
        if step is not None and apposition is None:  # "the day after the battle": the day after the one discussed
            return dated(Point.of_days(anchor.days + (-1 if step.group("back") else 1)), anchored=True)
    return dated(anchor.coarser(gran), anchored=True)


_POSSESSIVE_NOUN = re.compile(r"['’]s\s{1,3}([a-z]+)(?:\s{1,3}([a-z]+))?")


_the_before = context_regex(r"\b{the_words}\s{1,3}$")


def _pronoun(cand: Candidate, ctx: Context) -> bool:
    """ "the former an option", "the former, ...": an adjective standing for a noun named before, no time."""
    text = ctx.text
    return bool(_the_before(ctx.lex).search(text, max(0, cand.start - 6), cand.start) and _phrase_after(ctx.lex).match(text, cand.end))


_then_determiner = context_regex(r"\b{then_adjective_determiners}\s{1,3}$")


def _deictic(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    word = lookup_key(cand.group("word"))
    if word in lex.deictic_strict and not (ctx.narrative and word in lex.narrative_deictic):
        return None
    if word in lex.narrative_deictic and _pronoun(cand, ctx):
        return None
    if word in lex.value_words["then_adjectives"] and not _then_determiner(lex).search(ctx.text, max(0, cand.start - 8), cand.start):
        return None  # "since then current prices fell": "then" ends a phrase
    spec = lex.deictic[word]
    if word in lex.value_words["present_day_words"]:
        noun = _POSSESSIVE_NOUN.match(ctx.text, cand.end)
        if noun is not None and (noun.group(1) in lex.generic_nouns or noun.group(2) in lex.generic_nouns):
            return None  # "today's youth": the present age, no day
    type_ = str(spec[0])
    if spec[1] in REFS or type_ == "DURATION":
        return unknown(str(spec[1]), type_)
    anchor = ctx.dct if not ctx.narrative else ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return unknown("XXXX-XX-XX" if spec[1] == "D" else "XXXX-XX-XXTNI", type_)
    day = Point.of_days(anchor.days + int(spec[2]))
    if spec[1] == "NI":
        if word in lex.value_words["night_before_words"] and not ctx.narrative and ctx.tense(cand) == PAST:
            # "rebels shelled the town overnight": the night before the day under discussion
            ref = ctx.ref
            today = ref if ref is not None and ref.gran == DAY and ref.days <= anchor.days else anchor
            day = Point.of_days(today.days - 1)
        return Reading("TIME", day.value() + "TNI", point=day)
    return dated(day, partial="day")


def _recent(cand: Candidate, ctx: Context) -> Reading | None:
    vw = ctx.lex.value_words
    rel = lookup_key(cand.group("rel"))
    unit = ctx.lex.units[lookup_key(cand.group("unit"))]
    num = cand.group("num")
    if num is not None:
        n = number_of(num, ctx.lex)
        return unknown(duration_value(n, unit), "DURATION")
    if rel in vw["ahead_relatives"]:  # "the weeks ahead"
        return unknown(duration_value(None, unit), "DURATION")
    if rel in vw["sequel_relatives"]:  # "in the following days": after the event told, not after today
        return unknown(duration_value(None, unit), "DURATION")
    if rel in vw["future_ref_relatives"]:
        return unknown("FUTURE_REF")
    return unknown(duration_value(None, unit), "DURATION")


HANDLERS: dict[str, Handler] = {
    "relative": _relative,
    "relative_name": _relative_name,
    "the_unit": _the_unit,
    "deictic": _deictic,
    "recent": _recent,
}
