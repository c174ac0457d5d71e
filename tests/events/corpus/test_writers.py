"""events.corpus.writers: output replaced only when complete, never destroyed by a failed run."""

from __future__ import annotations

import csv
import json
import multiprocessing
import os
import subprocess
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from events.convert import document_record, event_parquet_schema
from events.corpus import OutputError, extract_to, iter_documents

EXAMPLES = Path(str(resources.files("events").joinpath("data", "examples", "baltic-cable")))
FORMATS = ("events.json", "events.jsonl", "events.csv", "events.parquet")
PREVIOUS = b"the previous output, which a failed run must keep\n"


def _crashing() -> Iterator[Path | str]:
    """A corpus whose listing fails half-way, as a disk error or a bug would."""
    yield sorted(EXAMPLES.glob("*.txt"))[0]
    yield "Officials met in Paris last week."
    raise OSError(5, "Input/output error")


def _parts(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part") or p.name.endswith(".old"))


@pytest.mark.parametrize("name", FORMATS)
def test_a_failed_run_leaves_the_previous_output_as_it_was(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(PREVIOUS)
    with pytest.raises(OSError, match="Input/output error"):
        extract_to(_crashing(), target, workers=0, progress=False)
    assert target.read_bytes() == PREVIOUS
    assert _parts(tmp_path) == []
    with pytest.raises(KeyboardInterrupt):
        extract_to(_interrupted(), target, workers=0, progress=False)
    assert target.read_bytes() == PREVIOUS
    assert _parts(tmp_path) == []


def _interrupted() -> Iterator[str]:
    yield "Officials met in Paris last week."
    raise KeyboardInterrupt


@pytest.mark.parametrize("name", FORMATS)
def test_a_complete_run_replaces_the_output(tmp_path: Path, name: str) -> None:
    target = tmp_path / name
    target.write_bytes(PREVIOUS)
    summary = extract_to(EXAMPLES, target, workers=0, progress=False)
    assert summary.documents == 8
    assert target.read_bytes() != PREVIOUS
    assert _parts(tmp_path) == []
    if name.endswith(".parquet"):
        assert pq.read_table(target).num_rows == summary.events
    elif name.endswith(".csv"):
        with target.open(encoding="utf-8", newline="") as handle:
            assert len(list(csv.DictReader(handle))) == summary.events
    elif name.endswith(".jsonl"):
        assert len(target.read_text(encoding="utf-8").splitlines()) == 8
    else:
        records = json.loads(target.read_text(encoding="utf-8"))
        expected = [document_record(r.document, r.name) for r in iter_documents(EXAMPLES, workers=0) if r.document]
        assert records == expected


def test_json_of_no_documents_is_an_empty_list(tmp_path: Path) -> None:
    target = tmp_path / "none.json"
    extract_to([], target, workers=0, progress=False)
    assert json.loads(target.read_text(encoding="utf-8")) == []


def test_a_missing_output_folder_is_an_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "missing_dir"
    with pytest.raises(OutputError, match=f"{missing}: the output folder does not exist"):
        extract_to(EXAMPLES, missing / "events.jsonl", workers=0, progress=False)
    assert not missing.exists()
    taken = tmp_path / "taken.jsonl"
    taken.mkdir()
    with pytest.raises(OutputError, match=r"taken\.jsonl: is a folder, not a file"):
        extract_to(EXAMPLES, taken, workers=0, progress=False)


def test_a_part_file_left_by_a_killed_run_is_cleared_by_the_next(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    dead = int(finished.stdout)
    stale = tmp_path / f".events.jsonl.{dead}.k3j9x_2a.part"
    stale.write_text("half a file", encoding="utf-8")
    older = tmp_path / f".events.jsonl.{dead}.part"  # as earlier versions named them
    older.write_text("half a file", encoding="utf-8")
    running = tmp_path / f".events.jsonl.{os.getppid()}.q81mzt0c.part"  # a live writer's file is left alone
    running.write_text("being written", encoding="utf-8")
    other = tmp_path / f".other.jsonl.{dead}.k3j9x_2a.part"  # another target's
    other.write_text("half a file", encoding="utf-8")
    extract_to(EXAMPLES, target, workers=0, progress=False)
    assert not stale.exists()
    assert not older.exists()
    assert running.exists()
    assert other.exists()


def test_a_partitioned_dataset_is_a_folder_of_part_files(tmp_path: Path) -> None:
    single = tmp_path / "events.parquet"
    extract_to(EXAMPLES, single, workers=0, progress=False)
    folder = tmp_path / "dataset"
    summary = extract_to(EXAMPLES, folder, workers=0, progress=False, partitioned=True, row_group=6)
    files = sorted(p.name for p in folder.iterdir())
    assert files[0] == "part-00000.parquet"
    assert 2 <= len(files) <= summary.events // 6  # about 6 rows a file, each document's rows in one
    docs_by_file = [set(pq.read_table(folder / f).column("doc").to_pylist()) for f in files]
    assert sum(len(d) for d in docs_by_file) == summary.documents
    dataset = ds.dataset(folder, format="parquet")
    assert dataset.schema.equals(event_parquet_schema())
    assert dataset.to_table().to_pylist() == pq.read_table(single).to_pylist()
    # a second run replaces the folder whole; a failed one keeps it
    extract_to(sorted(EXAMPLES.glob("*.txt"))[:2], folder, workers=0, progress=False, partitioned=True)
    again = ds.dataset(folder, format="parquet").to_table()
    assert set(again.column("doc").to_pylist()) == {p.stem for p in sorted(EXAMPLES.glob("*.txt"))[:2]}
    with pytest.raises(OSError, match="Input/output error"):
        extract_to(_crashing(), folder, workers=0, progress=False, partitioned=True)
    assert ds.dataset(folder, format="parquet").to_table().equals(again)
    assert _parts(tmp_path) == []
    with pytest.raises(OutputError, match="a partitioned dataset is a folder"):
        extract_to(EXAMPLES, single, workers=0, progress=False, partitioned=True)


def test_a_failed_run_stops_its_workers_at_once(tmp_path: Path) -> None:
    target = tmp_path / "events.jsonl"
    target.write_bytes(PREVIOUS)
    with pytest.raises(OSError, match="Input/output error"):
        extract_to(_crashing(), target, workers=2, progress=False)
    assert multiprocessing.active_children() == []
    assert target.read_bytes() == PREVIOUS
    assert _parts(tmp_path) == []
