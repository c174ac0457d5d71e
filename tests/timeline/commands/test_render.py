"""``timeline render``: what ``timeline extract`` and ``Timeline`` write, drawn and selected; on
malformed and hostile input one error line naming the file and the problem, exit status 2, never
a traceback (issue 16, item 7)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.timeline.samples import DCT, items, spec_in, table_rows
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


# -- what extract and Timeline write, rendered ------------------------------------------------


def event_json(i: int, text: str = "Putin will visit Dushanbe next month.") -> dict[str, Any]:
    return {
        "id": f"ev{i}", "doc": "d", "type": "Visit", "status": "planned",
        "actors": [{"name": "Vladimir Putin", "country": "RUS", "kind": "person", "role": "agent"}],
        "places": [{"name": "Dushanbe", "country": "TJK"}],
        "time": {"text": "next month", "timex": "2003-04", "granularity": "month",
                 "earliest_start": "2003-04-01T00:00:00", "latest_start": "2003-04-30T23:59:59",
                 "earliest_end": "2003-04-01T00:00:00", "latest_end": "2003-04-30T23:59:59"},
        "mentions": [{"start": 0, "end": 10, "text": text, "sentence": text}],
    }


def events_available() -> bool:
    try:
        import events.convert  # noqa: F401
    except ImportError:
        return False
    return True


needs_events = pytest.mark.skipif(not events_available(), reason="events.convert (the event JSON reader) is not there yet")


@needs_events
@pytest.mark.parametrize("layout", ["documents", "object", "list", "jsonl"])
def test_render_reads_what_extract_writes(tmp_path: Path, layout: str, capsys: pytest.CaptureFixture[str]) -> None:
    evs = [event_json(1), event_json(2, "A second <visit>.")]
    if layout == "documents":
        text = json.dumps([{"doc": "d", "dct": "2003-03-18", "events": evs}])
    elif layout == "object":
        text = json.dumps({"events": evs})
    elif layout == "list":
        text = json.dumps(evs)
    else:
        text = "\n".join(json.dumps(e) for e in evs) + "\n"
    source = tmp_path / "events.json"
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.html"
    assert main(["render", str(source), "-o", str(out), "--lanes", "actor"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "Wrote 2 events" in capsys.readouterr().out
    assert len(table_rows(page)) == 2
    assert "A second &lt;visit&gt;." in page
    assert ("report of 18 March 2003" in json.dumps(spec_in(page))) == (layout == "documents")
    if layout == "documents":
        png = tmp_path / "out.png"
        assert main(["render", str(source), "-o", str(png)]) == 0
        assert png.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.parametrize(("content", "message"), [
    (None, "cannot read"),
    ("", "empty file"),
    ("{not json", "not JSON"),
    ('[{"x": 1}]', "neither an event"),
])
def test_render_errors_name_the_file(tmp_path: Path, content: str | None, message: str, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "bad.json"
    if content is not None:
        source.write_text(content, encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "o.html")]) == 2
    err = capsys.readouterr().err
    assert str(source) in err
    assert message in err


def test_render_refuses_an_unknown_output_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "e.json"
    source.write_text("[]", encoding="utf-8")
    assert main(["render", str(source), "-o", str(tmp_path / "o.gif")]) == 2
    assert "o.gif" in capsys.readouterr().err


def test_timeline_json_renders(tmp_path: Path) -> None:
    timeline_io = pytest.importorskip("timeline.io.json")
    from timeline import Timeline

    source = tmp_path / "t.json"
    timeline_io.write_json(Timeline(items(), dct=DCT), source)
    out = tmp_path / "t.svg"
    assert main(["render", str(source), "-o", str(out)]) == 0
    assert "report of 18 March 2003" in out.read_text(encoding="utf-8")


@needs_events
def test_render_selects_period_kinds_and_statuses(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def event(i: int, kind: str, status: str, month: str) -> dict[str, Any]:
        e = event_json(i)
        e.update(type=kind, status=status)
        e["time"] = {**e["time"], "timex": month, "earliest_start": f"{month}-01T00:00:00", "latest_start": f"{month}-01T00:00:00",
                     "earliest_end": f"{month}-02T00:00:00", "latest_end": f"{month}-02T00:00:00"}
        return e

    evs = [event(1, "Visit", "planned", "2003-04"), event(2, "Aid", "occurred", "2002-05"), event(3, "Visit", "occurred", "1990-01")]
    source = tmp_path / "events.json"
    source.write_text(json.dumps({"headline": "Russia looks east", "events": evs}), encoding="utf-8")
    out = tmp_path / "o.html"
    assert main(["render", str(source), "-o", str(out), "--from", "2002", "--to", "2003", "--kind", "visit", "--kind", "Aid"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "<title>Russia looks east</title>" in page
    assert {r["id"] for rows in spec_in(page)["datasets"].values() for r in rows if "sc" in r} == {"ev1", "ev2"}
    assert main(["render", str(source), "-o", str(out), "--status", "planned"]) == 0
    assert {r["id"] for rows in spec_in(out.read_text(encoding="utf-8"))["datasets"].values() for r in rows if "sc" in r} == {"ev1"}
    assert main(["render", str(source), "-o", str(out), "--from", "soon"]) == 2
    assert "--from 'soon' is not a date" in capsys.readouterr().err
    assert main(["render", str(source), "-o", str(out), "--from", "2003", "--to", "2002"]) == 2
