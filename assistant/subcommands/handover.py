"""`dialoog handover`: start the parent conversation from a preparation, without the app.

Exit 0 with the new transcript's id and file on standard output; 1 when the preparation cannot be
found, read, locked or written, or is not a preparation; 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from assistant.subcommands._arguments import typed_text

ORDER = 42


def register(sub: argparse._SubParsersAction) -> None:
    handover = sub.add_parser(
        "handover",
        help="start the parent conversation from a preparation (parent_prep), linked to it",
        description="Create a parent_dialogue transcript from the preparation PREP_TRANSCRIPT (its id, file name "
        "or path): it asks the chosen focus questions first, then the focus topics, then the rest; it shows what "
        "the school already knew per topic and carries the preparation's signals. The preparation records the "
        "link. Prints the new transcript's id and file; continue it with `dialoog resume ID`.",
    )
    handover.add_argument("preparation", metavar="PREP_TRANSCRIPT")
    handover.add_argument("--transcripts", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                          help="the transcripts folder (default: $DIALOOG_TRANSCRIPTS, else ./transcripts)")
    handover.add_argument("--facilitator", metavar="NAME", type=typed_text, help="default: the preparation's facilitator")
    handover.add_argument("--subject", metavar="TEXT", type=typed_text, help="the pupil (default: the preparation's)")
    handover.add_argument("--participant", action="append", default=[], type=typed_text, metavar="'NAME (ROLE)'",
                          help="who takes part, e.g. 'Fatima (moeder)'; repeat for each person")
    handover.set_defaults(handler=run_handover)


def _fail(lines: list, code: int = EXIT_INVALID) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return code


def run_handover(args: argparse.Namespace) -> int:
    from assistant.application.library import load_library
    from assistant.core import locations
    from assistant.core.handover import start_from_preparation
    from assistant.core.store import Store
    from assistant.core.store_errors import StoreError, TranscriptError
    from assistant.core.yamlsource import SourceErrors
    from assistant.application.settings import parse_participants

    meta = {key: getattr(args, key) for key in ("facilitator", "subject") if getattr(args, key) is not None}
    if args.participant:
        try:
            meta["participants"] = parse_participants(", ".join(args.participant))
        except ValueError as exc:
            return _fail([f"dialoog: --participant '{exc}': write 'NAME (ROLE)'"], EXIT_USAGE)
    try:
        library = load_library()
    except SourceErrors as exc:
        return _fail(exc.errors)
    store = Store(locations.transcripts_dir(getattr(args, "transcripts", None)))
    try:
        session = start_from_preparation(store, args.preparation, banks=library.banks, scripts=library.scripts, **meta)
        warnings = list(session.warnings)
        try:
            session.close()
        except StoreError as exc:
            warnings.append(str(exc))
    except TranscriptError as exc:
        return _fail(list(exc.errors))
    except (StoreError, ValueError) as exc:
        return _fail([f"dialoog: {exc}"])
    finally:
        store.close()
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    print(f"id: {session.id}")
    print(f"file: {session.files.yaml}")
    print(f"continue it with: dialoog resume {session.id}", file=sys.stderr)
    return EXIT_OK
