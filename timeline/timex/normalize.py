"""Values: a TIMEX3 type, value and mod for each candidate, against an anchor.

Stage five of the tagger. Each rule of ``data/rules.json`` names a handler here; a handler
reads the candidate's groups, looks words up in the lexicon, and returns a ``Reading`` (or
None to drop a candidate that is not temporal after all, like "1,500 troops"). Anchors come
from the ``Context``: the document date for deictic expressions ("yesterday", "last week"),
the last date mentioned for anaphoric ones ("a year earlier", "the next day"), and in
narrative mode the last date mentioned for everything underspecified.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import Any

import attrs
from dateutil.easter import easter

from timeline import calendar as cal
from timeline.timex.anchor import (
    DAY,
    DECADE,
    FUTURE,
    HALF,
    MONTH,
    PAST,
    QUARTER,
    SEASON,
    UNKNOWN,
    WEEK,
    YEAR,
    Point,
    TenseIndex,
    year_text,
)
from timeline.timex.lexicon import Lexicon, lexicon
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

REFS = ("PRESENT_REF", "PAST_REF", "FUTURE_REF")
QUARTER_REACH = 20_000  # characters: how far back "a year earlier" looks for the quarter discussed


@attrs.define
class Reading:
    """A candidate's normalization (mutable while the tagger merges neighbours)."""

    type: str
    value: str
    mod: str | None = None
    point: Point | None = None  # the date it names, when it names one
    time: str | None = None  # "T10:30" / "TMO": a time of day waiting for its day
    anchored: bool = False  # resolved against the last date mentioned (not a new reference)
    end: int | None = None  # the expression ends here, before the end of its match
    start: int | None = None  # the expression starts here, after the start of its match
    partial: str = ""  # what a neighbour may complete: "month" (no year), "weekday", "year"
    month: int = 0
    absolute: bool = False  # the text gave the year itself


@attrs.define
class Context:
    """What a document's expressions are resolved against, updated as the tagger reads on."""

    text: str
    dct: Point | None
    narrative: bool = False
    ref: Point | None = None  # the last date mentioned
    quarter: Point | None = None  # the last quarter mentioned (financial reports compare quarters)
    quarter_at: int = 0  # where it was mentioned

    def recent_quarter(self, cand: Candidate) -> Point | None:
        """The quarter under discussion: mentioned within the last few sentences."""
        if self.quarter is not None and cand.start - self.quarter_at <= QUARTER_REACH:
            return self.quarter
        return None

    def deictic_anchor(self) -> Point | None:
        """Anchor of "yesterday", "last week": the document date (narrative: the last date)."""
        if self.narrative and self.ref is not None:
            return self.ref
        return self.dct

    def anaphoric_anchor(self) -> Point | None:
        """Anchor of "a year earlier", "the next day": the last date mentioned, else the document date."""
        return self.ref if self.ref is not None else self.dct

    tenses: dict[str, TenseIndex] = attrs.field(factory=dict)  # built once, shared by a document's passes

    def _tense_index(self) -> TenseIndex:
        index = self.tenses.get("index")
        if index is None:
            index = self.tenses["index"] = TenseIndex(self.text)
        return index

    def tense(self, cand: Candidate) -> int:
        return self._tense_index().tense(cand.start, cand.end)

    def tense_and_distance(self, cand: Candidate) -> tuple[int, float]:
        """The tense with how far its cue stands from the expression."""
        return self._tense_index().tense_and_distance(cand.start, cand.end)


Handler = Callable[[Candidate, Context], Reading | None]
_HANDLERS: dict[str, Handler] = {}


def handler(name: str) -> Callable[[Handler], Handler]:
    def register(func: Handler) -> Handler:
        _HANDLERS[name] = func
        return func

    return register


def normalize(cand: Candidate, ctx: Context) -> Reading | None:
    """The reading of one candidate (None: not a temporal expression)."""
    return _HANDLERS[cand.rule.handler](cand, ctx)


# --- small helpers -------------------------------------------------------------------------


def _key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def _lex() -> Lexicon:
    return lexicon()


def _month(word: str) -> int:
    return _lex().months[_key(word).rstrip(".")]


def _weekday(word: str) -> int:
    return _lex().weekdays[_key(word).rstrip(".").removesuffix("'s")]


def _day(word: str) -> int:
    key = _key(word)
    if key in _lex().ordinals:
        return _lex().ordinals[key]
    return int(re.sub(r"[^0-9]", "", key))


def _year_words(text: str) -> int | None:
    """ "nineteen ninety-one" -> 1991, "two thousand and two" -> 2002."""
    words = _key(text).replace("-", " ").split()
    lex = _lex()
    if words[:2] == ["two", "thousand"]:
        rest = lex.number(" ".join(w for w in words[2:] if w != "and")) if len(words) > 2 else 0
        return 2000 + int(rest or 0)
    if words and words[0] in ("eighteen", "nineteen", "twenty"):
        head = int(lex.numbers.get(words[0]) or lex.tens.get(words[0], 0))
        rest_words = [w for w in words[1:] if w != "oh"]
        if rest_words == ["hundred"]:
            return head * 100
        rest = lex.number(" ".join(rest_words))
        if rest is None:
            return None
        return head * 100 + int(rest)
    return None


def _year(text: str, ctx: Context) -> int | None:
    key = _key(text)
    if key.startswith("'"):
        two = int(key[1:3])
        base = (ctx.dct or ctx.ref or Point(YEAR, 2000)).year
        century = base - base % 100
        year = century + two
        return year - 100 if year > base + 10 else year
    if key[:1].isdigit():
        return int(key)
    return _year_words(key)


# How far (in days) a month or day of the anchor's year may lie on the "wrong" side of the anchor
# before the clause's tense moves it a year: "said in March" on 18 March... "in January" said in
# December is last January; "will meet on Jan. 14" written on 2 January is this January.
_TENSE_SLACK = 90
_CLOSE_CUE = 6  # a cue this near ("left in May") is the expression's own verb: little slack
_CLOSE_SLACK = 20
_NO_TENSE_SLACK = 183


def _nearest_year(month: int, day: int, anchor: Point, tense: int, distance: float = float("inf")) -> int:
    """The year of a month (and day) with no year: the anchor's, moved by the clause's tense."""
    if anchor.gran != DAY:
        return anchor.year
    target = cal.days_from_civil(anchor.year, month, min(day or 15, cal.days_in_month(anchor.year, month)))
    diff = target - anchor.days
    slack = _CLOSE_SLACK if distance <= _CLOSE_CUE else _TENSE_SLACK
    if tense == PAST and diff > slack:
        return anchor.year - 1
    if tense == FUTURE and diff < -slack:
        return anchor.year + 1
    if tense == UNKNOWN and diff > _NO_TENSE_SLACK:
        return anchor.year - 1
    if tense == UNKNOWN and diff < -_NO_TENSE_SLACK:
        return anchor.year + 1
    return anchor.year


