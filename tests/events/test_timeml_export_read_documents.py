"""TimeML export of documents read by ``events.read``: every tag nests, so the export reads back
(issue 16, item 10: event mentions that run into a date, "killed on Oct. 23, 1999, ...")."""

from __future__ import annotations

import pytest

from tests.conftest import SHARED, load_script
from timeline import Evidence, Item, Span, Timeline, read_timeml
from timeline.io.timeml import GoldTimex

TBAQ = SHARED / "corpora" / "tbaq"


def test_an_event_that_runs_into_a_date_is_cut_where_the_date_begins() -> None:
    text = "Two were killed on Oct. 23, 1999, in Grozny."
    date = text.index("Oct. 23, 1999")
    item = Item("k", Span.from_timex3("1999-10-23"), "killed", evidence=(Evidence(None, text.index("killed"), date + 7),))
    timex = GoldTimex(date, date + len("Oct. 23, 1999"), "Oct. 23, 1999", "DATE", "1999-10-23")
    back = read_timeml(Timeline([item]).to_timeml(text=text, timexes=[timex]))
    assert [(t.text, t.value) for t in back.timexes] == [("Oct. 23, 1999", "1999-10-23")]
    assert [e.text for e in back.events] == ["killed on "]
    assert [(link.rel_type, link.source, link.target) for link in back.tlinks] == [("IS_INCLUDED", "e1", "t1")]


def test_events_that_cross_a_date_and_each_other_all_nest() -> None:
    text = "On Monday night there was news."
    night = text.index("Monday night")
    # one mention inside the date, one from inside it to past it, crossing the first too
    items = [
        Item("a", Span.unknown(), "a", evidence=(Evidence(None, night + 3, night + 9),)),
        Item("b", Span.unknown(), "b", evidence=(Evidence(None, night + 7, len(text) - 1),)),
    ]
    timex = GoldTimex(night, night + len("Monday night"), "Monday night", "TIME", "2003-03-17TNI")
    back = read_timeml(Timeline(items).to_timeml(text=text, timexes=[timex]))
    assert len(back.events) == 2
    assert [t.text for t in back.timexes] == ["Monday night"]
    assert back.text == text


@pytest.mark.corpus
def test_read_tbaq_documents_export_and_read_back() -> None:
    if not TBAQ.is_dir():
        pytest.skip(f"{TBAQ} is absent")
    script = load_script("timeml_export_round_trip")
    paths = sorted(p for p in TBAQ.rglob("*.tml") if not p.name.startswith("._"))
    assert len(paths) == 256
    failures = {p.name: reason for p in paths[::8] if (reason := script.round_trips(p)) is not None}
    assert failures == {}  # scripts/timeml_export_round_trip.py runs all 256
