"""``read(text, dct=None, doc_id=None) -> Document``: the stages, top to bottom.

1. the report's body (``body``), the document date (argument, else the dateline);
2. sentences, tokens with lemmas, clauses (``sentences``);
3. entities (``entities``) and temporal expressions (``timexes``: ``timeline.tag``);
4. triggers in each clause (``triggers``); one candidate event per kind and clause, later
   triggers in a clause read as the first one's content ("visited Kyrgyzstan to discuss
   cooperation") unless a temporal relation introduces them ("signed during his trip");
5. for each candidate: status (``status``), actors and places (``arguments``), quantities
   (``quantities``), its clause's temporal expression or relation (``timing``);
6. coreference (``coref``): mentions of one event become one ``Event``;
7. times: expression, else relation to another event, else tense against the document date.
"""

from __future__ import annotations

import bisect
import collections
import datetime as dt
import re
from collections.abc import Sequence

import attrs

from events.document import Document
from events.errors import DocumentDateError
from events.kinds import Kind
from events.model import Actor, ActorKind, Event, Mention, Place, Quantity, Role, Status
from events.text import coref
from events.text.arguments import (
    actor_of,
    clause_arguments,
    state_actor,
)
from events.text.body import body_span
from events.text.entities import Entity, PersonRegistry, find_entities
from events.text.lexicon import lexicon, words
from events.text.quantities import find_quantities
from events.text.sentences import Token, clause_bounds, sentence_spans, tokenize
from events.text.status import status_of, tense_of
from events.text.timexes import dct_span, document_date, tag
from events.text.timing import is_after, is_before, related_span, span_of_timeref, tense_span
from events.text.triggers import PREPOSITIONS_BEFORE_NOUN, TriggerMatch, trigger_index
from timeline import Timex
from timeline.span import Span

MAX_SENTENCE_TOKENS = 400
HISTORY = 200  # entities remembered for pronouns and "the two countries"  # longer "sentences" (tables, lists) are read in pieces


@attrs.define
class Sentence:
    """A sentence with what was found in it."""

    index: int
    start: int
    end: int
    tokens: list[Token]
    clauses: list[tuple[int, int]]
    entities: list[Entity]
    quoted: list[bool]
    text: str

    @property
    def base(self) -> int:
        return self.tokens[0].i if self.tokens else 0

    def clause_of(self, local: int) -> int:
        for k, (a, b) in enumerate(self.clauses):
            if a <= local < b:
                return k
        return len(self.clauses) - 1


@attrs.define
class Candidate:
    """One mention of an event, before coreference."""

    kind: Kind
    match: TriggerMatch
    sentence: Sentence
    clause: int
    status: Status
    actors: list[Actor]
    places: list[Place]
    quantities: list[Quantity]
    timeref: Timex | None
    mention: Mention
    definite: bool
    plover: str | None
    mode: str | None
    cameo: str | None
    relation: tuple[str, int] | None = None  # ("during", index of the anchor candidate)
    relation_start: int | None = None  # local token where the relation phrase starts
    cluster: int = -1
    intent: bool = False  # "vowed to wage war on Thursday": the date is the vow's, the war still to come

    @property
    def persons(self) -> set[str]:
        return {a.name for a in self.actors if a.kind is ActorKind.PERSON}


# ------------------------------------------------------------------------------ public

