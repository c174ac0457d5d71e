import subprocess
import sys

from timeline import __version__
from timeline.cli import main


def test_version(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert __version__ in capsys.readouterr().out


def test_python_dash_m_help() -> None:
    done = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True, check=True)
    assert "usage: timeline" in done.stdout
