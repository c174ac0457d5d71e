"""Errors of the ``events`` package.

Each class refines a builtin, so ``except ValueError`` keeps working::

    EventsError (Exception)
     +-- KindError (EventsError, ValueError)          a kind definition that cannot be used
     |    +-- UnknownKindError (KindError, KeyError)  a kind name that is not in the catalogue
     +-- EventDataError (EventsError, ValueError)     event JSON that does not describe an event
     +-- DocumentDateError (EventsError, ValueError)  a document date that cannot be read
     +-- CorpusReadError (EventsError, ValueError)    a document of a corpus that could not be read
     +-- OutputError (EventsError, ValueError)        an output that cannot be written
     +-- WorkerDied (EventsError, RuntimeError)       a worker process that died with its task

    CorpusWarning (UserWarning)                       documents of a corpus that were not read

Messages name the bad input and the reason.
"""

from __future__ import annotations

__all__ = [
    "CorpusReadError",
    "CorpusWarning",
    "DocumentDateError",
    "EventDataError",
    "EventsError",
    "KindError",
    "OutputError",
    "UnknownKindError",
    "WorkerDied",
]


class EventsError(Exception):
    """Base class of every error raised by ``events``."""


class KindError(EventsError, ValueError):
    """A kind definition that cannot be used (no name, a bad trigger, an unknown PLOVER category)."""


class UnknownKindError(KindError, KeyError):
    """A kind name that is not in the catalogue."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class EventDataError(EventsError, ValueError):
    """Event JSON that does not describe an event."""


class DocumentDateError(EventsError, ValueError):
    """A document date that cannot be read."""


class CorpusReadError(EventsError, ValueError):
    """A document of a corpus that could not be read (``read_corpus(errors="raise")``), or
    sources that cannot be a corpus (a list of ``str`` that name files)."""


class OutputError(EventsError, ValueError):
    """An output that cannot be written: a missing folder, an unknown format, a folder in
    the way of a file. Raised before any document is read."""


class WorkerDied(EventsError, RuntimeError):
    """The worker process running a task ended, on every try; the message says how
    (``worker died: signal 9 (SIGKILL)``)."""


class CorpusWarning(UserWarning):
    """Documents of a corpus that could not be read (``read_corpus(errors="warn")``)."""