def read(text: str, dct: Span | dt.date | str | None = None, doc_id: str | None = None) -> Document:
    """Read the events of a news text: a ``Document`` with events, timexes, entities, dct, body.

    ``dct`` is the document date (a ``timeline.Span``, a ``datetime.date`` or "YYYY-MM-DD");
    without one, the dateline's date is used when the text has one. Never raises on odd text:
    empty, dateless or eventless texts give a ``Document`` with no events.
    """
    if not isinstance(text, str):
        raise TypeError(f"read() needs the text as a str, not {type(text).__name__}")
    if dct is not None:
        dct_value = dct_span(dct)
        if dct_value is None:
            raise DocumentDateError(f"{dct!r} is not a document date: expected a Span, a date or 'YYYY-MM-DD'")
    else:
        dct_value = document_date(text)
    body = body_span(text)
    if body[1] <= body[0]:
        return Document(text=text, dct=dct_value, body=body, doc_id=doc_id)
    timexes = tag(text, dct_value, body[0], body[1])
    sentences = _sentences(text, body)
    candidates = _candidates(sentences, timexes, dct_value)
    clusters = coref.cluster(candidates)
    events, unrealized, relations = _events(candidates, clusters, dct_value, doc_id)
    entities = tuple(e for s in sentences for e in s.entities)
    return Document(text=text, events=tuple(events), timexes=tuple(timexes), entities=entities, dct=dct_value,
                    body=body, doc_id=doc_id, unrealized=tuple(unrealized), relations=tuple(relations))  # fmt: skip


# ------------------------------------------------------------------------------ sentences

def _sentences(text: str, body: tuple[int, int]) -> list[Sentence]:
    people = PersonRegistry()
    sentences: list[Sentence] = []
    token_index = 0
    quote_open = False
    last_end = body[0]
    for start, end in sentence_spans(text, body[0], body[1]):
        if "\n\n" in text[last_end:start] or ("\n" in text[last_end:start] and quote_open and text[start:start + 1] not in "\"“"):
            quote_open = False  # quotations do not run across paragraphs unless reopened
        last_end = end
        dateline = _DATELINE.match(text, start, end)
        if dateline is not None and (dateline.group("agency") or dateline.group("date") or dateline.group("caps")):
            start = dateline.end()  # "KABUL, Afghanistan (AP) -": where and who, not what
        for piece_start, piece_end in _pieces(text, start, end):
            tokens = tokenize(text[piece_start:piece_end], piece_start)
            for t in tokens:
                t.i += token_index
            token_index += len(tokens)
            if not tokens:
                continue
            quoted = []
            for t in tokens:
                if t.text in ('"', "“", "”"):
                    quote_open = t.text == "“" or (t.text == '"' and not quote_open)
                    quoted.append(False)
                else:
                    quoted.append(quote_open)
            entities = find_entities(tokens, people)
            sentences.append(Sentence(len(sentences), piece_start, piece_end, tokens, clause_bounds(tokens),
                                      entities, quoted, text[piece_start:piece_end]))  # fmt: skip
    return sentences


