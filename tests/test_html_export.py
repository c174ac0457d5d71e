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
    return re.findall(r"<tr>.*?</tr>", body, re.S)


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
    assert page.count("<script") == 3
    assert page.count("</script>") == 3


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
    assert "vegaEmbed" in bundle["text/html"]
    assert "report of 18 March 2003" in bundle["text/html"]
