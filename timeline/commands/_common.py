"""Helpers shared by the subcommands: reading files with errors that name them."""

from __future__ import annotations

import sys
from pathlib import Path


class InputFileError(Exception):
    """A file that cannot be read as UTF-8 text; the message names the file and the reason."""


def read_text(path: str | Path) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input); ``InputFileError`` naming the file
    when it cannot be read or is not text."""
    if str(path) == "-":
        name, data = "<stdin>", sys.stdin.buffer.read()
    else:
        name = str(path)
        try:
            data = Path(path).read_bytes()
        except OSError as error:
            raise InputFileError(f"{name}: cannot read: {error.strerror or error}") from error
    if b"\x00" in data[:8192]:
        raise InputFileError(f"{name}: binary data, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputFileError(f"{name}: not UTF-8 text (byte {error.start})") from error


def fail(message: str) -> None:
    """Print an error line to standard error."""
    print(f"timeline: error: {message}", file=sys.stderr)
