"""Like httpx's test: every package's ``__all__`` is sorted, complete and importable."""

import importlib

import pytest


@pytest.mark.parametrize("package", ["timeline", "events"])
def test_all_is_sorted_and_importable(package: str) -> None:
    module = importlib.import_module(package)
    names = list(module.__all__)
    assert names == sorted(names, key=str.lower) or names == sorted(names)
    for name in names:
        assert hasattr(module, name), f"{package}.{name} is in __all__ but missing"
    public = {n for n, v in vars(module).items() if not n.startswith("_") and not isinstance(v, type(importlib))}
    assert public <= set(names), f"public names missing from {package}.__all__: {public - set(names)}"
