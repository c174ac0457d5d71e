"""The uncertain time value: ``Span``.

A ``Span`` says what is known about *when* something happened, as four bounds:

    earliest_start <= start <= latest_start
    earliest_end   <=  end  <= latest_end        and start <= end

Bounds are integers: seconds since 1970-01-01T00:00:00 on the proleptic Gregorian calendar
(see ``timeline.calendar``); ``None`` is an open bound (unknown in that direction). Ends are
exclusive instants: March 2003 runs from 2003-03-01T00:00 up to 2003-04-01T00:00.

Beside its bounds a span keeps what the text said: its ``granularity``, the TIMEX3 ``timex``
value it came from ("2003-04" stays "2003-04", never "2003-04-01"), the TIMEX3 ``mod`` and the
``edtf`` string when it was read from one.

Why seconds: times of day ("10:30 a.m.") need them, an int64 of seconds reaches 292 billion
years either way (BCE and years past 9999 alike), and the same integers are NumPy
``datetime64[s]`` values, so a column of bounds is 8 bytes an item with no conversion.
"""

from __future__ import annotations

import datetime as dt
import operator
from typing import Any, Literal

import attrs

from timeline.allen import Certainty, Relation, Relations, relation
from timeline.bounds import Bounds
from timeline.edtf import edtf_bounds, format_edtf
from timeline.errors import InvalidSpanError
from timeline.granularity import Granularity
from timeline.iso import datetime_bounds, format_iso, iso_bounds, seconds_to_datetime
from timeline.notation import period_text
from timeline.timex3_values import apply_mod, timex3_attributes, timex3_bounds, timex3_kind

__all__ = ["Granularity", "Span"]


# a bound is an int64 of seconds (about ±292 billion years); the extremes stay free for the
# "open" sentinels of index arrays
_SMALLEST_BOUND, _LARGEST_BOUND = -(2**63) + 1, 2**63 - 2


