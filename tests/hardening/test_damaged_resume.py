"""A damaged transcript resumed in the real app, in a pseudo-terminal: the journal lost its last line (a sync
tool, a copy, a disk error) while the YAML copy still has it. The app opens at the question after the last
saved answer, says in Dutch what it repaired, and the meeting goes on with nothing lost; the damaged
journal is kept aside. (Every cut of the journal is tested through the store in test_store_reconcile.py.)"""

from __future__ import annotations

import pty
import stat

import pytest

from assistant.core.store import Store
from assistant.core.transcript import Transcript
from assistant.core.transcript_files import TranscriptFiles, read_yaml
from tests.tui.ptyapp import CTRL_Q, CTRL_S, PtyApp

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

SAID = {"thuis.praktische-problemen": "De bus is te duur.", "thuis.relatie-ouders": "Goed, ze steunen haar.",
        "thuis.betrokkenheid": "Ze komen naar elk oudercontact."}
NEXT = "Zijn er bepaalde gevoeligheden"


def test_a_journal_cut_short_is_resumed_in_the_app_with_nothing_lost(tmp_path):
    folder = tmp_path / "transcripts"
    store = Store(folder, snapshot_delay=None)
    with store.create(Transcript.new("parent_dialogue", subject="Noor", facilitator="An")) as session:
        for question, value in SAID.items():
            session.record("answer", question=question, value=value)
    files = TranscriptFiles(folder, session.name)
    whole = files.journal.read_bytes()
    files.journal.write_bytes(whole[:-40])  # the last answer's line cut off

    app = PtyApp("resume", session.id, "--transcripts", str(folder), cwd=tmp_path)
    try:
        app.wait_for(NEXT)  # where the meeting stopped: after the third answer, which only the copy still had
        app.wait_for("beschadigd")
        app.wait_for("hersteld")
        app.type("Nee." + CTRL_S.decode())
        app.wait_for("Waar botsen ouders op")
        app.type(CTRL_Q)
        assert app.wait() == 0
    finally:
        if app.status is None:
            app.kill()
    expected = {**SAID, "thuis.gevoeligheden": "Nee."}
    assert Store(folder).load(session.id).answers() == expected
    assert read_yaml(files.yaml).answers() == expected  # each copy holds everything
    (kept,) = (folder / ".damaged").iterdir()
    assert kept.read_bytes() == whole[:-40] and stat.S_IMODE(kept.stat().st_mode) == 0o600
