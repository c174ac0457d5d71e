"""The time stage: the expression the parse attaches to the trigger, durations after the report,
the tense's direction for weekdays, coreference and relations."""

from __future__ import annotations

import pytest

import events
from events.text.timing import iso


def one(doc: events.Document, kind: str) -> events.Event:
    found = [e for e in doc.events if e.kind == kind]
    assert len(found) == 1, [(e.kind, e.mentions[0].text) for e in doc.events]
    return found[0]


def test_the_attached_expression_not_the_nearest() -> None:
    doc = events.read("Russia signed the treaty in 1999, a year before the election of 2000.", dct="2003-03-18")
    assert one(doc, "Agreement").time.timex == "1999"


def test_a_past_weekday_is_the_one_before_the_report() -> None:
    doc = events.read("Police on Tuesday arrested 12 protesters in Kampala.", dct="2003-03-19")  # a Wednesday
    arrest = one(doc, "Coercion")
    assert arrest.time_text == "Tuesday"
    assert iso(arrest.time.earliest_start) == "2003-03-18T00:00:00"


def test_in_three_weeks_is_that_far_after_the_report() -> None:
    doc = events.read("Putin will visit Dushanbe in three weeks.", dct="2003-03-18")
    visit = one(doc, "Visit")
    assert visit.time_basis == "timex"
    assert iso(visit.time.earliest_start) == "2003-04-08T00:00:00"
    assert doc.timexes[0].value == "P3W"  # the expression keeps its TimeML value


def test_a_definite_mention_shares_the_time_of_its_event() -> None:
    doc = events.read("The two presidents met in Geneva on Tuesday. The meeting lasted three hours.", dct="2021-06-17")
    meeting = one(doc, "Meeting")
    assert meeting.time.timex == "2021-06-15"
    assert len(meeting.mentions) == 2


def test_during_his_trip_gives_the_trip_s_time() -> None:
    doc = events.read("Putin will visit Dushanbe next month, and the agreement will be signed during his trip.", dct="2003-03-18")
    assert one(doc, "Agreement").time.timex == "2003-04"
    assert one(doc, "Agreement").time_basis == "relation"
    assert doc.relations


def test_an_undated_past_event_lies_before_the_report() -> None:
    doc = events.read("Police arrested 12 protesters in Kampala.", dct="2015-06-10")
    arrest = one(doc, "Coercion")
    assert arrest.time_basis == "tense"
    assert arrest.time.earliest_start is None
    assert iso(arrest.time.latest_end, end=True) == "2015-06-10T23:59:59"


def test_an_undated_event_between_dates_told_backwards_still_has_a_span() -> None:
    text = "In 1918 Germany signed an armistice. Germany invaded Belgium. In 1914 Austria declared war on Serbia."
    doc = events.read(text, mode="narrative")
    invasion = one(doc, "Attack")
    assert invasion.time_basis == "narrative"
    assert iso(invasion.time.earliest_start) == "1914-01-01T00:00:00"
    assert iso(invasion.time.latest_end, end=True) == "1918-12-31T23:59:59"


def test_an_undated_clause_in_the_present_holds_on_the_report_s_day() -> None:
    doc = events.read("The company is negotiating with the Soviets to build a plant.", dct="1989-10-26")
    talks = one(doc, "Negotiation")
    assert talks.time_basis == "present"
    assert iso(talks.time.earliest_start) == "1989-10-26T00:00:00"
    assert iso(talks.time.latest_end, end=True) == "1989-10-26T23:59:59"


def test_a_present_perfect_of_a_finished_act_is_not_the_present() -> None:
    doc = events.read("Police have arrested 12 protesters in Kampala.", dct="2015-06-10")
    assert one(doc, "Coercion").time_basis == "tense"


def test_a_length_for_a_duration_does_not_date_the_event() -> None:
    doc = events.read("Police arrested 12 protesters who had marched for the last week.", dct="2015-06-10")
    assert one(doc, "Coercion").time_basis == "tense"


