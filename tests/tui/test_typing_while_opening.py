"""Typing as soon as `dialoog resume` is started, before anything is drawn: no key is lost, and the letters
land in the waiting question's answer box (the conversation is open before the app reads a key)."""

from __future__ import annotations

from assistant.application.opening import start_new
from assistant.application.settings import NewMeta
from assistant.core.store import Store
from tests.tui.ptyapp import CTRL_Q, CTRL_S, PtyApp

WAITING = "Hoe is de relatie met ouders?"
NEXT = "Hoe zijn ouders betrokken"


def test_letters_typed_before_the_first_frame_are_the_waiting_questions_answer(tmp_path, library):
    folder = tmp_path / "transcripts"
    store = Store(folder, snapshot_delay=None)
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"))
    meeting.answer("De bus is te duur")
    meeting.session.close()
    store.close()
    app = PtyApp("resume", meeting.transcript.meta.id, "--transcripts", str(folder), cwd=tmp_path)
    app.type("Goed, ze bellen", pause=0)  # at once: the program is still starting
    app.wait_for(WAITING)
    app.type(CTRL_S)
    app.wait_for(NEXT)
    app.type(CTRL_Q)
    assert app.wait() == 0
    with Store(folder).resume(meeting.transcript.meta.id) as session:
        assert session.transcript.answers()["thuis.relatie-ouders"] == "Goed, ze bellen"
