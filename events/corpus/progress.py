"""The progress bar of a corpus run (tqdm, on standard error; off when not wanted)."""

from __future__ import annotations

from typing import Any

__all__ = ["progress_bar"]


def progress_bar(total: int | None, enabled: bool, description: str) -> Any:
    """A bar counting documents, ``total`` of them when known."""
    from tqdm.auto import tqdm  # here, not at the top: it costs ``import events`` 60 ms

    return tqdm(total=total, disable=not enabled, desc=description, unit="doc", dynamic_ncols=True)