def test_a_weekday_with_next_is_never_moved_by_the_tense() -> None:
    doc = events.read("The authorities scheduled talks for next Monday.", dct="1999-10-08")  # a Friday
    assert iso(one(doc, "Negotiation").time.earliest_start) == "1999-10-11T00:00:00"


def test_started_in_may_and_finished_in_august_is_one_span() -> None:
    doc = events.read("The talks started in May and finished in August.", dct="2003-03-19")
    talks = one(doc, "Negotiation")
    assert iso(talks.time.earliest_start) == "2002-05-01T00:00:00"  # the past tense reads May back a year
    assert iso(talks.time.latest_end, end=True) == "2002-08-31T23:59:59"


def test_an_end_another_subject_brings_about_is_not_the_event_s_end() -> None:
    doc = events.read("The talks started in May and the army ended the truce in August.", dct="2003-03-19")
    assert iso(one(doc, "Negotiation").time.latest_end, end=True) == "2002-05-31T23:59:59"


def test_a_present_with_a_weekday_names_the_weekday_to_come() -> None:
    doc = events.read("He and Arafat meet separately Monday with Albright.", dct="1998-05-01")  # a Friday
    meeting = one(doc, "Meeting")
    assert iso(meeting.time.earliest_start) == "1998-05-04T00:00:00"
    assert meeting.status is events.Status.PLANNED


def test_by_a_date_is_a_bound_not_the_date() -> None:
    withdrawal = one(events.read("Troops will withdraw by May.", dct="1998-04-01"), "Withdrawal")
    assert withdrawal.time.earliest_start is None
    assert iso(withdrawal.time.latest_end, end=True) == "1998-05-31T23:59:59"


def test_before_a_date_ends_by_its_start() -> None:
    attack = one(events.read("The rebels attacked the town before the end of April.", dct="1998-05-01"), "Attack")
    assert attack.time.earliest_start is None
    assert iso(attack.time.latest_end, end=True) == "1998-04-20T23:59:59"  # the end of April: its last ten days


def test_in_a_history_an_open_bound_is_closed_by_the_story_s_previous_date() -> None:
    text = "In June 1940 Germany attacked France. By September the invasion plans were cancelled."
    doc = events.read(text, mode="narrative")
    cancelled = [e for e in doc.events if e.time_text == "September"]
    assert cancelled, [(e.kind, e.time_text) for e in doc.events]
    assert iso(cancelled[0].time.earliest_start) == "1940-06-01T00:00:00"  # after the attack of June
    assert iso(cancelled[0].time.latest_end, end=True) == "1940-09-30T23:59:59"  # by September
    assert cancelled[0].time_basis == "timex"


def test_an_undated_simple_past_event_is_at_the_day_its_story_set() -> None:
    doc = events.read("Rebels attacked a police post in Gao on Monday. Troops killed four of the attackers.", dct="2012-05-02")
    killing = next(e for e in doc.events if e.kind == "Attack" and e.mentions[0].trigger == "killed")
    assert (killing.time_basis, killing.time_text, killing.time.timex) == ("discourse", "Monday", "2012-04-30")


def test_quotations_between_do_not_move_the_story_on() -> None:
    text = "Rebels attacked a police post on Monday. ``We will fight on,'' their leader said. ``Nobody will stop us.'' Troops arrested four men."
    assert one(events.read(text, dct="2012-05-02"), "Coercion").time.timex == "2012-04-30"


@pytest.mark.parametrize("text", [
    "Rebels attacked a police post in Gao on Monday. Troops had arrested their leader.",  # a perfect: before the reference time
    "Rebels attacked Gao in March 2010. Troops arrested their leader.",  # not a day of the week before the report
    "The Monday attack on the police post shocked the town. Troops arrested four men.",  # a date inside a noun phrase
    "Rebels attacked a police post on Monday. The group was founded in 2009. Its fighters seized the town of Douentza.",
])  # fmt: skip
def test_the_story_s_day_holds_only_for_the_simple_past_after_a_clause_s_recent_day(text: str) -> None:
    assert one(events.read(text, dct="2012-05-02"), "Coercion").time_basis == "tense"


