"""Typing that was never sent survives a killed terminal: the real app in a pseudo-terminal is sent
SIGKILL after the facilitator typed (and paused), and `dialoog resume` puts the text back in the box.
The resumed box then takes ctrl+u and a new answer in one burst of keys, as tmux delivers them."""

from __future__ import annotations

import os
import pty

import pytest

from assistant.core import drafts
from assistant.core.store import Store
from assistant.core.transcript_files import TranscriptFiles
from tests.tui.ptyapp import CTRL_Q, CTRL_S, PtyApp
from tests.waiting import wait_until

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

FIRST = "Zijn er praktische problemen?"
SECOND = "Hoe is de relatie met ouders?"
TYPED = "De bus is te duur en ze moet"


def _the_transcript(folder):
    """The one transcript in `folder` (the app creates it just after showing the first question)."""
    infos = wait_until(lambda: Store(folder).list(), "the app has created the transcript")
    return infos[0]


def _wait_for_draft(path, text: str) -> None:
    wait_until(lambda: (draft := drafts.read(path)) is not None and draft.text == text,
               f"the typing is saved as a draft ({text!r})", detail=lambda: f"found {drafts.read(path)!r}")


def test_unsent_typing_is_back_in_the_box_after_a_kill(tmp_path):
    folder = tmp_path / "transcripts"
    app = PtyApp("new", "parent_dialogue", "--facilitator", "An", "--subject", "Lotte", "--transcripts", str(folder),
                 cwd=tmp_path)
    try:
        app.wait_for(FIRST)
        app.type(TYPED)  # key by key, never sent
        info = _the_transcript(folder)
        path = TranscriptFiles(folder, info.name).draft
        _wait_for_draft(path, TYPED)  # past the pause after typing
    finally:
        app.kill()  # the terminal is gone, with no chance to save anything more
    assert oct(path.stat().st_mode & 0o777) == "0o600"

    again = PtyApp("resume", info.id, "--transcripts", str(folder), cwd=tmp_path)
    try:
        again.wait_for(FIRST)
        again.wait_for("teruggezet")  # the notice that the unsent text was restored
        again.wait_for(TYPED)         # in the box: it was never sent, so it is nowhere else on screen
        os.write(again.fd, b"\x15Geen geld" + CTRL_S)  # one burst: clear the box, type, send
        again.wait_for(SECOND)
        again.type(CTRL_Q)
        assert again.wait() == 0
    finally:
        if again.status is None:
            again.kill()
    assert list(Store(folder).load(info.id).answers().values()) == ["Geen geld"]
    assert not path.exists()  # sent: the answer is in the journal, the draft is gone
