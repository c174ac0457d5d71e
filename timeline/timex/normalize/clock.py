"""Times of day: clock times ("10:30 a.m. EST", "four in the morning", "noon") and parts of a
day ("Friday night", "yesterday morning")."""

from __future__ import annotations

from timeline.timex.anchor import (
    DAY,
    Point,
)
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context, Handler, Reading, unknown
from timeline.timex.normalize.dates import weekday_reading
from timeline.timex.normalize.words import edge_mod, lookup_key, weekday_number
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS"]


_of_after = context_regex(r"\s{1,3}{night_of_links}\b")  # "the night of May 13": the attachment stage joins them


def _part_of_day(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    code = lex.parts_of_day[lookup_key(cand.group("pod"))]
    base = lookup_key(cand.group("base"))
    wd = None
    if not base and wd is None:
        # histories tag a part of the day alone ("moved only at night"): a time of no known day
        if ctx.narrative and cand.text.islower() and lookup_key(cand.group("pod")) in lex.narrative_bare_parts_of_day and not _of_after(lex).match(ctx.text, cand.end):
            return unknown(f"XXXX-XX-XXT{code}", "TIME")
        return None
    anchor = ctx.deictic_anchor()
    if wd is not None or (base and base.rstrip(".") in lex.weekdays):
        day_reading = weekday_reading(weekday_number(wd or base, ctx.lex), cand, ctx)
        if day_reading is None or day_reading.point is None:
            return unknown(f"XXXX-WXX-{weekday_number(wd or base, ctx.lex)}T{code}", "TIME")
        # TimeBank types "Friday night" a DATE (the day, with its part of the day)
        edge = edge_mod(lookup_key(cand.group("edge")), ctx.lex)
        return Reading("DATE", f"{day_reading.value}T{code}", mod=edge, point=day_reading.point)
    mod = edge_mod(lookup_key(cand.group("edge")) or base, ctx.lex)
    anaphoric = base in ctx.lex.context_words["anaphoric_day_bases"]
    if anaphoric:
        anchor = ctx.anaphoric_anchor()
    if anchor is None or anchor.gran != DAY:
        return unknown(f"XXXX-XX-XXT{code}", "TIME")
    # "yesterday evening": the deictic word's day; "the next morning": the relative word's step
    offset = int(ctx.lex.deictic[base][2]) if base in ctx.lex.deictic else ctx.lex.relative.get(_without_article(base, lex), 0)
    if base in lex.value_words["yesterday_relatives"] and code in ("MO", "AF"):
        return None
    day = Point.of_days(anchor.days + offset)
    return Reading("TIME", f"{day.value()}T{code}", mod=mod, point=day, anchored=anaphoric)


def _without_article(words: str, lex: Lexicon) -> str:
    """ "the next" -> "next": the words without a leading definite article."""
    first, _, rest = words.partition(" ")
    return rest if rest and first in lex.value_words["definite_articles"] else words


_clock_before = context_regex(r"\b{clock_prepositions}\s{1,3}$", space=" ")


def _clock(cand: Candidate, ctx: Context) -> Reading | None:
    g = cand.group
    word = lookup_key(g("word"))
    if word:
        hour, minute = ctx.lex.clock_words[word]
    else:
        clock = lookup_key(g("clock"))
        if not clock:
            return None
        if clock[0].isdigit():
            parts = clock.split(":")
            hour, minute = int(parts[0]), int(parts[1]) if len(parts) > 1 else 0
        else:
            number = ctx.lex.number(clock)
            if number is None:
                return None
            hour, minute = int(number), 0
        ampm = lookup_key(g("ampm")).replace(".", "")  # "am", "pm"
        afternoon = ampm in ctx.lex.value_words["post_meridiem"] if ampm else None
        dayhalf = lookup_key(g("dayhalf"))
        if dayhalf:  # "at 4 in the morning", "at ten at night": only after a clock preposition
            if not _clock_before(ctx.lex).search(cand.match.string[max(0, cand.start - 20) : cand.start]):
                return None
            half = ctx.lex.parts_of_day[dayhalf.rsplit(" ", 1)[-1]]  # "in the morning": MO
            afternoon = not (half == "MO" or (half == "NI" and hour == 12))
        if afternoon is not None:
            if not 1 <= hour <= 12:
                return None
            if afternoon and hour != 12:
                hour += 12
            elif not afternoon and hour == 12:
                hour = 0
        elif ":" in clock and g("tz") is None and g("oclock") is None:
            before = cand.match.string[max(0, cand.start - 20) : cand.start]
            if not _clock_before(ctx.lex).search(before):
                return None
    time = f"T{hour:02d}:{minute:02d}"
    anchor = ctx.ref if ctx.ref is not None and ctx.ref.gran == DAY else ctx.deictic_anchor()
    if anchor is None or anchor.gran != DAY:
        return Reading("TIME", f"XXXX-XX-XX{time}", time=time)
    return Reading("TIME", f"{anchor.value()}{time}", point=anchor, time=time)


HANDLERS: dict[str, Handler] = {
    "part_of_day": _part_of_day,
    "clock": _clock,
}
