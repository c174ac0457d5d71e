"""``Document``: what ``events.read`` returns."""

from __future__ import annotations

import attrs

from events.model import Entity, Event
from timeline import Timeline, Timex
from timeline.errors import TimelineError
from timeline.span import Span

__all__ = ["Document"]


@attrs.frozen(slots=True)
class Document:
    """A text read for events.

    ``events`` are the events the text asserts (occurred, ongoing, planned or failed);
    ``unrealized`` those it negates or supposes ("ruled out the possibility of ...", "if Russia
    wants to build ..."). ``timexes`` are its temporal expressions, ``entities`` the states,
    places, organizations and people it names, ``dct`` the document date (a day span, or None),
    ``body`` the (start, end) of the report proper within ``text``. ``warnings`` say what the
    reader could not do ("no document date": times relative to the report stay open); ``mode``
    is how it was read ("news" or "narrative").
    """

    text: str
    events: tuple[Event, ...] = ()
    timexes: tuple[Timex, ...] = ()
    entities: tuple[Entity, ...] = ()
    dct: Span | None = None
    body: tuple[int, int] = (0, 0)
    doc_id: str | None = None
    unrealized: tuple[Event, ...] = ()
    relations: tuple[tuple[str, str, str], ...] = ()  # (event id, "during"/"after"/"before", event id)
    warnings: tuple[str, ...] = ()
    mode: str = "news"

    @property
    def all_events(self) -> tuple[Event, ...]:
        """Asserted and unrealized events, in text order."""
        return tuple(sorted((*self.events, *self.unrealized), key=lambda e: e.mentions[0].start if e.mentions else 0))

    @property
    def body_text(self) -> str:
        """The text of the report proper."""
        return self.text[self.body[0] : self.body[1]]

    @property
    def timeline(self) -> Timeline:
        """The events on a ``timeline.Timeline``, with the relations the text states between
        them ("signed during his trip") as constraints."""
        line = Timeline(self.events, name=self.doc_id or "", dct=self.dct)
        ids = {e.id for e in self.events}
        wanted = [(a, rel, b) for a, rel, b in self.relations if a in ids and b in ids]
        if not wanted:
            return line
        try:
            return line.constrain_all(wanted)
        except (TimelineError, ValueError):  # relations the times contradict: keep the times read
            return line

    def by_country(self, iso3: str) -> tuple[Event, ...]:
        """The events whose actors or places include the country ``iso3`` ("RUS")."""
        code = iso3.upper()
        return tuple(e for e in self.events if code in e.countries)

    def by_kind(self, kind: str) -> tuple[Event, ...]:
        """The events of one kind (case apart)."""
        return tuple(e for e in self.events if e.kind.lower() == kind.lower())
