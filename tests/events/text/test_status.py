"""The status stage: each case of the issue's table, read from the parse."""

from __future__ import annotations

import pytest

import events
from events import Status

DCT = "2020-03-04"


def statuses(text: str) -> list[tuple[str, Status]]:
    doc = events.read(text, dct=DCT)
    return [(e.kind, e.status) for e in doc.all_events]


@pytest.mark.parametrize(("text", "kind", "status"), [
    ("Putin will visit Dushanbe.", "Visit", Status.PLANNED),
    ("Putin is to visit Dushanbe.", "Visit", Status.PLANNED),
    ("Russia plans to deploy troops in Kant.", "Deployment", Status.PLANNED),
    ("The treaty has yet to be ratified by the senate.", "Ratification", Status.PLANNED),
    ("Russia would sign the agreement.", "Agreement", Status.HYPOTHETICAL),
    ("If Russia builds a base in Tajikistan, it will be too late.", "Deployment", Status.HYPOTHETICAL),
    ("Russia did not sign the agreement.", "Agreement", Status.NEGATED),
    ("He ruled out the deployment of troops in Poland.", "Deployment", Status.NEGATED),
    ("Ivanov failed to persuade the Tajik leaders.", "Negotiation", Status.FAILED),
    ("Ivanov tried but failed to persuade the Tajik leaders.", "Negotiation", Status.FAILED),
])  # fmt: skip
def test_status_cases(text: str, kind: str, status: Status) -> None:
    assert (kind, status) in statuses(text)


def test_negation_does_not_leak_across_and() -> None:
    found = statuses("Russia did not sign the treaty and withdrew its troops from Georgia.")
    assert ("Agreement", Status.NEGATED) in found
    assert ("Withdrawal", Status.OCCURRED) in found


def test_a_postponed_trip_is_negated_and_the_postponement_is_an_event() -> None:
    found = statuses("The minister postponed her trip to Paris.")
    assert ("Visit", Status.NEGATED) in found
    assert ("Rejection", Status.OCCURRED) in found


def test_talking_since_a_year_is_ongoing_until_the_report() -> None:
    doc = events.read("Russia and Ukraine have been negotiating since 2018.", dct=DCT)
    (talks,) = doc.events
    assert talks.status is Status.ONGOING
    assert talks.time.earliest_start is not None
    assert talks.time.latest_end == doc.dct.latest_end
    assert talks.time_text == "2018"


def test_a_planned_trip_called_off_is_negated_not_planned() -> None:
    found = statuses("Interim President Jeanine Anez called off a planned trip to Argentina.")
    assert ("Visit", Status.NEGATED) in found
    assert ("Visit", Status.PLANNED) not in found
    assert ("Visit", Status.PLANNED) in statuses("Putin praised China during the upcoming visit to Beijing.")
