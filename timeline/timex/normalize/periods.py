"""Periods of a year: quarters and halves ("the third quarter", "Q3 2003", "the April-June
period"), seasons, and the year-words of financial reports ("year-earlier", "the fiscal year")."""

from __future__ import annotations

import re

from timeline import calendar as cal
from timeline.timex.anchor import (
    DAY,
    FUTURE,
    HALF,
    MONTH,
    PAST,
    QUARTER,
    SEASON,
    WEEK,
    YEAR,
    Point,
)
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context, Handler, Reading, dated, unknown
from timeline.timex.normalize.relative import year_long
from timeline.timex.normalize.tense_year import nearest_year, year_of_numbered
from timeline.timex.normalize.words import (
    day_number,
    direction_of,
    edge_mod,
    lookup_key,
    month_key,
    month_number,
    year_of,
)
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS"]


def _quarter(cand: Candidate, ctx: Context) -> Reading | None:
    reading = _quarter_value(cand, ctx)
    vw = ctx.lex.value_words
    det = lookup_key(cand.group("det"))
    if reading is not None and det:
        ordinal_adjective = cand.group("ord") is not None and cand.match.string[cand.match.end("ord") : cand.match.end("ord") + 1] == "-"
        qualified = any(word is not None for word in (cand.group("ord"), cand.group("m1"), cand.group("adj"), cand.group("year")))
        if (det in vw["noun_determiners"] and qualified) or (det in vw["definite_articles"] and ordinal_adjective):
            # "its third-quarter profit": the determiner belongs to the noun, not to the time
            reading.start = cand.match.end("det") + len(cand.match.string[cand.match.end("det") :]) - len(cand.match.string[cand.match.end("det") :].lstrip())
    return reading


def _quarter_code(cand: Candidate, ctx: Context) -> Reading | None:
    """ "Q3 2003", "H1", "Q4 '02": a quarter or half written as a code."""
    code = cand.group("code") or ""
    number = int(code[1])
    gran = HALF if code[0] == "H" else QUARTER
    year_s = cand.group("year") or cand.group("yy")
    if year_s:
        year = year_of(year_s, ctx)
        if year is None:
            return None
    else:
        year = year_of_numbered(gran, number, cand, ctx)
        if year is None:
            return unknown(f"XXXX-{code}")
    point = Point(HALF, year, half=number) if gran == HALF else Point(QUARTER, year, quarter=number)
    return dated(point, absolute=year_s is not None)


def _months_as_period(first: str | None, last: str | None, lex: Lexicon) -> tuple[str, int] | None:
    """ "April-June": the quarter or half those months make ((QUARTER, 2)), None when they make neither."""
    if not (first and last):
        return None
    start, end = month_number(first, lex), month_number(last, lex)
    length = (end - start) % 12 + 1
    if length == 3 and start % 3 == 1:
        return QUARTER, (start - 1) // 3 + 1
    if length == 6 and start in (1, 7):
        return HALF, (start - 1) // 6 + 1
    return None


