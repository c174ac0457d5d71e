"""The word tables of ``events/data`` (``lexicon.json``, ``gazetteer.json``), loaded once."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

__all__ = ["data", "gazetteer_data", "lexicon", "words"]


@cache
def data(name: str) -> dict[str, Any]:
    """The parsed JSON file ``events/data/NAME.json``."""
    text = resources.files("events").joinpath(f"data/{name}.json").read_text(encoding="utf-8")
    loaded: dict[str, Any] = json.loads(text)
    return loaded


def lexicon() -> dict[str, Any]:
    """``events/data/lexicon.json``: cues of status, relations, quantities, furniture."""
    return data("lexicon")


def gazetteer_data() -> dict[str, Any]:
    """``events/data/gazetteer.json``: aliases, demonyms, organizations, titles, bodies."""
    return data("gazetteer")


@cache
def words(key: str) -> frozenset[str]:
    """A list of ``lexicon.json`` as a set of lower-case strings."""
    return frozenset(str(w).lower() for w in lexicon()[key])
