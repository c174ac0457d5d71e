"""Reading events from news paragraphs of many countries, kinds and tenses; odd input."""

from __future__ import annotations

import pytest

import events
from events import Document, Status
from timeline import Span


def kinds_of(doc: Document) -> list[str]:
    return [e.kind for e in doc.events]


def one(doc: Document, kind: str) -> events.Event:
    found = doc.by_kind(kind)
    assert len(found) == 1, (kind, [(e.kind, e.mentions[0].text) for e in doc.events])
    return found[0]


def test_planned_visit_with_next_week_and_past_agreement() -> None:
    doc = events.read(
        "German Chancellor Angela Merkel will visit Beijing next week for talks with Chinese President "
        "Xi Jinping, her office said on Thursday. The two leaders signed a trade agreement in 2012.",
        dct="2014-06-05",
    )
    visit = one(doc, "Visit")
    assert visit.status is Status.PLANNED
    assert visit.time.timex == "2014-W24"
    assert {"DEU", "CHN"} <= visit.actor_countries
    assert visit.place_names == ("Beijing",)
    assert visit.plover == "AGREE"  # PLOVER v2: an intended visit is AGREE
    agreement = one(doc, "Agreement")
    assert agreement.status is Status.OCCURRED
    assert agreement.time.timex == "2012"
    assert {"DEU", "CHN"} <= agreement.actor_countries  # "the two leaders"
    assert "Negotiation" not in kinds_of(doc)  # "for talks with": the visit's purpose


def test_attack_with_casualties_condemnation_and_threat() -> None:
    doc = events.read(
        "Israeli warplanes struck targets in Gaza on Tuesday, killing at least 12 people, Palestinian "
        "officials said. Hamas condemned the attack and threatened to retaliate.",
        dct="2014-07-15",
    )
    attack = one(doc, "Attack")
    assert attack.time.timex == "2014-07-15"
    assert attack.plover == "ASSAULT"
    assert len(attack.mentions) == 2  # "struck ...", "killing ...": one attack
    assert attack.quantity is not None
    assert (attack.quantity.value, attack.quantity.qualifier) == (12, "at least")
    assert "ISR" in attack.actor_countries
    assert one(doc, "Accusation").actor_names == ("Hamas",)
    assert one(doc, "Threat").plover == "THREATEN"


def test_ongoing_talks_protest_and_arrests() -> None:
    doc = events.read(
        "Russia and Ukraine are holding talks in Minsk on a ceasefire, the Kremlin said. Thousands of "
        "protesters rallied in Cairo on Friday against the government. Police arrested dozens of demonstrators.",
        dct="2015-02-10",
    )
    talks = one(doc, "Negotiation")
    assert talks.status is Status.ONGOING
    assert {"RUS", "UKR"} <= talks.actor_countries
    assert talks.time.earliest_end is not None
    assert talks.time.latest_start is not None
    protest = one(doc, "Protest")
    assert protest.time.timex == "2015-02-06"
    assert protest.place_names == ("Cairo",)
    assert protest.places[0].country == "EGY"
    assert protest.places[0].latitude is not None
    assert one(doc, "Coercion").plover == "COERCE"


def test_sanctions_threats_aid_apology_rejection() -> None:
    doc = events.read(
        "The European Union imposed new sanctions on Iran on Monday over its nuclear programme. "
        "The United States will provide $500 million in military aid to Ukraine, the Pentagon announced. "
        "Japan apologized to South Korea for its wartime actions. "
        "Turkey rejected a request from Sweden to extradite the journalists.",
        dct="2022-03-01",
    )
    sanction = one(doc, "Sanction")
    assert sanction.time.timex == "2022-02-28"
    assert "IRN" in sanction.countries
    assert "European Union" in sanction.actor_names
    aid = one(doc, "Aid")
    assert aid.status is Status.PLANNED
    assert aid.quantity is not None
    assert aid.quantity.value == 500_000_000
    assert aid.time.earliest_start == doc.dct.earliest_start
    assert aid.time.latest_end is None
    assert "Statement" not in kinds_of(doc)  # "..., the Pentagon announced": the source, not an event
    assert one(doc, "Concession").plover == "CONCEDE"
    rejection = one(doc, "Rejection")
    assert {"TUR", "SWE"} <= rejection.actor_countries
    assert "Request" not in kinds_of(doc)
    assert "Cooperation" not in kinds_of(doc)


def test_withdrawal_election_meeting_deployment() -> None:
    doc = events.read(
        "French troops withdrew from Mali in 2022. Voters in Brazil will go to the polls on October 2 to elect "
        "a new president. Saudi Arabia deployed 3,000 troops to Bahrain in 2011.",
        dct="2022-09-01",
    )
    withdrawal = one(doc, "Withdrawal")
    assert withdrawal.time.timex == "2022"
    assert {"FRA", "MLI"} <= withdrawal.countries
    election = one(doc, "Election")
    assert election.status is Status.PLANNED
    assert election.time.timex == "2022-10-02"
    deployment = one(doc, "Deployment")
    assert deployment.plover == "MOBILIZE"
    assert deployment.quantity is not None
    assert deployment.quantity.value == 3000


def test_past_tense_without_a_date_lies_before_the_document_date() -> None:
    doc = events.read("Iran accused the United States of economic terrorism.", dct="2019-05-10")
    accusation = one(doc, "Accusation")
    assert accusation.time.latest_end == doc.dct.latest_end
    assert accusation.time.earliest_start is None
    assert accusation.time_basis == "tense"


