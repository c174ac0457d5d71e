"""TempEval-3 metrics on character offsets: span precision, recall and F1, attribute accuracy.

The definitions are TempEval-3's (SemEval-2013 Task 1, tasks A and B), on character offsets:

* a *strict* match is a system mention with exactly a gold mention's offsets;
* a *relaxed* match is a system mention sharing at least one character with a gold mention;
  the pairs are one-to-one and as many as possible (a maximum matching), so relaxed precision
  and recall count the same pairs. Exact pairs are taken first, then each gold mention takes
  its closest free partner (largest overlap), then augmenting paths make the matching maximum,
  so attributes are compared between the closest partners;
* an attribute's *accuracy* (TIMEX3 ``type`` and ``value``, EVENT ``class``) is the share of
  relaxed pairs whose attribute is equal (exact strings; a missing system attribute is
  wrong), and its *F1* is relaxed F1 x accuracy (TempEval-3's "value F1");
* counts are summed over documents before dividing (micro-average).

Everything here is a pure function of gold and system mentions: any objects (or mappings) with
integer ``start`` and ``end`` and the attributes scored. ``timeline eval`` and the events
package both score with it.
"""

from __future__ import annotations

import bisect
from collections import Counter, deque
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "EVENT_ATTRIBUTES",
    "PRF",
    "TIMEX_ATTRIBUTES",
    "AttributeScore",
    "Counts",
    "Scores",
    "count",
    "evaluate",
    "get_attribute",
    "relaxed_pairs",
    "scores",
    "strict_pairs",
]

TIMEX_ATTRIBUTES = ("type", "value")
EVENT_ATTRIBUTES = ("class",)

# Python cannot name an attribute "class": objects spell it one of these ways.
_ALIASES: dict[str, tuple[str, ...]] = {"class": ("class", "cls", "class_", "event_class")}


def get_attribute(mention: object, name: str) -> object:
    """``mention``'s attribute ``name`` (a key, for a mapping), or ``None``."""
    for alias in _ALIASES.get(name, (name,)):
        if isinstance(mention, Mapping):
            if alias in mention:
                return mention[alias]
        elif hasattr(mention, alias):
            return getattr(mention, alias)
    return None


def _bounds(mention: object) -> tuple[int, int]:
    start, end = get_attribute(mention, "start"), get_attribute(mention, "end")
    if not (isinstance(start, int) and isinstance(end, int)) or start > end:
        raise ValueError(f"a mention needs integer start <= end, got start={start!r} end={end!r} in {mention!r}")
    return start, end


# --------------------------------------------------------------------------------------------
# Matching


def strict_pairs(gold: Sequence[object], system: Sequence[object]) -> list[tuple[int, int]]:
    """Pairs (gold index, system index) with the same offsets, one-to-one, in gold order."""
    waiting: dict[tuple[int, int], deque[int]] = {}
    for s, mention in enumerate(system):
        waiting.setdefault(_bounds(mention), deque()).append(s)
    pairs = []
    for g, mention in enumerate(gold):
        queue = waiting.get(_bounds(mention))
        if queue:
            pairs.append((g, queue.popleft()))
    return pairs


def _candidates(gold: list[tuple[int, int]], system: list[tuple[int, int]]) -> list[list[int]]:
    """For each gold span, the system spans overlapping it, closest first.

    Closest: same offsets, then the largest overlap, then the earliest start, then input order.
    """
    order = sorted(range(len(system)), key=lambda s: system[s][0])
    starts = [system[s][0] for s in order]
    longest = max((end - start for start, end in system), default=0)
    result = []
    for g_start, g_end in gold:
        window = order[bisect.bisect_left(starts, g_start - longest) : bisect.bisect_left(starts, g_end)]
        near = []
        for s in window:
            s_start, s_end = system[s]
            overlap = min(g_end, s_end) - max(g_start, s_start)
            if overlap > 0:
                exact = (s_start, s_end) == (g_start, g_end)
                near.append((not exact, -overlap, s_start, s))
        near.sort()
        result.append([s for *_, s in near])
    return result


def relaxed_pairs(gold: Sequence[object], system: Sequence[object]) -> list[tuple[int, int]]:
    """A maximum one-to-one matching of overlapping mentions: pairs (gold index, system index).

    Same offsets first, then each gold mention's closest free partner, then shortest
    augmenting paths (breadth first) for the gold mentions left over. Sorted by gold index.
    """
    gold_spans = [_bounds(m) for m in gold]
    system_spans = [_bounds(m) for m in system]
    candidates = _candidates(gold_spans, system_spans)
    partner_of_gold: dict[int, int] = {}
    partner_of_system: dict[int, int] = {}

    def pair(g: int, s: int) -> None:
        partner_of_gold[g] = s
        partner_of_system[s] = g

    for g, near in enumerate(candidates):  # same offsets (exact candidates come first)
        twin = next((s for s in near if s not in partner_of_system), None)
        if twin is not None and system_spans[twin] == gold_spans[g]:
            pair(g, twin)
    for g, near in enumerate(candidates):  # closest free partner
        if g not in partner_of_gold:
            free = next((s for s in near if s not in partner_of_system), None)
            if free is not None:
                pair(g, free)
    for root, near in enumerate(candidates):  # augmenting paths
        if root in partner_of_gold or not near:
            continue
        reached_from: dict[int, int] = {}  # system index -> the gold index that reached it
        queue = deque([root])
        end: int | None = None
        while queue and end is None:
            g = queue.popleft()
            for s in candidates[g]:
                if s in reached_from:
                    continue
                reached_from[s] = g
                if s not in partner_of_system:
                    end = s
                    break
                queue.append(partner_of_system[s])
        while end is not None:  # flip the path back to the root
            g = reached_from[end]
            previous = partner_of_gold.get(g)
            pair(g, end)
            end = previous if g != root else None
    return sorted(partner_of_gold.items())


