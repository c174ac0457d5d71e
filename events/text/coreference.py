"""The coreference stage: mentions of one event become one cluster.

- a noun trigger that is an argument of a verb trigger of the same kind is that verb's event
  ("the base agreement will be signed");
- a definite or possessed noun ("the deal", "his trip", "the 1999 agreement", "Putin's upcoming
  trip") is the latest earlier event of its kind whose actors and time agree with it;
- two mentions of one kind in one sentence with the same time expression are one event ("What
  we signed in 1999 was a general agreement").
"""

from __future__ import annotations

from collections.abc import Sequence

from events.model import Actor, ActorKind, Role, Status
from events.text.anchoring import Anchor
from events.text.arguments import Arguments
from events.text.candidates import Candidate
from events.text.lexicon import lexicon
from events.text.timing import dating

__all__ = ["MAX_DISTANCE", "REFERRING_DEPS", "cluster"]

REFERRING_DEPS = frozenset({"det", "poss"})
MAX_DISTANCE = 200  # sentences


def cluster(cands: Sequence[Candidate], args: Sequence[Arguments], anchors: Sequence[Anchor | None],
            statuses: Sequence[Status | None]) -> list[int]:  # fmt: skip
    """The cluster number of each candidate (clusters numbered in order of first mention)."""
    parent = list(range(len(cands)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    values = [{a.timex.value} if a is not None and dating(a.timex) else set() for a in anchors]
    states = [{s} if s is not None else set() for s in statuses]

    def fits(a: int, b: int) -> bool:
        ra, rb = find(a), find(b)
        if values[ra] and values[rb] and not values[ra] & values[rb]:
            return False
        return _same_status_sets(states[ra] | states[rb])

    def union(a: int, b: int) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[ra] = rb
            values[rb] |= values[ra]
            states[rb] |= states[ra]

    by_token = {(c.sentence.index, c.token.i): n for n, c in enumerate(cands)}
    latest: dict[str, list[int]] = {}
    for n, c in enumerate(cands):
        kind = c.kind.name
        tok = c.token
        merged = False
        if c.noun:
            up = tok.head
            for _ in range(4):  # "promised $50 million in grants": the grants are the promise
                k = by_token.get((c.sentence.index, up.i))
                if k is not None and k != n and cands[k].kind.name == kind:
                    union(n, k)
                    merged = True
                    break
                if up.head.i == up.i:
                    break
                up = up.head
        if not merged or _referring(c):
            options: list[tuple[int, int, int]] = []
            for k in reversed(latest.get(kind, [])):
                other = cands[k]
                if c.sentence.index - other.sentence.index > MAX_DISTANCE:
                    break
                same_sentence = other.sentence.index == c.sentence.index
                near = c.sentence.index - other.sentence.index <= 2 and not c.noun and not other.noun
                shared = bool({p.name for p in args[n].places} & {p.name for p in args[k].places}) or (
                    bool(_countries(args[n].actors) & _countries(args[k].actors)) and anchors[n] is None and anchors[k] is None)
                if not (c.noun and _referring(c)) and not same_sentence and not (near and shared):
                    continue
                if _compatible(args[n].actors, args[k].actors) and fits(n, k):
                    options.append((_shared_agents(args[n].actors, args[k].actors), -len(options), k))
            options = [o for o in options if find(o[2]) != find(n)]
            if options:
                union(n, max(options)[2])
        latest.setdefault(kind, []).append(n)
    roots: dict[int, int] = {}
    out = []
    for n in range(len(cands)):
        r = find(n)
        out.append(roots.setdefault(r, len(roots)))
    return out


def _referring(c: Candidate) -> bool:
    """A noun that points back: a definite article, a possessor, a demonstrative."""
    for child in c.token.children:
        if child.dep_ == "poss":
            return True
        if child.dep_ == "det" and child.lower_ in lexicon().definite_determiners:
            return True
    return False


def _countries(actors: Sequence[Actor]) -> set[str]:
    return {x.country for x in actors if x.role is Role.AGENT and x.country}


def _same_status_sets(found: set[Status]) -> bool:
    """A plan and a report of it done are one event only across documents; what the text
    negates or supposes is never what it asserts."""
    unreal = any(not s.real for s in found)
    return not (found >= {Status.PLANNED, Status.OCCURRED}) and not (unreal and any(s.real for s in found))


def _agents(actors: Sequence[Actor]) -> set[str]:
    return {x.name.split()[-1].lower() for x in actors if x.role is Role.AGENT and x.kind is not ActorKind.STATE}


def _shared_agents(a: Sequence[Actor], b: Sequence[Actor]) -> int:
    return len(_agents(a) & _agents(b))


def _compatible(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """No conflicting agents: people of both share a surname, states of both a country."""
    pa = {x.name.split()[-1].lower() for x in a if x.kind is ActorKind.PERSON and x.role is Role.AGENT}
    pb = {x.name.split()[-1].lower() for x in b if x.kind is ActorKind.PERSON and x.role is Role.AGENT}
    if pa and pb and not pa & pb:
        return False
    ca = {x.country for x in a if x.role is Role.AGENT and x.country}
    cb = {x.country for x in b if x.role is Role.AGENT and x.country}
    return not (ca and cb and not ca & cb)
