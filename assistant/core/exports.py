"""Saving a summary as a Markdown or Word file for the people who took part (the app's save and export).

Summaries hold the same personal data as transcripts: they go to an `exports` folder inside the
transcripts folder, created private (0700, files 0600), written atomically so a crash never
leaves half a file. An existing file of the same name is replaced: it is the same summary, newer; a link
or a special file of that name is not (assistant.core.outputs).
"""

from __future__ import annotations

from pathlib import Path

from assistant.core import durable
from assistant.core.outputs import write_output

EXPORTS_FOLDER = "exports"


def summary_path(store_root: Path, stem: str, *, anonymised: bool = False, word: bool = False) -> Path:
    """Where the summary of the transcript with file stem `stem` is saved (`word`: as a .docx). An
    anonymised summary is made to be passed on, so its name leaves out the school or pupil that the stem names."""
    extension = "docx" if word else "md"
    if not anonymised:
        return Path(store_root) / EXPORTS_FOLDER / f"{stem}.summary.{extension}"
    parts = stem.split("_")  # date, script, school or pupil, id (transcript_files.file_stem)
    name = "_".join((parts[0], parts[1], parts[-1])) if len(parts) >= 4 else parts[-1]
    return Path(store_root) / EXPORTS_FOLDER / f"{name}.summary-anoniem.{extension}"


def save_summary(store_root: Path, stem: str, markdown: str, *, anonymised: bool = False, word: bool = False) -> Path:
    """Write the summary (`word`: as a Word file made from the same Markdown); returns its path. OSError
    (with errno) when the folder cannot be made, OutputError when the file cannot be written."""
    target = summary_path(store_root, stem, anonymised=anonymised, word=word)
    if word:
        from assistant.core.worddoc import docx_bytes

        data = docx_bytes(markdown)
    else:
        data = markdown.encode("utf-8")
    durable.ensure_private_dir(target.parent)
    return write_output(target, data, force=True)
