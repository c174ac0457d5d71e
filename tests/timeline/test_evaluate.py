"""TempEval-3 metrics against hand-made gold/system pairs with known answers."""

from __future__ import annotations

import math
from typing import Any

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.evaluate import (
    PRF,
    Counts,
    count,
    evaluate,
    get_attribute,
    relaxed_pairs,
    scores,
    strict_pairs,
)
from timeline.io.timeml import GoldEvent, GoldTimex


def m(start: int, end: int, type: str = "DATE", value: str = "X") -> dict[str, Any]:
    return {"start": start, "end": end, "type": type, "value": value}


def test_partial_system_known_answer() -> None:
    gold = [m(0, 10, "DATE", "2003"), m(20, 30, "DURATION", "P1D")]
    system = [m(0, 10, "DATE", "2003"), m(22, 30, "DURATION", "P2D"), m(40, 45, "DATE", "X")]
    result = evaluate([(gold, system)])
    assert result.counts == Counts(2, 3, 1, 2, (("type", 2), ("value", 1)))
    assert result.strict == PRF(1 / 3, 1 / 2, 0.4)
    assert result.relaxed.precision == pytest.approx(2 / 3)
    assert result.relaxed.recall == 1.0
    assert result.relaxed.f1 == pytest.approx(0.8)
    assert result.attribute("type").accuracy == 1.0
    assert result.attribute("type").f1 == pytest.approx(0.8)
    assert result.attribute("value").accuracy == 0.5
    assert result.attribute("value").f1 == pytest.approx(0.4)


def test_one_to_one_both_ways() -> None:
    # two system mentions inside one gold mention count once ...
    assert len(relaxed_pairs([m(0, 10)], [m(0, 3), m(4, 8)])) == 1
    # ... and one long system mention over two gold mentions counts once
    assert len(relaxed_pairs([m(0, 10), m(12, 20)], [m(0, 20)])) == 1
    # touching is not overlapping: ends are exclusive
    assert relaxed_pairs([m(0, 5)], [m(5, 9)]) == []


def test_closest_partner_gets_compared() -> None:
    gold = [m(10, 20, value="right")]
    system = [m(5, 11, value="wrong"), m(10, 19, value="right"), m(19, 40, value="wrong")]
    assert relaxed_pairs(gold, system) == [(0, 1)]
    assert count(gold, system).correct("value") == 1


def test_exact_partner_beats_a_larger_overlap_elsewhere() -> None:
    gold = [m(0, 4), m(0, 10)]
    system = [m(0, 10), m(0, 4)]
    assert relaxed_pairs(gold, system) == [(0, 1), (1, 0)]
    assert strict_pairs(gold, system) == [(0, 1), (1, 0)]


def test_augmenting_path_makes_the_matching_maximum() -> None:
    # greedy: gold 0 takes (5, 9), its largest overlap; gold 1 overlaps only (5, 9):
    # the augmenting path moves gold 0 to (0, 2).
    gold = [m(0, 10), m(8, 12)]
    system = [m(5, 9), m(0, 2)]
    assert relaxed_pairs(gold, system) == [(0, 1), (1, 0)]


def test_duplicates_match_once_each() -> None:
    assert strict_pairs([m(1, 4), m(1, 4)], [m(1, 4)]) == [(0, 0)]
    assert len(strict_pairs([m(1, 4), m(1, 4)], [m(1, 4), m(1, 4), m(1, 4)])) == 2
    assert len(relaxed_pairs([m(1, 4), m(1, 4)], [m(1, 4)])) == 1


def test_micro_average_sums_counts_before_dividing() -> None:
    first = ([m(0, 5)], [m(0, 5)])
    second: tuple[list[dict[str, Any]], list[dict[str, Any]]] = ([m(0, 5), m(10, 15), m(20, 25)], [])
    result = evaluate([first, second])
    assert result.relaxed.recall == 0.25  # macro would say (1 + 0) / 2
    assert result.relaxed.precision == 1.0
    assert result.counts.gold == 4


def test_empty_everything_is_zero_not_an_error() -> None:
    result = evaluate([([], []), ([], [])])
    assert result.strict == PRF(0.0, 0.0, 0.0)
    assert result.attribute("value").accuracy == 0.0
    nothing_found = evaluate([([m(0, 3)], [])])
    assert nothing_found.relaxed == PRF(0.0, 0.0, 0.0)


