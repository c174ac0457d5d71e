"""Shared test settings: hypothesis profiles and the path to ../shared beside the checkout."""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path
from types import ModuleType

from hypothesis import HealthCheck, settings

# Timing is measured with pytest-benchmark, never asserted: on a loaded 2-core CI machine a
# property example can take longer than hypothesis' default 200 ms deadline.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI runs with fixed seeds (derandomize): a red build is reproducible, never a lucky draw.
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
ROOT = Path(__file__).resolve().parents[1]

# tests/ is a package (mirrored names such as tests/timeline/test_convert.py and
# tests/events/test_convert.py may repeat), so this module is ``tests.conftest``. Tests import
# ``from tests.conftest import ...``; the alias keeps ``from conftest import ...`` of branches
# written before the move working too.
sys.modules.setdefault("conftest", sys.modules[__name__])


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` (not a package) loaded as a module, for tests of its functions."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / f"{name}.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