# --------------------------------------------------------------------------------------------
# Counts and scores


@attrs.frozen(slots=True)
class Counts:
    """What is counted in one document (or summed over many): add them with ``+``."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    attributes: tuple[tuple[str, int], ...] = ()  # (name, relaxed pairs with that attribute equal)

    def __add__(self, other: Counts) -> Counts:
        if not isinstance(other, Counts):
            return NotImplemented
        total = Counter(dict(self.attributes))
        total.update(dict(other.attributes))
        names = [name for name, _ in self.attributes]
        names += [name for name, _ in other.attributes if name not in names]
        return Counts(
            self.gold + other.gold,
            self.system + other.system,
            self.strict + other.strict,
            self.relaxed + other.relaxed,
            tuple((name, total[name]) for name in names),
        )

    def correct(self, name: str) -> int:
        """Relaxed pairs whose attribute ``name`` is equal."""
        for attribute, number in self.attributes:
            if attribute == name:
                return number
        raise KeyError(f"attribute {name!r} was not counted; counted: {[a for a, _ in self.attributes]}")


def _same(gold: object, system: object) -> bool:
    if gold is None or system is None:
        return False
    return str(gold).strip() == str(system).strip()


def count(gold: Sequence[object], system: Sequence[object], attributes: Iterable[str] = TIMEX_ATTRIBUTES) -> Counts:
    """Gold and system sizes, strict and relaxed matches, and equal attributes over relaxed pairs."""
    gold, system = list(gold), list(system)
    pairs = relaxed_pairs(gold, system)
    equal = tuple(
        (name, sum(_same(get_attribute(gold[g], name), get_attribute(system[s], name)) for g, s in pairs))
        for name in attributes
    )
    return Counts(len(gold), len(system), len(strict_pairs(gold, system)), len(pairs), equal)


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator else 0.0


@attrs.frozen(slots=True)
class PRF:
    """Precision, recall and F1 (fractions, 0 when undefined)."""

    precision: float
    recall: float
    f1: float

    @classmethod
    def of(cls, matched: int, gold: int, system: int) -> PRF:
        precision, recall = _ratio(matched, system), _ratio(matched, gold)
        return cls(precision, recall, _ratio(2 * precision * recall, precision + recall))


@attrs.frozen(slots=True)
class AttributeScore:
    """An attribute's accuracy over relaxed pairs, and its F1 (relaxed F1 x accuracy)."""

    name: str
    correct: int
    accuracy: float
    f1: float


@attrs.frozen(slots=True)
class Scores:
    """TempEval-3 scores of a set of documents."""

    counts: Counts
    strict: PRF
    relaxed: PRF
    attributes: tuple[AttributeScore, ...] = ()

    def attribute(self, name: str) -> AttributeScore:
        for score in self.attributes:
            if score.name == name:
                return score
        raise KeyError(f"attribute {name!r} was not scored; scored: {[a.name for a in self.attributes]}")

    def to_dict(self) -> dict[str, Any]:
        """Fractions and counts, in the layout of ``te3score.py --json``."""
        c = self.counts
        result: dict[str, Any] = {
            "counts": {
                "gold": c.gold,
                "system": c.system,
                "strict_matches": c.strict,
                "relaxed_matches": c.relaxed,
                **{f"{name}_matches": number for name, number in c.attributes},
            },
            "strict": attrs.asdict(self.strict),
            "relaxed": attrs.asdict(self.relaxed),
        }
        for score in self.attributes:
            result[score.name] = {"accuracy": score.accuracy, "f1": score.f1}
        return result


def scores(counts: Counts) -> Scores:
    """Precision, recall, F1 and attribute scores from (summed) counts."""
    relaxed = PRF.of(counts.relaxed, counts.gold, counts.system)
    attributes = tuple(
        AttributeScore(name, correct, _ratio(correct, counts.relaxed), relaxed.f1 * _ratio(correct, counts.relaxed))
        for name, correct in counts.attributes
    )
    return Scores(counts, PRF.of(counts.strict, counts.gold, counts.system), relaxed, attributes)


def evaluate(
    documents: Iterable[tuple[Sequence[object], Sequence[object]]], attributes: Iterable[str] = TIMEX_ATTRIBUTES
) -> Scores:
    """Micro-averaged scores of (gold mentions, system mentions) pairs, one pair a document."""
    names = tuple(attributes)
    total = Counts(attributes=tuple((name, 0) for name in names))
    for gold, system in documents:
        total = total + count(gold, system, names)
    return scores(total)
