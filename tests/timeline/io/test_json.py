"""Lossless JSON through the one cattrs converter: out -> in -> an equal timeline."""

from __future__ import annotations

import contextlib
import json
import random
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import Constraint, Evidence, Granularity, Item, Span, Timeline
from timeline.calendar import seconds
from timeline.convert import ITEM_CLASSES, converter, register_item_class
from timeline.io.json import dumps, write_json

loads, read_json = Timeline.from_json, Timeline.read

json_scalars = st.one_of(st.none(), st.booleans(), st.integers(-(10**15), 10**15), st.text(max_size=8))


@st.composite
def spans(draw: st.DrawFn) -> Span:
    a, b, c, d = sorted(draw(st.lists(st.integers(-(10**13), 10**13), min_size=4, max_size=4)))
    values: list[int | None] = [a, b, c, d] if draw(st.booleans()) else [a, c, b, d]
    for k in range(4):
        if draw(st.integers(0, 5)) == 0:
            values[k] = None
    return Span(
        *values,
        granularity=draw(st.sampled_from(Granularity)),
        timex=draw(st.one_of(st.none(), st.sampled_from(["2003-04", "2003-W11", "PXM"]))),
        mod=draw(st.one_of(st.none(), st.sampled_from(["APPROX", "EARLY"]))),
        edtf=draw(st.one_of(st.none(), st.just("2003-04~"))),
    )


@st.composite
def items(draw: st.DrawFn, ident: str) -> Item:
    return Item(
        ident,
        draw(spans()),
        draw(st.text(max_size=12)),
        kind=draw(st.one_of(st.none(), st.sampled_from(["visit", "agree"]))),
        status=draw(st.one_of(st.none(), st.just("planned"))),
        doc=draw(st.one_of(st.none(), st.text(min_size=1, max_size=5))),
        actor_names=draw(st.lists(st.text(min_size=1, max_size=5), max_size=3)),
        place_names=draw(st.lists(st.text(min_size=1, max_size=5), max_size=2)),
        evidence=draw(st.lists(st.builds(Evidence, st.one_of(st.none(), st.text(max_size=4)), st.one_of(st.none(), st.integers(0, 99)), st.one_of(st.none(), st.integers(0, 99)), st.text(max_size=6), st.text(max_size=6)), max_size=2)),
        attributes=draw(st.dictionaries(st.text(max_size=5), json_scalars, max_size=3)),
    )


@st.composite
def timelines(draw: st.DrawFn) -> Timeline:
    n = draw(st.integers(0, 8))
    tl = Timeline([draw(items(f"i{k}")) for k in range(n)], name=draw(st.text(max_size=6)), dct=draw(st.one_of(st.none(), spans())))
    rng = random.Random(draw(st.integers(0, 1000)))
    for _ in range(draw(st.integers(0, 4)) if n > 1 else 0):
        a, b = rng.sample(range(n), 2)
        with contextlib.suppress(ValueError):  # a contradiction: the timeline stays as it was
            tl = tl.constrain(f"i{a}", rng.choice(["before", "during", "intersects", "shortly_after"]), f"i{b}")
    return tl


@settings(max_examples=80, deadline=None)
@given(timelines())
def test_json_round_trip(tl: Timeline) -> None:
    text = dumps(tl)
    back = loads(text)
    assert back == tl
    assert list(back) == list(tl)
    assert back.constraints == tl.constraints
    assert back.originals == tl.originals
    assert dumps(back) == text


def test_the_document_says_what_it_holds(tmp_path: Path) -> None:
    tl = Timeline([Item("v", Span.from_timex3("2003-04")), Item("s", Span.unknown())], name="seed").constrain("s", "during", "v")
    data = json.loads(tl.to_json())
    assert data["format"] == "timeline"
    assert data["version"] == 2
    assert data["items"][0]["class"] == "timeline.item.Item"
    assert data["items"][0]["time"]["granularity"] == "month"
    # bounds are ISO instants, ends exclusive
    assert data["items"][0]["time"]["earliest_start"] == "2003-04-01T00:00:00"
    assert data["items"][0]["time"]["latest_end"] == "2003-05-01T00:00:00"
    assert data["constraints"] == [{"a": "s", "relation": "during", "b": "v", "within": None, "note": ""}]
    assert data["originals"]["s"]["earliest_start"] is None
    path = tmp_path / "t.json"
    write_json(tl, path)
    assert read_json(path) == tl == Timeline.from_json(path.read_text(encoding="utf-8"))


