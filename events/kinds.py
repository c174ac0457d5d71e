"""The catalogue of event kinds, each mapped to PLOVER v2 and CAMEO, with its trigger patterns.

The catalogue is data (``events/data/kinds.json``); a ``Catalogue`` holds it with the user's
kinds, and each ``Reader`` has its own (``events.register_kind`` extends the default reader's)::

    events.register_kind("Cyberattack", triggers=["hack", "cyberattack"], plover="ASSAULT")
    events.load_kinds("my_kinds.json")            # a file of the same shape as kinds.json

A trigger pattern's first word is the trigger, matched by lemma; its other words must be found
among the trigger's dependents on the parse (``"pull * out"``: "out" is the particle of "pulled";
``"receive * aid|assistance"``: the object or its prepositional phrase). ``a|b`` is either word,
``=word`` an exact form; ``*`` and ``*N`` only separate the words.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import attrs

from events.errors import KindError, UnknownKindError
from timeline.package_data import load_table

__all__ = [
    "DEFAULT_GAP",
    "PLOVER_CATEGORIES",
    "Catalogue",
    "Kind",
    "PatternToken",
    "Trigger",
    "compile_pattern",
    "make_kind",
    "make_trigger",
    "make_user_kind",
]

PLOVER_CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip

DEFAULT_GAP = 3


@attrs.frozen(slots=True)
class PatternToken:
    """One position of a pattern: the words it accepts, or a gap of up to ``gap`` words."""

    words: frozenset[str] = frozenset()
    exact: bool = False
    gap: int = 0


def compile_pattern(pattern: str) -> tuple[PatternToken, ...]:
    """A pattern string as tokens; ``KindError`` naming the pattern when it cannot be used."""
    tokens: list[PatternToken] = []
    for part in pattern.lower().split():
        gap = re.fullmatch(r"\*(\d*)", part)
        if gap:
            if not tokens:
                raise KindError(f"trigger pattern {pattern!r}: cannot start with a gap")
            tokens.append(PatternToken(gap=int(gap.group(1) or DEFAULT_GAP)))
            continue
        exact = part.startswith("=")
        words = frozenset(w for w in part.lstrip("=").split("|") if w)
        if not words:
            raise KindError(f"trigger pattern {pattern!r}: empty word in {part!r}")
        tokens.append(PatternToken(words=words, exact=exact))
    if not tokens or tokens[-1].gap:
        raise KindError(f"trigger pattern {pattern!r}: must start and end with a word")
    return tuple(tokens)


@attrs.frozen(slots=True)
class Trigger:
    """A pattern that names a kind, with what it says beyond the kind's defaults."""

    pattern: str
    tokens: tuple[PatternToken, ...]
    pos: str | None = None  # "verb" or "noun": the first word must be used so
    plover: str | None = None
    mode: str | None = None
    cameo: str | None = None
    subject: str = "agent"  # "recipient": the subject receives ("Tajikistan received aid")
    status: str | None = None  # what the trigger itself says ("promise": planned)
    not_followed_by: frozenset[str] = frozenset()  # words that cancel it when they follow closely
    not_preceded_by: frozenset[str] = frozenset()  # words that cancel it right before it ("a great deal")

    @property
    def length(self) -> int:
        return sum(1 for t in self.tokens if not t.gap)


@attrs.frozen(slots=True)
class Kind:
    """An event kind: its name, PLOVER category and mode, CAMEO code, and trigger patterns."""

    name: str
    plover: str | None = None
    cameo: str | None = None
    mode: str | None = None
    planned_plover: str | None = None
    description: str = ""
    triggers: tuple[Trigger, ...] = ()
    reporting: bool = False  # a source attribution ("..., the ministry announced.") is no event
    domestic: bool = False  # with no actor named, it is the country the story is about ("elections will be held")
    symmetric: bool = False  # done between parties: with one side named, the other comes from the story
    movement: bool = False  # going somewhere: a place it takes is where it goes, not a party


def _check_plover(value: object, where: str) -> str | None:
    if value is None or value == "":
        return None
    name = str(value).upper()
    if name not in PLOVER_CATEGORIES:
        raise KindError(f"{where}: {value!r} is not a PLOVER v2 category (one of {', '.join(PLOVER_CATEGORIES)})")
    return name


def make_trigger(spec: str | Mapping[str, Any], kind: str = "?") -> Trigger:
    """A ``Trigger`` from a pattern string or a mapping with ``pattern`` and options."""
    if isinstance(spec, str):
        spec = {"pattern": spec}
    if not isinstance(spec, Mapping) or not isinstance(spec.get("pattern"), str):
        raise KindError(f"kind {kind!r}: trigger {spec!r} needs a 'pattern' string")
    pattern = spec["pattern"]
    pos = spec.get("pos")
    if pos not in (None, "verb", "noun"):
        raise KindError(f"kind {kind!r}: trigger {pattern!r} has pos {pos!r}, expected 'verb' or 'noun'")
    subject = spec.get("subject", "agent")
    if subject not in ("agent", "recipient"):
        raise KindError(f"kind {kind!r}: trigger {pattern!r} has subject {subject!r}, expected 'agent' or 'recipient'")
    return Trigger(
        pattern=pattern,
        tokens=compile_pattern(pattern),
        pos=pos,
        plover=_check_plover(spec.get("plover"), f"kind {kind!r}, trigger {pattern!r}"),
        mode=spec.get("mode"),
        cameo=spec.get("cameo"),
        subject=subject,
        status=spec.get("status"),
        not_followed_by=frozenset(str(w).lower() for w in spec.get("not_followed_by", ())),
        not_preceded_by=frozenset(str(w).lower() for w in spec.get("not_preceded_by", ())),
    )


