"""events.corpus.sources: *.txt by default, odd folder entries skipped and listed, odd names read."""

from __future__ import annotations

import os
import sys
import warnings
from pathlib import Path

import pytest

from events.corpus import (
    CorpusReadError,
    CorpusWarning,
    Skipped,
    extract_to,
    iter_documents,
    read_corpus,
    walk,
)
from events.corpus.sources import expand
from timeline.io.text_files import display_name

TEXT = "Prague, 18 March 2003 (RFE/RL) -- Putin will pay a visit to Dushanbe next month.\n"

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, symbolic links and byte file names")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    (root / "more").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "more" / "b.txt").write_text("Moscow pulled its troops out of Kyrgyzstan in 1999.\n", encoding="utf-8")
    (root / "events.json").write_text('[{"doc": "a", "events": []}]', encoding="utf-8")  # the tool's own output
    (root / "timeline.html").write_text("<html>Putin visited Dushanbe last week.</html>", encoding="utf-8")
    (root / "wire.tml").write_text("<TimeML><TEXT>Putin met Rahmon.</TEXT></TimeML>", encoding="utf-8")
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    return root


def test_a_folder_is_read_for_its_text_files_only(folder: Path) -> None:
    files, skipped = walk(folder)
    assert [p.relative_to(folder).as_posix() for p in files] == ["a.txt", "more/b.txt"]
    assert skipped == []
    results = list(iter_documents(folder, workers=0))
    assert [r.doc_id for r in results] == ["a", "b"]
    timeline = read_corpus(folder, workers=0, progress=False)
    assert {item.doc for item in timeline} == {"a", "b"}


def test_glob_widens_what_a_folder_gives(folder: Path) -> None:
    files, _ = walk(folder, ("*.txt", "*.tml"))
    assert [p.name for p in files] == ["a.txt", "b.txt", "wire.tml"]
    files, _ = walk(folder, ("*",))
    assert [p.name for p in files] == ["a.txt", "events.json", "b.txt", "timeline.html", "wire.tml"]
    assert [r.doc_id for r in iter_documents(folder, workers=0, glob="*.tml")] == ["wire"]


@posix_only
def test_links_loops_and_fifos_in_a_folder_are_skipped_and_listed(folder: Path, tmp_path: Path) -> None:
    os.symlink(folder / "nowhere.txt", folder / "dangling.txt")
    os.symlink(folder / "loop-b.txt", folder / "loop-a.txt")
    os.symlink(folder / "loop-a.txt", folder / "loop-b.txt")
    os.symlink(folder / "more", folder / "again")
    os.symlink(folder / "a.txt", folder / "c-link.txt")
    os.mkfifo(folder / "pipe.txt")
    files, skipped = walk(folder)
    assert [p.name for p in files] == ["a.txt", "c-link.txt", "b.txt"]  # a link to a file is followed
    reasons = {Path(s.name).name: s.reason for s in skipped}
    assert reasons == {
        "again": "a link to a folder, not followed",
        "dangling.txt": "a dangling symbolic link",
        "loop-a.txt": "a symbolic link loop",
        "loop-b.txt": "a symbolic link loop",
        "pipe.txt": "a FIFO, not a file",
    }
    summary = extract_to(folder, tmp_path / "out.jsonl", workers=0, progress=False)
    assert summary.documents == 3
    assert Skipped(display_name(folder / "pipe.txt"), "a FIFO, not a file") in summary.skipped
    text = str(summary)
    assert "5 skipped:" in text
    assert "dangling.txt: a dangling symbolic link" in text
    with pytest.warns(CorpusWarning, match="loop-a.txt: skipped: a symbolic link loop"):
        read_corpus(folder, workers=0, progress=False)


@posix_only
def test_a_fifo_given_as_a_document_is_refused_by_name_at_once(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    (result,) = iter_documents([fifo], workers=0)  # never waits for a writer
    assert (result.name, result.error) == (str(fifo), "a FIFO, not a file")


@posix_only
def test_file_names_that_are_not_utf8_are_read(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xff-report.txt")
    with open(raw, "wb") as handle:
        handle.write(TEXT.encode("utf-8"))
    files, skipped = walk(tmp_path)
    assert skipped == []
    assert [os.fsencode(p) for p in files] == [raw]
    (result,) = iter_documents(tmp_path, workers=0)
    assert result.ok, result.error
    assert result.doc_id == "caf\\xff-report"
    assert result.name == display_name(raw)
    assert result.name.encode("utf-8")  # printable and writable as UTF-8
    assert result.document is not None
    assert "Visit" in [e.kind for e in result.document.events]


def test_a_list_of_str_naming_files_is_refused(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    with pytest.raises(CorpusReadError, match=r"document 0 is the str 'a.txt', which names a file: .*Path\('a.txt'\)"):
        read_corpus(["a.txt", "more/b.txt"], workers=0, progress=False)
    with pytest.raises(CorpusReadError, match="names a file"):
        list(iter_documents([str(folder / "a.txt")], workers=0))
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        timeline = read_corpus([Path("a.txt"), "Putin met Rahmon in Dushanbe on 2 May 2003."], workers=0, progress=False)
    assert {item.doc for item in timeline} == {"a", "text-2"}


def test_expand_refuses_one_string_and_bytes(folder: Path) -> None:
    with pytest.raises(TypeError, match="one string"):
        expand("Putin visited Dushanbe last week.")
    with pytest.raises(TypeError, match="read the bytes as text first"):
        expand(b"Putin visited Dushanbe.")  # type: ignore[arg-type]
    assert expand(str(folder)).total == 2
    assert expand(iter(["a text"])).total is None