def test_a_later_day_of_the_story_fades_after_two_sentences_of_events() -> None:
    text = "Troops patrolled Gao. On Monday, rebels attacked a police post. Troops arrested four men. Police detained a fifth man. Soldiers shelled the hills."
    doc = events.read(text, dct="2012-05-02")
    assert [e.time_basis for e in doc.events] == ["tense", "timex", "discourse", "discourse", "tense"]


def test_the_lead_s_day_holds_for_the_story_until_it_turns_to_other_times() -> None:
    text = "Rebels attacked a police post on Monday. Troops arrested four men. Police detained a fifth man. Soldiers shelled the hills."
    doc = events.read(text, dct="2012-05-02")
    assert [e.time_basis for e in doc.events] == ["timex", "discourse", "discourse", "discourse"]
    assert {e.time.timex for e in doc.events} == {"2012-04-30"}
    background = "Rebels attacked a police post on Monday. Troops arrested four men. The group was founded in 2009. Police detained a fifth man. Soldiers shelled the hills."
    doc = events.read(background, dct="2012-05-02")
    assert doc.events[-1].time_basis == "tense"  # the story went back to 2009: its day no longer holds


def test_a_later_day_of_the_story_gives_way_to_the_lead_s() -> None:
    text = "Rebels attacked a police post on Monday. On Sunday, troops had arrested four men. Police detained a fifth man. Troops arrested two women. Soldiers shelled the hills."
    shelling = events.read(text, dct="2012-05-02").events[-1]
    assert (shelling.time_basis, shelling.time_text) == ("discourse", "Monday")


def test_a_subject_s_date_that_dates_its_verb_sets_the_story_s_time() -> None:
    text = "The Security Council on April 20 ordered an embargo on Mali. The United States then sent troops to Niger."
    assert one(events.read(text, dct="2012-05-02"), "Deployment").time_basis == "tense"  # April 20 is the story's, and not a recent day


def test_a_second_date_on_a_dated_verb_does_not_set_the_story_s_day() -> None:
    text = ("The Cypriot government Saturday strongly condemned two bomb attacks in Kenya and Tanzania Friday. "
            "In a telegram to President Clinton, President Glafcos Clerides condemned the terrorist acts.")  # fmt: skip
    doc = events.read(text, dct="1998-08-08")
    second = [e for e in doc.events if e.kind == "Accusation"][-1]
    assert (second.time_basis, second.time.timex) == ("discourse", "1998-08-08")


def test_a_clause_placed_after_its_main_clause_does_not_take_the_story_s_day() -> None:
    text = "Rebels attacked a police post on Monday. Hundreds protested in Bamako after police arrested four men."
    doc = events.read(text, dct="2012-05-02")
    assert one(doc, "Coercion").time_basis == "tense"  # before the protest, not necessarily that day
    assert one(doc, "Protest").time_basis == "discourse"  # (tagged VBN by the model: a main verb all the same)


def test_an_addressed_scene_takes_the_clause_s_tense() -> None:
    text = "Rebels attacked a police post in Mopti on Monday. The governor told a news conference that the army would respond."
    told = one(events.read(text, dct="2012-05-02"), "Meeting")
    assert (told.time_basis, told.time.timex) == ("discourse", "2012-04-30")


def test_a_participle_clause_and_a_predicate_take_the_tense_of_their_finite_verb() -> None:
    text = "Rebels attacked a police post on Monday. When asked about the attack, the governor declined to comment."
    asked = one(events.read(text, dct="2012-05-02"), "Request")
    assert (asked.time_basis, asked.time.timex) == ("discourse", "2012-04-30")
    opposed = one(events.read("The Protestant majority is bitterly opposed to uniting Ireland.", dct="1998-03-22"), "Accusation")
    assert (opposed.time_basis, opposed.time.timex) == ("present", "1998-03-22")


