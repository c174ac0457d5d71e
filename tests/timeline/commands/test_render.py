"""``timeline render`` on malformed and hostile input: one error line naming the file and the
problem, exit status 2, never a traceback (issue 16, item 7)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main

GOOD = {"class": "events.model.Event", "id": "a", "kind": "Visit", "time": {"earliest_start": "2003-04-01T00:00:00"}}
ITEM = {"class": "timeline.item.Item", "id": "a", "time": {}}


def timeline_doc(**fields: object) -> str:
    return json.dumps({"format": "timeline", "version": 2, "items": [], **fields})


def event(**fields: object) -> str:
    return json.dumps({"events": [{**GOOD, **fields}]})


def old_event(**fields: object) -> str:
    return json.dumps({"events": [{"id": "a", "type": "Visit", **fields}]})


HOSTILE: list[str | bytes] = [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 50_000 + "1" + "}" * 50_000,
    "[" * 100_000,
    "[" + "1" * 5000 + "]",
    '{"events": [{"id": "a", "type": "Visit", "confidence": 1e400}]}',
    '{"events": [{"id": "a", "type": "Visit", "confidence": NaN}]}',
    '{"events": [{"id": "a", "type": "Visit", "confidence": -Infinity}]}',
    '{"events": [{"time": "str"}]}',
    old_event(time="str"),
    old_event(time={"earliest_start": "+1000000000000000-01-01T00:00:00"}),
    old_event(time={"earliest_start": 10**18}),
    old_event(time={"earliest_start": "2003-13-45T00:00:00"}),
    old_event(time={"earliest_start": "2004-01-01T00:00:00", "latest_end": "2003-01-01T00:00:00"}),
    old_event(time={"granularity": "fortnight"}),
    old_event(time={"granularity": ["day"]}),
    old_event(status="bogus"),
    old_event(status=None),
    old_event(actors="Putin"),
    old_event(actors=[{"name": 5}]),
    old_event(actors=[{"name": "P", "kind": "alien"}]),
    old_event(places=[{"name": "X", "latitude": "north"}]),
    old_event(quantities=[{"value": "many"}]),
    old_event(mentions=[{"start": "0", "end": 1}]),
    old_event(confidence="high"),
    json.dumps({"events": [{"id": 5, "type": "Visit"}]}),
    json.dumps({"events": [{"id": "a", "type": None}]}),
    event(kind=["Visit"]),
    event(time={"earliest_start": True}),
    event(**{"class": "os.system"}),
    event(**{"class": "timeline.convert.converter"}),
    event(**{"class": 5}),
    event(time_basis=None),
    event(mentions=[None]),
    json.dumps({"events": "all"}),
    json.dumps({"events": [1, 2]}),
    json.dumps([[[[["deep"]]]]]),
    "42",
    '"a string"',
    "null",
    "true",
    "[1, 2, 3]",
    '{"format": "timeline"}',
    timeline_doc(version="2"),
    timeline_doc(version=99),
    timeline_doc(items={"a": 1}),
    timeline_doc(items=[1]),
    timeline_doc(items=[{"class": "timeline.item.Item"}]),
    timeline_doc(items=[ITEM, ITEM]),
    timeline_doc(items=[{**ITEM, "attributes": []}]),
    timeline_doc(items=[{**ITEM, "time": {"earliest_start": 10**40}}]),
    timeline_doc(items=[{**ITEM, "time": {"earliest_start": "1e15"}}]),
    timeline_doc(items=[ITEM], constraints=[{"a": "a", "relation": "sideways", "b": "a"}]),
    timeline_doc(items=[ITEM], constraints=[{"a": "a", "relation": "before", "b": "zz"}]),
    timeline_doc(items=[ITEM], constraints="none"),
    timeline_doc(items=[ITEM], constraints=[{"a": "a"}]),
    timeline_doc(originals=[]),
    timeline_doc(originals={"x": "y"}),
    timeline_doc(dct="2003"),
    timeline_doc(dct={"earliest_start": []}),
    timeline_doc(name=5),
    timeline_doc(merges=[{"into": 1}]),
    "{not json",
    '{"events": [',
    '{"events": []}\n{"bad": ',
    '{"a": 1}\n{"b": 2}\n',
    "\ufeff" + json.dumps({"events": [{"id": "a", "type": "Visit", "actors": 1}]}),
    b"\xff\xfe{\x00}\x00",
    b"\xc3\x28",
    b"\x00\x00\x00",
    b"PAR1 not really parquet",
    "   \n\t  ",
    '{"events": [{"id": "a", "type": "Visit", "doc": "\\ud800"}]}',
]


@pytest.mark.parametrize("content", HOSTILE, ids=[f"probe{k}" for k in range(len(HOSTILE))])
def test_hostile_input_is_one_error_line(tmp_path: Path, content: str | bytes, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "input.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8", errors="surrogatepass")
    out = tmp_path / "out.html"
    out.write_text("previous", encoding="utf-8")
    assert main(["render", str(source), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err[:2000]
    assert str(source) in lines[0]
    assert len(lines[0]) < 600
    assert out.read_text(encoding="utf-8") == "previous"  # a failed run leaves the output as it was


@pytest.mark.parametrize("suffix", [".csv", ".parquet"])
def test_hostile_tables_are_one_error_line(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / f"input{suffix}"
    header = '"class","id","earliest_start","latest_start","earliest_end","latest_end","granularity"\r\n'
    source.write_bytes((header + '"os.system","a",,,,,"day"\r\n').encode() if suffix == ".csv" else b"PAR1garbagePAR1")
    assert main(["render", str(source), "-o", str(tmp_path / "o.html")]) == 2
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    assert str(source) in lines[0]
