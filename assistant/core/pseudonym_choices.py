"""The facilitator's own decisions for anonymised exports, kept per transcript.

When the check before sharing asks about a word ("Wouters": a name? "Mortsel": keep?), the answer holds
for every later export of that transcript: the app does not ask again, and the command line, which
cannot ask, follows it. One small YAML file per transcript (`TranscriptFiles.pseudonyms`, in the hidden
`.pseudonyms` folder), written atomically and fsynced, 0600 in a 0700 folder, removed with the
transcript. It names people, so it is as private as the transcript itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

import yaml

from assistant.core import durable
from assistant.core.pseudonymise import KEEP, REPLACE, Anonymised, anonymise, decision_key, vocabulary_of
from assistant.core.transcript import Transcript
from assistant.core.transcript_files import TranscriptFiles

FORMAT = 1
MAX_BYTES = 1024 * 1024


def load(files: TranscriptFiles) -> dict[str, str]:
    """The decisions kept for this transcript ({} when none, or when the file is not ours)."""
    path = files.pseudonyms
    try:
        if path.is_symlink() or not path.is_file() or path.stat().st_size > MAX_BYTES:
            return {}
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return {}
    decisions = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(decisions, dict):
        return {}
    return {decision_key(str(k)): v for k, v in decisions.items() if v in (REPLACE, KEEP)}


def save(files: TranscriptFiles, decisions: Mapping[str, str]) -> None:
    """Add `decisions` to those kept for this transcript. OSError when they cannot be written."""
    merged = {**load(files), **{decision_key(k): v for k, v in decisions.items() if v in (REPLACE, KEEP)}}
    text = yaml.safe_dump({"format": FORMAT, "decisions": dict(sorted(merged.items()))}, allow_unicode=True,
                          sort_keys=False)
    durable.ensure_private_dir(files.pseudonyms.parent)
    durable.atomic_write(files.pseudonyms, text.encode("utf-8"))


def anonymised(files: TranscriptFiles, transcript: Transcript, *, linked: Iterable[Transcript] = (), banks: Any = None,
               extra: Mapping[str, str] | None = None, checked: bool | None = None) -> Anonymised:
    """`transcript` anonymised with the decisions kept for it (and `extra`, just made): the one call for
    every anonymised format (summary, prep sheet, YAML, .docx). `checked`: a person just went through
    the findings; None: checked when a person decided every one of them earlier."""
    decisions = {**load(files), **(extra or {})}
    done = anonymise(transcript, linked=linked, decisions=decisions, checked=bool(checked),
                     vocabulary=vocabulary_of(banks) if banks else ())
    if checked is None and done.report.findings and not done.report.undecided:
        done = replace(done, report=replace(done.report, checked=True))
    return done
