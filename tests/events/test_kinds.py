"""The catalogue of kinds: PLOVER and CAMEO codes, triggers, and kinds of one's own."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import events
from events import KindError, UnknownKindError
from events.kinds import PLOVER_CATEGORIES, compile_pattern

REQUIRED = {
    "Agreement": ("SUPPORT", "057"), "Ratification": ("SUPPORT", "057"), "Negotiation": ("CONSULT", "046"),
    "Visit": ("CONSULT", "042"), "Meeting": ("CONSULT", None), "Statement": (None, "010"),
    "Deployment": ("MOBILIZE", None), "Withdrawal": ("RETREAT", "0874"), "Aid": ("AID", "070"),
    "Election": (None, None), "Rejection": ("REJECT", None), "Concession": ("CONCEDE", None),
    "Attack": ("ASSAULT", None), "Protest": ("PROTEST", None), "Sanction": ("SANCTION", None),
    "Accusation": ("ACCUSE", None), "Request": ("REQUEST", None), "Threat": ("THREATEN", None),
    "Cooperation": ("COOPERATE", None), "Coercion": ("COERCE", None), "Support": ("SUPPORT", None),
}  # fmt: skip


@pytest.fixture(autouse=True)
def fresh_catalogue() -> Iterator[None]:
    events.reset_kinds()
    yield
    events.reset_kinds()


def test_catalogue_has_every_kind_with_its_codes() -> None:
    for name, (plover, cameo) in REQUIRED.items():
        kind = events.get_kind(name)
        assert kind.plover == plover, name
        if cameo:
            assert kind.cameo == cameo, name
        assert kind.triggers, name
    for kind in events.kinds():
        assert kind.plover is None or kind.plover in PLOVER_CATEGORIES
        assert kind.planned_plover is None or kind.planned_plover in PLOVER_CATEGORIES


def test_unknown_kind_is_a_key_error_naming_it() -> None:
    with pytest.raises(KeyError, match="Teleportation"):
        events.get_kind("Teleportation")
    with pytest.raises(UnknownKindError):
        events.get_kind("Teleportation")


def test_patterns_compile_and_refuse_nonsense() -> None:
    tokens = compile_pattern("pull *2 out|back")
    assert [t.gap for t in tokens] == [0, 2, 0]
    assert tokens[2].words == {"out", "back"}
    for bad in ("", "* visit", "visit *"):
        with pytest.raises(KindError):
            compile_pattern(bad)
    with pytest.raises(KindError, match="PLOVER"):
        events.register_kind("Bad", triggers=["x"], plover="NOT_A_CATEGORY")


def test_user_kind_is_read_without_editing_the_package() -> None:
    text = "Hackers linked to North Korea breached the networks of a South Korean bank on Monday."
    assert not [e for e in events.read(text, dct="2024-05-08").events if e.kind == "Cyberattack"]
    events.register_kind("Cyberattack", triggers=["breach * network|networks|system|systems", "hack"], plover="ASSAULT", cameo="180")
    found = [e for e in events.read(text, dct="2024-05-08").events if e.kind == "Cyberattack"]
    assert len(found) == 1
    assert found[0].plover == "ASSAULT"
    assert found[0].time.timex == "2024-05-06"
    with pytest.raises(KindError, match="already"):
        events.register_kind("Cyberattack", triggers=["hack"])
    events.unregister_kind("Cyberattack")
    assert not [e for e in events.read(text, dct="2024-05-08").events if e.kind == "Cyberattack"]


def test_kinds_file_of_the_same_shape(tmp_path: Path) -> None:
    path = tmp_path / "kinds.json"
    path.write_text(json.dumps({"kinds": [{"name": "Evacuation", "plover": "RETREAT", "triggers": ["evacuate * civilians|residents"]}]}))
    (loaded,) = events.load_kinds(path, replace=True)
    assert loaded.name == "Evacuation"
    doc = events.read("Authorities evacuated thousands of residents from Kherson last week.", dct="2022-11-10")
    assert "Evacuation" in [e.kind for e in doc.events]
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(KindError, match=r"broken\.json"):
        events.load_kinds(broken)


def test_planned_cooperation_is_coded_agree() -> None:
    doc = events.read("Arnor will contribute a million dollars to Gondor.", dct="1995-01-01")
    (aid,) = doc.events
    assert (aid.kind, aid.status.value, aid.plover) == ("Aid", "planned", "AGREE")
    assert aid.quantity is not None
    assert aid.quantity.value == 1_000_000
    assert aid.quantity.unit == "USD"
