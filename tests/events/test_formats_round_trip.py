"""Every format, every process: generated events go out and come back equal.

- JSON, pandas, CSV and Parquet round trips over generated events, with BCE dates, years past
  9999, open and unknown ends, modifiers, weeks, seasons, sets, and empty and awkward strings;
- a timeline JSON holding events is written the same way, and reads back, in fresh processes
  with and without other imports (``import events``, ``import events.convert``): review B1.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import attrs
import jsonschema
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from events import Actor, Event, Mention, Place, Quantity, Status, load
from events.convert import event_to_dict
from timeline import Span, Timeline

SCHEMA_DIR = Path(__file__).resolve().parents[2] / "events" / "schema"
EVENT_SCHEMA = json.loads((SCHEMA_DIR / "event.schema.json").read_text(encoding="utf-8"))

TIMEX_VALUES = [
    "BC0044-03-15", "BC0489", "12003-03-15", "2003", "2003-04", "2003-W11", "2003-SU", "2003-WI", "2003-Q2",
    "2003-H1", "199", "19", "2003-03-18T10:30", "XXXX-WXX-2", "P1Y", "PRESENT_REF", "FUTURE_REF",
]  # fmt: skip
MODS = [None, "EARLY", "LATE", "MID", "APPROX", "BEFORE", "AFTER", "START", "END"]
awkward = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["", " ", ",", '"', '""', "a,b", 'say "hi"', "line\nbreak", "cr\rlf\r\n", "tab\tx", "ü€😀", "null", "None", "[]"]),
)
maybe_text = st.none() | awkward


@st.composite
def spans(draw: st.DrawFn) -> Span:
    if draw(st.booleans()):
        span = Span.from_timex3(draw(st.sampled_from(TIMEX_VALUES)))
        return attrs.evolve(span, mod=draw(st.sampled_from(MODS)))
    values = sorted(draw(st.lists(st.integers(-(10**15), 10**15), min_size=4, max_size=4)))
    keep = draw(st.lists(st.booleans(), min_size=4, max_size=4))
    es, ee, ls, le = (v if k else None for v, k in zip(values, keep, strict=True))
    return Span(es, ls, ee, le, timex=draw(st.none() | st.sampled_from(TIMEX_VALUES)), mod=draw(st.sampled_from(MODS)), edtf=draw(st.none() | st.just("2003-04~")))


mentions = st.builds(Mention, st.integers(0, 10**6), st.integers(0, 10**6), awkward, awkward, awkward, maybe_text)
countries = st.none() | st.sampled_from(["RUS", "TJK", "USA", "KGZ", ""])
actors = st.builds(Actor, awkward, st.none() | st.sampled_from(["state", "person", "organization", "group"]), countries,
                   st.none() | st.sampled_from(["agent", "recipient"]), st.none() | mentions)  # fmt: skip
places = st.builds(Place, awkward, countries, st.none() | st.floats(-90, 90), st.none() | st.floats(-180, 180), st.none() | mentions)
quantities = st.builds(Quantity, st.floats(-1e15, 1e15), maybe_text, maybe_text, st.none() | mentions)


@st.composite
def event_lists(draw: st.DrawFn, max_size: int = 6) -> list[Event]:
    n = draw(st.integers(0, max_size))
    return [
        Event(
            id=f"e{k}" + draw(st.sampled_from(["", ",", '"q"', " x"])),
            kind=draw(awkward),
            status=draw(st.sampled_from(list(Status))),
            time=draw(spans()),
            actors=draw(st.lists(actors, max_size=3)),
            places=draw(st.lists(places, max_size=2)),
            quantities=draw(st.lists(quantities, max_size=2)),
            mentions=draw(st.lists(mentions, max_size=2)),
            doc=draw(maybe_text),
            plover=draw(maybe_text),
            plover_mode=draw(maybe_text),
            cameo=draw(maybe_text),
            confidence=draw(st.floats(0, 1)),
            time_text=draw(maybe_text),
            time_basis=draw(st.sampled_from(["timex", "relation", "tense", "none", ""])),
        )
        for k in range(n)
    ]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(event_lists())
def test_every_format_round_trips_generated_events(chosen: list[Event]) -> None:
    tl = Timeline(chosen, name="n", dct=Span.from_timex3("2003-03-18"))
    assert Timeline.from_json(tl.to_json()) == tl
    assert Timeline.from_pandas(tl.to_pandas()) == tl
    with tempfile.TemporaryDirectory() as folder:
        for suffix in ("json", "csv", "parquet"):
            path = Path(folder) / f"t.{suffix}"
            if suffix == "json":
                path.write_text(tl.to_json(), encoding="utf-8")
            else:
                (tl.to_csv if suffix == "csv" else tl.to_parquet)(path)
            back = Timeline.read(path)
            assert list(back) == list(tl), suffix  # every field, every bound to the second
            assert sorted(load(path), key=lambda e: e.id) == sorted(chosen, key=lambda e: e.id), suffix
            if suffix != "csv":  # CSV carries the items only
                assert back == tl, suffix


@settings(max_examples=40, deadline=None)
@given(event_lists(max_size=3))
def test_written_events_meet_the_schema(chosen: list[Event]) -> None:
    for event in chosen:
        jsonschema.validate(json.loads(json.dumps(event_to_dict(event))), EVENT_SCHEMA)


ECHO = """
import sys
{imports}
from timeline import Timeline
texts = __import__("json").loads(sys.stdin.read())
sys.stdout.write(__import__("json").dumps([Timeline.from_json(t).to_json() for t in texts]))
"""


@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(st.lists(event_lists(max_size=4), min_size=8, max_size=8))
def test_timeline_json_with_events_is_the_same_in_every_process(batches: list[list[Event]]) -> None:
    texts = [Timeline(chosen, name="n").to_json() for chosen in batches]
    for imports in ("", "import events", "import events.convert", "import events.convert, timeline.io.tables"):
        result = subprocess.run(
            [sys.executable, "-c", ECHO.format(imports=imports)],
            input=json.dumps(texts), capture_output=True, text=True, check=False, timeout=300,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr[-2000:]
        assert json.loads(result.stdout) == texts, imports  # read, then written the same, by a fresh process
