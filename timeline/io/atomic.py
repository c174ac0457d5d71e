"""Writing a file so that it is never left half-written: a temporary file beside the target,
renamed over it at the end. A crash, or an error while the data is made, leaves the previous
file as it was."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["atomic_path", "write_atomic"]


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str]) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed to ``path`` when the block ends without error,
    removed when it raises. ``OSError`` naming the folder when it does not exist."""
    target = Path(path)
    folder = target.parent
    if not folder.is_dir():
        raise FileNotFoundError(
            2, f"no folder {str(folder)!r} to write {target.name!r} in", str(target)
        )
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
    os.close(handle)
    part = Path(temporary)
    try:
        yield part
        os.chmod(part, _mode_for(target))  # mkstemp makes the file private: give it the usual mode
        os.replace(part, target)
    finally:
        part.unlink(missing_ok=True)


def _mode_for(target: Path) -> int:
    """The permissions the written file gets: those of the file it replaces, else what a plain
    ``open(target, "w")`` would give (0o666 less the umask)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def write_atomic(path: str | os.PathLike[str], data: str | bytes | Callable[[Path], None]) -> Path:
    """Write ``data`` (text as UTF-8, bytes, or a function that writes a given path) to ``path``
    atomically; returns ``path``."""
    with atomic_path(path) as part:
        if isinstance(data, bytes):
            part.write_bytes(data)
        elif isinstance(data, str):
            part.write_text(data, encoding="utf-8", newline="")
        else:
            data(part)
    return Path(path)
