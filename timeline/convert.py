"""The one cattrs converter, and the one flat row, behind every format the package writes.

``converter`` (un)structures ``Span``, ``Evidence``, ``Item``, ``Constraint``, ``MergeRecord``
and any attrs item class (``events.Event`` included) to JSON-ready data and back. Its hooks
are registered in ``build_converter()``, when the converter is built, never as a side effect
of importing another module, so a value is written the same way in every process.

The conventions, the same in every format:

- a bound is an ISO 8601 instant to the second, ``"2003-03-01T00:00:00"`` (years outside
  0..9999 signed: ``"-0044-03-15T00:00:00"``, ``"+12000-01-01T00:00:00"``), ``null`` when open;
- ends are exclusive: March 2003 ends ``"2003-04-01T00:00:00"``;
- a granularity is its lower-case name (``"day"``, ``"week"``).

``item_row(item)`` flattens any item into one row (``row_columns(classes)`` names its columns,
``item_from_row(row)`` reads it back); ``timeline.io.tables`` writes the rows as pandas, CSV and
Parquet, and ``timeline extract`` writes events with them.

An item class (anything a ``Timeline`` holds) is recorded by name, so a timeline's JSON brings
an ``events.Event`` back as an ``Event``::

    from timeline.convert import register_item_class
    register_item_class(Event)          # recorded as "events.model.Event"

A name not registered when a timeline is read is imported if it lives in ``timeline`` or
``events``; any other name is refused.
"""

from __future__ import annotations

import enum
import importlib
import json
import re
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

import attrs
import cattrs

from timeline import notation
from timeline.calendar import civil_from_seconds, seconds
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

__all__ = [
    "BOUNDS",
    "ITEM_CLASSES",
    "MAX_YEAR",
    "ROW_COLUMNS",
    "Column",
    "build_converter",
    "class_name",
    "converter",
    "data_error",
    "granularity_named",
    "instant",
    "instant_text",
    "item_class",
    "item_from_row",
    "item_row",
    "recorded_name",
    "register_item_class",
    "row_columns",
    "span_data",
    "span_from_data",
    "structure_item",
    "unstructure_item",
]

T = TypeVar("T")

BOUNDS = ("earliest_start", "latest_start", "earliest_end", "latest_end")
"""The four bounds of a span, in the order ``Span`` takes them."""

MAX_YEAR = 100_000_000
"""The largest |year| an instant may name when it is read (Parquet's millisecond timestamps
reach about 292 million years either way)."""

ITEM_CLASSES: dict[str, type[Any]] = {}
"""Item classes by the name a timeline's JSON records them under."""

_TRUSTED_PACKAGES = ("timeline", "events")
_INSTANT = re.compile(r"([+-]?)(\d{4,12})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)")


# --- instants and spans ---------------------------------------------------------------------


def instant_text(value: int) -> str:
    """A bound (seconds) as an ISO 8601 instant: ``"2003-03-18T00:00:00"`` (``timeline.notation``)."""
    text = notation.instant_text(value, "iso")
    if text is None:
        raise ValueError(f"{value!r} seconds is beyond the years a time value may name")
    return text


def instant(value: Any, what: str = "instant") -> int | None:
    """The seconds of an instant ``instant_text`` wrote (or of an int, as version 1 files hold);
    ``None`` for ``None``; ``ValueError`` naming the value for anything else."""
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool):
        year = civil_from_seconds(value)[0] if abs(value) < 10**20 else MAX_YEAR + 1
        if abs(year) > MAX_YEAR:
            raise ValueError(f"{what} {value!r} is beyond the years -{MAX_YEAR}..{MAX_YEAR}")
        return value
    match = _INSTANT.fullmatch(value) if isinstance(value, str) else None
    if match is None:
        raise ValueError(
            f"{what} {str(value)[:40]!r} is not an ISO 8601 instant (YYYY-MM-DDThh:mm:ss)"
        )
    sign, year_digits, *rest = match.groups()
    year = -int(year_digits) if sign == "-" else int(year_digits)
    mo, d, h, mi, s = (int(g) for g in rest)
    if abs(year) > MAX_YEAR:
        raise ValueError(f"{what} {value!r} is beyond the years -{MAX_YEAR}..{MAX_YEAR}")
    if not (1 <= mo <= 12 and 1 <= d <= 31 and h <= 23 and mi <= 59 and s <= 59):
        raise ValueError(f"{what} {value!r} is not a valid date-time")
    return seconds(year, mo, d, h, mi, s)


