"""``timeline eval timex``: scores for every file, errors naming files, the te3score cross-check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Literal

import pytest

from tests.conftest import SHARED
from timeline import tag
from timeline.cli import main
from timeline.evaluate import evaluate
from timeline.io.timeml import read_timeml

CORPORA = SHARED / "corpora"
TE3SCORE = SHARED / "tools" / "te3score.py"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>{name}</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="{dct}" functionInDocument="CREATION_TIME">{dct}</TIMEX3></DCT>
<TEXT>
Talks began on <TIMEX3 tid="t1" type="DATE" value="2003-03-18">18 March 2003</TIMEX3> in Dushanbe.
The treaty of <TIMEX3 tid="t2" type="DATE" value="1999">1999</TIMEX3> was ratified in <TIMEX3 tid="t3" type="DATE" value="2001">2001</TIMEX3> &amp; the base opens in <TIMEX3 tid="t4" type="DATE" value="2004">2004</TIMEX3>.
</TEXT>
</TimeML>
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


# --------------------------------------------------------------------------------------------
# timeline eval timex


@pytest.fixture
def gold_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "gold"
    (folder / "sub").mkdir(parents=True)
    (folder / "one.tml").write_text(TML.format(name="one", dct="2003-03-18"), encoding="utf-8")
    (folder / "sub" / "two.tml").write_text(TML.format(name="two", dct="2005-06-01"), encoding="utf-8")
    (folder / "notes.txt").write_text("not TimeML", encoding="utf-8")
    return folder


def test_eval_scores_every_file(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["eval", "timex", str(gold_dir), "--json"], capsys)
    assert code == 0, err
    result = json.loads(out)
    assert result["documents"] == 2
    assert result["failed"] == 0
    assert sorted(result["per_doc"]) == ["one", "two"]
    # the same numbers computed here, from the reader, the tagger and the metrics directly
    documents = [read_timeml(p) for p in sorted(gold_dir.rglob("*.tml"))]
    expected = evaluate([(d.timexes, tag(d.text, dct=d.dct)) for d in documents]).to_dict()
    for key in ("counts", "strict", "relaxed", "type", "value"):
        assert result[key] == expected[key]
    assert result["counts"]["gold"] == 8


def test_eval_table(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["eval", "timex", str(gold_dir)], capsys)
    assert code == 0
    lines = out.splitlines()
    assert lines[0].startswith("timex (news mode): 2 documents, 8 gold")
    assert [line.split()[0] for line in lines[2:6]] == ["strict", "relaxed", "type", "value"]


def test_eval_lists_errors_consistent_with_the_counts(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (gold_dir / "three.tml").write_text(
        TML.format(name="three", dct="2003-03-18").replace('value="2001">2001', 'value="2002">2001').replace("in Dushanbe", "in Dushanbe last year"),
        encoding="utf-8",
    )
    code, out, _ = run(["eval", "timex", str(gold_dir), "--json", "--errors", "3"], capsys)
    assert code == 0
    result = json.loads(out)
    c = result["counts"]
    kinds = [e["kind"] for e in result["errors"]]
    assert kinds.count("missed") == c["gold"] - c["relaxed_matches"]
    assert kinds.count("spurious") == c["system"] - c["relaxed_matches"]
    assert kinds.count("value") == c["relaxed_matches"] - c["value_matches"] >= 1
    assert any(e["gold"] == "2002" and e["system"] == "2001" for e in result["errors"])
    code, table, _ = run(["eval", "timex", str(gold_dir), "--errors", "3"], capsys)
    assert "three@" in table
    assert "gold=2002 system=2001" in table


def test_eval_reports_a_malformed_file_and_scores_the_others(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = TML.format(name="bad", dct="2003-03-18").replace("</TIMEX3> in Dushanbe", "</TIMEX> in Dushanbe")
    (gold_dir / "sub" / "bad.tml").write_text(broken, encoding="utf-8")
    line = next(n for n, text in enumerate(broken.splitlines(), 1) if "</TIMEX>" in text)
    code, out, err = run(["eval", "timex", str(gold_dir), "--json"], capsys)
    assert code == 1
    assert f"bad.tml:{line}:" in err
    assert "mismatched tag" in err
    result = json.loads(out)
    assert result["documents"] == 2
    assert result["failed"] == 1
    assert result["failures"][0]["line"] == line


def test_eval_reports_an_unusable_dct(gold_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (gold_dir / "odd.tml").write_text(TML.format(name="odd", dct="sometime"), encoding="utf-8")
    code, out, err = run(["eval", "timex", str(gold_dir)], capsys)
    assert code == 1
    assert "odd.tml" in err
    assert "sometime" in err
    assert "2 documents" in out


def test_eval_survives_a_tagger_crash_on_one_file(gold_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from timeline.commands import eval as eval_command

    real = eval_command.tag

    def crashing(text: str, dct: str | None = None, *, mode: Literal["news", "narrative"] = "news") -> list[object]:
        if "2005-06-01" in str(dct):
            raise RuntimeError("simulated bug")
        return list(real(text, dct=dct, mode=mode))

    monkeypatch.setattr(eval_command, "tag", crashing)  # the tagger the command calls
    code, out, err = run(["eval", "timex", str(gold_dir)], capsys)
    assert code == 1
    assert "two.tml" in err
    assert "RuntimeError: simulated bug" in err
    assert "1 documents" in out


def test_eval_refuses_a_folder_without_timeml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["eval", "timex", str(tmp_path)], capsys)
    assert code == 2
    assert "no .tml files" in err
    code, _, err = run(["eval", "timex", str(tmp_path / "absent")], capsys)
    assert code == 2
    assert "not a directory" in err


@pytest.mark.corpus
@pytest.mark.parametrize(("corpus", "mode"), [("tbaq", "news"), ("wikiwars/timeml", "narrative")])
def test_eval_agrees_with_te3score(corpus: str, mode: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = CORPORA / corpus
    if not folder.is_dir() or not TE3SCORE.is_file():
        pytest.skip(f"{folder} or {TE3SCORE} is absent")
    system = tmp_path / "system.jsonl"
    code, out, err = run(["eval", "timex", str(folder), "--json", "--mode", mode, "--system-out", str(system)], capsys)
    assert code == 0, err
    mine = json.loads(out)
    done = subprocess.run(
        [sys.executable, str(TE3SCORE), "score", str(folder), str(system), "--json"], capture_output=True, text=True, check=True
    )
    reference = json.loads(done.stdout)
    assert reference["missing_docs"] == []
    for key in ("counts", "strict", "relaxed", "type", "value"):
        assert mine[key] == reference[key], key
    assert mine["per_doc"] == reference["per_doc"]
    assert mine["counts"]["system"] > 0


def test_eval_names_a_missing_output_folder_before_scoring(gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "missing_dir" / "system.jsonl"
    code, _out, err = run(["eval", "timex", str(gold_dir), "--system-out", str(target)], capsys)
    assert code == 2
    assert "missing_dir" in err
    assert "does not exist" in err
    assert "Traceback" not in err
    assert not target.parent.exists()


def test_eval_keeps_a_previous_system_file_whole(gold_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "system.jsonl"
    code, _, err = run(["eval", "timex", str(gold_dir), "--system-out", str(target)], capsys)
    assert code == 0, err
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines
    assert all(json.loads(line)["doc"] for line in lines)
    assert [p.name for p in tmp_path.iterdir() if p.name != "system.jsonl" and "system" in p.name] == []  # no temporary left

def test_help_shows_examples(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["eval", "--help"])
    assert stop.value.code == 0
    assert "timeline eval " in capsys.readouterr().out
