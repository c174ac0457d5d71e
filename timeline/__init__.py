"""timeline: uncertain time values, temporal expressions, timelines and their charts.

The public names are re-exported here; write ``from timeline import Span``, never a deep import.
"""

from timeline.errors import (
    ConstraintConflictError,
    EDTFValueError,
    ForeignItemError,
    InvalidItemError,
    InvalidTimeValue,
    ISOValueError,
    TimelineError,
    TimexValueError,
    UnknownRelationError,
)
from timeline.span import Granularity, Span

__version__ = "0.1.0"

__all__ = [
    "ConstraintConflictError",
    "EDTFValueError",
    "ForeignItemError",
    "Granularity",
    "ISOValueError",
    "InvalidItemError",
    "InvalidTimeValue",
    "Span",
    "TimelineError",
    "TimexValueError",
    "UnknownRelationError",
    "__version__",
]
