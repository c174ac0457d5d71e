"""Sets: recurring times ("every week", "twice a year", "on Mondays", "quarterly")."""

from __future__ import annotations

import re

from timeline.timex.normalize.context import Context, Handler, Reading, unknown
from timeline.timex.normalize.durations import duration_value
from timeline.timex.normalize.words import lookup_key, number_of
from timeline.timex.patterns import context_regex
from timeline.timex.recognize import Candidate

__all__ = ["HANDLERS"]


def _weekday_plural(cand: Candidate, ctx: Context) -> Reading | None:
    """ "on Mondays", "Tuesday nights": every such day (part of the day)."""
    lex = ctx.lex
    value = f"XXXX-WXX-{lex.weekdays[lookup_key(cand.group('wd'))]}"
    pod = lookup_key(cand.group("pod") or cand.group("pod2"))
    if pod:
        value += "T" + lex.parts_of_day[pod[:-1]]
    return unknown(value, "SET")


_set_adverb_followers = context_regex(r"\s{1,3}{set_adverb_followers}\b", ignore_case=False)
_amount_before = context_regex(r"(?:[0-9%]|{rate_amounts}|[0-9,.]+\s{1,3}[a-z]+)\s{1,3}$")  # "20% annually", "10,000 units annually"


def _set(cand: Candidate, ctx: Context) -> Reading | None:
    lex = ctx.lex
    g = cand.group
    setw = lookup_key(g("setw"))
    if setw:
        # an adjective before its noun ("its quarterly dividend", "average daily volume") names a
        # kind of thing, not a recurring time; the adverb ("paid quarterly") does
        after = cand.match.string[cand.end : cand.end + 20]
        if re.match(r"\s{1,3}[a-z]", after) and not _set_adverb_followers(ctx.lex).match(after) and not ctx.narrative:
            return None  # histories (TIMEX2) annotate the adjective too ("daily attacks")
        if not ctx.narrative and _amount_before(lex).search(cand.match.string, max(0, cand.start - 24), cand.start):
            return None  # a rate, as TimeML leaves "a year" after an amount out: "sales rise 8.5% annually"
        code = lex.unit_adjectives.get(setw, "")
        if not code:
            return None
        every = 1
        if code[0].isdigit():
            every, code = int(code[:-1]), code[-1]
        return unknown(duration_value(every, code), "SET")
    unit_word = lookup_key(g("unit")).rstrip(".")
    num = lookup_key(g("num"))
    n: float | None = 1
    if num in lex.value_words["alternate_words"]:  # "every other week"
        n = 2
    elif num:
        n = number_of(num, ctx.lex)
    if unit_word in lex.weekdays:
        return unknown(f"XXXX-WXX-{lex.weekdays[unit_word]}", "SET")
    if unit_word in lex.months:
        return unknown(f"XXXX-{lex.months[unit_word]:02d}", "SET")
    if unit_word in lex.seasons:
        return unknown(f"XXXX-{lex.seasons[unit_word]}", "SET")
    if unit_word in lex.parts_of_day:
        return unknown(f"XXXX-XX-XXT{lex.parts_of_day[unit_word]}", "SET")
    unit = lex.units.get(unit_word, "")
    if not unit:
        return None
    if g("q") is not None and lookup_key(g("q")) in lex.value_words["per_words"] and (unit_word.endswith("s") or unit in ("S", "MIN", "H")):
        return None  # a unit of measure: "instructions per second"
    return unknown(duration_value(n, unit), "SET")


HANDLERS: dict[str, Handler] = {
    "weekday_plural": _weekday_plural,
    "set": _set,
}
