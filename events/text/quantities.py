"""Quantities and money with their qualifiers: "up to 500 Russian soldiers", "more than $100
million", "around $120 million", "a million dollars". Tables in ``lexicon.json``."""

from __future__ import annotations

import re
from functools import cache

from events.model import Quantity
from events.text.lexicon import lexicon

__all__ = ["find_quantities"]


@cache
def _pattern() -> re.Pattern[str]:
    lex = lexicon()
    qualifiers = sorted(lex.quantity_qualifiers, key=len, reverse=True)
    symbols = sorted(lex.currency_symbols, key=len, reverse=True)
    numbers = sorted(lex.number_words, key=len, reverse=True)
    multipliers = sorted(lex.multipliers, key=len, reverse=True)
    return re.compile(
        rf"(?:(?P<qual>\b(?:{'|'.join(map(re.escape, qualifiers))}))\s+)?"
        rf"(?P<cur>{'|'.join(map(re.escape, symbols))})?\s?"
        rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|\b(?:{'|'.join(numbers)})\b)"
        rf"(?:\s?(?P<mult>\b(?:{'|'.join(multipliers)})\b))?"
        r"(?P<rest>(?:\s+[\w.'’-]+){0,3})",
        re.IGNORECASE,
    )


def find_quantities(text: str, offset: int = 0) -> list[tuple[int, int, Quantity]]:
    """(start, end, Quantity) of each quantity with a unit or currency in ``text``."""
    lex = lexicon()
    units = set(lex.counted_units)
    currencies = {k.lower(): v for k, v in lex.currency_words.items()}
    out: list[tuple[int, int, Quantity]] = []
    for m in _pattern().finditer(text):
        num = m.group("num").lower()
        if num.isalpha():
            value = float(lex.number_words[num])
            if not m.group("mult") and num in ("a", "several"):
                continue
        else:
            value = float(num.replace(",", ""))
        if m.group("mult"):
            value *= lex.multipliers[m.group("mult").lower()]
        unit: str | None = None
        end = m.end("mult") if m.group("mult") else m.end("num")
        if m.group("cur"):
            unit = lex.currency_symbols[m.group("cur")]
        rest_words = re.finditer(r"[\w.'’-]+", m.group("rest") or "")
        for k, w in enumerate(rest_words):
            word = w.group().lower().rstrip(".")
            if unit is None and word in currencies:
                unit = currencies[word]
                end = m.start("rest") + w.end()
                break
            if unit is None and word in units:
                unit = word
                end = m.start("rest") + w.end()
                break
            if unit is not None or (k >= 1 and not w.group()[:1].isupper()):
                break
        if unit is None:
            continue
        if not m.group("cur") and not m.group("mult") and not num.isalpha() and re.fullmatch(r"1[89]\d\d|20\d\d", num) and unit not in units:
            continue  # a year, not a quantity
        qualifier = lex.quantity_qualifiers.get(m.group("qual").lower()) if m.group("qual") else None
        start = m.start("qual") if m.group("qual") else (m.start("cur") if m.group("cur") else m.start("num"))
        if value == int(value):
            value = float(int(value))
        out.append((start + offset, end + offset, Quantity(value=value, unit=unit, qualifier=qualifier)))
    return out
