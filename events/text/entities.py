"""The entities stage: spaCy's named entities and the agent nouns of each sentence, joined with
the gazetteer (countries, capitals, cities, organizations) and PETRARCH2's Phoenix actor
dictionaries (people with dated roles, international bodies, armed groups, agents).

A person's role is resolved at the document's date: "Igor Ivanov" in March 2003 is ``RUSGOV``.
A capital stands for its state's government; a city is a place, never a state. Short and long
names of one person are one actor ("Kohl" after "Helmut Kohl"). Numbers are never entities.
A name the model cut short is widened to the dictionary's ("Boko Haram"), a known organization
takes its dictionary code ("Pentagon": USAMIL), a title's possessive gives a person's country
("Argentina's President Javier Milei"), and a state the model missed is found in the gazetteer.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

import attrs

from events.model import STATE_KINDS, Entity
from events.text.gazetteer import Entry, gazetteer
from events.text.parse import Sentence
from events.text.tables import actors, agents

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

__all__ = ["DATELINE", "MAX_WIDEN", "NAMED", "People", "find_entities"]

DATELINE = re.compile(
    r"(?:(?P<caps>[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*)|[A-Z][a-z]+(?: [A-Z][a-z]+)*)(?:, [A-Z][A-Za-z.' -]{1,30})?"
    r"(?P<date>,? (?:\d{1,2} [A-Z][a-z]+\.?|[A-Z][a-z]+\.? \d{1,2}),? \d{4})?"
    r"\s*(?P<agency>\([^()\n]{1,30}\))?\s*(?:--|—|–|-)\s+"
)
NAMED = frozenset({"GPE", "NORP", "LOC", "ORG", "PERSON", "FAC"})
MAX_WIDEN = 3


@attrs.define
class People:
    """The people of one document: full names by surname, with their country and code."""

    by_surname: dict[str, tuple[str, str | None, str | None]] = attrs.field(factory=dict)

    def resolve(self, name: str, country: str | None, code: str | None) -> tuple[str, str | None, str | None]:
        words = name.split()
        surname = words[-1].lower()
        known = self.by_surname.get(surname)
        if known is not None and (len(words) == 1 or known[0].endswith(name) or name.endswith(known[0])):
            full = known[0] if len(known[0]) >= len(name) else name
            merged = (full, known[1] or country, known[2] or code)
            self.by_surname[surname] = merged
            return merged
        self.by_surname[surname] = (name, country, code)
        return name, country, code


def find_entities(sentences: Iterable[Sentence], dct: dt.date | None) -> list[list[Entity]]:
    """The entities of each sentence, in order."""
    people = People()
    return [_sentence_entities(s, dct, people) for s in sentences]


def _clean(span: Span) -> tuple[int, int]:
    i, j = span.start, span.end
    doc = span.doc
    while i < j and doc[i].lower_ in ("the", "a", "an"):
        i += 1
    while j > i and (doc[j - 1].tag_ == "POS" or doc[j - 1].is_punct):
        j -= 1
    return i, j


def _longer_name(sent: Sentence, i: int, j: int) -> tuple[int, int]:
    """The entity widened over the proper nouns before it when together they are a name the
    gazetteer or the actor dictionaries know ("Boko Haram" where the model saw only "Haram")."""
    doc = sent.span.doc
    for k in range(min(MAX_WIDEN, i - sent.span.start), 0, -1):
        words = doc[i - k : i]
        if all(t.pos_ == "PROPN" and not t.ent_type_ and t.lower_ not in gazetteer().title_words for t in words):
            text = doc[i - k : j].text
            if gazetteer().entry(text) is not None or actors().get(text.lower()) is not None:
                return i - k, j
    return i, j


def _untagged_states(sent: Sentence, taken: set[int]) -> list[tuple[int, int, Entry]]:
    """Countries and capitals the model tagged as no entity ("Neighboring Uzbekistan received"):
    runs of proper nouns that are a state's name in the gazetteer, the longest first."""
    doc = sent.span.doc
    out: list[tuple[int, int, Entry]] = []
    i = sent.span.start
    while i < sent.span.end:
        hit = None
        if doc[i].pos_ == "PROPN" and i not in taken:
            for j in range(min(i + MAX_WIDEN, sent.span.end), i, -1):
                if all(t.pos_ == "PROPN" and t.i not in taken for t in doc[i:j]):
                    entry = gazetteer().entry(doc[i:j].text)
                    if entry is not None and entry.kind in ("country", "capital"):
                        hit = (i, j, entry)
                        break
        if hit is not None:
            out.append(hit)
            i = hit[1]
        else:
            i += 1
    return out


