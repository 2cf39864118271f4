"""Where a subcommand's result goes: standard output, or a file written safely."""

from __future__ import annotations

import sys
from pathlib import Path

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE


def emit(data: str | bytes, output: Path | None, force: bool = False) -> int:
    """A command's result: to standard output, or to the file `output` (assistant.core.outputs: never over
    an existing file without `force`, never through a link or onto a device, atomic, 0600)."""
    from assistant.core.outputs import OutputError, write_output

    if output is None:  # as text, through main's SafeWriter: no control character reaches the terminal
        sys.stdout.write(data.decode("utf-8") if isinstance(data, bytes) else data)
        return EXIT_OK
    try:
        write_output(output, data.encode("utf-8") if isinstance(data, str) else data, force=force)
    except OutputError as exc:
        print(f"dialoog: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.code == "output_folder" else EXIT_INVALID
    print(f"written: {output}", file=sys.stderr)
    return EXIT_OK


def refused_output(output: Path | None, force: bool = False) -> int | None:
    """Check `output` before the work of making its contents: the exit code of a refusal (said on
    standard error), or None when it can be written."""
    from assistant.core.outputs import OutputError, check_output

    if output is None:
        return None
    try:
        check_output(output, force=force)
    except OutputError as exc:
        print(f"dialoog: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.code == "output_folder" else EXIT_INVALID
    return None
