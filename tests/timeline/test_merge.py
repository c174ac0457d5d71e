"""Timeline.merge: one item per event reported by several documents, with all its evidence."""

from __future__ import annotations

import attrs
import pytest

from timeline import Constraint, Evidence, Item, MergeRecord, Span, Timeline
from timeline.calendar import seconds
from timeline.merge import ActorKey, MergeWeights, actor_keys, actors_similarity, score


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


# --- merging reports of documents: actors by party, the latest report's status, ids once -----


@pytest.mark.parametrize(
    ("a", "b", "agree"),
    [
        (ActorKey("police", "SRB", "SRBCOP", "organization"), ActorKey("Serbia", "SRB", "SRB", "state"), True),
        (ActorKey("Serbian police", "SRB", "SRBCOP"), ActorKey("Serbian rebels", "SRB", "SRBREB"), False),
        (ActorKey("Serbian police", "SRB"), ActorKey("Belgrade", "SRB"), True),  # the same country
        (ActorKey("Serbia", "SRB", "SRB"), ActorKey("Croatia", "HRV", "HRV"), False),
        (ActorKey("Kohl", kind="person"), ActorKey("Helmut Kohl", "DEU", "DEUGOV", "person"), True),
        (ActorKey("Kohl", "AUT", kind="person"), ActorKey("Helmut Kohl", "DEU", kind="person"), False),
        (ActorKey("Union"), ActorKey("African Union", kind="organization"), False),  # not a person
        (ActorKey("RUS"), ActorKey("rus"), True),
        (ActorKey("RUS"), ActorKey("TJK"), False),
    ],
)
def test_actors_agree_by_code_then_country_then_name(a: ActorKey, b: ActorKey, agree: bool) -> None:
    assert a.agrees(b) is agree
    assert b.agrees(a) is agree


def test_actor_similarity_matches_each_actor_once() -> None:
    serbia, police = ActorKey("Serbia", "SRB", "SRB"), ActorKey("police", "SRB", "SRBCOP")
    assert actors_similarity([serbia], [police]) == 1.0
    assert actors_similarity([serbia, police], [ActorKey("Serbian army", "SRB", "SRBMIL")]) == pytest.approx(1 / 2)
    assert actors_similarity([ActorKey("Croatia", "HRV")], [serbia]) == 0.0
    assert actors_similarity([], []) is None
    item = Item("x", Span.from_timex3("2003"), actor_names=("RUS", "rus", "TJK"))
    assert actor_keys(item) == (ActorKey("RUS"), ActorKey("TJK"))


def _report(ident: str, doc: str, dct: str, status: str, when: str = "2003-04") -> Timeline:
    return Timeline([attrs.evolve(visit(ident, doc, when), status=status)], name=doc, dct=Span.from_timex3(dct))


@pytest.mark.parametrize("later_first", [False, True])
def test_a_planned_event_done_in_a_later_report_is_occurred(later_first: bool) -> None:
    early = _report("v", "early", "2003-03-20", "planned")
    late = _report("v", "late", "2003-04-12", "occurred", "2003-04-10")
    (joined,) = Timeline.merge(*((late, early) if later_first else (early, late)))
    assert joined.status == "occurred"
    assert joined.time == Span.from_timex3("2003-04-10")
    called_off = _report("v", "later", "2003-04-30", "negated")
    (joined,) = Timeline.merge(early, late, called_off)
    assert joined.status == "negated"  # the latest report's word stands


def test_without_report_dates_the_first_status_stays() -> None:
    planned = Timeline([attrs.evolve(visit("v", "d1", "2003-04"), status="planned")])
    done = Timeline([attrs.evolve(visit("v", "d2", "2003-04"), status="occurred")])
    (joined,) = Timeline.merge(planned, done)
    assert joined.status == "planned"


def test_ids_that_carry_their_document_are_not_prefixed_again() -> None:
    # two documents named alike ("report" from a/report.txt and b/report.txt), ids as events makes them
    first = Timeline([visit("report:visit-1", "report", "2003-04"), visit("report:visit-2", "report", "2003-09", actors=("USA",))], name="report")
    second = Timeline([visit("report:visit-1", "report", "2003-06", actors=("FRA",), places=("Paris",))], name="report")
    merged = Timeline.merge(first, second)
    assert sorted(merged.ids) == ["report#1:visit-1", "report:visit-1", "report:visit-2"]
    assert not [i for i in merged.ids if i.count("report") > 1]
    (visit_1,) = Timeline.merge(first, Timeline([visit("other:visit-1", "other", "2003-04-10")], name="other")).merges
    assert visit_1.members == ("report:visit-1", "other:visit-1")