def _bound(value: Any) -> int | None:
    """A bound as an ``int`` (NumPy integers accepted); floats, NaN, bools and integers past
    an int64 refused."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise InvalidSpanError(f"a span bound must be an integer number of seconds, not {value!r}")
    try:
        bound = operator.index(value)
    except TypeError:
        raise InvalidSpanError(
            f"a span bound must be an integer number of seconds, not {value!r}"
        ) from None
    if not _SMALLEST_BOUND <= bound <= _LARGEST_BOUND:
        raise InvalidSpanError(
            f"a span bound must fit in an int64 of seconds (about ±292 billion years), not {bound}"
        )
    return bound


def _le(a: int | None, b: int | None) -> bool:
    return a is None or b is None or a <= b


@attrs.frozen(slots=True)
class Span:
    """What is known about when something happened: four bounds, and what the text said.

    Build one with ``Span.within`` (anywhere within [start, end)), ``Span.exactly``,
    ``Span.instant``, or from what a text or a table said: ``Span.from_timex3``,
    ``Span.from_edtf``, ``Span.from_iso``, ``Span.from_datetime``. Compare two with
    ``relation`` (Allen's thirteen relations, certain and possible) or ``is_before``; a span
    deliberately has no ``<``: under uncertainty, "before" is certain, possible or impossible.
    """

    earliest_start: int | None = attrs.field(converter=_bound)
    latest_start: int | None = attrs.field(converter=_bound)
    earliest_end: int | None = attrs.field(converter=_bound)
    latest_end: int | None = attrs.field(converter=_bound)
    granularity: Granularity = Granularity.UNKNOWN
    timex: str | None = None
    mod: str | None = None
    edtf: str | None = None

    def __attrs_post_init__(self) -> None:
        es, ls, ee, le = self.earliest_start, self.latest_start, self.earliest_end, self.latest_end
        for a, b, what in (
            (es, ls, "earliest_start is after latest_start"),
            (ee, le, "earliest_end is after latest_end"),
            (es, le, "earliest_start is after latest_end (it would end before it starts)"),
        ):
            if not _le(a, b):
                raise InvalidSpanError(f"{what}: {self._bounds_text()}")

    def _bounds_text(self) -> str:
        return (
            f"Span(earliest_start={self.earliest_start}, latest_start={self.latest_start}, "
            f"earliest_end={self.earliest_end}, latest_end={self.latest_end}"
            + (f", timex={self.timex!r}" if self.timex else "")
            + ")"
        )

    # --- constructors ---------------------------------------------------------------------

    @classmethod
    def within(
        cls,
        start: int | None,
        end: int | None,
        granularity: Granularity = Granularity.UNKNOWN,
        timex: str | None = None,
        mod: str | None = None,
        edtf: str | None = None,
    ) -> Span:
        """Anywhere within [start, end): it starts and ends in there (None = open)."""
        return cls(start, end, start, end, granularity, timex, mod, edtf)

    @classmethod
    def exactly(
        cls,
        start: int | None,
        end: int | None,
        granularity: Granularity = Granularity.SECOND,
        timex: str | None = None,
        mod: str | None = None,
        edtf: str | None = None,
    ) -> Span:
        """Known start and (exclusive) end."""
        return cls(start, start, end, end, granularity, timex, mod, edtf)

    @classmethod
    def instant(
        cls,
        t: int,
        granularity: Granularity = Granularity.SECOND,
        timex: str | None = None,
        mod: str | None = None,
    ) -> Span:
        """A point in time: start and end are both ``t``."""
        return cls(t, t, t, t, granularity, timex, mod)

    @classmethod
    def unknown(cls, timex: str | None = None) -> Span:
        """Nothing known: all four bounds open."""
        return cls(None, None, None, None, Granularity.UNKNOWN, timex)

    @classmethod
    def from_bounds(cls, bounds: Bounds, *, timex: str | None = None, edtf: str | None = None) -> Span:
        """The span of ``bounds`` (with their granularity and mod) and what the text said."""
        es, ls, ee, le, granularity, mod = bounds
        return cls(es, ls, ee, le, granularity, timex, mod, edtf)

    @classmethod
    def from_timex3(cls, value: str, mod: str | None = None, *, dct: Span | None = None) -> Span:
        """The span a TIMEX3 ``value`` names ("2003-04": anywhere in April 2003), changed by
        ``mod``; ``dct`` anchors PRESENT_REF/PAST_REF/FUTURE_REF. See ``timeline.timex3_values``."""
        anchor = None if dct is None else dct.bounds
        return cls.from_bounds(timex3_bounds(value, mod, dct=anchor), timex=value)

    @classmethod
    def from_edtf(cls, text: str) -> Span:
        """The span an EDTF string names (levels 0 and 1, much of 2). See ``timeline.edtf``."""
        return cls.from_bounds(edtf_bounds(text), edtf=text)

    @classmethod
    def from_iso(cls, text: str) -> Span:
        """The span an ISO 8601 date, date-time, week date or interval names. See ``timeline.iso``."""
        return cls.from_bounds(iso_bounds(text))

    @classmethod
    def from_datetime(cls, value: dt.date | dt.datetime) -> Span:
        """A ``date`` (that whole day) or ``datetime`` (that second; aware ones go to UTC)."""
        return cls.from_bounds(datetime_bounds(value))

    # --- out ------------------------------------------------------------------------------

    @property
    def bounds(self) -> Bounds:
        """The four bounds, the granularity and the mod: what the codecs read and write."""
        return Bounds(
            self.earliest_start, self.latest_start, self.earliest_end, self.latest_end,
            self.granularity, self.mod,
        )  # fmt: skip

    def to_timex3(self) -> str | None:
        """The TIMEX3 value: ``timex`` when set, else the calendar period the bounds name
        exactly at this granularity, else None. A TIMEX3 tag writes it with ``mod``: see
        ``timex3_attributes``."""
        return self.timex if self.timex is not None else period_text(self, "timex3")

    def timex3_attributes(self) -> dict[str, str]:
        """The attributes of a TIMEX3 tag for this span (``type``, ``value``, and ``mod`` when
        set), which read back (``Span.from_timex3(value, mod)``) to the same bounds; empty
        when TIMEX3 cannot say it."""
        # a value derived from the bounds names them with any mod already applied
        return timex3_attributes(self.to_timex3(), self.mod if self.timex is not None else None)

    def to_edtf(self) -> str | None:
        """The EDTF string: ``edtf`` when set, else one derived from the TIMEX3 value or the
        bounds, which ``from_edtf`` reads back to the same bounds; None when EDTF cannot say
        it. See ``timeline.edtf``."""
        return format_edtf(self.bounds, timex=self.timex, edtf=self.edtf)

    def to_iso(self) -> str:
        """An ISO 8601 string: the calendar date/week/time when the span is one, else the
        interval "earliest_start/latest_end"; raises ``ValueError`` when a side is open."""
        return format_iso(self.bounds, timex=self.timex)

    def start_datetime(self) -> dt.datetime:
        """``earliest_start`` as a naive UTC ``datetime`` (ValueError when open or out of 1..9999)."""
        return seconds_to_datetime(self.earliest_start, "earliest_start")

    def end_datetime(self) -> dt.datetime:
        """``latest_end`` as a naive UTC ``datetime`` (ValueError when open or out of 1..9999)."""
        return seconds_to_datetime(self.latest_end, "latest_end")

    # --- what it is -----------------------------------------------------------------------

    @property
    def kind(self) -> Literal["date", "duration", "set", "ref"]:
        """What the span stands for: a "date" (a position in time), a "duration" or a "set"
        (TIMEX3 P3Y, XXXX-WXX-1: a length or a pattern, with open bounds), or a "ref"
        (PRESENT_REF, PAST_REF, FUTURE_REF)."""
        return "date" if self.timex is None else timex3_kind(self.timex)
    @property
    def start(self) -> int | None:
        """The earliest the span can begin (``earliest_start``)."""
        return self.earliest_start

    @property
    def end(self) -> int | None:
        """The latest the span can end (``latest_end``, exclusive)."""
        return self.latest_end

    @property
    def midpoint(self) -> int | None:
        """Middle of [earliest_start, latest_end] (rounded down); None when either is open."""
        if self.earliest_start is None or self.latest_end is None:
            return None
        return (self.earliest_start + self.latest_end) // 2

    @property
    def is_exact(self) -> bool:
        """Whether start and end are both known to the second."""
        return (
            self.earliest_start is not None
            and self.earliest_start == self.latest_start
            and self.earliest_end is not None
            and self.earliest_end == self.latest_end
        )

    @property
    def is_open(self) -> bool:
        """Whether any bound is open (None)."""
        return None in (self.earliest_start, self.latest_start, self.earliest_end, self.latest_end)

    # --- relations ------------------------------------------------------------------------

    def relation(self, other: Span) -> Relations:
        """Allen's thirteen relations of ``self`` to ``other``: which certainly/possibly hold."""
        return relation(self, other)

    def is_before(self, other: Span) -> Certainty:
        """Whether ``self`` ends before ``other`` starts: certain, possible or impossible."""
        return relation(self, other).holds(Relation.BEFORE)

    def is_after(self, other: Span) -> Certainty:
        """Whether ``self`` starts after ``other`` ends: certain, possible or impossible."""
        return relation(self, other).holds(Relation.AFTER)

    def with_mod(self, mod: str | None) -> Span:
        """This span changed by a TIMEX3 ``mod`` (EARLY, APPROX, BEFORE, ...). The TIMEX3
        value is kept (value and mod read back to the result) unless the span already had a
        mod; the EDTF string is dropped when the bounds change."""
        changed = apply_mod(self.bounds, mod)
        if changed[:4] == self.bounds[:4]:
            return attrs.evolve(self, mod=changed.mod)
        # the bounds moved: a value that was read with a mod no longer reads back to them
        return Span.from_bounds(changed, timex=self.timex if self.mod is None else None)
