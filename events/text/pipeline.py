"""``Reader``: the model, the tables and the catalogue of kinds; ``read`` calls the stages.

body → document date → parse → entities → time expressions → candidates → arguments → status →
coreference → time → assembly, one module each in ``events/text``. ``events.read`` uses a
default reader; a ``Reader`` of one's own takes any spaCy ``Language``::

    reader = events.Reader(nlp=spacy.load("en_core_web_trf"))
    doc = reader.read(text, dct="2003-03-18")
    docs = list(reader.read_many(texts))          # one nlp.pipe for all

A reader pickles as its model's name, its catalogue and its mode (and the ``Language`` itself
only when the caller gave one), so worker processes get the same kinds and load the model once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from events.document import Document
from events.kinds import Catalogue, Kind, make_user_kind
from events.model import Status
from events.text import parse
from events.text.anchoring import attach
from events.text.arguments import read_arguments, supported
from events.text.assembly import assemble
from events.text.body import body_span
from events.text.candidates import Candidate, descriptive, find_candidates
from events.text.coreference import cluster
from events.text.discourse import clause_frames, verb_times
from events.text.document_date import day_of, document_date
from events.text.entities import find_entities
from events.text.status import framed_by_negation, status_of
from events.text.times import cluster_times, relations
from events.text.timexes import tag
from timeline.span import Span

if TYPE_CHECKING:
    from pathlib import Path

    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = [
    "DEFAULT_READER",
    "MODES",
    "DateLike",
    "Prepared",
    "Reader",
    "get_kind",
    "kinds",
    "load_kinds",
    "read",
    "register_kind",
    "reset_kinds",
    "unregister_kind",
]

MODES = ("news", "narrative")
DateLike = Span | dt.date | str | None


@attrs.frozen(slots=True)
class Prepared:
    """A text checked, with its body, document date, warnings and pieces to parse."""

    text: str
    dct: Span | None
    body: tuple[int, int]
    mode: str
    warnings: tuple[str, ...]
    pieces: list[tuple[int, int]]


class Reader:
    """Reads events with one spaCy pipeline and one catalogue of kinds."""

    def __init__(self, nlp: Language | None = None, *, model: str = parse.DEFAULT_MODEL,
                 catalogue: Catalogue | None = None, mode: str = "news") -> None:  # fmt: skip
        self._nlp = nlp
        self._own_nlp = nlp is not None
        self.model = model
        self.catalogue = catalogue if catalogue is not None else Catalogue()
        self.mode = _checked_mode(mode)

    def __getstate__(self) -> dict[str, Any]:
        return {"model": self.model, "catalogue": self.catalogue, "mode": self.mode,
                "nlp": self._nlp if self._own_nlp else None}  # fmt: skip

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.model = state["model"]
        self.catalogue = state["catalogue"]
        self.mode = state["mode"]
        self._nlp = state["nlp"]
        self._own_nlp = self._nlp is not None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline (loaded on first use, once per process)."""
        if self._nlp is None:
            self._nlp = parse.load_model(self.model)
        return self._nlp

    # -- reading ------------------------------------------------------------------------------

    def read(self, text: str, dct: DateLike = None, doc_id: str | None = None, mode: str | None = None) -> Document:
        """The events of one text (see ``events.read``)."""
        prepared = self._prepare(text, dct, mode)
        parsed = parse.parse_pieces(self.nlp, text, prepared.pieces) if prepared.pieces else []
        return self._finish(prepared, parsed, doc_id)

    def read_many(self, texts: Iterable[str], dcts: Iterable[DateLike] | None = None,
                  doc_ids: Iterable[str | None] | None = None, mode: str | None = None) -> Iterator[Document]:  # fmt: skip
        """The events of many texts, parsed through one ``nlp.pipe``."""
        texts = list(texts)
        dct_list = list(dcts) if dcts is not None else [None] * len(texts)
        id_list = list(doc_ids) if doc_ids is not None else [None] * len(texts)
        if not len(texts) == len(dct_list) == len(id_list):
            raise ValueError("read_many: texts, dcts and doc_ids must have the same length")
        prepared = [self._prepare(t, d, mode) for t, d in zip(texts, dct_list, strict=True)]
        parsed = parse.pipe_documents(self.nlp, ((p.text, p.pieces) for p in prepared))
        for p, pieces, doc_id in zip(prepared, parsed, id_list, strict=True):
            yield self._finish(p, pieces, doc_id)

    def _prepare(self, text: str, dct: DateLike, mode: str | None) -> Prepared:
        if not isinstance(text, str):
            raise TypeError(f"read() needs the text as a str, not {type(text).__name__}")
        mode = self.mode if mode is None else _checked_mode(mode)
        dct_value, warnings = document_date(text, dct)
        body = body_span(text)
        pieces = parse.pieces(text, body[0], body[1], min(parse.PIECE_CHARS, self._max_length())) if body[1] > body[0] else []
        return Prepared(text, dct_value, body, mode, warnings, pieces)

    def _max_length(self) -> int:
        return int(self._nlp.max_length) if self._nlp is not None else parse.PIECE_CHARS

    def _finish(self, p: Prepared, parsed: Sequence[tuple[int, Doc]], doc_id: str | None) -> Document:
        if not parsed:
            return Document(text=p.text, dct=p.dct, body=p.body, doc_id=doc_id, warnings=p.warnings, mode=p.mode)
        sentences = parse.sentences(parsed)
        entities = find_entities(sentences, day_of(p.dct))
        timexes = tag(p.text, p.dct, p.body[0], p.body[1], mode=p.mode)
        cands = find_candidates(sentences, entities, self.catalogue, [(t.start, t.end) for t in timexes])
        args = read_arguments(cands, entities)
        kept = [n for n, (c, a) in enumerate(zip(cands, args, strict=True)) if supported(c, a)]
        cands, args = [cands[n] for n in kept], [args[n] for n in kept]
        statuses = [_intended(c, status_of(c)) for c in cands]
        anchors = attach(cands, timexes, (e for group in entities for e in group))
        kept = [n for n, c in enumerate(cands) if not descriptive(c, anchors[n] is not None) and not framed_by_negation(c)]
        cands, args, statuses, anchors = ([xs[n] for n in kept] for xs in (cands, args, statuses, anchors))  # type: ignore[assignment]
        cluster_of = cluster(cands, args, anchors, statuses)
        clusters: list[list[int]] = [[] for _ in range(max(cluster_of, default=-1) + 1)]
        for n, k in enumerate(cluster_of):
            clusters[k].append(n)
        links = relations(cands)
        frames = clause_frames(sentences, timexes, p.dct, verb_times(cands, anchors)) if p.mode == "news" else []  # a history has no report day
        times = cluster_times(clusters, cands, statuses, anchors, links, cluster_of, p.dct, p.mode, frames)
        events, unrealized, related = assemble(cands, args, cluster_of, times, links, doc_id)
        return Document(text=p.text, events=tuple(events), timexes=tuple(timexes),
                        entities=tuple(e for group in entities for e in group), dct=p.dct, body=p.body,
                        doc_id=doc_id, unrealized=tuple(unrealized), relations=tuple(related),
                        warnings=p.warnings, mode=p.mode)  # fmt: skip

    # -- the catalogue ------------------------------------------------------------------------

    def register_kind(self, name: str | Kind, *, triggers: Sequence[str | Mapping[str, Any]] = (),
                      plover: str | None = None, cameo: str | None = None, mode: str | None = None,
                      planned_plover: str | None = None, description: str = "", replace: bool = False) -> Kind:  # fmt: skip
        """Add a kind of one's own to this reader (``replace=True`` overrides one of the same name)."""
        kind = make_user_kind(name, triggers=triggers, plover=plover, cameo=cameo, mode=mode,
                              planned_plover=planned_plover, description=description)  # fmt: skip
        return self.catalogue.register(kind, replace=replace)


