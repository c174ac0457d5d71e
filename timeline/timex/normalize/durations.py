"""Durations ("three years", "a two-year contract", "decades-long") and their ISO 8601 values,
and "N units ago/later" as points."""

from __future__ import annotations

from timeline.timex.anchor import (
    DAY,
    DECADE,
    FUTURE,
    MONTH,
    QUARTER,
    WEEK,
    YEAR,
    Point,
    granularity_order,
)
from timeline.timex.document_date import year_text
from timeline.timex.normalize.context import Context, Handler, Reading, dated, unknown
from timeline.timex.normalize.words import lookup_key, number_of
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS", "duration_value"]


_SMALLER = {"Q": ("M", 3), "Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("H", 24), "H": ("MIN", 60), "MIN": ("S", 60), "DE": ("Y", 10), "CE": ("Y", 100)}


def duration_value(n: float | None, unit: str) -> str:
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
            tail = duration_value(rest, small)
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


_age_after = context_regex(r"[\s-]{1,3}{age_after}\b")


_fraction_after = context_regex(r"\s{1,3}{fraction_after}\b")


_rate_before = context_regex(r"(?:[0-9%]|{rate_amounts}|[0-9,.]+\s{1,3}[a-z]+|{rate_counts}\s{1,3}[a-z]+s)\s{1,3}$")


_modal_before = context_regex(r"\b{some_day_modals}\s{1,3}$")


_SHORT_UNITS = frozenset({"S", "MIN", "H", "D", "NIGHT", "W"})


def _before_ago(cand: Candidate) -> int:
    """Where the words before "ago"/"later" end (trailing space left out)."""
    text = cand.match.string
    end = cand.match.start("ago")
    while end > cand.start and text[end - 1].isspace():
        end -= 1
    return end


def _duration(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    g = cand.group
    unit_word = lookup_key(g("unit"))
    unit = lex.units.get(unit_word, "")
    num_text = lookup_key(g("num"))
    det = lookup_key(g("det"))
    ago = lookup_key(g("ago"))
    adj = g("adj")
    if not unit:
        return None
    n = number_of(num_text, ctx.lex)
    if g("half") and n is not None:
        n += 0.5
    vw = lex.value_words
    article = num_text in vw["indefinite_articles"]
    if article and unit_word in vw["singular_short_units"] and not ago:
        return None
    if article and g("adj") is not None and unit_word in vw["plural_units"]:
        return None  # "a decades-long feud": the article is the noun's, the unit plural and vague
    if num_text in vw["determined_vague_counts"] and not det and not ago:
        return None
    if n is not None and n > 10000:
        return None
    if n == 0:
        return None
    if unit == "D" and num_text in vw["some_day_numbers"] and not (det or ago or adj) and _modal_before(lex).search(cand.match.string, max(0, cand.start - 12), cand.start):
        return unknown("FUTURE_REF")  # "Islam will one day be the second religion": some day to come
    after = cand.match.string[cand.end : cand.end + 12]
    # news (TimeML) leaves out a rate ("$5 a year", "700 seats a week") and an age ("52 years old");
    # histories (TIMEX2) annotate both as the duration
    if article and not det and not ago and not ctx.narrative and _rate_before(ctx.lex).search(cand.match.string[max(0, cand.start - 16) : cand.start]):
        return None
    if _age_after(lex).match(after) and not ago and not ctx.narrative:
        return None
    if unit == "Q" and num_text not in lex.vague_numbers and (_fraction_after(ctx.lex).match(after) or "-" in cand.text):
        return None  # a fraction: "a quarter of the vote", "three-quarters" (not "several quarters of losses")
    if ago and adj is None:
        sign = lex.ago_words.get(ago, -1)
        anchored = ago in lex.anchored_ago
        anchor = ctx.anaphoric_anchor() if anchored else ctx.deictic_anchor()
        if anchored and not ctx.narrative and unit in _SHORT_UNITS:
            # news (TimeML): "three days later", "a few hours earlier" are the duration, "later" a signal
            return unknown(duration_value(n, unit), "DURATION", end=_before_ago(cand))
        if n is not None and n != int(n) and unit in _SMALLER:  # "half a century ago": 50 years
            unit, factor = _SMALLER[unit]
            n *= factor
        if n is None or n != int(n):
            return unknown("PAST_REF" if sign < 0 else "FUTURE_REF")
        if anchor is None:
            return unknown({"D": "XXXX-XX-XX", "W": "XXXX-WXX", "M": "XXXX-XX"}.get(unit, "XXXX"))
        if unit in ("S", "MIN", "H"):
            return unknown(duration_value(n, unit), "DURATION", end=_before_ago(cand))
        shift_unit = {"NIGHT": "D", "WE": "W", "FORTNIGHT": "W"}.get(unit, unit)
        count = int(n) * (2 if unit == "FORTNIGHT" else 1)
        base = anchor
        quarter = ctx.recent_quarter(cand) if unit == "Y" and n == 1 else None
        if quarter is not None:
            base = quarter
            anchored = True
        point = base.shift(shift_unit, sign * count)
        if point is None:  # "three days later" than a year: a day of it, which one unknown
            return unknown(f"{year_text(base.year)}-XX-XX" if shift_unit == "D" else "XXXX-XX-XX", anchored=True)
        if not anchored or base.gran == DAY:
            gran = {"D": DAY, "W": WEEK, "M": MONTH, "Y": YEAR, "Q": QUARTER, "DE": DECADE, "CE": "CE"}.get(shift_unit, YEAR)
            if granularity_order(point.gran) < granularity_order(gran):
                point = point.coarser(gran) if gran != "CE" else point
        reading = dated(point, anchored=anchored)
        if reading is not None and sign > 0 and not anchored:
            reading.anchor_value = reading.value  # "five months from now": already the point
        return reading
    if adj is not None and adj.lower().removeprefix("-") in lex.context_words["age_after"] and not ctx.narrative:
        return None  # "a 44-year-old protester"
    start = None
    if det and "-" in cand.match.string[cand.match.end("num") : cand.match.start("unit") + 1]:
        start = cand.match.start("num")  # "a two-year contract": the adjective alone
    reading = unknown(duration_value(n, unit), "DURATION", start=start)
    if start is None and det == "" and n is not None and n == int(n) and n > 0:
        reading.anchor_value = _counted_from_now(cand, ctx, int(n), unit)
    return reading


_count_from_now_before = context_regex(r"\b{count_from_now_prepositions}\s{1,3}$")
_COUNT_SHIFT = {"D": ("D", 1), "W": ("D", 7), "FORTNIGHT": ("D", 14), "M": ("M", 1), "Q": ("M", 3), "Y": ("Y", 1), "DE": ("Y", 10), "CE": ("Y", 100)}


def _counted_from_now(cand: Candidate, ctx: Context, n: int, unit: str) -> str | None:
    """ "will travel to Rome in three weeks", "within two years": the point that many units after
    the document date (the deictic anchor), when a future clause counts them from now; else None."""
    shift = _COUNT_SHIFT.get(unit)
    anchor = ctx.deictic_anchor()
    if shift is None or anchor is None or anchor.gran != DAY:
        return None
    if _count_from_now_before(ctx.lex).search(ctx.text, max(0, cand.start - 12), cand.start) is None:
        return None
    if ctx.tense(cand) != FUTURE:
        return None
    step, size = shift
    point = anchor.shift(step, n * size) if step == "D" else anchor.coarser(MONTH).shift("M", n * size) if step == "M" else Point(YEAR, anchor.year + n * size)
    return point.value() if point is not None else None


def _unit_long(cand: Candidate, ctx: Context) -> Reading | None:
    """ "a day-long meeting": one unit; "a decades-long feud": some of them."""
    word = lookup_key(cand.group("unit"))
    unit = ctx.lex.units.get(word, "")
    if not unit:
        return None
    plural = word in ctx.lex.value_words["plural_units"]
    return unknown(duration_value(None if plural else 1, unit), "DURATION")


def _bare_units(cand: Candidate, ctx: Context) -> Reading | None:
    unit = ctx.lex.units[lookup_key(cand.group("unit"))]
    return unknown(duration_value(None, unit), "DURATION")


HANDLERS: dict[str, Handler] = {
    "duration": _duration,
    "unit_long": _unit_long,
    "bare_units": _bare_units,
}
