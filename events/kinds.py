"""The catalogue of event kinds, each mapped to PLOVER v2 and CAMEO, with its trigger patterns.

The catalogue is data (``events/data/kinds.json``); this module reads it and keeps a registry a
user extends without editing the package::

    events.register_kind("Cyberattack", triggers=["hack", "cyberattack"], plover="ASSAULT")
    events.load_kinds("my_kinds.json")            # a file of the same shape as kinds.json

Trigger patterns are sequences of words matched by lemma: ``"pull * out"`` matches "pulled its
troops out"; ``"receive * aid|assistance"`` matches "received more than $100 million in
assistance" (``*`` skips up to three words, ``*N`` up to N, ``a|b`` is either word, ``=word`` an
exact form).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from events.errors import KindError, UnknownKindError

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
    )


_REGISTRY: dict[str, Kind] = {}
_VERSION = [0]  # bumped on every change, so compiled trigger indexes know to rebuild


def _read_catalogue(data: Mapping[str, Any], source: str) -> list[Kind]:
    entries = data.get("kinds") if isinstance(data, Mapping) else data
    if not isinstance(entries, list):
        raise KindError(f"{source}: expected a list of kinds under 'kinds'")
    return [make_kind(entry) for entry in entries]


def _load_default() -> None:
    text = resources.files("events").joinpath("data/kinds.json").read_text(encoding="utf-8")
    for kind in _read_catalogue(json.loads(text), "events/data/kinds.json"):
        _REGISTRY[kind.name.lower()] = kind
    _VERSION[0] += 1


def kinds() -> tuple[Kind, ...]:
    """Every kind in the catalogue, the package's and the user's."""
    if not _REGISTRY:
        _load_default()
    return tuple(_REGISTRY.values())


def get_kind(name: str) -> Kind:
    """The kind called ``name`` (case apart); ``UnknownKindError`` when there is none."""
    kinds()
    try:
        return _REGISTRY[name.lower()]
    except KeyError:
        known = ", ".join(sorted(k.name for k in _REGISTRY.values()))
        raise UnknownKindError(f"{name!r} is not a kind in the catalogue (known: {known})") from None


def register_kind(
    name: str | Kind,
    *,
    triggers: Sequence[str | Mapping[str, Any]] = (),
    plover: str | None = None,
    cameo: str | None = None,
    mode: str | None = None,
    planned_plover: str | None = None,
    description: str = "",
    replace: bool = False,
) -> Kind:
    """Add a kind of one's own (or a ``Kind``); ``replace=True`` overrides one of the same name.

    >>> register_kind("Cyberattack", triggers=["hack", "cyberattack"], plover="ASSAULT").plover
    'ASSAULT'
    """
    kind = name if isinstance(name, Kind) else make_kind(
        {"name": name, "triggers": list(triggers), "plover": plover, "cameo": cameo, "mode": mode,
         "planned_plover": planned_plover, "description": description}
    )  # fmt: skip
    kinds()
    if kind.name.lower() in _REGISTRY and not replace:
        raise KindError(f"kind {kind.name!r} is already in the catalogue (pass replace=True to override it)")
    _REGISTRY[kind.name.lower()] = kind
    _VERSION[0] += 1
    return kind


def unregister_kind(name: str) -> None:
    """Remove a kind from the catalogue (``UnknownKindError`` when there is none)."""
    get_kind(name)
    del _REGISTRY[name.lower()]
    _VERSION[0] += 1


def load_kinds(path: str | Path, *, replace: bool = False) -> tuple[Kind, ...]:
    """Register the kinds of a JSON file shaped like ``events/data/kinds.json``."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise KindError(f"{path}: cannot read a kinds file: {error}") from error
    loaded = _read_catalogue(data, str(path))
    return tuple(register_kind(k, replace=replace) for k in loaded)


def reset_kinds() -> None:
    """Back to the package's catalogue, dropping the user's kinds."""
    _REGISTRY.clear()
    _load_default()


def catalogue_version() -> int:
    """A number that changes whenever the catalogue does."""
    kinds()
    return _VERSION[0]