def test_a_day_long_duration_leaves_the_event_to_the_story_s_day() -> None:
    day_long = "Rebels attacked a police post on Monday. Lawyers for the rebels emerged from a day-long meeting with officials."
    assert one(events.read(day_long, dct="2012-05-02"), "Meeting").time_basis == "discourse"
    months = "Rebels attacked a police post on Monday. Lawyers for the rebels negotiated with officials for months."
    assert one(events.read(months, dct="2012-05-02"), "Negotiation").time_basis == "tense"


def test_background_in_a_relative_clause_does_not_end_the_story_s_day() -> None:
    text = "Rebels attacked a police post on Monday. Their leader, who founded the group in 2009, praised the fighters. Troops arrested four men."
    assert one(events.read(text, dct="2012-05-02"), "Coercion").time_basis == "discourse"


def test_a_relation_to_a_dated_event_is_bounded_by_the_tense() -> None:
    doc = events.read("The ministers met on Thursday in Geneva. The minister flew to London immediately after the meeting.", dct="1998-08-21")
    flight = one(doc, "Visit")
    assert flight.time_basis == "relation"
    assert (iso(flight.time.earliest_start), iso(flight.time.latest_end, end=True)) == ("1998-08-20T00:00:00", "1998-08-21T23:59:59")
    text = "Rebels attacked a police post in Mopti on Monday. The governor told a news conference that the army would respond. He will fly to Bamako after the conference."
    trip = one(events.read(text, dct="2012-05-02"), "Visit")
    assert (trip.time_basis, trip.time_text) == ("relation", "conference")  # through the conference the story dates
    assert iso(trip.time.earliest_start) == "2012-05-02T00:00:00"  # and still to come


def test_a_narrative_keeps_its_own_rule_for_undated_events() -> None:
    text = "Rebels attacked a police post on 30 April 2012. Troops arrested four men. In May 2012 the army retook Gao."
    doc = events.read(text, mode="narrative")
    assert one(doc, "Coercion").time_basis == "narrative"


def test_a_narrative_that_goes_back_to_a_half_open_date_still_reads() -> None:
    # the tagger leaves "A few days later" open after the article's date; "before 1944" has no start
    text = "A few days later, the Soviets launched an assault on the city. The Germans withdrew from the city. The Germans withdrew from Hungary before 1944."
    doc = events.read(text, dct="2009-12-19", mode="narrative")
    between = [e for e in doc.events if e.time_basis == "narrative"]
    assert between, [(e.kind, e.time_basis) for e in doc.events]
    span = (iso(between[0].time.earliest_start), iso(between[0].time.latest_end, end=True))
    assert span == ("1944-01-01T00:00:00", "2009-12-18T23:59:59")  # between the two, either way


def test_a_relative_clause_does_not_take_the_story_s_day() -> None:
    text = "The United States imposed sanctions on Iran on Wednesday. The move follows an attack on a tanker, which Washington blamed on Iran."
    blame = one(events.read(text, dct="2024-05-09"), "Accusation")
    assert blame.time_basis == "tense"


def test_a_relative_clause_on_a_thing_does_not_take_the_story_s_day() -> None:
    text = "Ethiopia and Eritrea restored diplomatic relations on Monday, two decades after a border war that killed some 80,000 people."
    killing = one(events.read(text, dct="2018-07-10"), "Attack")
    assert killing.time_basis == "tense"


def test_a_promise_dated_in_the_past_is_still_to_come() -> None:
    aid = one(events.read("The government promised aid to the villages on Thursday.", dct="1995-01-06"), "Aid")
    assert (aid.status, aid.time.timex) == (events.Status.PLANNED, "1995-01-05")
