"""Word forms: a rule tokenizer for names in the data files, and the parts of speech
lemminflect knows for a word (so an English word is never read as a town)."""

from __future__ import annotations

import importlib
import re
from functools import lru_cache
from typing import Any

__all__ = ["TOKEN_RE", "pos_of"]

TOKEN_RE = re.compile(
    r"(?:[A-Za-z]\.){2,}"  # U.S., U.N.
    r"|[$€£¥₽₹]"
    r"|\d+(?:[.,]\d+)*"
    r"|[^\W\d_]+(?:['’](?![sS]\b)[^\W\d_]+)*(?:-[^\W\d_]+)*"
    r"|n['’]t"
    r"|['’]s\b"
    r"|\S",
    re.UNICODE,
)


@lru_cache(maxsize=200_000)
def pos_of(lower: str) -> frozenset[str]:
    """The parts of speech lemminflect knows for a word (VERB, NOUN, ADJ, AUX ...)."""
    lemminflect: Any = importlib.import_module("lemminflect")  # it imports spaCy: not at start-up
    return frozenset(lemminflect.getAllLemmas(lower).keys())
