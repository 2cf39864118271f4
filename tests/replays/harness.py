"""A whole meeting typed into the real app in a pseudo-terminal, as a fast facilitator types it: each
action is one burst of bytes written at once (no wait between its keys), and the next burst comes when
what a facilitator would look for has happened (the answer is saved, a dialog is up), never after a
fixed time. Afterwards the journal, the YAML copy and the summary are compared with golden files.

The real app (`python -m assistant`, tests/tui/ptyapp.PtyApp) writes the transcript; this side only
reads what is on disk, with the core, to know when an answer is saved and what the walk asks next.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from assistant.core.bank import AnswerType, Question
from assistant.core.engine import evaluate
from assistant.core.store import Store
from assistant.core.transcript import EventKind, Transcript
from tests.waiting import wait_until
from tests.tui.ptyapp import PtyApp

# The bytes a terminal sends for the keys a facilitator uses.
KEYS = {
    "enter": b"\r", "tab": b"\t", "shift+tab": b"\x1b[Z", "backspace": b"\x7f", "escape": b"\x1b",
    "up": b"\x1b[A", "down": b"\x1b[B", "right": b"\x1b[C", "left": b"\x1b[D", "space": b" ",
    "ctrl+s": b"\x13", "ctrl+b": b"\x02", "ctrl+f": b"\x06", "ctrl+l": b"\x0c", "ctrl+n": b"\x0e",
    "ctrl+t": b"\x14", "ctrl+g": b"\x07", "ctrl+u": b"\x15", "ctrl+q": b"\x11", "ctrl+o": b"\x0f",
    "f1": b"\x1bOP", "f4": b"\x1bOS", "f6": b"\x1b[17~", "f7": b"\x1b[18~", "f12": b"\x1b[24~",
}
GOLDEN = Path(__file__).parent / "golden"
UPDATE = bool(os.environ.get("DIALOOG_UPDATE_GOLDEN"))


def keys(*parts: str) -> bytes:
    """'ctrl+s', 'tab' ... by name; anything else is typed as text (a line break as Enter, as typed)."""
    return b"".join(KEYS.get(part, part.replace("\n", "\r").encode()) for part in parts)


def keys_for(question: Question, text: str) -> bytes:
    """What a facilitator types to answer `question` with `text` and send it (a list's first option,
    a score or number as its digits, the first factor Tab the second)."""
    kind = question.type
    if kind is AnswerType.TEXT:
        return keys(text, "ctrl+s")
    if kind is AnswerType.YES_NO:
        return keys(text or "j", "enter")
    if kind in (AnswerType.CHOICE, AnswerType.NUMBER, AnswerType.SCALE):
        return keys(text, "enter")
    if kind is AnswerType.MULTI_CHOICE:
        return keys(*[c for c in text], "enter")  # the digits of the options, each toggles its option
    if kind is AnswerType.FACTORS:
        larger, _, smaller = text.partition("|")
        return keys(larger, "tab", smaller, "ctrl+s")
    raise AssertionError(f"type the keys for {question.id} ({kind}) in the replay itself")


@dataclass
class Meeting:
    """One meeting in the real app, in a pseudo-terminal at 80x24."""

    folder: Path
    library: Any
    app: PtyApp | None = None
    ident: str | None = None
    typed: list[str] = field(default_factory=list)   # what was sent, for a failure's message
    _cache: tuple[tuple[Path, int], Transcript] | None = None
    _view: tuple[Transcript, Any] | None = None

    # -- the app ------------------------------------------------------------------------------------
    def start(self, *args: str, size: tuple[int, int] = (80, 24)) -> None:
        self.app = PtyApp(*args, "--transcripts", str(self.folder), cwd=self.folder.parent, size=size)

    def send(self, data: bytes) -> None:
        """One burst: every byte written at once, as a fast typist (or tmux) delivers it."""
        self.typed.append(data.decode("utf-8", "replace"))
        os.write(self.app.fd, data)

    def see(self, text: str, timeout: float = 20.0) -> None:
        """Until the screen has drawn `text` since the last `look`."""
        self.app.wait_for(text, timeout)

    def see_checklist(self) -> tuple[str, ...]:
        """Until the deepening checklist the walk offers is up (drawn by the dialog itself: its title, then
        its intro; the log names the checklist before the dialog opens, and the section before may have
        had one). Returns the questions offered, in the list's order."""
        from assistant.application.chatlog import checklist_where
        from assistant.core.questions import QuestionIndex

        offered = wait_until(self.pending, "a checklist offered")
        title = f"Verdiepende vragen: {checklist_where(QuestionIndex(self.library.banks), offered)}"
        shown = re.compile(re.escape(title) + r".{0,600}?Kies met spatie", re.S)
        wait_until(lambda: self.app._read(0) or shown.search(" ".join(self.app.text().split())), f"the checklist '{title}'")
        return offered

    def checklist(self, picks: list[int], *, typed_ahead: bool = False) -> list[str]:
        """A section's deepening checklist: wait until it is up, then pick the options at `picks` (their
        places) in one burst of arrows, spaces and Enter; with `typed_ahead`, the facilitator typed on
        into it first (an arrow goes back to the list, on its second option). Returns the ids picked."""
        offered = self.see_checklist()
        steps, at = [], 0
        if typed_ahead:
            steps, at = ["down"], 1
        for place in picks:
            steps += ["up" if place < at else "down"] * abs(place - at) + ["space"]
            at = place
        self.send(keys(*steps, "enter"))
        # every option decided (recorded one by one; the next section's checklist may follow at once)
        wait_until(lambda: not set(offered) & set(self.pending()), "the checklist confirmed")
        return [offered[p] for p in picks]

    def finish(self) -> None:
        """F7, confirmed: the meeting is closed and its summary shown; then quit."""
        self.look()
        self.send(keys("f7"))
        self.see("Gesprek afronden?")
        self.send(keys("enter"))
        wait_until(lambda: self.transcript().meta.status == "closed", "the meeting closed")
        self.see("Samenvatting")

    def look(self) -> None:
        """Forget what was drawn so far: `see` waits for what comes next."""
        self.app._read(0)
        self.app.clear()

    def quit(self) -> None:
        self.send(keys("ctrl+q"))
        assert self.app.wait() == 0, "the app did not quit cleanly"

    def kill(self) -> None:
        self.app.kill()

    # -- what is on disk ----------------------------------------------------------------------------
    def journal(self) -> Path:
        """The meeting's journal, once the app has written its head (it is made empty, then filled)."""
        files = wait_until(lambda: sorted(f for f in self.folder.glob("*.journal") if f.stat().st_size > 0), "a journal on disk")
        path = next((f for f in files if self.ident is None or self.ident in f.name), None)
        assert path is not None, f"no journal for {self.ident} in {files}"
        return path

    def transcript(self) -> Transcript:
        """The transcript on disk (read again only when the journal has grown: the polls stay cheap, and
        the app keeps the machine's cores)."""
        path = self.journal()
        size = path.stat().st_size
        if self._cache is None or self._cache[0] != (path, size):
            self._cache = ((path, size), Store(self.folder).load(path))
        return self._cache[1]

    def view(self) -> Any:
        """The engine's view of the transcript on disk."""
        transcript = self.transcript()
        if self._view is None or self._view[0] is not transcript:
            script = self.library.scripts[transcript.meta.script]
            self._view = (transcript, evaluate(script, self.library.banks, transcript))
        return self._view[1]

    def said(self) -> int:
        """How many answers and notes are on disk."""
        self.app._read(0)  # keep the terminal's buffer drained while waiting
        return sum(1 for e in self.transcript().events if e.kind in (EventKind.ANSWER, EventKind.NOTE))

    def saved(self, before: int, what: str) -> None:
        """Until one more answer or note than `before` is on disk (the facilitator sees the next question)."""
        wait_until(lambda: self.said() > before, f"{what}: saved (typed so far: {self.typed[-3:]})")

    def events(self, kind: EventKind) -> list[Any]:
        return [e for e in self.transcript().events if e.kind is kind]

    def next_question(self) -> Question | None:
        """What the walk asks next, as the engine reads the transcript on disk."""
        view = self.view()
        if view.next_question is None:
            return None
        return next(b.question(view.next_question) for b in self.library.banks.values() if view.next_question in b)

    def log(self) -> list[Any]:
        """The chat log as the app derives it from the transcript on disk (what ctrl+f and ctrl+l walk)."""
        from assistant.core.questions import QuestionIndex
        from assistant.application.chatlog import build_log

        transcript = self.transcript()
        script = self.library.scripts[transcript.meta.script]
        view = self.view()
        banks = [self.library.banks[b] for b in script.banks] + [b for k, b in self.library.banks.items() if k not in script.banks]
        return build_log(transcript, view, QuestionIndex(banks), None)

    def suggestion_steps(self, key: str) -> list[str]:
        """The arrow keys from where ctrl+f starts (the first suggestion waiting) to suggestion `key`."""
        from assistant.application.log_entries import SuggestionEntry

        waiting = [e.suggestion_key for e in self.log() if isinstance(e, SuggestionEntry) and not e.decision]
        return ["down"] * waiting.index(key)

    def answer_steps(self, question: str) -> list[str]:
        """The arrow keys from where ctrl+l starts (the newest answer) to the answer to `question`."""
        from assistant.application.log_entries import AnswerEntry

        answers = [e.question_id for e in self.log() if isinstance(e, AnswerEntry) and e.editable]
        return ["up"] * (len(answers) - 1 - answers.index(question))

    def pending(self) -> tuple[str, ...]:
        return self.view().pending_selection

    def answer(self, text: str, *, question: str | None = None) -> str:
        """Answer the question waiting (checked against the walk when `question` is given) in one burst
        and wait until it is saved; returns its id."""
        asked = self.next_question()
        assert asked is not None, "no question waits"
        if question is not None:
            assert asked.id == question, f"the walk asks {asked.id}, the replay expected {question}"
        before = self.said()
        self.look()  # what comes after this answer (a checklist, a dialog) is looked for from here
        self.send(keys_for(asked, text))
        self.saved(before, asked.id)
        return asked.id


