"""Allen's relations under uncertainty: hand-worked cases (the seed's among them), and the
network answers checked against brute force over every choice of endpoints."""

from __future__ import annotations

import itertools
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.conftest import SHARED
from timeline import Certainty, Relation, Relations, Span, UnknownRelationError
from timeline.allen import relation

T = Span.from_timex3
ALL = frozenset(Relation)


# --- the seed's times (rferl-2003-03-18) --------------------------------------------------


def test_last_week_is_certainly_before_next_month() -> None:
    r = relation(T("2003-W11"), T("2003-04"))
    assert r.certain == {Relation.BEFORE}
    assert r.possible == {Relation.BEFORE}
    assert T("2003-W11").is_before(T("2003-04")) is Certainty.CERTAIN


def test_1999_is_certainly_before_after_the_dct() -> None:
    after_dct = T("2003-03-18", "AFTER")
    assert after_dct.latest_end is None
    assert relation(T("1999"), after_dct).certain == {Relation.BEFORE}
    assert after_dct.is_after(T("1999")) is Certainty.CERTAIN


def test_seed_years_in_order() -> None:
    years = [T("1999"), T("2001"), T("2003-W11"), T("2003-04"), T("2004")]
    for a, b in itertools.combinations(years, 2):
        assert a.is_before(b) is Certainty.CERTAIN, (a.timex, b.timex)
        assert b.is_before(a) is Certainty.IMPOSSIBLE


def test_year_and_its_month_possibly_relate_in_several_ways() -> None:
    r = relation(T("2003"), T("2003-03"))
    assert not r.certain
    # an event somewhere in 2003 vs one in March 2003: both anywhere in their periods
    assert {Relation.CONTAINS, Relation.DURING, Relation.OVERLAPS, Relation.BEFORE, Relation.AFTER} <= r.possible


def test_march_and_april_before_or_meet() -> None:
    r = relation(T("2003-03"), T("2003-04"))
    assert r.possible == {Relation.BEFORE, Relation.MEETS}
    assert r.holds("before") is Certainty.POSSIBLE
    assert r.holds("equals") is Certainty.IMPOSSIBLE
    assert r.any_of(["before", "meets"]) is Certainty.CERTAIN


def test_week_inside_its_month_exact_container() -> None:
    march = Span.exactly(*_bounds("2003-03"))
    r = relation(T("2003-W11"), march)
    assert r.certain == {Relation.DURING}


def test_exact_intervals() -> None:
    a, b = Span.exactly(0, 10), Span.exactly(10, 20)
    assert relation(a, b).certain == {Relation.MEETS}
    assert relation(b, a).certain == {Relation.MET_BY}
    assert relation(Span.exactly(0, 15), b).certain == {Relation.OVERLAPS}
    assert relation(Span.exactly(10, 15), b).certain == {Relation.STARTS}
    assert relation(Span.exactly(12, 15), b).certain == {Relation.DURING}
    assert relation(Span.exactly(12, 20), b).certain == {Relation.FINISHES}
    assert relation(Span.exactly(10, 20), b).certain == {Relation.EQUALS}


def test_instants_against_an_interval() -> None:
    i = Span.exactly(10, 20)
    assert relation(Span.instant(10), i).certain == {Relation.STARTS}
    assert relation(Span.instant(15), i).certain == {Relation.DURING}
    assert relation(Span.instant(20), i).certain == {Relation.FINISHES}
    assert relation(Span.instant(5), i).certain == {Relation.BEFORE}
    assert relation(Span.instant(7), Span.instant(7)).certain == {Relation.EQUALS}


def test_open_spans() -> None:
    unknown = Span.unknown()
    r = relation(unknown, T("2003"))
    assert r.possible == ALL
    assert not r.certain
    before_2003 = T("2003", "BEFORE")
    assert relation(before_2003, T("2003")).holds("before") is Certainty.POSSIBLE
    assert relation(before_2003, T("2003")).any_of(["before", "meets"]) is Certainty.CERTAIN


def test_relation_names_and_errors() -> None:
    assert Relation.named("met-by") is Relation.MET_BY
    assert Relation.named("Overlapped By") is Relation.OVERLAPPED_BY
    assert Relation.BEFORE.inverse is Relation.AFTER
    assert Relation.EQUALS.inverse is Relation.EQUALS
    assert {r.inverse.inverse for r in Relation} == ALL
    with pytest.raises(UnknownRelationError, match="'sideways' is not an Allen relation"):
        Relation.named("sideways")
    with pytest.raises(ValueError, match="sideways"):
        Relations(frozenset(), frozenset()).holds("sideways")


def test_str_of_relations() -> None:
    assert str(relation(T("2003-03"), T("2003-04"))) == "certain: -; possible: before, meets"


# --- brute force ---------------------------------------------------------------------------


def _bounds(value: str) -> tuple[int, int]:
    s = T(value)
    assert s.earliest_start is not None
    assert s.latest_end is not None
    return s.earliest_start, s.latest_end


def _holds(rel: Relation, sa: int, ea: int, sb: int, eb: int) -> bool:
    defs = {
        Relation.BEFORE: ea < sb,
        Relation.MEETS: ea == sb and sa < ea and sb < eb,
        Relation.OVERLAPS: sa < sb < ea < eb,
        Relation.STARTS: sa == sb and ea < eb,
        Relation.DURING: sb < sa and ea < eb,
        Relation.FINISHES: sb < sa and ea == eb,
        Relation.EQUALS: sa == sb and ea == eb,
    }
    if rel in defs:
        return defs[rel]
    return _holds(rel.inverse, sb, eb, sa, ea)


