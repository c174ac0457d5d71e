"""Offline HTML (timeline.io.html), PNG/SVG/PDF export (timeline.io.export), `timeline render`."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline import calendar
from timeline.cli import main
from timeline.errors import ExportFormatError
from timeline.io.export import format_of, render, save
from timeline.io.html import CONTENT_SECURITY_POLICY, html_document, save_html, script_json
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

XSS = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "<!-- x")
DCT = Span(*[calendar.seconds(2003, 3, 18)] * 2, *[calendar.seconds(2003, 3, 19)] * 2, Granularity.DAY, "2003-03-18")


def year(y: int) -> Span:
    start, end = calendar.year_range(y)
    return Span(start, end, start, end, Granularity.YEAR, str(y))


def items(n: int = 6) -> list[Item]:
    kinds = ("Visit", "Aid", "Agreement")
    return [
        Item(f"e{i}", year(1995 + i % 10), f"Event {i}", kinds[i % 3], "planned" if i % 4 == 0 else "occurred", "doc",
             ("Russia",), ("Dushanbe",), (Evidence("doc", i, i + 4, f"in {1995 + i % 10}", f"Sentence {i} & more."),))
        for i in range(n)
    ]


def spec_in(page: str) -> dict[str, Any]:
    match = re.search(r'<script type="application/json" id="timeline-spec">(.*?)</script>', page, re.S)
    assert match is not None
    return json.loads(match.group(1))


def table_rows(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr[ >].*?</tr>", body, re.S)


def test_page_is_self_contained(tmp_path: Path) -> None:
    path = save_html(items(), tmp_path / "t.html", dct=DCT, title="Seed & co")
    page = path.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    markup = re.sub(r"(<script[^>]*>).*?(</script>)", r"\1\2", page, flags=re.S)  # the HTML around the scripts
    assert not re.search(r"<(script|link|img|iframe|object|embed)[^>]+(src|href|data)=", markup)
    assert "https://cdn" not in page
    assert "@import" not in page
    assert "@font-face" not in page
    assert html.escape(CONTENT_SECURITY_POLICY) in page
    assert "default-src 'none'" in CONTENT_SECURITY_POLICY
    assert "window.vegaEmbed=" in page  # the bundle is inlined
    assert "<title>Seed &amp; co</title>" in page
    spec = spec_in(page)
    assert sum(len(rows) for rows in spec["datasets"].values() if rows and "sentence" in rows[0]) >= 6
    assert len(table_rows(page)) == 6
    assert "Sentence 3 &amp; more." in page
    assert "<noscript>" in page


def test_renderer_switches_to_canvas_above_about_a_thousand_marks() -> None:
    assert '"renderer":"svg"' in html_document(items(10))
    assert '"renderer":"canvas"' in html_document(items(400))


def test_hostile_text_stays_text() -> None:
    hostile = [
        Item(f"x{i}", year(2000 + i), text, text, text, text, (text,), (text,), (Evidence(text, 0, 1, text, text),))
        for i, text in enumerate(XSS)
    ]
    page = html_document(hostile, title=XSS[1])
    for text in XSS:
        assert text not in page
        assert html.escape(text) in page  # in the table and the title
    spec = spec_in(page)
    labels = {r["label"] for rows in spec["datasets"].values() for r in rows if "label" in r and "sentence" in r}
    assert set(XSS) <= labels  # the spec carries the text itself, escaped only as JSON
    assert page.count("<script") == 4  # the spec, the bundle, the page's script, the call
    assert page.count("</script>") == 4


@given(st.text())
def test_script_json_escapes_and_round_trips(text: str) -> None:
    encoded = script_json({"t": text})
    assert "<" not in encoded
    assert ">" not in encoded
    assert "&" not in encoded
    assert json.loads(encoded) == {"t": text}


def test_any_altair_chart_can_be_saved(tmp_path: Path) -> None:
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"a": 1, "b": "<b>"}])).mark_point().encode(x="a:Q", tooltip="b:N")
    page = save_html(chart, tmp_path / "c.html", title="Plain").read_text(encoding="utf-8")
    assert spec_in(page)["mark"]["type"] == "point"
    assert "options.patch" not in page  # no timeline brush to link


@pytest.mark.parametrize(("suffix", "magic"), [(".png", b"\x89PNG\r\n\x1a\n"), (".svg", b"<svg"), (".pdf", b"%PDF")])
def test_static_images_through_vl_convert(tmp_path: Path, suffix: str, magic: bytes) -> None:
    path = save(items(), tmp_path / f"t{suffix}", dct=DCT, title="Static")
    assert path.read_bytes()[:8].startswith(magic)
    if suffix == ".svg":
        svg = path.read_text(encoding="utf-8")
        assert "Event 1" in svg
        assert "report of 18 March 2003" in svg


def test_formats_by_suffix_and_errors_name_the_file(tmp_path: Path) -> None:
    assert format_of("a/b.HTML") == "html"
    assert format_of("x.png", "svg") == "svg"
    with pytest.raises(ExportFormatError, match=r"'t\.gif'.*suffix"):
        format_of("t.gif")
    with pytest.raises(ValueError, match="'bmp' is not an export format"):
        save(items(), tmp_path / "t.png", format="bmp")
    spec = json.loads(str(render(items(), "json")))
    assert "vconcat" not in spec  # static output leaves the overview strip out
    assert len(table_rows(save(items(), tmp_path / "t.html").read_text(encoding="utf-8"))) == 6


# -- the command -----------------------------------------------------------------------------------


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


def test_timeline_saves_and_displays_itself(tmp_path: Path) -> None:
    from timeline import Timeline

    timeline = Timeline(items(), dct=DCT)
    page = timeline.save(tmp_path / "t.html")
    assert len(table_rows(Path(page).read_text(encoding="utf-8"))) == 6
    bundle = timeline._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "6 items" in bundle["text/plain"]


# Every character XML 1.0 cannot hold (vl-convert's SVG parser panicked on each: exit 134).
CONTROL = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))) + "\ufffe\uffff"
_SAVE_ALL = """
import sys
from timeline import calendar
from timeline.io.export import save
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

