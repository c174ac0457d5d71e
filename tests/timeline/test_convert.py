"""The one converter and the one flat row (``timeline.convert``)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import Evidence, Granularity, Item, Span
from timeline.calendar import seconds
from timeline.convert import (
    MAX_YEAR,
    ROW_COLUMNS,
    build_converter,
    converter,
    granularity_named,
    instant,
    instant_text,
    item_from_row,
    item_row,
    row_columns,
    span_data,
)


@given(st.integers(seconds(-MAX_YEAR + 1), seconds(MAX_YEAR - 1)))
def test_instants_round_trip_in_any_year(value: int) -> None:
    assert instant(instant_text(value)) == value


def test_instant_text_of_bce_and_far_years() -> None:
    assert instant_text(seconds(-44, 3, 15)) == "-0044-03-15T00:00:00"
    assert instant_text(seconds(12000)) == "+12000-01-01T00:00:00"
    assert instant_text(seconds(2003, 3, 18, 10, 30)) == "2003-03-18T10:30:00"


@pytest.mark.parametrize("bad", ["2003-13-01T00:00:00", "2003-03-18", "+1000000000000000-01-01T00:00:00", "x", True, 1.5, [], 10**40])
def test_bad_instants_are_value_errors(bad: object) -> None:
    with pytest.raises(ValueError, match="instant"):
        instant(bad)


def test_granularity_names() -> None:
    assert granularity_named("week") is granularity_named("WEEK") is granularity_named(5) is Granularity.WEEK
    with pytest.raises(ValueError, match="fortnight"):
        granularity_named("fortnight")


def test_span_json_has_iso_instants_and_exclusive_ends() -> None:
    data = span_data(Span.from_timex3("2003-03"))
    assert (data["earliest_start"], data["latest_end"], data["granularity"]) == ("2003-03-01T00:00:00", "2003-04-01T00:00:00", "month")
    assert converter.structure(data, Span) == Span.from_timex3("2003-03")


def test_a_fresh_converter_writes_what_the_shared_one_writes() -> None:
    item = Item("a", Span.from_timex3("2003-W11"), "x", evidence=(Evidence("d", 1, 2, "t", "s"),), attributes={"n": 1})
    assert build_converter().unstructure(item) == converter.unstructure(item)
    assert json.loads(json.dumps(converter.unstructure(item)))["time"]["granularity"] == "week"


def test_strict_scalars() -> None:
    with pytest.raises(Exception, match=r"not a string|str"):
        converter.structure({"id": 5, "time": span_data(Span.unknown())}, Item)


def test_the_row_of_an_item() -> None:
    item = Item("a", Span.from_timex3("2003-04"), "", kind="", doc=None, actor_names=["RUS"], evidence=(Evidence("d", 3, 9, "visit", "He will visit."),))
    row = item_row(item)
    assert tuple(row)[: len(ROW_COLUMNS)] == ROW_COLUMNS
    assert (row["class"], row["kind"], row["doc"], row["label"]) == ("timeline.item.Item", "", None, "")
    assert (row["sentence"], row["text"], row["granularity"]) == ("He will visit.", "visit", "month")
    assert row["latest_end"] == seconds(2003, 5)
    assert item_from_row(row) == item
    assert [c.name for c in row_columns([Item])][len(ROW_COLUMNS) :] == ["attributes"]