def _untagged_people(sent: Sentence, taken: set[int], people: People) -> list[int]:
    """A surname alone of a person named before, which the model tagged as no one ("Rishi Sunak
    visited Kyiv. Sunak met Zelenskiy")."""
    doc = sent.span.doc
    out = []
    for tok in sent.span:
        alone = not (tok.i > sent.span.start and doc[tok.i - 1].pos_ == "PROPN") and not (tok.i + 1 < sent.span.end and doc[tok.i + 1].pos_ == "PROPN")
        if tok.pos_ == "PROPN" and tok.i not in taken and alone and tok.lower_ in people.by_surname:
            out.append(tok.i)
    return out


def _sentence_entities(sent: Sentence, dct: dt.date | None, people: People) -> list[Entity]:
    out: list[Entity] = []
    taken: set[int] = set()
    dateline = DATELINE.match(sent.text)
    skip_before = sent.span.start_char + dateline.end() if dateline is not None and (dateline.group("agency") or dateline.group("date") or dateline.group("caps")) else -1
    for ent in sent.span.ents:
        if ent.label_ not in NAMED or ent.start_char < skip_before:  # "MOSCOW, March 18 (AP) --": where and who wrote, not who acted
            continue
        i, j = _longer_name(sent, *_clean(ent))
        if j <= i:
            continue
        entity = _named(sent, i, j, ent.label_, dct, people)
        if entity is not None:
            out.append(entity)
            taken.update(range(i, j))
    for i, j, entry in _untagged_states(sent, taken | {t.i for t in sent.span if t.idx < skip_before}):
        out.append(_from_entry(sent, i, j, entry, dct))
        taken.update(range(i, j))
    for i in _untagged_people(sent, taken, people):
        out.append(_person(sent, i, i + 1, dct, people))
        taken.add(i)
    for tok in sent.span:
        if tok.i in taken or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        out.extend(_agent(sent, tok, out, dct))
    out.sort(key=lambda e: (e.i, e.j))
    return out


def _entity(sent: Sentence, i: int, j: int, kind: str, name: str, country: str | None = None,
            cameo: str | None = None, entry: Entry | None = None) -> Entity:  # fmt: skip
    doc = sent.span.doc
    start, end = sent.chars(doc[i], doc[j - 1])
    return Entity(i, j, start, end, doc[i:j].text, kind, name, country,
                  entry.latitude if entry else None, entry.longitude if entry else None, cameo, sent.index)  # fmt: skip


def _named(sent: Sentence, i: int, j: int, label: str, dct: dt.date | None, people: People) -> Entity | None:
    doc = sent.span.doc
    text = doc[i:j].text
    if not any(c.isalpha() for c in text):
        return None
    gaz = gazetteer()
    entry = gaz.entry(text)
    if label == "PERSON":
        if entry is not None and entry.kind in ("country", "capital", "demonym", "org", "group"):
            return _from_entry(sent, i, j, entry, dct)
        return _person(sent, i, j, dct, people)
    if entry is not None:
        return _from_entry(sent, i, j, entry, dct)
    found = actors().get(text.lower())
    code = found.code_at(dct) if found is not None else None
    if found is not None and code:
        country = _country_of_code(code)
        kind = {"international": "org", "nonstate": "group"}.get(found.dictionary, "org" if label == "ORG" else "country")
        if kind == "country" and label not in ("GPE", "NORP"):
            kind = "org"
        return _entity(sent, i, j, kind, text, country, code)
    if label == "ORG":
        return _entity(sent, i, j, "org", text, _country_in(doc[i:j]), None)
    if label == "NORP":
        return None  # "Tajik" with no country in the gazetteer: a people, not an actor
    return _entity(sent, i, j, "name", text)


def _from_entry(sent: Sentence, i: int, j: int, entry: Entry, dct: dt.date | None) -> Entity:
    code = entry.country
    if entry.kind == "capital" and code:
        code = code + "GOV"
    elif entry.kind in ("org", "group"):  # "Boko Haram" is NGAREB, "the Pentagon" USAMIL
        found = actors().get(sent.span.doc[i:j].text.lower()) or actors().get(entry.name.lower())
        code = (found.code_at(dct) if found is not None else None) or code
    return _entity(sent, i, j, entry.kind, entry.name, entry.country, code, entry)