def _checked_mode(mode: object) -> str:
    if mode not in MODES:
        raise ValueError(f"mode {mode!r} is not a reading mode (one of {', '.join(MODES)})")
    return str(mode)


def _intended(c: Candidate, status: Status | None) -> Status | None:
    """An intention ("promised aid": a CAMEO intention, a trigger marked planned) that the parse
    reads as done is still to come."""
    return Status.PLANNED if c.intended and status is Status.OCCURRED else status


# -- the default reader and its catalogue ----------------------------------------------------

DEFAULT_READER = Reader()


def read(text: str, dct: DateLike = None, doc_id: str | None = None, *, mode: str = "news",
         nlp: Language | None = None) -> Document:  # fmt: skip
    """Read the events of a text: a ``Document`` with events, timexes, entities, dct, body.

    ``dct`` is the document date (a ``timeline.Span``, a ``datetime.date`` or "YYYY-MM-DD");
    without one, the dateline's date is used when the text has one, else the Document carries a
    warning. ``mode="narrative"`` reads a history: relative expressions against its last date,
    undated events between their dated neighbours. ``nlp`` is any spaCy ``Language`` (default:
    en_core_web_sm). Any ``str`` gives a Document; a non-string raises ``TypeError``, a bad
    ``dct`` or ``mode`` a ``ValueError`` that names it.
    """
    reader = DEFAULT_READER if nlp is None else Reader(nlp, catalogue=DEFAULT_READER.catalogue)
    return reader.read(text, dct, doc_id, mode)


def kinds() -> tuple[Kind, ...]:
    """Every kind of the default reader's catalogue, the package's and the user's."""
    return DEFAULT_READER.catalogue.kinds()


def get_kind(name: str) -> Kind:
    """The kind called ``name`` (case apart); ``UnknownKindError`` when there is none."""
    return DEFAULT_READER.catalogue.get(name)


def register_kind(name: str | Kind, *, triggers: Sequence[str | Mapping[str, Any]] = (),
                  plover: str | None = None, cameo: str | None = None, mode: str | None = None,
                  planned_plover: str | None = None, description: str = "", replace: bool = False) -> Kind:  # fmt: skip
    """Add a kind of one's own to the default reader (``replace=True`` overrides one).

    >>> register_kind("Cyberattack", triggers=["hack", "cyberattack"], plover="ASSAULT").plover
    'ASSAULT'
    """
    return DEFAULT_READER.register_kind(name, triggers=triggers, plover=plover, cameo=cameo, mode=mode,
                                        planned_plover=planned_plover, description=description, replace=replace)  # fmt: skip


def unregister_kind(name: str) -> None:
    """Remove a kind from the default reader's catalogue."""
    DEFAULT_READER.catalogue.unregister(name)


def load_kinds(path: str | Path, *, replace: bool = False) -> tuple[Kind, ...]:
    """Register the kinds of a JSON file shaped like ``events/data/kinds.json``."""
    return DEFAULT_READER.catalogue.load(path, replace=replace)


def reset_kinds() -> None:
    """The default reader's catalogue back to the package's kinds."""
    DEFAULT_READER.catalogue.reset()
