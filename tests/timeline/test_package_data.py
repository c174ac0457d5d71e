"""Data with a contract: every data file validates against its JSON Schema, every key has a
description, every key the code reads exists and every key in the data is read, entries are
unique (as dateparser's data-integrity test)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import attrs
import jsonschema
import pytest

import events
from events.text.lexicon import cameo_table, gazetteer_table, lexicon, timing
from timeline import Span, Timeline, package_data
from timeline.chart.rows import colour_of
from timeline.constraints import relations
from timeline.io.timeml import TLink, write_timeml
from timeline.package_data import (
    DOC_KEYS,
    KEYS_READ,
    Table,
    data_files,
    load_table,
    schema_of,
    structure_table,
)
from timeline.timex3_values import duration_units, mod_rules, parts_of_day

PACKAGES = ("timeline", "timeline.io", "events")
FILES = [(package, name) for package in PACKAGES for name in data_files(package)]


def test_every_package_has_data_files() -> None:
    assert len(FILES) == 14


@pytest.mark.parametrize(("package", "name"), FILES)
def test_every_file_validates_against_its_schema(package: str, name: str) -> None:
    schema = schema_of(package, name)
    jsonschema.Draft202012Validator.check_schema(schema)
    raw = load_table(package, name).data
    jsonschema.validate(raw, schema)
    assert schema["additionalProperties"] is False or "patternProperties" in schema  # no key goes undescribed


def _properties(schema: Any, where: str = "$") -> Iterator[tuple[str, Any]]:
    if isinstance(schema, dict):
        for key, sub in schema.get("properties", {}).items():
            yield f"{where}.{key}", sub
        for key, sub in schema.items():
            yield from _properties(sub, f"{where}/{key}")
    elif isinstance(schema, list):
        for k, sub in enumerate(schema):
            yield from _properties(sub, f"{where}[{k}]")


@pytest.mark.parametrize(("package", "name"), FILES)
def test_every_key_has_a_description(package: str, name: str) -> None:
    schema = schema_of(package, name)
    assert schema.get("description")
    missing = [where for where, sub in _properties(schema) if not (isinstance(sub, dict) and (sub.get("description") or "$ref" in sub))]
    assert missing == []
    for pattern in schema.get("patternProperties", {}).values():
        assert pattern.get("description")


def _string_lists(value: Any, where: str = "$") -> Iterator[tuple[str, list[str]]]:
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        yield where, value
    elif isinstance(value, list):
        for k, v in enumerate(value):
            yield from _string_lists(v, f"{where}[{k}]")
    elif isinstance(value, dict):
        for k, v in value.items():
            if k not in DOC_KEYS:
                yield from _string_lists(v, f"{where}.{k}")


@pytest.mark.parametrize(("package", "name"), FILES)
def test_entries_are_unique(package: str, name: str) -> None:
    raw = load_table(package, name).data
    doubled = {where: [w for w, n in Counter(words).items() if n > 1] for where, words in _string_lists(raw)}
    assert {where: words for where, words in doubled.items() if words} == {}


def _read_every_table() -> None:
    """Run the code that reads the tables loaded through ``load_table``; events' tables are
    structured whole (``structure_table``): that each field is read is checked on the code, in
    tests/events/text/test_lexicon.py."""
    lexicon()
    gazetteer_table()
    cameo_table()
    timing()
    events.kinds()
    mod_rules()
    parts_of_day()
    duration_units()
    relations()
    Span.from_edtf("2003-21")
    Timeline.from_records([{"id": "a", "start": "c. 1790"}, {"id": "b", "start": "since 1790"}], dates="text")  # "since": a leading word
    colour_of("Visit")
    colour_of("a name of no kind")
    write_timeml(
        "Putin visited in early 2003.",
        dct="2003-03-18",
        timexes=[{"start": 19, "end": 27, "type": "DATE", "value": "2003", "mod": "START"}],
        events=[{"start": 6, "end": 13, "cls": "OCCURRENCE"}],
        tlinks=[TLink("IS_INCLUDED", "e1", "t1")],
    )


@pytest.mark.parametrize(("package", "name"), FILES)
def test_every_key_read_exists_and_every_key_is_read(package: str, name: str) -> None:
    _read_every_table()
    table = load_table(package, name)
    keys = set(table.data)
    read = KEYS_READ[(package, name)]
    assert read - keys == set(), "keys the code reads that the data lacks"
    assert keys - read == set(), "keys in the data that nothing reads"


# --- structure_table: a table as a frozen class, strictly ------------------------------------


@attrs.frozen
class _Entry:
    name: str
    aliases: tuple[str, ...] = ()


@attrs.frozen
class _Words:
    verbs: frozenset[str]
    entries: tuple[_Entry, ...]
    codes: dict[str, int]


@pytest.fixture
def fake_table(monkeypatch: pytest.MonkeyPatch) -> Any:
    """``structure_table`` reading the given dict as the data file ``test/data/words.json``."""

    def use(data: dict[str, Any]) -> _Words:
        monkeypatch.setattr(package_data, "load_table", lambda package, name: Table(data, set()))
        return structure_table("test", "words.json", _Words)

    return use


def test_structure_table_gives_the_typed_table(fake_table: Any) -> None:
    words = fake_table({"verbs": ["sign", "meet"], "entries": [{"name": "UN", "aliases": ["U.N."]}, {"name": "EU"}], "codes": {"a": 1}})
    assert words == _Words(frozenset({"sign", "meet"}), (_Entry("UN", ("U.N.",)), _Entry("EU")), {"a": 1})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"verbs": [], "entries": [], "codes": {}, "nouns": []}, "test/data/words.json: keys that _Words has no field for: nouns"),
        ({"verbs": [], "codes": {}}, "test/data/words.json: fields of _Words that the file lacks: entries"),
        ({"verbs": [], "entries": [{"name": "UN", "kind": "org"}], "codes": {}}, "extra fields found (kind) @ words.json.entries[0]"),
        ({"verbs": [], "entries": [{"aliases": []}], "codes": {}}, "required field missing @ words.json.entries[0].name"),
        ({"verbs": [], "entries": [], "codes": {"a": "one"}}, "invalid value for type, expected int @ words.json.codes['a']"),
    ],
)
def test_structure_table_refuses_what_the_class_does_not_hold(fake_table: Any, data: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=r"^test/data/words\.json") as caught:
        fake_table(data)
    assert message in str(caught.value)
