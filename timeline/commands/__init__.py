"""Subcommands of the ``timeline`` command, one module each (see ``timeline.cli``)."""

__all__: list[str] = []
