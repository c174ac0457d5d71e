"""The reader's tables: verb patterns and actors generated from PETRARCH2's dictionaries
(``events/data/generated``, written by ``scripts/derive_petrarch_tables.py``), and the
hand-written CAMEO crosswalk (``events/data/cameo.json``). Loaded once per process."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import cache
from importlib import resources

import attrs

from events.text.lexicon import cameo_table

__all__ = [
    "ActorEntry",
    "DatedCode",
    "VerbPattern",
    "actors",
    "agents",
    "dropped_verbs",
    "kind_of_code",
    "planned_code",
    "plover_of_code",
    "verb_patterns",
]


@attrs.frozen(slots=True)
class VerbPattern:
    """A verb's dependents that give it a CAMEO code: particle, object words, preposition + nouns."""

    particle: str
    objects: frozenset[str]
    preposition: frozenset[str]
    nouns: frozenset[str]
    code: str

    @property
    def weight(self) -> int:
        return bool(self.objects) + 2 * bool(self.preposition) + bool(self.nouns) + bool(self.particle)


@attrs.frozen(slots=True)
class DatedCode:
    """A Phoenix code with the dates it holds (None: open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds(self, day: dt.date | None) -> bool:
        if day is None:
            return self.start is None and self.end is None
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@attrs.frozen(slots=True)
class ActorEntry:
    """A dictionary actor: its dictionary (country, international, nonstate) and dated codes."""

    dictionary: str
    codes: tuple[DatedCode, ...]

    def code_at(self, day: dt.date | None) -> str | None:
        """The code that holds on ``day``; an undated code when none is dated to it; else the
        latest role when the day is unknown."""
        dated = [c for c in self.codes if (c.start or c.end) and c.holds(day)]
        if dated:
            return dated[0].code
        plain = [c for c in self.codes if c.start is None and c.end is None]
        if plain:
            return plain[0].code
        if day is None and self.codes:
            return self.codes[0].code
        return None


def _lines(name: str) -> list[list[str]]:
    text = resources.files("events").joinpath(f"data/generated/{name}").read_text(encoding="utf-8")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


@cache
def verb_patterns() -> dict[str, tuple[VerbPattern, ...]]:
    """Verb lemma -> its CAMEO patterns, the most specific first."""
    lists = {f"@{n}": _set(words) for n, words in _lines("wordlists.tsv")}
    out: dict[str, list[VerbPattern]] = {}
    for lemma, particle, objects, prep, nouns, code in _lines("verbs.tsv"):
        out.setdefault(lemma, []).append(
            VerbPattern(particle, lists.get(objects) or _set(objects), _set(prep.replace("/", "|")), lists.get(nouns) or _set(nouns), code)
        )
    return {k: tuple(sorted(v, key=lambda p: -p.weight)) for k, v in out.items()}


def _set(value: str) -> frozenset[str]:
    return frozenset(w for w in value.split("|") if w)


def _date(value: str) -> dt.date | None:
    digits = value.strip("<>")
    try:
        if len(digits) == 8:
            return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
        if len(digits) == 6:
            year = int(digits[:2])
            return dt.date(year + (1900 if year >= 40 else 2000), int(digits[2:4]), int(digits[4:]))
    except ValueError:
        return None
    return None


def _dated(value: str) -> DatedCode:
    code, _, when = value.partition("@")
    if not when:
        return DatedCode(code)
    if when.startswith(">"):
        return DatedCode(code, _date(when), None)
    if when.startswith("<"):
        return DatedCode(code, None, _date(when))
    first, _, last = when.partition("-")
    return DatedCode(code, _date(first), _date(last))


@cache
def actors() -> dict[str, ActorEntry]:
    """Lower-case actor name -> its dictionary entry."""
    out: dict[str, ActorEntry] = {}
    for name, dictionary, codes in _lines("actors.tsv"):
        out.setdefault(name, ActorEntry(dictionary, tuple(_dated(c) for c in codes.split(";") if c)))
    return out


@cache
def agents() -> dict[str, str]:
    """Lower-case agent noun ("police", "rebel") -> its Phoenix code ("COP", "REB")."""
    return dict(_lines("agents.tsv"))


def _longest(table: Mapping[str, str | None], code: str) -> tuple[bool, str | None]:
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return True, table[code[:n]]
    return False, None


def kind_of_code(code: str) -> str | None:
    """The catalogue kind of a CAMEO code (longest prefix in ``cameo.json``), or None."""
    return _longest(cameo_table().kinds, code)[1]


def plover_of_code(code: str) -> str | None:
    """The PLOVER category of a CAMEO code, or None."""
    return _longest(cameo_table().plover, code)[1]


def planned_code(code: str) -> bool:
    """Whether a CAMEO code is an intention (root 03)."""
    return any(code.startswith(p) for p in cameo_table().planned)


@cache
def dropped_verbs() -> frozenset[str]:
    """Verbs whose default CAMEO code is no event in news ("say", "make")."""
    return frozenset(cameo_table().drop_verbs)
