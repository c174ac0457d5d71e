"""Offline HTML (timeline.io.html): self-contained, hostile text stays text, no control characters."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from tests.timeline.samples import CONTROL, DCT, items, spec_in, table_rows, year
from timeline.io.html import CONTENT_SECURITY_POLICY, html_document, save_html, script_json
from timeline.item import Evidence, Item

XSS = ("<img src=x onerror=alert(1)>", "</script><script>alert(1)</script>", "<!-- x")


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


def test_timeline_saves_and_displays_itself(tmp_path: Path) -> None:
    from timeline import Timeline

    timeline = Timeline(items(), dct=DCT)
    page = timeline.save(tmp_path / "t.html")
    assert len(table_rows(Path(page).read_text(encoding="utf-8"))) == 6
    bundle = timeline._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert "6 items" in bundle["text/plain"]


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
