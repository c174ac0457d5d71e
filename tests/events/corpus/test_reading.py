"""events.corpus: many documents on any executor, in a stable order, merged or streamed."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import events
from events import DocumentDateError
from events.convert import event_from_dict, event_parquet_schema
from events.corpus import (
    CorpusReadError,
    CorpusWarning,
    DocumentResult,
    Summary,
    extract_to,
    iter_documents,
    read_corpus,
)
from events.corpus.sources import tasks
from tests.conftest import SHARED
from timeline import Span, Timeline, read_timeml

CORPORA = SHARED / "corpora"
EXAMPLES = Path(str(resources.files("events").joinpath("data", "examples", "baltic-cable")))

TIMEML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>wire-1</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="1998-02-13" temporalFunction="false" functionInDocument="CREATION_TIME">1998-02-13</TIMEX3></DCT>
<TEXT>The minister <EVENT eid="e1" class="OCCURRENCE">visited</EVENT> Paris <TIMEX3 tid="t1" type="DATE" value="1998-W06">last week</TIMEX3>.</TEXT>
</TimeML>
"""


@pytest.fixture(scope="module")
def example_files() -> list[Path]:
    files = sorted(EXAMPLES.glob("*.txt"))
    assert len(files) >= 6, f"the bundled example corpus is missing from {EXAMPLES}"
    return files


@pytest.fixture(scope="module")
def threaded(example_files: list[Path]) -> Timeline:
    with ThreadPoolExecutor(2) as pool:
        return read_corpus(example_files, executor=pool, progress=False)


def _summary_of(timeline: Timeline) -> list[tuple[str, str | None, str | None]]:
    return [(item.id, item.time.timex, item.kind) for item in timeline]


# ------------------------------------------------------------------------------ read_corpus


def test_default_process_pool_matches_threads(example_files: list[Path], threaded: Timeline) -> None:
    pooled = read_corpus(example_files, workers=2, progress=False)
    assert pooled == threaded
    assert _summary_of(pooled) == _summary_of(threaded)


def test_directory_reads_every_file_and_merges_reports(threaded: Timeline) -> None:
    corpus = read_corpus(EXAMPLES, workers=1, progress=False)
    assert corpus == threaded
    docs = {item.doc for item in corpus}
    assert {d.split("-", 1)[0] for d in docs} == {"bws", "nc"}
    assert corpus.merges, "the two sources report the same events: some must merge"
    for record in corpus.merges:
        members = {m.split(":", 1)[0] for m in record.members}
        assert len(members) == len(record.members), "a merge joins reports of different documents"
        joined = corpus[record.into]
        assert len(joined.mentions) >= len(record.members)  # every report's evidence is kept


def test_dask_local_cluster_gives_the_same_timeline(example_files: list[Path], threaded: Timeline) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as client,
    ):
        timeline = read_corpus(example_files, executor=client.get_executor(), progress=False)
    assert timeline == threaded


def test_order_is_input_order_whatever_finishes_first() -> None:
    long = " ".join(["Putin visited Dushanbe last week and Ivanov visited Bishkek."] * 60)
    texts = [long, "Russia sent aid to Tajikistan in 2001.", long, "France signed a treaty with Germany in 1963."]
    with ThreadPoolExecutor(4) as pool:
        results = list(iter_documents(texts, executor=pool, dct="2003-03-18"))
    assert [r.index for r in results] == [0, 1, 2, 3]
    assert [r.doc_id for r in results] == ["text-1", "text-2", "text-3", "text-4"]
    assert all(r.ok for r in results)
    assert results[1].document is not None
    assert [e.kind for e in results[1].document.events] == ["Aid"]


class CountingExecutor(Executor):
    """A thread pool that records how many tasks were submitted."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(2)
        self.submitted = 0
        self.lock = threading.Lock()

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        with self.lock:
            self.submitted += 1
        return self.pool.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self.pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def test_at_most_a_window_of_documents_in_flight() -> None:
    texts = (f"Officials met in Paris on day {k}." for k in range(30))  # a lazy iterable
    executor = CountingExecutor()
    in_flight = []
    try:
        for yielded, _ in enumerate(iter_documents(texts, executor=executor, window=3, dct="2000-01-01"), 1):
            in_flight.append(executor.submitted - yielded)
    finally:
        executor.shutdown()
    assert executor.submitted == 30
    assert len(in_flight) == 30
    assert max(in_flight) <= 2  # the one yielded is out of the window
    assert in_flight[0] == 2  # the first result came after 3 submissions, not 30


class FailingExecutor(Executor):
    """An executor whose workers die."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        future.set_exception(RuntimeError("worker lost"))
        return future


