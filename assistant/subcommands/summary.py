"""`dialoog summary` and `dialoog sheet`: the Markdown a facilitator hands out after, or takes into, a meeting.

Exit 0 on success, 1 when a transcript, bank or script cannot be read or the output cannot be
written (or would overwrite a file without --force), 2 on a usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from assistant.exit_codes import EXIT_INVALID, EXIT_USAGE
from assistant.subcommands._output import emit, refused_output

ORDER = 45


def register(sub: argparse._SubParsersAction) -> None:
    summary = sub.add_parser(
        "summary",
        help="the Markdown summary of a conversation: priorities, action plan, signals, answers",
        description="Render the summary of TRANSCRIPT (its id, file name or path) as Markdown: priorities, "
        "action plan, signals, strengths and points to work on, the answers per section, and what is left "
        "for the next meeting. For a preparation of a parent conversation (parent_prep), the one-page prep "
        "sheet: focus, questions to ask first, what the school knows per topic, sensitivities, signals, who "
        "does what. Printed to standard output, or written to -o FILE (never over an existing file unless --force).",
    )
    summary.add_argument("transcript", metavar="TRANSCRIPT")
    summary.add_argument("--transcripts", metavar="DIR", type=Path, default=argparse.SUPPRESS,
                         help="the transcripts folder (default: $DIALOOG_TRANSCRIPTS, else ./transcripts)")
    summary.add_argument("--anonymise", "--anonymize", action="store_true",
                         help="everyone registered by their role, contact data by its kind, other probable names hidden "
                         "(as decided in the app's check, if it was made)")
    summary.add_argument("--docx", action="store_true",
                         help="a Word file (.docx) with the same content, tables included: to -o FILE, else into the "
                         "transcripts folder's exports/ (0600, never over an existing file unless --force)")
    _output_options(summary)
    summary.set_defaults(handler=run_summary)

    sheet = sub.add_parser(
        "sheet",
        help="a blank conversation guide on paper: questions, probes, help and room to write",
        description="Render the preparation sheet of SCRIPT (a bundled script id such as school_dialogue, or a "
        "script file): its questions in walking order with their probes and help, and room to write.",
    )
    sheet.add_argument("script", metavar="SCRIPT")
    sheet.add_argument("--basis-only", action="store_true", help="only the basis questions (a short meeting)")
    _output_options(sheet)
    sheet.set_defaults(handler=run_sheet)


def _output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", type=Path, metavar="FILE", help="write here instead of standard output")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument("--lang", choices=("nl", "en"), default=argparse.SUPPRESS, help="language of the fixed texts (default nl)")


def _fail(lines: list[Any], code: int = EXIT_INVALID) -> int:
    """One line per problem on standard error: 'dialoog: ...' or 'file:line:col: ...'."""
    for line in lines:
        print(line, file=sys.stderr)
    return code


def run_summary(args: argparse.Namespace) -> int:
    from assistant.application.library import load_library
    from assistant.application.summaries import summarise
    from assistant.core import locations
    from assistant.core.store import Store
    from assistant.core.store_errors import StoreError, TranscriptError
    from assistant.core.yamlsource import SourceErrors

    refused = refused_output(args.output, args.force)  # before the work: a refusal is said at once
    if refused is not None:
        return refused
    store = Store(locations.transcripts_dir(getattr(args, "transcripts", None)))
    try:
        transcript = store.load(args.transcript)
        library = load_library()
        # nobody to ask here: anonymised with the decisions made in the app, every other probable name hidden
        markdown = summarise(store, library, transcript, lang=getattr(args, "lang", "nl"), anonymise=args.anonymise)
    except TranscriptError as exc:
        return _fail(list(exc.errors))
    except StoreError as exc:
        return _fail([f"dialoog: {exc}"])
    except SourceErrors as exc:
        return _fail(exc.errors)
    finally:
        store.close()
    if not args.docx:
        return emit(markdown, args.output, args.force)
    from assistant.core import durable
    from assistant.core.exports import summary_path
    from assistant.core.transcript_files import file_stem
    from assistant.core.worddoc import docx_bytes

    output = args.output
    if output is None:  # beside the app's exports: a private folder, not wherever the command was run
        output = summary_path(store.root, file_stem(transcript), anonymised=args.anonymise, word=True)
        try:
            durable.ensure_private_dir(output.parent)
        except OSError as exc:
            return _fail([f"dialoog: cannot write {output}: {durable.reason(exc)}"])
    return emit(docx_bytes(markdown), output, args.force)


def run_sheet(args: argparse.Namespace) -> int:
    from assistant.core.catalog import display_path
    from assistant.core.script import load_script
    from assistant.core.sheet import render_sheet
    from assistant.core.yamlsource import SourceErrors

    refused = refused_output(args.output, args.force)
    if refused is not None:
        return refused
    from assistant.application.library import load_library

    try:
        library = load_library()
        banks, scripts = library.banks, library.scripts
        given = Path(args.script)
        if given.suffix in (".yaml", ".yml") or given.exists():
            if not given.is_file():
                return _fail([f"dialoog: no such script file: {args.script}"], EXIT_USAGE)
            script = load_script(given, banks, display_path(given))
        elif args.script in scripts:
            script = scripts[args.script]
        else:
            known = ", ".join(sorted(scripts)) or "none"
            return _fail([f"dialoog: unknown script '{args.script}' (bundled: {known})"], EXIT_USAGE)
    except SourceErrors as exc:
        return _fail(exc.errors)
    markdown = render_sheet(script, banks, lang=getattr(args, "lang", "nl"), basis_only=args.basis_only)
    return emit(markdown, args.output, args.force)
