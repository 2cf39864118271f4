"""The real app in a pseudo-terminal: spawn `dialoog`, type bytes, read what it draws (not a test module)."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

from tests.waiting import TIMEOUT, wait_until

ROOT = Path(__file__).resolve().parents[2]
ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
CTRL_S, CTRL_Q, ENTER = b"\x13", b"\x11", b"\r"


def terminal_environment() -> dict[str, str]:
    """This process's environment for a program in a pseudo-terminal of its own size. Without COLUMNS and
    LINES: pytest imports readline, which in a worker without a terminal exports COLUMNS=80 and LINES=24,
    and Textual takes those over the pseudo-terminal's size (the three-meeting replay ran at 80x24
    instead of 160x50 in one full run in three, and its question texts wrapped)."""
    drop = {"COLUMNS", "LINES"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, "TERM": "xterm-256color"}


class PtyApp:
    running: set[PtyApp] = set()  # ended by `end_all` after each test (tests/conftest.py), also a failed one
    def __init__(self, *args: str, cwd: Path, size: tuple[int, int] = (80, 24), env: dict | None = None) -> None:
        argv = [sys.executable, "-m", "assistant", *args]
        environment = {**terminal_environment(), "PYTHONPATH": str(ROOT), **(env or {})}
        self.pid, self.fd = pty.fork()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", size[1], size[0], 0, 0))
            os.chdir(cwd)
            os.execvpe(argv[0], argv, environment)
        self.output = b""
        self.status: int | None = None
        PtyApp.running.add(self)

    def _read(self, timeout: float) -> None:
        """What the program drew, waiting for it at most `timeout` seconds (a poll's interval)."""
        ready, _, _ = select.select([self.fd], [], [], timeout)
        if ready:
            try:
                self.output += os.read(self.fd, 65536)
            except OSError:  # the program ended: nothing more to read, so no busy loop either
                time.sleep(timeout)

    def text(self) -> str:
        return ANSI.sub(b"", self.output).decode("utf-8", "replace")

    def _shown(self) -> str:
        return f"the screen showed:\n{self.text()[-3000:]}"

    def wait_for(self, text: str, timeout: float = TIMEOUT) -> None:
        """Until `text` has been drawn (anywhere, since the last `clear`)."""
        wait_until(lambda: text in self.text(), f"{text!r} is drawn", timeout=timeout,
                   between=lambda: self._read(0.05), detail=self._shown)

    def wait_until(self, condition, what: str, timeout: float = TIMEOUT):
        """Until `condition()` (state the program writes, such as its journal) holds, reading what it draws
        meanwhile so that it never waits on a full terminal."""
        return wait_until(condition, what, timeout=timeout, between=lambda: self._read(0.05), detail=self._shown)

    def clear(self) -> None:
        self.output = b""

    def type(self, data: bytes | str, pause: float = 0.02) -> None:
        """Key by key, `pause` seconds apart: the rhythm of a fast typist (the behaviour under test),
        not a wait for the program, which the next `wait_for` does."""
        for char in data.encode() if isinstance(data, str) else [data]:
            os.write(self.fd, bytes([char]) if isinstance(char, int) else char)
            time.sleep(pause)
            self._read(0)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)
        self.wait()

    def wait(self, timeout: float = TIMEOUT) -> int:
        def ended() -> bool:
            if self.status is None:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
                if pid:
                    self.status = os.waitstatus_to_exitcode(status)
            return self.status is not None

        try:
            wait_until(ended, "the app has ended", timeout=timeout, between=lambda: self._read(0.05), detail=self._shown)
        except AssertionError:
            os.kill(self.pid, signal.SIGKILL)
            raise
        os.close(self.fd)
        PtyApp.running.discard(self)
        return self.status

    @classmethod
    def end_all(cls) -> None:
        """Close the terminal of every app a test left running (a wait that failed): it ends on the hangup,
        and is killed if it does not, so no app outlives its test."""
        for app in list(cls.running):
            cls.running.discard(app)
            try:
                os.close(app.fd)
            except OSError:
                pass
            try:
                wait_until(lambda: os.waitpid(app.pid, os.WNOHANG)[0], "the app has ended on the hangup", timeout=5)
            except (AssertionError, ChildProcessError):
                try:
                    os.kill(app.pid, signal.SIGKILL)
                    os.waitpid(app.pid, 0)
                except (OSError, ChildProcessError):
                    pass
