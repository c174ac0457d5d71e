"""Timeline.merge: one item per event reported by several documents, with all its evidence."""

from __future__ import annotations

import pytest

from timeline import Constraint, Evidence, Item, MergeRecord, Span, Timeline
from timeline.calendar import seconds
from timeline.merge import MergeWeights, score


def visit(ident: str, doc: str, when: str, actors: tuple[str, ...] = ("RUS", "TJK"), places: tuple[str, ...] = ("Dushanbe",)) -> Item:
    return Item(
        ident,
        Span.from_timex3(when),
        f"Putin visit ({doc})",
        kind="visit",
        doc=doc,
        actor_names=actors,
        place_names=places,
        evidence=(Evidence(doc, 10, 15, "visit", f"Putin will visit ({doc})."),),
    )


def test_the_same_visit_from_two_documents_becomes_one_item() -> None:
    rferl = Timeline([visit("e1", "rferl", "2003-04"), Item("e2", Span.from_timex3("1999"), "agreement", kind="agree", doc="rferl")], name="rferl")
    tass = Timeline([visit("e1", "tass", "2003-04-10", actors=("RUS",))], name="tass")
    merged = Timeline.merge(rferl, tass)
    assert merged.ids == ["e2", "rferl:e1"]
    joined = merged["rferl:e1"]
    assert joined.time == Span.from_timex3("2003-04-10")  # the tighter report wins
    assert [e.doc for e in joined.evidence] == ["rferl", "tass"]
    assert joined.actor_names == ("RUS", "TJK")
    assert joined.doc == "rferl"
    (record,) = merged.merges
    assert record == MergeRecord("rferl:e1", ("rferl:e1", "tass:e1"), record.score)
    assert 0.5 <= record.score <= 1


def test_what_is_not_merged() -> None:
    a = Timeline([visit("a", "d1", "2003-04")])
    other_kind = Timeline([Item("b", Span.from_timex3("2003-04"), kind="meet", doc="d2", actor_names=("RUS",))])
    other_time = Timeline([visit("c", "d3", "2003-06")])
    other_actors = Timeline([visit("d", "d4", "2003-04", actors=("USA",), places=("Bishkek",))])
    same_doc = Timeline([visit("e", "d1", "2003-04")])
    merged = Timeline.merge(a, other_kind, other_time, other_actors, same_doc)
    assert len(merged) == 5
    assert merged.merges == ()
    assert len(Timeline.merge(a, same_doc, same_document=True)) == 1


def test_threshold_and_weights_tune_it() -> None:
    a = Timeline([visit("a", "d1", "2003")])
    b = Timeline([visit("b", "d2", "2003-04", actors=("RUS", "USA", "KGZ"))])
    s = score(a["a"], b["b"])
    assert 0 < s < 1
    assert len(Timeline.merge(a, b, threshold=s)) == 1
    assert len(Timeline.merge(a, b, threshold=min(1.0, s + 0.01))) == 2
    only_time = MergeWeights(actors=0, places=0, time=1)
    assert score(a["a"], b["b"], only_time) == pytest.approx((seconds(2003, 5) - seconds(2003, 4)) / (seconds(2003, 5) - seconds(2003, 4)))
    with pytest.raises(ValueError, match="threshold"):
        Timeline.merge(a, b, threshold=2)
    with pytest.raises(TypeError, match="argument 1"):
        Timeline.merge(a, [visit("x", "d", "2003")])  # type: ignore[arg-type]


def test_a_group_stays_compatible_in_time() -> None:
    reports = [Timeline([visit(f"v{k}", f"d{k}", when)]) for k, when in enumerate(["2003-04", "2003-04-10", "2003-04-20"])]
    merged = Timeline.merge(*reports)
    # 04-10 and 04-20 cannot both be the April visit's day: two items remain
    assert len(merged) == 2
    assert sum(len(r.members) for r in merged.merges) == 2


def test_constraints_follow_their_items() -> None:
    a = Timeline([visit("v", "d1", "2003-04"), Item("sign", Span.unknown(), kind="sign", doc="d1")]).constrain("sign", "during", "v")
    b = Timeline([visit("v", "d2", "2003-04-10")])
    merged = Timeline.merge(a, b)
    assert merged.constraints == (Constraint("sign", "during", "d1:v"),)
    assert merged["sign"].time == Span.from_timex3("2003-04-10")  # tightened again by the join
    assert merged.merges[0].members == ("d1:v", "d2:v")
