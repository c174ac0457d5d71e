"""Where the documents of a corpus come from: folders walked for ``*.txt`` files, lists of
paths, texts and ``(doc_id, text)`` pairs, each one a ``Task`` with a unique document id; and
files read as UTF-8 text (``timeline.io.text_files``), refused by name when they are not.

A folder is walked recursively in sorted order, its hidden entries left out. Only regular
files whose name matches a pattern (``*.txt`` by default) are read, so the tool never reads its
own HTML or JSON output as news. Entries that cannot be read as files (dangling links, link
loops, links to folders, FIFOs, sockets, devices) are listed as ``Skipped``. File names that
are not valid UTF-8 are read all the same; they are shown with the bad bytes escaped.
"""

from __future__ import annotations

import datetime as _dt
import errno
import fnmatch
import os
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeAlias

import attrs

from events.corpus.results import Skipped
from events.errors import CorpusReadError
from timeline.io.text_files import UnreadableFile, display_name, file_kind, read_text_file
from timeline.io.timeml import read_timeml
from timeline.span import Span

__all__ = [
    "DEFAULT_GLOB",
    "LONGEST_FILE_NAME",
    "TIMEML_SUFFIXES",
    "DocumentDate",
    "Expanded",
    "Source",
    "Sources",
    "Task",
    "expand",
    "load",
    "tasks",
    "walk",
]

Source: TypeAlias = "str | os.PathLike[str] | tuple[str, str]"
Sources: TypeAlias = "str | os.PathLike[str] | Iterable[Source] | Mapping[str, str]"
DocumentDate: TypeAlias = "Span | _dt.date | str | None"

DEFAULT_GLOB = ("*.txt",)
TIMEML_SUFFIXES = (".tml", ".timeml")
LONGEST_FILE_NAME = 4096  # a str longer than this, or with a line break, is never a file name


# ------------------------------------------------------------------------------ folders


@attrs.frozen(slots=True)
class Expanded:
    """The sources of a corpus one by one, and the folder entries that were skipped."""

    sources: Iterable[Source]
    skipped: tuple[Skipped, ...] = ()

    @property
    def total(self) -> int | None:
        """How many sources there are, when that is known without reading them."""
        return len(self.sources) if isinstance(self.sources, Sequence) else None


def _link_problem(path: str) -> tuple[str | None, os.stat_result | None]:
    """Why a symbolic link cannot be read (or None), and what it points to."""
    try:
        return None, os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link loop", None
        if error.errno == errno.ENOENT:
            return "a dangling symbolic link", None
        return f"cannot follow the link: {error.strerror or error}", None


