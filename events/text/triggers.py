"""Triggers: the words and phrases that name an event, matched by lemma against the catalogue.

The catalogue's patterns are indexed by their first word; at each token the patterns that can
start there are tried, longest first, and matches do not overlap. A one-word trigger marked
``pos`` must be used as that part of speech ("aid" the noun, "station" the verb), judged from the
word before it.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from events.kinds import Kind, PatternToken, Trigger, catalogue_version, kinds
from events.text.lexicon import words
from events.text.sentences import Token, pos_of

PREPOSITIONS_BEFORE_NOUN = frozenset(["of", "for", "in", "after", "during", "before", "following", "since", "at", "on", "by", "from", "with", "about"])


@attrs.frozen(slots=True)
class TriggerMatch:
    """A trigger found in a sentence: the kind, the trigger, the matched token positions."""

    kind: Kind
    trigger: Trigger
    positions: tuple[int, ...]  # indexes into the sentence's token list
    noun: bool  # the head word is used as a noun ("an official visit")

    @property
    def first(self) -> int:
        return self.positions[0]

    @property
    def last(self) -> int:
        return self.positions[-1]


class TriggerIndex:
    """The catalogue's patterns indexed by their first word."""

    def __init__(self, catalogue: Sequence[Kind]) -> None:
        self.by_first: dict[str, list[tuple[Kind, Trigger]]] = {}
        for kind in catalogue:
            for trigger in kind.triggers:
                for word in trigger.tokens[0].words:
                    self.by_first.setdefault(word, []).append((kind, trigger))
        for entries in self.by_first.values():
            entries.sort(key=lambda kt: -kt[1].length)

    def find(self, tokens: Sequence[Token], blocked: frozenset[int] = frozenset()) -> list[TriggerMatch]:
        """Non-overlapping matches in one sentence; ``blocked`` token positions (names) never match."""
        matches: list[TriggerMatch] = []
        taken: set[int] = set()
        for k, tok in enumerate(tokens):
            if k in taken or k in blocked:
                continue
            candidates: list[tuple[Kind, Trigger]] = []
            for key in (tok.lower, *tok.lemmas):
                candidates.extend(self.by_first.get(key, ()))
            best: TriggerMatch | None = None
            for kind, trigger in candidates:
                positions = _match(trigger.tokens, tokens, k, blocked)
                if positions is None or any(p in taken for p in positions):
                    continue
                if trigger.not_preceded_by and k > 0 and tokens[k - 1].lower in trigger.not_preceded_by:
                    continue
                if trigger.not_followed_by and any(
                    t.lower in trigger.not_followed_by or t.lemmas & trigger.not_followed_by
                    for t in tokens[positions[-1] + 1 : positions[-1] + 6]
                ):
                    continue
                noun = _used_as_noun(tokens, k)
                if (trigger.pos == "noun" and not noun) or (trigger.pos == "verb" and noun):
                    continue
                if best is None or len(positions) > len(best.positions):
                    best = TriggerMatch(kind, trigger, positions, noun)
            if best is not None:
                matches.append(best)
                taken.update(best.positions)
        return matches


def _word_ok(pt: PatternToken, tok: Token) -> bool:
    if pt.exact:
        return tok.lower in pt.words
    return tok.lower in pt.words or bool(tok.lemmas & pt.words)


def _match(pattern: tuple[PatternToken, ...], tokens: Sequence[Token], k: int, blocked: frozenset[int]) -> tuple[int, ...] | None:
    """Positions of the pattern's words when it matches at ``k``, else None."""

    def rec(p: int, t: int) -> tuple[int, ...] | None:
        if p == len(pattern):
            return ()
        pt = pattern[p]
        if pt.gap:
            for skip in range(pt.gap + 1):
                pos = t + skip
                if pos >= len(tokens):
                    return None
                if skip and tokens[pos - 1].lower in (",", ";", ":", ".", '"', "(", ")"):
                    return None
                rest = rec(p + 1, pos)
                if rest is not None:
                    return rest
            return None
        if t >= len(tokens) or t in blocked or not _word_ok(pt, tokens[t]):
            return None
        rest = rec(p + 1, t + 1)
        return None if rest is None else (t, *rest)

    return rec(0, k)


def _used_as_noun(tokens: Sequence[Token], k: int) -> bool:
    """Whether the word at ``k`` is used as a noun, from the word before it."""
    own = pos_of(tokens[k].lower)
    if k == 0 or (own and "VERB" not in own):
        return "VERB" not in own
    if own == {"VERB"}:
        return False
    prev = tokens[k - 1]
    if prev.lower in words("verb_markers"):
        return False
    if prev.lower in words("noun_markers") or prev.text[:1].isdigit():
        return True
    kinds_of_prev = pos_of(prev.lower)
    return bool(kinds_of_prev) and kinds_of_prev <= {"ADJ", "NOUN", "PROPN", "NUM", "DET"} and "VERB" not in kinds_of_prev and "AUX" not in kinds_of_prev


_INDEX: list[tuple[int, TriggerIndex]] = []


def trigger_index() -> TriggerIndex:
    """The index of the current catalogue (rebuilt when a kind is registered)."""
    version = catalogue_version()
    if not _INDEX or _INDEX[0][0] != version:
        _INDEX[:] = [(version, TriggerIndex(kinds()))]
    return _INDEX[0][1]
