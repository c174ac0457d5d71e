"""Spans of the time stage: the report's day."""

from __future__ import annotations

from events.text.timing import framed_span, iso, phase_span, the_day_of
from timeline import calendar
from timeline.span import Granularity, Span


def test_the_day_of_a_report_given_to_the_minute_is_its_calendar_day() -> None:
    dct = Span.from_timex3("1998-02-13T14:26")
    found = the_day_of(dct)
    assert found is not None
    assert found.granularity is Granularity.DAY
    assert (iso(found.earliest_start), iso(found.latest_end, end=True)) == ("1998-02-13T00:00:00", "1998-02-13T23:59:59")
    assert found.timex == "1998-02-13"


def test_the_day_before_the_common_era_is_a_day_too() -> None:
    start = calendar.seconds(-43, 3, 15)
    found = the_day_of(Span.within(start + 3600, start + 7200, Granularity.HOUR))
    assert found is not None
    assert iso(found.earliest_start) == "-0043-03-15T00:00:00"
    assert found.timex is None


def test_a_phase_span_runs_from_the_start_s_period_to_the_end_s() -> None:
    found = phase_span(Span.from_timex3("2002-05"), Span.from_timex3("2002-08"))
    assert (iso(found.earliest_start), iso(found.latest_end, end=True)) == ("2002-05-01T00:00:00", "2002-08-31T23:59:59")
    assert iso(found.latest_start) == "2002-06-01T00:00:00"  # it began in May
    assert iso(found.earliest_end) == "2002-08-01T00:00:00"  # and ended in August


def test_a_framed_span_is_a_bound_of_the_period() -> None:
    may = Span.from_timex3("2002-05")
    after, before, by = (framed_span(r, may) for r in ("after", "before", "by"))
    assert (iso(after.earliest_start), after.latest_end) == ("2002-06-01T00:00:00", None)
    assert (before.earliest_start, iso(before.latest_end)) == (None, "2002-05-01T00:00:00")
    assert (by.earliest_start, iso(by.latest_end)) == (None, "2002-06-01T00:00:00")
