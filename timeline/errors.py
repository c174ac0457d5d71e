"""Errors of the ``timeline`` package.

Each class refines a builtin, so ``except ValueError`` keeps working::

    TimelineError (Exception)
     +-- InvalidTimeValue (TimelineError, ValueError)     a value that cannot be read
     |    +-- TimexValueError                              not a TIMEX3 value
     |    +-- EDTFValueError                               not an EDTF string
     |    +-- ISOValueError                                not an ISO 8601 date/time
     +-- InvalidSpanError (TimelineError, ValueError)     span bounds that contradict each other
     +-- OutOfRangeError (TimelineError, ValueError)      a value another type cannot hold
     +-- InvalidItemError (TimelineError, ValueError)     an item with missing/NaN/reversed bounds
     +-- UnknownRelationError (TimelineError, ValueError) a relation name that does not exist
     +-- ForeignItemError (TimelineError, KeyError)       an item that belongs to another timeline
     +-- ConstraintConflictError (TimelineError, ValueError)  constraints that contradict
     +-- LoadError (TimelineError, ValueError)            a file that holds no timeline or items
     +-- UnreadableFile (TimelineError, ValueError)       a file that is not a readable document
     +-- TimeMLError (TimelineError, ValueError)          a TimeML document that cannot be read
     +-- ExportFormatError (TimelineError, ValueError)    a format ``save`` cannot write
     +-- OptionError (TimelineError, ValueError)          a command-line option value a command cannot use
     +-- InputFileError (TimelineError, ValueError)       a command's input file that is not UTF-8 text

    Terminated (SystemExit)                              a command ended by SIGTERM or SIGHUP

Messages name the bad input and the reason, e.g. ``'2003-13' is not a TIMEX3 value: month 13``.
"""

from __future__ import annotations

__all__ = [
    "ConstraintConflictError",
    "EDTFValueError",
    "ExportFormatError",
    "ForeignItemError",
    "ISOValueError",
    "InputFileError",
    "InvalidItemError",
    "InvalidSpanError",
    "InvalidTimeValue",
    "LoadError",
    "OptionError",
    "OutOfRangeError",
    "Terminated",
    "TimeMLError",
    "TimelineError",
    "TimexValueError",
    "UnknownRelationError",
    "UnreadableFile",
]


class TimelineError(Exception):
    """Base class of every error raised by ``timeline``."""


class InvalidTimeValue(TimelineError, ValueError):
    """A time value that cannot be read."""

    kind = "time value"

    def __init__(self, value: object, reason: str) -> None:
        self.value = value
        self.reason = reason
        super().__init__(f"{value!r} is not {self._article()} {self.kind}: {reason}")

    def _article(self) -> str:
        return "an" if self.kind[0] in "AEIOU" else "a"


class TimexValueError(InvalidTimeValue):
    """Not a TIMEX3 value."""

    kind = "TIMEX3 value"


class EDTFValueError(InvalidTimeValue):
    """Not an EDTF string."""

    kind = "EDTF string"


class ISOValueError(InvalidTimeValue):
    """Not an ISO 8601 date or date-time."""

    kind = "ISO 8601 date"


class InvalidItemError(TimelineError, ValueError):
    """An item whose bounds are missing, NaN, or an end before its start."""


class UnknownRelationError(TimelineError, ValueError):
    """A relation name that is not known."""


class ForeignItemError(TimelineError, KeyError):
    """An item that belongs to another timeline (or to none)."""

    def __str__(self) -> str:  # KeyError would quote the message
        return str(self.args[0]) if self.args else ""


class ConstraintConflictError(TimelineError, ValueError):
    """Constraints that contradict each other; ``chain`` names them in order."""

    def __init__(self, message: str, chain: tuple[object, ...] = ()) -> None:
        self.chain = chain
        super().__init__(message)


class InvalidSpanError(TimelineError, ValueError):
    """Span bounds that contradict each other (a latest before an earliest) or are not integers."""


class OutOfRangeError(TimelineError, ValueError):
    """A time that another type cannot hold: a ``datetime`` outside years 1..9999, or an open
    bound asked for as one."""


class OptionError(TimelineError, ValueError):
    """A command-line option value a command cannot use; the message names the option."""


class LoadError(TimelineError, ValueError):
    """A file that holds no timeline or items this package reads; the message names the file."""


class UnreadableFile(TimelineError, ValueError):
    """A file that is not a readable document; the message is the reason (without the name)."""


class TimeMLError(TimelineError, ValueError):
    """A TimeML document that cannot be read: names the file, the line and the reason."""

    def __init__(self, source: str, line: int | None, reason: str) -> None:
        self.source = source
        self.line = line
        self.reason = reason
        where = f"{source}:{line}" if line is not None else source
        super().__init__(f"{where}: {reason}")


class ExportFormatError(TimelineError, ValueError):
    """A format (or file suffix) that ``save`` cannot write."""


class InputFileError(TimelineError, ValueError):
    """A file a command was given that cannot be read as UTF-8 text; the message names the
    file and the reason."""


class Terminated(SystemExit):
    """A command received SIGTERM or SIGHUP; its code is 128 + the signal's number. A
    ``SystemExit``, not a ``TimelineError``: ``except Exception`` does not stop it, so the
    command's cleanup runs as for Ctrl-C and it exits."""
