"""Shared test settings: hypothesis profiles and the path to ../shared beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings

# Timing is measured with pytest-benchmark, never asserted: on a loaded 2-core CI machine a
# property example can take longer than hypothesis' default 200 ms deadline.
settings.register_profile("default", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("ci", deadline=None, suppress_health_check=[HealthCheck.too_slow], max_examples=100)
settings.load_profile("ci" if os.environ.get("CI") else "default")

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
