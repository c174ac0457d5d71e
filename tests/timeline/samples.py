"""Sample items and readers of the page, shared by the tests of the HTML page, the export and
``timeline render``."""

from __future__ import annotations

import json
import re
from typing import Any

from timeline import calendar
from timeline.item import Evidence, Item
from timeline.span import Granularity, Span

DCT = Span(*[calendar.seconds(2003, 3, 18)] * 2, *[calendar.seconds(2003, 3, 19)] * 2, Granularity.DAY, "2003-03-18")

# Every character XML 1.0 cannot hold (vl-convert's SVG parser panicked on each: exit 134).
CONTROL = "".join(chr(c) for c in (*range(0x09), 0x0B, 0x0C, *range(0x0E, 0x20))) + "\ufffe\uffff"


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
