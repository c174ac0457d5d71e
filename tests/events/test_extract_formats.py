"""``timeline extract`` -> every format -> ``timeline render``, ``events.load`` and ``Timeline.read``:
the same events, with every bound to the second, in each."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from referencing import Registry, Resource

import events
from timeline import Timeline
from timeline.cli import main

ARTICLE = (
    "Prague, 18 March 2003 (RFE/RL) -- Putin will pay a visit to Dushanbe next month. "
    'Russian Defense Minister Sergei Ivanov visited Dushanbe last week, "to talk, again".\n'
    "Moscow pulled its troops out of Kyrgyzstan in 1999.\n"
)
SCHEMAS = Path(__file__).resolve().parents[2] / "events" / "schema"


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("extract")
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Putin", "Medvedev"), encoding="utf-8")
    out = {}
    for suffix in ("json", "jsonl", "csv", "parquet"):
        out[suffix] = folder / f"events.{suffix}"
        assert main(["extract", str(folder / "a.txt"), str(folder / "b.txt"), "-o", str(out[suffix])]) == 0
    return out


def expected() -> list[events.Event]:
    return [
        e
        for name, text in (("a", ARTICLE), ("b", ARTICLE.replace("Putin", "Medvedev")))
        for e in events.read(text, doc_id=name).events
    ]


@pytest.mark.parametrize("suffix", ["json", "jsonl", "csv", "parquet"])
def test_every_extract_format_reads_back_to_equal_events(written: dict[str, Path], suffix: str) -> None:
    want = expected()
    assert len(want) >= 4
    assert events.load(written[suffix]) == want  # kinds, labels, actors, and every bound to the second
    timeline = Timeline.read(written[suffix])
    assert sorted(timeline, key=lambda e: e.id) == sorted(want, key=lambda e: e.id)
    assert timeline.dct is not None
    assert timeline.dct.timex == "2003-03-18"
    week = next(e for e in timeline if e.time.timex == "2003-W11")
    assert week.time.earliest_start is not None
    assert week.time.earliest_end is not None
    assert week.time.earliest_end >= week.time.earliest_start  # "last week" ends after it starts
    assert week.label.startswith("Visit")


@pytest.mark.parametrize("suffix", ["json", "jsonl", "csv", "parquet"])
def test_render_reads_every_extract_format(written: dict[str, Path], suffix: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / f"{suffix}.html"
    assert main(["render", str(written[suffix]), "-o", str(page)]) == 0
    assert f"Wrote {len(expected())} events" in capsys.readouterr().out
    assert page.stat().st_size > 10_000


def test_the_timeline_readers_read_extract_tables(written: dict[str, Path]) -> None:
    want = sorted(expected(), key=lambda e: e.id)
    assert sorted(Timeline.from_csv(written["csv"]), key=lambda e: e.id) == want
    assert sorted(Timeline.from_parquet(written["parquet"]), key=lambda e: e.id) == want


def test_extract_json_meets_the_document_schema(written: dict[str, Path]) -> None:
    registry: Registry = Registry()
    for name in ("event.schema.json", "document.schema.json"):
        schema = json.loads((SCHEMAS / name).read_text(encoding="utf-8"))
        registry = registry.with_resource(schema["$id"], Resource.from_contents(schema))
    document = json.loads((SCHEMAS / "document.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(document, registry=registry)
    records = json.loads(written["json"].read_text(encoding="utf-8"))
    for record in [*records, *(json.loads(line) for line in written["jsonl"].read_text(encoding="utf-8").splitlines())]:
        validator.validate(record)
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({**records[0], "events": [{**records[0]["events"][0], "type": "Visit"}]})
