"""Expressions news and histories use, each with values written from the TimeML guidelines.

The document date of the news sentences is Wednesday 19 March 2003 (DCT below).
"""

from __future__ import annotations

import pytest

from timeline import Span, Tagger, calendar, tag, tag_ranges

DCT = "2003-03-19"  # a Wednesday


def values(text: str, **kw: object) -> list[tuple[str, str, str | None]]:
    return [(t.text, t.value, t.mod) for t in tag(text, dct=kw.pop("dct", DCT), **kw)]  # type: ignore[arg-type]


def years(span: Span | None) -> tuple[int, int]:
    assert span is not None
    assert span.earliest_start is not None
    assert span.latest_end is not None
    return calendar.civil_from_seconds(span.earliest_start)[0], calendar.civil_from_seconds(span.latest_end - 1)[0]


# --- durations counted from now: TimeML keeps the duration, the Timex also gives the point ------


@pytest.mark.parametrize(
    ("text", "words", "value", "point"),
    [
        ("The pope will travel to Rome in three weeks.", "three weeks", "P3W", "2003-04-09"),
        ("A referendum will take place in four months.", "four months", "P4M", "2003-07"),
        ("The plant will close within two years.", "two years", "P2Y", "2005"),
        ("The court will rule in ten days.", "ten days", "P10D", "2003-03-29"),
    ],
)
def test_in_n_units_in_a_future_clause_is_a_duration_with_its_point(text: str, words: str, value: str, point: str) -> None:
    (timex,) = tag(text, dct=DCT)
    assert (timex.text, timex.type, timex.value) == (words, "DURATION", value)
    assert timex.anchored == point
    assert timex.anchored_span == Span.from_timex3(point)


def test_n_units_from_now_is_the_point_itself() -> None:
    (timex,) = tag("Elections are due five months from now.", dct=DCT)
    assert (timex.type, timex.value, timex.anchored) == ("DATE", "2003-08", "2003-08")


@pytest.mark.parametrize("text", ["He spent three weeks in Rome.", "In three weeks of talks, nothing moved.", "The strike lasted four months."])
def test_a_duration_not_counted_from_now_has_no_point(text: str) -> None:
    (timex,) = (t for t in tag(text, dct=DCT) if t.type == "DURATION")
    assert timex.anchored is None
    assert timex.anchored_span is None


# --- tense decides the direction, also when the verb follows ----------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The senator on Tuesday admitted the affair.", "2003-03-18"),
        ("The senator on Tuesday will admit the affair.", "2003-03-25"),
        ("The treaty in November signed by both sides was void.", "2002-11"),
        ("The parties in November will sign the treaty.", "2003-11"),
    ],
)
def test_the_verb_after_the_expression_gives_the_direction(text: str, value: str) -> None:
    assert [v for _, v, _ in values(text)] == [value]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The two leaders meet Monday in London.", "2003-03-24"),
        ("The new session of parliament opens Friday.", "2003-03-21"),
        ("The two leaders did not meet Monday.", "2003-03-17"),
        ("After the start Monday, prices fell.", "2003-03-17"),
        ("The deadline is Friday.", "2003-03-21"),
        ("The vote is on Friday, officials said.", "2003-03-21"),
        ("The vote was on Friday.", "2003-03-14"),
        ("He is accused of killing a man on Friday.", "2003-03-14"),
    ],
)
def test_the_present_of_a_timetable_is_the_coming_day(text: str, value: str) -> None:
    # "meet Monday" in the present tense is scheduled: the coming Monday; "did not meet" is a past
    assert [v for _, v, _ in values(text)] == [value]


# --- circa ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["The house was built c. 1790.", "The house was built ca. 1790.", "The house was built circa 1790."])
def test_circa_abbreviations_are_approximate(text: str) -> None:
    ((words, value, mod),) = values(text)
    assert (value, mod) == ("1790", "APPROX")
    assert words.endswith("1790")
    assert words != "1790"
    (timex,) = tag(text, dct=DCT)
    assert years(timex.span) == (1789, 1791)  # one year each way by default


def test_circa_width_is_configurable() -> None:
    tagger = Tagger(circa_years=3, circa_round_years=5)
    year, round_year, decade = tagger.tag("built c. 1793, rebuilt c. 1800, extended c. the 1840s", dct=DCT)
    assert years(year.span) == (1790, 1796)
    assert years(round_year.span) == (1795, 1805)
    assert years(decade.span) == (1835, 1854)
    assert (round_year.value, round_year.mod) == ("1800", "APPROX")  # the TIMEX3 stays as TimeML writes it


