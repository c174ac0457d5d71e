"""Helpers shared by the subcommands: reading files with errors that name them, error lines,
and signals that end a command cleanly."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

from timeline.errors import InputFileError, Terminated, UnreadableFile
from timeline.io.text_files import display_name, read_text_file

# InputFileError and Terminated live in timeline.errors; named here too for the subcommands
__all__ = ["ENDING_SIGNALS", "InputFileError", "Terminated", "ending_on_signals", "fail", "read_text"]

# The signals that end a command the way Ctrl-C does: the command's ``finally`` blocks run
# (workers stopped, partial files removed) and it exits with 128 + the signal's number.
ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def read_text(path: str | Path) -> str:
    """The UTF-8 text of ``path`` (``-``: standard input); ``InputFileError`` naming the file
    when it cannot be read, is not text, or is a FIFO or device (refused, never waited on)."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        if b"\x00" in data[:8192]:
            raise InputFileError("<stdin>: binary data, not text")
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as error:
            raise InputFileError(f"<stdin>: not UTF-8 text (byte {error.start})") from error
    try:
        return read_text_file(path)
    except UnreadableFile as error:
        raise InputFileError(f"{display_name(path)}: {error}") from error


def fail(message: str) -> None:
    """Print an error line to standard error."""
    print(f"timeline: error: {message}", file=sys.stderr)


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise Terminated(128 + signum)


@contextlib.contextmanager
def ending_on_signals() -> Iterator[None]:
    """Within the block, SIGTERM and SIGHUP raise ``Terminated`` in the main thread, so
    cleanup runs as for Ctrl-C; the previous handlers come back after. Outside the main
    thread, nothing changes."""
    try:
        previous = {sig: signal.signal(sig, _terminate) for sig in ENDING_SIGNALS}
    except ValueError:  # not the main thread
        yield
        return
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
