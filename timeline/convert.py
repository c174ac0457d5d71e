"""The one cattrs converter that turns the package's values into JSON-ready data and back.

``converter`` (un)structures ``Span``, ``Evidence``, ``Item``, ``Constraint``, ``MergeRecord``
and ``Timeline``; ``timeline.io.json`` writes what it makes. Other packages add their classes
to the *same* converter:

- an attrs class of plain fields needs nothing (cattrs handles attrs classes);
- a field of another type needs a pair of hooks::

      from timeline.convert import converter
      converter.register_unstructure_hook(Status, lambda s: s.value)
      converter.register_structure_hook(Status, lambda v, _: Status(v))

- an item class (anything a ``Timeline`` holds) is registered by name, so a timeline's JSON
  records each item's class and brings an ``events.Event`` back as an ``Event``::

      from timeline.convert import register_item_class
      register_item_class(Event)          # recorded as "events.model.Event"

A name not registered when a timeline is read is imported if it lives in ``timeline`` or
``events`` (importing the module registers it); any other name is refused.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from typing import Any, TypeVar

import cattrs

from timeline.item import Item
from timeline.span import Granularity

T = TypeVar("T")

converter = cattrs.Converter()
"""The converter; see the module docstring for registering hooks."""

ITEM_CLASSES: dict[str, type[Any]] = {}
"""Item classes by the name a timeline's JSON records them under."""

_TRUSTED_PACKAGES = ("timeline", "events")


def class_name(cls: type[Any]) -> str:
    """The name an item class is recorded under: ``module.QualifiedName``."""
    return f"{cls.__module__}.{cls.__qualname__}"


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
        if isinstance(candidate, type):
            cls = ITEM_CLASSES.setdefault(name, candidate)
    if cls is None:
        known = ", ".join(sorted(ITEM_CLASSES)) or "none"
        raise ValueError(f"{name!r} is not a registered item class (registered: {known}); see timeline.convert.register_item_class")
    return cls


def unstructure_item(item: object) -> dict[str, Any]:
    """An item as data, with its class name under ``"class"``."""
    cls = type(item)
    name = next((n for n, c in ITEM_CLASSES.items() if c is cls), None) or class_name(cls)
    data: dict[str, Any] = {"class": name}
    data.update(converter.unstructure(item, cls))
    return data


def structure_item(data: Mapping[str, Any]) -> Any:
    """The item ``unstructure_item`` made."""
    if not isinstance(data, Mapping) or "class" not in data:
        raise ValueError(f"an item needs its class under 'class', got {str(data)[:80]!r}")
    fields = dict(data)
    cls = item_class(fields.pop("class"))
    return converter.structure(fields, cls)


converter.register_unstructure_hook(Granularity, lambda g: g.name)
converter.register_structure_hook(Granularity, lambda v, _: Granularity[v] if isinstance(v, str) else Granularity(v))
register_item_class(Item)
