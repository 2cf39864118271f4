"""The `dialoog` command line: parse arguments and hand over to one subcommand.

Each public module in `assistant.subcommands` contributes its subcommands through `register(subparsers)`
and sets `ORDER` for where they appear in `--help`. Subcommand modules import what they need
inside their handlers, so `dialoog --help` stays fast and never loads the UI.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

import assistant.subcommands as package
from assistant import __version__
from assistant.core.safetext import SafeWriter
from assistant.exit_codes import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, EXIT_USAGE


class _Parser(argparse.ArgumentParser):
    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("allow_abbrev", False)  # `--trans` is no `--transcripts`: an option is written out, or refused
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # argparse exits 2 on usage errors: keep that, shorter
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"dialoog: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="dialoog",
        description="Dialoog: guided conversations about school attendance (CLB). "
        "Without a subcommand, the app opens on its start screen.",
    )
    parser.add_argument("--version", action="version", version=f"dialoog {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    names = [info.name for info in pkgutil.iter_modules(package.__path__) if not info.name.startswith("_")]
    modules = [importlib.import_module(f"assistant.subcommands.{name}") for name in names]
    for module in sorted(modules, key=lambda m: getattr(m, "ORDER", 100)):
        module.register(sub)
        if getattr(module, "DEFAULT", None) is not None:  # what bare `dialoog` runs (the app)
            parser.set_defaults(handler=module.DEFAULT)
            if hasattr(module, "add_default_arguments"):  # options of bare `dialoog` (--lang, --transcripts)
                module.add_default_arguments(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Whatever a command prints (a transcript's subject, an answer, an error quoting an argument) passes
    # through one filter: no control character or escape sequence from data reaches the terminal.
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeWriter(out), SafeWriter(err)
    try:
        return _run(sys.argv[1:] if argv is None else list(argv))
    finally:
        sys.stdout, sys.stderr = out, err


def _run(arguments: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(arguments)
    handler = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return EXIT_OK
    try:
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # the file system refused something no command foresaw: one line, never a traceback
        from assistant.core.durable import reason
        from assistant.core.outputs import shown

        where = f" ({shown(exc.filename)})" if exc.filename else ""
        print(f"dialoog: {reason(exc)}{where}", file=sys.stderr)
        return EXIT_INVALID
