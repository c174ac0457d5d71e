"""``Bounds``: what every codec reads and writes, and what a ``Span`` is built from.

The codecs (``timex3_values``, ``edtf``, ``iso``) and the relations (``allen``) work on
bounds, never on ``Span``: ``Span`` stands above them and calls them. Anything with the four
bound attributes (a ``Span``, a ``Bounds``) is ``HasBounds``.
"""

from __future__ import annotations

from typing import NamedTuple, Protocol

from timeline.granularity import Granularity

__all__ = ["Bounds", "HasBounds"]


class HasBounds(Protocol):
    """Four bounds in seconds since 1970-01-01 (None = open), ends exclusive."""

    @property
    def earliest_start(self) -> int | None: ...

    @property
    def latest_start(self) -> int | None: ...

    @property
    def earliest_end(self) -> int | None: ...

    @property
    def latest_end(self) -> int | None: ...


class Bounds(NamedTuple):
    """The four bounds of a time value, how precisely it was stated, and the TIMEX3 mod that
    shaped them (``"APPROX"`` also for EDTF's qualifiers)."""

    earliest_start: int | None
    latest_start: int | None
    earliest_end: int | None
    latest_end: int | None
    granularity: Granularity = Granularity.UNKNOWN
    mod: str | None = None

    @classmethod
    def within(
        cls,
        start: int | None,
        end: int | None,
        granularity: Granularity = Granularity.UNKNOWN,
        mod: str | None = None,
    ) -> Bounds:
        """Anywhere within [start, end): it starts and ends in there (None = open)."""
        return cls(start, end, start, end, granularity, mod)

    @classmethod
    def unknown(cls, granularity: Granularity = Granularity.UNKNOWN) -> Bounds:
        """Nothing known: all four open."""
        return cls(None, None, None, None, granularity)
