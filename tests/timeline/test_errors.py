"""timeline.errors: one tree, each error refining the builtin it is a case of; and no public
exception of either package defined outside its ``errors`` module."""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path

import pytest

import timeline.errors as errors
from timeline.commands import _common

EXCEPTIONS = [getattr(errors, name) for name in errors.__all__ if name != "TimelineError"]
# the builtins the tree refines (Exception itself is not a refinement)
REFINED = (ValueError, KeyError, TypeError, RuntimeError, OSError, SystemExit, UserWarning)


@pytest.mark.parametrize("cls", EXCEPTIONS, ids=lambda c: c.__name__)
def test_every_error_is_defined_here_and_refines_a_builtin(cls: type[BaseException]) -> None:
    """Every error but the base ``TimelineError`` (an ``Exception``) refines a builtin."""
    assert cls.__module__ == "timeline.errors"
    assert issubclass(cls, REFINED), f"{cls.__name__} refines no builtin: {cls.__mro__}"
    if cls is errors.Terminated:  # a way out of the command, which ``except Exception`` must not stop
        assert not issubclass(cls, Exception)
    else:
        assert issubclass(cls, errors.TimelineError)


def test_input_file_error_is_a_value_error_named_where_it_was(tmp_path: Path) -> None:
    assert _common.InputFileError is errors.InputFileError
    assert _common.Terminated is errors.Terminated
    binary = tmp_path / "scan.pdf"
    binary.write_bytes(b"%PDF\x00\x01")
    with pytest.raises(ValueError, match=r"scan\.pdf: a binary file"):
        _common.read_text(binary)
    with pytest.raises(errors.TimelineError, match=r"missing\.txt: cannot read"):
        _common.read_text(tmp_path / "missing.txt")


def test_terminated_carries_the_exit_code_of_its_signal() -> None:
    with pytest.raises(SystemExit) as raised:
        raise errors.Terminated(128 + 15)
    assert raised.value.code == 143


def _modules(package: str) -> list[str]:
    root = importlib.import_module(package)
    return [package] + [info.name for info in pkgutil.walk_packages(root.__path__, f"{package}.") if not info.name.endswith("__main__")]


@pytest.mark.parametrize("package", ["timeline", "events"])
def test_public_exceptions_live_in_the_errors_module(package: str) -> None:
    outside = []
    for name in _modules(package):
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseException)
                and value.__module__ == name
                and not value.__name__.startswith("_")
                and name != f"{package}.errors"
            ):
                outside.append(f"{name}.{value.__name__}")
    assert outside == [], f"exceptions defined outside {package}.errors: {outside}"
