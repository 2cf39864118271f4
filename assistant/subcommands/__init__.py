"""Subcommands of `dialoog`, one module per area; see assistant.cli."""
