"""Words to numbers: month, weekday and day names, years written in words or two digits,
numbers written in words, and the edge modifiers ("early", "late", "mid"), all from the lexicon."""

from __future__ import annotations

import re

from timeline.timex.anchor import (
    FUTURE,
    PAST,
    UNKNOWN,
    YEAR,
    Point,
)
from timeline.timex.lexicon import Lexicon
from timeline.timex.normalize.context import Context
from timeline.timex.patterns import context_regex

__all__ = [
    "day_number",
    "direction_of",
    "edge_mod",
    "lookup_key",
    "month_key",
    "month_number",
    "number_of",
    "weekday_number",
    "year_from_words",
    "year_of",
]


def lookup_key(text: str | None) -> str:
    return " ".join((text or "").lower().split())


def month_key(word: str) -> str:
    """The key of a month word in ``lex.months`` ("Sept." -> "sept")."""
    return lookup_key(word).rstrip(".")


def month_number(word: str, lex: Lexicon) -> int:
    return lex.months[month_key(word)]


def weekday_number(word: str, lex: Lexicon) -> int:
    return lex.weekdays[lookup_key(word).rstrip(".").removesuffix("'s")]


def day_number(word: str, lex: Lexicon) -> int:
    key = lookup_key(word)
    if key in lex.ordinals:
        return lex.ordinals[key]
    return int(re.sub(r"[^0-9]", "", key))


def year_from_words(text: str, lex: Lexicon) -> int | None:
    """ "nineteen ninety-one" -> 1991, "two thousand and two" -> 2002."""
    vw = lex.value_words
    words = lookup_key(text).replace("-", " ").split()
    thousands = " ".join(words[:2])
    if thousands in vw["millennium_year_heads"]:
        rest = lex.number(" ".join(w for w in words[2:] if w not in vw["number_links"])) if len(words) > 2 else 0
        return int(lex.number(thousands) or 0) + int(rest or 0)
    if words and words[0] in vw["century_year_heads"]:
        head = int(lex.numbers.get(words[0]) or lex.tens.get(words[0], 0))
        rest_words = [w for w in words[1:] if w not in vw["year_zero_words"]]
        if len(rest_words) == 1 and rest_words[0] in vw["hundred_words"]:
            return head * 100
        rest = lex.number(" ".join(rest_words))
        if rest is None:
            return None
        return head * 100 + int(rest)
    return None


def year_of(text: str, ctx: Context) -> int | None:
    key = lookup_key(text)
    if key.startswith("'"):
        two = int(key[1:3])
        base = (ctx.dct or ctx.ref or Point(YEAR, 2000)).year
        century = base - base % 100
        year = century + two
        return year - 100 if year > base + 10 else year
    if key[:1].isdigit():
        return int(key)
    return year_from_words(key, ctx.lex)


def edge_mod(word: str, lex: Lexicon) -> str | None:
    """START, END or MID for "early", "late", "mid" (the lexicon's mods of a point), else None."""
    return lex.mods.get(word) if word in lex.point_mods else None


_number_range = context_regex(r"\s{number_range_links}\s|\d-\d", ignore_case=False)


def number_of(text: str, lex: Lexicon) -> float | None:
    key = lookup_key(text)
    if key in lex.vague_numbers_exact:
        return lex.vague_numbers_exact[key]
    if key in lex.vague_numbers:
        return None
    suffixes = lex.value_words["half_suffixes"]
    if _number_range(lex).search(key) and not any(s in key for s in suffixes):
        return None
    half = 0.0
    suffix = next((s for s in suffixes if key.endswith(s)), None)
    if suffix is not None:
        key = key[: -len(suffix)].strip()
        half = 0.5
    frac = re.fullmatch(r"([0-9]+) ([0-9])/([0-9])", key)
    if frac:
        return int(frac[1]) + int(frac[2]) / int(frac[3])
    value = lex.number(key)
    if value is None:
        return None
    return value + half


def direction_of(word: str, lex: Lexicon) -> int:
    """PAST for "last", "past", "this past"; FUTURE for "next", "coming"; else UNKNOWN (the
    lexicon's 'past_relatives' and 'future_relatives')."""
    if word in lex.context_words["past_relatives"]:
        return PAST
    if word in lex.context_words["future_relatives"]:
        return FUTURE
    return UNKNOWN
