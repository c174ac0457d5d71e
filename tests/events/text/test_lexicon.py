"""events' tables as frozen classes: each file gives its class (no key without a field, no field
without a key), its schema describes exactly the class's fields, every field is read by the code
and every field the code names exists."""

from __future__ import annotations

import ast
import typing
from collections.abc import Callable, Iterator
from typing import Any

import attrs
import pytest

from events.text import lexicon as tables
from tests.conftest import ROOT
from timeline.package_data import schema_of

# accessor -> (its class, its data file)
ACCESSORS: dict[str, tuple[type, str]] = {
    "lexicon": (tables.Lexicon, "lexicon.json"),
    "gazetteer_table": (tables.GazetteerTable, "gazetteer.json"),
    "cameo_table": (tables.CameoTable, "cameo.json"),
    "timing": (tables.Timing, "timing.json"),
}
# the accessors by key, for code written before the classes: words("key"), timing_words("key")
KEY_ACCESSORS = {"words": tables.Lexicon, "timing_words": tables.Timing}


@pytest.mark.parametrize("accessor", sorted(ACCESSORS))
def test_each_file_gives_its_class(accessor: str) -> None:
    cls, _ = ACCESSORS[accessor]
    assert isinstance(getattr(tables, accessor)(), cls)


def _element_class(cls: type, field: str) -> type | None:
    """The attrs class a field holds (``organizations: tuple[Organization, ...]``), if any."""
    hint = typing.get_type_hints(cls)[field]
    for candidate in (hint, *typing.get_args(hint)):
        if isinstance(candidate, type) and attrs.has(candidate):
            return candidate
    return None


def _schema_matches(cls: type, schema: dict[str, Any], where: str) -> Iterator[str]:
    properties = {k for k in schema.get("properties", {}) if k != "about"}
    fields = {f.name for f in attrs.fields(cls)}
    if properties != fields:
        yield f"{where}: schema keys {sorted(properties - fields)} have no field, fields {sorted(fields - properties)} no schema key"
    required = {f.name for f in attrs.fields(cls) if f.default is attrs.NOTHING}
    if set(schema.get("required", [])) != required:
        yield f"{where}: required {sorted(schema.get('required', []))}, fields without default {sorted(required)}"
    for name in fields & properties:
        inner = _element_class(cls, name)
        if inner is not None:
            sub = schema["properties"][name]
            yield from _schema_matches(inner, sub.get("items", sub), f"{where}.{name}")


@pytest.mark.parametrize("accessor", sorted(ACCESSORS))
def test_the_schema_describes_exactly_the_fields(accessor: str) -> None:
    cls, name = ACCESSORS[accessor]
    assert list(_schema_matches(cls, schema_of("events", name), name)) == []


def _reads(tree: ast.AST) -> set[tuple[type, str]]:
    """(class, field) of each table field the code reads: ``lexicon().x``, ``lex.x`` after
    ``lex = lexicon()``, ``org.name`` in ``for org in table.organizations``, ``words("x")``."""
    read: set[tuple[type, str]] = set()
    bound: dict[str, type] = {}

    def class_of(node: ast.AST) -> type | None:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ACCESSORS and not node.args:
            return ACCESSORS[node.func.id][0]
        if isinstance(node, ast.Name):
            return bound.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = class_of(node.value)
            if owner is not None and node.attr in attrs.fields_dict(owner):
                return _element_class(owner, node.attr)
        return None

    for node in ast.walk(tree):  # names bound to a table, or to the entries of one
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            cls = class_of(node.value)
            if cls is not None:
                bound[node.targets[0].id] = cls
        elif isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            cls = class_of(node.iter)
            if cls is not None:
                bound[node.target.id] = cls
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            owner = class_of(node.value)
            if owner is not None:
                read.add((owner, node.attr))
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in KEY_ACCESSORS and node.args and isinstance(node.args[0], ast.Constant):
            read.add((KEY_ACCESSORS[node.func.id], str(node.args[0].value)))
    return read


def _code_reads() -> set[tuple[type, str]]:
    read: set[tuple[type, str]] = set()
    for path in sorted((ROOT / "events").rglob("*.py")):
        if path.name != "lexicon.py" or path.parent.name != "text":
            read |= _reads(ast.parse(path.read_text(encoding="utf-8")))
    return read


def _all_fields() -> set[tuple[type, str]]:
    classes = {cls for cls, _ in ACCESSORS.values()}
    classes |= {inner for cls in set(classes) for f in attrs.fields(cls) if (inner := _element_class(cls, f.name))}
    return {(cls, f.name) for cls in classes for f in attrs.fields(cls)}


def _names(pairs: set[tuple[type, str]]) -> list[str]:
    return sorted(f"{cls.__name__}.{name}" for cls, name in pairs)


def test_every_field_is_read_by_the_code() -> None:
    """A table nothing reads is deleted, from the data, the schema and the class."""
    assert _names(_all_fields() - _code_reads()) == []


def test_every_field_the_code_reads_exists() -> None:
    assert _names(_code_reads() - _all_fields()) == []


def test_the_reads_are_found_where_they_are_written() -> None:
    source = """
def f(tok):
    lex = lexicon()
    a = lexicon().negating_verbs | lex.light_verbs
    for org in gazetteer_table().organizations:
        print(org.name)
    return words("pair_nouns"), timing().no_such_key
"""
    found = _names(_reads(ast.parse(source)))
    assert found == ["GazetteerTable.organizations", "Lexicon.light_verbs", "Lexicon.negating_verbs", "Lexicon.pair_nouns", "Organization.name", "Timing.no_such_key"]


def test_words_and_data_still_answer_for_code_written_against_the_dictionaries() -> None:
    words: Callable[[str], frozenset[str]] = tables.words
    assert words("negating_verbs") == tables.lexicon().negating_verbs
    assert tables.data("cameo")["planned"] == list(tables.cameo_table().planned)
