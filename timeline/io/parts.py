"""What the readers hand the engine, and what the writers read of a timeline.

The io modules never import the engine: ``Timeline``'s conversions (``from_json``,
``from_pandas``, ``read``, ``to_json``, ...) call them. A reader returns ``TimelineParts``, which
``Timeline.from_parts`` builds into a timeline; a writer takes any ``TimelineSource``, the public
attributes a ``Timeline`` has.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs
import numpy as np

from timeline.columns import Columns, ItemSequence
from timeline.constraints import Constraint
from timeline.item import MergeRecord
from timeline.merge import MergeSource
from timeline.span import Span

__all__ = ["TimelineParts", "TimelineSource"]


@attrs.frozen(slots=True)
class TimelineParts:
    """A timeline as read from a file or a table, before it is built: its items (or, from a
    table read column by column, ready ``columns``), constraints, name, document date, merge
    records and the original times of tightened items."""

    items: Sequence[Any] = ()
    columns: Columns | None = None
    constraints: Sequence[Constraint] = ()
    name: str = ""
    dct: Span | None = None
    merges: Sequence[MergeRecord] = ()
    originals: Mapping[str, Span] = attrs.field(factory=dict)

    def rows(self) -> list[Any]:
        """The items in insertion order (built from ``columns`` when there are columns)."""
        if self.columns is None:
            return list(self.items)
        return list(ItemSequence(self.columns, np.arange(len(self.columns))))


TimelineSource = MergeSource
"""What the writers read of a timeline: the public attributes merging reads (``Timeline`` has them)."""
