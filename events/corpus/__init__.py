"""Many documents: read in parallel on any ``concurrent.futures.Executor``, merged or streamed.

Three ways in, from the most to the least held in memory:

- ``read_corpus(sources) -> Timeline``: every document read, their timelines merged into one
  (the same event reported by several documents becomes one item with all its evidence);
- ``iter_documents(sources) -> Iterator[DocumentResult]``: each document's result, in input
  order, with at most ``window`` documents in flight, so a corpus larger than memory streams;
- ``extract_to(sources, "events.jsonl" | ".json" | ".csv" | ".parquet") -> Summary``: the
  events written as the documents are read, or a partitioned Parquet folder
  (``partitioned=True``), with a summary at the end: documents, events, the failures with
  their reasons, and the folder entries skipped.

``sources`` is a folder (its ``*.txt`` files, recursively, sorted; hidden entries left out;
``glob=`` for other names, e.g. ``("*.txt", "*.tml")``), or an iterable of sources, each one of:

- a ``pathlib.Path`` (any ``os.PathLike``): a UTF-8 text file, or a TimeML file (``.tml``,
  whose ``<TEXT>`` is read with its DCT as the document date);
- a ``str``: the text itself (named ``text-1``, ``text-2`` ... by its position); a ``str``
  that names an existing file is refused: wrap file names in ``Path``;
- a ``(doc_id, text)`` pair; or a mapping ``{doc_id: text}`` in place of the iterable.

Documents are read by ``executor``: without one, the corpus's own process pool on the local
cores (``workers`` of them; ``0`` reads in this process), which replaces a worker that dies
and retries its document once; with any ``concurrent.futures.Executor`` (a
``ThreadPoolExecutor``, Dask's ``Client(...).get_executor()``), that one, which the caller
keeps and shuts down. ``reader=`` is what reads each text (default: ``events.read``); it
travels to the workers. Results come back in input order whatever the executor, so the merged
timeline is the same. A document that cannot be read (binary, not UTF-8, unreadable, a FIFO,
malformed TimeML, a reader that raised or killed its worker) is a failure with its reason; it
never stops the batch.

Modules: ``sources`` (folders, tasks, reading files), ``worker`` (one document),
``pool`` (the process pool), ``executors`` (ordering and windows), ``writers`` (files replaced only when complete), ``progress``, ``reading``
(``iter_documents``, ``read_corpus``) and ``extracting`` (``extract_to``).
"""

from events.corpus.executors import default_workers
from events.corpus.extracting import extract_to
from events.corpus.pool import ProcessPool
from events.corpus.reading import iter_documents, read_corpus
from events.corpus.results import DocumentResult, Skipped, Summary
from events.corpus.sources import walk
from events.corpus.worker import DEFAULT_READER, TextReader
from events.errors import CorpusReadError, CorpusWarning, OutputError, WorkerDied

__all__ = [
    "DEFAULT_READER",
    "CorpusReadError",
    "CorpusWarning",
    "DocumentResult",
    "OutputError",
    "ProcessPool",
    "Skipped",
    "Summary",
    "TextReader",
    "WorkerDied",
    "default_workers",
    "extract_to",
    "iter_documents",
    "read_corpus",
    "walk",
]
