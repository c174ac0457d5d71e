"""``timeline extract``: odd file names, FIFOs, missing folders and signals never destroy output,
hang, or leave workers behind."""

from __future__ import annotations

import contextlib
import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from tests.conftest import ROOT
from timeline.cli import main

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="byte file names, FIFOs, /proc")

ARTICLE = "Prague, 18 March 2003 (RFE/RL) -- Putin will pay a visit to Dushanbe next month.\n"
EXAMPLES = Path(str(resources.files("events").joinpath("data", "examples", "baltic-cable")))
PREVIOUS = b"the previous output, which a failed run must keep\n"


@pytest.fixture
def odd_names(tmp_path: Path) -> Path:
    """A folder with a file whose name holds the byte \\xff, beside a plain one."""
    folder = tmp_path / "news"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"rapport-\xff.txt"), "wb") as handle:
        handle.write(ARTICLE.encode("utf-8"))
    (folder / "plain.txt").write_text("Moscow pulled its troops out of Kyrgyzstan in 1999.\n", encoding="utf-8")
    return folder


@pytest.mark.parametrize("suffix", [".json", ".csv", ".jsonl", ".parquet"])
def test_a_file_name_that_is_not_utf8_is_read_and_written(odd_names: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"prev{suffix}"
    out.write_bytes(PREVIOUS)
    assert main(["extract", str(odd_names), "-o", str(out)]) == 0
    if suffix == ".parquet":
        docs = pq.read_table(out).column("doc").to_pylist()
    elif suffix == ".csv":
        with out.open(encoding="utf-8", newline="") as handle:
            docs = [row["doc"] for row in csv.DictReader(handle)]
    elif suffix == ".jsonl":
        docs = [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()]
    else:
        docs = [record["doc"] for record in json.loads(out.read_text(encoding="utf-8"))]
    assert "rapport-\\xff" in docs
    assert "plain" in docs
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]


@pytest.mark.parametrize("suffix", [".json", ".csv", ".jsonl", ".parquet"])
def test_a_failed_run_keeps_the_previous_output(tmp_path: Path, suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"prev{suffix}"
    out.write_bytes(PREVIOUS)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\x00\x01binary")
    assert main(["extract", str(binary), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    assert out.read_bytes() == PREVIOUS  # every input unreadable: nothing replaces it
    err = capsys.readouterr().err
    assert "scan.txt: a binary file, not text" in err
    assert "missing.txt: cannot read" in err
    assert "was not written" in err
    assert main(["extract", str(binary), "--dct", "2003-13-45", "-o", str(out)]) == 2
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([out.name, binary.name])


def test_a_failing_file_is_named_and_the_others_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9 in M\xfcnchen".encode("latin-1"))
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(latin), str(good), "-o", str(out), "--workers", "2"]) == 1
    assert [json.loads(line)["doc"] for line in out.read_text(encoding="utf-8").splitlines()] == ["good"]
    err = capsys.readouterr().err
    assert f"{latin}: not UTF-8 text (byte 3)" in err
    assert "1 of 2 files could not be read" in err


def test_a_missing_output_folder_is_named_and_nothing_is_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(article), "-o", str(tmp_path / "missing_dir" / "x.jsonl")]) == 2
    assert f"{tmp_path / 'missing_dir'}: the output folder does not exist" in capsys.readouterr().err
    assert not (tmp_path / "missing_dir").exists()
    with pytest.raises(SystemExit):
        main(["extract", "--help"])
    assert "its folder must exist" in capsys.readouterr().out