bad = "".join(chr(int(c)) for c in sys.argv[1].split(","))
def year(y):
    a, b = calendar.year_range(y)
    return Span(a, b, a, b, Granularity.YEAR)
items = [Item(f"e{i}{bad}", year(2000 + i), f"label{bad}{i}", f"kind{bad}{i % 2}", f"status{bad}", f"doc{bad}",
              (f"actor{bad}",), (f"place{bad}",), (Evidence(f"doc{bad}", 0, 1, f"then{bad}", f"sentence{bad}"),),
              attributes={"time_text": f"then{bad}", "quantity": f"3{bad}", "lane": f"lane{bad}"})
         for i in range(3)]
eras = [(f"era{bad}", *calendar.year_range(2001))]
for lanes, color in (("lane", "kind"), ("actor", "doc"), ("place", "status")):
    for suffix in ("png", "svg", "pdf"):
        save(items, f"{sys.argv[2]}/x-{lanes}.{suffix}", lanes=lanes, color=color, eras=eras, title=f"title{bad}", scale=1)
print("saved")
"""


def test_control_characters_in_every_text_field_save_as_png_svg_pdf(tmp_path: Path) -> None:
    """In a child process, so that a renderer abort fails this test instead of the test run."""
    import subprocess
    import sys

    for bad in (CONTROL,):
        code_points = ",".join(str(ord(c)) for c in bad)
        done = subprocess.run([sys.executable, "-c", _SAVE_ALL, code_points, str(tmp_path)], capture_output=True, text=True,
                              timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        assert done.stdout.strip() == "saved"
    import xml.etree.ElementTree as ET

    svg = (tmp_path / "x-lane.svg").read_text(encoding="utf-8")
    assert ET.fromstring(svg).tag.endswith("svg")  # well-formed XML
    assert not any(c in svg for c in CONTROL)
    assert (tmp_path / "x-lane.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "x-actor.pdf").read_bytes().startswith(b"%PDF")


def test_page_spec_holds_no_control_characters() -> None:
    """The in-page "Save as SVG" writes what the spec holds: no NUL, no other control."""
    bad = [Item("a", year(2000), f"a{CONTROL}b", f"k{CONTROL}", None, f"d{CONTROL}", (f"x{CONTROL}",), (f"p{CONTROL}",))]
    page = html_document(bad, title=f"t{CONTROL}")
    spec = spec_in(page)
    text = json.dumps(spec, ensure_ascii=False)
    assert not any(c in text for c in CONTROL)
    assert "\\u0000" not in text
    assert "\\u000b" not in text.lower()
    assert any(r.get("label") == "a b" or r.get("label") == "ab" for rows in spec["datasets"].values() for r in rows)


def test_any_altair_chart_with_control_characters_saves(tmp_path: Path) -> None:
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"a": 1, "t": "x\x0by"}])).mark_text().encode(x="a:Q", text="t:N").properties(title="t\x00")
    out = save(chart, tmp_path / "c.svg")
    assert "\x0b" not in out.read_text(encoding="utf-8")


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


def test_chart_domain_and_unknown_values_raise() -> None:
    from timeline.chart import prepare, timeline_chart

    data = prepare(items(10), domain=(calendar.seconds(1998), calendar.seconds(2001)))
    assert {r["id"] for r in data.rows} == {"e3", "e4", "e5"}  # 1998, 1999, 2000
    assert data.domain == (calendar.seconds(1998) * 1000, calendar.seconds(2001) * 1000)
    with pytest.raises(ValueError, match="'actors' is not a lane field: expected one of kind, actor, country"):
        timeline_chart(items(), lanes="actors")
    with pytest.raises(ValueError, match="not a colour field"):
        timeline_chart(items(), color="colour")
    with pytest.raises(TypeError, match="unknown chart option"):
        timeline_chart(items(), lane="kind")
