"""Like httpx's test: every package's ``__all__`` is sorted, complete and importable; every
module of ``timeline`` and ``events`` has an ``__all__`` naming each public name it defines; and
every type in a public signature is exported."""

import ast
import importlib
import inspect
import pkgutil
import re
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize("package", ["timeline", "events"])
def test_all_is_sorted_and_importable(package: str) -> None:
    module = importlib.import_module(package)
    names = list(module.__all__)
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    for name in names:
        assert hasattr(module, name), f"{package}.{name} is in __all__ but missing"
    public = {n for n, v in vars(module).items() if not n.startswith("_") and not isinstance(v, type(importlib))}
    assert public <= set(names), f"public names missing from {package}.__all__: {public - set(names)}"


# --- every module has an __all__ naming each public name it defines ------------------------

PACKAGES = ("timeline", "events")
MODULE_FILES = sorted(path for package in PACKAGES for path in (ROOT / package).rglob("*.py"))
TYPE_VARIABLES = {"TypeVar", "ParamSpec", "TypeVarTuple"}


def declared_all(tree: ast.Module) -> list[str] | None:
    """The names of a module's ``__all__`` (a literal list or tuple of strings), None without one."""
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        if any(isinstance(target, ast.Name) and target.id == "__all__" for target in targets):
            value = node.value
            assert isinstance(value, ast.List | ast.Tuple), "__all__ must be a literal list or tuple"
            names = [element.value for element in value.elts if isinstance(element, ast.Constant)]
            assert len(names) == len(value.elts), "__all__ must hold string literals only"
            return [str(name) for name in names]
    return None


def defined_public(tree: ast.Module) -> set[str]:
    """The public names a module binds itself at top level (functions, classes, assignments, also
    under ``if``/``try``), not the names it imports, nor its type variables, nor what only
    ``if TYPE_CHECKING:`` binds."""
    found: set[str] = set()

    def visit(body: list[ast.stmt]) -> None:
        for node in body:
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                found.add(node.name)
            elif isinstance(node, ast.Assign | ast.AnnAssign | ast.AugAssign):
                if isinstance(node.value, ast.Call) and ast.unparse(node.value.func).split(".")[-1] in TYPE_VARIABLES:
                    continue
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                found.update(n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name))
            elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
                visit(node.body)
                visit(node.orelse)
            elif isinstance(node, ast.Try):
                visit(node.body)
                visit(node.orelse)
                visit(node.finalbody)
                for handler in node.handlers:
                    visit(handler.body)

    visit(tree.body)
    return {name for name in found if not name.startswith("_")}


def all_problems(source: str) -> list[str]:
    """What is wrong with a module's ``__all__``: absent, repeated, or missing public names."""
    tree = ast.parse(source)
    declared = declared_all(tree)
    if declared is None:
        return ["no __all__"]
    problems = [f"{name} twice in __all__" for name in sorted({n for n in declared if declared.count(n) > 1})]
    problems += [f"public {name} missing from __all__" for name in sorted(defined_public(tree) - set(declared))]
    return problems


def test_the_all_check_fails_where_it_should() -> None:
    assert all_problems("def f(): pass\n") == ["no __all__"]
    assert all_problems('__all__ = ["f"]\ndef f(): pass\nclass C: pass\nX = 1\n') == ["public C missing from __all__", "public X missing from __all__"]
    assert all_problems('__all__ = ["f", "f"]\ndef f(): pass\n') == ["f twice in __all__"]
    assert all_problems('from os import path\nimport typing\n__all__: list[str] = []\nT = typing.TypeVar("T")\n_x = 1\n') == []
    assert all_problems('__all__ = []\nif True:\n    Y = 2\ntry:\n    import z\nexcept ImportError:\n    Z = None\n') == ["public Y missing from __all__", "public Z missing from __all__"]


@pytest.mark.parametrize("path", MODULE_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_module_has_an_all_naming_its_public_names(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert not all_problems(source), f"{path.relative_to(ROOT)}: {'; '.join(all_problems(source))}"
    if path.name == "__main__.py":  # importing it would run the command
        return
    name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
    module = importlib.import_module(name)
    declared = declared_all(ast.parse(source)) or []
    absent = [n for n in declared if not hasattr(module, n)]
    assert not absent, f"{name}.__all__ names what the module lacks: {absent}"


# --- every type in a public signature is exported ------------------------------------------

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