def test_a_fifo_given_as_input_is_refused_by_name(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    done = subprocess.run(
        [sys.executable, "-m", "timeline", "extract", str(fifo)], capture_output=True, text=True, timeout=120, cwd=ROOT
    )  # a FIFO that nobody writes: this would hang forever if it were opened for reading
    assert done.returncode == 1
    assert f"{fifo}: a FIFO, not a file" in done.stderr
    assert json.loads(done.stdout) == []


def test_a_folder_lists_what_it_skipped(odd_names: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    os.symlink(odd_names / "gone.txt", odd_names / "dangling.txt")
    os.symlink(odd_names / "loop.txt", odd_names / "loop.txt")
    os.mkfifo(odd_names / "pipe.txt")
    out = tmp_path / "events.jsonl"
    assert main(["extract", str(odd_names), "-o", str(out)]) == 0
    err = capsys.readouterr().err
    assert f"skipped {odd_names / 'dangling.txt'}: a dangling symbolic link" in err
    assert f"skipped {odd_names / 'loop.txt'}: a symbolic link loop" in err
    assert f"skipped {odd_names / 'pipe.txt'}: a FIFO, not a file" in err
    assert "3 skipped:" in err
    assert len(out.read_text(encoding="utf-8").splitlines()) == 2


# ------------------------------------------------------------------------------ signals


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                    fields = handle.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid and fields[0] != "Z":
                found.append(int(entry))
    return found


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            return handle.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


@pytest.fixture
def big_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    for k in range(240):
        (folder / f"doc-{k:03d}.txt").write_text(texts[k % len(texts)], encoding="utf-8")
    return folder


@contextlib.contextmanager
def _started(corpus: Path, out: Path) -> Iterator[tuple[subprocess.Popen[bytes], list[int]]]:
    """``timeline extract`` on two workers, once its workers and its ``.part`` file exist; killed on leaving."""
    process = subprocess.Popen(
        [sys.executable, "-m", "timeline", "extract", str(corpus), "-o", str(out), "--workers", "2"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            workers = _children(process.pid)
            if len(workers) >= 2 and any(p.name.endswith(".part") for p in out.parent.iterdir()):
                break
            assert process.poll() is None, process.communicate()
            time.sleep(0.1)
        else:
            pytest.fail("the workers did not start in 120 s")
        yield process, workers  # signalled as soon as the run is under way: never after it ended
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate()


def _gone(pids: list[int], seconds: float = 15.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not any(_alive(p) for p in pids):
            return True
        time.sleep(0.1)
    return False


@pytest.mark.slow
@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_a_signal_ends_the_run_cleanly(big_corpus: Path, tmp_path: Path, name: str) -> None:
    out = tmp_path / "events.jsonl"
    out.write_bytes(PREVIOUS)
    with _started(big_corpus, out) as (process, workers):
        process.send_signal(getattr(signal, name))
        _, err = process.communicate(timeout=60)  # the pipes close: no worker holds them
        assert process.returncode == (130 if name == "SIGINT" else 128 + getattr(signal, name)), err
        assert b"Traceback" not in err
        assert _gone(workers), "a worker outlived the command"
    assert out.read_bytes() == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "events.jsonl"]


@pytest.mark.slow
def test_after_sigkill_no_worker_lives_on_and_the_next_run_clears_the_part(big_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    out.write_bytes(PREVIOUS)
    with _started(big_corpus, out) as (process, workers):
        process.kill()
        process.communicate(timeout=60)  # the workers die with it, releasing the pipes
        assert _gone(workers), "a worker outlived the killed command"
    assert out.read_bytes() == PREVIOUS
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")]  # what a KILL leaves
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["extract", str(small), "-o", str(out)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "events.jsonl", "small"]


def test_glob_and_a_partitioned_dataset(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.news").write_text("Moscow pulled its troops out of Kyrgyzstan in 1999.\n", encoding="utf-8")
    (corpus / "events.json").write_text("[]", encoding="utf-8")
    folder = tmp_path / "dataset"
    assert main(["extract", str(corpus), "--glob", "*.txt", "--glob", "*.news", "-o", str(folder), "--partitioned"]) == 0
    table = ds.dataset(folder, format="parquet").to_table()
    assert sorted(set(table.column("doc").to_pylist())) == ["a", "b"]
    assert "2 of 2 documents read" in capsys.readouterr().err
    assert main(["extract", str(corpus), "-o", str(tmp_path / "x.jsonl"), "--partitioned"]) == 0  # a folder named x.jsonl
    assert (tmp_path / "x.jsonl").is_dir()
