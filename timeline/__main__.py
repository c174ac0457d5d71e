"""``python -m timeline``: the same as the ``timeline`` command."""

import sys

from timeline.cli import main

__all__: list[str] = []


sys.exit(main())