def test_negated_and_hypothetical_events_are_set_apart() -> None:
    doc = events.read(
        "The minister ruled out sending troops. If Russia wants to build a military base in Tajikistan, it is too late. "
        "Soldiers from Gondor will not wire tap the communication links.",
        dct="2003-03-18",
    )
    assert kinds_of(doc) == ["Rejection"]
    unreal = {(e.kind, e.status) for e in doc.unrealized}
    assert ("Deployment", Status.HYPOTHETICAL) in unreal
    assert ("Coercion", Status.NEGATED) in unreal
    assert all(e.plover is None for e in doc.unrealized)


def test_failed_attempt() -> None:
    doc = events.read("Ivanov has tried but failed to persuade Tajik leaders to limit their cooperation with the U.S.", dct="2003-03-18")
    assert [(e.kind, e.status) for e in doc.events] == [("Negotiation", Status.FAILED)]


def test_coreference_joins_mentions_of_one_visit() -> None:
    doc = events.read(
        "Brazilian President Luiz Lula will visit Lisbon next month. Officials in Portugal said Lula's upcoming "
        "trip to Lisbon would focus on trade.",
        dct="2009-05-04",
    )
    visit = one(doc, "Visit")
    assert len(visit.mentions) == 2
    assert visit.time.timex == "2009-06"


def test_during_his_trip_takes_the_trip_s_time() -> None:
    doc = events.read(
        "Chinese Premier Li Keqiang will travel to Berlin in June, and a trade accord will be signed during his trip.",
        dct="2014-03-01",
    )
    agreement = one(doc, "Agreement")
    assert agreement.time.timex == "2014-06"
    assert agreement.time_basis == "relation"
    assert agreement.status is Status.PLANNED
    assert len(doc.relations) == 1
    assert doc.relations[0][1] == "during"
    assert len(doc.timeline.constraints) == 1


@pytest.mark.parametrize(
    "text",
    ["", "   \n\n  ", "No date and nothing happening here.", "\x00\x01 binary-ish \ufffd", "Accessibility links\n\nBreaking News\n"],
)
def test_odd_input_gives_a_document(text: str) -> None:
    doc = events.read(text)
    assert isinstance(doc, Document)
    assert doc.events == ()


def test_text_with_no_date_has_open_times() -> None:
    doc = events.read("Ukraine and Poland signed a defence pact.")
    assert doc.dct is None
    (agreement,) = doc.events
    assert agreement.time == Span.unknown()
    assert agreement.time_basis == "none"


def test_dateline_gives_the_document_date() -> None:
    doc = events.read("Prague, 18 March 2003 (RFE/RL) -- Moscow pulled its troops out of Kyrgyzstan last year.")
    assert doc.dct is not None
    assert doc.dct.timex == "2003-03-18"
    assert one(doc, "Withdrawal").time.timex == "2002"


def test_bad_document_date_argument_is_refused() -> None:
    with pytest.raises(ValueError, match="not-a-date"):
        events.read("Talks began.", dct="not-a-date")


def test_body_leaves_out_furniture_and_biography() -> None:
    text = (
        "Accessibility links\n\nBreaking News\n\nWhy Russia Cares About Bishkek\n\n"
        "Russia is setting up an air base in Kant.\n\n(Our Kyrgyz service contributed to this report.)\n\n"
        "Jane Doe\n\nJane Doe is a correspondent who has covered Russia's invasion of Ukraine since 2022."
    )
    doc = events.read(text, dct="2003-03-18")
    assert doc.body_text == "Russia is setting up an air base in Kant."
    assert kinds_of(doc) == ["Deployment"]  # the invasion in the biography is not read


def test_wire_story_dateline_reported_future_denial_and_vow() -> None:
    doc = events.read(
        "KABUL, Afghanistan (AP) - A suicide bomber attacked a NATO convoy in Kabul on Saturday, killing six soldiers, "
        "officials said. The Taliban claimed responsibility for the attack.\n\n"
        "Gates said the United States would begin pulling troops out of Afghanistan in July 2011. "
        "Pakistan has denied accusations that it supports the insurgents. "
        "The militia vowed on Thursday to wage war on the government.",
        dct="2010-06-14",
    )
    attack = doc.by_kind("Attack")[0]
    assert attack.mentions[0].text.startswith("A suicide bomber")  # the dateline is not the event
    assert attack.time.timex == "2010-06-12"
    assert len(attack.mentions) == 3
    withdrawal = one(doc, "Withdrawal")
    assert withdrawal.status is Status.PLANNED
    assert withdrawal.time.timex == "2011-07"
    assert ("Accusation", Status.NEGATED) in {(e.kind, e.status) for e in doc.unrealized}  # "denied accusations"
    vow = one(doc, "Threat")  # "vowed on Thursday to wage war": CAMEO's threat of force, made on Thursday
    assert vow.plover == "THREATEN"
    assert vow.time.timex == "2010-06-10"


def test_content_dates_stay_with_the_content() -> None:
    doc = events.read("Baku accused Yerevan of violating the cease-fire agreement signed in November 2020.", dct="2021-05-12")
    accusation = one(doc, "Accusation")
    assert accusation.time.timex == "PAST_REF"  # November 2020 dates the agreement, not the accusation
    assert {"AZE", "ARM"} <= accusation.actor_countries


def test_an_election_with_no_actor_belongs_to_the_story_s_country() -> None:
    doc = events.read(
        "Armenian Prime Minister Nikol Pashinian met protesters in Yerevan on Saturday. "
        "Parliamentary elections will be held in June.",
        dct="2021-05-12",
    )
    election = one(doc, "Election")
    assert election.actor_countries == {"ARM"}
    assert election.status is Status.PLANNED
    assert election.time.timex == "2021-06"