def _quarter_value(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    lex = ctx.lex
    vw = lex.value_words
    q_word = lookup_key(g("q"))
    plural = q_word in vw["plural_quarter_nouns"]
    months = _months_as_period(g("m1"), g("m2"), ctx.lex)  # "the April-June quarter", "the July-to-September period"
    if g("m1") is not None and (months is None or plural):
        return None
    is_half = months[0] == HALF if months is not None else q_word in vw["half_nouns"]
    is_period = months is None and q_word in vw["period_nouns"]  # "the April-June period" is a quarter
    is_quarter = months[0] == QUARTER if months is not None else q_word in vw["quarter_nouns"]
    det = lookup_key(g("det"))
    ord_word = lookup_key(g("ord"))
    adjs = [lex.quarter_adjectives[a] for a in re.findall(r"[\w-]+", lookup_key(cand.text)) if a in lex.quarter_adjectives]
    year_s = g("year") or g("year2")
    rel2 = lookup_key(g("rel2") or g("ryear") or g("ryear2"))
    if g("yago") is not None:  # "the quarter a year ago": the quarter discussed, a year back
        adjs.append("YEAR_AGO")
    if plural and g("pair") is not None and (year_s or rel2) and ord_word:
        # "the first two quarters of 1990": the first half; "the last two quarters of the year": the second
        plural, is_half, is_quarter = False, True, False
    gran = HALF if is_half else QUARTER
    if plural:
        if det in lex.context_words["every_words"]:
            return unknown("P1Q", "SET")
        return None
    if det in lex.context_words["every_words"]:
        return unknown("P6M" if is_half else "P1Q", "SET")
    number = 0
    if ord_word:
        if ord_word in lex.context_words["last_part_words"]:
            ordinal = 2 if is_half else 4
        else:
            ordinal = day_number(ord_word, lex)  # "third", "3rd"
        number = ordinal
        if number > (2 if is_half else 4) or number < 1:
            return None
    elif months:
        number = months[1]
    if is_period and not (year_s or rel2) and "YEAR_AGO" not in adjs:
        return None
    if not (number or adjs or year_s or rel2 or det in vw["quarter_determiners"]):
        return None
    ref = ctx.ref if ctx.ref is not None and ctx.ref.gran == gran else None
    if gran == QUARTER and (ref is None or is_period or "YEAR_AGO" in adjs):
        # a comparison ("the year-ago period") is with the quarter whose results are discussed,
        # not with a forecast named since ("losses through the third quarter of 1990")
        ref = ctx.recent_quarter(cand) or ref
    year: int | None = None
    if year_s:
        year = int(year_s)
    elif rel2 in vw["year_relatives"]:
        anchor = ctx.deictic_anchor()
        if anchor is None:
            return None
        year = anchor.year + lex.relative.get(rel2, 0)
    if is_period:
        if year is not None:
            if ref is not None:
                return dated(Point(QUARTER, year, quarter=ref.quarter), anchored=True)  # the quarter discussed, that year
            return dated(Point(YEAR, year))
        if ref is None:
            cur = ctx.current(QUARTER)
            ref = cur.shift("Q", -1) if cur else None
        return dated(ref.shift("Y", -1), anchored=True) if ref is not None else None
    if number:
        if year is None:
            if ctx.narrative and ref is not None and "YEAR_AGO" not in adjs:
                year = ref.year
            else:
                year = year_of_numbered(gran, number, cand, ctx)
                if year is None:
                    return unknown(f"XXXX-{'H' if is_half else 'Q'}{number}")
            if "YEAR_AGO" in adjs:
                year -= 1
        point = Point(HALF, year, half=number) if is_half else Point(QUARTER, year, quarter=number)
        return dated(point, absolute=year_s is not None)
    # No ordinal: "the quarter", "last quarter", "the latest quarter", "the year-earlier quarter"
    if year is not None and not adjs and (not det or det in vw["definite_articles"]):
        if is_half or (ref is None and not is_quarter):
            return None
        # "the 1988 quarter": the quarter under discussion, else the last one completed
        last = ctx.current(QUARTER)
        last = last.shift("Q", -1) if last is not None else None
        number = ref.quarter if ref is not None else last.quarter if last is not None else 0
        if not number:
            return None
        return dated(Point(QUARTER, year, quarter=number), absolute=True)
    base = ref if ref is not None else None
    det_last = det in vw["last_determiners"]
    if det_last or "PREV" in adjs:
        cur = base if base is not None and not det_last else ctx.current(gran)
        return dated(cur.shift("Q", -2 if is_half else -1) if cur else None, anchored=base is not None)
    if "LAST" in adjs:  # "the latest quarter": the last one completed
        cur = ctx.current(gran)
        return dated(cur.shift("Q", -2 if is_half else -1) if cur else None)
    if det in vw["next_determiners"]:
        cur = ctx.current(gran)
        return dated(cur.shift("Q", 2 if is_half else 1) if cur else None)
    if det in vw["proximal_demonstratives"] or "THIS" in adjs:
        return dated(ctx.current(gran))
    if base is None and not is_half:
        base = _quarter_ending(cand, ctx)
    if base is None:
        cur = ctx.current(gran)
        if cur is None:
            return unknown("XXXX-QX")
        base = cur.shift("Q", -1) if not is_half else cur
        if base is None:
            return None
    if "YEAR_AGO" in adjs:
        return dated(base.shift("Y", -1), anchored=True)
    return dated(base, anchored=True)


_quarter_end = context_regex(r"\s{1,3}{quarter_endings}\s{1,3}(?P<mon>[a-z]{3,9})\.?\s{1,3}(?P<day>[0-9]{1,2})\b")


def _quarter_ending(cand: Candidate, ctx: Context) -> Point | None:
    """ "the quarter ended July 31", no quarter discussed: the calendar quarter holding most of the
    three months up to that day (May to July: the second), in the year the tense gives the day."""
    end = _quarter_end(ctx.lex).match(ctx.text, cand.end, cand.end + 40)
    anchor = ctx.deictic_anchor()
    if end is None or anchor is None:
        return None
    month = ctx.lex.months.get(month_key(end.group("mon")))
    if month is None:
        return None
    day = int(end.group("day"))
    if not 1 <= day <= 31:
        return None
    year = nearest_year(month, day, anchor, *ctx.tense_and_distance(cand))
    middle_year, middle = cal.add_months(year, month, -1)
    return Point(QUARTER, middle_year, quarter=(middle - 1) // 3 + 1)


_NAME_BEFORE = re.compile(r"(?<![.!?\n]\s)(?<![.!?\n]\s\s)(?<=\S\s)\b[A-Z][a-z]+\s{1,2}$|(?<=[a-z,;]\s)\b[A-Z][a-z]+\s{1,2}$")


_name_after = context_regex(r"\s{1,2}(?!{title_case_links}\b)[A-Z][a-z]+|\s{1,2}{name_prepositions}\s{1,2}(?:{the_words}\s{1,2})?[A-Z][a-z]", ignore_case=False)


_the_before = context_regex(r"\b{name_determiners}\s{1,3}$", ignore_case=False)


_season_of = context_regex(r"\s{1,3}{season_of_links}\s{1,3}(?:[A-Z]|{the_words}\s)", ignore_case=False)  # "the fall of Rome"


_season_before = context_regex(r"\b({season_prepositions})\s{1,3}$")


def _season(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    lex = ctx.lex
    code = lex.seasons[lookup_key(g("season"))]
    rel = lookup_key(g("rel"))
    before = _season_before(ctx.lex).search(ctx.text[max(0, cand.start - 12) : cand.start])
    pre = lookup_key(before.group(1)) if before else ""
    year_s = g("year")
    word = lookup_key(g("season"))
    bare = not (rel or pre or year_s)
    if bare and (word in lex.value_words["lower_case_season_verbs"] and not (g("season") or "")[:1].isupper()):
        return None
    if word in lex.value_words["season_of_verbs"] and not year_s and _season_of(lex).match(ctx.text[cand.end : cand.end + 12]):
        return None
    season_word = g("season") or ""
    plain = not rel or rel in lex.value_words["definite_articles"]
    if season_word[:1].isupper() and (
        (plain and _NAME_BEFORE.search(ctx.text[max(0, cand.start - 20) : cand.start]))
        or (not year_s and (plain or _the_before(lex).search(ctx.text, max(0, cand.start - 6), cand.start)) and _name_after(ctx.lex).match(ctx.text[cand.end : cand.end + 20]))
    ):
        return None  # part of a name: "the Arab Spring", "the Spring Offensive", "the next Winter Olympics"
    mod = edge_mod(rel, ctx.lex)
    if year_s:
        year = year_of(year_s, ctx)
        if year is None:
            return None
        return dated(Point(SEASON, year, season=code), mod=mod, absolute=True)
    anaphoric = rel in ctx.lex.context_words["anaphoric_season_determiners"]
    anchor = ctx.anaphoric_anchor() if anaphoric else ctx.deictic_anchor()
    if anchor is None:
        return unknown(f"XXXX-{code}")
    if anaphoric:  # "that same spring": the spring of the year under discussion
        return dated(Point(SEASON, anchor.year, season=code), mod=mod, anchored=True)
    if anchor.gran not in (DAY, WEEK, MONTH, SEASON):  # "in 1942 ... during the summer"
        shift = direction_of(rel, ctx.lex)  # PAST -1, FUTURE 1, UNKNOWN 0
        return dated(Point(SEASON, anchor.year + shift, season=code), mod=mod)
    current = anchor.coarser(SEASON)
    index = ("SP", "SU", "FA", "WI").index
    # occurrences are (year, season index); the current one is `now`
    now = current.year * 4 + index(current.season)
    target_in_year = anchor.year * 4 + index(code)
    if code == "WI" and anchor.month <= 2:
        target_in_year -= 4
    direction = direction_of(rel, ctx.lex)
    if direction == PAST:
        occ = now - ((now - index(code)) % 4 or 4)
    elif direction == FUTURE:
        occ = now + ((index(code) - now) % 4 or 4)
    elif ctx.narrative or rel in lex.value_words["proximal_demonstratives"]:
        occ = anchor.year * 4 + index(code)
    else:
        tense = ctx.tense(cand)
        if tense == FUTURE and target_in_year < now:
            occ = target_in_year + 4
        elif tense == PAST and target_in_year > now:
            occ = target_in_year - 4
        else:
            occ = target_in_year
    return dated(Point(SEASON, occ // 4, season=("SP", "SU", "FA", "WI")[occ % 4]), mod=mod)


def _year_adjective(cand: Candidate, ctx: Context) -> Reading | None:
    vw = ctx.lex.value_words
    word = lookup_key(cand.group("word")).replace("-", " ").replace("'s", "")
    ref = ctx.ref
    anchor = ctx.deictic_anchor()
    if word in vw["year_ago_adjectives"]:
        quarter = ctx.recent_quarter(cand)
        if quarter is not None:
            return dated(quarter.shift("Y", -1), anchored=True)
        base = ctx.anaphoric_anchor()
        return dated(base.shift("Y", -1), anchored=True) if base is not None else unknown("XXXX")
    if word in vw["latest_period_words"]:
        if ref is not None and ref.gran == QUARTER:
            return dated(ref, anchored=True)
        cur = ctx.current(QUARTER)
        return dated(cur.shift("Q", -1) if cur else None)
    if anchor is None:
        return unknown("XXXX")
    if word in vw["year_end_words"]:
        return dated(Point(YEAR, anchor.year), mod="END")
    if word.split(" ", 1)[0] in vw["definite_articles"] and year_long(cand, ctx):
        return unknown("P1Y", "DURATION")
    if word in vw["latest_fiscal_year_words"]:
        return dated(Point(YEAR, anchor.year - 1))
    return dated(Point(YEAR, anchor.year))


HANDLERS: dict[str, Handler] = {
    "quarter": _quarter,
    "quarter_code": _quarter_code,
    "season": _season,
    "year_adjective": _year_adjective,
}
