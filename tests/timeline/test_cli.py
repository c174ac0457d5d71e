import subprocess
import sys

import pytest

from timeline import __version__
from timeline.cli import main


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:
        main(["--version"])
    assert stop.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_every_command_has_help_with_an_example() -> None:
    for command in ("demo", "tag", "eval", "extract", "render"):
        done = subprocess.run([sys.executable, "-m", "timeline", command, "--help"], capture_output=True, text=True, check=True)
        assert "xample" in done.stdout, f"timeline {command} --help shows no example"


def test_python_dash_m_help() -> None:
    done = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True, check=True)
    assert "usage: timeline" in done.stdout