def make_kind(spec: Mapping[str, Any]) -> Kind:
    """A ``Kind`` from a mapping of the shape of an entry of ``kinds.json``."""
    name = spec.get("name")
    if not isinstance(name, str) or not name.strip():
        raise KindError(f"kind {spec!r}: needs a 'name'")
    triggers = spec.get("triggers", ())
    if isinstance(triggers, str) or not isinstance(triggers, Iterable):
        raise KindError(f"kind {name!r}: 'triggers' must be a list of patterns")
    return Kind(
        name=name.strip(),
        plover=_check_plover(spec.get("plover"), f"kind {name!r}"),
        cameo=spec.get("cameo"),
        mode=spec.get("mode"),
        planned_plover=_check_plover(spec.get("planned_plover"), f"kind {name!r}"),
        description=str(spec.get("description", "")),
        triggers=tuple(make_trigger(t, name) for t in triggers),
        reporting=bool(spec.get("reporting", False)),
        domestic=bool(spec.get("domestic", False)),
        symmetric=bool(spec.get("symmetric", False)),
        movement=bool(spec.get("movement", False)),
    )


def _read_catalogue(data: Mapping[str, Any], source: str) -> list[Kind]:
    entries = data.get("kinds") if isinstance(data, Mapping) else data
    if not isinstance(entries, list):
        raise KindError(f"{source}: expected a list of kinds under 'kinds'")
    return [make_kind(entry) for entry in entries]


def _default_kinds() -> list[Kind]:
    return _read_catalogue(load_table("events", "kinds.json"), "events/data/kinds.json")


IndexT = TypeVar("IndexT")


class Catalogue:
    """A catalogue of kinds: the package's (``events/data/kinds.json``) and the user's.

    A ``Reader`` holds one; it pickles as its kinds, so registered kinds travel to workers.
    """

    def __init__(self, kinds: Iterable[Kind] | None = None) -> None:
        self._kinds: dict[str, Kind] | None = None if kinds is None else {k.name.lower(): k for k in kinds}
        self._indexes: dict[object, Any] = {}

    def __getstate__(self) -> dict[str, Any]:
        return {"kinds": None if self._kinds is None else list(self._kinds.values())}

    def __setstate__(self, state: dict[str, Any]) -> None:
        kinds = state["kinds"]
        self._kinds = None if kinds is None else {k.name.lower(): k for k in kinds}
        self._indexes = {}

    def _table(self) -> dict[str, Kind]:
        if self._kinds is None:
            self._kinds = {k.name.lower(): k for k in _default_kinds()}
        return self._kinds

    def kinds(self) -> tuple[Kind, ...]:
        """Every kind, the package's and the user's."""
        return tuple(self._table().values())

    def get(self, name: str) -> Kind:
        """The kind called ``name`` (case apart); ``UnknownKindError`` when there is none."""
        try:
            return self._table()[name.lower()]
        except KeyError:
            known = ", ".join(sorted(k.name for k in self._table().values()))
            raise UnknownKindError(f"{name!r} is not a kind in the catalogue (known: {known})") from None

    def register(self, kind: Kind, *, replace: bool = False) -> Kind:
        """Add a kind; ``replace=True`` overrides one of the same name."""
        table = self._table()
        if kind.name.lower() in table and not replace:
            raise KindError(f"kind {kind.name!r} is already in the catalogue (pass replace=True to override it)")
        table[kind.name.lower()] = kind
        self._indexes.clear()
        return kind

    def unregister(self, name: str) -> None:
        """Remove a kind (``UnknownKindError`` when there is none)."""
        self.get(name)
        del self._table()[name.lower()]
        self._indexes.clear()

    def load(self, path: str | Path, *, replace: bool = False) -> tuple[Kind, ...]:
        """Register the kinds of a JSON file shaped like ``events/data/kinds.json``."""
        path = Path(path)
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise KindError(f"{path}: cannot read a kinds file: {error}") from error
        return tuple(self.register(k, replace=replace) for k in _read_catalogue(data, str(path)))

    def reset(self) -> None:
        """Back to the package's kinds, dropping the user's."""
        self._kinds = None
        self._indexes.clear()

    def index(self, factory: Callable[[Sequence[Kind]], IndexT]) -> IndexT:
        """``factory(kinds)``, built once per change of the catalogue."""
        built = self._indexes.get(factory)
        if built is None:
            built = self._indexes[factory] = factory(self.kinds())
        return built


def make_user_kind(
    name: str | Kind,
    *,
    triggers: Sequence[str | Mapping[str, Any]] = (),
    plover: str | None = None,
    cameo: str | None = None,
    mode: str | None = None,
    planned_plover: str | None = None,
    description: str = "",
) -> Kind:
    """A ``Kind`` from ``register_kind``'s arguments (or the ``Kind`` itself)."""
    if isinstance(name, Kind):
        return name
    return make_kind(
        {"name": name, "triggers": list(triggers), "plover": plover, "cameo": cameo, "mode": mode,
         "planned_plover": planned_plover, "description": description}
    )  # fmt: skip