@attrs.frozen(slots=True)
class Sighting:
    """An item class of someone else's, with a field of its own."""

    id: str
    time: Span
    label: str = ""
    kind: str | None = "sighting"
    status: str | None = None
    doc: str | None = None
    actor_names: tuple[str, ...] = ()
    place_names: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    observers: int = 0


def test_registered_item_classes_come_back_as_themselves() -> None:
    register_item_class(Sighting, "tests.Sighting")
    try:
        tl = Timeline([Sighting("s1", Span.from_timex3("2003-04"), observers=3), Item("i", Span.from_timex3("2002"))])
        back = loads(dumps(tl))
        assert type(back["s1"]) is Sighting
        assert back["s1"].observers == 3
        assert back == tl
    finally:
        del ITEM_CLASSES["tests.Sighting"]
    with pytest.raises(ValueError, match="Sighting' is not a registered item class"):
        loads(dumps(tl))


def test_not_a_timeline() -> None:
    with pytest.raises(ValueError, match="not a timeline document"):
        loads('{"items": []}')
    with pytest.raises(ValueError, match=r"version '?9'? is not supported"):
        loads('{"format": "timeline", "version": 9}')
    with pytest.raises(ValueError, match=r"'os\.system' is not a registered item class"):
        loads('{"format": "timeline", "version": 1, "items": [{"class": "os.system", "id": "x"}]}')


def test_the_converter_is_shared() -> None:
    span = Span.from_timex3("2003-W11")
    assert converter.structure(converter.unstructure(span), Span) == span
    c = Constraint.make("a", "shortly after", "b")
    assert converter.structure(converter.unstructure(c), Constraint) == c


def test_version_1_files_with_integer_bounds_still_read() -> None:
    APRIL, MAY = seconds(2003, 4, 1), seconds(2003, 5, 1)
    old = {"format": "timeline", "version": 1, "name": "", "dct": None, "constraints": [], "originals": {}, "merges": [],
           "items": [{"class": "timeline.item.Item", "id": "v", "label": "", "kind": None, "status": None, "doc": None,
                      "actor_names": [], "place_names": [], "evidence": [], "attributes": {},
                      "time": {"earliest_start": APRIL, "latest_start": MAY, "earliest_end": APRIL, "latest_end": MAY, "granularity": "MONTH", "timex": "2003-04", "mod": None, "edtf": None}}]}  # fmt: skip
    assert loads(json.dumps(old)) == Timeline([Item("v", Span.from_timex3("2003-04"))])


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("[" * 5000 + "]" * 5000, "nested deeper"),
        ('{"format": "timeline", "version": 2, "items": [' + "1" * 5000 + "]}", "number of 5000 characters"),
        ('{"format": "timeline", "version": 2, "dct": {"earliest_start": NaN}}', "NaN"),
        ('{"format": "timeline", "version": 2, "items": [{"class": "timeline.item.Item", "id": "a", "time": "str"}]}', "time"),
        ('{"format": "timeline", "version": 2, "items": [{"class": "timeline.item.Item", "id": "a", '
         '"time": {"earliest_start": "+1000000000000000-01-01T00:00:00"}}]}', "not an ISO 8601 instant|beyond the years"),
        ('{"format": "timeline", "version": 2, "items": {"a": 1}}', "as a list"),
        ('{"format": "timeline", "version": 2, "items": [{"class": "timeline.item.Item", "id": 5, "time": {}}]}', "not a string"),
    ],
)
def test_hostile_json_is_a_value_error_naming_the_problem(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        loads(text)
