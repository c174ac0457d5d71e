"""What reading a corpus gives back: one ``DocumentResult`` a document, a ``Summary`` a batch.
The error and warning classes of a corpus are in ``events.errors`` (named here too)."""

from __future__ import annotations

import attrs

from events.document import Document
from events.errors import CorpusReadError, CorpusWarning, OutputError

__all__ = ["CorpusReadError", "CorpusWarning", "DocumentResult", "OutputError", "Skipped", "Summary"]


@attrs.frozen(slots=True)
class Skipped:
    """An entry of a folder that is not read: a dangling link, a link loop, a FIFO, a device."""

    name: str
    reason: str


@attrs.frozen(slots=True)
class DocumentResult:
    """What reading one document gave: the ``Document``, or the reason it could not be read.

    ``index`` is the document's position in the input, ``name`` its file path (or, for a
    text, its id), ``doc_id`` the id its events carry.
    """

    index: int
    name: str
    doc_id: str
    document: Document | None = None
    error: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the document was read."""
        return self.document is not None


@attrs.frozen(slots=True)
class Summary:
    """What ``extract_to`` did: documents read, events written, failures ``(name, reason)``,
    the folder entries skipped, whether ``output`` was written (not when every document
    failed: the previous file is kept), and the documents' warnings ``(name, warning)``, such
    as a document with no date."""

    documents: int
    events: int
    failures: tuple[tuple[str, str], ...] = ()
    output: str | None = None
    seconds: float = 0.0
    skipped: tuple[Skipped, ...] = ()
    written: bool = True
    warnings: tuple[tuple[str, str], ...] = ()

    @property
    def total(self) -> int:
        """Documents tried: read and failed."""
        return self.documents + len(self.failures)

    def __str__(self) -> str:
        rate = f" ({self.total / self.seconds:.1f} documents/s)" if self.seconds > 0 else ""
        where = f" to {self.output}" if self.output and self.written else ""
        lines = [
            f"{self.documents} of {self.total} documents read, {self.events} events written{where} "
            f"in {self.seconds:.1f} s{rate}; {len(self.failures)} failed"
            + (":" if self.failures else ".")
        ]
        lines.extend(f"  {name}: {reason}" for name, reason in self.failures)
        if not self.written:
            lines.append(f"Nothing was read: {self.output} was not written, and is as it was.")
        if self.skipped:
            lines.append(f"{len(self.skipped)} skipped:")
            lines.extend(f"  {s.name}: {s.reason}" for s in self.skipped)
        return "\n".join(lines)
