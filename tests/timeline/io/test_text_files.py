"""timeline.io.text_files: UTF-8 text, or a reason; FIFOs and devices refused at once."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from timeline.errors import UnreadableFile
from timeline.io.text_files import display_name, read_text_file

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFOs, devices and byte file names")


def test_text_is_read_and_non_text_refused_with_the_reason(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Caf\u00e9 in M\u00fcnchen", encoding="utf-8")
    assert read_text_file(good) == "Caf\u00e9 in M\u00fcnchen"
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\xe9".encode("latin-1"))
    with pytest.raises(UnreadableFile, match=r"not UTF-8 text \(byte 3\)"):
        read_text_file(latin)
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF\x00\x01")
    with pytest.raises(UnreadableFile, match="a binary file, not text"):
        read_text_file(binary)
    with pytest.raises(UnreadableFile, match="cannot read: No such file or directory"):
        read_text_file(tmp_path / "missing.txt")
    with pytest.raises(UnreadableFile, match="a folder, not a file"):
        read_text_file(tmp_path)


@posix_only
def test_fifos_and_devices_are_refused_without_waiting(tmp_path: Path) -> None:
    fifo = tmp_path / "feed.txt"
    os.mkfifo(fifo)
    with pytest.raises(UnreadableFile, match="a FIFO, not a file"):
        read_text_file(fifo)  # no writer: opening it for reading would wait forever
    with pytest.raises(UnreadableFile, match="a device, not a file"):
        read_text_file("/dev/zero")


@posix_only
def test_names_that_are_not_utf8_are_read_and_shown_escaped(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"caf\xe9.txt")
    with open(raw, "wb") as handle:
        handle.write(b"text")
    name = os.fsdecode(raw)
    assert read_text_file(name) == "text"
    assert display_name(raw).endswith("caf\\xe9.txt")
    assert display_name(name) == display_name(raw)
    display_name(name).encode("utf-8")  # never a surrogate
