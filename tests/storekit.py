"""Shared builders for the transcript-store tests (not a test module)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from assistant.core.store import Store
from assistant.core.transcript import Meta, Participant, Transcript
from assistant.core.transcript_files import TranscriptFiles, file_stem, yaml_document

ROOT = Path(__file__).resolve().parent.parent
RECORDER = Path(__file__).resolve().parent / "store_recorder.py"


def new_store(folder: Path) -> Store:
    # No background YAML rewrites: tests decide when the copy is written (close, snapshot()).
    return Store(folder, snapshot_delay=None)


def school(subject: str = "Sint-Jozefscollege Brussel", script: str = "school_dialogue", **meta) -> Transcript:
    meta.setdefault("participants", (Participant("Jan Peeters", "directie"), Participant("Els Maes", "zorgcoördinator")))
    meta.setdefault("facilitator", "An Claes")
    return Transcript.new(script, subject=subject, **meta)


def files_of(store: Store, session_or_name) -> TranscriptFiles:
    name = getattr(session_or_name, "name", session_or_name)
    return TranscriptFiles(store.root, name)


def write_yaml_only(folder: Path, transcript: Transcript) -> TranscriptFiles:
    """A transcript present only as its YAML copy (as if copied in from elsewhere)."""
    folder.mkdir(parents=True, exist_ok=True)
    files = TranscriptFiles(folder, file_stem(transcript))
    files.yaml.write_bytes(yaml_document(transcript))
    return files


def old_closed(script: str, subject: str, day: str, answers: dict) -> Transcript:
    """A closed transcript whose every timestamp lies on `day` (YYYY-MM-DD)."""
    stamp = f"{day}T10:00:00+01:00"
    transcript = Transcript(Meta(id=f"old{day.replace('-', '')}", script=script, created=stamp, updated=stamp,
                                 subject=subject))
    for question, value in answers.items():
        transcript = transcript.with_event(transcript.next_event("answer", at=stamp, question=question, value=value))
    transcript = transcript.with_event(transcript.next_event("close", at=stamp))
    return transcript.with_meta(status="closed")


def dialoog(*args: str, env: dict | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """Run the real `python -m assistant` in a subprocess."""
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True,
                          env=env, cwd=cwd or ROOT, timeout=60)
