"""`dialoog summary` and `dialoog sheet`, run as a facilitator runs them: real processes, a real store."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core.store import Store
from assistant.core.transcript import Transcript
from tests.summary import conversations
from tests.summary.mdcheck import shape


def dialoog(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIALOOG_CACHE": str(cwd / "cache")}
    env.pop("DIALOOG_TRANSCRIPTS", None)
    return subprocess.run([sys.executable, "-m", "assistant", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def stored(tmp_path_factory) -> tuple[Path, str]:
    """A transcripts folder holding the parent conversation, as the app would have saved it."""
    root = tmp_path_factory.mktemp("cli")
    transcript, _, _ = conversations.parent()
    meta = transcript.meta
    store = Store(root / "transcripts")
    fresh = Transcript.new(meta.script, subject=meta.subject, facilitator=meta.facilitator,
                           participants=[(p.name, p.role) for p in meta.participants])
    with store.create(fresh) as session:
        for event in transcript.events:
            session.record(str(event.kind), **dict(event.data))
    store.close()
    return root, fresh.meta.id


def test_summary_prints_markdown_from_the_store(stored) -> None:
    root, ident = stored
    result = dialoog("summary", ident, "--transcripts", "transcripts", cwd=root)
    assert result.returncode == 0, result.stderr
    doc = shape(result.stdout)
    assert doc.headings[0] == (1, "Samenvatting: Gesprek met de ouders (Window of Tolerance)")  # the script's title
    assert (2, "Window of Tolerance") in doc.headings
    assert "Wordt gepest in de bus" in doc.text


def test_summary_to_a_file_is_private_and_never_overwritten_without_force(stored) -> None:
    root, ident = stored
    target = root / "samenvatting.md"
    first = dialoog("summary", ident, "--transcripts", "transcripts", "-o", str(target), "--lang", "en", "--anonymise", cwd=root)
    assert first.returncode == 0, first.stderr
    text = target.read_text(encoding="utf-8")
    assert "## Priorities" in text and "Fatima" not in text and "\\[leerling\\] (3B)" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    target.write_text("mine", encoding="utf-8")
    again = dialoog("summary", ident, "--transcripts", "transcripts", "-o", str(target), cwd=root)
    assert again.returncode == 1
    assert again.stderr.strip() == f"dialoog: {target} already exists; use --force to overwrite it"
    assert target.read_text(encoding="utf-8") == "mine"
    forced = dialoog("summary", ident, "--transcripts", "transcripts", "-o", str(target), "--force", cwd=root)
    assert forced.returncode == 0 and target.read_text(encoding="utf-8").startswith("# Samenvatting")


def test_an_unknown_transcript_is_one_line_not_a_traceback(stored) -> None:
    root, _ = stored
    result = dialoog("summary", "doesnotexist", "--transcripts", "transcripts", cwd=root)
    assert result.returncode == 1
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert result.stdout == ""


def test_sheet_of_a_bundled_script_and_its_errors(tmp_path) -> None:
    result = dialoog("sheet", "school_dialogue", "--basis-only", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    doc = shape(result.stdout)
    assert doc.headings[0][1].startswith("Gespreksleidraad: ")
    assert "Welke prioriteiten leggen we?" in doc.text and "Verdiepende vragen" not in doc.text
    unknown = dialoog("sheet", "geen_script", cwd=tmp_path)
    assert unknown.returncode == 2 and unknown.stderr.startswith("dialoog: unknown script 'geen_script' (bundled: ")
    bad_lang = dialoog("sheet", "school_dialogue", "--lang", "fr", cwd=tmp_path)
    assert bad_lang.returncode == 2 and "invalid choice: 'fr'" in bad_lang.stderr
