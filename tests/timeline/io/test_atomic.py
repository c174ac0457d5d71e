"""Writers never destroy a file: a temporary file beside the target, renamed at the end."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from timeline import Item, Span, Timeline
from timeline.io import json as timeline_json
from timeline.io.atomic import atomic_path, write_atomic


def test_a_failed_write_leaves_the_previous_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("previous", encoding="utf-8")
    def crash() -> None:
        with atomic_path(target) as part:
            part.write_text("half", encoding="utf-8")
            raise RuntimeError("crash")

    with pytest.raises(RuntimeError):
        crash()
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]  # no temporary file left
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new"


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="missing"):
        write_atomic(tmp_path / "missing" / "x.json", "{}")


def _crash_half_way(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every text or Parquet write stops half way with an OSError (a full disk, a kill)."""
    import pyarrow.parquet as pq

    def text(self: Path, data: str, *args: object, **kwargs: object) -> int:
        with open(self, "w", encoding="utf-8") as handle:
            handle.write(data[: len(data) // 2])
        raise OSError(28, "No space left on device")

    def table(table: object, where: object, *args: object, **kwargs: object) -> None:
        Path(str(where)).write_bytes(b"PAR1 half")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Path, "write_text", text)
    monkeypatch.setattr(pq, "write_table", table)


@pytest.mark.parametrize("suffix", ["json", "csv", "parquet", "svg"])
def test_writers_keep_the_previous_file_when_a_write_fails(tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from timeline.io import export

    tl = Timeline([Item("a", Span.from_timex3("2003"))])
    target = tmp_path / f"t.{suffix}"
    target.write_bytes(b"previous")
    if suffix == "svg":
        monkeypatch.setattr(export, "render", lambda *args, **options: "<svg>" + "x" * 100 + "</svg>")
    _crash_half_way(monkeypatch)
    write = {"json": lambda p: timeline_json.write_json(tl, p), "csv": tl.to_csv, "parquet": tl.to_parquet, "svg": lambda p: export.save(tl, p)}
    with pytest.raises(OSError, match="No space"):
        write[suffix](target)
    assert target.read_bytes() == b"previous"
    assert sorted(p.name for p in tmp_path.iterdir()) == [target.name]


def test_a_new_file_gets_the_usual_permissions_and_a_replaced_one_keeps_its_own(tmp_path: Path) -> None:
    fresh = tmp_path / "fresh.txt"
    umask = os.umask(0o022)
    try:
        write_atomic(fresh, "new")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o644  # as open(..., "w") gives, not mkstemp's 0o600
    kept = tmp_path / "kept.txt"
    kept.write_text("old", encoding="utf-8")
    kept.chmod(0o640)
    write_atomic(kept, "new")
    assert stat.S_IMODE(kept.stat().st_mode) == 0o640


def _dead_pid() -> int:
    import subprocess
    import sys

    finished = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True, check=True)
    return int(finished.stdout)


def test_the_part_is_named_by_target_and_process_and_a_dead_writers_part_is_cleared(tmp_path: Path) -> None:
    import re

    from timeline.io.atomic import clear_stale

    target = tmp_path / "t.json"
    dead = _dead_pid()
    stale_file = tmp_path / f".t.json.{dead}.abcdefgh.part"
    stale_file.write_text("half", encoding="utf-8")
    stale_folder = tmp_path / f".t.json.{dead}.ijklmnop.part"
    stale_folder.mkdir()
    (stale_folder / "part-00000.parquet").write_bytes(b"half")
    live = tmp_path / f".t.json.{os.getppid()}.qrstuvwx.part"
    live.write_text("being written", encoding="utf-8")
    unrelated = tmp_path / f".t.json.{dead}.notes"
    unrelated.write_text("not a part", encoding="utf-8")
    with atomic_path(target) as part:
        assert re.fullmatch(rf"\.t\.json\.{os.getpid()}\.[\w]+\.part", part.name)
        assert not stale_file.exists()
        assert not stale_folder.exists()
        assert clear_stale(target) == []  # its own part is never stale
        part.write_text("{}", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([live.name, unrelated.name, "t.json"])


def test_a_folder_is_replaced_whole_and_kept_when_the_write_fails(tmp_path: Path) -> None:
    target = tmp_path / "dataset"
    umask = os.umask(0o022)
    try:
        with atomic_path(target, folder=True) as part:
            assert part.is_dir()
            assert list(part.iterdir()) == []
            (part / "a").write_text("first", encoding="utf-8")
    finally:
        os.umask(umask)
    assert stat.S_IMODE(target.stat().st_mode) == 0o755  # as mkdir gives, not mkdtemp's 0o700
    with atomic_path(target, folder=True) as part:
        (part / "b").write_text("second", encoding="utf-8")
    assert [p.name for p in target.iterdir()] == ["b"]

    def interrupted() -> None:
        with atomic_path(target, folder=True) as part:
            (part / "c").write_text("half", encoding="utf-8")
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        interrupted()
    assert [p.name for p in target.iterdir()] == ["b"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dataset"]
