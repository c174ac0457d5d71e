"""Subcommands of the ``timeline`` command, one module each (see ``timeline.cli``)."""