def _dated(point: Point | None, type_: str = "DATE", mod: str | None = None, **kw: Any) -> Reading | None:
    """The reading of a date the calendar can place (None stays None)."""
    if point is None:
        return None
    return Reading(type_, point.value(), mod, point=point, **kw)


def _edge_mod(word: str) -> str | None:
    """START, END or MID for "early", "late", "mid" (the lexicon's mods of a point), else None."""
    return _lex().mods.get(word) if word in _lex().point_mods else None


def _unknown(value: str, type_: str = "DATE", **kw: Any) -> Reading:
    """The reading of a value with no calendar date of its own (durations, sets, PAST_REF, XXXX)."""
    return Reading(type_, value, **kw)


_quantity_after = context_regex(r"\s{0,2}(?:%|{quantity_nouns}|[-‐]?{quantity_compounds})(?![\w])", space=" ")
_quantity_before = context_regex(r"(?:\b{quantity_before}|#|[+±×*/=<>])\s{0,2}$", space=" ")


def _looks_like_quantity(cand: Candidate, year_start: int, year_end: int) -> bool:
    text = cand.match.string
    after = text[year_end : year_end + 24]
    if _quantity_after().match(after):
        return True
    before = text[max(0, year_start - 16) : year_start]
    return bool(_quantity_before().search(before))


# --- dates ---------------------------------------------------------------------------------


# "the March to the Sea", "Women's March on Versailles", "the March for Life": a month name that is not a month.
_not_a_month = context_regex(r"(?:\b{not_a_month_before}|'s)\s{1,3}$")
_not_a_month_after = context_regex(r"\s{1,3}(?:{event_prepositions}\s{1,3}(?:the\s|[A-Z])|{name_prepositions}\s{1,3}(?:the\s{1,3})?[A-Z][a-z])", ignore_case=False)


# "the October slaying", "a June agreement": a month name before a lower-case noun modifies it, a month
@functools.cache
def _month_modifier_after() -> re.Pattern[str]:
    stop = "|".join(map(re.escape, _lex().not_month_modifiers))
    return re.compile(rf"\s{{1,3}}(?!(?:{stop})\b)[a-z]{{3,}}\b(?!-)")


_modal_may = context_regex(r"May\s{1,3}{may_subjects}\b", ignore_case=False)
_SENTENCE_START = re.compile(r"(?:^|[.!?:\"'`“‘]\s{0,3}|\n\s{0,3})$")
_next_word = context_regex(r"\s{1,3}{month_range_links}\s{1,3}([A-Z][a-z]+\.?)", ignore_case=False)
_month_preposition = context_regex(r"\b{month_prepositions}\s{1,3}$")
_name_before_month = context_regex(r"(?:\b(?!(?i:{month_prepositions}|{month_words_before}|{not_a_month_before})\b)[A-Z][a-z]+|\bM(?:rs?|s)\.)\s{1,3}$", ignore_case=False)


def _name_of_event(cand: Candidate, ctx: Context) -> bool:
    """ "the March to the Sea", "the March for Life", "May I", "Theresa May"; but "from March to May", "in March for the vote" are months."""
    text = ctx.text
    if _modal_may().match(text, cand.start, cand.end + 8) and _SENTENCE_START.search(text, max(0, cand.start - 4), cand.start):
        return True  # "May I ask?", "May God bless": a wish or a question, at the start of a sentence
    if _name_before_month().search(text, max(0, cand.start - 20), cand.start):
        return True  # "Theresa May", "Mrs. May", a title's "Dad May Come": a surname or a modal
    after = _not_a_month_after().match(text, cand.end, cand.end + 24)
    if after is None:
        return False
    if _month_preposition().search(text, max(0, cand.start - 12), cand.start):
        return False
    following = _next_word().match(text, cand.end, cand.end + 24)  # "March to May": a range of months
    return not (following is not None and following.group(1).lower().rstrip(".") in _lex().months)


@handler("year_tail")
def _year_tail(cand: Candidate, ctx: Context) -> Reading | None:
    head = int(cand.group("head") or 0)
    tail = int(cand.group("tail") or 0)
    year = head - head % 100 + tail
    if year <= head:
        year += 100
    if year - head > 30:
        return None
    return _dated(Point(YEAR, year), absolute=True)


@handler("date")
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
            if _looks_like_quantity(cand, start, end):
                return None
        year = _year(year_text_, ctx)
        if year is None:
            return None
        if era is not None:
            if _key(era).replace(".", "").startswith("b"):
                if year == 0:
                    return None
                year = 1 - year
            elif year == 0:
                return None
        elif year < 1000 and mon is None and g("fiscal") is None:  # "FY24" has two digits
            return None
    month = int(mon) if mon and mon.isdigit() else _month(mon) if mon else 0
    day_n = _day(day) if day else 0
    if month and not 1 <= month <= 12:
        return None
    if year is not None and year < 100 and year_text_ and year_text_[:1].isdigit() and len(year_text_) == 2:
        base = ctx.dct.year if ctx.dct else 2000
        year += base - base % 100
        if year > base + 10:
            year -= 100
    if day_n:
        if not month:
            return None
        if year is None:
            anchor = ctx.deictic_anchor()
            if anchor is None:
                return _unknown(f"XXXX-{month:02d}-{day_n:02d}", partial="day")
            year = _nearest_year(month, day_n, anchor, *((UNKNOWN, float("inf")) if ctx.narrative else ctx.tense_and_distance(cand)))
            if anchor.gran != DAY:
                year = anchor.year
            elif wd:
                year = _year_of_weekday(month, day_n, _weekday(wd), anchor, year)
        if day_n > cal.days_in_month(year, month):
            return None
        point = Point.of_day(year, month, day_n)
        hour = g("hour")
        if hour is not None:
            return Reading("TIME", f"{point.value()}T{int(hour):02d}:{g('minute')}", point=point, absolute=True)
        return _dated(point, absolute=year_text_ is not None)
    if month:
        if (
            year is None
            and cand.rule.name == "month"
            and _not_a_month().search(ctx.text[max(0, cand.start - 12) : cand.start])
            and not _month_modifier_after().match(ctx.text, cand.end, cand.end + 24)
        ):
            return None
        if year is None and cand.rule.name == "month" and _name_of_event(cand, ctx):
            return None
        if year is None:
            anchor = ctx.deictic_anchor()
            if anchor is None:
                return _unknown(f"XXXX-{month:02d}", partial="month", month=month)
            year = anchor.year if ctx.narrative or anchor.gran != DAY else _nearest_year(month, 0, anchor, *ctx.tense_and_distance(cand))
            reading = _dated(Point(MONTH, year, month))
            if reading:
                reading.partial = "month"
                reading.month = month
            return reading
        return _dated(Point(MONTH, year, month), absolute=True)
    if year is not None:
        return _dated(Point(YEAR, year), absolute=True)
    if wd:
        if cand.rule.name == "weekday" and _part_of_a_name(cand, ctx):
            return None
        return _weekday_reading(_weekday(wd), cand, ctx)
    return None


