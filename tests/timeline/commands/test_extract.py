"""``timeline extract``: JSON, JSON lines and CSV; bad files reported, the others still read."""

from __future__ import annotations

import csv
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from timeline.cli import main

ARTICLE = "Prague, 18 March 2003 (RFE/RL) -- Putin will pay a visit to Dushanbe next month. Moscow pulled its troops out of Kyrgyzstan in 1999.\n"
SCHEMA = json.loads(resources.files("events").joinpath("schema/event.schema.json").read_text(encoding="utf-8"))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_json_on_standard_output(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["doc"] == "article"
    assert record["dct"] == "2003-03-18"
    assert [e["kind"] for e in record["events"]] == ["Visit", "Withdrawal"]
    for event in record["events"]:
        jsonschema.validate(event, SCHEMA)
    assert record["events"][0]["time"]["timex"] == "2003-04"
    assert record["events"][0]["status"] == "planned"


def test_dct_option_overrides_the_dateline(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "--dct", "2010-01-15"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert record["events"][0]["time"]["timex"] == "2010-02"


def test_jsonl_and_csv(article: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(article), str(article), "-o", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 2
    assert json.loads(lines[0])["events"][1]["kind"] == "Withdrawal"
    table = tmp_path / "events.csv"
    assert main(["extract", str(article), "-o", str(table)]) == 0
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["kind"] for r in rows] == ["Visit", "Withdrawal"]
    assert rows[1]["timex"] == "1999"
    assert sorted({c for c in json.loads(rows[1]["actors.country"]) if c}) == ["KGZ", "RUS"]  # the actors' countries
    assert json.loads(rows[1]["places.country"]) == ["KGZ"]
    assert rows[1]["earliest_start"] == "1999-01-01T00:00:00"
    assert rows[1]["latest_end"] == "2000-01-01T00:00:00"  # ends exclusive, as everywhere


def test_bad_files_are_reported_and_the_rest_read(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    latin = tmp_path / "latin1.txt"
    latin.write_bytes("Gondor a sign\xe9 un trait\xe9.".encode("latin-1"))
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(binary), str(article), str(latin), str(missing)]) == 1
    captured = capsys.readouterr()
    (record,) = json.loads(captured.out)
    assert record["doc"] == "article"
    for name in ("image.png", "latin1.txt", "missing.txt"):
        assert name in captured.err
    assert "3 of 4 files" in captured.err


def test_unknown_output_format(article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(article), "-o", str(tmp_path / "events.xml")]) == 2
    assert "events.xml" in capsys.readouterr().err


def test_help_has_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "timeline extract article.txt" in capsys.readouterr().out


def test_a_directory_streams_to_jsonl_and_parquet(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    (corpus / "more").mkdir(parents=True)
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "more" / "b.txt").write_text(ARTICLE.replace("Putin", "Medvedev"), encoding="utf-8")
    (corpus / "broken.txt").write_bytes(b"\xff\xfe\x00 binary")
    lines_out = tmp_path / "events.jsonl"
    assert main(["extract", str(corpus), "-o", str(lines_out)]) == 1  # one file failed
    assert "broken.txt" in capsys.readouterr().err
    records = [json.loads(line) for line in lines_out.read_text(encoding="utf-8").splitlines()]
    assert [r["doc"] for r in records] == ["a", "b"]
    assert [e["kind"] for e in records[1]["events"]] == ["Visit", "Withdrawal"]
    table = tmp_path / "events.parquet"
    assert main(["extract", str(corpus / "a.txt"), str(corpus / "more"), "-o", str(table)]) == 0
    import pyarrow.parquet as pq

    rows = pq.read_table(table).to_pylist()
    assert [(r["doc"], r["kind"]) for r in rows] == [("a", "Visit"), ("a", "Withdrawal"), ("b", "Visit"), ("b", "Withdrawal")]


def test_a_folder_without_text_files_is_said_not_silent(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "events.json").write_text("[]", encoding="utf-8")  # the tool's own output is not news
    (tmp_path / "page.html").write_text("<p>Putin visited Dushanbe.</p>", encoding="utf-8")
    assert main(["extract", str(tmp_path)]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out) == []
    assert f"{tmp_path}: no file in it matches *.txt" in captured.err


def test_a_text_with_no_date_is_warned_about_on_stderr(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    undated = tmp_path / "undated.txt"
    undated.write_text("The minister signed the agreement last week.\n", encoding="utf-8")
    assert main(["extract", str(undated)]) == 0
    captured = capsys.readouterr()
    assert "undated.txt" in captured.err
    assert "no document date" in captured.err
    (record,) = json.loads(captured.out)
    assert record["dct"] is None


def test_narrative_mode_reads_a_history(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    history = tmp_path / "history.txt"
    history.write_text("In March 1848 protesters attacked the palace in Vienna. In June the army shelled Prague.\n", encoding="utf-8")
    assert main(["extract", str(history), "--mode", "narrative"]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    times = [e["time"]["timex"] for e in record["events"]]
    assert "1848-06" in times  # "in June" is read against the last date told, not a report date
    assert main(["extract", str(history)]) == 0
    (record,) = json.loads(capsys.readouterr().out)
    assert "1848-06" not in [e["time"]["timex"] for e in record["events"]]
