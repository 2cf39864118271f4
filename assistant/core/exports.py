"""Saving a summary as a Markdown file for the people who took part (the app's save and export).

Summaries hold the same personal data as transcripts: they go to an `exports` folder inside the
transcripts folder, created private (0700, files 0600), written atomically so a crash never
leaves half a file. An existing file of the same name is replaced: it is the same summary, newer.
"""

from __future__ import annotations

from pathlib import Path

from assistant.core import durable

EXPORTS_FOLDER = "exports"


def summary_path(store_root: Path, stem: str, *, anonymised: bool = False) -> Path:
    """Where the summary of the transcript with file stem `stem` is saved."""
    suffix = ".summary-anoniem.md" if anonymised else ".summary.md"
    return Path(store_root) / EXPORTS_FOLDER / f"{stem}{suffix}"


def save_summary(store_root: Path, stem: str, markdown: str, *, anonymised: bool = False) -> Path:
    """Write the summary; returns its path. OSError (with errno) when it cannot be written."""
    target = summary_path(store_root, stem, anonymised=anonymised)
    durable.ensure_private_dir(target.parent)
    durable.atomic_write(target, markdown.encode("utf-8"))
    return target
