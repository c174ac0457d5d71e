"""Event JSON through timeline's one converter: lossless round trips, and the JSON Schema."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

import events
from events import Actor, Event, EventDataError, Mention, Place, Quantity, Status
from events.convert import converter, event_from_dict, event_to_dict
from timeline import Granularity, Span
from timeline.convert import structure_item, unstructure_item

SCHEMA = json.loads(resources.files("events").joinpath("schema/event.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

bound = st.none() | st.integers(min_value=-(2**40), max_value=2**40)
text = st.text(max_size=20)
countries = st.none() | st.sampled_from(["RUS", "TJK", "USA", "KGZ"])
mentions = st.builds(Mention, st.integers(0, 10**6), st.integers(0, 10**6), text, text, text)


@st.composite
def spans(draw: st.DrawFn) -> Span:
    values = sorted(draw(st.lists(st.integers(min_value=-(2**40), max_value=2**40), min_size=4, max_size=4)))
    es, ee, ls, le = values
    keep = draw(st.lists(st.booleans(), min_size=4, max_size=4))
    es, ls, ee, le = (v if k else None for v, k in zip((es, ls, ee, le), keep, strict=True))
    return Span(es, ls, ee, le, draw(st.sampled_from(list(Granularity))), draw(st.none() | st.sampled_from(["2003-04", "P1Y", "FUTURE_REF"])),
                draw(st.none() | st.sampled_from(["BEFORE", "APPROX"])), draw(st.none() | st.just("2003-04")))  # fmt: skip


event_strategy = st.builds(
    Event,
    id=st.text(min_size=1, max_size=10),
    kind=st.sampled_from([k.name for k in events.kinds()]),
    status=st.sampled_from(list(Status)),
    time=spans(),
    actors=st.lists(st.builds(Actor, text.filter(bool), st.none() | st.sampled_from(["state", "person", "organization", "group"]),
                              countries, st.none() | st.sampled_from(["agent", "recipient"]), st.none() | mentions), max_size=3),
    places=st.lists(st.builds(Place, text.filter(bool), countries, st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180)), max_size=2),
    quantities=st.lists(st.builds(Quantity, st.floats(-1e12, 1e12), st.none() | text, st.none() | st.sampled_from(["up to", "around"])), max_size=2),
    mentions=st.lists(mentions, max_size=3),
    doc=st.none() | text,
    plover=st.none() | st.sampled_from(["AGREE", "CONSULT", "AID"]),
    plover_mode=st.none() | text,
    cameo=st.none() | st.sampled_from(["042", "057", "0874"]),
    confidence=st.floats(0, 1),
    time_text=st.none() | text,
    time_basis=st.sampled_from(["timex", "relation", "tense", "none"]),
)


@given(event_strategy)
def test_json_round_trip_is_lossless(event: Event) -> None:
    data = json.loads(json.dumps(converter.unstructure(event)))
    assert converter.structure(data, Event) == event
    assert event_from_dict(event_to_dict(event)) == event


@given(event_strategy)
def test_every_event_json_meets_the_schema(event: Event) -> None:
    VALIDATOR.validate(event_to_dict(event))


def test_timeline_item_json_brings_back_an_event() -> None:
    event = events.read("Putin will pay a visit to Dushanbe next month.", dct="2003-03-18").events[0]
    data = json.loads(json.dumps(unstructure_item(event)))
    assert data["class"] == "events.model.Event"
    assert structure_item(data) == event


def test_required_keys_and_iso_bounds() -> None:
    doc = events.read("Up to 500 Russian soldiers will be deployed in Kant.", dct="2003-03-18", doc_id="kant")
    data = event_to_dict(doc.events[0])
    assert set(SCHEMA["required"]) == set(data)
    assert data["kind"] == "Deployment"
    assert data["status"] == "planned"
    assert data["doc"] == "kant"
    quantity = data["quantities"][0]
    assert (quantity["value"], quantity["unit"], quantity["qualifier"]) == (500.0, "soldiers", "up to")
    assert quantity["mention"]["text"] == "Up to 500 Russian soldiers"
    assert quantity["mention"]["start"] == 0
    assert data["time"]["earliest_start"] == "2003-03-18T00:00:00"
    assert data["time"]["latest_end"] is None
    assert data["actors"][0]["country"] == "RUS"
    assert data["places"][0]["name"] == "Kant"
    VALIDATOR.validate(data)


def test_last_week_ends_after_it_starts_with_exclusive_ends() -> None:
    doc = events.read("Ivanov visited Dushanbe last week.", dct="2003-03-18")
    time = event_to_dict(doc.events[0])["time"]
    assert (time["timex"], time["granularity"]) == ("2003-W11", "week")
    assert time["earliest_start"] == time["earliest_end"] == "2003-03-10T00:00:00"
    assert time["latest_start"] == time["latest_end"] == "2003-03-17T00:00:00"


OLD_EVENT = {
    "id": "e1", "doc": "seed", "type": "Visit", "status": "occurred", "actors": [{"name": "Ivanov", "country": "RUS", "kind": "person", "role": "agent", "mention": None}],
    "places": [], "quantity": {"value": 500.0, "unit": "soldiers", "qualifier": "up to", "mention": None},
    "quantities": [{"value": 500.0, "unit": "soldiers", "qualifier": "up to", "mention": None}],
    "time": {"text": "last week", "timex": "2003-W11", "edtf": None, "granularity": "week", "mod": None, "basis": "timex",
             "earliest_start": "2003-03-10T00:00:00", "latest_start": "2003-03-16T23:59:59",
             "earliest_end": "2003-03-09T23:59:59", "latest_end": "2003-03-16T23:59:59"},
    "mentions": [], "plover": "CONSULT", "plover_mode": None, "cameo": "042", "confidence": 0.9,
}  # fmt: skip


def test_event_json_written_before_kind_still_reads() -> None:
    event = event_from_dict(OLD_EVENT)
    assert (event.kind, event.time_text, event.time_basis, event.confidence) == ("Visit", "last week", "timex", 0.9)
    assert event.time == Span.from_timex3("2003-W11") or event.time.latest_end == Span.from_timex3("2003-W11").latest_end
    week = Span.from_timex3("2003-W11")
    assert (event.time.earliest_end, event.time.latest_end) == (week.earliest_start, week.latest_end)
    assert event.quantities[0].qualifier == "up to"
    VALIDATOR.validate(event_to_dict(event))


def test_bad_event_json_names_the_problem() -> None:
    with pytest.raises(EventDataError, match="kind"):
        event_from_dict({"id": "x"})
    with pytest.raises(EventDataError, match="granularity"):
        event_from_dict({"id": "x", "type": "Visit", "time": {"granularity": "fortnight"}})
    with pytest.raises(ValueError, match="not-iso"):
        event_from_dict({"id": "x", "type": "Visit", "time": {"earliest_start": "not-iso"}})
    with pytest.raises(EventDataError, match="time"):
        event_from_dict({"class": "events.model.Event", "id": "x", "kind": "Visit", "time": "str"})
    with pytest.raises(EventDataError, match="not a string"):
        event_from_dict({"class": "events.model.Event", "id": 5, "kind": "Visit"})
