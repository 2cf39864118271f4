"""Killing the real app at random moments loses no answer whose acknowledgement reached the screen.

The app runs as `dialoog new school_phases` in a pseudo-terminal, as a facilitator would run it.
Answers are typed key by key and sent; the app asks the next question only once the answer is
durable, so the next question's text on the screen is the acknowledgement. The process is killed
(SIGKILL, no chance to clean up) at a random moment: while typing, right after sending, or after
the acknowledgement. Every acknowledged answer must then be in the transcript read back from disk,
exactly as typed, and the transcript must open again for writing (the lock died with the process).
A meeting killed before its first acknowledgement may not have its transcript yet (a send waits for it).
"""

from __future__ import annotations

import fcntl
import os
import pty
import random
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

import pytest

from assistant.core import locations
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.store import Store
from tests.tui.ptyapp import terminal_environment
from tests.waiting import wait_until

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

SCRIPT = "school_phases"  # its first section asks a dozen text questions in a row
TRIALS = 7
ROWS, COLUMNS = 50, 220  # wide enough that no question text wraps
ESCAPES = re.compile(rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-_]")
SEND = b"\x13"  # ctrl+s sends a text answer


class Terminal:
    """The app in a pseudo-terminal: keys in, the screen's text out (escape sequences removed)."""

    def __init__(self, argv: list[str]):
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: becomes the app
            try:
                fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", ROWS, COLUMNS, 0, 0))
                os.execve(sys.executable, [sys.executable, "-m", "assistant", *argv],
                          terminal_environment())
            finally:
                os._exit(127)
        self.raw = bytearray()

    def pump(self, seconds: float) -> None:
        end = time.monotonic() + seconds
        while True:
            left = end - time.monotonic()
            if left <= 0:
                return
            ready, _, _ = select.select([self.fd], [], [], min(left, 0.02))
            if ready:
                try:
                    chunk = os.read(self.fd, 65536)
                except OSError:  # the app is gone
                    return
                if not chunk:
                    return
                self.raw.extend(chunk)

    @property
    def text(self) -> str:
        return ESCAPES.sub(b"", bytes(self.raw)).decode("utf-8", "replace")

    def wait_for(self, needle: str, timeout: float) -> bool:
        return wait_until(lambda: needle in self.text, f"{needle!r} is on screen", timeout=timeout,
                          between=lambda: self.pump(0.05), detail=lambda: self.text[-2000:])

    def type(self, data: bytes) -> None:
        os.write(self.fd, data)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        os.waitpid(self.pid, 0)
        self.pump(0.2)  # what the app wrote before it died is still in the terminal's buffer
        os.close(self.fd)


def _questions() -> list[tuple[str, str]]:
    """(id, a snippet of its text that identifies it on screen) for the first questions of the walk."""
    banks = load_bank_folder(locations.banks_dir())
    script = load_script_folder(locations.scripts_dir(), banks)[SCRIPT]
    index = {q.id: q for bank in banks.values() for q in bank.questions()}
    first_unit = script.units[0].basis
    return [(qid, index[qid].text[:26]) for qid in first_unit]


def _trial(folder: Path, rng: random.Random, questions: list[tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """One meeting killed at a random moment: returns (acknowledged answers, sent answers)."""
    terminal = Terminal(["new", SCRIPT, "--transcripts", str(folder), "--facilitator", "An Claes", "--subject", "Testschool"])
    acknowledged: dict[str, str] = {}
    sent: dict[str, str] = {}
    try:
        assert terminal.wait_for(questions[0][1], timeout=30), f"the first question never showed:\n{terminal.text[-2000:]}"
        planned = rng.randrange(1, len(questions) - 1)
        for n in range(planned):
            qid, _ = questions[n]
            next_snippet = questions[n + 1][1]
            assert next_snippet not in terminal.text, f"'{next_snippet}' was on screen before it was asked"
            answer = f"antwoord {rng.randrange(10**6)} op vraag {n + 1}"
            last = n == planned - 1
            cut = rng.randrange(len(answer)) if last and rng.random() < 0.25 else None
            for i, char in enumerate(answer):  # key by key, as a person types
                if i == cut:
                    return acknowledged, sent  # killed half-way through typing
                terminal.type(char.encode())
                terminal.pump(0.002)
            terminal.wait_for(answer, timeout=5)  # the box shows it: send what was typed
            terminal.type(SEND)
            sent[qid] = answer
            if last:
                # Killed before, during or after the save: mostly within its first few milliseconds.
                terminal.pump(rng.random() * rng.choice((0.001, 0.005, 0.02, 0.1, 0.3)))
                break
            assert terminal.wait_for(next_snippet, timeout=15), f"no acknowledgement for {qid}:\n{terminal.text[-2000:]}"
            acknowledged[qid] = answer
        return acknowledged, sent
    finally:
        terminal.kill()
        for n, (qid, _) in enumerate(questions[:-1]):  # an acknowledgement that reached the screen at the very end
            if qid in sent and qid not in acknowledged and questions[n + 1][1] in terminal.text:
                acknowledged[qid] = sent[qid]


def test_killing_the_app_at_random_moments_loses_no_acknowledged_answer(tmp_path: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    questions = _questions()
    assert len(questions) >= 4 and len({s for _, s in questions}) == len(questions)
    started = time.monotonic()
    for trial in range(TRIALS):
        if time.monotonic() - started > 40:  # a slow machine runs fewer trials, never a long test
            break
        folder = tmp_path / f"trial{trial}"
        acknowledged, sent = _trial(folder, rng, questions)
        store = Store(folder, snapshot_delay=None)
        try:
            infos = store.list()
            if not infos and not acknowledged:
                # Killed before the app had made the transcript (before its first frame): nothing
                # was acknowledged.
                continue
            assert len(infos) == 1 and infos[0].readable, (seed, trial, infos)
            answers = store.load(infos[0].name).answers()
            for qid, answer in acknowledged.items():
                assert answers.get(qid) == answer, f"seed {seed}, trial {trial}: acknowledged answer to {qid} lost"
            assert set(answers) <= set(sent), (seed, trial, answers, sent)  # nothing that was never sent
            with store.resume(infos[0].name):  # the dead process's lock is gone
                pass
        finally:
            store.close()
