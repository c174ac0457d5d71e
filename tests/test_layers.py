"""The layering of DESIGN.md, as the import-linter contracts in pyproject.toml, holds."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["importlinter"]
CONTRACTS = {contract["id"]: contract for contract in CONFIG["contracts"]}
LINT = shutil.which("lint-imports", path=str(Path(sys.executable).parent))


def _layer_modules(contract: dict[str, object]) -> set[str]:
    layers = contract["layers"]
    assert isinstance(layers, list)
    return {name.strip().strip("()") for layer in layers for name in layer.replace("|", ":").split(":")}


def test_the_contracts_cover_package_direction_layers_and_cycles() -> None:
    assert CONFIG["root_packages"] == ["timeline", "events"]
    assert {c["type"] for c in CONTRACTS.values()} == {"forbidden", "layers", "acyclic_siblings"}
    direction = CONTRACTS["events-above-timeline"]
    assert (direction["source_modules"], direction["forbidden_modules"]) == (["timeline"], ["events"])
    # the one documented exception: the CLI subcommands read text through events
    assert all(rule.startswith("timeline.commands") for rule in direction["ignore_imports"])
    assert "ignore_imports" not in CONTRACTS["timeline-layers"]
    assert "ignore_imports" not in CONTRACTS["no-cycles"]


def test_every_timeline_module_has_a_layer() -> None:
    """A new module of ``timeline`` must be given its place, or the layers would not check it."""
    package = ROOT / "timeline"
    modules = {p.stem for p in package.glob("*.py") if p.stem != "__init__"}
    modules |= {p.parent.name for p in package.glob("*/__init__.py")}
    assert modules - _layer_modules(CONTRACTS["timeline-layers"]) == set()
    layers = CONTRACTS["timeline-layers"]["layers"]
    assert layers[0].startswith("cli")
    assert layers[-1].startswith("calendar")


@pytest.mark.skipif(LINT is None, reason="import-linter is not installed (pip install -e .[dev])")
@pytest.mark.parametrize("contract", sorted(CONTRACTS))
def test_contract_is_kept(contract: str) -> None:
    assert LINT is not None
    done = subprocess.run(
        [LINT, "--no-cache", "--no-logo", "--contract", contract, str(ROOT / "pyproject.toml")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
