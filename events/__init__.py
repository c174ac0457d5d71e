"""events: typed events read from text, each with actors, places, quantities, status,
an uncertain time (a ``timeline.Span``) and the evidence it came from.

    >>> import events
    >>> doc = events.read("Putin will pay a visit to Dushanbe next month.", dct="2003-03-18")
    >>> [(e.kind, e.status.value, e.time.timex) for e in doc.events]
    [('Visit', 'planned', '2003-04')]
"""

from events.convert import load
from events.corpus import (
    CorpusReadError,
    CorpusWarning,
    DocumentResult,
    Skipped,
    Summary,
    TextReader,
    extract_to,
    iter_documents,
    read_corpus,
)
from events.corpus.sources import Expanded
from events.document import Document
from events.errors import (
    DocumentDateError,
    EventDataError,
    EventsError,
    KindError,
    UnknownKindError,
)
from events.kinds import Catalogue, Kind, PatternToken, Trigger
from events.model import Actor, ActorKind, Entity, Event, Mention, Place, Quantity, Role, Status
from events.text.pipeline import (
    Reader,
    get_kind,
    kinds,
    load_kinds,
    read,
    register_kind,
    reset_kinds,
    unregister_kind,
)

__all__ = [
    "Actor",
    "ActorKind",
    "Catalogue",
    "CorpusReadError",
    "CorpusWarning",
    "Document",
    "DocumentDateError",
    "DocumentResult",
    "Entity",
    "Event",
    "EventDataError",
    "EventsError",
    "Expanded",
    "Kind",
    "KindError",
    "Mention",
    "PatternToken",
    "Place",
    "Quantity",
    "Reader",
    "Role",
    "Skipped",
    "Status",
    "Summary",
    "TextReader",
    "Trigger",
    "UnknownKindError",
    "extract_to",
    "get_kind",
    "iter_documents",
    "kinds",
    "load",
    "load_kinds",
    "read",
    "read_corpus",
    "register_kind",
    "reset_kinds",
    "unregister_kind",
]
