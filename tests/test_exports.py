"""Saved summaries: private files in the exports folder; an anonymised one names no school or pupil."""

from __future__ import annotations

import stat

from assistant.core.exports import save_summary, summary_path
from assistant.core.transcript import Transcript
from assistant.core.transcript_files import file_stem


def test_an_anonymised_summary_is_named_without_the_pupil(tmp_path):
    transcript = Transcript.new("parent_dialogue", subject="Noor Peeters (2B)", facilitator="Sofie")
    stem = file_stem(transcript)
    assert "noor-peeters" in stem
    named = save_summary(tmp_path, stem, "# met namen\n")
    anonymous = save_summary(tmp_path, stem, "# anoniem\n", anonymised=True)
    assert "noor" in named.name and "noor" not in anonymous.name.lower() and "peeters" not in anonymous.name.lower()
    assert anonymous.name == f"{transcript.meta.created[:10]}_parent-dialogue_{transcript.meta.id}.summary-anoniem.md"
    assert anonymous == summary_path(tmp_path, stem, anonymised=True)
    assert anonymous.read_text(encoding="utf-8") == "# anoniem\n" and named.read_text(encoding="utf-8") == "# met namen\n"
    assert stat.S_IMODE(anonymous.stat().st_mode) == 0o600 and stat.S_IMODE(anonymous.parent.stat().st_mode) == 0o700
