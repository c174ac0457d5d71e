"""TimeML 1.2.1: read annotated documents, write texts with their TIMEX3s, EVENTs and TLINKs.

Reading follows TempEval-3's definitions, the ones ``timeline eval`` scores with:

* the reference text of a document is the character content of its ``<TEXT>`` element with
  every tag removed and XML entities decoded (line ends normalised as any XML parser does);
* offsets are Python string indices into that text, end exclusive;
* the gold TIMEX3s and EVENTs are the elements inside ``<TEXT>``; a TIMEX3 that encloses no
  text (a non-consuming TIMEX3, e.g. a duration between two others) has no span and is kept
  apart, in ``TimeMLDocument.empty_timexes``;
* the document creation time (DCT) is the value of the TIMEX3 with
  ``functionInDocument="CREATION_TIME"``, normally outside ``<TEXT>``.

The reader is a streaming pass of expat (the parser under ``xml.etree``), so a malformed file
is reported as a ``TimeMLError`` naming the file and the line. ``write_timeml`` produces the
layout of the TempEval-3 files (DOCID, DCT, TEXT with inline TIMEX3 and EVENT, then
MAKEINSTANCE and TLINK), and ``read_timeml(write_timeml(...))`` gives back the same text and
offsets. The closed vocabularies of TimeML (types, classes, relation types) are data, in
``data/timeml.json``.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, NamedTuple
from xml.parsers import expat

import attrs

from timeline.errors import TimeMLError
from timeline.package_data import load_table

__all__ = [
    "GoldEvent",
    "GoldTimex",
    "TLink",
    "TimeMLDocument",
    "read_timeml",
    "vocabulary",
    "write_timeml",
]


# --------------------------------------------------------------------------------------------
# Values


@attrs.frozen(slots=True)
class GoldTimex:
    """A TIMEX3 of a TimeML document: offsets into the reference text and its attributes."""

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    tid: str | None = None
    function: str | None = None  # functionInDocument, when not NONE


@attrs.frozen(slots=True)
class GoldEvent:
    """An EVENT of a TimeML document: offsets into the reference text, its id and class."""

    start: int
    end: int
    text: str
    eid: str
    cls: str


@attrs.frozen(slots=True)
class TLink:
    """A temporal link: ``source`` and ``target`` are TIMEX3 tids or EVENT eids."""

    rel_type: str
    source: str
    target: str
    lid: str = ""


@attrs.frozen(slots=True)
class TimeMLDocument:
    """A TimeML document: its id, reference text, DCT value and annotations."""

    doc: str
    text: str
    dct: str | None
    timexes: tuple[GoldTimex, ...] = ()
    events: tuple[GoldEvent, ...] = ()
    tlinks: tuple[TLink, ...] = ()
    empty_timexes: tuple[GoldTimex, ...] = ()
    path: str | None = None


@functools.cache
def vocabulary() -> Mapping[str, Any]:
    """TimeML 1.2.1's closed vocabularies (``data/timeml.json``)."""
    return load_table("timeline.io", "timeml.json")


# --------------------------------------------------------------------------------------------
# Reading


class _Open(NamedTuple):
    tag: str
    start: int
    attrs: dict[str, str]
    in_text: bool