def test_missing_system_attribute_is_wrong_and_whitespace_ignored() -> None:
    gold = [m(0, 5, value="2003"), m(10, 15, value="P1D")]
    system = [{"start": 0, "end": 5, "type": "DATE"}, m(10, 15, value=" P1D ")]
    assert count(gold, system).attributes == (("type", 2), ("value", 1))


def test_objects_and_event_classes() -> None:
    gold = [GoldEvent(0, 5, "fell.", "e1", "OCCURRENCE"), GoldEvent(7, 12, "rose.", "e2", "STATE")]
    system = [{"start": 0, "end": 4, "class": "OCCURRENCE"}, {"start": 7, "end": 12, "class": "OCCURRENCE"}]
    result = evaluate([(gold, system)], attributes=("class",))
    assert result.counts.strict == 1
    assert result.attribute("class").accuracy == 0.5
    assert get_attribute(gold[0], "class") == "OCCURRENCE"
    timex = GoldTimex(1, 2, "x", "DATE", "2003")
    assert count([timex], [timex]).attributes == (("type", 1), ("value", 1))


def test_bad_mentions_and_unknown_attributes_are_refused() -> None:
    with pytest.raises(ValueError, match="start <= end"):
        count([m(5, 2)], [])
    with pytest.raises(ValueError, match="start=None"):
        count([{"end": 3}], [])
    with pytest.raises(KeyError, match="'class'"):
        scores(count([m(0, 1)], [m(0, 1)])).attribute("class")


def test_counts_add_and_to_dict_layout() -> None:
    a = count([m(0, 5)], [m(0, 5)])
    b = count([m(0, 5)], [m(1, 3, value="Y")])
    total = a + b
    assert total == Counts(2, 2, 1, 2, (("type", 2), ("value", 1)))
    layout = scores(total).to_dict()
    assert layout["counts"] == {"gold": 2, "system": 2, "strict_matches": 1, "relaxed_matches": 2, "type_matches": 2, "value_matches": 1}
    assert set(layout) == {"counts", "strict", "relaxed", "type", "value"}
    assert layout["value"] == {"accuracy": 0.5, "f1": 0.5}


# --------------------------------------------------------------------------------------------
# Properties: the matching is a maximum one-to-one matching of overlapping spans

SPANS = st.lists(st.tuples(st.integers(0, 40), st.integers(1, 12)).map(lambda p: m(p[0], p[0] + p[1])), max_size=9)


def _maximum_matching_size(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> int:
    graph = nx.Graph()
    graph.add_nodes_from((("g", i) for i in range(len(gold))), bipartite=0)
    graph.add_nodes_from((("s", j) for j in range(len(system))), bipartite=1)
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if min(g["end"], s["end"]) > max(g["start"], s["start"]):
                graph.add_edge(("g", i), ("s", j))
    return len(nx.max_weight_matching(graph, maxcardinality=True))


@settings(max_examples=300, deadline=None)
@given(SPANS, SPANS)
def test_relaxed_pairs_are_a_maximum_matching(gold: list[dict[str, Any]], system: list[dict[str, Any]]) -> None:
    pairs = relaxed_pairs(gold, system)
    assert len({g for g, _ in pairs}) == len({s for _, s in pairs}) == len(pairs)
    for g, s in pairs:
        assert min(gold[g]["end"], system[s]["end"]) > max(gold[g]["start"], system[s]["start"])
    assert len(pairs) == _maximum_matching_size(gold, system)
    assert len(strict_pairs(gold, system)) <= len(pairs)
    assert pairs == sorted(pairs)
    assert len(relaxed_pairs(system, gold)) == len(pairs)  # symmetric in size


@settings(max_examples=100, deadline=None)
@given(SPANS)
def test_gold_against_itself_scores_one(gold: list[dict[str, Any]]) -> None:
    result = evaluate([(gold, list(reversed(gold)))])
    expected = 1.0 if gold else 0.0
    assert result.strict.f1 == result.relaxed.f1 == expected
    assert result.attribute("value").f1 == expected
    assert not math.isnan(result.relaxed.precision)
