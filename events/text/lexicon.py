"""The tables of ``events/data`` as frozen classes, one field a key, each loaded once through
``timeline.package_data.structure_table`` (which refuses a key no field holds and a field the
file lacks): ``lexicon()`` (``lexicon.json``), ``gazetteer_table()`` (``gazetteer.json``, with
its ``Organization`` entries), ``cameo_table()`` (``cameo.json``) and ``timing()``
(``timing.json``). What each key holds is described in ``events/schema/<name>.schema.json``.

Code reads typed fields (``lexicon().negating_verbs``); ``words(key)`` and ``data(name)`` remain
for code written against the dictionaries.
"""

from __future__ import annotations

from functools import cache
from typing import Any

import attrs

from timeline.package_data import Table, load_table, structure_table

__all__ = [
    "CameoTable",
    "GazetteerTable",
    "Lexicon",
    "Organization",
    "Timing",
    "cameo_table",
    "data",
    "gazetteer_table",
    "lexicon",
    "timing",
    "words",
]


@attrs.frozen(slots=True)
class Lexicon:
    """``lexicon.json``: the cues of status, relations, quantities and page furniture; all in
    lower case, verbs by lemma."""

    # status
    reporting_verbs: frozenset[str]
    negating_verbs: frozenset[str]
    cancelling_verbs: frozenset[str]
    planning_verbs: frozenset[str]
    attempt_verbs: frozenset[str]
    failure_words: frozenset[str]
    future_auxiliaries: frozenset[str]
    planned_noun_modifiers: frozenset[str]
    intention_nouns: frozenset[str]
    # triggers and their arguments
    background_prepositions: frozenset[str]
    undertaking_nouns: frozenset[str]
    purpose_prepositions: frozenset[str]
    standing_nouns: frozenset[str]
    standing_prepositions: frozenset[str]
    light_verbs: frozenset[str]
    pair_nouns: frozenset[str]
    pair_determiners: frozenset[str]
    definite_determiners: frozenset[str]
    origin_prepositions: frozenset[str]
    member_prepositions: frozenset[str]
    aim_prepositions: frozenset[str]
    aim_verbs: frozenset[str]
    leaving_verbs: frozenset[str]
    place_prepositions: frozenset[str]
    recipient_prepositions: frozenset[str]
    scene_frame_prepositions: frozenset[str]
    journey_frame_prepositions: frozenset[str]
    indefinite_articles: frozenset[str]
    person_pronouns: frozenset[str]
    speaker_pronouns: frozenset[str]
    state_pronouns: frozenset[str]
    plural_pronouns: frozenset[str]
    # time
    temporal_relations: dict[str, str]
    dating_duration_words: frozenset[str]
    # quantities
    quantity_qualifiers: dict[str, str]
    currency_symbols: dict[str, str]
    currency_words: dict[str, str]
    multipliers: dict[str, int]
    number_words: dict[str, float]
    counted_units: frozenset[str]
    # the report's body
    furniture_lines: frozenset[str]
    end_markers: tuple[str, ...]


@attrs.frozen(slots=True)
class Organization:
    """An organization or armed group of ``gazetteer.json``, with its other names."""

    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    country: str | None = None


@attrs.frozen(slots=True)
class GazetteerTable:
    """``gazetteer.json``: the names the data packages lack."""

    country_aliases: dict[str, str]
    demonyms: dict[str, str]
    organizations: tuple[Organization, ...]
    titles: tuple[str, ...]
    bodies: dict[str, str]
    regions: tuple[str, ...]


@attrs.frozen(slots=True)
class CameoTable:
    """``cameo.json``: the hand-written crosswalk of CAMEO codes to kinds and PLOVER."""

    kinds: dict[str, str | None]
    plover: dict[str, str]
    planned: tuple[str, ...]
    drop_verbs: frozenset[str]


@attrs.frozen(slots=True)
class Timing:
    """``timing.json``: the words of the time stage; lower case, verbs by lemma."""

    aspectual_verbs: frozenset[str]
    beginning_verbs: frozenset[str]
    ending_verbs: frozenset[str]
    simultaneous_clause_words: frozenset[str]
    clause_relations: dict[str, str]
    framing_prepositions: dict[str, str]
    scene_prepositions: frozenset[str]
    address_verbs: frozenset[str]
    scheduling_verbs: frozenset[str]
    length_prepositions: frozenset[str]
    range_start_prepositions: frozenset[str]
    range_end_prepositions: frozenset[str]
    date_prepositions: frozenset[str]
    directed_time_words: frozenset[str]
    past_time_words: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """``events/data/lexicon.json``."""
    return structure_table("events", "lexicon.json", Lexicon)


@cache
def gazetteer_table() -> GazetteerTable:
    """``events/data/gazetteer.json``."""
    return structure_table("events", "gazetteer.json", GazetteerTable)


@cache
def cameo_table() -> CameoTable:
    """``events/data/cameo.json``."""
    return structure_table("events", "cameo.json", CameoTable)


@cache
def timing() -> Timing:
    """``events/data/timing.json``."""
    return structure_table("events", "timing.json", Timing)


def data(name: str) -> Table:
    """The data file ``events/data/NAME.json`` as read (prefer the typed tables above)."""
    return load_table("events", f"{name}.json")


def words(key: str) -> frozenset[str]:
    """The word set ``key`` of the lexicon (prefer the field: ``lexicon().KEY``)."""
    value: Any = getattr(lexicon(), key)
    return frozenset(value)