def _country_of_code(code: str) -> str | None:
    head = code[:3]
    if head.isalpha() and head.isupper() and gazetteer().country_name(head) is not None:
        return head
    return None


def _country_in(tokens: Iterable[Token]) -> str | None:
    """A country named by a word of a name ("Russian Air Force", "the Tajik parliament")."""
    gaz = gazetteer()
    for tok in tokens:
        entry = gaz.entry(tok.text)
        if entry is not None and entry.kind in STATE_KINDS and entry.country:
            return entry.country
    return None


def _person(sent: Sentence, i: int, j: int, dct: dt.date | None, people: People) -> Entity:
    doc = sent.span.doc
    name = doc[i:j].text
    found = actors().get(name.lower())
    code = found.code_at(dct) if found is not None else None
    country = _country_of_code(code) if code else None
    if country is None:
        country = _country_of_context(doc[j - 1])
    full, country, code = people.resolve(name, country, code)
    if code is None and country is not None:
        code = country
    return _entity(sent, i, j, "person", full, country, code)


def _country_of_context(head: Token) -> str | None:
    """The country of a person from the words of the noun phrase and an apposition:
    "Russian Foreign Minister Igor Ivanov", "Nasriddinov, the deputy foreign minister of Tajikistan"."""
    phrase = head
    while phrase.dep_ == "compound" and phrase.head.i > phrase.i:
        phrase = phrase.head
    near = [t for t in phrase.children if t.dep_ in ("compound", "amod", "poss", "nmod") and t.i < head.i]
    near += [t for c in near for t in c.children if t.dep_ in ("compound", "amod", "poss")]  # "Argentina's President Javier Milei"
    found = _country_in(near)
    if found:
        return found
    for appos in (c for c in phrase.children if c.dep_ == "appos"):
        found = _country_in(t for t in appos.subtree if t.i - appos.i < 12)
        if found:
            return found
    if phrase.dep_ == "appos":
        return _country_in(t for t in phrase.head.subtree if abs(t.i - phrase.head.i) < 6 and t.i < phrase.i)
    return None


def _agent(sent: Sentence, tok: Token, named: list[Entity], dct: dt.date | None) -> list[Entity]:
    """Agent nouns ("police", "rebels") and bodies ("parliaments"), with the countries that
    modify them ("Serbian police", "the Russian and Tajik parliaments", "Russia's army")."""
    lemma = tok.lemma_.lower()
    compound = next((c for c in tok.children if c.dep_ == "compound" and c.i == tok.i - 1), None)
    two = f"{compound.lower_} {lemma}" if compound is not None else None
    gaz = gazetteer()
    body = gaz.body((compound.lower_, lemma) if compound is not None else ("",)) or gaz.body((lemma,)) or gaz.body((tok.lower_,))
    code = agents().get(two) if two else None
    code = code or agents().get(lemma) or agents().get(tok.lower_)
    if body is None and code is None:
        return []
    if tok.ent_type_ and tok.ent_type_ not in NAMED:
        return []
    countries = _modifier_countries(tok, named)
    kind = "body" if body is not None else "agent"
    first = compound.i if compound is not None and (two and (agents().get(two) or gaz.body((compound.lower_, lemma)))) else tok.i
    if not countries:
        return [_entity(sent, first, tok.i + 1, kind, tok.doc[first : tok.i + 1].text, None, code)]
    return [_entity(sent, first, tok.i + 1, kind, tok.doc[first : tok.i + 1].text, c, c + (code or "")) for c in countries]


def _modifier_countries(tok: Token, named: list[Entity]) -> list[str]:
    gaz = gazetteer()
    out: list[str] = []
    mods = [c for c in tok.children if c.dep_ in ("amod", "compound", "poss", "nmod")]
    mods += [c for m in mods for c in m.children if c.dep_ == "conj"]
    mods += [p.children.__next__() for p in tok.children if p.dep_ == "prep" and p.lower_ == "of" and any(True for _ in p.children)]
    for m in mods:
        hit = next((e for e in named if e.i <= m.i < e.j and e.country and e.kind in (*STATE_KINDS, "org")), None)
        country = hit.country if hit is not None else None
        if country is None:
            entry = gaz.entry(m.text)
            country = entry.country if entry is not None and entry.kind in STATE_KINDS else None
        if country and country not in out:
            out.append(country)
    return out
