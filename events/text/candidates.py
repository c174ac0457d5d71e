"""The candidates stage: the words that name events, found on the dependency tree.

A verb is looked up in the CAMEO verb tables (``tables.verb_patterns``): its particle, object
and prepositional phrase pick the pattern and so the CAMEO code ("pull out troops", "attack with
missiles"); the code gives the kind and PLOVER category (``events/data/cameo.json``). The
catalogue's own triggers (``events/data/kinds.json`` and the user's kinds) come first: their
first word is the trigger, their other words must be the trigger's dependents ("pay * visit":
"visit" is the object of "pay"). Nouns of the catalogue name events too ("the visit", "talks");
adjectives never do ("a free press"). A noun that is only the content of another trigger
("discuss cooperation") or the object of a light verb ("pay a visit") is no event of its own.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

import attrs

from events.kinds import Catalogue, Kind, Trigger
from events.model import Entity
from events.text.lexicon import lexicon
from events.text.parse import Sentence
from events.text.tables import (
    dropped_verbs,
    kind_of_code,
    planned_code,
    plover_of_code,
    verb_patterns,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "ARTICLES",
    "CONTENT_PREPS",
    "FORCE_CODE",
    "NEAR_DEPS",
    "NOUN_POS",
    "REJECTED",
    "WITHDRAWAL",
    "Candidate",
    "TriggerIndex",
    "attribution",
    "descriptive",
    "find_candidates",
    "fronted_phrase",
    "near",
]

NOUN_POS = ("NOUN", "PROPN")
NEAR_DEPS = frozenset({"dobj", "prt", "prep", "pobj", "compound", "attr", "acomp", "oprd", "dative", "nsubjpass", "agent", "xcomp", "amod", "npadvmod", "aux"})
ARTICLES = frozenset({"the", "a", "an"})
CONTENT_PREPS = frozenset({"on", "of", "about", "over", "for", "to"})


@attrs.define
class Candidate:
    """One mention of an event, before coreference: its trigger token and what was read of it."""

    sentence: Sentence
    token: Token
    kind: Kind
    trigger_tokens: tuple[Token, ...]
    cameo: str | None
    plover: str | None
    trigger: Trigger | None = None  # the catalogue's trigger, when one matched
    intention: bool = False  # a CAMEO intention (root 03): planned
    patterned: bool = False  # coded by a CAMEO pattern on its dependents, not the verb's default
    part: Token | None = None  # "from $40 million in 2001 to $70 million in 2002": one level of two

    @property
    def noun(self) -> bool:
        return self.token.pos_ in NOUN_POS

    @property
    def intended(self) -> bool:
        """Whether the trigger states an intention ("promised aid": a CAMEO intention, a trigger
        marked planned): still to come, whenever it was stated."""
        return self.intention or (self.trigger is not None and self.trigger.status == "planned")

    @property
    def start(self) -> int:
        return self.sentence.start_of(min(self.trigger_tokens, key=lambda t: t.i))

    @property
    def end(self) -> int:
        return self.sentence.end_of(max(self.trigger_tokens, key=lambda t: t.i))

    @property
    def trigger_text(self) -> str:
        first = min(self.trigger_tokens, key=lambda t: t.i)
        last = max(self.trigger_tokens, key=lambda t: t.i)
        if last.i - first.i <= 3:
            return str(self.sentence.span.doc[first.i : last.i + 1].text)
        return " ".join(t.text for t in sorted(self.trigger_tokens, key=lambda t: t.i))


class TriggerIndex:
    """The catalogue's triggers by first word."""

    def __init__(self, kinds: Sequence[Kind]) -> None:
        self.kinds = {k.name.lower(): k for k in kinds}
        self.by_first: dict[str, list[tuple[Kind, Trigger]]] = {}
        for kind in kinds:
            for trigger in kind.triggers:
                for word in trigger.tokens[0].words:
                    self.by_first.setdefault(word, []).append((kind, trigger))
        for entries in self.by_first.values():
            entries.sort(key=lambda kt: -kt[1].length)


