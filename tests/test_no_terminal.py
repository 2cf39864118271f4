"""The app without a terminal (stdin /dev/null, stdout a pipe: a script, cron, a CI job) says so in one
line and exits 2; it ran at 100% CPU until killed."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT


def _app(*args: str, tmp_path, stdin) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DIALOOG_TRANSCRIPTS": str(tmp_path / "transcripts")}
    return subprocess.run([sys.executable, "-m", "assistant", *args], stdin=stdin, capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60)


@pytest.mark.parametrize("args", [("new", "parent_dialogue", "--subject", "Noor"), ()])  # every app command starts alike
def test_without_a_terminal_the_app_says_so_and_stops(tmp_path, args):
    done = _app(*args, tmp_path=tmp_path, stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr == ("dialoog: the app needs a terminal (standard input and standard output are not one); "
                           "without one, use list, show, summary or export\n")
    assert not (tmp_path / "transcripts").exists()  # nothing was started


def test_a_terminal_for_input_but_a_pipe_for_output_is_said_too(tmp_path):
    main, other = os.openpty()
    try:
        done = _app("new", "parent_dialogue", "--subject", "Noor", tmp_path=tmp_path, stdin=other)
    finally:
        os.close(main)
        os.close(other)
    assert done.returncode == 2
    assert "(standard output is not one)" in done.stderr and len(done.stderr.splitlines()) == 1
