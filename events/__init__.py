"""events: typed events read from text, each with actors, places, quantities, status,
an uncertain time (a ``timeline.Span``) and the evidence it came from.

    >>> import events
    >>> doc = events.read("Putin will pay a visit to Dushanbe next month.", dct="2003-03-18")
    >>> [(e.kind, e.status.value, e.time.timex) for e in doc.events]
    [('Visit', 'planned', '2003-04')]
"""

from events.document import Document
from events.errors import (
    DocumentDateError,
    EventDataError,
    EventsError,
    KindError,
    UnknownKindError,
)
from events.kinds import (
    Kind,
    Trigger,
    get_kind,
    kinds,
    load_kinds,
    register_kind,
    reset_kinds,
    unregister_kind,
)
from events.model import Actor, ActorKind, Event, Mention, Place, Quantity, Role, Status
from events.text.pipeline import read

__all__ = [
    "Actor",
    "ActorKind",
    "Document",
    "DocumentDateError",
    "Event",
    "EventDataError",
    "EventsError",
    "Kind",
    "KindError",
    "Mention",
    "Place",
    "Quantity",
    "Role",
    "Status",
    "Trigger",
    "UnknownKindError",
    "get_kind",
    "kinds",
    "load_kinds",
    "read",
    "register_kind",
    "reset_kinds",
    "unregister_kind",
]