class BrokenExecutor(Executor):
    """An executor that refuses work after its first task, like a broken process pool."""

    def __init__(self) -> None:
        self.pool = ThreadPoolExecutor(1)
        self.calls = 0

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        if self.calls > 1:
            raise RuntimeError("pool is broken")
        return self.pool.submit(fn, *args, **kwargs)


def test_a_dead_worker_is_a_failure_not_a_crash() -> None:
    results = list(iter_documents(["one text", "another"], executor=FailingExecutor()))
    assert [r.ok for r in results] == [False, False]
    assert all("worker lost" in (r.error or "") for r in results)
    broken = BrokenExecutor()
    results = list(iter_documents(["Officials met in Paris.", "another", "a third"], executor=broken, dct="2000-01-01"))
    broken.pool.shutdown()
    assert [r.ok for r in results] == [True, False, False]
    assert results[2].error == "the worker failed: RuntimeError: pool is broken"
    with pytest.raises(CorpusReadError, match="text-1: the worker failed"):
        read_corpus(["one text"], executor=FailingExecutor(), progress=False, errors="raise")


def test_texts_pairs_and_mappings() -> None:
    texts = {"a": "Russia sent aid to Tajikistan in 2001.", "b": "France signed a treaty with Germany in 1963."}
    from_mapping = read_corpus(texts, workers=1, progress=False, dct="2003-03-18")
    from_pairs = read_corpus(list(texts.items()), workers=1, progress=False, dct="2003-03-18")
    assert from_mapping == from_pairs
    assert {item.doc for item in from_mapping} == {"a", "b"}
    assert {item.time.timex for item in from_mapping} == {"2001", "1963"}


def test_empty_corpus_is_an_empty_timeline() -> None:
    assert len(read_corpus([], workers=1, progress=False)) == 0


def test_one_string_is_refused() -> None:
    with pytest.raises(TypeError, match="one string"):
        read_corpus("Putin visited Dushanbe last week.", progress=False)
    with pytest.raises(TypeError, match="document 1 is a int"):
        list(iter_documents(["a text", 42], workers=1))  # type: ignore[list-item]
    with pytest.raises(TypeError, match="Executor"):
        list(iter_documents(["a text"], executor=object()))  # type: ignore[arg-type]


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "a-2", "text-1"]), st.text(max_size=5)), max_size=12))
def test_document_ids_are_unique_and_in_order(pairs: list[tuple[str, str]]) -> None:
    made = list(tasks(pairs, None))
    assert [t.index for t in made] == list(range(len(pairs)))
    assert len({t.doc_id for t in made}) == len(made)
    assert [t.text for t in made] == [text for _, text in pairs]
    assert all(t.doc_id == name or t.doc_id.startswith(f"{name}-") for t, (name, _) in zip(made, pairs, strict=True))


def test_timeml_files_are_read_with_their_dct(tmp_path: Path) -> None:
    path = tmp_path / "wire-1.tml"
    path.write_text(TIMEML, encoding="utf-8")
    (result,) = iter_documents([path], workers=1)
    assert result.ok
    assert result.document is not None
    assert result.doc_id == "wire-1"
    assert result.document.dct == Span.from_timex3("1998-02-13")
    assert "<EVENT" not in result.document.text
    assert "visited Paris" in result.document.text


@pytest.mark.corpus
def test_tbaq_documents_read_without_failures() -> None:
    folder = CORPORA / "tbaq" / "TimeBank"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    files = sorted(folder.glob("*.tml"))[:6]
    results = list(iter_documents(files, workers=2))
    assert [r.error for r in results] == [None] * len(files)
    for path, result in zip(files, results, strict=True):
        assert result.document is not None
        assert result.document.dct is not None
        assert result.document.dct == Span.from_timex3(read_timeml(path).dct[:10])  # type: ignore[index]
        assert result.doc_id == path.name[: -len(".tml")]


# ------------------------------------------------------------------------------ failures


