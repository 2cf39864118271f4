"""The app: bare `dialoog` opens the start screen; `new`, `resume` and `review` open a screen directly."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from assistant.subcommands._arguments import typed_text

if TYPE_CHECKING:
    from assistant.application.library import Library
    from assistant.application.settings import Start

ORDER = 10
LANGS = ("nl", "en")


def add_default_arguments(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    """--transcripts and --lang, on bare `dialoog` and on each app subcommand.

    On the subcommands the defaults are suppressed, so that `dialoog --lang en new X` keeps the
    top-level value instead of having the subcommand's default overwrite it."""
    default = argparse.SUPPRESS if suppress else None
    parser.add_argument("--transcripts", metavar="DIR", default=default,
                        help="transcripts folder (default: $DIALOOG_TRANSCRIPTS, else ./transcripts)")
    parser.add_argument("--lang", choices=LANGS, default=argparse.SUPPRESS if suppress else "nl",
                        help="interface language (default: nl)")


def register(sub: argparse._SubParsersAction) -> None:
    new = sub.add_parser("new", help="start a new conversation with SCRIPT in the app",
                         description="Open the app on a new conversation. Without --facilitator, --subject or "
                         "--participant the details form opens first.")
    new.add_argument("script", metavar="SCRIPT", help="a script id, e.g. parent_dialogue")
    new.add_argument("--facilitator", metavar="NAME", type=typed_text, help="who leads the conversation")
    new.add_argument("--subject", metavar="TEXT", type=typed_text, help="the school or pupil, as you name them")
    new.add_argument("--participant", action="append", default=[], type=typed_text, metavar="'NAME (ROLE)'",
                     help="someone taking part, with their role (repeatable)")
    new.add_argument("--follows", metavar="TRANSCRIPT", help="this meeting follows an earlier transcript")
    add_default_arguments(new, suppress=True)
    new.set_defaults(handler=run_app, start="new")
    resume = sub.add_parser("resume", help="continue an open conversation in the app",
                            description="Open the app on an open transcript, exactly where it stopped.")
    resume.add_argument("transcript", metavar="TRANSCRIPT", help="its id (or a unique start of it) or file name")
    add_default_arguments(resume, suppress=True)
    resume.set_defaults(handler=run_app, start="resume")
    review = sub.add_parser("review", help="browse, search and export transcripts in the app")
    add_default_arguments(review, suppress=True)
    review.set_defaults(handler=run_app, start="review")


def _start(args: argparse.Namespace):
    from assistant.application.settings import NewMeta, Start, parse_participants

    kind = getattr(args, "start", "home")
    if kind == "new":
        try:
            people = parse_participants(", ".join(args.participant))
        except ValueError as exc:
            raise SystemExit(f"dialoog: --participant '{exc}': write 'NAME (ROLE)'") from None
        given = args.facilitator or args.subject or people
        meta = NewMeta(args.facilitator or "", args.subject or "", people, follows=args.follows) if given else None
        # --follows alone: the details form opens as that meeting's follow-up, filled in from it
        return Start("new", script=args.script, meta=meta, follows=None if given else args.follows)
    if kind == "resume":
        return Start("resume", ref=args.transcript)
    return Start(kind)


def check(store_root: str | None, start: Start, library: Library | None) -> tuple[str, int] | None:
    """What keeps `start` from opening, as (message, exit code), or None. `library` is None when it is broken."""
    if start.kind == "new" and library is not None and start.script not in library.scripts:
        return f"dialoog: unknown script '{start.script}' (known: {', '.join(library.scripts) or 'none'})", EXIT_USAGE
    if start.kind == "resume":
        from assistant.core.store import Store
        from assistant.core.store_errors import StoreError

        try:
            Store(store_root).locate(start.ref)
        except StoreError as exc:
            return f"dialoog: {exc}", EXIT_INVALID
    return None


def no_terminal() -> str | None:
    """Why the app cannot run here, or None. Without a terminal to read keys from (stdin /dev/null, a
    pipe) and to draw on (stdout a pipe or a file), a Textual app never gets a key and spins."""
    missing = [name for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout))
               if stream is None or not stream.isatty()]
    if not missing:
        return None
    return (f"dialoog: the app needs a terminal ({' and '.join(missing)} {'is' if len(missing) == 1 else 'are'} "
            "not one); without one, use list, show, summary or export")


def run_app(args: argparse.Namespace) -> int:
    """Start the app: a mistake in the arguments or a broken bank is said on one line before it takes over
    the terminal; the conversation given on the command line opens once the first frame is painted."""
    from assistant.application.library import load_library
    from assistant.application.settings import Settings
    from assistant.core.yamlsource import SourceErrors

    try:
        start = _start(args)
    except SystemExit as exc:
        print(exc, file=sys.stderr)
        return EXIT_USAGE
    root = getattr(args, "transcripts", None)
    try:
        library = load_library()
    except SourceErrors as exc:
        library, broken = None, ("\n".join(str(e) for e in exc.errors), EXIT_INVALID)
    else:
        broken = None
    problem = broken or check(root, start, library)
    refused = no_terminal()
    if problem is not None or refused is not None:  # a mistake in the arguments first, it is the more useful thing to hear
        print(problem[0] if problem else refused, file=sys.stderr)
        return problem[1] if problem else EXIT_USAGE
    from assistant.core.store import Store
    from assistant.tui.app import DialoogApp

    store = Store(root)
    try:
        DialoogApp(store=store, library=library, settings=Settings(lang=getattr(args, "lang", "nl"), start=start)).run()
    finally:
        store.close()
    return EXIT_OK


DEFAULT = run_app
