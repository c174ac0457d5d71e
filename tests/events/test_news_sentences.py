"""The reader on hand-annotated news sentences (tests/events/data/news_sentences.json), scored by
scripts/eval_news_sentences.py: expectations written from the text, never from the output."""

from __future__ import annotations

import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import load_script

DATA = Path(__file__).resolve().parent / "data" / "news_sentences.json"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return load_script("eval_news_sentences")


@pytest.fixture(scope="module")
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(DATA.read_text(encoding="utf-8"))
    return loaded


def test_the_sentences_are_varied_and_hand_annotated(data: dict[str, Any]) -> None:
    sentences = data["sentences"]
    assert len(sentences) >= 50
    assert len({e["kind"] for s in sentences for e in s["events"]}) >= 15
    assert len({s["text"] for s in sentences}) == len(sentences)


def test_scores_on_the_news_sentences(script: ModuleType, data: dict[str, Any]) -> None:
    result = script.evaluate(data)
    problems = [s for s in result["sentences"] if s["problems"]]
    assert result["recall"] >= 0.85, problems
    assert result["precision"] >= 0.9, problems
    assert result["actor_recall"] >= 0.95, problems
    assert result["status_accuracy"] >= 0.95, problems
