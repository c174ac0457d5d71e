"""timeline: uncertain time values, temporal expressions, timelines and their charts.

The public names are re-exported here; write ``from timeline import Span``, never a deep import.
"""

import importlib

from timeline.allen import Certainty, Relation, Relations, relation
from timeline.bounds import Bounds, HasBounds
from timeline.columns import Columns, ItemSequence
from timeline.constraints import Constraint
from timeline.engine import Matches, Timeline, TimeSlicer
from timeline.errors import (
    ConstraintConflictError,
    EDTFValueError,
    ExportFormatError,
    ForeignItemError,
    InvalidItemError,
    InvalidSpanError,
    InvalidTimeValue,
    ISOValueError,
    LoadError,
    OutOfRangeError,
    TimelineError,
    TimeMLError,
    TimexValueError,
    UnknownRelationError,
    UnreadableFile,
)
from timeline.index import SpanIndex
from timeline.io.parts import TimelineParts, TimelineSource
from timeline.io.timeml import (
    GoldEvent,
    GoldTimex,
    TimeMLDocument,
    TLink,
    read_timeml,
    write_timeml,
)
from timeline.item import Evidence, Item, TimelineItem
from timeline.merge import ActorKey, MergeRecord
from timeline.span import Granularity, Span
from timeline.timex import (
    DocumentDate,
    Lexicon,
    Tagger,
    Timex,
    TimexRange,
    find_document_date,
    parse_document_date,
    tag,
    tag_ranges,
)

__version__ = "0.1.0"

__all__ = [
    "ActorKey",
    "Bounds",
    "Certainty",
    "ChartOptions",
    "Columns",
    "Constraint",
    "ConstraintConflictError",
    "DocumentDate",
    "EDTFValueError",
    "Evidence",
    "ExportFormatError",
    "ForeignItemError",
    "GoldEvent",
    "GoldTimex",
    "Granularity",
    "HasBounds",
    "ISOValueError",
    "InvalidItemError",
    "InvalidSpanError",
    "InvalidTimeValue",
    "Item",
    "ItemSequence",
    "Lexicon",
    "LoadError",
    "Matches",
    "MergeRecord",
    "OutOfRangeError",
    "Relation",
    "Relations",
    "Span",
    "SpanIndex",
    "TLink",
    "Tagger",
    "TimeMLDocument",
    "TimeMLError",
    "TimeSlicer",
    "Timeline",
    "TimelineError",
    "TimelineItem",
    "TimelineParts",
    "TimelineSource",
    "Timex",
    "TimexRange",
    "TimexValueError",
    "UnknownRelationError",
    "UnreadableFile",
    "__version__",
    "find_document_date",
    "parse_document_date",
    "read_timeml",
    "relation",
    "save",
    "save_html",
    "tag",
    "tag_ranges",
    "timeline_chart",
    "write_timeml",
]

# Charts and their export import Altair (most of a second): loaded on first use.
_LAZY = {"ChartOptions": "timeline.chart.options", "timeline_chart": "timeline.chart", "save": "timeline.io.export", "save_html": "timeline.io.html"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