def test_default_round_years_widen_by_one_unit() -> None:
    (decade,) = tag("built about the 1840s", dct=DCT)
    assert years(decade.span) == (1830, 1859)


@pytest.mark.parametrize("width", [-1, 1.5, "5", True])
def test_a_bad_circa_width_is_refused(width: object) -> None:
    with pytest.raises(ValueError, match="circa_years"):
        Tagger(circa_years=width)  # type: ignore[arg-type]


# --- before / after / until keep their bound ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("The site was abandoned before 900 BC.", "BC0900", "BEFORE"),
        ("The town was founded after 500 BC.", "BC0500", "AFTER"),
        ("He ruled until 1990.", "1990", "ON_OR_BEFORE"),
        ("Nothing changed prior to 1945.", "1945", "BEFORE"),
    ],
)
def test_bounds_keep_their_mod(text: str, value: str, mod: str) -> None:
    ((words, got_value, got_mod),) = values(text)
    assert (got_value, got_mod) == (value, mod)
    assert words == value.replace("BC0", "") + (" BC" if "BC" in value else "")  # the preposition is a signal


def test_before_opens_the_span_on_the_left() -> None:
    (timex,) = tag("The site was abandoned before 900 BC.", dct=DCT)
    assert timex.span is not None
    assert timex.span.earliest_start is None
    assert timex.span.latest_end == Span.from_timex3("BC0900").earliest_start


def test_a_duration_before_a_date_leaves_the_date_alone() -> None:
    assert ("Christmas", "2002-12-25", None) in values("Two days before Christmas he left.")


# --- centuries and their parts ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "mod", "span_years"),
    [
        ("the second half of the 17th century", "16", "END", (1650, 1699)),
        ("the first half of the 17th century", "16", "START", (1600, 1649)),
        ("the first quarter of the nineteenth century", "18", "START", (1800, 1824)),
        ("the latter half of the 5th century BC", "BC04", "END", (-449, -400)),
        ("the 1700s", "17", None, (1700, 1799)),
        ("the late 1700s", "17", "END", (1766, 1799)),
    ],
)
def test_a_century_and_its_part_are_one_expression(text: str, value: str, mod: str | None, span_years: tuple[int, int]) -> None:
    (timex,) = tag(f"It happened in {text}.", dct=DCT)
    assert (timex.text, timex.value, timex.mod) == (text, value, mod)
    assert years(timex.span) == span_years


# --- ranges -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "first", "last", "start_year", "end_year"),
    [
        ("The war lasted from 1618 to 1648.", "1618", "1648", 1618, 1648),
        ("Prices rose between 1995 and 1999.", "1995", "1999", 1995, 1999),
        ("The Thirty Years War (1618-48) ravaged Europe.", "1618", "1648", 1618, 1648),
    ],
)
def test_year_ranges(text: str, first: str, last: str, start_year: int, end_year: int) -> None:
    (found,) = tag_ranges(text, dct=DCT)
    assert (found.first.value, found.last.value) == (first, last)
    assert years(found.span) == (start_year, end_year)
    assert found.span.latest_start == Span.from_timex3(first).latest_end  # it starts within the first
    assert found.span.earliest_end == Span.from_timex3(last).earliest_start  # and ends within the last


def test_a_day_range_is_two_timexes_and_one_range() -> None:
    text = "The summit runs 7-9 June."
    assert [t.value for t in tag(text, dct=DCT)] == ["2003-06-07", "2003-06-09"]
    (found,) = tag_ranges(text, dct=DCT)
    assert found.span.earliest_start == Span.from_timex3("2003-06-07").earliest_start
    assert found.span.latest_end == Span.from_timex3("2003-06-09").latest_end
    assert (found.start, found.end) == (16, 24)


@pytest.mark.parametrize("text", ["He visited in 1995 and 1999.", "It rose in 1999, not 1995.", "From 1999 to 1995 nothing."])
def test_not_ranges(text: str) -> None:
    assert tag_ranges(text, dct=DCT) == []


# --- ordinal days -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He arrived on the 12th.", "2003-03-12"),
        ("He arrived on the 25th.", "2003-02-25"),  # past, and the 25th of March is still to come
        ("He will arrive on the 25th.", "2003-03-25"),
        ("He will arrive on the 5th.", "2003-04-05"),  # future, and the 5th of March is gone
        ("He arrived on the third, officials said.", "2003-03-03"),
    ],
)
def test_ordinal_days_resolve_by_tense_in_the_reference_month(text: str, value: str) -> None:
    ((words, got, _),) = values(text)
    assert words.startswith("the ")
    assert got == value


