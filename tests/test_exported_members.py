"""Like httpx's test: every package's ``__all__`` is sorted, complete and importable."""

import importlib
import inspect
import pkgutil
import re
import sys
from typing import Any

import attrs
import pytest


@pytest.mark.parametrize("package", ["timeline", "events"])
def test_all_is_sorted_and_importable(package: str) -> None:
    module = importlib.import_module(package)
    names = list(module.__all__)
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    for name in names:
        assert hasattr(module, name), f"{package}.{name} is in __all__ but missing"
    public = {n for n, v in vars(module).items() if not n.startswith("_") and not isinstance(v, type(importlib))}
    assert public <= set(names), f"public names missing from {package}.__all__: {public - set(names)}"


# --- every type in a public signature is exported ------------------------------------------

PACKAGES = ("timeline", "events")
NAME = re.compile(r"[A-Za-z_][\w.]*")


def _project_classes() -> dict[str, list[type]]:
    """Every class defined in the packages, by name."""
    found: dict[str, list[type]] = {}
    for package in PACKAGES:
        root = importlib.import_module(package)
        for info in pkgutil.walk_packages(root.__path__, f"{package}."):
            if info.name.endswith("__main__"):
                continue
            module = importlib.import_module(info.name)
            for value in vars(module).values():
                if isinstance(value, type) and value.__module__ == info.name:
                    found.setdefault(value.__name__, []).append(value)
    return found


def _annotations(obj: Any) -> list[tuple[str, dict[str, Any]]]:
    """The annotation texts of ``obj``'s public signature, each with the namespace it is read in."""
    out: list[tuple[str, dict[str, Any]]] = []

    def of_callable(fn: Any) -> None:
        fn = inspect.unwrap(fn)
        names = getattr(fn, "__globals__", {})
        for text in getattr(fn, "__annotations__", {}).values():
            out.append((str(text), names))

    if isinstance(obj, type):
        names = vars(sys.modules[obj.__module__])
        if attrs.has(obj):
            out.extend((str(field.type), names) for field in attrs.fields(obj) if not field.name.startswith("_") and field.type is not None)
        for name, member in vars(obj).items():
            if name.startswith("_") and name != "__init__":
                continue
            if isinstance(member, property) and member.fget is not None:
                of_callable(member.fget)
            elif isinstance(member, classmethod | staticmethod):
                of_callable(member.__func__)
            elif inspect.isfunction(member):
                of_callable(member)
    elif callable(obj):
        of_callable(obj)
    return out


def _resolve(word: str, names: dict[str, Any], classes: dict[str, list[type]]) -> Any:
    """The object ``word`` (``Span``, ``pa.Table``) names where it is written; a bare name only
    imported under ``TYPE_CHECKING`` is looked up among the project's classes."""
    head, *rest = word.split(".")
    value = names.get(head)
    if value is None and not rest:
        candidates = classes.get(head, [])
        return candidates[0] if len(candidates) == 1 else None
    for part in rest:
        value = getattr(value, part, None)
    return value


def _signature_types(package: str) -> dict[type, set[str]]:
    """The project classes that appear in the public signatures of ``package``'s exports (and,
    in turn, in theirs), each with where it was seen."""
    classes = _project_classes()
    seen: dict[type, set[str]] = {}
    root = importlib.import_module(package)
    todo = [(f"{package}.{name}", getattr(root, name)) for name in root.__all__]
    done: set[int] = set()
    while todo:
        where, obj = todo.pop()
        if id(obj) in done:
            continue
        done.add(id(obj))
        for text, names in _annotations(obj):
            for word in set(NAME.findall(text)):
                value = _resolve(word, names, classes)
                if isinstance(value, type) and value.__module__.split(".")[0] in PACKAGES:
                    seen.setdefault(value, set()).add(where)
                    todo.append((f"{value.__module__}.{value.__qualname__}", value))
    return seen


@pytest.mark.parametrize("package", PACKAGES)
def test_every_type_in_a_public_signature_is_exported(package: str) -> None:
    exported = {id(getattr(importlib.import_module(p), n)) for p in PACKAGES for n in importlib.import_module(p).__all__}
    missing = {
        f"{cls.__module__}.{cls.__qualname__} (in {', '.join(sorted(where)[:3])})"
        for cls, where in _signature_types(package).items()
        if id(cls) not in exported
    }
    assert not missing, "types in public signatures that neither package exports:\n" + "\n".join(sorted(missing))
