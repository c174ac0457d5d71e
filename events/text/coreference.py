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
from events.text.arguments import Arguments
from events.text.candidates import Candidate
from events.text.lexicon import words
from events.text.times import Anchor

REFERRING_DEPS = frozenset({"det", "poss"})
MAX_DISTANCE = 60  # sentences


def cluster(cands: Sequence[Candidate], args: Sequence[Arguments], anchors: Sequence[Anchor | None],
            statuses: Sequence[Status]) -> list[int]:  # fmt: skip
    """The cluster number of each candidate (clusters numbered in order of first mention)."""
    parent = list(range(len(cands)))

    def find(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    by_token = {(c.sentence.index, c.token.i): n for n, c in enumerate(cands)}
    latest: dict[str, list[int]] = {}
    for n, c in enumerate(cands):
        kind = c.kind.name
        tok = c.token
        merged = False
        if c.noun and tok.dep_ in ("nsubjpass", "dobj", "nsubj", "attr"):
            k = by_token.get((c.sentence.index, tok.head.i))
            if k is not None and cands[k].kind.name == kind:
                parent[find(n)] = find(k)
                merged = True
        if not merged:
            options = []
            for k in reversed(latest.get(kind, [])):
                other = cands[k]
                if c.sentence.index - other.sentence.index > MAX_DISTANCE:
                    break
                same_sentence = other.sentence.index == c.sentence.index
                shared_place = bool({p.name for p in args[n].places} & {p.name for p in args[k].places})
                if not (c.noun and _referring(c)) and not same_sentence and not (shared_place and c.sentence.index - other.sentence.index <= 2):
                    continue
                if _compatible(args[n].actors, args[k].actors) and _same_time(anchors[n], anchors[k]) and _same_status(statuses[n], statuses[k]):
                    options.append((_shared_agents(args[n].actors, args[k].actors), -len(options), k))
            if options:
                parent[find(n)] = find(max(options)[2])
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
        if child.dep_ == "det" and child.lower_ in words("definite_determiners"):
            return True
    return False


def _same_status(a: Status, b: Status) -> bool:
    """A plan and a report of it done are two mentions only across documents."""
    return not ({a, b} >= {Status.PLANNED, Status.OCCURRED})


def _agents(actors: Sequence[Actor]) -> set[str]:
    return {x.name.split()[-1].lower() for x in actors if x.role is Role.AGENT and x.kind is not ActorKind.STATE}


def _shared_agents(a: Sequence[Actor], b: Sequence[Actor]) -> int:
    return len(_agents(a) & _agents(b))


def _same_time(a: Anchor | None, b: Anchor | None) -> bool:
    return a is None or b is None or a.timex.value == b.timex.value


def _compatible(a: Sequence[Actor], b: Sequence[Actor]) -> bool:
    """No conflicting agents: people of both share a surname, states of both a country."""
    pa = {x.name.split()[-1].lower() for x in a if x.kind is ActorKind.PERSON and x.role is Role.AGENT}
    pb = {x.name.split()[-1].lower() for x in b if x.kind is ActorKind.PERSON and x.role is Role.AGENT}
    if pa and pb and not pa & pb:
        return False
    ca = {x.country for x in a if x.role is Role.AGENT and x.country}
    cb = {x.country for x in b if x.role is Role.AGENT and x.country}
    return not (ca and cb and not ca & cb)
