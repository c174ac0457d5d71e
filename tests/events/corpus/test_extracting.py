"""A corpus read on a Dask cluster written as a partitioned Parquet dataset: the same items as
the in-process path."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from events.corpus import extract_to
from timeline import Timeline

distributed = pytest.importorskip("distributed")

EXAMPLES = Path(str(resources.files("events").joinpath("data", "examples", "baltic-cable")))


@pytest.fixture(scope="module")
def client() -> Any:
    with (
        distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None) as cluster,
        distributed.Client(cluster) as dask_client,
    ):
        yield dask_client


def test_a_dask_cluster_writes_a_partitioned_dataset_with_the_in_process_items(client: Any, tmp_path: Path) -> None:
    folder = tmp_path / "events"
    summary = extract_to(EXAMPLES, folder, executor=client.get_executor(), partitioned=True, row_group=8, progress=False)
    assert summary.documents == 8
    assert summary.failures == ()
    parts = sorted(folder.glob("part-*.parquet"))
    assert len(parts) >= 2
    clustered = ds.dataset(folder, format="parquet").to_table()
    assert clustered.num_rows == summary.events

    single = tmp_path / "events.parquet"
    extract_to(EXAMPLES, single, workers=0, progress=False)
    in_process = pq.read_table(single)
    assert clustered.to_pylist() == in_process.to_pylist()

    from_cluster, from_process = Timeline.from_parquet(folder), Timeline.from_parquet(single)
    assert len(from_cluster) == summary.events
    assert from_cluster == from_process
    assert {item.doc for item in from_cluster} == {p.stem for p in EXAMPLES.glob("*.txt")}