def near(tok: Token) -> list[Token]:
    """The trigger's phrase on the tree: dependents, their dependents, and its head."""
    out = [c for c in tok.children if c.dep_ in NEAR_DEPS]
    out += [g for c in list(out) for g in c.children if g.dep_ in NEAR_DEPS or (g.dep_ == "conj" and c.dep_ in ("dobj", "pobj"))]  # "launched drones and missiles"
    out += [o for p in list(out) if p.dep_ == "prep" for o in p.children if o.dep_ == "pobj" and o not in out]  # "thousands of residents"
    if tok.dep_ in ("compound", "amod") or (tok.dep_ == "pobj"):
        out.append(tok.head)
    return out


def _word_ok(words: frozenset[str], exact: bool, tok: Token) -> bool:
    if exact:
        return tok.lower_ in words
    return tok.lower_ in words or tok.lemma_.lower() in words


REJECTED = "rejected"
WITHDRAWAL = "withdrawal"
FORCE_CODE = "MIL"  # the CAMEO role code of armed forces ("RUSMIL", "MIL")


def _catalogue_match(tok: Token, index: TriggerIndex, blocked: set[int]) -> tuple[Kind, Trigger, tuple[Token, ...]] | str | None:
    """The best catalogue trigger at ``tok``; ``REJECTED`` when one matched but its own
    exclusions ruled it out ("hosting troops" is no visit): then nothing else codes the word."""
    keys = {tok.lower_, tok.lemma_.lower()}
    entries = [e for k in keys for e in index.by_first.get(k, ())]
    if not entries:
        return None
    neighbours = near(tok)
    best: tuple[Kind, Trigger, tuple[Token, ...]] | None = None
    rejected = False
    for kind, trigger in entries:
        words = [p for p in trigger.tokens if not p.gap and not p.words <= ARTICLES]
        if not _word_ok(words[0].words, words[0].exact, tok):
            continue
        if trigger.pos == "noun" and tok.pos_ not in NOUN_POS:
            continue
        if trigger.pos == "verb" and tok.pos_ != "VERB":
            continue
        matched = [tok]
        for p in words[1:]:
            hit = next((t for t in neighbours if t not in matched and _word_ok(p.words, p.exact, t)), None)
            if hit is None:
                break
            matched.append(hit)
        else:
            if trigger.not_preceded_by and tok.i > tok.sent.start and tok.nbor(-1).lower_ in trigger.not_preceded_by:
                rejected = True
                continue
            if trigger.not_followed_by and any(t.lower_ in trigger.not_followed_by or t.lemma_.lower() in trigger.not_followed_by for t in near(tok)):
                rejected = True
                continue
            if best is None or len(matched) > len(best[2]):
                best = (kind, trigger, tuple(matched))
    return REJECTED if best is None and rejected else best


def _phrase_words(tok: Token) -> set[str]:
    words = {tok.lower_, tok.lemma_.lower()}
    for c in tok.children:
        if c.dep_ in ("compound", "amod"):
            words |= {c.lower_, c.lemma_.lower(), f"{c.lower_} {tok.lower_}"}
    return words


def _cameo_match(tok: Token) -> tuple[str, tuple[Token, ...], bool] | None:
    lemma = tok.lemma_.lower()
    patterns = verb_patterns().get(lemma)
    if not patterns:
        return None
    particle = next((c for c in tok.children if c.dep_ == "prt"), None)
    wanted = particle.lower_ if particle is not None else ""
    rows = [p for p in patterns if p.particle == wanted] or ([p for p in patterns if not p.particle] if not wanted else [])
    objects = [c for c in tok.children if c.dep_ in ("dobj", "nsubjpass", "attr", "dative", "oprd")]
    object_words = set().union(*(_phrase_words(o) for o in objects)) if objects else set()
    preps = [(c, next((g for g in c.children if g.dep_ == "pobj"), None)) for c in tok.children if c.dep_ in ("prep", "agent")]
    for p in rows:
        if p.objects and not (p.objects & object_words):
            continue
        if p.objects and not any(_codes_object(o) for o in objects if _phrase_words(o) & p.objects):
            continue
        used: list[Token] = []
        if p.preposition:
            hit = next(((prep, obj) for prep, obj in preps if prep.lower_ in p.preposition
                        and (not p.nouns or (obj is not None and _phrase_words(obj) & p.nouns))), None)  # fmt: skip
            if hit is None:
                continue
            used.append(hit[0])
        if not p.objects and not p.preposition and lemma in dropped_verbs():
            continue
        return p.code, (tok, *([particle] if particle is not None else [])), bool(p.objects or p.preposition)
    return None


