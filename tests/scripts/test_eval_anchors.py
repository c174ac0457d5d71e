"""scripts/eval_anchors.py writes ends as anchorscore.py reads them: the last second included."""

from __future__ import annotations

from tests.conftest import load_script


def test_an_exclusive_end_is_written_as_its_last_second() -> None:
    script = load_script("eval_anchors")
    event = {"id": "e", "time": {"earliest_start": None, "latest_end": "1998-08-19T00:00:00", "timex": "PAST_REF"}}
    out = script.scorer_event(event)
    assert out["time"]["latest_end"] == "1998-08-18T23:59:59"  # before a report of 18 August: by its end
    assert out["time"]["timex"] == "PAST_REF"
    assert event["time"]["latest_end"] == "1998-08-19T00:00:00"  # the event given is left as it was


def test_open_ends_stay_open() -> None:
    script = load_script("eval_anchors")
    out = script.scorer_event({"time": {"earliest_start": "2000-01-07T00:00:00", "latest_end": None}})
    assert out["time"] == {"earliest_start": "2000-01-07T00:00:00", "latest_end": None}