# -- comparing with the golden files -----------------------------------------------------------------
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}(T[0-9:+.-]+)?")
_ID = re.compile(r"\b[0-9a-f]{8}\b")


def record(transcript: Transcript, ids: dict[str, str]) -> dict[str, Any]:
    """The transcript as the golden files hold it: what was said and decided, field by field, without
    what differs from run to run (times, ids, the clock's seconds). `ids` names the transcripts' ids."""
    meta = transcript.meta
    events = []
    for event in transcript.events:
        if event.kind is EventKind.CLOCK:
            continue
        events.append(_stable({"kind": str(event.kind), **dict(event.data)}, ids))
    return {
        "meta": _stable({"script": meta.script, "status": meta.status, "facilitator": meta.facilitator,
                         "subject": meta.subject, "participants": [f"{p.name} ({p.role})" for p in meta.participants],
                         "follows": meta.follows, "prepared_by": meta.prepared_by, "carried": meta.carried.to_plain()}, ids),
        "events": events,
    }


def _stable(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, dict):
        return {str(k): _stable(v, ids) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_stable(v, ids) for v in value]
    if isinstance(value, str):
        return _stable_text(value, ids)
    return value


def _stable_text(text: str, ids: dict[str, str]) -> str:
    for ident, name in ids.items():
        text = text.replace(ident, f"<{name}>")
    return _DATE.sub("<DATE>", text)