def test_ordinal_day_in_a_history_takes_the_month_told() -> None:
    found = tag("In March 1916 the army attacked. On the 12th it retreated.", mode="narrative")
    assert [t.value for t in found] == ["1916-03", "1916-03-12"]


@pytest.mark.parametrize("text", ["She lives on the 3rd floor.", "the 12th Division attacked", "He came 2nd in the race."])
def test_ordinals_of_other_things_are_no_days(text: str) -> None:
    assert values(text) == []


# --- earnings reports compare the quarter whose results they give --------------------------------

REPORT = "1989-11-01"  # a report in the fourth quarter of 1989


@pytest.mark.parametrize(
    ("text", "words", "value"),
    [
        ("Net income rose in the third quarter. For the quarter a year ago, it earned $3 million.", "the quarter a year ago", "1988-Q3"),
        ("Profit fell in the third quarter, against a profit in the corresponding period last year.", "the corresponding period last year", "1988-Q3"),
        ("Sales fell in the third quarter; sales for last year's quarter were higher.", "last year's quarter", "1988-Q3"),
        (
            "The company posted a third-quarter loss. Analysts think it will lose money through the fourth quarter of 1990. In the year-ago period, it earned $5 million.",
            "the year-ago period",
            "1988-Q3",
        ),
        ("Losses will continue through at least the first two quarters of 1990.", "the first two quarters of 1990", "1990-H1"),
        ("Sales usually rise in the last two quarters of the year.", "the last two quarters of the year", "1989-H2"),
        ("In the quarter ended July 31, the company had 5.6 million shares outstanding.", "the quarter", "1989-Q2"),
        ("For the quarter ended Sept. 30, the airline posted a profit.", "the quarter", "1989-Q3"),
    ],
)
def test_quarters_of_a_report(text: str, words: str, value: str) -> None:
    # a period "a year ago" or "last year" is the quarter discussed, a year back; a quarter still to
    # come, named in a forecast, has no results to compare; two quarters of a year are its half; the
    # quarter that ends on July 31 is May to July, most of it the second calendar quarter
    assert (words, value, None) in values(text, dct=REPORT)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Rebels shelled the town overnight, police said.", "2003-03-18TNI"),
        ("On Monday, London shares fell after overnight losses in New York.", "2003-03-16TNI"),
        ("Talks will continue overnight.", "2003-03-19TNI"),
    ],
)
def test_overnight_in_a_past_clause_is_the_night_before(text: str, value: str) -> None:
    # a report tells what happened overnight: the night before its day (or before the day it names)
    assert [v for w, v, _ in values(text) if w == "overnight"] == [value]


def test_then_current_is_a_time_past() -> None:
    # "the then current price": the price current at a time past
    assert values("Holders may buy shares at half the then current market price.") == [("then current", "PAST_REF", None)]
    assert ("then current", "PAST_REF", None) not in values("Since then current prices have fallen.")


def test_a_half_of_a_decade_is_the_decade_with_its_part() -> None:
    (timex,) = tag("Beer sales grew fast in the last half of the '80s.", dct=DCT)
    assert (timex.text, timex.value, timex.mod) == ("the last half of the '80s", "198", "END")
    assert years(timex.span) == (1985, 1989)
    assert values("in the first half of the 1990s") == [("the first half of the 1990s", "199", "START")]


def test_one_day_after_a_modal_is_some_day_to_come() -> None:
    assert values("Islam will one day be the second largest religion in the country.") == [("one day", "FUTURE_REF", None)]
    assert values("The minister had only been in the job one day.") == [("one day", "P1D", None)]


def test_the_day_before_a_date_is_one_expression_a_day_off() -> None:
    # "the day before last Tuesday's hearing" names the Monday: one TIMEX3, as "the day before yesterday"
    # (on Wednesday 19 March, last Tuesday is the 18th)
    assert values("The day before last Tuesday's court hearing, the two sides met.") == [("The day before last Tuesday", "2003-03-17", None)]
    assert values("They met the day after Christmas.", dct="2003-01-10") == [("the day after Christmas", "2002-12-26", None)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The agency extended its deadline until 9 a.m. Tuesday.", "2003-03-25T09:00"),
        ("The agency had ruled against him and set Friday as the deadline for his return.", "2003-03-14"),
        ("Shareholders tendered 99% of the shares by the Tuesday deadline.", "2003-03-18"),
    ],
)
def test_a_deadline_lies_where_the_clause_puts_it(text: str, value: str) -> None:
    # "deadline" is a noun, no tense: the verbs decide, and "until" governs "9 a.m. Tuesday" whole
    assert [v for _, v, _ in values(text)] == [value]
