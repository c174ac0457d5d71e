"""The word tables of the temporal tagger, read from ``timeline/timex/data``.

The tables are data (JSON): month and weekday names, number words, units, relative words,
deictic words ("yesterday", "now"), seasons, parts of the day, modifiers, holidays, the
recognition rules, and the context words that normalization looks for around a candidate.
This module loads them into a frozen ``Lexicon``, the analogue of dateutil's ``parserinfo``:
an instance that the ``Tagger`` is given and hands to every stage after it (patterns,
recognize, anchor, normalize, attach), so that no stage holds a word list of its own and
another language or a changed table is a new instance, never a changed global.
``Lexicon.load(folder)`` reads the four files from a folder; ``english()`` is the packaged
English lexicon (loaded once).
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING, Any

import attrs

from timeline.package_data import read_data_file

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable
    from pathlib import Path

__all__ = ["Lexicon", "english"]


@attrs.frozen(slots=True, eq=False)
class Lexicon:
    """Every word table, lower-case keys. Compared and hashed by identity: the compiled patterns
    of a lexicon are cached under it."""

    months: dict[str, int]
    month_full: tuple[str, ...]
    weekdays: dict[str, int]
    weekday_full: tuple[str, ...]
    numbers: dict[str, float]
    tens: dict[str, int]
    scales: dict[str, int]
    ordinals: dict[str, int]
    vague_numbers: tuple[str, ...]
    vague_numbers_exact: dict[str, float]
    decade_words: dict[str, int]
    units: dict[str, str]
    unit_adjectives: dict[str, str]
    set_words: tuple[str, ...]
    relative: dict[str, int]
    anaphoric_relative: frozenset[str]
    deictic: dict[str, tuple[Any, ...]]
    deictic_strict: frozenset[str]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    clock_words: dict[str, tuple[int, int]]
    time_zones: tuple[str, ...]
    eras: dict[str, int]
    quarter_adjectives: dict[str, str]
    halves: dict[str, int]
    mods: dict[str, str]
    point_mods: frozenset[str]
    duration_mods: frozenset[str]
    ago_words: dict[str, int]
    anchored_ago: frozenset[str]
    duration_determiners: tuple[str, ...]
    holidays: dict[str, dict[str, Any]]
    rules: tuple[dict[str, Any], ...]
    macros: dict[str, str]
    cues: dict[str, tuple[str, ...]]
    past_suffix: tuple[str, int]
    century_fractions: dict[str, int] = attrs.field(factory=dict)  # "half": 2, "quarter": 4
    generic_nouns: frozenset[str] = frozenset()
    not_month_modifiers: tuple[str, ...] = ()  # "March to the Sea": words after a month that keep it a name
    context_words: dict[str, tuple[str, ...]] = attrs.field(factory=dict)  # the {name} lists of patterns.context_regex
    value_words: dict[str, frozenset[str]] = attrs.field(factory=dict)  # the words a handler compares a matched word with, by role
    narrative_deictic: frozenset[str] = frozenset()  # words of deictic_strict that histories date ("the former regime")
    narrative_bare_parts_of_day: frozenset[str] = frozenset()  # parts of a day that histories tag alone ("at night")

    def number(self, words: str) -> float | None:
        """The value of a number written in words or digits ("twenty-four", "1,000", "a")."""
        text = words.lower().replace(",", "").strip()
        if not text:
            return None
        if text.replace(".", "", 1).isdigit():
            return float(text) if "." in text else int(text)
        if text in self.numbers:
            return self.numbers[text]
        total = 0.0
        current = 0.0
        links = self.value_words.get("number_links", frozenset())
        for part in text.replace("-", " ").split():
            if part in links:
                continue
            if part in self.numbers:
                current += self.numbers[part]
            elif part in self.tens:
                current += self.tens[part]
            elif part in self.scales:
                current = max(current, 1) * self.scales[part]
                if self.scales[part] >= 1000:
                    total += current
                    current = 0
            elif part.isdigit():
                current += int(part)
            else:
                return None
        value = total + current
        return int(value) if value == int(value) else value


    @classmethod
    def load(cls, folder: Traversable | Path) -> Lexicon:
        """The lexicon of a folder holding lexicon.json, rules.json, tense.json and holidays.json."""
        return _read(folder)


@functools.cache
def english() -> Lexicon:
    """The packaged English lexicon (loaded once)."""
    return _read(resources.files("timeline.timex").joinpath("data"))


def _read(folder: Traversable | Path) -> Lexicon:
    words = read_data_file(folder, "lexicon.json")
    rules = read_data_file(folder, "rules.json")
    tense = read_data_file(folder, "tense.json")
    return Lexicon(
        months=dict(words["months"]),
        month_full=tuple(words["month_full"]),
        weekdays=dict(words["weekdays"]),
        weekday_full=tuple(words["weekday_full"]),
        numbers=dict(words["numbers"]),
        tens=dict(words["tens"]),
        scales=dict(words["scales"]),
        ordinals=dict(words["ordinals"]),
        vague_numbers=tuple(words["vague_numbers"]),
        vague_numbers_exact=dict(words["vague_numbers_exact"]),
        decade_words=dict(words["decade_words"]),
        units=dict(words["units"]),
        unit_adjectives=dict(words["unit_adjectives"]),
        set_words=tuple(words["set_words"]),
        relative=dict(words["relative"]),
        anaphoric_relative=frozenset(words["anaphoric_relative"]),
        deictic={k: tuple(v) for k, v in words["deictic"].items()},
        deictic_strict=frozenset(words["deictic_strict"]),
        seasons=dict(words["seasons"]),
        parts_of_day=dict(words["parts_of_day"]),
        clock_words={k: (v[0], v[1]) for k, v in words["clock_words"].items()},
        time_zones=tuple(words["time_zones"]),
        eras=dict(words["eras"]),
        quarter_adjectives=dict(words["quarter_adjectives"]),
        halves=dict(words["halves"]),
        mods=dict(words["mods"]),
        point_mods=frozenset(words["point_mods"]),
        duration_mods=frozenset(words["duration_mods"]),
        ago_words=dict(words["ago_words"]),
        anchored_ago=frozenset(words["anchored_ago"]),
        duration_determiners=tuple(words["duration_determiners"]),
        holidays={k: v for k, v in read_data_file(folder, "holidays.json").items() if not k.startswith("_")},
        rules=tuple(rules["rules"]),
        macros=dict(rules["macros"]),
        cues={k: tuple(v) for k, v in tense.items() if isinstance(v, list)},
        past_suffix=(str(tense["past_suffix"]), int(tense["past_suffix_min"])),
        not_month_modifiers=tuple(words["not_month_modifiers"]),
        generic_nouns=frozenset(words.get("generic_nouns", ())),
        century_fractions=dict(words.get("century_fractions", {})),
        context_words={k: tuple(v) for k, v in words["context_words"].items()},
        value_words={k: frozenset(v) for k, v in words["value_words"].items()},
        narrative_deictic=frozenset(words["narrative_deictic"]),
        narrative_bare_parts_of_day=frozenset(words["narrative_bare_parts_of_day"]),
    )
