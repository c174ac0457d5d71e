"""The lexicon's data contract: lexicon.json validates against its JSON Schema, which describes
every key and refuses undescribed ones, and every word list in it is read by the code."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import timeline.timex
from timeline.timex.lexicon import english

DATA = resources.files("timeline.timex")
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in Path(timeline.timex.__file__).parent.rglob("*.py"))


def _json(*parts: str) -> Any:
    return json.loads(DATA.joinpath(*parts).read_text(encoding="utf-8"))


LEXICON = _json("data", "lexicon.json")
SCHEMA = _json("schema", "lexicon.schema.json")


def test_the_lexicon_validates_against_its_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    jsonschema.validate(LEXICON, SCHEMA)


@pytest.mark.parametrize("where", [(), ("context_words",), ("value_words",)], ids=lambda w: ".".join(w) or "top")
def test_every_key_is_described_and_no_other_is_allowed(where: tuple[str, ...]) -> None:
    schema, data = SCHEMA, LEXICON
    for key in where:
        schema, data = schema["properties"][key], data[key]
    assert schema["additionalProperties"] is False
    assert schema["description"]
    assert {key: sub.get("description", "") for key, sub in schema["properties"].items() if not sub.get("description")} == {}
    assert set(data) <= set(schema["properties"])


def test_an_undescribed_key_is_refused() -> None:
    for extra in ({**LEXICON, "colours": {}}, {**LEXICON, "value_words": {**LEXICON["value_words"], "colours": ["red"]}}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(extra, SCHEMA)


@pytest.mark.parametrize("table", ["context_words", "value_words"])
def test_every_word_list_is_read_by_the_code(table: str) -> None:
    unread = [name for name in LEXICON[table] if not re.search(rf"\{{{name}\}}|\[\"{name}\"\]", SOURCE)]
    assert unread == []


def test_the_typed_lexicon_holds_the_value_words_as_sets() -> None:
    lex = english()
    assert lex.value_words.keys() == LEXICON["value_words"].keys()
    assert all(isinstance(words, frozenset) and words for words in lex.value_words.values())
    assert "the" in lex.value_words["definite_articles"]


TENSE = _json("data", "tense.json")
TENSE_SCHEMA = _json("schema", "tense.schema.json")


def test_the_tense_cues_validate_against_their_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(TENSE_SCHEMA)
    jsonschema.validate(TENSE, TENSE_SCHEMA)
    assert TENSE_SCHEMA["additionalProperties"] is False
    assert all(sub.get("description") for sub in TENSE_SCHEMA["properties"].values())
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({**TENSE, "colours": ["red"]}, TENSE_SCHEMA)


@pytest.mark.parametrize("name", sorted(k for k, v in TENSE.items() if isinstance(v, list)))
def test_every_tense_list_is_read_by_the_code(name: str) -> None:
    assert re.search(rf"[\"']{name}[\"']", SOURCE), name
