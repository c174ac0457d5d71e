"""Speed of ``read_corpus`` on the TBAQ TimeML texts with 1 and 2 worker processes
(``make bench``); the issue's goal is 2 workers >= 1.6x one, on an otherwise idle machine.

Each result carries ``documents_per_second``; compare the two rows of the same run. Skipped
when ``../shared/corpora/tbaq`` is absent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from events.corpus import read_corpus

TBAQ = Path(__file__).resolve().parents[2].parent / "shared" / "corpora" / "tbaq"
DOCUMENTS = 64


@pytest.fixture(scope="module")
def files() -> list[Path]:
    found = sorted(TBAQ.rglob("*.tml"))[:DOCUMENTS]
    if not found:
        pytest.skip(f"no TimeML files under {TBAQ}")
    return found


@pytest.mark.parametrize("workers", [1, 2])
def test_read_corpus_workers(benchmark: Any, files: list[Path], workers: int) -> None:
    timeline = benchmark.pedantic(read_corpus, args=(files,), kwargs={"workers": workers, "progress": False}, rounds=3, iterations=1)
    assert len(timeline) > 0
    benchmark.extra_info["documents_per_second"] = len(files) / benchmark.stats.stats.min
