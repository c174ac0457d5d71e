"""PLOVER categories on PETRARCH2's coded sentences (the reviewed labels), by the same rules as
the shared plover_eval.py. Skipped when ../shared/corpora is absent."""

from __future__ import annotations

import json

import pytest

from tests.conftest import ROOT, load_script

CORPUS = ROOT.parent / "shared" / "corpora" / "petrarch2-unit" / "records.jsonl"

pytestmark = [pytest.mark.corpus, pytest.mark.skipif(not CORPUS.exists(), reason="../shared/corpora is absent")]


def test_plover_categories_on_petrarch2_sentences() -> None:
    script = load_script("eval_plover")
    records = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]
    lines = script.system_lines(records)
    assert len(lines) == len(records)
    result = script.score(records, lines, "plover_reviewed")
    micro = result["micro"]
    assert micro["precision"] >= 0.85, micro
    assert micro["recall"] >= 0.85, micro
    for category in ("AGREE", "SUPPORT", "ACCUSE", "ASSAULT", "CONSULT"):
        assert result["per_category"][category]["f1"] >= 0.8, (category, result["per_category"][category])
    # negated sentences code nothing
    negated = {r["id"] for r in records if "will not" in r["text"] or "didn't" in r["text"]}
    assert negated
    assert all(not line["events"] for line in lines if line["id"] in negated)