_weekday_name_after = context_regex(r"\s{1,2}{weekday_name_after}\b(?!\s{1,2}[A-Z])", ignore_case=False)  # not "Sunday Times Square"
_weekday_name_before = context_regex(r"\b{weekday_name_before}\s{1,2}$", ignore_case=False)


def _part_of_a_name(cand: Candidate, ctx: Context) -> bool:
    """ "the Sunday Times", "the Mail on Sunday": a weekday in a newspaper's or a show's name."""
    text = ctx.text
    return bool(_weekday_name_after().match(text, cand.end, cand.end + 24) or _weekday_name_before().search(text, max(0, cand.start - 20), cand.start))


def _year_of_weekday(month: int, day: int, weekday: int, anchor: Point, default: int) -> int:
    """The year near the anchor in which month/day falls on ``weekday`` ("Saturday, April 25")."""
    best = None
    for year in (anchor.year, anchor.year - 1, anchor.year + 1):
        if day > cal.days_in_month(year, month):
            continue
        days = cal.days_from_civil(year, month, day)
        if cal.weekday(days) == weekday and (best is None or abs(days - anchor.days) < best[0]):
            best = (abs(days - anchor.days), year)
    return best[1] if best else default


def _weekday_reading(weekday: int, cand: Candidate, ctx: Context, direction: int | None = None) -> Reading | None:
    anchor = ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return _unknown(f"XXXX-WXX-{weekday}", partial="weekday")
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
    reading = _dated(Point.of_days(base + delta))
    if reading:
        reading.partial = "weekday"
    return reading


