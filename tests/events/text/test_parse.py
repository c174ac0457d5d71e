"""The parse stage: the default model is the published en_core_web_sm 3.8.0, pieces keep
document offsets, and a text longer than the model's max_length is read in pieces."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import events
from events.text import parse

REFERENCE = Path(__file__).with_name("en_core_web_sm-3.8.0.reference.json")


@pytest.fixture(scope="module")
def reference() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def test_the_default_model_is_the_published_one(reference: dict) -> None:
    meta = parse.load_model().meta
    assert meta["version"] == reference["version"]
    assert meta["spacy_git_version"] == reference["spacy_git_version"]
    assert meta["pipeline"] == reference["pipeline"]
    assert meta["labels"] == reference["labels"]
    assert _numbers(meta["performance"]) == pytest.approx(_numbers(reference["performance"]), rel=1e-9)
    assert sorted(_numbers(meta["performance"])) == sorted(_numbers(reference["performance"]))


def _numbers(tree: object, path: str = "") -> dict[str, float]:
    """The numbers of a nested mapping by their path ("ents_per_type/GPE/f")."""
    if isinstance(tree, dict):
        return {k: v for key, sub in tree.items() for k, v in _numbers(sub, f"{path}/{key}").items()}
    return {path: float(tree)} if isinstance(tree, int | float) else {}


def test_the_model_loads_once_per_process() -> None:
    assert parse.load_model() is parse.load_model()


def test_pieces_are_paragraphs_no_longer_than_the_limit() -> None:
    text = "One sentence here. " * 200 + "\n\n" + "Another paragraph."
    spans = parse.pieces(text, 0, len(text), limit=500)
    assert all(b - a <= 500 for a, b in spans)
    assert text[spans[-1][0] : spans[-1][1]] == "Another paragraph."
    assert all(text[b - 1] in ". " for a, b in spans[:-2])  # cut after a sentence's end


def test_a_text_longer_than_max_length_keeps_document_offsets() -> None:
    nlp = parse.load_model()
    small = events.Reader(nlp=nlp)
    old = nlp.max_length
    nlp.max_length = 300
    try:
        text = "The weather was mild on the coast. " * 30 + "Police arrested 12 protesters in Kampala on Monday."
        doc = small.read(text, dct="2015-06-10")
    finally:
        nlp.max_length = old
    arrest = [e for e in doc.events if e.kind == "Coercion"]
    assert len(arrest) == 1
    m = arrest[0].mentions[0]
    assert text[m.start : m.end] == m.text
    assert text[m.trigger_start : m.trigger_end] == "arrested"


def test_lone_surrogates_are_parsed_in_place() -> None:
    assert parse.piece_text("a\ud800b", 0, 3) == "a\ufffdb"