@pytest.fixture
def mixed_folder(tmp_path: Path, example_files: list[Path]) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "a-good.txt").write_text(example_files[0].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "b-scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    (folder / "c-latin1.txt").write_bytes("Caf\xe9 in M\xfcnchen".encode("latin-1"))
    (folder / "d-broken.tml").write_text("<TimeML><TEXT>no end", encoding="utf-8")
    (folder / "e-good.txt").write_text(example_files[1].read_text(encoding="utf-8"), encoding="utf-8")
    (folder / ".hidden.txt").write_text("not part of the corpus", encoding="utf-8")
    return folder


def _reasons(failures: tuple[tuple[str, str], ...] | list[tuple[str, str]]) -> dict[str, str]:
    return {Path(name).name: reason for name, reason in failures}


def test_failures_are_reported_and_never_stop_the_batch(mixed_folder: Path, tmp_path: Path) -> None:
    summary = extract_to(
        [*sorted(p for p in mixed_folder.iterdir() if not p.name.startswith(".")), tmp_path / "missing.txt"],
        tmp_path / "out.jsonl",
        workers=1,
        progress=False,
    )
    assert isinstance(summary, Summary)
    assert summary.documents == 2
    assert summary.total == 6
    reasons = _reasons(summary.failures)
    assert list(reasons) == ["b-scan.pdf", "c-latin1.txt", "d-broken.tml", "missing.txt"]
    assert "binary" in reasons["b-scan.pdf"]
    assert "not UTF-8" in reasons["c-latin1.txt"]
    assert "byte 3" in reasons["c-latin1.txt"]
    assert "not TimeML" in reasons["d-broken.tml"]
    assert "cannot read" in reasons["missing.txt"]
    text = str(summary)
    assert "2 of 6 documents read" in text
    assert "missing.txt: cannot read" in text


def test_read_corpus_warns_skips_or_raises(mixed_folder: Path) -> None:
    with pytest.warns(CorpusWarning, match=r"3 documents could not be read: .*b-scan\.pdf: a binary file"):
        warned = read_corpus(mixed_folder, workers=1, progress=False, glob="*")
    skipped = read_corpus(mixed_folder, workers=1, progress=False, errors="skip", glob="*")
    assert warned == skipped
    assert len(skipped) > 0
    assert {item.doc for item in skipped} <= {"a-good", "e-good"}
    with pytest.raises(CorpusReadError, match=r"b-scan\.pdf: a binary file"):
        read_corpus(mixed_folder, workers=1, progress=False, errors="raise", glob="*")
    with pytest.raises(ValueError, match="errors must be"):
        read_corpus(mixed_folder, progress=False, errors="ignore")  # type: ignore[arg-type]


# ------------------------------------------------------------------------------ streaming


def _documents(files: list[Path]) -> list[DocumentResult]:
    with ThreadPoolExecutor(2) as pool:
        return list(iter_documents(files, executor=pool))


def test_jsonl_has_one_valid_document_a_line(example_files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "events.jsonl"
    summary = extract_to(EXAMPLES, out, workers=2, progress=False)
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["doc"] for r in records] == [p.stem for p in example_files]
    assert summary.documents == len(records)
    assert summary.failures == ()
    assert summary.events == sum(len(r["events"]) for r in records)
    expected = {r.doc_id: r.document.events for r in _documents(example_files) if r.document is not None}
    for record in records:
        assert record["dct"] == record["doc"].split("-", 1)[1][:10]  # the dateline's date (in the file name)
        assert tuple(event_from_dict(e) for e in record["events"]) == expected[record["doc"]]
    assert not list(tmp_path.glob("*.part"))


def test_parquet_rows_are_the_events_in_row_groups(example_files: list[Path], tmp_path: Path) -> None:
    out = tmp_path / "events.parquet"
    summary = extract_to(example_files, out, workers=1, progress=False, row_group=7)
    table = pq.read_table(out)
    assert table.schema.equals(event_parquet_schema())
    assert table.num_rows == summary.events > 7
    assert pq.ParquetFile(out).metadata.num_row_groups >= summary.events // 7
    expected = [e for r in _documents(example_files) if r.document is not None for e in r.document.events]
    rows = table.to_pylist()
    seconds_of = {
        b: table.column(b).cast(pa.timestamp("s")).cast(pa.int64()).to_pylist()
        for b in ("earliest_start", "latest_start", "earliest_end", "latest_end")
    }
    assert [row["id"] for row in rows] == [e.id for e in expected]
    for k, (row, event) in enumerate(zip(rows, expected, strict=True)):
        assert row["kind"] == event.kind
        assert row["status"] == event.status.value
        assert row["timex"] == event.time.timex
        for bound in ("earliest_start", "latest_start", "earliest_end", "latest_end"):
            assert seconds_of[bound][k] == getattr(event.time, bound)
        assert row["actor_names"] == list(event.actor_names)
        assert row["sentence"] == event.mentions[0].sentence


def test_include_all_writes_unrealized_events_too() -> None:
    text = "Russia ruled out the possibility of sending troops to Kyrgyzstan. Putin visited Dushanbe last week."
    (result,) = iter_documents([text], workers=1, dct="2003-03-18")
    assert result.document is not None
    assert len(result.document.all_events) >= len(result.document.events)


def test_unknown_output_format_writes_nothing(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"events\.xml: unknown output format '\.xml'"):
        extract_to(EXAMPLES, tmp_path / "events.xml", progress=False)
    assert list(tmp_path.iterdir()) == []


def test_an_interrupted_extraction_leaves_no_partial_file(tmp_path: Path) -> None:
    def texts() -> Iterator[str]:
        yield "Officials met in Paris last week."
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_to(texts(), tmp_path / "events.jsonl", workers=1, progress=False)
    assert list(tmp_path.iterdir()) == []


def test_progress_bar_and_summary(capsys: pytest.CaptureFixture[str], tmp_path: Path, example_files: list[Path]) -> None:
    with ThreadPoolExecutor(2) as pool:
        summary = extract_to(example_files[:3], tmp_path / "e.jsonl", executor=pool, progress=True)
    err = capsys.readouterr().err
    assert "3/3" in err
    assert "extracting to e.jsonl" in err
    assert summary.documents == 3
    assert summary.seconds > 0
    assert "3 of 3 documents read" in str(summary)


def test_a_bad_document_date_is_refused_before_reading(tmp_path: Path) -> None:
    with pytest.raises(DocumentDateError, match="'2003-13-45' is not a document date"):
        extract_to(["Officials met in Paris last week."], tmp_path / "e.jsonl", dct="2003-13-45", progress=False)
    assert list(tmp_path.iterdir()) == []
    (result,) = iter_documents(["Officials met in Paris last week."], workers=1, dct="2003-03-18")
    assert result.document is not None
    assert result.document.dct == Span.from_timex3("2003-03-18")


def test_reports_of_one_visit_merge_into_what_the_later_one_says() -> None:
    """Two small reports, four days apart, of one visit: it is one event, occurred (the later
    report's word), with one Kohl and ids prefixed once."""
    reports = [
        ("early", "BONN, May 2, 1990 (Reuters) - Chancellor Helmut Kohl will visit Paris on Friday, officials said."),
        ("late", "PARIS, May 6, 1990 (Reuters) - Kohl visited Paris on Friday and met President Mitterrand."),
    ]
    merged = read_corpus(reports, workers=0, progress=False)
    visits = [item for item in merged if item.kind == "Visit"]
    assert len(visits) == 1
    (visit,) = visits
    assert visit.status == "occurred"
    assert visit.time == Span.from_timex3("1990-05-04")
    assert [a.name for a in visit.actors if a.role == "agent"] == ["Helmut Kohl"]
    assert visit.label == "Visit: Helmut Kohl to Paris"
    assert sorted({e.doc for e in visit.evidence}) == ["early", "late"]
    assert all(item.id.count("early") + item.id.count("late") == 1 for item in merged)
    (record,) = (r for r in merged.merges if r.into == visit.id)
    assert record.members == ("early:visit-1", "late:visit-1")
    (meeting,) = (item for item in merged if item.kind == "Meeting")
    assert meeting.label == "Meeting: Helmut Kohl / Mitterrand"  # the late report's Kohl, as the join showed


class GatedReader:
    """``events.read``, except that the first text waits until the others have been read."""

    def __init__(self, others: int) -> None:
        self.others = threading.Semaphore(0)
        self.count = others

    def read(self, text: str, dct: Any = None, doc_id: str | None = None) -> events.Document:
        if doc_id == "text-1":
            for _ in range(self.count):
                assert self.others.acquire(timeout=60), "the other documents were held back"
        document = events.read(text, dct=dct, doc_id=doc_id)
        if doc_id != "text-1":
            self.others.release()
        return document


def test_unordered_results_come_as_they_are_read_and_read_corpus_merges_in_input_order() -> None:
    texts = ["Putin visited Dushanbe last week.", *(f"Officials met in Paris on day {k}." for k in range(1, 6))]
    with ThreadPoolExecutor(2) as pool:
        results = list(iter_documents(texts, executor=pool, window=3, dct="2000-01-01", reader=GatedReader(5), ordered=False))
    assert results[0].index != 0  # the first document did not come first: it waited for the others
    assert sorted(r.index for r in results) == list(range(6))
    assert all(r.ok for r in results)  # and the window never waited for it (its gate would have timed out)
    with ThreadPoolExecutor(2) as pool:
        gated = read_corpus(texts, executor=pool, window=3, dct="2000-01-01", reader=GatedReader(5), progress=False)
    assert gated == read_corpus(texts, workers=0, dct="2000-01-01", progress=False)


def test_a_pool_worker_keeps_what_it_loaded_out_of_the_collectors_walks() -> None:
    from events.corpus.pool import ProcessPool
    from events.corpus.worker import WORKER_GC_THRESHOLD, install_reader

    with ProcessPool(1, initializer=install_reader, initargs=(None,)) as pool:
        frozen, threshold = pool.submit(_collector_state).result(timeout=120)
    assert frozen > 10_000  # the model and the tables, at least
    assert threshold == WORKER_GC_THRESHOLD


def _collector_state() -> tuple[int, tuple[int, int, int]]:
    import gc

    return gc.get_freeze_count(), gc.get_threshold()