@handler("week_of")
def _week_of(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the week of March 6": the ISO week holding that day."""
    day = _date(cand, ctx)
    if day is None or day.point is None or day.point.gran != DAY:
        return None
    week = day.point.coarser(WEEK)
    weekend = _key(cand.group("unit")) == "weekend"
    return Reading("DATE", week.value() + ("-WE" if weekend else ""), point=week, absolute=day.absolute)


@handler("week_of_month")
def _week_of_month(cand: Candidate, ctx: Context) -> Reading | None:
    """ "the first week of March", "the last weekend of August 1998": the ISO week holding the
    middle day of that seven-day stretch of the month."""
    month = _date(cand, ctx)
    if month is None:
        return None
    if month.point is None:  # no document date: the month of the story told so far
        anchor = ctx.anaphoric_anchor()
        if anchor is None or not month.month:
            return _unknown("XXXX-WXX")
        month = _dated(Point(MONTH, anchor.year, month.month))
    if month is None or month.point is None or month.point.gran != MONTH:
        return None
    year, mon = month.point.year, month.point.month
    last = cal.days_in_month(year, mon)
    nth = _lex().ordinals.get(_key(cand.group("wk")))  # None for "last"
    middle = 7 * int(nth) - 3 if nth and 1 <= nth <= 4 else last - 3  # the middle day of that week
    week = Point.of_day(year, mon, middle).coarser(WEEK)
    weekend = _key(cand.group("unit")) == "weekend"
    return Reading("DATE", week.value() + ("-WE" if weekend else ""), point=week, absolute=month.absolute)


@handler("decade")
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
    else:
        tens = _lex().decade_words[_key(cand.group("decw"))]
        base = (ctx.anaphoric_anchor() or Point(YEAR, 1900)).year
        year = base - base % 100 + tens * 10
        if year > base:
            year -= 100
    if cand.group("era") and _key(cand.group("era")).startswith("b"):
        return _unknown("BC" + f"{year:04d}"[:-1])
    return _dated(Point(DECADE, year), absolute=dec is not None and not dec.startswith("'"))


@handler("century")
def _century(cand: Candidate, ctx: Context) -> Reading | None:
    word = _key(cand.group("ord"))
    n = _lex().ordinals.get(word) or int(re.sub(r"[^0-9]", "", word) or 0)
    if not 1 <= n <= 30:
        return None
    if cand.group("era") and _key(cand.group("era")).startswith("b"):
        return _unknown(f"BC{n - 1:02d}")
    return _dated(Point("CE", (n - 1) * 100), absolute=True)


# --- quarters, halves, seasons, holidays ---------------------------------------------------


def _current(ctx: Context, gran: str) -> Point | None:
    anchor = ctx.deictic_anchor()
    return anchor.coarser(gran) if anchor is not None else None


@handler("quarter")
def _quarter(cand: Candidate, ctx: Context) -> Reading | None:
    reading = _quarter_value(cand, ctx)
    det = _key(cand.group("det"))
    if reading is not None and det:
        ordinal_adjective = cand.group("ord") is not None and cand.match.string[cand.match.end("ord") : cand.match.end("ord") + 1] == "-"
        qualified = any(cand.group(name) is not None for name in ("ord", "m1", "adj", "year"))
        if (det in ("its", "their", "that") and qualified) or (det == "the" and ordinal_adjective):
            # "its third-quarter profit": the determiner belongs to the noun, not to the time
            reading.start = cand.match.end("det") + len(cand.match.string[cand.match.end("det") :]) - len(cand.match.string[cand.match.end("det") :].lstrip())
    return reading


@handler("weekday_plural")
def _weekday_plural(cand: Candidate, ctx: Context) -> Reading | None:
    """ "on Mondays", "Tuesday nights": every such day (part of the day)."""
    lex = _lex()
    value = f"XXXX-WXX-{lex.weekdays[_key(cand.group('wd'))]}"
    pod = _key(cand.group("pod") or cand.group("pod2"))
    if pod:
        value += "T" + lex.parts_of_day[pod[:-1]]
    return _unknown(value, "SET")


@handler("quarter_code")
def _quarter_code(cand: Candidate, ctx: Context) -> Reading | None:
    """ "Q3 2003", "H1", "Q4 '02": a quarter or half written as a code."""
    code = cand.group("code") or ""
    number = int(code[1])
    gran = HALF if code[0] == "H" else QUARTER
    year_s = cand.group("year") or cand.group("yy")
    if year_s:
        year = _year(year_s, ctx)
        if year is None:
            return None
    else:
        year = _year_of_numbered(gran, number, cand, ctx)
        if year is None:
            return _unknown(f"XXXX-{code}")
    point = Point(HALF, year, half=number) if gran == HALF else Point(QUARTER, year, quarter=number)
    return _dated(point, absolute=year_s is not None)


def _year_of_numbered(gran: str, number: int, cand: Candidate, ctx: Context) -> int | None:
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


def _months_as_period(first: str | None, last: str | None) -> str | None:
    """ "April-June": the quarter or half those months make ("quarter 2"), None when they make neither."""
    if not (first and last):
        return None
    start, end = _month(first), _month(last)
    length = (end - start) % 12 + 1
    if length == 3 and start % 3 == 1:
        return f"quarter {(start - 1) // 3 + 1}"
    if length == 6 and start in (1, 7):
        return f"half {(start - 1) // 6 + 1}"
    return None


def _quarter_value(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    lex = _lex()
    q_word = _key(g("q"))
    months = _months_as_period(g("m1"), g("m2"))  # "the April-June quarter", "the July-to-September period"
    if g("m1") is not None:
        if months is None or q_word == "quarters":
            return None
        q_word = months.split()[0]
    det = _key(g("det"))
    ord_word = _key(g("ord"))
    adjs = [lex.quarter_adjectives[a] for a in re.findall(r"[\w-]+", _key(cand.text)) if a in lex.quarter_adjectives]
    year_s = g("year") or g("year2")
    rel2 = _key(g("rel2") or g("ryear"))
    is_half = q_word == "half"
    gran = HALF if is_half else QUARTER
    if q_word == "quarters":
        if det in ("each", "every"):
            return _unknown("P1Q", "SET")
        return None
    if det in ("each", "every"):
        return _unknown("P6M" if is_half else "P1Q", "SET")
    number = 0
    if ord_word:
        ordinal = {"1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(ord_word) or lex.ordinals.get(ord_word, 0)
        if ord_word in ("final", "last", "latter"):
            ordinal = 2 if is_half else 4
        number = ordinal
        if number > (2 if is_half else 4) or number < 1:
            return None
    elif months:
        number = int(months.split()[1])
    if q_word == "period" and not year_s and "year_ago" not in adjs:
        return None
    if not (number or adjs or year_s or det in ("the", "this", "last", "next", "its", "their", "that")):
        return None
    ref = ctx.ref if ctx.ref is not None and ctx.ref.gran == gran else None
    if ref is None and gran == QUARTER:
        ref = ctx.recent_quarter(cand)
    year: int | None = None
    if year_s:
        year = int(year_s)
    elif rel2 in ("this", "last", "next", "the"):
        anchor = ctx.deictic_anchor()
        if anchor is None:
            return None
        year = anchor.year + {"this": 0, "the": 0, "last": -1, "next": 1}[rel2]
    if q_word == "period":
        if year is not None:
            if ref is not None:
                return _dated(Point(QUARTER, year, quarter=ref.quarter), anchored=True)  # the quarter discussed, that year
            return _dated(Point(YEAR, year))
        if ref is None:
            cur = _current(ctx, QUARTER)
            ref = cur.shift("Q", -1) if cur else None
        return _dated(ref.shift("Y", -1), anchored=True) if ref is not None else None
    if number:
        if year is None:
            if ctx.narrative and ref is not None and "year_ago" not in adjs:
                year = ref.year
            else:
                year = _year_of_numbered(gran, number, cand, ctx)
                if year is None:
                    return _unknown(f"XXXX-{'H' if is_half else 'Q'}{number}")
            if "year_ago" in adjs:
                year -= 1
        point = Point(HALF, year, half=number) if is_half else Point(QUARTER, year, quarter=number)
        return _dated(point, absolute=year_s is not None)
    # No ordinal: "the quarter", "last quarter", "the latest quarter", "the year-earlier quarter"
    if year is not None and not adjs and det in ("", "the"):
        if is_half or (ref is None and q_word != "quarter"):
            return None
        # "the 1988 quarter": the quarter under discussion, else the last one completed
        last = _current(ctx, QUARTER)
        last = last.shift("Q", -1) if last is not None else None
        number = ref.quarter if ref is not None else last.quarter if last is not None else 0
        if not number:
            return None
        return _dated(Point(QUARTER, year, quarter=number), absolute=True)
    base = ref if ref is not None else None
    if det == "last" or "prev" in adjs:
        cur = base if base is not None and det != "last" else _current(ctx, gran)
        return _dated(cur.shift("Q", -2 if is_half else -1) if cur else None, anchored=base is not None)
    if "last" in adjs:  # "the latest quarter": the last one completed
        cur = _current(ctx, gran)
        return _dated(cur.shift("Q", -2 if is_half else -1) if cur else None)
    if det == "next":
        cur = _current(ctx, gran)
        return _dated(cur.shift("Q", 2 if is_half else 1) if cur else None)
    if det == "this" or "this" in adjs:
        return _dated(_current(ctx, gran))
    if base is None:
        cur = _current(ctx, gran)
        if cur is None:
            return _unknown("XXXX-QX")
        base = cur.shift("Q", -1) if not is_half else cur
        if base is None:
            return None
    if "year_ago" in adjs:
        return _dated(base.shift("Y", -1), anchored=True)
    return _dated(base, anchored=True)


_NAME_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n]\s\s)(?<=\S\s)\b[A-Z][a-z]+\s{1,2}$|(?<=[a-z,;]\s)\b[A-Z][a-z]+\s{1,2}$")
_name_after = context_regex(r"\s{1,2}(?!{title_case_links}\b)[A-Z][a-z]+|\s{1,2}{name_prepositions}\s{1,2}(?:the\s{1,2})?[A-Z][a-z]", ignore_case=False)
_THE_BEFORE = re.compile(r"\b[Tt]he\s{1,3}$")
_season_before = context_regex(r"\b({season_prepositions})\s{1,3}$")


@handler("season")
def _season(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    lex = _lex()
    code = lex.seasons[_key(g("season"))]
    rel = _key(g("rel"))
    before = _season_before().search(ctx.text[max(0, cand.start - 12) : cand.start])
    pre = _key(before.group(1)) if before else ""
    year_s = g("year")
    word = _key(g("season"))
    bare = not (rel or pre or year_s)
    if bare and (word in ("fall", "spring") and not (g("season") or "")[:1].isupper()):
        return None
    if word == "fall" and not year_s and re.match(r"\s{1,3}of\s{1,3}(?:[A-Z]|the\s)", ctx.text[cand.end : cand.end + 12]):
        return None
    season_word = g("season") or ""
    if season_word[:1].isupper() and (
        (rel in ("", "the") and _NAME_BEFORE.search(ctx.text[max(0, cand.start - 20) : cand.start]))
        or (not year_s and (rel in ("", "the") or _THE_BEFORE.search(ctx.text, max(0, cand.start - 6), cand.start)) and _name_after().match(ctx.text[cand.end : cand.end + 20]))
    ):
        return None  # part of a name: "the Arab Spring", "the Spring Offensive", "the next Winter Olympics"
    mod = _edge_mod(rel)
    if year_s:
        year = _year(year_s, ctx)
        if year is None:
            return None
        return _dated(Point(SEASON, year, season=code), mod=mod, absolute=True)
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return _unknown(f"XXXX-{code}")
    if anchor.gran not in (DAY, WEEK, MONTH, SEASON):  # "in 1942 ... during the summer"
        shift = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get(rel, 0)
        return _dated(Point(SEASON, anchor.year + shift, season=code), mod=mod)
    current = anchor.coarser(SEASON)
    index = ("SP", "SU", "FA", "WI").index
    # occurrences are (year, season index); the current one is `now`
    now = current.year * 4 + index(current.season)
    target_in_year = anchor.year * 4 + index(code)
    if code == "WI" and anchor.month <= 2:
        target_in_year -= 4
    if rel in ("last", "past", "this past"):
        occ = now - ((now - index(code)) % 4 or 4)
    elif rel in ("next", "coming", "this coming"):
        occ = now + ((index(code) - now) % 4 or 4)
    elif ctx.narrative or rel == "this":
        occ = anchor.year * 4 + index(code)
    else:
        tense = ctx.tense(cand)
        if tense == FUTURE and target_in_year < now:
            occ = target_in_year + 4
        elif tense == PAST and target_in_year > now:
            occ = target_in_year - 4
        else:
            occ = target_in_year
    return _dated(Point(SEASON, occ // 4, season=("SP", "SU", "FA", "WI")[occ % 4]), mod=mod)


@functools.cache
def _holiday_days(name: str, year: int) -> int | None:
    rule = _lex().holidays[name]
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


@handler("holiday")
def _holiday(cand: Candidate, ctx: Context) -> Reading | None:
    """A holiday; "Easter week", "Labor Day weekend": the ISO week holding it (a Monday
    holiday's weekend is the one before it)."""
    day = _holiday_day(cand, ctx)
    span = _key(cand.group("hweek"))
    if day is None or day.point is None or not span:
        return day
    days = day.point.days
    if span == "weekend" and cal.weekday(days) == 1:
        days -= 1
    week = Point.of_days(days).coarser(WEEK)
    return Reading("DATE", week.value() + ("-WE" if span == "weekend" else ""), point=week, absolute=day.absolute)


def _holiday_day(cand: Candidate, ctx: Context) -> Reading | None:
    name = _key(cand.group("hol"))
    if name not in _lex().holidays:
        return None
    rel = _key(cand.group("rel"))
    year_s = cand.group("year")
    if year_s:
        days = _holiday_days(name, int(year_s))
        return _dated(Point.of_days(days), absolute=True) if days is not None else None
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return None
    base = anchor.days
    this_year = _holiday_days(name, anchor.year)
    if this_year is None:
        return None
    slack = 0  # "last Easter": the one before the anchor, however near the next one is
    if rel in ("last", "this past"):
        direction = PAST
    elif rel in ("next", "this coming"):
        direction = FUTURE
    elif ctx.narrative or rel == "this":
        return _dated(Point.of_days(this_year))
    else:
        direction, distance = ctx.tense_and_distance(cand)
        slack = _CLOSE_SLACK if distance <= _CLOSE_CUE else _TENSE_SLACK
    if direction == PAST and this_year > base + slack:
        days = _holiday_days(name, anchor.year - 1)
    elif direction == FUTURE and this_year < base - slack:
        days = _holiday_days(name, anchor.year + 1)
    else:
        days = this_year
    return _dated(Point.of_days(days)) if days is not None else None


# --- relative expressions ------------------------------------------------------------------

_UNIT_GRAN = {"D": DAY, "W": WEEK, "M": MONTH, "Q": QUARTER, "Y": YEAR, "DE": DECADE, "CE": "CE", "WE": WEEK}


def _unit_code(word: str) -> str:
    key = _key(word)
    if key in ("fiscal year", "calendar year", "school year"):
        return "Y"
    return _lex().units.get(key, "")


_STRETCH_UNITS = frozenset({"S", "MIN", "H", "D", "W", "M", "Y", "Q", "DE", "CE"})
_CALENDAR_UNITS = frozenset({"W", "M", "Y", "DE"})


@handler("relative")
def _relative(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    det = _key(cand.group("det"))
    rel = _key(cand.group("rel"))
    unit = _unit_code(cand.group("unit") or "")
    offset = lex.relative.get(rel, 0)
    anaphoric = rel in lex.anaphoric_relative or (det in ("the", "that") and rel in ("next", "previous", "following", "same"))
    if rel == "that" and det:
        return None
    if det == "the" and rel in ("next", "following", "previous") and (unit == "D" or ctx.narrative):
        anaphoric = True
    elif det == "the" and rel in _lex().context_words["calendar_stretch_relatives"] and unit in _CALENDAR_UNITS and not ctx.narrative and not _stretch(cand, ctx):
        # news: "the past year", "the last decade", "the next year" name the calendar unit before
        # (after) the document's, as TimeBank annotates them (a stretch with a number stays a duration)
        pass
    elif det == "the" and rel in _lex().context_words["stretch_relatives"] and unit in _STRETCH_UNITS:
        # "the past year", "the next hour": a stretch of time (not "the past weekend")
        return _unknown(_duration_value(1, unit), "DURATION")
    if det == "this" and rel != "past" and rel != "coming":
        return None
    if unit in ("S", "MIN", "H"):
        return None
    if unit == "NIGHT":
        anchor = ctx.deictic_anchor()
        if anchor is None or anchor.gran != DAY:
            return _unknown("XXXX-XX-XXTNI", "TIME")
        day = Point.of_days(anchor.days + offset)
        if rel == "last":
            day = Point.of_days(anchor.days - 1)
        return Reading("TIME", day.value() + "TNI", point=day)
    anchor = ctx.anaphoric_anchor() if anaphoric else ctx.deictic_anchor()
    if anchor is None:
        placeholder = {"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "WE": "XXXX-WXX-WE"}
        return _unknown(placeholder.get(unit, "XXXX")) if unit in placeholder else None
    if unit == "D":
        if rel in ("last", "past", "this", "current", "coming"):
            return None
        if anchor.gran == MONTH and offset == 0:  # "that same day" after "last October": a day of it
            return _unknown(f"{anchor.value()}-XX", anchored=True)
        if anchor.gran != DAY:  # "the next day" after "in 1942": a day, which one unknown
            return _unknown(f"{year_text(anchor.year)}-XX-XX" if anchor.gran in (MONTH, YEAR) else "XXXX-XX-XX", anchored=True)
        return _dated(Point.of_days(anchor.days + offset), anchored=anaphoric)
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
    return _dated(point, anchored=anaphoric, partial="year" if gran == YEAR else "")


@handler("relative_name")
def _relative_name(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    rel = _key(cand.group("rel"))
    name = _key(cand.group("name")).rstrip(".")
    direction = {"last": PAST, "past": PAST, "previous": PAST, "this past": PAST, "next": FUTURE, "coming": FUTURE,
                 "this coming": FUTURE, "following": FUTURE, "upcoming": FUTURE}.get(rel, UNKNOWN)
    if rel in ("that", "same", "current", "present", "prior", "preceding", "ensuing"):
        return None
    if name in lex.weekdays:
        ref = ctx.ref
        if rel in ("previous", "preceding", "following") and ref is not None and ref.gran == DAY and not ctx.narrative:
            # "the previous Friday", "the following Monday": the one before (after) the day under discussion
            today, weekday = cal.weekday(ref.days), lex.weekdays[name]
            delta = -((today - weekday) % 7 or 7) if direction == PAST else (weekday - today) % 7 or 7
            return _dated(Point.of_days(ref.days + delta), anchored=True, partial="weekday")
        return _weekday_reading(lex.weekdays[name], cand, ctx, direction if direction != UNKNOWN else 0)
    month = lex.months[name]
    day_s = cand.group("day")
    day = _day(day_s) if day_s else 0
    anchor = ctx.deictic_anchor()
    if anchor is None:
        return _unknown(f"XXXX-{month:02d}-{day:02d}" if day else f"XXXX-{month:02d}")
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
        return _dated(Point.of_day(year, month, day))
    return _dated(Point(MONTH, year, month))


_year_ending = context_regex(r"\s{1,3}(?:that\s{1,3})?{year_endings}\b")
_year_long_before = context_regex(r"\b{year_long_before}\s{1,3}$")


def _year_long(cand: Candidate, ctx: Context) -> bool:
    """ "the year ended Sept. 30", "throughout the year": a year-long stretch, not a calendar year."""
    text = ctx.text
    return bool(_year_ending().match(text[cand.end : cand.end + 20]) or _year_long_before().search(text[max(0, cand.start - 14) : cand.start]))


_stretch_before = context_regex(r"\b{stretch_before}\s{1,3}$")
_perfect = context_regex(r"\b{perfect_auxiliaries}\s{1,3}(?:\w+ly\s{1,3})?(?:been|[a-z]+(?:ed|en|wn|ne|un|ht))\b")


def _stretch(cand: Candidate, ctx: Context) -> bool:
    """ "over the past year", "prices have risen in the last year": a stretch up to now, not the year before."""
    text = ctx.text
    if _year_long(cand, ctx) or _stretch_before().search(text, max(0, cand.start - 12), cand.start):
        return True
    return _perfect().search(_clause(text, cand.start, cand.end)) is not None


def _clause(text: str, start: int, end: int) -> str:
    """The words around [start, end) up to the nearest sentence or clause breaks (at most 60 characters each way)."""
    lo = max(0, start - 60)
    hi = min(len(text), end + 60)
    before = max(text.rfind(c, lo, start) for c in ".;!?\n")
    after = [i for i in (text.find(c, end, hi) for c in ".;!?\n") if i >= 0]
    return text[before + 1 if before >= 0 else lo : min(after) if after else hi]


_daytime_before = context_regex(r"\b{daytime_before}\s{1,3}$")


_APPOSITION = re.compile(r"[0-9],\s{1,2}$")
_day_step = context_regex(r"\s{1,3}(?:{day_after}|(?P<back>{day_before}))\b")


@handler("the_unit")
def _the_unit(cand: Candidate, ctx: Context) -> Reading | None:
    det = _key(cand.group("det"))
    unit = _key(cand.group("unit"))
    if unit in ("time",):
        return _unknown("PAST_REF") if det == "that" else None
    if unit == "period":
        return None
    ref = ctx.ref
    anchor = ref if ref is not None else ctx.dct
    if anchor is None:
        return None
    if unit in ("morning", "afternoon", "evening", "night"):
        if det == "the" or anchor.gran != DAY:
            return None
        code = _lex().parts_of_day[unit]
        return Reading("TIME", f"{anchor.value()}T{code}", point=anchor, anchored=True)
    if unit == "weekend":
        if ref is None or (not ctx.narrative and det == "the"):  # news: "over the weekend" is the last one
            dct = ctx.dct
            if dct is None:
                return None
            today = cal.weekday(dct.days)
            week = Point.of_days(dct.days - (7 if today < 5 and ctx.tense(cand) != FUTURE else 0)).coarser(WEEK)
        else:
            if anchor.gran not in (DAY, WEEK):
                return None
            week = anchor.coarser(WEEK)
        return Reading("DATE", week.value() + "-WE", point=week, anchored=ref is not None and (ctx.narrative or det != "the"))
    if unit == "year" and det == "the" and _year_long(cand, ctx):
        return _unknown("P1Y", "DURATION")
    gran = {"day": DAY, "week": WEEK, "month": MONTH, "year": YEAR, "quarter": QUARTER}[unit]
    if gran == DAY and anchor.gran != DAY:
        return None
    if det == "the" and gran in (DAY,) and (ref is None or _daytime_before().search(ctx.text[max(0, cand.start - 12) : cand.start])):
        return None
    if _order(anchor.gran) > _order(gran):
        return None
    if gran == DAY and anchor.gran == DAY:
        step = _day_step().match(ctx.text, cand.end)
        apposition = _APPOSITION.search(ctx.text, max(0, cand.start - 4), cand.start)  # "Oct. 12, the day before"
        if step is not None and apposition is None:  # "the day after the battle": the day after the one discussed
            return _dated(Point.of_days(anchor.days + (-1 if step.group("back") else 1)), anchored=True)
    return _dated(anchor.coarser(gran), anchored=True)


def _order(gran: str) -> int:
    return [DAY, WEEK, MONTH, SEASON, QUARTER, HALF, YEAR, DECADE, "CE"].index(gran)


@handler("part_of_day")
def _part_of_day(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    code = lex.parts_of_day[_key(cand.group("pod"))]
    base = _key(cand.group("base"))
    wd = None
    if not base and wd is None:
        return None
    anchor = ctx.deictic_anchor()
    if wd is not None or (base and base.rstrip(".") in lex.weekdays):
        day_reading = _weekday_reading(_weekday(wd or base), cand, ctx)
        if day_reading is None or day_reading.point is None:
            return _unknown(f"XXXX-WXX-{_weekday(wd or base)}T{code}", "TIME")
        # TimeBank types "Friday night" a DATE (the day, with its part of the day)
        edge = _edge_mod(_key(cand.group("edge")))
        return Reading("DATE", f"{day_reading.value}T{code}", mod=edge, point=day_reading.point)
    mod = _edge_mod(_key(cand.group("edge")) or base)
    anaphoric = base in _lex().context_words["anaphoric_day_bases"]
    if anaphoric:
        anchor = ctx.anaphoric_anchor()
    if anchor is None or anchor.gran != DAY:
        return _unknown(f"XXXX-XX-XXT{code}", "TIME")
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1, "the next": 1, "the following": 1, "the previous": -1}.get(base, 0)
    if base == "last" and code in ("MO", "AF"):
        return None
    day = Point.of_days(anchor.days + offset)
    return Reading("TIME", f"{day.value()}T{code}", mod=mod, point=day, anchored=anaphoric)


_POSSESSIVE_NOUN = re.compile(r"['’]s\s{1,3}([a-z]+)(?:\s{1,3}([a-z]+))?")


@handler("deictic")
def _deictic(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    word = _key(cand.group("word"))
    if word in lex.deictic_strict:
        return None
    spec = lex.deictic[word]
    if word == "today":
        noun = _POSSESSIVE_NOUN.match(ctx.text, cand.end)
        if noun is not None and (noun.group(1) in lex.generic_nouns or noun.group(2) in lex.generic_nouns):
            return None  # "today's youth": the present age, no day
    type_ = str(spec[0])
    if spec[1] in REFS or type_ == "DURATION":
        return _unknown(str(spec[1]), type_)
    anchor = ctx.dct if not ctx.narrative else ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return _unknown("XXXX-XX-XX" if spec[1] == "day" else "XXXX-XX-XXTNI", type_)
    day = Point.of_days(anchor.days + int(spec[2]))
    if spec[1] == "night":
        return Reading("TIME", day.value() + "TNI", point=day)
    return _dated(day, partial="day")


@handler("recent")
def _recent(cand: Candidate, ctx: Context) -> Reading | None:
    rel = _key(cand.group("rel"))
    unit = _lex().units[_key(cand.group("unit"))]
    num = cand.group("num")
    if num is not None:
        n = _number(num)
        return _unknown(_duration_value(n, unit), "DURATION")
    if rel in ("ahead", "to come"):  # "the weeks ahead"
        return _unknown(_duration_value(None, unit), "DURATION")
    if rel in ("following", "ensuing", "subsequent"):  # "in the following days": after the event told, not after today
        return _unknown(_duration_value(None, unit), "DURATION")
    if rel in ("coming", "next", "upcoming"):
        return _unknown("FUTURE_REF")
    return _unknown(_duration_value(None, unit), "DURATION")


# --- durations, times, sets ----------------------------------------------------------------


_number_range = context_regex(r"\s{number_range_links}\s|\d-\d", ignore_case=False)


def _number(text: str) -> float | None:
    lex = _lex()
    key = _key(text)
    if key in lex.vague_numbers_exact:
        return lex.vague_numbers_exact[key]
    if key in lex.vague_numbers:
        return None
    if _number_range().search(key) and "and a half" not in key:
        return None
    half = 0.0
    if key.endswith("and a half"):
        key = key[: -len("and a half")].strip()
        half = 0.5
    frac = re.fullmatch(r"([0-9]+) ([0-9])/([0-9])", key)
    if frac:
        return int(frac[1]) + int(frac[2]) / int(frac[3])
    value = lex.number(key)
    if value is None:
        return None
    return value + half


_SMALLER = {"Q": ("M", 3), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}


def _duration_value(n: float | None, unit: str) -> str:
    """P3Y, PT2H, PXM, P18M ("a year and a half"), P1DE."""
    if unit == "FORTNIGHT":
        unit, n = "W", (n * 2 if n is not None else None)
    elif unit == "NIGHT":
        unit = "D"
    elif unit in ("DE", "CE") and n is not None:  # TimeBank writes decades in years: P20Y
        unit, n = "Y", n * (10 if unit == "DE" else 100)
    tail = ""
    if n is not None and n != int(n) and unit in _SMALLER:
        whole = int(n)
        small, factor = _SMALLER[unit]
        rest = (n - whole) * factor
        if whole and rest == int(rest):
            tail = _duration_value(rest, small)
            tail = tail[1:] if unit not in ("H", "MIN", "S") or tail.startswith("PT") is False else tail[2:]
            n = whole
        else:
            while n is not None and n != int(n) and unit in _SMALLER:
                unit, factor = _SMALLER[unit]
                n = n * factor
    count = "X" if n is None else str(int(n)) if n == int(n) else f"{n:g}"
    if unit in ("H", "MIN", "S"):
        return f"PT{count}{'M' if unit == 'MIN' else unit}{tail}"
    if tail.startswith("T") or tail[-1:] in ("H", "S") or (tail.endswith("M") and unit == "H"):
        tail = tail if tail.startswith("T") else "T" + tail
    return f"P{count}{unit}{tail}"


_AGE_AFTER = re.compile(r"[\s-]{1,3}old\b", re.IGNORECASE)
_fraction_after = context_regex(r"\s{1,3}{fraction_after}\b")
_rate_before = context_regex(r"(?:[0-9%]|{rate_amounts}|[0-9,.]+\s{1,3}[a-z]+|{rate_counts}\s{1,3}[a-z]+s)\s{1,3}$")


_SHORT_UNITS = frozenset({"S", "MIN", "H", "D", "NIGHT", "W"})


def _before_ago(cand: Candidate) -> int:
    """Where the words before "ago"/"later" end (trailing space left out)."""
    text = cand.match.string
    end = cand.match.start("ago")
    while end > cand.start and text[end - 1].isspace():
        end -= 1
    return end


@handler("duration")
def _duration(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    g = cand.group
    unit_word = _key(g("unit"))
    unit = lex.units.get(unit_word, "")
    num_text = _key(g("num"))
    det = _key(g("det"))
    ago = _key(g("ago"))
    adj = g("adj")
    if not unit:
        return None
    n = _number(num_text)
    if g("half") and n is not None:
        n += 0.5
    if num_text in ("a", "an") and unit_word in ("second", "minute") and not ago:
        return None
    if num_text in ("a", "an") and g("adj") is not None and unit_word.endswith(("s", "ia")) and unit_word in lex.units:
        return None  # "a decades-long feud": the article is the noun's, the unit plural and vague
    if num_text in ("some", "a number of") and not det and not ago:
        return None
    if n is not None and n > 10000:
        return None
    if n == 0:
        return None
    after = cand.match.string[cand.end : cand.end + 12]
    if num_text in ("a", "an") and not det and not ago and _rate_before().search(cand.match.string[max(0, cand.start - 16) : cand.start]):
        return None  # a rate: "$5 a year", "700 seats a week"
    if _AGE_AFTER.match(after) and not ago:
        return None  # an age: "52 years old"
    if unit == "Q" and (_fraction_after().match(after) or "-" in cand.text):
        return None  # a fraction: "a quarter of the vote", "three-quarters"
    if ago and adj is None:
        sign = lex.ago_words.get(ago, -1)
        anchored = ago in lex.anchored_ago
        anchor = ctx.anaphoric_anchor() if anchored else ctx.deictic_anchor()
        if anchored and not ctx.narrative and unit in _SHORT_UNITS:
            # news (TimeML): "three days later", "a few hours earlier" are the duration, "later" a signal
            return _unknown(_duration_value(n, unit), "DURATION", end=_before_ago(cand))
        if n is not None and n != int(n) and unit in _SMALLER:  # "half a century ago": 50 years
            unit, factor = _SMALLER[unit]
            n *= factor
        if n is None or n != int(n):
            return _unknown("PAST_REF" if sign < 0 else "FUTURE_REF")
        if anchor is None:
            return _unknown({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX"))
        if unit in ("S", "MIN", "H"):
            return _unknown(_duration_value(n, unit), "DURATION", end=_before_ago(cand))
        shift_unit = {"NIGHT": "D", "WE": "W", "FORTNIGHT": "W"}.get(unit, unit)
        count = int(n) * (2 if unit == "FORTNIGHT" else 1)
        base = anchor
        quarter = ctx.recent_quarter(cand) if unit == "Y" and n == 1 else None
        if quarter is not None:
            base = quarter
            anchored = True
        point = base.shift(shift_unit, sign * count)
        if point is None:  # "three days later" than a year: a day of it, which one unknown
            return _unknown(f"{year_text(base.year)}-XX-XX" if shift_unit == "D" else "XXXX-XX-XX", anchored=True)
        if not anchored or base.gran == DAY:
            gran = {"D": DAY, "W": WEEK, "M": MONTH, "Y": YEAR, "Q": QUARTER, "DE": DECADE, "CE": "CE"}.get(shift_unit, YEAR)
            if _order(point.gran) < _order(gran):
                point = point.coarser(gran) if gran != "CE" else point
        return _dated(point, anchored=anchored)
    if adj is not None and adj.lower() == "-old":
        return None
    start = None
    if det and "-" in cand.match.string[cand.match.end("num") : cand.match.start("unit") + 1]:
        start = cand.match.start("num")  # "a two-year contract": the adjective alone
    return _unknown(_duration_value(n, unit), "DURATION", start=start)


@handler("unit_long")
def _unit_long(cand: Candidate, ctx: Context) -> Reading | None:
    """ "a day-long meeting": one unit; "a decades-long feud": some of them."""
    word = _key(cand.group("unit"))
    unit = _lex().units.get(word, "")
    if not unit:
        return None
    plural = word.endswith("s") or word in ("centuries", "millennia")
    return _unknown(_duration_value(None if plural else 1, unit), "DURATION")


@handler("bare_units")
def _bare_units(cand: Candidate, ctx: Context) -> Reading | None:
    unit = _lex().units[_key(cand.group("unit"))]
    return _unknown(_duration_value(None, unit), "DURATION")


_clock_before = context_regex(r"\b{clock_prepositions}\s{1,3}$", space=" ")


@handler("clock")
def _clock(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    word = _key(g("word"))
    if word:
        hour, minute = _lex().clock_words[word]
    else:
        clock = _key(g("clock"))
        if not clock:
            return None
        if clock[0].isdigit():
            parts = clock.split(":")
            hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
        else:
            number = _lex().number(clock)
            if number is None:
                return None
            hour, minute = int(number), 0
        ampm = _key(g("ampm")).replace(".", "")
        dayhalf = _key(g("dayhalf"))
        if dayhalf:  # "at 4 in the morning", "at ten at night": only after a clock preposition
            if not _clock_before().search(cand.match.string[max(0, cand.start - 20) : cand.start]):
                return None
            ampm = "am" if dayhalf.endswith("morning") or (dayhalf.endswith("night") and hour == 12) else "pm"
        if ampm:
            if not 1 <= hour <= 12:
                return None
            if ampm.startswith("p") and hour != 12:
                hour += 12
            elif ampm.startswith("a") and hour == 12:
                hour = 0
        elif ":" in clock and g("tz") is None and g("oclock") is None:
            before = cand.match.string[max(0, cand.start - 20) : cand.start]
            if not _clock_before().search(before):
                return None
    time = f"T{hour:02d}:{minute:02d}"
    anchor = ctx.ref if ctx.ref is not None and ctx.ref.gran == DAY else ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return Reading("TIME", f"XXXX-XX-XX{time}", time=time)
    return Reading("TIME", f"{anchor.value()}{time}", point=anchor, time=time)


_set_adverb_followers = context_regex(r"\s{1,3}{set_adverb_followers}\b", ignore_case=False)


@handler("set")
def _set(cand: Candidate, ctx: Context) -> Reading | None:
    lex = _lex()
    g = cand.group
    setw = _key(g("setw"))
    if setw:
        # an adjective before its noun ("its quarterly dividend", "average daily volume") names a
        # kind of thing, not a recurring time; the adverb ("paid quarterly") does
        after = cand.match.string[cand.end : cand.end + 20]
        if re.match(r"\s{1,3}[a-z]", after) and not _set_adverb_followers().match(after):
            return None
        code = lex.unit_adjectives.get(setw, "")
        if not code:
            return None
        every = 1
        if code[0].isdigit():
            every, code = int(code[:-1]), code[-1]
        return _unknown(_duration_value(every, code), "SET")
    unit_word = _key(g("unit")).rstrip(".")
    num = _key(g("num"))
    n: float | None = 1
    if num == "other":
        n = 2
    elif num:
        n = _number(num)
    if unit_word in lex.weekdays:
        return _unknown(f"XXXX-WXX-{lex.weekdays[unit_word]}", "SET")
    if unit_word in lex.months:
        return _unknown(f"XXXX-{lex.months[unit_word]:02d}", "SET")
    if unit_word in lex.seasons:
        return _unknown(f"XXXX-{lex.seasons[unit_word]}", "SET")
    if unit_word in lex.parts_of_day:
        return _unknown(f"XXXX-XX-XXT{lex.parts_of_day[unit_word]}", "SET")
    unit = lex.units.get(unit_word, "")
    if not unit:
        return None
    if g("q") is not None and _key(g("q")) == "per" and (unit_word.endswith("s") or unit in ("S", "MIN", "H")):
        return None  # a unit of measure: "instructions per second"
    return _unknown(_duration_value(n, unit), "SET")


__all__ = ["Context", "Reading", "normalize", "year_text"]


@handler("year_adjective")
def _year_adjective(cand: Candidate, ctx: Context) -> Reading | None:
    word = _key(cand.group("word")).replace("-", " ").replace("'s", "")
    ref = ctx.ref
    anchor = ctx.deictic_anchor()
    if word in ("year earlier", "year ago"):
        quarter = ctx.recent_quarter(cand)
        if quarter is not None:
            return _dated(quarter.shift("Y", -1), anchored=True)
        base = ctx.anaphoric_anchor()
        return _dated(base.shift("Y", -1), anchored=True) if base is not None else _unknown("XXXX")
    if word == "the latest period":
        if ref is not None and ref.gran == QUARTER:
            return _dated(ref, anchored=True)
        cur = _current(ctx, QUARTER)
        return _dated(cur.shift("Q", -1) if cur else None)
    if anchor is None:
        return _unknown("XXXX")
    if word == "year end":
        return _dated(Point(YEAR, anchor.year), mod="END")
    if word.startswith("the") and _year_long(cand, ctx):
        return _unknown("P1Y", "DURATION")
    if word == "the latest fiscal year":
        return _dated(Point(YEAR, anchor.year - 1))
    return _dated(Point(YEAR, anchor.year))