class _Reader:
    """Expat handlers that rebuild the reference text and record the spans of the tags in it."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.parser = expat.ParserCreate()
        self.parser.buffer_text = True
        self.parser.StartElementHandler = self.start
        self.parser.EndElementHandler = self.end
        self.parser.CharacterDataHandler = self.data
        self.pieces: list[str] = []
        self.offset = 0
        self.stack: list[_Open] = []
        self.text_depth: int | None = None  # depth of the <TEXT> element while inside it
        self.text_seen = False
        self.docid: list[str] | None = None
        self.docid_text: str | None = None
        self.timexes: list[GoldTimex] = []
        self.empty: list[GoldTimex] = []
        self.events: list[GoldEvent] = []
        self.dct_candidates: list[tuple[int, str]] = []  # (rank, value): lower rank wins
        self.instances: dict[str, str] = {}
        self.raw_tlinks: list[dict[str, str]] = []
        self.root_line = 1  # where the root element ends

    def start(self, tag: str, attributes: dict[str, str]) -> None:
        in_text = self.text_depth is not None
        if tag == "TEXT" and not in_text and not self.text_seen and self.stack:
            self.text_depth = len(self.stack)
            self.text_seen = True
        elif tag == "DOCID" and self.docid is None:
            self.docid = []
        elif tag == "MAKEINSTANCE":
            if "eiid" in attributes and "eventID" in attributes:
                self.instances[attributes["eiid"]] = attributes["eventID"]
        elif tag == "TLINK":
            self.raw_tlinks.append(attributes)
        self.stack.append(_Open(tag, self.offset, attributes, in_text))

    def data(self, content: str) -> None:
        if self.text_depth is not None:
            self.pieces.append(content)
            self.offset += len(content)
        elif self.docid is not None and self.docid_text is None:
            self.docid.append(content)

    def end(self, tag: str) -> None:
        opened = self.stack.pop()
        if not self.stack:
            self.root_line = self.parser.CurrentLineNumber
        if tag == "TEXT" and self.text_depth == len(self.stack):
            self.text_depth = None
            return
        if tag == "DOCID" and self.docid is not None and self.docid_text is None:
            self.docid_text = "".join(self.docid).strip()
        if tag == "TIMEX3":
            self._timex(opened)
        elif tag == "EVENT" and opened.in_text and opened.start < self.offset:
            a = opened.attrs
            self.events.append(
                GoldEvent(opened.start, self.offset, self._span(opened.start), a.get("eid", ""), a.get("class", ""))
            )

    def _span(self, start: int) -> str:
        # the pieces are joined once at the end; a mention's text is rebuilt from the tail
        need = self.offset - start
        out: list[str] = []
        for piece in reversed(self.pieces):
            if need <= 0:
                break
            out.append(piece[-need:] if len(piece) > need else piece)
            need -= len(piece)
        return "".join(reversed(out))

    def _timex(self, opened: _Open) -> None:
        a = opened.attrs
        function = a.get("functionInDocument")
        if function == "CREATION_TIME" and "value" in a:
            self.dct_candidates.append((1 if opened.in_text else 0, a["value"]))
        elif any(o.tag == "DCT" for o in self.stack) and "value" in a:
            self.dct_candidates.append((2, a["value"]))
        if not opened.in_text:
            return
        timex = GoldTimex(
            start=opened.start,
            end=self.offset,
            text=self._span(opened.start),
            type=a.get("type", ""),
            value=a.get("value", ""),
            mod=a.get("mod") or None,
            tid=a.get("tid"),
            function=function if function and function != "NONE" else None,
        )
        (self.timexes if opened.start < self.offset else self.empty).append(timex)

    def run(self, data: str | bytes) -> None:
        try:
            self.parser.Parse(data, True)
        except expat.ExpatError as error:
            reason = expat.errors.messages.get(error.code, str(error)) if error.code else str(error)
            raise TimeMLError(
                self.source, error.lineno, f"not well-formed XML: {reason} (column {error.offset + 1})"
            ) from None
        if not self.text_seen:
            raise TimeMLError(self.source, self.root_line, "no <TEXT> element")

    def document(self, name: str, path: str | None) -> TimeMLDocument:
        def key(m: GoldTimex | GoldEvent) -> tuple[int, int]:
            return (m.start, m.end)

        tlinks = tuple(self._tlink(a) for a in self.raw_tlinks)
        dct = min(self.dct_candidates, key=lambda c: c[0])[1] if self.dct_candidates else None
        return TimeMLDocument(
            doc=self.docid_text or name,
            text="".join(self.pieces),
            dct=dct,
            timexes=tuple(sorted(self.timexes, key=key)),
            events=tuple(sorted(self.events, key=key)),
            tlinks=tlinks,
            empty_timexes=tuple(self.empty),
            path=path,
        )

    def _tlink(self, a: Mapping[str, str]) -> TLink:
        def end(instance: str, time: str) -> str:
            if instance in a:
                return self.instances.get(a[instance], a[instance])
            return a.get(time, "")

        return TLink(
            rel_type=a.get("relType", ""),
            source=end("eventInstanceID", "timeID"),
            target=end("relatedToEventInstance", "relatedToTime"),
            lid=a.get("lid", ""),
        )


def _looks_like_markup(source: str) -> bool:
    return source.lstrip()[:1] == "<"


def read_timeml(source: str | os.PathLike[str] | bytes) -> TimeMLDocument:
    """Read a TimeML document from a path, or from its markup (a ``str`` starting with ``<``, or bytes).

    Raises ``TimeMLError`` (a ``ValueError``) naming the file and line when the XML is
    malformed or has no ``<TEXT>``; ``OSError`` when the file cannot be read.
    """
    path: str | None = None
    data: str | bytes
    if isinstance(source, bytes):
        name, data = "<bytes>", source
    elif isinstance(source, str) and _looks_like_markup(source):
        name, data = "<string>", source
        surrogate = re.search("[\ud800-\udfff]", source)
        if surrogate is not None:
            line = source.count("\n", 0, surrogate.start()) + 1
            raise TimeMLError(name, line, f"a lone surrogate at character {surrogate.start()}")
    elif isinstance(source, str | os.PathLike):
        path = os.fspath(source)
        data = Path(path).read_bytes()
        name = path
    else:
        raise TypeError(f"read_timeml() takes a path or TimeML text, not {type(source).__name__}")
    reader = _Reader(name)
    reader.run(data)
    stem = Path(path).name if path is not None else ""
    if stem.endswith(".tml"):
        stem = stem[: -len(".tml")]
    return reader.document(stem, path)


# --------------------------------------------------------------------------------------------
# Writing

# XML 1.0 cannot carry these characters at all: each becomes U+FFFD, so offsets stay the same.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
_ATTR_ESCAPES = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
)


def _escape_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text).translate(_TEXT_ESCAPES)


def _attr_string(attributes: Iterable[tuple[str, str | None]]) -> str:
    return "".join(
        f' {name}="{_NOT_XML.sub(chr(0xFFFD), value).translate(_ATTR_ESCAPES)}"'
        for name, value in attributes
        if value is not None
    )


_ALIASES: dict[str, tuple[str, ...]] = {
    "cls": ("cls", "class_", "event_class", "class"),
    "rel_type": ("rel_type", "relType", "relation", "rel"),
    "eid": ("eid", "id"),
}


def _get(obj: object, name: str, default: Any = None) -> Any:
    """An attribute of ``obj`` (or a key, for a mapping), trying the aliases of ``name``."""
    for alias in _ALIASES.get(name, (name,)):
        if isinstance(obj, Mapping):
            if alias in obj:
                return obj[alias]
        elif hasattr(obj, alias):
            return getattr(obj, alias)
    return default


class _Tag(NamedTuple):
    start: int
    end: int
    order: int  # timexes before events at the same span, then input order
    name: str
    attributes: tuple[tuple[str, str | None], ...]
    label: str  # how errors name it


def _offsets(obj: object, what: str, length: int) -> tuple[int, int]:
    start, end = _get(obj, "start"), _get(obj, "end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= length):
        raise ValueError(f"{what} needs integer offsets 0 <= start < end <= {length}, got start={start!r} end={end!r}")
    return start, end


def _fresh_ids(given: Sequence[str | None], prefix: str, taken: set[str]) -> list[str]:
    seen = set(taken)
    for ident in given:
        if ident is not None:
            if ident in seen:
                raise ValueError(f"id {ident!r} is used twice")
            seen.add(ident)
    counter = itertools.count(1)
    out = []
    for ident in given:
        if ident is None:
            ident = next(f"{prefix}{n}" for n in counter if f"{prefix}{n}" not in seen)
            seen.add(ident)
        out.append(ident)
    return out


def _check(value: str | None, allowed: Sequence[str], what: str) -> None:
    if value is not None and value not in allowed:
        raise ValueError(f"{what} {value!r} is not one of TimeML's: {', '.join(allowed)}")


def _dct_value(dct: object) -> str | None:
    # a value string, or a Span (its TIMEX3 value) or a dated match (its value)
    value = dct if dct is None or isinstance(dct, str) else _get(dct, "timex") or _get(dct, "value")
    if value is not None and (not isinstance(value, str) or not value.strip()):
        raise ValueError(f"dct {dct!r} is not a TIMEX3 value")
    return value


def write_timeml(
    text: str,
    *,
    dct: object,
    timexes: Iterable[object],
    events: Iterable[object] = (),
    tlinks: Iterable[object] = (),
    doc_id: str = "",
) -> str:
    """TimeML 1.2.1 markup of ``text`` with inline TIMEX3 and EVENT tags, MAKEINSTANCEs and TLINKs.

    ``timexes`` are objects (or mappings) with ``start``, ``end``, ``type``, ``value`` and
    optionally ``mod`` and ``tid``; ``events`` have ``start``, ``end``, ``cls`` (or ``class``)
    and optionally ``eid``, ``tense``, ``aspect``, ``polarity``, ``pos``; ``tlinks`` have
    ``rel_type``, ``source`` and ``target`` (tids or eids of the tags written, or ``t0``, the
    DCT). ``dct`` is a TIMEX3 value string (or a ``Span``), or ``None`` for no DCT. Missing ids
    are numbered. Spans must nest (an EVENT inside a TIMEX3 is fine, crossing spans are not);
    characters XML cannot carry become U+FFFD, one for one, so offsets are unchanged.
    """
    if not isinstance(text, str):
        raise TypeError(f"write_timeml() needs the text as a str, not {type(text).__name__}")
    vocab = vocabulary()
    dct_value = _dct_value(dct)
    timex_list, event_list = list(timexes), list(events)
    tids = _fresh_ids([_get(t, "tid") for t in timex_list], "t", {"t0"} if dct_value else set())
    eids = _fresh_ids([_get(e, "eid") for e in event_list], "e", set())
    tags: list[_Tag] = []
    for index, (timex, tid) in enumerate(zip(timex_list, tids, strict=True)):
        start, end = _offsets(timex, f"TIMEX3 {tid}", len(text))
        kind, mod = _get(timex, "type"), _get(timex, "mod")
        _check(kind, vocab["timex3_types"], f"TIMEX3 {tid}: type")
        _check(mod, vocab["timex3_mods"], f"TIMEX3 {tid}: mod")
        value = _get(timex, "value")
        function = _get(timex, "function")  # functionInDocument, when the object has one
        attributes = (
            ("tid", tid),
            ("type", kind or "DATE"),
            ("value", "" if value is None else str(value)),
            ("mod", mod),
            ("functionInDocument", function if isinstance(function, str) else None),
        )
        tags.append(_Tag(start, end, index, "TIMEX3", attributes, f"TIMEX3 {tid} [{start}, {end})"))
    for index, (event, eid) in enumerate(zip(event_list, eids, strict=True)):
        start, end = _offsets(event, f"EVENT {eid}", len(text))
        cls = _get(event, "cls") or "OCCURRENCE"
        _check(cls, vocab["event_classes"], f"EVENT {eid}: class")
        tags.append(
            _Tag(start, end, len(timex_list) + index, "EVENT", (("eid", eid), ("class", cls)), f"EVENT {eid} [{start}, {end})")
        )
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
        f' xsi:noNamespaceSchemaLocation="{vocab["schema_location"]}">\n',
        f"<DOCID>{_escape_text(doc_id)}</DOCID>\n",
    ]
    if dct_value is not None:
        kind = "TIME" if "T" in dct_value else "DATE"
        dct_attributes = _attr_string(
            (("tid", "t0"), ("type", kind), ("value", dct_value), ("temporalFunction", "false"), ("functionInDocument", "CREATION_TIME"))
        )
        out.append(f"<DCT><TIMEX3{dct_attributes}>{_escape_text(dct_value)}</TIMEX3></DCT>\n")
    out.append("<TEXT>")
    out.append(_inline(text, tags))
    out.append("</TEXT>\n")
    instances: dict[str, str] = {}
    for n, (event, eid) in enumerate(zip(event_list, eids, strict=True), 1):
        eiid = f"ei{n}"
        instances[eid] = eiid
        fields = []
        for name, default in vocab["makeinstance_defaults"].items():
            value = _get(event, name) or default
            _check(value, vocab["makeinstance_values"][name], f"EVENT {eid}: {name}")
            fields.append((name, value))
        out.append(f"<MAKEINSTANCE{_attr_string((('eiid', eiid), ('eventID', eid), *fields))} />\n")
    time_ids = set(tids) | ({"t0"} if dct_value is not None else set())
    for n, link in enumerate(tlinks, 1):
        out.append(_tlink(link, n, time_ids, instances, vocab["tlink_rel_types"]) + "\n")
    out.append("</TimeML>\n")
    return "".join(out)


def _tlink(link: object, n: int, times: set[str], instances: Mapping[str, str], rel_types: Sequence[str]) -> str:
    lid = _get(link, "lid") or f"l{n}"
    rel = _get(link, "rel_type")
    if rel not in rel_types:
        raise ValueError(f"TLINK {lid}: relType {rel!r} is not one of TimeML's: {', '.join(rel_types)}")

    def end(ident: object, event_key: str, time_key: str) -> tuple[str, str]:
        if ident in instances:
            return event_key, instances[ident]  # type: ignore[index]
        if ident in times:
            return time_key, str(ident)
        raise ValueError(f"TLINK {lid}: {ident!r} is neither a TIMEX3 tid nor an EVENT eid of this document")

    source = end(_get(link, "source"), "eventInstanceID", "timeID")
    target = end(_get(link, "target"), "relatedToEventInstance", "relatedToTime")
    return f"<TLINK{_attr_string((('lid', lid), ('relType', rel), source, target))} />"


def _inline(text: str, tags: list[_Tag]) -> str:
    """``text`` with the tags inserted; a ``ValueError`` naming two tags whose spans cross."""
    ordered = sorted(tags, key=lambda t: (t.start, -t.end, t.order))
    pieces: list[str] = []
    stack: list[_Tag] = []
    position = 0

    def close_until(limit: int) -> None:
        nonlocal position
        while stack and stack[-1].end <= limit:
            top = stack.pop()
            pieces.append(_escape_text(text[position : top.end]))
            pieces.append(f"</{top.name}>")
            position = top.end

    for tag in ordered:
        close_until(tag.start)
        if stack and tag.end > stack[-1].end:
            raise ValueError(f"{stack[-1].label} and {tag.label} cross: inline TimeML tags must nest")
        pieces.append(_escape_text(text[position : tag.start]))
        pieces.append(f"<{tag.name}{_attr_string(tag.attributes)}>")
        position = tag.start
        stack.append(tag)
    close_until(len(text))
    pieces.append(_escape_text(text[position:]))
    return "".join(pieces)