_DATELINE = re.compile(
    r"(?:(?P<caps>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)|[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?:, [A-Z][A-Za-z.' -]{1,30})?"
    r"(?P<date>,? (?:\d{1,2} [A-Z][a-z]+\.?|[A-Z][a-z]+\.? \d{1,2}),? \d{4})?"
    r"\s*(?P<agency>\([^()\n]{1,30}\))?\s*(?:--|—|–|-)\s+"
)


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A very long sentence cut at commas or spaces, so no piece has too many tokens."""
    if end - start <= MAX_SENTENCE_TOKENS * 4:
        return [(start, end)]
    out = []
    while end - start > MAX_SENTENCE_TOKENS * 4:
        cut = text.rfind(",", start, start + MAX_SENTENCE_TOKENS * 4)
        if cut <= start:
            cut = text.rfind(" ", start, start + MAX_SENTENCE_TOKENS * 4)
        if cut <= start:
            cut = start + MAX_SENTENCE_TOKENS * 4
        out.append((start, cut + 1))
        start = cut + 1
    out.append((start, end))
    return out


# ------------------------------------------------------------------------------ candidates

def _relation_before(lowers: Sequence[str], k: int) -> tuple[str, int] | None:
    """A temporal relation phrase ending right before token ``k`` (allowing a determiner)."""
    relations: dict[str, str] = lexicon()["temporal_relations"]
    for skip in (0, 1, 2):
        end = k - skip
        for n in (4, 3, 2, 1):
            if end - n < 0:
                continue
            phrase = " ".join(lowers[end - n : end])
            if phrase in relations and phrase != "at":
                between = lowers[end:k]
                if all(w in words("relation_gap_words") or w[:1].isupper() for w in between):
                    return relations[phrase], end - n
    return None


def _candidates(sentences: list[Sentence], timexes: list[Timex], dct: Span | None) -> list[Candidate]:
    index = trigger_index()
    state = _DocState()
    out: list[Candidate] = []
    timexes = sorted(timexes, key=lambda r: r.start)
    starts = [r.start for r in timexes]
    for sent in sentences:
        tokens = sent.tokens
        lowers = [t.lower for t in tokens]
        base = sent.base
        blocked = frozenset(k for e in sent.entities if e.kind != "demonym" for k in range(e.i - base, e.j - base))
        matches = index.find(tokens, blocked)
        sent_timexes = timexes[bisect.bisect_left(starts, sent.start) : bisect.bisect_left(starts, sent.end)]
        token_starts = [t.start for t in tokens]
        timex_tokens = {k for r in sent_timexes for k in range(bisect.bisect_left(token_starts, r.start), bisect.bisect_left(token_starts, r.end))}
        matches = [m for m in matches if not set(m.positions) & timex_tokens]
        by_clause: dict[int, list[TriggerMatch]] = {}
        for m in matches:
            by_clause.setdefault(sent.clause_of(m.first), []).append(m)
        first_in_sentence = len(out)
        for clause_no in sorted(by_clause):
            kept: list[tuple[TriggerMatch, list[TriggerMatch], tuple[str, int] | None]] = []
            absorbed: list[TriggerMatch] = []
            for m in by_clause[clause_no]:
                if m.kind.reporting and _attribution(sent, clause_no):
                    continue
                relation = _relation_before(lowers, m.first) if m.noun else None
                same = next((k for k in kept if k[0].kind.name == m.kind.name and relation is None and k[2] is None), None)
                if same is not None:
                    same[1].append(m)
                    continue
                if kept and relation is None and not _independent(m, kept[0][0], lowers):
                    absorbed.append(m)
                    continue  # the content of the first event ("visited Kyrgyzstan to discuss cooperation")
                if m.noun and m.first > 0 and lowers[m.first - 1] in PREPOSITIONS_BEFORE_NOUN and relation is None and kept:
                    absorbed.append(m)
                    continue
                if m.noun and _backgrounded(lowers, m.first):
                    continue  # "despite criticism by ...": background, not the news
                if not m.noun and m.first > 0 and lowers[m.first - 1] in PREPOSITIONS_BEFORE_NOUN and tokens[m.first].lower.endswith("ing"):
                    absorbed.append(m)
                    continue  # "the agreement on establishing a base": the content, not an event
                kept.append((m, [m], relation))
            for head, group, relation in kept:
                later = [tokens[a.first].start for a in absorbed if a.first > _head(group).last and not a.noun]
                barrier = min(later) if later else None  # "accused Yerevan of violating the accord signed in 2020"
                out.extend(_make_candidates(sent, clause_no, head, group, relation, sent_timexes, state, dct, barrier))
        _link_relations(out, first_in_sentence)
        state.after_sentence(sent)
    return out


def _attribution(sent: Sentence, clause_no: int) -> bool:
    """'..., the Pentagon announced.': the last clause, after a comma or quotation, names the source."""
    if clause_no == 0 or clause_no != len(sent.clauses) - 1:
        return False
    a, b = sent.clauses[clause_no]
    before = sent.tokens[a - 1].lower if a > 0 else ""
    return before in (",", '"', "”") and b - a <= 10


def _backgrounded(lowers: Sequence[str], k: int) -> bool:
    before = " ".join(lowers[max(0, k - 4) : k])
    return any(re.search(rf"(?:^| ){re.escape(p)}(?: \S+){{0,2}}$", before) for p in lexicon()["background_prepositions"])


def _independent(m: TriggerMatch, main: TriggerMatch, lowers: Sequence[str]) -> bool:
    """Whether a later trigger in a clause is an event of its own (not the first one's content)."""
    if m.first < main.first:
        return True
    if m.noun:
        return False
    k = m.first - 1
    while k > main.last and lowers[k] in words("adverbs_between_clauses"):
        k -= 1
    return (main.noun and lowers[m.first - 1] != "to") or lowers[k] in ("and", "then")


def _head(group: list[TriggerMatch]) -> TriggerMatch:
    """The verb of a clause's triggers of one kind, else the first noun."""
    return next((m for m in group if not m.noun), group[0])


def _make_candidates(sent: Sentence, clause_no: int, first: TriggerMatch, group: list[TriggerMatch],
                     relation: tuple[str, int] | None, sent_timexes: list[Timex], state: _DocState,
                     dct: Span | None, barrier: int | None = None) -> list[Candidate]:  # fmt: skip
    tokens = sent.tokens
    lowers = [t.lower for t in tokens]
    head = _head(group)
    kind = head.kind
    clause = sent.clauses[clause_no]
    trigger = head.trigger
    c_start = tokens[clause[0]].start
    c_end = tokens[clause[1] - 1].end
    clause_timexes = [r for r in sent_timexes if c_start <= r.start < c_end and (barrier is None or r.start < barrier)]
    timeref = _clause_timex(clause_timexes, tokens, head, clause) or _fronted_timex(sent, clause_no, sent_timexes)
    status = status_of(tokens, clause[0], head.first, head.noun, trigger.status, _reported(sent, clause_no))
    if head.noun and status in (Status.OCCURRED, Status.PLANNED, Status.ONGOING) and not trigger.status:
        status = _noun_status(sent, clause_no, head, tokens, timeref, dct)
    args = clause_arguments(sent.entities, lowers, sent.base, clause, (min(m.first for m in group), max(m.last for m in group)),
                            trigger.subject, sent.text, kind.name)  # fmt: skip
    _resolve_missing_agent(args, sent, clause_no, head, state, kind.name)
    if kind.domestic and not any(a.country for a in args.actors):
        country = next((p.country for p in args.places if p.country), None) or state.focus_country()
        if country is not None:
            args.add_actor(state_actor(country, Role.AGENT))
    determiners = words("definite_determiners")
    definite = any(m.noun and determiners.intersection(lowers[max(0, m.first - 2) : m.first]) for m in group)
    quantities = [(a, b, attrs.evolve(q, mention=Mention(a, b, sent.text[a - sent.start : b - sent.start], sent.text)))
                  for a, b, q in find_quantities(sent.text[c_start - sent.start : c_end - sent.start], c_start)]  # fmt: skip
    mention = _mention(sent, (relation[1], clause[1]) if relation is not None else clause, group)
    base = Candidate(kind=kind, match=head, sentence=sent, clause=clause_no, status=status, actors=list(args.actors),
                     places=list(args.places), quantities=[q for _, _, q in quantities], timeref=timeref,
                     mention=mention, definite=definite, plover=trigger.plover or kind.plover,
                     mode=trigger.mode or kind.mode, cameo=trigger.cameo or kind.cameo)  # fmt: skip
    if status is Status.PLANNED:
        window = tokens[max(clause[0], head.first - 5) : head.first]
        base.intent = any(t.lemmas & words("planning_verbs") for t in window)
    if relation is not None:
        base.relation = (relation[0], -1)
        base.relation_start = relation[1]
    dated = [r for r in clause_timexes if r.type == "DATE" and re.fullmatch(r"-?\d{4}(-\d\d)?(-\d\d)?", r.value)]
    money = [(a, b, q) for a, b, q in quantities if q.unit and q.unit.isupper()]
    if len(money) >= 2 and len(dated) >= 2:
        split = _split_by_date(base, money, dated, sent)
        if split:
            return split
    state.note(base)
    return [base]


def _split_by_date(base: Candidate, money: list[tuple[int, int, Quantity]], dated: list[Timex], sent: Sentence) -> list[Candidate]:
    """'from $40 million in 2001 to more than $70 million in 2002': one event per amount and date."""
    out = []
    for a, b, q in money:
        ref = next((r for r in dated if 0 <= r.start - b <= 6), None)
        if ref is None:
            return []
        text = sent.text[a - sent.start : ref.end - sent.start]
        mention = Mention(a, ref.end, text, sent.text, base.mention.trigger)
        out.append(attrs.evolve(base, quantities=[q], timeref=ref, mention=mention))
    return out


def _reported(sent: Sentence, clause_no: int) -> bool:
    """Whether the clause follows a reporting verb ("Gates said [the U.S. would begin ...]")."""
    if clause_no == 0:
        return False
    a, _ = sent.clauses[clause_no]
    reporting = words("complement_verbs")
    return any(t.lemmas & reporting for t in sent.tokens[max(0, a - 3) : a])


def _noun_status(sent: Sentence, clause_no: int, head: TriggerMatch, tokens: Sequence[Token],
                 timeref: Timex | None, dct: Span | None) -> Status:  # fmt: skip
    """A noun's status: "upcoming"; its date ("the 1999 agreement"); its clause's tense; the sentence's."""
    if any(t.lower in words("planned_noun_modifiers") for t in tokens[max(0, head.first - 3) : head.first]):
        return Status.PLANNED
    if timeref is not None:
        span = span_of_timeref(timeref, dct)
        if span is not None and is_before(span, dct):
            return Status.OCCURRED
        if span is not None and is_after(span, dct):
            return Status.PLANNED
    a, b = sent.clauses[clause_no]
    found = tense_of(tokens, a, b)
    if found is None:
        found = tense_of(tokens, 0, len(tokens))
    return found or Status.OCCURRED


def _clause_timex(refs: list[Timex], tokens: Sequence[Token], head: TriggerMatch, clause: tuple[int, int]) -> Timex | None:
    if not refs:
        return None
    head_start = tokens[head.first].start
    head_end = tokens[head.last].end
    after = [r for r in refs if r.start >= head_end]
    before = [r for r in refs if r.end <= head_start]
    if after:
        return min(after, key=lambda r: r.start - head_end)
    if before:
        return max(before, key=lambda r: r.end)
    return refs[0]


def _fronted_timex(sent: Sentence, clause_no: int, refs: list[Timex]) -> Timex | None:
    """'During the last year, Tajikistan has received ...': a leading phrase that only dates."""
    if clause_no == 0 or not refs:
        return None
    a, b = sent.clauses[0]
    tokens = sent.tokens
    if b - a > 8 or tokens[b - 1].lower != ",":
        return None
    start, end = tokens[a].start, tokens[b - 1].end
    inside = [r for r in refs if start <= r.start < end]
    return inside[0] if inside else None


def _mention(sent: Sentence, clause: tuple[int, int], group: list[TriggerMatch]) -> Mention:
    tokens = sent.tokens
    a, b = clause
    while a < b - 1 and tokens[a].lower in _MENTION_LEADING:
        a += 1
    if b - a > 3 and [t.lower for t in tokens[a : a + 3]] == ["as", "well", "as"]:
        a += 3
    while b - 1 > a and tokens[b - 1].lower in _MENTION_TRAILING:
        b -= 1
    start, end = tokens[a].start, tokens[b - 1].end
    trigger = " ".join(tokens[p].text for m in group[:1] for p in m.positions)
    return Mention(start, end, sent.text[start - sent.start : end - sent.start], sent.text, trigger)


_MENTION_LEADING = frozenset({",", '"', "“", "”", "-", "--", "—", "and", "but", "or", "so", "that", "while", "(", ";", ":"})
_MENTION_TRAILING = frozenset({",", ".", '"', "“", "”", ";", ":", "-", "—", "?", "!", ")", "and", "but", "or"})


def _link_relations(cands: list[Candidate], first: int) -> None:
    """Give events 'during/after/before X' their anchor X (a candidate of the same sentence)."""
    sentence_cands = cands[first:]
    for k, anchor in enumerate(sentence_cands):
        if anchor.relation is None:
            continue
        rel = anchor.relation[0]
        anchor.relation = None
        governed = [c for c in sentence_cands if c is not anchor and c.relation is None and c.clause == anchor.clause
                    and c.match.first < anchor.match.first]  # fmt: skip
        if not governed and anchor.clause == 0:
            governed = [c for c in sentence_cands if c.clause > 0 and c.relation is None][:1]
        for c in governed:
            if c.timeref is None or (anchor.timeref is not None and c.timeref == anchor.timeref):
                c.timeref = None
                c.relation = (rel, first + k)


# ------------------------------------------------------------------------------ agents

@attrs.define
class _DocState:
    """What earlier sentences said: the entities in order, the last agents of each kind."""

    history: list[tuple[Entity, bool]] = attrs.field(factory=list)  # (entity, quoted), the last HISTORY
    last_agents: dict[str, list[Actor]] = attrs.field(factory=dict)

    def after_sentence(self, sent: Sentence) -> None:
        base = sent.base
        for e in sent.entities:
            self.history.append((e, sent.quoted[e.i - base] if 0 <= e.i - base < len(sent.quoted) else False))
        if len(self.history) > 2 * HISTORY:
            del self.history[:-HISTORY]

    def note(self, cand: Candidate) -> None:
        agents = [a for a in cand.actors if a.role is Role.AGENT]
        if agents:
            self.last_agents[cand.kind.name] = agents

    def last_person(self) -> Entity | None:
        return next((e for e, _ in reversed(self.history) if e.kind == "person"), None)

    def focus_country(self, recent: int = 40) -> str | None:
        """The country the last entities named most often: what the story is about."""
        counts = collections.Counter(e.country for e, _ in self.history[-recent:] if e.country and e.kind != "person")
        return counts.most_common(1)[0][0] if counts else None

    def last_states(self, n: int, exclude: set[str] = frozenset()) -> list[Entity]:  # type: ignore[assignment]
        out: list[Entity] = []
        for e, _ in reversed(self.history):
            if e.country and e.kind in ("country", "capital", "demonym", "body", "person") and e.country not in exclude and e.country not in {x.country for x in out}:
                out.append(e)
                if len(out) == n:
                    break
        return out


def _resolve_missing_agent(args: object, sent: Sentence, clause_no: int, head: TriggerMatch, state: _DocState, kind: str) -> None:
    from events.text.arguments import Arguments

    assert isinstance(args, Arguments)
    tokens = sent.tokens
    lowers = [t.lower for t in tokens]
    base = sent.base
    a, b = sent.clauses[clause_no]
    window = range(a, min(b, head.last + 4))
    for k in window:
        w = lowers[k]
        if w in words("personal_pronouns"):
            person = _person_for_pronoun(sent, clause_no, state)
            actor = actor_of(person, Role.AGENT, sent.text) if person is not None else None
            if actor is not None:
                args.add_actor(attrs.evolve(actor, mention=Mention(tokens[k].start, tokens[k].end, tokens[k].text, sent.text)))
        elif w in words("first_plural_pronouns") and sent.quoted[k]:
            speaker = _speaker(sent, state)
            if speaker is not None and speaker.country:
                args.add_actor(state_actor(speaker.country, Role.AGENT, Mention(tokens[k].start, tokens[k].end, tokens[k].text, sent.text)))
        elif w in words("neuter_pronouns") and k <= head.first and not args.agents:
            found = state.last_states(1) or [e for e in sent.entities if e.country and e.i - base < k][-1:]
            for e in found:
                args.add_actor(state_actor(e.country, Role.AGENT))  # type: ignore[arg-type]
        elif w in words("pair_nouns") and k > 0 and lowers[k - 1] == "two":
            role = Role.AGENT if k < head.first else Role.RECIPIENT
            have = {x.country for x in args.actors if x.country} if role is Role.RECIPIENT else set()
            for e in state.last_states(2, exclude=have):
                args.add_actor(state_actor(e.country, role))  # type: ignore[arg-type]
        elif w == "country" and k > 0 and lowers[k - 1] == "the":
            have = {x.country for x in args.actors if x.country}
            for e in state.last_states(1, exclude=have):
                args.add_actor(state_actor(e.country, Role.RECIPIENT))  # type: ignore[arg-type]
    if args.agents:
        return
    # a relative clause: its antecedent; a fronted phrase: the main clause's subject
    if lowers[a] in ("who", "which") or (clause_no > 0 and lowers[a] in ("to",)):
        previous = [e for e in sent.entities if e.j - base <= a and e.kind in ("person", "country", "capital", "demonym", "body", "org", "group")]
        people = [e for e in previous if e.kind == "person" and e.j - base >= a - 12]
        if previous:
            args.add_actor(actor_of((people or previous)[-1], Role.AGENT, sent.text))
            return
    if clause_no == 0 and len(sent.clauses) > 1 and lowers[b - 1] == ",":
        later = [e for e in sent.entities if e.i - base >= b and e.kind in ("person", "country", "capital", "demonym", "body", "org", "group")]
        people = [e for e in later if e.kind == "person"]
        pick = people[0] if people else (later[0] if later else None)
        if pick is not None:
            args.add_actor(actor_of(pick, Role.AGENT, sent.text))
            return
    if head.trigger.subject == "recipient" or kind in ("Aid",):
        for actor in state.last_agents.get(kind, []):
            args.add_actor(actor)


def _person_for_pronoun(sent: Sentence, clause_no: int, state: _DocState) -> Entity | None:
    base = sent.base
    a, b = sent.clauses[clause_no]
    if clause_no == 0 and len(sent.clauses) > 1 and sent.tokens[b - 1].lower == ",":
        later = [e for e in sent.entities if e.kind == "person" and e.i - base >= b]
        if later:
            return later[0]
    earlier = [e for e in sent.entities if e.kind == "person" and e.j - base <= a]
    if earlier:
        return earlier[-1]
    return state.last_person()


def _speaker(sent: Sentence, state: _DocState) -> Entity | None:
    base = sent.base
    outside = [e for e in sent.entities if e.kind == "person" and not sent.quoted[e.i - base]]
    if outside:
        return outside[0]
    return next((e for e, quoted in reversed(state.history) if e.kind == "person" and not quoted), None)


# ------------------------------------------------------------------------------ events

BASIS_RANK = {"timex": 3, "relation": 2, "tense": 1, "none": 0}


def _events(cands: list[Candidate], clusters: list[list[int]], dct: Span | None,
            doc_id: str | None) -> tuple[list[Event], list[Event], list[tuple[str, str, str]]]:  # fmt: skip
    times: dict[int, tuple[Span, str, str | None, Status]] = {}
    # first pass: clusters with their own expressions or tense; second and third: relations
    for _ in range(3):
        for n, members in enumerate(clusters):
            times[n] = _cluster_time(members, cands, clusters, times, dct)
    counts: dict[str, int] = {}
    ids: dict[int, str] = {}
    events: list[Event] = []
    unrealized: list[Event] = []
    for n, members in enumerate(clusters):
        span, basis, text, status = times[n]
        group = [cands[k] for k in members]
        head = group[0]
        if _generic(group, basis):
            continue
        counts[head.kind.name] = counts.get(head.kind.name, 0) + 1
        slug = f"{head.kind.name.lower()}-{counts[head.kind.name]}"
        plover = head.plover
        if status is Status.PLANNED and head.kind.planned_plover:
            plover = head.kind.planned_plover
        actors = _unique_actors([a for c in group for a in c.actors])
        places = _unique_by([p for c in group for p in c.places], lambda p: p.name.lower())
        quantities = _unique_by([q for c in group for q in c.quantities], lambda q: (q.value, q.unit))
        mentions = sorted(_unique_by([c.mention for c in group], lambda m: (m.start, m.end)), key=lambda m: m.start)
        confidence = round(min(1.0, 0.5 + 0.2 * bool(actors) + 0.2 * (basis in ("timex", "relation")) + 0.1 * any(not c.match.noun for c in group)), 2)
        event = Event(id=f"{doc_id}:{slug}" if doc_id else slug, kind=head.kind.name, status=status, time=span,
                      actors=actors, places=places, quantities=quantities, mentions=mentions, doc=doc_id,
                      plover=plover if status.real else None, plover_mode=head.mode, cameo=head.cameo,
                      confidence=confidence, time_text=text, time_basis=basis)  # fmt: skip
        (events if status.real else unrealized).append(event)
        ids[n] = event.id
    relations = []
    for n, members in enumerate(clusters):
        for k in members:
            c = cands[k]
            if c.relation is not None and c.relation[1] >= 0 and times[n][1] == "relation":
                anchor = cands[c.relation[1]].cluster
                if anchor != n and anchor in ids:
                    relations.append((ids[n], c.relation[0], ids[anchor]))
    order = lambda e: e.mentions[0].start if e.mentions else 0  # noqa: E731
    return sorted(events, key=order), sorted(unrealized, key=order), _unique_by(relations, lambda r: r)


def _generic(group: list[Candidate], basis: str) -> bool:
    """'Financial assistance is not helping': a noun with no actor, place, date or relation
    names a kind of thing, not an event."""
    return (all(c.match.noun for c in group) and basis in ("tense", "none")
            and not any(c.actors or c.places or c.quantities for c in group))  # fmt: skip


def _cluster_time(members: list[int], cands: list[Candidate], clusters: list[list[int]],
                  known: dict[int, tuple[Span, str, str | None, Status]], dct: Span | None) -> tuple[Span, str, str | None, Status]:  # fmt: skip
    options: list[tuple[int, int, Span, str, str | None, Status]] = []
    for order, k in enumerate(members):
        c = cands[k]
        if c.timeref is not None:
            span = span_of_timeref(c.timeref, dct)
            if span is not None:
                options.append((BASIS_RANK["timex"], -order, span, "timex", c.timeref.text, c.status))
                continue
        if c.relation is not None and c.relation[1] >= 0:
            anchor_cluster = cands[c.relation[1]].cluster
            if anchor_cluster in known and known[anchor_cluster][1] in ("timex", "relation"):
                span = related_span(c.relation[0], known[anchor_cluster][0])
                text = cands[c.relation[1]].mention.text
                options.append((BASIS_RANK["relation"], -order, span, "relation", text, c.status))
                continue
    if options:
        best = max(options, key=lambda o: (o[0], o[1]))
        _, _, span, basis, best_text, status = best
        committed = any(cands[k].match.trigger.status or cands[k].intent for k in members)  # "promised aid": still to come
        if status is Status.OCCURRED and is_after(span, dct):
            status = Status.PLANNED
        if status in (Status.PLANNED, Status.ONGOING) and is_before(span, dct) and basis == "timex" and not committed:
            status = Status.OCCURRED
        return span, basis, best_text, status
    statuses = [cands[k].status for k in members]
    counts = collections.Counter(statuses)
    last = {s: i for i, s in enumerate(statuses)}
    status = max(counts, key=lambda s: (counts[s], last[s]))  # the most said; a tie to the latest
    span = tense_span(status, dct)
    return span, ("tense" if dct is not None else "none"), None, status


def _unique_actors(actors: list[Actor]) -> list[Actor]:
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


def _unique_by(items: list, key) -> list:  # type: ignore[type-arg, no-untyped-def]
    seen = set()
    out = []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return out
