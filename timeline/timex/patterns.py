"""Compiled regular expressions, built from the lexicon and the rule table.

Stage two of the tagger. ``data/rules.json`` writes each rule with macros (``{MONTH}``,
``{NUM}`` ...); word-list macros are generated here from the lexicon given (``data/lexicon.json``
for English), the others come from the rule table itself. Everything is compiled once per
lexicon and cached under it. Every quantifier is bounded and every alternation is of
literal words, so matching is linear in the text: no pattern can backtrack catastrophically.
"""

from __future__ import annotations

import functools
import re
import weakref
from collections.abc import Iterable
from typing import Any

import attrs

from timeline.timex.lexicon import Lexicon

__all__ = [
    "SPACE",
    "ContextPattern",
    "Rule",
    "context_regex",
    "expand",
    "first_tokens",
    "macros",
    "modifier_regex",
    "rules",
    "words",
]


SPACE = r"\s{1,3}"
_MACRO = re.compile(r"\{([A-Z][A-Z_0-9]*)\}")


def _word(word: str, space: str = SPACE) -> str:
    """A lexicon entry as a regex: each space matches ``space`` (1-3 whitespace characters)."""
    parts = [re.escape(p) for p in word.split(" ")]
    return space.join(parts)


def _title_case(entry: str, lower: Iterable[str]) -> str:
    """A name as titles write it: "Fourth of July", "Eid al-Fitr" (each part of a hyphenated word capitalized)."""
    parts = re.split(r"([ -])", entry)
    return "".join(p if p in lower or not p[:1].isalpha() else p[:1].upper() + p[1:] for p in parts)


def words(entries: Iterable[str], *, case: str = "any", space: str = SPACE, lower_in_titles: Iterable[str] = ()) -> str:
    """An alternation of words, longest first; ``case='cap'`` accepts only Capitalized/UPPER forms
    (and title case, where the words ``lower_in_titles`` stay lower-case)."""
    unique = sorted(set(entries), key=lambda w: (-len(w), w))
    if case == "cap":
        forms: list[str] = []
        for entry in unique:
            cap = " ".join(w[:1].upper() + w[1:] for w in entry.split(" "))
            forms.extend([_word(cap, space), _word(_title_case(entry, lower_in_titles), space), _word(entry.upper(), space)])
        return "(?-i:" + "|".join(dict.fromkeys(forms)) + ")"
    return "(?:" + "|".join(_word(e, space) for e in unique) + ")"


