"""Argument types the subcommands share."""

from __future__ import annotations

import argparse


def typed_text(text: str) -> str:
    """An argparse type for a name or subject typed on the command line: control characters and escape
    sequences are refused (they would be saved into the transcript and act on a terminal later)."""
    from assistant.core.safetext import first_unsafe, one_line

    bad = first_unsafe(text)
    if bad is not None:
        raise argparse.ArgumentTypeError(f"'{one_line(text)}' holds a control character ({bad}); type it without")
    return text
