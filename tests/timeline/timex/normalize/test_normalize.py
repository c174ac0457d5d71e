"""TIMEX3 values of the issue's example phrases, tense-aware resolution, and value round trips."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import calendar as cal
from timeline import tag
from timeline.timex.anchor import FUTURE, PAST, Point, parse_dct, parse_point, tense_at

DCT = "2003-03-18"  # a Tuesday, ISO week 2003-W12


def one(text: str, dct: object = DCT) -> tuple[str, str, str, str | None]:
    found = tag(text, dct)  # type: ignore[arg-type]
    assert len(found) == 1, [(t.text, t.value) for t in found]
    t = found[0]
    return t.text, t.type, t.value, t.mod


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # absolute dates
        ("It began on 18 March 2003.", ("18 March 2003", "DATE", "2003-03-18")),
        ("It began on March 18, 2003.", ("March 18, 2003", "DATE", "2003-03-18")),
        ("It began on 3/18/2003.", ("3/18/2003", "DATE", "2003-03-18")),
        ("It began on 2003-03-18.", ("2003-03-18", "DATE", "2003-03-18")),
        ("It grew in the mid-1990s.", ("the mid-1990s", "DATE", "199")),
        ("It grew in the 1990s.", ("the 1990s", "DATE", "199")),
        ("Profit rose in fiscal 2002.", ("fiscal 2002", "DATE", "2002")),
        ("Athens fell in 478 BC.", ("478 BC", "DATE", "BC0478")),
        # relative to the document date
        ("He visited last week.", ("last week", "DATE", "2003-W11")),
        ("He will visit next month.", ("next month", "DATE", "2003-04")),
        ("Elections are next year.", ("next year", "DATE", "2004")),
        ("Aid rose last year.", ("last year", "DATE", "2002")),
        ("It closed two years ago.", ("two years ago", "DATE", "2001")),
        ("He arrived yesterday.", ("yesterday", "DATE", "2003-03-17")),
        ("Talks resume this week.", ("this week", "DATE", "2003-W12")),
        ("They are now ready.", ("now", "DATE", "PRESENT_REF")),
        ("He recently said so.", ("recently", "DATE", "PAST_REF")),
        # durations
        ("It took three years.", ("three years", "DURATION", "P3Y")),
        ("It has grown during the past few months.", ("the past few months", "DURATION", "PXM")),
        ("It lasted 2 1/2 years.", ("2 1/2 years", "DURATION", "P2Y6M")),
        ("It lasted a year and a half.", ("a year and a half", "DURATION", "P1Y6M")),
        ("They waited 36 hours.", ("36 hours", "DURATION", "PT36H")),
        # times, sets, modifiers, quarters, halves, seasons
        ("They met at 10:30 a.m. Monday.", ("10:30 a.m. Monday", "TIME", "2003-03-17T10:30")),
        ("They meet every Monday.", ("every Monday", "SET", "XXXX-WXX-1")),
        ("Reports are filed annually.", ("annually", "SET", "P1Y")),
        ("They meet once a week.", ("once a week", "SET", "P1W")),
        ("Sales fell in the third quarter of 2002.", ("the third quarter of 2002", "DATE", "2002-Q3")),
        ("Sales fell in the first half of 2002.", ("the first half of 2002", "DATE", "2002-H1")),
        ("It rained last summer.", ("last summer", "DATE", "2002-SU")),
        ("It snowed in the winter of 1999.", ("the winter of 1999", "DATE", "1999-WI")),
    ],
)
def test_issue_examples(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


@pytest.mark.parametrize(
    ("text", "value", "mod"),
    [
        ("It opened in early 2003.", "2003", "START"),
        ("It closes at the end of March.", "2003-03", "END"),
        ("It took more than two years.", "P2Y", "MORE_THAN"),
        ("It took about ten days.", "P10D", "APPROX"),
        ("Prices rose in the late 1980s.", "198", "END"),
    ],
)
def test_modifiers(text: str, value: str, mod: str) -> None:
    _, _, got_value, got_mod = one(text)
    assert (got_value, got_mod) == (value, mod)


def test_the_last_year_with_present_perfect_is_a_duration() -> None:
    assert one("During the last year, Tajikistan has received aid.")[1:3] == ("DURATION", "P1Y")


def test_holidays_come_from_data_packages() -> None:
    # Easter 2003 was on 20 April (dateutil.easter); Thanksgiving 2002 on 28 November (holidays)
    assert one("They will meet at Easter.")[2] == "2003-04-20"
    assert one("They met at Thanksgiving 2002.")[2] == "2002-11-28"
    assert one("It happened on Christmas Day 1999.")[2] == "1999-12-25"


def test_names_are_not_seasons_or_months() -> None:
    assert values_of("The Arab Spring began in 2011.") == ["2011"]
    assert values_of("The Spring Offensive failed; the March to the Sea went on.") == []
    assert values_of("In the spring, prices rose.") == ["2003-SP"]


def test_a_year_ended_is_a_duration() -> None:
    first = tag("Profit for the year ended Sept. 30 rose.", "1989-10-26")[0]
    assert (first.text, first.type, first.value) == ("the year", "DURATION", "P1Y")
    assert one("Sales grew throughout the year.", "1989-10-26")[1:3] == ("DURATION", "P1Y")
    assert one("It rose earlier in the year.", "1989-10-26")[1:3] == ("DATE", "1989")


def values_of(text: str) -> list[str]:
    return [t.value for t in tag(text, DCT)]


def test_since_and_until_phrases_tag_the_date_part() -> None:
    found = tag("Troops have stayed since 1999 and will stay until next March.", DCT)
    assert [(t.text, t.value) for t in found] == [("1999", "1999"), ("next March", "2004-03")]


# --- tense ---------------------------------------------------------------------------------


def test_bare_weekday_follows_the_tense_of_its_clause() -> None:
    assert one("The minister said on Friday that talks failed.")[2] == "2003-03-14"
    assert one("The ministers will meet on Friday.")[2] == "2003-03-21"
    assert one("The minister said on Monday that talks failed.")[2] == "2003-03-17"
    assert one("The ministers will meet on Monday.")[2] == "2003-03-24"
    # the document's own weekday is the document's day (news convention), whatever the tense
    assert one("The minister said on Tuesday that talks failed.")[2] == "2003-03-18"
    assert one("The ministers will meet on Tuesday.")[2] == "2003-03-18"
    # "next Tuesday" is explicit
    assert one("The ministers will meet next Tuesday.")[2] == "2003-03-25"


def test_bare_month_follows_the_tense_of_its_clause() -> None:
    assert one("The treaty was signed in December.")[2] == "2002-12"
    assert one("The treaty will be signed in December.")[2] == "2003-12"
    assert one("The treaty will be signed in January.", "2003-11-20")[2] == "2004-01"


def test_tense_cues() -> None:
    text = "He said on Friday that she will arrive on Monday."
    assert tense_at(text, text.index("Friday"), text.index("Friday") + 6) == PAST
    assert tense_at(text, text.index("Monday"), text.index("Monday") + 6) == FUTURE


def test_a_year_earlier_takes_the_quarter_under_discussion() -> None:
    text = "Third-quarter profit rose to $5 million from $4 million a year earlier."
    got = [(t.text, t.value) for t in tag(text, "1989-10-26")]
    assert got == [("Third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3")]


# --- document dates and values -------------------------------------------------------------


@pytest.mark.parametrize("dct", ["2003-03-18", "2003-03-18T10:42:00", "20030318"])
def test_dct_strings(dct: str) -> None:
    assert parse_dct(dct) == Point.of_day(2003, 3, 18)


def test_coarse_dct_resolves_only_what_it_can() -> None:
    assert one("Aid rose last year.", "2003")[2] == "2002"
    assert one("He visited last month.", "2003-03")[2] == "2003-02"
    assert one("He arrived yesterday.", "2003-03")[2] == "XXXX-XX-XX"


def test_dct_date_objects() -> None:
    import datetime as dt

    assert one("yesterday", dt.date(2003, 3, 18))[2] == "2003-03-17"
    assert one("yesterday", dt.datetime(2003, 3, 18, 23, 0))[2] == "2003-03-17"


@given(st.integers(min_value=cal.days_from_civil(1, 1, 1), max_value=cal.days_from_civil(9999, 12, 31)))
def test_day_values_round_trip(days: int) -> None:
    point = Point.of_days(days)
    assert parse_point(point.value()) == point
    for gran in ("W", "M", "Q", "H", "Y"):
        coarse = point.coarser(gran)
        assert parse_point(coarse.value()) == coarse


@given(st.integers(min_value=cal.days_from_civil(1900, 1, 1), max_value=cal.days_from_civil(2099, 12, 31)))
def test_yesterday_is_the_day_before_any_dct(days: int) -> None:
    y, m, d = cal.civil_from_days(days)
    expected = "{:04d}-{:02d}-{:02d}".format(*cal.civil_from_days(days - 1))
    assert one("He left yesterday.", f"{y:04d}-{m:02d}-{d:02d}")[2] == expected


@given(st.integers(min_value=cal.days_from_civil(1900, 1, 1), max_value=cal.days_from_civil(2099, 12, 31)))
def test_last_week_is_the_iso_week_before(days: int) -> None:
    y, m, d = cal.civil_from_days(days)
    wy, w, _ = cal.iso_calendar(days - 7)
    assert one("He left last week.", f"{y:04d}-{m:02d}-{d:02d}")[2] == f"{wy:04d}-W{w:02d}"


# --- general rules of news text (tagger-2) ---------------------------------------------------


def test_next_to_and_modals_are_weak_or_no_tense_cues() -> None:
    # "next to" is a place, not a future; a "could" clause does not move a weekday forward
    assert one("Ten were wounded in the blast next to the embassy on Friday.")[2] == "2003-03-14"
    assert one("He rejected warnings on Friday that strikes could do harm.")[2] == "2003-03-14"


def test_participle_after_be_is_no_past_cue() -> None:
    # "will be paid": the participle tells no tense, "will" does
    assert one("The dividend will be paid in January.", "1989-10-26")[2] == "1990-01"


def test_schedule_words_are_future_cues() -> None:
    assert one("The reduced dividend is payable Jan. 2.", "1989-11-02")[2] == "1990-01-02"
    assert one("It created an office of the chairman, effective Feb. 1.", "1989-10-26")[2] == "1990-02-01"
    assert one("It announced an agreement to acquire the bank in January.", "1989-11-02")[2] == "1990-01"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hate groups grew in the past year.", ("DATE", "2002")),
        ("Wages fell in the last decade.", ("DATE", "199")),
        ("The plant will close in the next year.", ("DATE", "2004")),
        # a stretch up to now: "over", "during", a perfect tense
        ("Hate groups grew over the past year.", ("DURATION", "P1Y")),
        ("Prices have risen in the past year.", ("DURATION", "P1Y")),
        # with a number it is a duration
        ("Prices rose in the past three years.", ("DURATION", "P3Y")),
    ],
)
def test_the_past_year_names_the_year_before(text: str, expected: tuple[str, str]) -> None:
    assert one(text)[1:3] == expected


def test_later_and_earlier_leave_a_duration_in_news() -> None:
    assert one("Three days later, the index fell.")[:3] == ("Three days", "DURATION", "P3D")
    assert one("A few days later, it announced a loss.")[:3] == ("A few days", "DURATION", "PXD")
    # years and months still name a date ("a year earlier" in earnings reports)
    assert one("Sales rose from $4 million a year earlier.")[:3] == ("a year earlier", "DATE", "2002")
    # narrative mode keeps the date the history needs
    found = tag("The army landed on 6 June 1944. Three days later it took the town.", mode="narrative")
    assert [(t.text, t.value) for t in found] == [("6 June 1944", "1944-06-06"), ("Three days later", "1944-06-09")]


def test_approximation_before_ago_joins_the_expression() -> None:
    assert one("It was founded nearly four years ago.")[:3] == ("nearly four years ago", "DATE", "1999")
    assert one("It was founded nearly four years ago.")[3] == "APPROX"


def test_election_day_is_computed_from_its_rule() -> None:
    # the Tuesday after the first Monday of November
    assert one("Polls are open until Election Day.", "1998-10-26")[2] == "1998-11-03"
    assert one("He won on Election Day 2000.")[2] == "2000-11-07"


def test_the_year_earlier_period_keeps_the_quarter_under_discussion() -> None:
    text = (
        "Sun earned $5 million in the fiscal first quarter. In the 1988 period, the company earned $20 million. "
        "It expected to break even for the quarter."
    )
    got = [(t.text, t.value) for t in tag(text, "1989-10-26")]
    assert got == [("the fiscal first quarter", "1989-Q1"), ("the 1988 period", "1988-Q1"), ("the quarter", "1989-Q1")]


def test_month_of_a_relative_year_is_one_expression() -> None:
    assert one("He left in March of last year.")[:3] == ("March of last year", "DATE", "2002-03")
    assert one("Talks resume on July 25 of next year.")[:3] == ("July 25 of next year", "DATE", "2004-07-25")
    found = tag("The war began in 1861. On July 25 of that year, it spread.", mode="narrative")
    assert [(t.text, t.value) for t in found] == [("1861", "1861"), ("July 25 of that year", "1861-07-25")]


def test_the_day_after_steps_from_the_day_under_discussion() -> None:
    text = "He died on Oct. 23. Two men came to his house the day after his death."
    assert [t.value for t in tag(text, "1998-11-21")] == ["1998-10-23", "1998-10-24"]
    text = "He died on Oct. 23. The police searched the day before the funeral."
    assert [t.value for t in tag(text, "1998-11-21")] == ["1998-10-23", "1998-10-22"]
    # in apposition to a date, "the day before" describes that date
    text = "Eight days after Oct. 12, the day before the crash, prices fell."
    assert [t.value for t in tag(text, "1989-10-30")][1:3] == ["1989-10-12", "1989-10-12"]


def test_adverb_daily_before_a_preposition_is_a_set() -> None:
    assert one("Demonstrators gather daily outside the house.")[1:3] == ("SET", "P1D")


def test_titles_in_quotes_are_not_times() -> None:
    assert values_of('Baker said on ABC News\' "This Week," that the request stood.') == []
    assert values_of("The poster showed Gary Cooper from the film ``High Noon.''") == []
    # a quotation that is more than the expression keeps it
    assert values_of('He said: "This week we act."') == ["2003-W12"]


def test_todays_generic_noun_is_no_day() -> None:
    assert values_of("Elian is for today's youth what the blockade was for their parents.") == []
    assert values_of("It is hard in today's modern world.") == []
    assert values_of("The offer is in today's editions.") == ["2003-03-18"]


def test_a_sentence_opening_with_a_month_takes_the_tense_of_its_verb() -> None:
    text = (
        "In January, after long and difficult negotiations between the two parties of the region "
        "and their many allies abroad, the treaty was signed."
    )
    assert tense_at(text, 3, 10) == PAST
    assert [t.value for t in tag(text, "2003-11-20")] == ["2003-01"]


def test_abbreviations_do_not_end_sentences_for_tense() -> None:
    # "vs." and "Gen." are no sentence ends: the verb after them still gives the tense
    text = "In January, a week after the Roe vs. Wade anniversary, a bomb killed a guard."
    assert next(t.value for t in tag(text, "1998-10-25")) == "1998-01"


def test_the_previous_weekday_steps_from_the_day_under_discussion() -> None:
    text = "Shares closed at 100 on Wednesday, Oct. 11. They were up 2% from the previous Friday. The following Monday they fell."
    assert [t.value for t in tag(text, "1989-10-30")] == ["1989-10-11", "1989-10-06", "1989-10-16"]


def test_news_weekend_is_the_one_before_the_document_date() -> None:
    # a date mentioned before does not move "over the weekend" in news
    text = "Talks began on March 3, 2003. Over the weekend, officials met again."
    assert [t.value for t in tag(text, DCT)] == ["2003-03-03", "2003-W11-WE"]
    assert one("Traders squared positions ahead of the weekend.", "2003-03-20")[2] == "2003-W12-WE"


def test_over_the_years_is_a_vague_duration() -> None:
    assert one("Over the years, many patients died.")[:3] == ("the years", "DURATION", "PXY")
    assert one("Prices rose over the decades.")[:3] == ("the decades", "DURATION", "PXDE")
    # "the weeks before the shooting" names a time before an event, not a stretch
    assert values_of("The car was seen over the weeks before the shooting.") == []


def test_month_and_season_names_of_events_are_not_times() -> None:
    assert values_of("Police scanned the crowd at the annual March for Life on Capitol Hill.") == []
    assert values_of("He led the ``March of the Combatant Mothers.''") == []
    assert values_of("They started the ``Spring of Life'' demonstrations in 1992.") == ["1992"]
    # a month or season of a year stays a time
    assert values_of("It rained in March of 2002 and in the spring of 2001.") == ["2002-03", "2001-SP"]


def test_or_so_belongs_to_the_expression_as_an_approximation() -> None:
    assert one("Then, a week or so ago, he left.") == ("a week or so ago", "DATE", "2003-W11", "APPROX")
    assert one("Shares could rise over the next two years or so.") == ("the next two years or so", "DURATION", "P2Y", "APPROX")


def test_a_month_before_to_is_a_month_in_a_range() -> None:
    assert values_of("From March to May it rained.") == ["2003-03", "2003-05"]
    assert values_of("March to May was rainy.") == ["2003-03", "2003-05"]
    assert values_of("Rates rise in March for the first time.") == ["2003-03"]
    assert values_of("The March to the Sea ended. He led the March on Washington.") == []


def test_sentence_initial_modal_may_is_not_a_month() -> None:
    assert values_of("May I ask a question? May God bless you.") == []
    assert values_of("In May it rained.") == ["2003-05"]


def test_quarter_and_half_codes() -> None:
    assert one("Profit fell in Q3 2003.", "2003-11-20")[:3] == ("Q3 2003", "DATE", "2003-Q3")
    assert one("In Q4 '02 it fell.")[:3] == ("Q4 '02", "DATE", "2002-Q4")
    # no year: the last such quarter, unless the clause speaks of the future
    assert one("Profit rose in Q4.")[2] == "2002-Q4"
    assert one("Sales will grow in Q2.")[2] == "2003-Q2"
    assert one("H1 results were weak.", "2003-08-01")[2] == "2003-H1"
    assert values_of("He applied for an H1-B visa.") == []


def test_plural_weekdays_recur() -> None:
    assert one("He works on Mondays.")[1:3] == ("SET", "XXXX-WXX-1")
    assert one("Saturday nights are loud.")[1:3] == ("SET", "XXXX-WXX-6TNI")
    found = tag("Two flights leave on Monday and Tuesday nights.", DCT)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("Monday", "SET", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ]
    # a single night stays a date
    assert one("He left Saturday night.")[1:3] == ("DATE", "2003-03-15TNI")


def test_every_few_years_is_a_vague_set() -> None:
    assert one("It happens every few years.")[1:3] == ("SET", "PXY")


def test_the_following_days_are_a_stretch_after_the_event_told() -> None:
    assert one("In the following days, troops massed.")[1:3] == ("DURATION", "PXD")
    assert one("In the coming days, talks go on.")[1:3] == ("DATE", "FUTURE_REF")


def test_the_night_of_a_date_in_histories() -> None:
    text = "War began in 1914. On the night of 4 August 1914, troops crossed."
    got = [(t.text, t.value) for t in tag(text, mode="narrative")]
    assert got == [("1914", "1914"), ("the night of 4 August 1914", "1914-08-04TNI")]
    # news annotation (TimeBank, AQUAINT) tags the date alone
    assert one("He was shot on the night of March 4.")[:3] == ("March 4", "DATE", "2003-03-04")


def test_bare_plural_units_before_ago_or_later() -> None:
    assert one("Years ago it was different.")[:3] == ("Years ago", "DATE", "PAST_REF")
    # news: "weeks later" is the vague duration, "later" a signal
    assert one("Weeks later, he died.")[:3] == ("Weeks", "DURATION", "PXW")
    found = tag("Weeks later, he died.", DCT, mode="narrative")
    assert [(t.text, t.value) for t in found] == [("Weeks later", "FUTURE_REF")]


def test_a_month_name_before_a_noun_is_a_month() -> None:
    # "the October slaying", "a June agreement": the month modifies the noun
    assert one("Police studied the October slaying of a doctor.")[:3] == ("October", "DATE", "2002-10")
    assert one("They signed a September agreement with the union.")[1:3] == ("DATE", "2002-09")
    # but a named march or event stays untagged
    assert tag("He joined the March for Life.", DCT) == []
    assert tag("It recalls the March to the Sea.", DCT) == []
    assert tag("The Great March was long.", DCT) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He will leave at 4 in the morning.", ("4 in the morning", "TIME", "2003-03-18T04:00")),
        ("They met at ten in the evening.", ("ten in the evening", "TIME", "2003-03-18T22:00")),
        ("It ended at 3 in the afternoon.", ("3 in the afternoon", "TIME", "2003-03-18T15:00")),
        ("The shop closes at 11 at night.", ("11 at night", "TIME", "2003-03-18T23:00")),
        ("The shop closes at 12 at night.", ("12 at night", "TIME", "2003-03-18T00:00")),
    ],
)
def test_an_hour_with_its_part_of_day_is_a_clock_time(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


def test_a_number_before_a_part_of_day_needs_a_clock_preposition() -> None:
    assert tag("He scored 3 in the morning session.", DCT) == []


def test_a_future_seen_from_the_past_points_back() -> None:
    # written on Monday 30 October 1989
    dct = "1989-10-30"
    assert one("The offer had been due to expire Friday evening.", dct)[2] == "1989-10-27TEV"
    assert one("The offer was due to expire Friday.", dct)[2] == "1989-10-27"
    assert one("The vote is due to take place Friday.", dct)[2] == "1989-11-03"
    assert one("The talks were supposed to start Tuesday.", dct)[2] == "1989-10-24"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It happened in the first week of March.", ("the first week of March", "DATE", "2003-W10")),
        ("Troops moved in the last week of August 1998.", ("the last week of August 1998", "DATE", "1998-W35")),
        ("The first weekend of May 2003 was sunny.", ("The first weekend of May 2003", "DATE", "2003-W18-WE")),
        ("Talks ran through the third week of January.", ("the third week of January", "DATE", "2003-W03")),
    ],
)
def test_a_numbered_week_of_a_month_is_one_iso_week(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


def test_a_week_of_a_month_in_a_history_takes_the_story_year() -> None:
    found = tag("In 1918 the war went on. During the last week of August the pressure grew.", mode="narrative")
    assert [(t.text, t.value) for t in found] == [("1918", "1918"), ("the last week of August", "1918-W35")]
    # with no year anywhere, the week stays unknown
    assert [(t.text, t.value) for t in tag("During the last week of August it rained.")] == [("the last week of August", "XXXX-WXX")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Trading stopped in mid afternoon.", ("mid afternoon", "TIME", "2003-03-18TAF", "MID")),
        ("The vote came in mid-morning.", ("mid-morning", "TIME", "2003-03-18TMO", "MID")),
        ("Trading stopped mid-afternoon yesterday.", ("mid-afternoon yesterday", "TIME", "2003-03-17TAF", "MID")),
        ("He arrived late afternoon Monday.", ("late afternoon Monday", "DATE", "2003-03-17TAF", "END")),
    ],
)
def test_mid_and_an_edge_of_a_part_of_day(text: str, expected: tuple[str, str, str, str]) -> None:
    assert one(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pilgrims came in Easter week 2000.", ("Easter week 2000", "DATE", "2000-W16")),
        ("Stores were busy during Christmas week 1998.", ("Christmas week 1998", "DATE", "1998-W52")),
        # a Monday holiday's weekend is the one before it: Labor Day 1999 fell on 6 September
        ("Traffic was heavy over Labor Day weekend 1999.", ("Labor Day weekend 1999", "DATE", "1999-W35-WE")),
        ("Easter weekend 2000 was calm.", ("Easter weekend 2000", "DATE", "2000-W16-WE")),
    ],
)
def test_a_holiday_week_or_weekend_is_its_iso_week(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


def test_that_day_after_a_month_is_a_day_of_that_month() -> None:
    found = tag("The doctor was killed last October. His name was crossed out that same day.", "1999-02-06")
    assert [(t.text, t.value) for t in found] == [("last October", "1998-10"), ("that same day", "1998-10-XX")]
    # after a year, only the year is known
    found = tag("The war began in 1942. That day was cold.", mode="narrative")
    assert [(t.text, t.value) for t in found] == [("1942", "1942"), ("That day", "1942-XX-XX")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("They ended their third day-long meeting.", ("day-long", "DURATION", "P1D")),
        ("It ended a decades-long feud.", ("decades-long", "DURATION", "PXDE")),
        ("It ended a years-long slump.", ("years-long", "DURATION", "PXY")),
        ("It was a two-year-long probe.", ("two-year-long", "DURATION", "P2Y")),
    ],
)
def test_a_unit_long_adjective_is_a_duration(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


def test_an_age_is_no_duration() -> None:
    assert tag("A 6-year-old boy and a 52-year-old doctor met.", DCT) == []


def test_a_verb_right_before_a_month_or_holiday_decides_its_year() -> None:
    # the expression's own verb ("left in May") moves a month two months ahead into last year;
    # a cue farther away keeps the wider slack of a noisy clause
    assert one("He left in May.", "2003-03-19")[2] == "2002-05"
    assert one("He will leave in May.", "2003-03-19")[2] == "2003-05"
    assert one("They met at Easter.", "2003-03-19")[2] == "2002-03-31"
    assert one("They will meet at Easter.", "2003-03-19")[2] == "2003-04-20"


def test_last_and_next_holiday_are_the_nearest_before_or_after() -> None:
    assert one("Last Easter was cold.", "2003-03-19")[2] == "2002-03-31"
    assert one("Next Christmas will be warm.", "2003-03-19")[2] == "2003-12-25"


def test_a_present_passive_participle_is_no_past_cue() -> None:
    # "is heard": a present passive, not a past
    assert one("The case is heard in May.", "2003-03-19")[2] == "2003-05"


def test_reported_would_points_forward() -> None:
    assert one("He said it would be paid in January.", "1989-10-26")[2] == "1990-01"
    assert one("He said it would have been paid in January.", "1989-10-26")[2] == "1989-01"


def test_recent_plural_units_are_vague_durations() -> None:
    assert one("Prices rose in recent years.")[1:3] == ("DURATION", "PXY")
    assert one("Talks stalled in recent weeks.")[1:3] == ("DURATION", "PXW")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It closed after a quarter century.", ("a quarter century", "DURATION", "P25Y")),
        ("He waited half an hour.", ("half an hour", "DURATION", "PT30M")),
        ("It took half a year.", ("half a year", "DURATION", "P6M")),
        ("Half a century ago it began.", ("Half a century ago", "DATE", "1953")),
        ("A year and a half ago it began.", ("A year and a half ago", "DATE", "2001-09")),
        ("Sales rose from a quarter earlier.", ("a quarter earlier", "DATE", "2002-Q4")),
    ],
)
def test_fractions_of_units(text: str, expected: tuple[str, str, str]) -> None:
    assert one(text)[:3] == expected


@pytest.mark.parametrize(
    ("text", "value"),
    [("Its FY2024 budget grew.", "2024"), ("In FY 2023 it fell.", "2023"), ("FY24 guidance was cut.", "2024"), ("FY99 results", "1999")],
)
def test_fiscal_year_abbreviations(text: str, value: str) -> None:
    assert one(text, "2023-10-26")[2] == value


def test_earlier_this_month_keeps_earlier_without_a_mod() -> None:
    assert one("Officials said earlier this month that talks would resume.") == ("earlier this month", "DATE", "2003-03", None)
    assert one("It will open later this year.") == ("later this year", "DATE", "2003", None)


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The Dow had its worst day since August.", "2016-06-24", "2015-08"),
        ("Rates have risen five times since March.", "2022-10-25", "2022-03"),
        ("Shares have fallen since Christmas.", "2023-01-10", "2022-12-25"),
    ],
)
def test_since_points_back(text: str, dct: str, value: str) -> None:
    assert one(text, dct)[2] == value


@pytest.mark.parametrize(
    ("text", "dct", "value"),
    [
        ("The ruling is expected in the summer.", "2023-10-26", "2024-SU"),
        ("The vote is slated for Friday.", "2023-10-26", "2023-10-27"),
    ],
)
def test_expected_and_slated_point_forward(text: str, dct: str, value: str) -> None:
    assert one(text, dct)[2] == value


def test_a_capitalized_word_before_a_month_makes_it_a_surname() -> None:
    assert tag("Theresa May told lawmakers she may resign.", DCT) == []
    assert tag("Mrs. May spoke to reporters.", DCT) == []
    assert one("In May he left.")[:2] == ("May", "DATE")
    assert one("The March accession was delayed.")[:2] == ("March", "DATE")


def test_a_weekday_in_a_newspaper_name_is_not_a_date() -> None:
    assert tag("The Sunday Times reported the deal.", DCT) == []
    assert tag("The Mail on Sunday reported the deal.", DCT) == []
    assert one("He said Sunday Times Square was busy.")[2] == "2003-03-16"


def test_a_season_before_a_name_is_part_of_it_after_next_or_last() -> None:
    assert tag("The next Winter Olympics are in Beijing.", DCT) == []
    assert one("Last Summer Obama left.")[2] == "2002-SU"


@pytest.mark.parametrize(
    ("text", "dct", "expected"),
    [
        ("Retailers expect strong Black Friday sales.", "2023-10-26", ("Black Friday", "2023-11-24")),
        ("Cyber Monday sales rose 17 percent.", "2012-12-03", ("Cyber Monday", "2012-11-26")),
        ("Diwali was celebrated across India.", "2022-10-25", ("Diwali", "2022-10-24")),
        ("Lunar New Year celebrations began.", "2018-02-09", ("Lunar New Year", "2018-02-16")),
        ("Eid al-Fitr prayers were held.", "2022-05-10", ("Eid al-Fitr", "2022-05-02")),
        ("The Fourth of July weekend saw record travel.", "2014-07-08", ("The Fourth of July weekend", "2014-W27-WE")),
    ],
)
def test_more_holidays(text: str, dct: str, expected: tuple[str, str]) -> None:
    assert (one(text, dct)[0], one(text, dct)[2]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Polls close at 8 p.m. Eastern time.", "8 p.m. Eastern time"),
        ("The ceasefire began at 7 a.m. local time.", "7 a.m. local time"),
    ],
)
def test_spelled_out_time_zones_join_the_clock(text: str, expected: str) -> None:
    assert one(text)[:2] == (expected, "TIME")


def test_a_clock_in_gmt_is_not_a_year() -> None:
    assert [t.text for t in tag("The match kicked off at 5 p.m. local time (2000 GMT).", DCT)] == ["5 p.m. local time"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The drug was approved in the fourth quarter of fiscal 2022.", ("the fourth quarter of fiscal 2022", "2022-Q4")),
        ("Sales in the July-September quarter rose 4%.", ("the July-September quarter", "2002-Q3")),
        ("Growth slowed in the April-June period.", ("the April-June period", "2002-Q2")),
        ("Revenue rose 9% in the July-to-September period.", ("the July-to-September period", "2002-Q3")),
        ("Profit fell in the January-March quarter of 2001.", ("the January-March quarter of 2001", "2001-Q1")),
        ("Sales in the January-June period rose.", ("the January-June period", "2003-H1")),
    ],
)
def test_quarters_named_by_their_months_or_fiscal_year(text: str, expected: tuple[str, str]) -> None:
    found = one(text)
    assert (found[0], found[2]) == expected
