"""What a timeline holds: items with an uncertain time and the evidence for it.

A ``Timeline`` holds any object that has the attributes of ``TimelineItem`` (the protocol
below); ``events.Event`` has them, and ``Item`` is the plain one for a researcher's own
dated rows. ``timeline`` never imports ``events``: it reads items only through this protocol.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol, runtime_checkable

import attrs

from timeline.span import Span

__all__ = ["Evidence", "Item", "MergeRecord", "TimelineItem"]


@attrs.frozen(slots=True)
class Evidence:
    """Where a fact was read: the document, character offsets into it, the text and sentence."""

    doc: str | None = None
    start: int | None = None
    end: int | None = None
    text: str = ""
    sentence: str = ""


@attrs.frozen(slots=True)
class MergeRecord:
    """Items joined into one by ``Timeline.merge``: ``into`` (the id in the merged timeline),
    the members as ``"SOURCE:id"`` (the first is the one kept), and the score of the weakest join."""

    into: str
    members: tuple[str, ...]
    score: float


@runtime_checkable
class TimelineItem(Protocol):
    """The attributes a timeline reads from an item."""

    @property
    def id(self) -> str: ...
    @property
    def time(self) -> Span: ...
    @property
    def label(self) -> str: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def status(self) -> str | None: ...
    @property
    def doc(self) -> str | None: ...
    @property
    def actor_names(self) -> tuple[str, ...]: ...
    @property
    def place_names(self) -> tuple[str, ...]: ...
    @property
    def evidence(self) -> tuple[Evidence, ...]: ...


def _tuple_of_str(value: Sequence[str] | str | None) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    return tuple(value)


@attrs.frozen(slots=True)
class Item:
    """A dated row of one's own: a label, a time, and whatever else is known about it."""

    id: str
    time: Span
    label: str = ""
    kind: str | None = None
    status: str | None = None
    doc: str | None = None
    actor_names: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    place_names: tuple[str, ...] = attrs.field(default=(), converter=_tuple_of_str)
    evidence: tuple[Evidence, ...] = attrs.field(default=(), converter=tuple)
    attributes: Mapping[str, Any] = attrs.field(factory=dict)
