"""Writing a file (or a folder) so that it is never left half-written: a temporary
``.NAME.PID.XXXXXXXX.part`` beside the target, renamed over it at the end. A crash, an
interruption or an error while the data is made leaves the previous file as it was.

Every writer of the project goes through ``atomic_path``. A process killed outright (SIGKILL,
the OOM killer) cannot remove its ``.part``: the next write of the same target removes the
``.part`` files whose writer process no longer runs. A new file gets the permissions a plain
``open(target, "w")`` would give it (0o666 less the umask; 0o777 for a folder); a replaced one
keeps its own.
"""

from __future__ import annotations

import contextlib
import glob
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

__all__ = ["SUFFIX", "atomic_path", "clear_stale", "write_atomic"]

SUFFIX = ".part"
# what follows ".NAME." in the name of a part: the writer's PID, then mkstemp's random letters
# (older versions wrote ".NAME.PID.part", without them)
_PART = re.compile(r"(?P<pid>\d+)(?:\.[^.]+)?" + re.escape(SUFFIX))


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], *, folder: bool = False) -> Iterator[Path]:
    """A temporary path beside ``path``; renamed to ``path`` when the block ends without an
    exception, removed when it raises (Ctrl-C and ``SystemExit`` too).

    With ``folder``, the path is an empty folder that the block fills, and that replaces the
    folder ``path`` whole. ``FileNotFoundError`` naming the folder when ``path``'s folder does
    not exist (folders are never created). Stale parts of ``path`` are removed first
    (``clear_stale``).
    """
    target = Path(path)
    parent = target.parent
    if not parent.is_dir():
        raise FileNotFoundError(2, f"no folder {str(parent)!r} to write {target.name!r} in", str(target))
    clear_stale(target)
    mode = _mode_for(target, folder)
    prefix = f".{target.name}.{os.getpid()}."
    if folder:
        part = Path(tempfile.mkdtemp(prefix=prefix, suffix=SUFFIX, dir=parent))
    else:
        handle, name = tempfile.mkstemp(prefix=prefix, suffix=SUFFIX, dir=parent)
        os.close(handle)
        part = Path(name)
    try:
        yield part
        os.chmod(part, mode)  # mkstemp and mkdtemp make it private: give it the usual mode
        if folder and target.is_dir() and not target.is_symlink():
            _replace_folder(part, target)
        else:
            os.replace(part, target)
    finally:
        _remove(part)


def _replace_folder(part: Path, target: Path) -> None:
    """Put the folder ``part`` in the place of the folder ``target`` (two renames: a folder
    cannot be renamed over one that is not empty)."""
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.{os.getpid()}.", suffix=".old", dir=target.parent))
    os.replace(target, old)  # over the empty folder just made
    try:
        os.replace(part, target)
    except BaseException:
        os.replace(old, target)
        raise
    _remove(old)


def clear_stale(target: str | os.PathLike[str]) -> list[Path]:
    """Remove the ``.part`` files (and folders) of ``target`` left by writer processes that no
    longer run (killed before they could remove them); the paths removed. The parts of live
    processes, this one included, are left alone."""
    path = Path(target)
    prefix = f".{path.name}."
    removed = []
    for stale in path.parent.glob(glob.escape(prefix) + "*" + SUFFIX):
        match = _PART.fullmatch(stale.name[len(prefix) :])
        if match is None:
            continue
        pid = int(match["pid"])
        if pid != os.getpid() and not _alive(pid):
            _remove(stale)
            removed.append(stale)
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    except OverflowError:  # not a PID at all
        return False
    return True


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _mode_for(target: Path, folder: bool) -> int:
    """The permissions the written file gets: those of the file it replaces, else what a plain
    ``open(target, "w")`` (or ``mkdir``) would give: 0o666 (0o777) less the umask."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return (0o777 if folder else 0o666) & ~umask


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
