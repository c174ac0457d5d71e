"""Tokens with lemmas, sentences, and clauses (the segments events are read from).

A rule tokenizer: words (with inner apostrophes and hyphens), abbreviations like "U.S.",
numbers ("25,000", "$100", "1.5") and punctuation, each with its character offsets. Lemmas come
from lemminflect, cached per word form. Sentences end at . ! ? (not after a known abbreviation
or an initial) and at line breaks; clauses split a sentence at semicolons, colons, a comma
before a conjunction or relative pronoun, "but", and after a reporting verb ("said").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator
from functools import lru_cache

import lemminflect

from events.text.lexicon import words

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


class Token:
    """A word or mark: offsets, text, lower case, lemmas, and whether it is capitalized."""

    __slots__ = ("end", "i", "is_cap", "lemmas", "lower", "start", "text")

    def __init__(self, i: int, start: int, end: int, text: str) -> None:
        self.i = i
        self.start = start
        self.end = end
        self.text = text
        self.lower = text.lower().replace("’", "'")
        self.is_cap = text[:1].isupper()
        self.lemmas = lemmas_of(self.lower)

    def __repr__(self) -> str:
        return f"Token({self.text!r}@{self.start})"


@lru_cache(maxsize=200_000)
def lemmas_of(lower: str) -> frozenset[str]:
    """Every lemma lemminflect knows for a lower-case word, with the word itself."""
    if not lower[:1].isalpha():
        return frozenset((lower,))
    found = {lower}
    for values in lemminflect.getAllLemmas(lower).values():
        found.update(values)
    if len(found) == 1:
        for upos in ("VERB", "NOUN"):
            found.update(lemminflect.getAllLemmasOOV(lower, upos).get(upos, ()))
    return frozenset(found)


@lru_cache(maxsize=200_000)
def pos_of(lower: str) -> frozenset[str]:
    """The parts of speech lemminflect knows for a word (VERB, NOUN, ADJ, AUX ...)."""
    return frozenset(lemminflect.getAllLemmas(lower).keys())


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets are shifted by ``offset``."""
    out = []
    new = Token.__new__
    for i, m in enumerate(TOKEN_RE.finditer(text)):
        word = m.group()
        known = _FORMS.get(word)
        if known is None:
            lower = word.lower().replace("’", "'")
            known = _FORMS[word] = (lower, word[:1].isupper(), lemmas_of(lower))
            if len(_FORMS) > 200_000:
                _FORMS.clear()
        tok = new(Token)
        tok.i, tok.start, tok.end, tok.text = i, m.start() + offset, m.end() + offset, word
        tok.lower, tok.is_cap, tok.lemmas = known
        out.append(tok)
    return out


_FORMS: dict[str, tuple[str, bool, frozenset[str]]] = {}


_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])|[.!?]+[\"'”’)\]]*\s*$|\n\s*", re.UNICODE)
_LAST_WORD = re.compile(r"(\S+)$")


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, stripped of surrounding blanks."""
    end = len(text) if end is None else end
    abbreviations = words("abbreviations")
    begin = start
    for m in _END.finditer(text, start, end):
        if m.group().strip() == "." or m.group().startswith("."):
            before = _LAST_WORD.search(text, begin, m.start() + 1)
            word = before.group(1).lower() if before else ""
            if "\n" not in m.group() and (
                word in abbreviations or re.fullmatch(r"[a-z]\.", word) or re.fullmatch(r"(?:[a-z]\.){2,}", word)
            ):
                # "U.S." ends a sentence only before a line break or a capital after two spaces
                continue
        stop = m.end() if "\n" not in m.group() else m.start()
        yield from _stripped(text, begin, stop)
        begin = m.end()
    if begin < end:
        yield from _stripped(text, begin, end)


def _stripped(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        yield start, end


def clause_bounds(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token index ranges [i, j) of the clauses of one sentence's tokens."""
    if not tokens:
        return []
    after_comma = words("subordinating_boundary_after_comma")
    relatives = words("relative_pronouns")
    reporting = words("reporting_verbs")
    complement = words("complement_verbs")
    cuts = {0, len(tokens)}
    n = len(tokens)
    for k, tok in enumerate(tokens):
        low = tok.lower
        if low in (";", ":", "—", "--") or (low == "-" and k + 1 < n and tokens[k + 1].lower == "-"):
            cuts.add(k + 1)
        elif low == "," and k + 1 < n and not (k > 0 and _adjective(tokens[k - 1]) and _adjective(tokens[k + 1])) and tokens[k + 1].lower not in words("list_continuers"):
            cuts.add(k + 1)  # but not in a list of adjectives: "complete, full diplomatic ties"
        elif low in ('"', "“", "”") and 0 < k < n - 1:
            cuts.add(k if low in ('"', "“") and tokens[k - 1].lower in (",", ".", ":") else k + 1)
        elif (low == "but" and k > 0) or (low in relatives and k > 0 and tokens[k - 1].lower not in after_comma) or (low == "that" and k > 0 and (any(t.lemmas & complement for t in tokens[max(0, k - 6) : k]) or tokens[k - 1].lower == "and")):
            cuts.add(k)
        elif tok.lemmas & reporting and not tok.is_cap and k + 1 < n and _is_verb_form(tok):
            nxt = tokens[k + 1].lower
            if nxt not in (",", ".", "that", "to", "by", "in", "on", "of", "with", "for", "about") and k >= 1:
                cuts.add(k + 1)
    ordered = sorted(c for c in cuts if 0 <= c <= n)
    return [(a, b) for a, b in itertools.pairwise(ordered) if b > a]




def _adjective(tok: Token) -> bool:
    kinds = pos_of(tok.lower)
    return "ADJ" in kinds and "VERB" not in kinds and "NOUN" not in kinds


def _is_verb_form(tok: Token) -> bool:
    low = tok.lower
    return low.endswith(("ed", "s")) or low in words("speech_verb_forms")
