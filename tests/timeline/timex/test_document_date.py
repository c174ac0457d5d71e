"""``parse_document_date``: the one reader of document dates (issue 16, item 4)."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from timeline import DocumentDate, Span, parse_document_date, tag


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2003-03-18", DocumentDate(2003, 3, 18)),
        ("20030318", DocumentDate(2003, 3, 18)),
        ("2003-03", DocumentDate(2003, 3)),
        ("2003", DocumentDate(2003)),
        ("2003-03-18T10:42:00Z", DocumentDate(2003, 3, 18)),
        ("2003-03-18T10:42:00+01:00", DocumentDate(2003, 3, 18)),
        ("2003-03-18 10:42", DocumentDate(2003, 3, 18)),
        ("2004-02-29", DocumentDate(2004, 2, 29)),
        ("-0043-03-15", DocumentDate(-43, 3, 15)),
        ("+12000", DocumentDate(12000)),
        (dt.date(2003, 3, 18), DocumentDate(2003, 3, 18)),
        (dt.datetime(2003, 3, 18, 23, 59), DocumentDate(2003, 3, 18)),
    ],
)
def test_accepted_forms(given: object, expected: DocumentDate) -> None:
    assert parse_document_date(given) == expected


def test_a_span_gives_its_first_day() -> None:
    assert parse_document_date(Span.from_timex3("2003-03")) == DocumentDate(2003, 3, 1)


@pytest.mark.parametrize(
    "given",
    ["", "yesterday", "2003-13", "2003-02-29", "2003-03-32", "1999-1999", "20031318", "2003-3-18",
     "2003-03-18T25:00", "18/03/2003", "+1000001", "-1000001-01-01", "2003-03-18x"],
)
def test_anything_else_is_a_value_error_naming_it(given: str) -> None:
    with pytest.raises(ValueError, match=re.escape(repr(given))):
        parse_document_date(given)


@pytest.mark.parametrize("given", [20030318, 2003.0, None, b"2003-03-18", ["2003"]])
def test_other_types_are_refused(given: object) -> None:
    with pytest.raises(ValueError, match="document date"):
        parse_document_date(given)


def test_years_up_to_a_million_either_way() -> None:
    assert parse_document_date("+1000000").year == 1_000_000
    assert parse_document_date("-1000000").year == -1_000_000


def test_value_and_granularity() -> None:
    assert parse_document_date("20030318").value == "2003-03-18"
    assert parse_document_date("2003-03").granularity == "month"
    assert parse_document_date("0000").value == "BC0001"
    assert parse_document_date("2003").span == Span.from_timex3("2003")


def test_tag_reads_a_compact_date_as_a_day_not_a_huge_year() -> None:
    (timex,) = tag("Putin will visit next month.", dct="20030318")
    assert timex.value == "2003-04"
