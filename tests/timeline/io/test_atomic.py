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