def _codes_object(obj: Token) -> bool:
    """Whether a pattern's object noun says what the event is: an undertaking needs its aim ("a
    campaign for", "efforts to end"; "began its antiterrorism campaign" is no appeal), a standing
    noun with "in" is where a state stands ("its position in Central Asia"), not a stance."""
    lemma = obj.lemma_.lower()
    if lemma in lexicon().undertaking_nouns or obj.lower_ in lexicon().undertaking_nouns:
        aims = [c for c in obj.children if c.dep_ == "prep" and c.lower_ in lexicon().purpose_prepositions]
        aims += [c for c in obj.children if c.dep_ in ("acl", "relcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        return bool(aims)
    if lemma in lexicon().standing_nouns or obj.lower_ in lexicon().standing_nouns:
        return not any(c.dep_ == "prep" and c.lower_ in lexicon().standing_prepositions for c in obj.children)
    return True


def find_candidates(sentences: Sequence[Sentence], entities: Sequence[Sequence[Entity]], catalogue: Catalogue,
                    timex_chars: Iterable[tuple[int, int]]) -> list[Candidate]:  # fmt: skip
    """The event candidates of every sentence, in text order."""
    index = catalogue.index(TriggerIndex)
    spans = sorted(timex_chars)
    out: list[Candidate] = []
    starts = [a for a, _ in spans]
    def timed(tok: Token, sent: Sentence) -> bool:
        at = sent.start_of(tok)
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and spans[k][0] <= at < spans[k][1]

    for sent, ents in zip(sentences, entities, strict=True):
        blocked = {k for e in ents if e.kind not in ("demonym", "body") for k in range(e.i, e.j)}
        people = {e.j - 1 for e in ents if e.kind in ("agent", "body")}
        forces = {e.j - 1 for e in ents if e.kind in ("agent", "body") and (e.cameo or "").endswith(FORCE_CODE)}
        for tok in sent.span:
            if tok.i in blocked or tok.pos_ not in ("VERB", "NOUN", "PROPN") or tok.dep_ == "amod":
                continue
            if tok.dep_ == "compound" and tok.head.i in people:
                continue  # "riot police", "aid workers", "election officials": who they are, not an event
            if timed(tok, sent):
                continue  # inside a time expression
            if tok.pos_ == "VERB" and any(ch.dep_ == "dobj" and timed(ch, sent) for ch in tok.children):
                continue  # "spent five hours in Tanzania", "took two weeks": time passing, no event
            cand = _candidate(sent, tok, index, blocked, forces)
            if cand is not None and not attribution(cand):
                out.extend(_levels(cand))
    return _drop_contents(out)


def _forces_leaving(sent: Sentence, tok: Token, index: TriggerIndex, forces: set[int]) -> Candidate | None:
    """Armed forces leaving a place withdraw: "the last French soldiers left Niger"."""
    withdrawal = index.kinds.get(WITHDRAWAL)
    if withdrawal is None or tok.lemma_.lower() not in lexicon().leaving_verbs:
        return None
    subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.i not in forces or not any(c.dep_ == "dobj" for c in tok.children):
        return None
    return Candidate(sent, tok, withdrawal, (tok,), withdrawal.cameo, withdrawal.plover)


def _candidate(sent: Sentence, tok: Token, index: TriggerIndex, blocked: set[int], forces: set[int]) -> Candidate | None:
    found = _catalogue_match(tok, index, blocked)
    if found == REJECTED:
        return None
    if isinstance(found, tuple):
        kind, trigger, tokens = found
        head = min(tokens, key=lambda t: _depth(t))
        plover = trigger.plover or kind.plover
        return Candidate(sent, head, kind, tokens, trigger.cameo or kind.cameo, plover, trigger)
    if tok.pos_ != "VERB":
        return None
    coded = _cameo_match(tok)
    if coded is None:
        return _forces_leaving(sent, tok, index, forces)
    code, tokens, patterned = coded
    name = kind_of_code(code)
    coded_kind = index.kinds.get(name.lower()) if name else None
    if coded_kind is None:
        return None
    return Candidate(sent, tok, coded_kind, tokens, code, plover_of_code(code) or coded_kind.plover, None, planned_code(code), patterned)


def attribution(c: Candidate) -> bool:
    """A reporting kind's verb that only attributes what it introduces ("the ministry
    announced that ..."): the content is the news, not the announcement."""
    return c.kind.reporting and not c.noun and any(ch.dep_ in ("ccomp", "parataxis") for ch in c.token.children)


def descriptive(c: Candidate, dated: bool) -> bool:
    """A passive participle or relative clause that describes its own noun ("troops stationed
    there", "the troops who will be stationed in the base"), undated: a state, not an event."""
    tok = c.token
    if c.noun or dated or tok.dep_ not in ("acl", "relcl"):
        return False
    passive = tok.tag_ == "VBN" and (tok.dep_ == "acl" or any(ch.dep_ in ("auxpass", "nsubjpass") for ch in tok.children))
    return passive and not any(ch.dep_ in ("agent", "dobj") for ch in tok.children)


def fronted_phrase(prep: Token) -> bool:
    """Whether a prepositional phrase opens its clause, before the verb's subject."""
    verb = prep.head
    return prep.i < verb.i and any(ch.dep_ in ("nsubj", "nsubjpass") and ch.i > prep.i for ch in verb.children)


def _levels(c: Candidate) -> list[Candidate]:
    """A change "from A in T1 to B in T2" states two levels at two times: one event each."""
    verb = c.token.head if c.noun and c.token.dep_ == "dobj" else c.token
    if verb.pos_ != "VERB":
        return [c]
    ends = {}
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in ("from", "to"):
            amount = next((o for o in prep.children if o.dep_ == "pobj" and (o.like_num or o.pos_ == "NUM")), None)
            if amount is not None:
                ends[prep.lower_] = amount
    if len(ends) < 2:
        return [c]
    return [attrs.evolve(c, part=ends["from"]), attrs.evolve(c, part=ends["to"])]


def _unresolved_attempt(verb: Token) -> bool:
    """An attempt verb whose outcome the text does not give ("has been trying to", "seeks to"):
    its complement is an aim. "Tried but failed to" keeps its complement, as a failed event."""
    if verb.lemma_.lower() not in lexicon().attempt_verbs:
        return False
    failure = lexicon().failure_words
    return not any(ch.dep_ == "conj" and (ch.lemma_.lower() in failure or ch.lower_ in failure) for ch in verb.children)


def _depth(tok: Token) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:
        tok = tok.head
        n += 1
    return n


def _drop_contents(cands: list[Candidate]) -> list[Candidate]:
    """Drop what is only another event's content or frame:

    - a noun that is the object, or the noun of "on/of/about/for", of a trigger of another kind
      ("discuss cooperation"), unless its phrase opens the clause ("On a visit to Beijing, Putin
      praised China": the visit frames the praise); a trigger word that another trigger's
      pattern used ("pay a visit");
    - a verb that only introduces a catalogue noun ("preparing an agreement": the agreement);
    - an infinitive of purpose or a gerund of content under another trigger ("visited
      Kyrgyzstan to discuss ...", "the agreement on establishing a base"), a participle of aim
      ("imposed sanctions, targeting a dozen companies");
    - a noun in the background ("despite criticism by ...").
    """
    by_token = {(c.sentence.index, c.token.i): c for c in cands}
    trigger_words = {c.token.lemma_.lower() for c in cands if c.noun}
    drop: set[int] = set()
    for c in cands:
        tok = c.token
        key = (c.sentence.index,)
        if c.noun:
            head = tok.head
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in lexicon().background_prepositions:
                drop.add(id(c))
                continue
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CONTENT_PREPS and fronted_phrase(head):
                continue  # "On a visit to Beijing, Putin praised China": a frame, not the praise's content
            if tok.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in CONTENT_PREPS:
                head = head.head
            elif tok.dep_ == "dobj" and head.dep_ == "xcomp" and (*key, head.i) not in by_token:
                head = head.head  # "persuade leaders to limit their cooperation": the persuasion's content
            elif tok.dep_ not in ("dobj", "nsubjpass"):
                head = tok
            other = by_token.get((*key, head.i))
            denying = head.lemma_.lower() in lexicon().negating_verbs | lexicon().cancelling_verbs or (
                head.lemma_.lower() == "rule" and any(ch.lower_ == "out" for ch in head.children))
            if other is not None and other is not c and other.kind.name != c.kind.name and not denying:
                light = not other.patterned or tok.dep_ == "nsubjpass"  # "elections will be held": the elections
                if other.trigger is None and light and c.trigger is not None and tok.dep_ in ("dobj", "nsubjpass") and tok.head.i == other.token.i:
                    drop.add(id(other))  # "preparing an agreement": the agreement is the event
                elif other.kind.reporting and not other.noun and tok.dep_ == "dobj" and tok.head.i == other.token.i:
                    drop.add(id(other))  # "announced sanctions": the sanctions are the news
                else:
                    drop.add(id(c))
        else:
            head = tok.head
            if tok.dep_ in ("advcl", "xcomp") and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children):
                if tok.dep_ == "xcomp" and _unresolved_attempt(head):
                    drop.add(id(c))  # "has been trying to forge an alliance": the aim, not an event
                    continue
                other = by_token.get((*key, head.i))
                if other is not None and other is not c:
                    planning = head.lemma_.lower() in lexicon().planning_verbs | lexicon().attempt_verbs and other.trigger is None
                    expressing = c.kind.plover == "PROTEST" and tok.dep_ == "advcl" and other.trigger is None
                    drop.add(id(other) if planning or expressing else id(c))  # "preparing to station": the stationing; "blocked highways to protest": the protest
            aim = tok.tag_ == "VBG" and tok.dep_ in ("advcl", "acl") and tok.lemma_.lower() in lexicon().aim_verbs and not any(ch.dep_ in ("nsubj", "nsubjpass") for ch in tok.children)
            other = by_token.get((*key, head.i))
            if aim and other is not None and other is not c and other.kind.name != c.kind.name:
                drop.add(id(c))  # "imposed sanctions, targeting a dozen companies": the sanctions' aim
                continue
            infinitive = tok.dep_ in ("acl", "relcl") and any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in tok.children)
            if infinitive and head.pos_ in NOUN_POS and (head.lemma_.lower() in trigger_words or head.lower_ not in lexicon().intention_nouns):
                drop.add(id(c))  # "a request from Sweden to extradite", "a pleasant place to visit"
            if tok.dep_ == "pcomp" and head.dep_ == "prep" and head.lower_ in CONTENT_PREPS:
                other = by_token.get((*key, head.head.i))
                if other is not None and other is not c:
                    drop.add(id(c))
        for other_tok in c.trigger_tokens[1:]:
            other = by_token.get((*key, other_tok.i))
            if other is not None and other is not c:
                drop.add(id(other))
    return [c for c in cands if id(c) not in drop]
