"""Subcommands of the ``docparse`` CLI, one module each (see cli.py)."""
