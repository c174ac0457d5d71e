"""The assembly stage: clusters of candidates become ``Event`` values, with their evidence.

Each mention covers the trigger's phrase on the tree (its subject, particle, objects and
prepositional phrases; a noun's own phrase) and keeps the trigger's offsets. Asserted events
(occurred, ongoing, planned, failed) go to ``events``, negated and supposed ones to
``unrealized``. A noun with no actor, place, quantity or date names a kind of thing, not an event.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import TYPE_CHECKING, TypeVar

from events.model import Actor, Event, Mention, Role, Status
from events.text.arguments import Arguments
from events.text.candidates import Candidate
from events.text.times import EventTime

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["NOUN_PHRASE_DEPS", "PHRASE_DEPS", "assemble", "mention_of"]

PHRASE_DEPS = frozenset({"nsubj", "nsubjpass", "agent", "dobj", "dative", "prt", "prep", "attr", "npadvmod",
                         "oprd", "acomp", "aux", "auxpass", "neg", "advmod", "xcomp"})  # fmt: skip
NOUN_PHRASE_DEPS = frozenset({"det", "poss", "amod", "compound", "nummod", "prep", "npadvmod", "nmod"})
T = TypeVar("T")


def _tokens(tok: Token, deps: frozenset[str]) -> list[Token]:
    out = [tok]
    for child in tok.children:
        if child.dep_ in deps:
            out.extend(child.subtree)
    return out


def mention_of(c: Candidate) -> Mention:
    """The candidate's phrase as evidence, with the trigger's offsets."""
    tok = c.token
    deps = NOUN_PHRASE_DEPS if c.noun else PHRASE_DEPS
    tokens = [t for t in _tokens(tok, deps) if not t.is_space]
    if c.part is not None:  # one level of a change: its amount and the expression that dates it
        tokens = [t for t in c.part.subtree if t.dep_ != "prep"] + [t for ch in c.part.head.children if ch.dep_ == "prep" for t in ch.subtree]
        nxt = c.part.head
        verb = c.token.head if c.noun else c.token
        following = [ch for ch in verb.children if ch.dep_ == "prep" and ch.i == nxt.right_edge.i + 1]
        if not any(ch.dep_ == "prep" for ch in c.part.head.children) and following:
            tokens += list(following[0].subtree)
    span = c.sentence.span
    tokens = [t for t in tokens if span.start <= t.i < span.end]
    first = min(tokens, key=lambda t: t.i)
    last = max(tokens, key=lambda t: t.i)
    while last.i > first.i and (last.is_punct or last.is_space):
        last = span.doc[last.i - 1]
    while first.i < last.i and (first.is_punct or first.is_space):
        first = span.doc[first.i + 1]
    start, end = c.sentence.chars(first, last)
    text = span.doc.text[start - c.sentence.offset : end - c.sentence.offset]
    return Mention(start, end, text, c.sentence.text, c.trigger_text, None, c.start, c.end)


def assemble(cands: Sequence[Candidate], args: Sequence[Arguments], cluster_of: Sequence[int],
             times: Sequence[EventTime], links: Sequence[tuple[str, int] | None],
             doc_id: str | None) -> tuple[list[Event], list[Event], list[tuple[str, str, str]]]:  # fmt: skip
    """(asserted events, unrealized events, relations between events)."""
    groups: dict[int, list[int]] = {}
    for n, k in enumerate(cluster_of):
        groups.setdefault(k, []).append(n)
    counts: dict[str, int] = {}
    ids: dict[int, str] = {}
    asserted: list[Event] = []
    unrealized: list[Event] = []
    for k in sorted(groups):
        members = groups[k]
        time = times[k]
        group = [cands[n] for n in members]
        if _generic(group, [args[n] for n in members], time):
            continue
        head = next((c for c in group if not c.noun), group[0])
        kind = head.kind
        counts[kind.name] = counts.get(kind.name, 0) + 1
        slug = f"{kind.name.lower()}-{counts[kind.name]}"
        status = time.status
        plover = head.plover
        if status is Status.PLANNED and kind.planned_plover:
            plover = kind.planned_plover
        actors = _actors([a for n in members for a in args[n].actors])
        if not actors:  # "will be signed during his trip": by those on the trip
            during = [links[n][1] for n in members if links[n] is not None and links[n][0] == "during"]  # type: ignore[index]
            actors = _actors([a for d in during for n in groups.get(cluster_of[d], []) for a in args[n].actors if a.role is Role.AGENT])
        places = _unique([p for n in members for p in args[n].places], lambda p: p.name.lower())
        quantities = _unique([q for n in members for q in args[n].quantities], lambda q: (q.value, q.unit))
        mentions = sorted(_unique([mention_of(c) for c in group], lambda m: (m.start, m.end)), key=lambda m: m.start)
        dated = time.basis in ("timex", "relation")
        confidence = round(min(1.0, 0.5 + 0.2 * bool(actors) + 0.2 * dated + 0.1 * any(not c.noun for c in group)), 2)
        event = Event(id=f"{doc_id}:{slug}" if doc_id else slug, kind=kind.name, status=status, time=time.span,
                      actors=actors, places=places, quantities=quantities, mentions=mentions, doc=doc_id,
                      plover=plover if status.real else None, plover_mode=kind.mode, cameo=head.cameo,
                      confidence=confidence, time_text=time.text, time_basis=time.basis)  # fmt: skip
        (asserted if status.real else unrealized).append(event)
        ids[k] = event.id
    relations = []
    for n, link in enumerate(links):
        if link is None:
            continue
        a, b = cluster_of[n], cluster_of[link[1]]
        if a != b and a in ids and b in ids and times[a].basis == "relation":
            relations.append((ids[a], link[0], ids[b]))
    order: Callable[[Event], int] = lambda e: e.mentions[0].start if e.mentions else 0  # noqa: E731
    return sorted(asserted, key=order), sorted(unrealized, key=order), _unique(relations, lambda r: r)


def _generic(group: Sequence[Candidate], args: Sequence[Arguments], time: EventTime) -> bool:
    """'Financial assistance is not helping': nouns with no actor, place, quantity or date."""
    return (all(c.noun for c in group) and time.basis not in ("timex", "relation")
            and not any(a.actors or a.places or a.quantities for a in args))  # fmt: skip


def _actors(actors: list[Actor]) -> list[Actor]:
    """Each actor once; an agent wins over the same actor as recipient; a state is dropped when
    a person or body of that country plays the same role."""
    out: list[Actor] = []
    for a in actors:
        for k, b in enumerate(out):
            if a.name.lower() == b.name.lower() and a.country == b.country:
                if b.role is Role.RECIPIENT and a.role is Role.AGENT:
                    out[k] = a
                break
        else:
            out.append(a)
    return out


def _unique(items: Sequence[T], key: Callable[[T], Hashable]) -> list[T]:
    seen: set[Hashable] = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
