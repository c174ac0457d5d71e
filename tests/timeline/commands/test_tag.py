"""``timeline tag``: outputs, the TimeML DCT, standard input, errors naming files."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from timeline import tag
from timeline.cli import main
from timeline.io.timeml import read_timeml

TEXT = "The minister arrived on 18 March 2003 and said the base, agreed in 1999, would open in 2004.\n"


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------------------------
# timeline tag


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text(TEXT, encoding="utf-8")
    return path


def test_tag_jsonl_offsets_point_into_the_text(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["tag", str(article), "--dct", "2003-03-18"], capsys)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert records, "no temporal expression found"
    assert records == [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value, "mod": t.mod}
        for t in tag(TEXT, dct="2003-03-18")
    ]
    for record in records:
        assert TEXT[record["start"] : record["end"]] == record["text"]
        assert record["type"] in {"DATE", "TIME", "DURATION", "SET"}
    assert any("1999" in r["text"] and r["value"] == "1999" for r in records)


def test_tag_formats_agree(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, jsonl, _ = run(["tag", str(article), "--dct", "2003-03-18"], capsys)
    records = [json.loads(line) for line in jsonl.splitlines()]
    code, markup, _ = run(["tag", str(article), "--dct", "2003-03-18", "--format", "timeml"], capsys)
    assert code == 0
    document = read_timeml(markup)
    assert document.text == TEXT
    assert document.dct == "2003-03-18"
    assert document.doc == "article"
    assert [(t.start, t.end, t.type, t.value) for t in document.timexes] == [(r["start"], r["end"], r["type"], r["value"]) for r in records]
    code, table, _ = run(["tag", str(article), "--dct", "2003-03-18", "--format", "table"], capsys)
    assert code == 0
    lines = table.splitlines()
    assert lines[0].split() == ["start", "end", "type", "value", "mod", "text"]
    assert len(lines) == 1 + len(records)
    for line, record in zip(lines[1:], records, strict=True):
        assert line.split()[:2] == [str(record["start"]), str(record["end"])]
        assert line.endswith(record["text"])


def test_tag_timeml_takes_the_dct_from_a_dateline(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "dated.txt"
    path.write_text("Prague, 18 March 2003 (RFE/RL) -- " + TEXT, encoding="utf-8")
    code, markup, err = run(["tag", str(path), "--format", "timeml"], capsys)
    assert code == 0, err
    assert read_timeml(markup).dct == "2003-03-18"
    code, markup, _ = run(["tag", str(path), "--format", "timeml", "--dct", "2004-01-02"], capsys)
    assert read_timeml(markup).dct == "2004-01-02"


def test_tag_reads_standard_input(monkeypatch: pytest.MonkeyPatch, article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, from_file, _ = run(["tag", str(article), "--dct", "2003-03-18"], capsys)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(TEXT.encode("utf-8"))))
    code, from_stdin, _ = run(["tag", "-", "--dct", "2003-03-18"], capsys)
    assert code == 0
    assert from_stdin == from_file


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"), (b"caf\xe9 in 1999", "not UTF-8")],
)
def test_tag_refuses_files_that_are_not_text(tmp_path: Path, content: bytes, reason: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "input.bin"
    path.write_bytes(content)
    code, out, err = run(["tag", str(path)], capsys)
    assert code == 2
    assert out == ""
    assert str(path) in err
    assert reason in err


def test_tag_names_a_missing_file_and_bad_stdin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["tag", str(tmp_path / "absent.txt")], capsys)
    assert code == 2
    assert "absent.txt" in err
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"\xff\xfe1999")))
    code, _, err = run(["tag", "-"], capsys)
    assert code == 2
    assert "<stdin>" in err


def test_tag_names_an_invalid_dct(article: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["tag", str(article), "--dct", "the day after"], capsys)
    assert code == 2
    assert out == ""
    assert "'the day after'" in err


def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["tag", "--help"])
    assert stop.value.code == 0
    assert "timeline tag " in capsys.readouterr().out
