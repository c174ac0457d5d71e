"""The worked-example notebooks run top to bottom, and are stored as their generator writes them.

Each notebook runs in a fresh ``python3`` kernel of this interpreter (ipykernel's kernelspec
in ``sys.prefix``), in a temporary working directory, so the files it exports stay out of the
repository.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, load_script

NOTEBOOKS = ROOT / "notebooks"
NAMES = ["01_seed_article.ipynb", "02_corpus.ipynb", "03_your_own_data.ipynb"]
KERNELSPEC = Path(sys.prefix) / "share" / "jupyter" / "kernels" / "python3" / "kernel.json"


def test_every_notebook_is_listed() -> None:
    assert sorted(p.name for p in NOTEBOOKS.glob("*.ipynb")) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_stored_without_outputs(name: str) -> None:
    data = json.loads((NOTEBOOKS / name).read_text(encoding="utf-8"))
    code = [c for c in data["cells"] if c["cell_type"] == "code"]
    assert code, f"{name} has no code cells"
    for cell in code:
        assert cell["outputs"] == [], f"{name}: cell {cell['id']} is stored with outputs"
        assert cell["execution_count"] is None, f"{name}: cell {cell['id']} is stored with an execution count"
    assert data["metadata"]["kernelspec"]["name"] == "python3"


@pytest.mark.parametrize("name", NAMES)
def test_stored_as_generated(name: str) -> None:
    """The stored notebook is what scripts/make_notebooks.py writes (edit the script, rerun it)."""
    assert (NOTEBOOKS / name).read_text(encoding="utf-8") == load_script("make_notebooks").render(name)


@pytest.mark.parametrize("name", NAMES)
def test_runs_top_to_bottom(name: str, tmp_path: Path) -> None:
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    if not KERNELSPEC.exists():
        pytest.skip(f"no python3 kernelspec at {KERNELSPEC}: pip install ipykernel into this environment")
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import AsyncKernelManager

    class ThisEnvironmentsKernel(AsyncKernelManager):  # type: ignore[misc]
        """This environment's python3 kernel, not one a user installed in ~/.local/share/jupyter."""

        def __init__(self, **kwargs: Any) -> None:
            specs = KernelSpecManager(kernel_dirs=[str(KERNELSPEC.parent.parent)], ensure_native_kernel=False)
            super().__init__(kernel_spec_manager=specs, **kwargs)

    notebook = nbformat.read(NOTEBOOKS / name, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        kernel_name="python3",
        kernel_manager_class=ThisEnvironmentsKernel,
        timeout=300,
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, if one fails
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code)
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    # every cell that ends in an expression or prints shows something; charts render as Vega-Lite
    shown = [c for c in code if c.outputs]
    assert len(shown) >= len(code) - 1
    mimetypes = {key for c in code for o in c.outputs if o.output_type in ("execute_result", "display_data") for key in o.data}
    # charts are Altair's offline JupyterChart widget: a widget view, its JavaScript not stored
    assert "application/vnd.jupyter.widget-view+json" in mimetypes, mimetypes
    written = {p.name for p in tmp_path.rglob("*") if p.is_file()}
    expected = {
        "01_seed_article.ipynb": {"seed.html", "seed.csv", "seed.tml"},
        "02_corpus.ipynb": {"cable-events.parquet", "broken.jsonl"},
        "03_your_own_data.ipynb": {"history.html", "history.parquet"},
    }[name]
    assert expected <= written, f"{name} did not write {expected - written} into its working directory"
    assert not any(p.name.endswith(".part") for p in tmp_path.rglob("*"))
