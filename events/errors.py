"""Errors of the ``events`` package.

Each class refines a builtin, so ``except ValueError`` keeps working::

    EventsError (Exception)
     +-- KindError (EventsError, ValueError)          a kind definition that cannot be used
     |    +-- UnknownKindError (KindError, KeyError)  a kind name that is not in the catalogue
     +-- EventDataError (EventsError, ValueError)     event JSON that does not describe an event
     +-- DocumentDateError (EventsError, ValueError)  a document date that cannot be read

Messages name the bad input and the reason.
"""

from __future__ import annotations

__all__ = ["DocumentDateError", "EventDataError", "EventsError", "KindError", "UnknownKindError"]


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
