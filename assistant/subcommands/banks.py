"""`dialoog validate` and `dialoog banks`: checking and listing the dialogue documents."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE

ORDER = 50


def register(sub: argparse._SubParsersAction) -> None:
    validate = sub.add_parser(
        "validate",
        help="check question banks and scripts; one 'file:line:col: message' line per error",
        description="Validate question banks and scripts. Without paths: the bundled banks and scripts (assistant/question_banks/ and assistant/scripts/). "
        "Exit 0 when all are valid, 1 when any is invalid, 2 on a usage error.",
    )
    validate.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="YAML files or folders of them")
    validate.set_defaults(handler=run_validate)
    banks = sub.add_parser("banks", help="list the bundled question banks with their sections and questions")
    banks.set_defaults(handler=run_banks)


def _collect(paths: list[Path]) -> tuple[list[Path], list[str]]:
    from assistant.core.catalog import display_path, yaml_files

    files: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_dir():
            found = yaml_files(path)
            if not found:
                problems.append(f"{display_path(path)}: folder has no .yaml files")
            files.extend(found)
        elif path.exists():
            files.append(path)
        else:
            problems.append(f"{display_path(path)}: no such file or folder")
    return files, problems


def run_validate(args: argparse.Namespace) -> int:
    from assistant.core import catalog as cat
    from assistant.core import locations

    explicit = bool(args.paths)
    paths = args.paths or [locations.banks_dir(), locations.scripts_dir()]
    if not explicit:
        paths = [p for p in paths if p.is_dir() and cat.yaml_files(p)]
    files, problems = _collect(paths)
    if problems and not files and explicit and all("no such file" in p for p in problems):
        for line in problems:
            print(line, file=sys.stderr)
        return EXIT_USAGE
    catalog = cat.load_all(files)
    for line in problems:
        print(line)
    for error in catalog.errors:
        print(error)
    total = len(catalog.banks) + len(catalog.scripts)
    if problems or catalog.errors:
        print(f"{len(catalog.errors) + len(problems)} error(s) in {len(files)} file(s)", file=sys.stderr)
        return EXIT_INVALID
    print(f"ok: {len(catalog.banks)} bank(s), {len(catalog.scripts)} script(s) valid", file=sys.stderr)
    return EXIT_OK if total or files else EXIT_INVALID


def run_banks(args: argparse.Namespace) -> int:
    from assistant.core import catalog as cat
    from assistant.core import locations

    folder = locations.banks_dir()
    if not folder.is_dir():
        print(f"dialoog: no question banks at {folder}", file=sys.stderr)
        return EXIT_INVALID
    catalog = cat.load_banks(cat.yaml_files(folder))
    rows = [("bank", "audience", "sections", "basis", "verdiepend", "title")]
    for bank in catalog.banks.values():
        c = bank.counts()
        rows.append((bank.id, bank.audience, str(c["sections"]), str(c["basis"]), str(c["verdiepend"]), bank.title))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    for row in rows:
        cells = [row[i].rjust(widths[i]) if 2 <= i <= 4 else row[i].ljust(widths[i]) for i in range(5)]
        print("  ".join(cells) + "  " + row[5])
    for error in catalog.errors:
        print(error, file=sys.stderr)
    return EXIT_INVALID if catalog.errors else EXIT_OK
