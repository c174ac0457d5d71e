"""Candidates: where temporal expressions are, with character offsets.

Stage three of the tagger. Every compiled rule scans the text once; the candidates then
compete: the longest wins, ties go to the rule of higher priority, then to the earlier
start. What is left never overlaps.
"""

from __future__ import annotations

import re

import attrs

from timeline.timex.patterns import Rule, rules


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


def scan(text: str) -> list[Candidate]:
    """Every rule's matches over ``text`` (overlapping between rules)."""
    found: list[Candidate] = []
    for rule in rules():
        has_x = "x" in rule.regex.groupindex
        for match in rule.regex.finditer(text):
            if has_x and match.group("x") is not None:
                start, end = match.span("x")
            else:
                start, end = match.span()
            if end > start:
                found.append(Candidate(start, end, rule, match))
    return found


def select(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap, sorted by start."""
    if not candidates:
        return []
    ranked = sorted(candidates, key=lambda c: (-(c.end - c.start), -c.rule.priority, c.start))
    taken = bytearray(max(c.end for c in candidates))
    chosen: list[Candidate] = []
    for cand in ranked:
        if taken.find(1, cand.start, cand.end) >= 0:
            continue
        taken[cand.start : cand.end] = b"\x01" * (cand.end - cand.start)
        chosen.append(cand)
    chosen.sort(key=lambda c: c.start)
    return chosen


def recognize(text: str) -> list[Candidate]:
    """Non-overlapping candidates of ``text``, sorted by start."""
    return select(scan(text))