def granularity_named(value: Any) -> Granularity:
    """The granularity of a name ("day", "DAY") or of its number; ``ValueError`` otherwise."""
    if isinstance(value, str):
        try:
            return Granularity[value.upper()]
        except KeyError:
            pass
    elif isinstance(value, int) and not isinstance(value, bool):
        try:
            return Granularity(value)
        except ValueError:
            pass
    names = ", ".join(g.name.lower() for g in Granularity)
    raise ValueError(f"granularity {str(value)[:40]!r} is not one of {names}")


def span_data(span: Span) -> dict[str, Any]:
    """A span as JSON: its four bounds as instants (ends exclusive), granularity, timex, mod, edtf."""
    data: dict[str, Any] = {
        b: None if getattr(span, b) is None else instant_text(getattr(span, b)) for b in BOUNDS
    }
    data.update(
        granularity=span.granularity.name.lower(), timex=span.timex, mod=span.mod, edtf=span.edtf
    )
    return data


def _optional_text(data: Mapping[str, Any], key: str) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        raise ValueError(f"{key} {str(value)[:40]!r} is not a string")
    return value


def span_from_data(data: Any, _: Any = Span) -> Span:
    """The span ``span_data`` wrote; ``ValueError`` naming what is wrong."""
    if not isinstance(data, Mapping):
        raise ValueError(
            f"a time is a JSON object with {', '.join(BOUNDS)}, not {str(data)[:40]!r}"
        )
    es, ls, ee, le = (instant(data.get(b), b) for b in BOUNDS)
    granularity = data.get("granularity")
    return Span(
        es,
        ls,
        ee,
        le,
        granularity=Granularity.UNKNOWN if granularity is None else granularity_named(granularity),
        timex=_optional_text(data, "timex"),
        mod=_optional_text(data, "mod"),
        edtf=_optional_text(data, "edtf"),
    )


def _structure_str(value: Any, _: Any) -> str:
    if not isinstance(value, str):
        raise ValueError(f"{str(value)[:40]!r} is not a string")
    return value


def _structure_int(value: Any, _: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"{str(value)[:40]!r} is not an integer")
    return value


