"""The seed article scored by the shared scorer: every core event, precision >= 0.8, and the
four events the users named exactly right. Skipped when ../shared is absent."""

from __future__ import annotations

import importlib.util
import json
from types import ModuleType

import pytest

import events
from events.convert import event_to_dict
from events.text.timing import iso
from tests.conftest import SHARED

SEED = SHARED / "seed"
SCORER = SHARED / "tools" / "eventscore.py"

pytestmark = [
    pytest.mark.corpus,
    pytest.mark.skipif(not (SEED / "gold.json").exists() or not SCORER.exists(), reason="../shared/seed is absent"),
]


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eventscore", SCORER)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads((SEED / "gold.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def doc(gold: dict) -> events.Document:
    text = (SEED / gold["file"]).read_text(encoding="utf-8")
    return events.read(text, doc_id=gold["doc"])  # the date comes from the dateline


def test_document_date_and_body(doc: events.Document, gold: dict) -> None:
    assert doc.dct is not None
    assert doc.dct.timex == gold["dct"]
    assert abs(doc.body[0] - gold["body"]["start"]) <= 2
    assert abs(doc.body[1] - gold["body"]["end"]) <= 2


def test_scores(doc: events.Document, gold: dict, scorer: ModuleType) -> None:
    system = json.loads(json.dumps([event_to_dict(e) for e in doc.events]))
    result = scorer.evaluate([gold], system)["total"]
    assert result["core_recall"] == 1.0, result.get("documents", result)
    assert result["precision"] >= 0.8
    assert result["time_ok"] == result["time_checked"] == 15
    assert result["actor_recall"] == 1.0
    assert result["status_accuracy"] == 1.0


def _matching(doc: events.Document, kind: str, start: int, end: int) -> events.Event:
    found = [e for e in doc.events if e.kind == kind and any(m.start < end and start < m.end for m in e.mentions)]
    assert len(found) == 1, (kind, start, end, found)
    return found[0]


def test_the_four_named_events(doc: events.Document) -> None:
    agreement = _matching(doc, "Agreement", 814, 860)  # "What we signed in 1999 was a general agreement"
    assert agreement.time.timex == "1999"
    assert agreement.status.value == "occurred"
    assert {"RUS", "TJK"} <= agreement.actor_countries
    assert any(m.start <= 5916 < m.end for m in agreement.mentions)  # "the 1999 agreement": the same event

    ratification = _matching(doc, "Ratification", 1127, 1203)
    assert ratification.time.timex == "2001"
    assert ratification.status.value == "occurred"
    assert {"RUS", "TJK"} <= ratification.actor_countries

    visit = _matching(doc, "Visit", 124, 172)
    assert visit.time.timex == "2003-W11"
    assert visit.status.value == "occurred"
    assert "Igor Ivanov" in visit.actor_names
    assert "RUS" in visit.actor_countries
    assert any(m.start <= 6305 < m.end for m in visit.mentions)  # "his trip to Dushanbe"

    deployment = _matching(doc, "Deployment", 1902, 1953)
    assert deployment.status.value == "planned"
    assert "Kant" in deployment.place_names
    assert deployment.quantity is not None
    assert (deployment.quantity.value, deployment.quantity.unit, deployment.quantity.qualifier) == (500, "soldiers", "up to")
    assert iso(deployment.time.earliest_start) == "2003-03-18T00:00:00"
    assert deployment.time.latest_end is None
    assert {p.country for p in deployment.places} == {"KGZ"}


def test_biography_is_not_read(doc: events.Document) -> None:
    assert all(m.end <= doc.body[1] for e in doc.all_events for m in e.mentions)
