"""PNG, SVG and PDF through vl-convert, and HTML by suffix (timeline.io.export); control
characters never reach the renderer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.timeline.samples import CONTROL, DCT, items, table_rows
from timeline.errors import ExportFormatError
from timeline.io.export import format_of, render, save

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


def test_any_altair_chart_with_control_characters_saves(tmp_path: Path) -> None:
    import altair as alt

    chart = alt.Chart(alt.Data(values=[{"a": 1, "t": "x\x0by"}])).mark_text().encode(x="a:Q", text="t:N").properties(title="t\x00")
    out = save(chart, tmp_path / "c.svg")
    assert "\x0b" not in out.read_text(encoding="utf-8")
