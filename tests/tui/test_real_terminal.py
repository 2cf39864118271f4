"""The real `dialoog` in a pseudo-terminal: start a parent dialogue, kill the terminal, resume, quit."""

from __future__ import annotations

import subprocess
import sys

from assistant.core.store import Store
from tests.tui.ptyapp import CTRL_Q, CTRL_S, ROOT, PtyApp

FIRST = "Zijn er praktische problemen?"
SECOND = "Hoe is de relatie met ouders?"


def test_kill_the_terminal_mid_way_and_resume_where_it_stopped(tmp_path):
    folder = tmp_path / "transcripts"
    app = PtyApp("new", "parent_dialogue", "--facilitator", "An", "--subject", "Lotte", "--transcripts", str(folder),
                 cwd=tmp_path)
    app.wait_for(FIRST)
    app.type("De bus is te duur")
    app.type(CTRL_S)
    app.wait_for(SECOND)
    app.kill()  # the terminal is gone, with no chance to save anything more

    saved = Store(folder).list()
    assert len(saved) == 1 and saved[0].answers == 1
    again = PtyApp("resume", saved[0].id, "--transcripts", str(folder), cwd=tmp_path)
    again.wait_for(SECOND)
    again.wait_for("De bus is te duur")
    again.type("Goed")
    again.type(CTRL_S)
    again.wait_for("Hoe zijn ouders betrokken")
    again.type(CTRL_Q)
    assert again.wait() == 0
    transcript = Store(folder).load(saved[0].id)
    assert list(transcript.answers().values()) == ["De bus is te duur", "Goed"]


def test_command_line_errors_are_one_line_and_start_no_app(tmp_path):
    run = lambda *args: subprocess.run([sys.executable, "-m", "assistant", *args, "--transcripts", str(tmp_path)],  # noqa: E731
                                       capture_output=True, text=True, cwd=ROOT)
    unknown = run("new", "nope", "--facilitator", "An")
    assert unknown.returncode == 2 and unknown.stderr.startswith("dialoog: unknown script 'nope' (known: ")
    missing = run("resume", "abcd1234")
    assert missing.returncode == 1 and "no transcript 'abcd1234'" in missing.stderr
    assert "\x1b[" not in unknown.stdout + missing.stdout  # the terminal was never taken over
