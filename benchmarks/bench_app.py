"""The app: start-up to the first question on screen, and the time per sent answer with a full log.

Start-up is measured on whole processes in a pseudo-terminal (80x24), from spawning the process to
the moment the first question's text has been written to the terminal; the baseline is a bare
Textual app that shows the same widgets as our first screen (a top line, two messages, a TextArea, a
status line, an Input, a key line; Textual's default styles, none of our code), measured the same way,
interleaved with ours in the same run (target: within 1.25x). `dialoog resume` of a transcript with a
few answers is measured against the same baseline, and that baseline against a bare Textual app that
shows one line: what these widgets cost Textual to start, before anything of ours.

Sending is measured with Pilot on a school dialogue whose log is full (every question answered,
plus notes, a few hundred messages) against the same sends on a short log: from the key press to
the next question on screen (the transcript event durable, the engine re-run, the log updated,
the frame rendered). Editing an early answer is measured the same way.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import pty
import re
import select
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

from benchmarks.timing import row

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = "parent_dialogue"
MARKER = b"Zijn er praktische problemen"
RESUMED_MARKER = b"Hoe zijn ouders betrokken"  # the third question, waiting after two answers
BARE_APP = '''
from textual.app import App
from textual.widgets import Static


class Bare(App):
    def compose(self):
        yield Static("Zijn er praktische problemen")


Bare().run()
'''
WIDGETS_APP = '''
from textual.app import App
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static, TextArea


class Widgets(App):
    def compose(self):
        yield Static("Oudergesprek · Start · 0 min")
        with Horizontal():
            with Vertical():
                yield Static("── Thuis ──")
                yield Static("Zijn er praktische problemen? (vervoer, opvang, geld)")
        with Vertical():
            yield TextArea()
            yield Static("")
            yield Input(compact=True)
        yield Static("ctrl+s versturen · / commando · ctrl+q stoppen")

    def on_mount(self):
        self.query_one(TextArea).focus()


Widgets().run()
'''
_ANSI = re.compile(rb"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[PX^_][^\x1b]*\x1b\\|[@-Z\\-_])")
TARGET_MESSAGES = 300


# -- start-up, whole processes ---------------------------------------------------------------------
def child_env(cache: Path) -> dict[str, str]:
    """Both programs start as they would on a user's machine: with compiled bytecode (kept in a
    private cache here, filled by the warm-up runs, so that nothing is written beside the sources)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(TERM="xterm-256color", PYTHONPYCACHEPREFIX=str(cache))
    return env


