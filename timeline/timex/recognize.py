"""Candidates: where temporal expressions are, with character offsets.

Stage three of the tagger. Every compiled rule scans the text once; the candidates then
compete: the longest wins, ties go to the rule of higher priority, then to the earlier
start. What is left never overlaps.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

import attrs

from timeline.timex.lexicon import Lexicon
from timeline.timex.patterns import Rule, rules

__all__ = ["TOKEN", "Candidate", "recognize", "scan", "select"]


@attrs.frozen(slots=True)
class Candidate:
    """A rule's match: offsets of the reported span and the regex match it came from."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]

    @property
    def text(self) -> str:
        return self.match.string[self.start : self.end]

    def group(self, name: str) -> str | None:
        """A named group of the match, or None when the rule has no such group or it did not take part."""
        if name not in self.rule.regex.groupindex:
            return None
        return self.match.group(name)


# Tokens a rule may start on: runs of word characters, and apostrophes ("'90s").
TOKEN = re.compile(r"\w+|['’]")
_CACHE_LIMIT = 100_000


@functools.cache
def _dispatch(lex: Lexicon) -> dict[str, tuple[Rule, ...]]:
    """token -> the rules of ``lex`` whose first token it can be (filled lazily, bounded)."""
    return {}


def _rules_for(token: str, lex: Lexicon) -> tuple[Rule, ...]:
    table = _dispatch(lex)
    if len(table) > _CACHE_LIMIT:
        table.clear()
    found = table[token] = tuple(r for r in rules(lex) if r.first.fullmatch(token))
    return found


def scan(text: str, lex: Lexicon) -> list[Candidate]:
    """Every rule's matches over ``text`` (overlapping), each tried only where its first token stands."""
    found: list[Candidate] = []
    table = _dispatch(lex)
    for token in TOKEN.finditer(text):
        word = token.group()
        applicable = table.get(word)
        if applicable is None:
            applicable = _rules_for(word, lex)
        if not applicable:
            continue
        pos = token.start()
        for rule in applicable:
            match = rule.regex.match(text, pos)
            if match is None:
                continue
            if rule.reports_x and match.group("x") is not None:
                start, end = match.span("x")
            else:
                start, end = match.span()
            if end > start:
                found.append(Candidate(start, end, rule, match))
    return found


def select(candidates: list[Candidate], accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """The longest candidates that do not overlap, sorted by start.

    ``accept`` vetoes a candidate (one that normalizes to nothing), so that a shorter or
    lower-priority candidate over the same words gets its chance.
    """
    if not candidates:
        return []
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken = bytearray(max(c.end for c in candidates))
    chosen: list[Candidate] = []
    for cand in ranked:
        if taken.find(1, cand.start, cand.end) >= 0:
            continue
        if accept is not None and not accept(cand):
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def recognize(text: str, lex: Lexicon, accept: Callable[[Candidate], bool] | None = None) -> list[Candidate]:
    """Non-overlapping candidates of ``text`` under the rules of ``lex``, sorted by start."""
    return select(scan(text, lex), accept)