def _matches(name: str, patterns: Sequence[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def walk(root: str | os.PathLike[str], glob: Sequence[str] = DEFAULT_GLOB) -> tuple[list[Path], list[Skipped]]:
    """The regular files under ``root`` whose name matches one of ``glob`` (sorted by path,
    hidden entries left out, links to files followed), and the entries skipped with why."""
    files: list[Path] = []
    skipped: list[Skipped] = []
    pending = [os.fspath(root)]
    while pending:
        folder = pending.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError as error:
            skipped.append(Skipped(display_name(folder), f"cannot list the folder: {error.strerror or error}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue
            try:
                if entry.is_symlink():
                    problem, target = _link_problem(entry.path)
                    if problem is not None or target is None:
                        skipped.append(Skipped(display_name(entry.path), problem or "unreadable link"))
                    elif stat.S_ISDIR(target.st_mode):
                        skipped.append(Skipped(display_name(entry.path), "a link to a folder, not followed"))
                    elif not stat.S_ISREG(target.st_mode):
                        skipped.append(Skipped(display_name(entry.path), "a link to " + file_kind(target.st_mode)))
                    elif _matches(entry.name, glob):
                        files.append(Path(entry.path))
                elif entry.is_dir(follow_symlinks=False):
                    pending.append(entry.path)
                elif entry.is_file(follow_symlinks=False):
                    if _matches(entry.name, glob):
                        files.append(Path(entry.path))
                else:
                    skipped.append(Skipped(display_name(entry.path), file_kind(entry.stat(follow_symlinks=False).st_mode)))
            except OSError as error:
                skipped.append(Skipped(display_name(entry.path), f"cannot read: {error.strerror or error}"))
    files.sort(key=os.fsencode)
    skipped.sort(key=lambda s: s.name)
    return files, skipped


def expand(sources: Sources | Expanded, glob: Sequence[str] = DEFAULT_GLOB) -> Expanded:
    """The sources one by one: a folder's files (matching ``glob``), a mapping's pairs, or the
    iterable itself."""
    if isinstance(sources, Expanded):
        return sources
    if isinstance(glob, str):
        glob = (glob,)
    if isinstance(sources, str):
        if Path(sources).is_dir():
            files, skipped = walk(sources, glob)
            return Expanded(files, tuple(skipped))
        raise TypeError(
            f"{sources[:60]!r} is one string, not a collection of documents: pass a list of texts, "
            "a Path to a directory or a list of Paths"
        )
    if isinstance(sources, os.PathLike):
        if Path(sources).is_dir():
            files, skipped = walk(sources, glob)
            return Expanded(files, tuple(skipped))
        return Expanded([Path(sources)])
    if isinstance(sources, Mapping):
        return Expanded(list(sources.items()))
    if isinstance(sources, bytes):
        raise TypeError("read the bytes as text first: a corpus takes texts (str), paths or (doc_id, text) pairs")
    return Expanded(sources)


# ------------------------------------------------------------------------------ tasks


@attrs.frozen(slots=True)
class Task:
    """One document to read, as sent to a worker: a file path or the text itself."""

    index: int
    doc_id: str
    name: str
    path: str | None = None
    text: str | None = None
    dct: Any = None


def _names_a_file(text: str) -> bool:
    if not text or len(text) > LONGEST_FILE_NAME or "\n" in text or "\x00" in text:
        return False
    try:
        return os.path.isfile(text)
    except (OSError, ValueError):
        return False


def tasks(sources: Iterable[Source], dct: Any) -> Iterator[Task]:
    """Tasks in input order, each with a unique document id.

    A ``str`` is a text; one that names an existing file is refused (``CorpusReadError``)
    rather than read as a few words: wrap file names in ``Path``.
    """
    taken: set[str] = set()

    def unique(wanted: str) -> str:
        ident, n = wanted, 1
        while ident in taken:
            n += 1
            ident = f"{wanted}-{n}"
        taken.add(ident)
        return ident

    for index, source in enumerate(sources):
        if isinstance(source, os.PathLike):
            path = os.fspath(source)
            if isinstance(path, bytes):
                path = os.fsdecode(path)
            name = display_name(path)
            yield Task(index, unique(display_name(Path(path).stem)), name, path=path, dct=dct)
        elif isinstance(source, str):
            if _names_a_file(source):
                raise CorpusReadError(
                    f"document {index} is the str {source!r}, which names a file: a str is read as the "
                    f"text itself; pass Path({source!r}) (or a folder) to read the file"
                )
            ident = unique(f"text-{index + 1}")
            yield Task(index, ident, ident, text=source, dct=dct)
        elif isinstance(source, tuple) and len(source) == 2 and all(isinstance(s, str) for s in source):
            ident = unique(source[0])
            yield Task(index, ident, source[0], text=source[1], dct=dct)
        else:
            raise TypeError(
                f"document {index} is a {type(source).__name__} ({source!r:.60}): expected a text (str), "
                "a Path or a (doc_id, text) pair"
            )


def load(task: Task) -> tuple[str, Any]:
    """(text, document date) of a task: the file read and decoded, TimeML's <TEXT> and DCT."""
    if task.path is None:
        return task.text or "", task.dct
    text = read_text_file(task.path)
    if not task.path.lower().endswith(TIMEML_SUFFIXES):
        return text, task.dct
    try:
        timeml = read_timeml(text)
    except ValueError as error:
        raise UnreadableFile(f"not TimeML: {error}") from error
    dct = task.dct
    if dct is None and timeml.dct:
        dct = timeml.dct[:10]
    return timeml.text, dct