def _number_words(lex: Lexicon) -> str:
    units = [w for w, v in lex.numbers.items() if isinstance(v, int) and 1 <= v <= 19 and " " not in w and w not in ("a", "an", "dozen")]
    unit_alt = words(units)
    ones = words([w for w, v in lex.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")])
    tens = words(lex.tens)
    scales = words(lex.scales)
    compound = f"(?:{tens}(?:[- ]{ones})?|{unit_alt})"
    tail = f"(?:[- ]{scales}(?: and)?(?:[- ]{compound})?)?"
    others = words([w for w in lex.numbers if w not in units])
    return f"(?:{compound}{tail}|(?:a|one)[- ]{scales}(?: and)?(?:[- ]{compound})?|{others})"


def _year_words(lex: Lexicon) -> str:
    ones = words([w for w, v in lex.numbers.items() if isinstance(v, int) and 1 <= v <= 9 and w not in ("a", "an")])
    teens = words([w for w, v in lex.numbers.items() if isinstance(v, int) and 10 <= v <= 19 and " " not in w and w != "dozen"])
    tens = words(lex.tens)
    two = f"(?:{tens}(?:[- ]{ones})?|{teens}|oh[- ]{ones}|hundred)"
    return f"(?:(?:eighteen|nineteen|twenty)[- ]{two}|two thousand(?: and)?(?:[- ](?:{teens}|{tens}(?:[- ]{ones})?|{ones}))?)"


_TOKEN_SPLIT = re.compile(r"[\s.'’-]+")


def first_tokens(entries: Iterable[str]) -> str:
    """An alternation of the first tokens of multi-word entries ("the near future" -> "the")."""
    firsts = {next((t for t in _TOKEN_SPLIT.split(e) if t), "") for e in entries}
    return words(f for f in firsts if f)


@functools.cache
def macros(lex: Lexicon) -> dict[str, str]:
    """Every macro, expanded (word lists from the lexicon, the rest from the rule table)."""
    month_abbr = [m for m in lex.months if m not in lex.month_full]
    weekday_abbr = [d for d in lex.weekdays if d not in lex.weekday_full]
    generated = {
        "MONTH": f"(?:{words(lex.month_full, case='cap')}|{words(month_abbr, case='cap')}\\.?)",
        "MONTH_FULL": f"(?:{words(lex.month_full, case='cap')}|{words(month_abbr, case='cap')}\\.)",
        "WEEKDAY": f"(?:{words(lex.weekday_full, case='cap')}|{words(weekday_abbr, case='cap')}\\.)",
        "NUMWORD": _number_words(lex),
        "ORDWORD": words(lex.ordinals),
        "YEARWORD": _year_words(lex),
        "UNIT": words(lex.units),
        "UNIT_SG": words([u for u in lex.units if not u.endswith("s") and u not in ("sec", "min", "hr")] + ["millennium"]),
        "UNIT_PL": words([u for u in lex.units if u.endswith("s") and u not in ("secs", "mins", "hrs")] + ["centuries", "millennia"]),
        "SEASON": words(lex.seasons),
        "POD": words(lex.parts_of_day),
        "TZ": f"(?:{words([z for z in lex.time_zones if ' ' not in z], case='cap')}|{words([z for z in lex.time_zones if ' ' in z])})",
        "HOLIDAY": words(lex.holidays, case="cap", lower_in_titles=lex.context_words["lower_in_titles"]),
        "REL": words(lex.relative),
        "VAGUE": words(lex.vague_numbers),
        "DECADEWORD": words(lex.decade_words),
        "SETWORD": words(lex.set_words),
        "DEICTIC": words(lex.deictic),
        "QADJ": words(lex.quarter_adjectives),
        "AGO": words(lex.ago_words),
        "DURDET": words(lex.duration_determiners),
        "ERA": "(?-i:" + "|".join(re.escape(e.upper()) for e in sorted(lex.eras, key=lambda e: (-len(e), e))) + ")",  # upper case: "BC", "B.C.", "A.D."
    }
    sources: dict[str, Iterable[str]] = {
        "MONTH": lex.months, "WEEKDAY": lex.weekdays, "ORDWORD": lex.ordinals, "QADJ": lex.quarter_adjectives,
        "SEASON": lex.seasons, "HOLIDAY": lex.holidays, "REL": lex.relative, "POD": lex.parts_of_day,
        "DEICTIC": lex.deictic, "DURDET": lex.duration_determiners, "VAGUE": lex.vague_numbers,
        "SETWORD": lex.set_words, "NUMWORD": [*lex.numbers, *lex.tens, *lex.scales, "half"],
    }
    for name, entries in sources.items():
        generated[name + "_F"] = first_tokens(entries)
    table = dict(lex.macros)
    done: dict[str, str] = dict(generated)

    def expand(text: str, depth: int = 0) -> str:
        if depth > 10:
            raise ValueError(f"macro expansion too deep in {text!r}")

        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name in done:
                return done[name]
            if name in table:
                done[name] = expand(table[name], depth + 1)
                return done[name]
            raise KeyError(f"unknown macro {{{name}}} in the rule table")

        return _MACRO.sub(sub, text)

    for name in table:
        done[name] = expand(table[name])
    return done


def expand(template: str, lex: Lexicon) -> str:
    """A rule template with its macros and spaces expanded."""
    table = macros(lex)

    def sub(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in table:
            raise KeyError(f"unknown macro {{{name}}} in the rule table")
        return table[name]

    spaced = template.replace(" ?", r"\s{0,3}").replace(" ", SPACE)
    return _MACRO.sub(sub, spaced)


@attrs.frozen(slots=True)
class Rule:
    """One compiled recognition rule."""

    name: str
    handler: str
    priority: int
    regex: re.Pattern[str]
    first: re.Pattern[str]
    reports_x: bool = False  # the rule reports its group "x", not the whole match
    options: dict[str, Any] = attrs.field(factory=dict, eq=False)


# A match starts after a non-word character that is not part of a number or an amount, and
# ends before one (not "1999.5", "1,999", "$1999", "1999%").
_BEFORE = r"(?<![\w$£€#])(?<![0-9][.,])"
_AFTER = r"(?![\w%])(?![.,][0-9])"


@functools.cache
def rules(lex: Lexicon) -> tuple[Rule, ...]:
    """The rule table of a lexicon, compiled (case-insensitive; capitalized words stay case-sensitive)."""
    compiled = []
    for spec in lex.rules:
        pattern = f"{_BEFORE}(?:{expand(spec['pattern'], lex)}){_AFTER}"
        compiled.append(
            Rule(
                name=spec["name"],
                handler=spec["handler"],
                priority=int(spec.get("priority", 0)),
                regex=re.compile(pattern, re.IGNORECASE),
                first=re.compile(expand(spec["first"], lex), re.IGNORECASE),
                reports_x="(?P<x>" in spec["pattern"],
                options={k: v for k, v in spec.items() if k not in ("name", "handler", "priority", "pattern", "first")},
            )
        )
    return tuple(compiled)


@functools.cache
def modifier_regex(lex: Lexicon) -> re.Pattern[str]:
    """Modifier words just before a candidate ("early", "the end of", "more than")."""
    mods = words(m.rstrip("-") for m in lex.mods)
    return re.compile(rf"(?<![\w])(?P<mod>{mods})(?:{SPACE}|-)$", re.IGNORECASE)


_CONTEXT_LIST = re.compile(r"\{([a-z_]+)\}")


class ContextPattern:
    """A regex of the words around a candidate, written as a template over the lexicon's
    ``context_words``: each ``{name}`` is the alternation of ``lex.context_words[name]``
    (longest first), a space inside an entry matches ``space``, and quantifiers like ``{1,3}``
    stay as they are. Calling it with a lexicon gives the pattern compiled for that lexicon
    (compiled on first use, then cached under it)."""

    __slots__ = ("_compiled", "flags", "space", "template")

    def __init__(self, template: str, *, ignore_case: bool = True, space: str = SPACE) -> None:
        self.template = template
        self.flags = re.IGNORECASE if ignore_case else 0
        self.space = space
        self._compiled: weakref.WeakKeyDictionary[Lexicon, re.Pattern[str]] = weakref.WeakKeyDictionary()

    def __call__(self, lex: Lexicon) -> re.Pattern[str]:
        found = self._compiled.get(lex)
        if found is None:
            table = lex.context_words
            pattern = _CONTEXT_LIST.sub(lambda m: words(table[m.group(1)], space=self.space), self.template)
            found = self._compiled[lex] = re.compile(pattern, self.flags)
        return found


def context_regex(template: str, *, ignore_case: bool = True, space: str = SPACE) -> ContextPattern:
    """A ``ContextPattern``: call it with a lexicon to get the compiled regex."""
    return ContextPattern(template, ignore_case=ignore_case, space=space)