def time_to_marker(argv: list[str], marker: bytes, cwd: Path, env: dict[str, str], timeout: float = 30.0) -> float:
    """Seconds from spawning `argv` in an 80x24 pseudo-terminal until `marker` is on its screen."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: size the terminal, then become the program
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.chdir(cwd)
        os.execvpe(argv[0], argv, env)
    screen = b""
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if not ready:
                continue
            try:
                screen += os.read(fd, 65536)
            except OSError:
                break
            if marker in _ANSI.sub(b"", screen):
                return time.perf_counter() - start
        raise RuntimeError(f"{' '.join(argv)}: no {marker!r} on screen within {timeout:g} s")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def _resumable(folder: Path) -> str:
    """A parent dialogue with its first two answers, closed, to resume (made with the core, untimed)."""
    from assistant.application.library import load_library
    from assistant.core.store import Store
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta

    store = Store(folder / "transcripts", snapshot_delay=None)
    meeting = start_new(store, load_library(), SCRIPT, NewMeta("Bench", "Hervat"))
    meeting.answer("De bus is te duur")
    meeting.answer("Goed")
    meeting.session.close()
    store.close()
    return meeting.transcript.meta.id


def startup_rows(runs: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "bare.py").write_text(BARE_APP, encoding="utf-8")
        (folder / "widgets.py").write_text(WIDGETS_APP, encoding="utf-8")
        transcripts = str(folder / "transcripts")
        programs = {
            "dialoog": ([sys.executable, "-m", "assistant", "new", SCRIPT, "--facilitator", "Bench", "--subject", "Start",
                         "--transcripts", transcripts], MARKER),
            "resume": ([sys.executable, "-m", "assistant", "resume", _resumable(folder), "--transcripts", transcripts],
                       RESUMED_MARKER),
            "widgets": ([sys.executable, str(folder / "widgets.py")], MARKER),
            "bare": ([sys.executable, str(folder / "bare.py")], MARKER),
        }
        env = child_env(folder / "pycache")
        env["PYTHONPATH"] = os.pathsep.join(p for p in (str(ROOT), env.get("PYTHONPATH", "")) if p)
        times: dict[str, list[float]] = {name: [] for name in programs}
        for n in range(runs + 2):  # interleaved; the first two rounds fill the bytecode and bank caches
            for name, (argv, marker) in programs.items():
                seconds = time_to_marker(argv, marker, folder, env)  # to the marker, not to the kill
                if n >= 2:
                    times[name].append(seconds * 1000)
    widgets = "bare Textual app with the first screen's widgets"
    return [row(f"start-up to the first question on screen (`dialoog new {SCRIPT}`, pty 80x24)", times["dialoog"],
                widgets, times["widgets"]),
            row("start-up to the waiting question of a resumed conversation (`dialoog resume`, 2 answers)",
                times["resume"], widgets, times["widgets"]),
            row("for comparison: a bare Textual app with the first screen's widgets (TextArea, Input, 5 Static)",
                times["widgets"], "bare Textual app showing one line", times["bare"])]


# -- sending, in the app with Pilot ---------------------------------------------------------------
def _sample(question):
    kind = str(question.type)
    return {"text": "zoals besproken", "yes_no": "ja", "choice": "1", "multi_choice": "1", "number": "3",
            "scale": "6", "counts": {"B": {"0-5": 2}}, "actions": [{"wat": "bel ouders", "wie": "CLB"}],
            "factors": {"groter": ["steun"], "kleiner": ["ruzie"]}}[kind]


def _keys(question) -> list[str]:
    kind = str(question.type)
    if kind == "text":
        return [*"ok", "ctrl+s"]
    return {"yes_no": ["j", "enter"], "choice": ["1", "enter"], "multi_choice": ["1", "enter"], "scale": ["6", "enter"],
            "number": ["3", "enter"], "counts": ["2", "enter"], "actions": [*"bel ouders", "enter", *"CLB", "ctrl+s"],
            "factors": [*"steun oma", "tab", *"ruzie", "ctrl+s"]}.get(kind, ["ctrl+s"])


def _school_log(store, library, *, full: bool, keep: int):
    """A school dialogue whose next `keep` questions are text questions of the policy section.

    `full`: every other question is answered (all deepening ones chosen) and notes pad the log to
    TARGET_MESSAGES; otherwise only the two sections before it are answered (a short log)."""
    from assistant.application.chatlog import build_log
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta

    meeting = start_new(store, library, "school_dialogue", NewMeta("Bench", "Volle school" if full else "Korte school"))
    script = meeting.script
    policy = next(u for u in script.units if u.section == "beleid")
    open_now = set(policy.basis[-keep:])
    before = [q for u in script.units[: script.units.index(policy)] for q in u.basis]
    wanted = [q for q in script.walked_questions() if q not in open_now] if full else before
    for qid in wanted:
        meeting.jump(qid)
        meeting.answer(_sample(meeting.question(qid)))
    if not full:
        while meeting.prompt() is None and meeting.view.pending_selection:
            meeting.choose([])  # nothing deepening: on to the policy section
    notes = 0
    while full and len(build_log(meeting.transcript, meeting.view, meeting.places, meeting.prompt())) < TARGET_MESSAGES:
        meeting.note(f"notitie {notes}: wie volgt dit op en wanneer komen we erop terug?", wanted[notes % len(wanted)])
        notes += 1
    assert meeting.prompt() is not None and str(meeting.prompt().question.type) == "text"
    meeting.session.close()
    return meeting.transcript.meta.id


async def _measure_sends(app, sends: int, edits: int) -> tuple[list[float], list[float], int]:
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()  # the meeting opens in a worker
        await pilot.pause()
        screen = app.screen
        while getattr(screen, "meeting", None) is None:  # the screen opens its meeting in a worker thread
            await pilot.pause(0.01)
        messages = len(screen.log_view.entries)  # the whole log (the newest are mounted, see widgets/chat.py)
        send_times = []
        for _ in range(sends * 3):
            if len(send_times) == sends:
                break
            prompt = screen.meeting.prompt()
            pending = screen.meeting.view.pending_selection
            if prompt is None and pending:  # a section's deepening questions: pick them all, untimed
                await pilot.pause()
                await pilot.press(*(["space", "down"] * len(pending)), "enter")
                await pilot.pause()
                continue
            if prompt is None:
                break
            keys = _keys(prompt.question)
            await pilot.press(*keys[:-1])
            await pilot.pause()
            before = len(screen.meeting.transcript.events)
            start = time.perf_counter()
            await pilot.press(keys[-1])
            await pilot.pause()
            elapsed = (time.perf_counter() - start) * 1000
            if len(screen.meeting.transcript.events) == before:
                break  # the answer was refused: what was timed was no send
            send_times.append(elapsed)
        edit_times = []
        first = screen.meeting.answered_order()[0]
        for n in range(edits):
            value = {"B": {"0-5": n + 1}}  # the first answer is the absence-code table
            start = time.perf_counter()
            await screen.act(lambda: screen.meeting.edit(first, value), focus=False)
            await pilot.pause()
            edit_times.append((time.perf_counter() - start) * 1000)
        await pilot.press("ctrl+q")
    return send_times, edit_times, messages


def send_rows(runs: int) -> list[dict]:
    import textual._wait as wait

    from assistant.application.library import load_library
    from assistant.core.store import Store
    from assistant.tui.app import DialoogApp
    from assistant.application.settings import Settings, Start

    library = load_library()
    granularity = wait.SLEEP_GRANULARITY
    wait.SLEEP_GRANULARITY = 0.001  # Pilot's idle polling; the same for both measurements
    try:
        with tempfile.TemporaryDirectory() as tmp:
            store = Store(Path(tmp), snapshot_delay=None)
            settings = dict(cursor_blink=False, clock=lambda: 0.0)
            full = _school_log(store, library, full=True, keep=runs + 1)
            app = DialoogApp(store=store, library=library, settings=Settings(start=Start("resume", ref=full), **settings))
            sends, edits, messages = asyncio.run(_measure_sends(app, runs, runs))
            short = _school_log(store, library, full=False, keep=runs + 1)
            app = DialoogApp(store=store, library=library, settings=Settings(start=Start("resume", ref=short), **settings))
            base_sends, base_edits, short_messages = asyncio.run(_measure_sends(app, runs, runs))
            store.close()
    finally:
        wait.SLEEP_GRANULARITY = granularity
    return [
        row(f"send a text answer, school dialogue log of {messages} messages (Pilot, key to frame)", sends,
            f"the same, log of {short_messages} messages", base_sends),
        row(f"edit the first answer in place, log of {messages} messages (engine re-run, log updated)", edits,
            f"the same, log of {short_messages} messages", base_edits),
    ]


def run(quick: bool = False) -> list[dict]:
    # Whole processes on a shared machine spread widely (a third of the median): 15 rounds for start-up.
    return startup_rows(3 if quick else 15) + send_rows(3 if quick else 7)


if __name__ == "__main__":  # pragma: no cover - for running this benchmark alone
    for line in run(quick="--quick" in sys.argv):
        print(line)