def _choices(s: Span, lo: int, hi: int) -> list[tuple[int, int]]:
    """Every (start, end) the span allows within [lo, hi] (open bounds cut at lo/hi), read the
    documented way: differing bounds are half-open as in Span.within."""
    es = lo if s.earliest_start is None else s.earliest_start
    le = hi if s.latest_end is None else s.latest_end
    out = []
    for start in range(lo, hi + 1):
        if start < es or (s.latest_start is not None and start > s.latest_start):
            continue
        if s.latest_start is not None and s.earliest_start != s.latest_start and start == s.latest_start:
            continue
        for end in range(start, hi + 1):
            if end > le or (s.earliest_end is not None and end < s.earliest_end):
                continue
            if s.earliest_end is not None and s.earliest_end != s.latest_end and end == s.earliest_end:
                continue
            out.append((start, end))
    return out


@st.composite
def small_spans(draw: st.DrawFn) -> Span:
    es = draw(st.none() | st.integers(0, 5))
    ls = draw(st.none() | st.integers(es if es is not None else 0, 5))
    ee = draw(st.none() | st.integers(0, 5))
    le = draw(st.none() | st.integers(max(x for x in (ee, es, 0) if x is not None), 5))
    return Span(es, ls, ee, le)


@settings(max_examples=200, deadline=None)
@given(small_spans(), small_spans())
def test_matches_brute_force(a: Span, b: Span) -> None:
    # open bounds reach 3 beyond the finite range, which is enough room for every relation
    lo, hi = -3, 8
    ca, cb = _choices(a, lo, hi), _choices(b, lo, hi)
    if not ca or not cb:
        return  # bounds that allow no interval at all (e.g. half-open start and end that cross)
    expected_possible = set()
    expected_certain = set(Relation)
    for (sa, ea), (sb, eb) in itertools.product(ca, cb):
        true = {r for r in Relation if _holds(r, sa, ea, sb, eb)}
        assert len(true) == 1, (sa, ea, sb, eb, true)
        expected_possible |= true
        expected_certain &= true
    got = relation(a, b)
    assert got.possible == expected_possible
    assert got.certain == expected_certain


@settings(max_examples=200, deadline=None)
@given(small_spans(), small_spans())
def test_inverse_symmetry(a: Span, b: Span) -> None:
    assert relation(b, a) == relation(a, b).inverse
    r = relation(a, b)
    assert r.certain <= r.possible
    assert len(r.certain) <= 1


@given(st.integers(-(10**12), 10**12), st.integers(0, 10**9), st.integers(-(10**12), 10**12), st.integers(0, 10**9))
def test_exact_spans_have_one_certain_relation(s1: int, d1: int, s2: int, d2: int) -> None:
    r = relation(Span.exactly(s1, s1 + d1), Span.exactly(s2, s2 + d2))
    assert len(r.certain) == 1
    assert r.possible == r.certain


# --- the seed's gold annotation -------------------------------------------------------------

SEED = SHARED / "seed" / "gold.json"
MOD_OF = {"after": "AFTER", "before": "BEFORE"}


def _gold_span(time: dict[str, str], dct: Span) -> Span | None:
    if "value" in time:
        return Span.from_timex3(time["value"], time.get("mod"), dct=dct)
    for key, mod in MOD_OF.items():
        if key in time:
            return Span.from_timex3(time[key], mod, dct=dct)
    return None


@pytest.mark.corpus
def test_seed_gold_relations_are_possible() -> None:
    if not SEED.is_file():
        pytest.skip(f"no seed at {SEED}")
    gold = json.loads(SEED.read_text(encoding="utf-8"))
    dct = Span.from_timex3(gold["dct"])
    spans = {e["id"]: _gold_span(e.get("time") or {}, dct) for e in gold["events"]}
    checked = 0
    for event in gold["events"]:
        for name, other in event.get("relations", []):
            a, b = spans[event["id"]], spans.get(other)
            if a is None or b is None or a.kind != "date" or b.kind != "date":
                continue
            assert relation(a, b).holds(name) is not Certainty.IMPOSSIBLE, (event["id"], name, other)
            checked += 1
    assert checked >= 2
    # dated before/after the document date: certainly on that side of the 1999 agreement
    assert spans["kant-deployment"] is not None
    assert spans["kant-deployment"].is_after(spans["agreement-1999"]) is Certainty.CERTAIN  # type: ignore[arg-type]
    assert spans["us-bases-central-asia"] is not None
    assert spans["us-bases-central-asia"].is_after(dct) is Certainty.IMPOSSIBLE


def test_answers_refuse_truth() -> None:
    # "impossible" is a non-empty string: `if a.is_before(b):` would always be true
    answer = T("2004").is_before(T("2003"))
    assert answer is Certainty.IMPOSSIBLE
    for value in (answer, Certainty.CERTAIN, relation(T("2003"), T("2004"))):
        with pytest.raises(TypeError, match=r"\.certain or \.possible"):
            bool(value)
    with pytest.raises(TypeError, match="ambiguous"):
        _ = not relation(T("2003"), T("2004"))