def yaml_copy(journal: Path) -> Transcript:
    """The YAML copy beside the journal, read as people (and a restore) would read it."""
    from assistant.core.transcript_codec import transcript_from_dict

    data = yaml.safe_load(journal.with_suffix(".yaml").read_text(encoding="utf-8"))
    return transcript_from_dict(data)


def summary(folder: Path, journal: Path, ids: dict[str, str], *options: str) -> str:
    """The summary as `dialoog summary` prints it (its command line, run here: a second interpreter
    would cost a second a replay), with the date and the ids made stable, without the duration.
    `options`: more of the command's options (--anonymise)."""
    from assistant.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["summary", str(journal), "--transcripts", str(folder), *options])
    assert code == 0, err.getvalue()
    # The duration depends on how fast the machine typed (tests/tui/test_meeting_time.py checks it).
    text = re.sub(r"^- \*\*Duur:\*\* .*\n", "", out.getvalue(), flags=re.M)
    return _ID.sub(lambda m: next((f"<{n}>" for i, n in ids.items() if i == m.group()), m.group()), _stable_text(text, ids))


def compare(name: str, actual: Any) -> None:
    """`actual` against the golden file `name` (YAML for records, Markdown for summaries); with
    DIALOOG_UPDATE_GOLDEN=1 the golden file is written instead (review the diff before committing)."""
    path = GOLDEN / name
    text = actual if isinstance(actual, str) else yaml.safe_dump(actual, allow_unicode=True, sort_keys=False, width=110)
    if UPDATE or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not UPDATE:
            raise AssertionError(f"{path} did not exist: written now; review it, then run again")
        return
    expected = path.read_text(encoding="utf-8")
    if isinstance(actual, str):
        assert text == expected, f"{name} differs from the golden file (DIALOOG_UPDATE_GOLDEN=1 rewrites it)"
        return
    _same(yaml.safe_load(expected), actual, name)


def _same(expected: Any, actual: Any, where: str) -> None:
    """Field by field, so that a failure names the event and the field that differ."""
    if isinstance(expected, dict) and isinstance(actual, dict):
        for key in sorted(set(expected) | set(actual), key=str):
            assert key in actual, f"{where}.{key}: missing (golden: {expected[key]!r})"
            assert key in expected, f"{where}.{key}: not in the golden file ({actual[key]!r})"
            _same(expected[key], actual[key], f"{where}.{key}")
    elif isinstance(expected, list) and isinstance(actual, list):
        for n, (e, a) in enumerate(zip(expected, actual)):
            _same(e, a, f"{where}[{n}]")
        assert len(expected) == len(actual), f"{where}: {len(actual)} items, the golden file has {len(expected)}"
    else:
        assert expected == actual, f"{where}: {actual!r}, the golden file has {expected!r}"


def check(meeting: Meeting, name: str, ids: dict[str, str], journal: Path | None = None) -> Transcript:
    """The journal, the YAML copy and the summary of a finished meeting against the golden files."""
    journal = journal or meeting.journal()
    saved = Store(meeting.folder).load(journal)
    on_disk = record(saved, ids)
    compare(f"{name}.yaml", on_disk)
    copy = record(yaml_copy(journal), ids)
    _same(on_disk, copy, f"{name}: the YAML copy")
    compare(f"{name}.summary.md", summary(meeting.folder, journal, ids))
    return saved
