"""events.errors: one tree under EventsError, each error refining the builtin it is a case of,
and named where it used to live."""

from __future__ import annotations

import warnings

import pytest

import events
import events.corpus
import events.errors as errors
from events.corpus import pool, results

EXCEPTIONS = [getattr(errors, name) for name in errors.__all__ if name != "EventsError"]
REFINED = (ValueError, KeyError, TypeError, RuntimeError, OSError, UserWarning)


@pytest.mark.parametrize("cls", EXCEPTIONS, ids=lambda c: c.__name__)
def test_every_error_is_defined_here_and_refines_a_builtin(cls: type[BaseException]) -> None:
    """Every error but the base ``EventsError`` (an ``Exception``) refines a builtin."""
    assert cls.__module__ == "events.errors"
    assert issubclass(cls, REFINED), f"{cls.__name__} refines no builtin: {cls.__mro__}"
    assert issubclass(cls, Warning) or issubclass(cls, errors.EventsError)


def test_the_corpus_errors_are_named_where_they_were() -> None:
    for name in ("CorpusReadError", "CorpusWarning", "OutputError", "WorkerDied"):
        assert getattr(events.corpus, name) is getattr(errors, name)
    assert (results.CorpusReadError, results.CorpusWarning, results.OutputError) == (
        errors.CorpusReadError,
        errors.CorpusWarning,
        errors.OutputError,
    )
    assert pool.WorkerDied is errors.WorkerDied
    assert events.CorpusReadError is errors.CorpusReadError


def test_the_builtins_still_catch_them() -> None:
    with pytest.raises(ValueError, match="no folder"):
        raise errors.OutputError("no folder")
    with pytest.raises(RuntimeError, match="signal 9"):
        raise errors.WorkerDied("worker died: signal 9 (SIGKILL)")
    with pytest.raises(errors.EventsError):
        raise errors.CorpusReadError("a.txt: not UTF-8 text")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("2 documents could not be read", errors.CorpusWarning, stacklevel=1)
    assert [w.category for w in caught] == [errors.CorpusWarning]


def test_an_unknown_kind_reads_as_its_message_not_a_quoted_key() -> None:
    assert str(errors.UnknownKindError("no kind 'visit'")) == "no kind 'visit'"
