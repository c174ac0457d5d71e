"""Text files read as UTF-8, refused by name when they are not text: binary files, other
encodings, FIFOs, devices and folders (refused at once, never waited on). File names that are
not valid UTF-8 are read all the same, and shown with the bad bytes escaped.
"""

from __future__ import annotations

import os
import stat

from timeline.errors import UnreadableFile

# UnreadableFile lives in timeline.errors; named here too for the callers of read_text_file
__all__ = ["BINARY_PROBE", "UnreadableFile", "display_name", "file_kind", "read_text_file"]

BINARY_PROBE = 8192  # a NUL byte among the first bytes marks a binary file


def display_name(path: str | os.PathLike[str]) -> str:
    """``path`` as text that can always be printed and written as UTF-8: bytes of a file name
    that are not UTF-8 are shown escaped (``caf\\xe9.txt``)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def file_kind(mode: int) -> str:
    """What a file of ``st_mode`` ``mode`` is, when it is not a regular file."""
    if stat.S_ISDIR(mode):
        return "a folder, not a file"
    if stat.S_ISFIFO(mode):
        return "a FIFO, not a file"
    if stat.S_ISSOCK(mode):
        return "a socket, not a file"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device, not a file"
    return "not a regular file"


def read_text_file(path: str | os.PathLike[str]) -> str:
    """The UTF-8 text of the regular file ``path``; ``UnreadableFile`` with the reason when it
    cannot be read, is binary, is not UTF-8, or is a FIFO, device or folder (refused at once,
    never waited on)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise UnreadableFile(file_kind(mode))
        with os.fdopen(fd, "rb") as handle:
            fd = -1
            data = handle.read()
    except OSError as error:
        raise UnreadableFile(f"cannot read: {error.strerror or error}") from error
    finally:
        if fd >= 0:
            os.close(fd)
    if b"\x00" in data[:BINARY_PROBE]:
        raise UnreadableFile("a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"not UTF-8 text (byte {error.start})") from error