def _structure_float(value: Any, _: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValueError(f"{str(value)[:40]!r} is not a number")
    return float(value)


def build_converter() -> cattrs.Converter:
    """A converter with every hook the package's formats need (see the module docstring).

    Scalars are structured strictly: a string where a number belongs is an error, not
    converted, so what is read is what was written.
    """
    made = cattrs.Converter()
    for base in (enum.Enum, enum.StrEnum, enum.IntEnum):  # an enum is its value (before str, int)
        made.register_unstructure_hook(base, lambda v: v.value)
    made.register_unstructure_hook(Granularity, lambda g: g.name.lower())
    made.register_structure_hook(Granularity, lambda v, _: granularity_named(v))
    made.register_unstructure_hook(Span, span_data)
    made.register_structure_hook(Span, span_from_data)
    made.register_structure_hook(str, _structure_str)
    made.register_structure_hook(int, _structure_int)
    made.register_structure_hook(float, _structure_float)
    return made


converter = build_converter()
"""The one converter; see the module docstring."""


def _problem(error: BaseException, tp: Any) -> str:
    if isinstance(error, KeyError):
        return "required field missing"
    if isinstance(error, ValueError | TypeError) and str(error):
        return str(error)[:120]
    return f"invalid value for {getattr(tp, '__name__', tp)}"


def data_error(error: Exception) -> str:
    """A one-line account of a structuring error: what was wrong, and where (``$.time``)."""
    if isinstance(error, cattrs.BaseValidationError):
        return "; ".join(cattrs.transform_error(error, format_exception=_problem))[:300]
    return str(error)[:300]


# --- item classes ---------------------------------------------------------------------------


def class_name(cls: type[Any]) -> str:
    """The name an item class is recorded under: ``module.QualifiedName``."""
    return f"{cls.__module__}.{cls.__qualname__}"


def recorded_name(cls: type[Any]) -> str:
    """The name ``cls`` is registered under (``class_name`` when it is not registered)."""
    return next((n for n, c in ITEM_CLASSES.items() if c is cls), None) or class_name(cls)


def register_item_class(cls: type[T], name: str | None = None) -> type[T]:
    """Record ``cls`` as an item class (usable as a decorator); returns ``cls``."""
    ITEM_CLASSES[name or class_name(cls)] = cls
    return cls


def item_class(name: str) -> type[Any]:
    """The item class recorded as ``name``; ``ValueError`` when there is none."""
    cls = ITEM_CLASSES.get(name)
    if cls is None and isinstance(name, str) and name.split(".", 1)[0] in _TRUSTED_PACKAGES:
        module, _, attribute = name.rpartition(".")
        try:
            candidate = getattr(importlib.import_module(module), attribute, None)
        except ImportError:
            candidate = None
        if isinstance(candidate, type) and attrs.has(candidate):
            cls = ITEM_CLASSES.setdefault(name, candidate)
    if cls is None:
        known = ", ".join(sorted(ITEM_CLASSES)) or "none"
        raise ValueError(
            f"{str(name)[:80]!r} is not a registered item class (registered: {known}); see timeline.convert.register_item_class"
        )
    return cls


def unstructure_item(item: object) -> dict[str, Any]:
    """An item as data, with its class name under ``"class"``."""
    cls = type(item)
    data: dict[str, Any] = {"class": recorded_name(cls)}
    data.update(converter.unstructure(item, cls))
    return data


def structure_item(data: Mapping[str, Any]) -> Any:
    """The item ``unstructure_item`` made; ``ValueError`` naming what is wrong."""
    if not isinstance(data, Mapping) or not isinstance(data.get("class"), str):
        raise ValueError(f"an item needs its class under 'class', got {str(data)[:80]!r}")
    fields = dict(data)
    cls = item_class(fields.pop("class"))
    try:
        return converter.structure(fields, cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as error:
        raise ValueError(f"item {str(fields.get('id'))[:40]!r}: {data_error(error)}") from error


register_item_class(Item)


# --- the flat row ---------------------------------------------------------------------------


@attrs.frozen(slots=True)
class Column:
    """A column of the flat row: its name and what its cells hold.

    ``kind`` is one of ``text``, ``int``, ``float``, ``bool``, ``bound`` (seconds, or None when
    open), ``list`` (a list of scalars: names, countries; ``of`` says which scalar) or ``json``
    (JSON text of a field that is not flat: actors with all they say, mentions, attributes).
    """

    name: str
    kind: str
    of: str = "text"


_HEAD = (
    Column("class", "text"),
    Column("id", "text"),
    Column("doc", "text"),
    Column("kind", "text"),
    Column("status", "text"),
    Column("label", "text"),
    *(Column(b, "bound") for b in BOUNDS),
    Column("granularity", "text"),
    Column("timex", "text"),
    Column("mod", "text"),
    Column("edtf", "text"),
    Column("edtf_derived", "bool"),
    Column("actor_names", "list"),
    Column("place_names", "list"),
    Column("sentence", "text"),
    Column("text", "text"),
    Column("evidence", "json"),
)
ROW_COLUMNS = tuple(c.name for c in _HEAD)
"""The columns every row has, whatever its item's class; a class adds a column per other field."""

_PROTOCOL = (
    "id",
    "time",
    "label",
    "kind",
    "status",
    "doc",
    "actor_names",
    "place_names",
    "evidence",
)
_SCALARS: dict[Any, str] = {str: "text", int: "int", float: "float", bool: "bool"}


def _scalar_kind(tp: Any) -> str | None:
    """``text``/``int``/``float``/``bool`` for a scalar field type (optional, enum of strings)."""
    if tp in _SCALARS:
        return _SCALARS[tp]
    if isinstance(tp, type) and issubclass(tp, enum.Enum):
        return "text"
    if typing.get_origin(tp) in (typing.Union, types.UnionType):
        kinds = {_scalar_kind(a) for a in typing.get_args(tp) if a is not type(None)}
        if len(kinds) == 1:
            return kinds.pop()
    return None


def _members(tp: Any) -> type[Any] | None:
    """The attrs class of a ``tuple[X, ...]`` / ``list[X]`` field, else None."""
    if typing.get_origin(tp) in (tuple, list) and typing.get_args(tp):
        inner = typing.get_args(tp)[0]
        if isinstance(inner, type) and attrs.has(inner):
            return inner
    return None


def _fields(cls: type[Any]) -> tuple[attrs.Attribute[Any], ...]:
    attrs.resolve_types(cls)
    return tuple(attrs.fields(cls))


def _class_columns(cls: type[Any]) -> list[Column]:
    if not attrs.has(cls):
        return []
    out: list[Column] = []
    for field in _fields(cls):
        if field.name in _PROTOCOL:
            continue
        kind = _scalar_kind(field.type)
        out.append(Column(field.name, kind or "json"))
        members = _members(field.type)
        if members is not None:  # a flat list per scalar field of the members: actors.country
            for sub in _fields(members):
                sub_kind = _scalar_kind(sub.type)
                if sub_kind is not None:
                    out.append(Column(f"{field.name}.{sub.name}", "list", sub_kind))
    return out


def row_columns(classes: Sequence[type[Any]] = (Item,)) -> tuple[Column, ...]:
    """The columns of the rows of items of ``classes``: the common head, then each class's own."""
    columns = list(_HEAD)
    seen = set(ROW_COLUMNS)
    for cls in classes:
        for column in _class_columns(cls):
            if column.name not in seen:
                seen.add(column.name)
                columns.append(column)
    return tuple(columns)


def _derived_edtf(span: Span) -> str | None:
    try:
        return attrs.evolve(span, edtf=None).to_edtf()
    except (ValueError, TypeError, AttributeError, NotImplementedError, OverflowError):
        return None


def item_row(item: Any) -> dict[str, Any]:
    """One flat row of ``item`` (columns ``row_columns([type(item)])``): text, numbers, bounds as
    seconds (None = open, ends exclusive), lists of names, and JSON text for the rest."""
    cls = type(item)
    span: Span = item.time
    evidence = tuple(item.evidence)
    first = evidence[0] if evidence else None
    status = item.status
    row: dict[str, Any] = {
        "class": recorded_name(cls),
        "id": item.id,
        "doc": item.doc,
        "kind": item.kind,
        "status": None
        if status is None
        else str(status.value if isinstance(status, enum.Enum) else status),
        "label": item.label,
        **{b: getattr(span, b) for b in BOUNDS},
        "granularity": span.granularity.name.lower(),
        "timex": span.timex,
        "mod": span.mod,
        "edtf": span.edtf if span.edtf is not None else _derived_edtf(span),
        "edtf_derived": span.edtf is None,
        "actor_names": list(item.actor_names),
        "place_names": list(item.place_names),
        "sentence": first.sentence if first else None,
        "text": first.text if first else None,
        "evidence": json.dumps(
            converter.unstructure(evidence, tuple[Evidence, ...]), ensure_ascii=False
        ),
    }
    if not attrs.has(cls):
        return row
    data = converter.unstructure(item, cls)
    for column in _class_columns(cls):
        name, _, key = column.name.partition(".")
        value = data.get(name)
        if key:
            row[column.name] = [member.get(key) for member in value or ()]
        elif column.kind == "json":
            row[name] = json.dumps(value, ensure_ascii=False, sort_keys=False)
        else:
            row[name] = value
    return row


def _cell_json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def item_from_row(row: Mapping[str, Any]) -> Any:
    """The item ``item_row`` made (bounds as seconds or None); ``ValueError`` naming the problem."""
    name = row.get("class") or class_name(Item)
    cls = item_class(str(name))
    edtf = row.get("edtf")
    es, ls, ee, le = (row.get(b) for b in BOUNDS)
    span = Span(
        es,
        ls,
        ee,
        le,
        granularity=granularity_named(row.get("granularity") or "unknown"),
        timex=row.get("timex"),
        mod=row.get("mod"),
        edtf=None if row.get("edtf_derived") in (True, "true", "True") else edtf,
    )
    data: dict[str, Any] = {}
    for field in _fields(cls):
        if field.name == "time" or field.name not in row:
            continue
        value = row[field.name]
        if field.name == "evidence" or _scalar_kind(field.type) is None:
            value = _cell_json(value)
            if field.name in ("actor_names", "place_names") and value is not None:
                value = list(value)
        data[field.name] = value
    try:
        return converter.structure(dict(data, time=span_data(span)), cls)
    except (cattrs.BaseValidationError, ValueError, TypeError) as error:
        raise ValueError(f"row of item {str(row.get('id'))[:40]!r}: {data_error(error)}") from error
