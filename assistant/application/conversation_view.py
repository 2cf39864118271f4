"""The first screen of a conversation, computed in a helper process while the app starts.

Importing the core (banks, engine, store) costs about as much as importing Textual itself, and
both are CPU work a thread cannot overlap. So `dialoog new`/`resume` forks a helper right after
the arguments are parsed (unless an earlier run kept the first screen of that script:
assistant.tui.firstscreens): the helper imports the core and computes, as plain data, what the
first screen shows (the log, the waiting question, the panel); the app meanwhile imports Textual
and starts, and only after painting that screen imports the core and opens the transcript for real
(a second evaluation gives the same screen). Its answers travel as JSON lines through a pipe:
first whether the conversation exists at all (the app waits for that one before it takes over the
terminal, so that a mistyped name is a one-line error), then the first screen (the app shows it
when it comes; keys typed before go into its answer box), then, for `new`, the transcript it made
(it closes it again, for the app to resume). For `resume` it only reads, without the lock. Where
fork is missing, or the helper fails, the app simply opens the conversation the ordinary way.
"""

from __future__ import annotations

import gc
import json
import os
import select
import threading
from dataclasses import dataclass, fields
from collections.abc import Callable
from typing import Any

from assistant.application import log_entries as entry_types
from assistant.application.log_entries import Entry
from assistant.application.prompt import Prompt, QuestionSpec, SectionProgress

ENTRY_TYPES = {cls.__name__: cls for cls in (
    entry_types.PrepEntry, entry_types.SectionEntry, entry_types.QuestionEntry, entry_types.AnswerEntry, entry_types.SuggestionEntry,
    entry_types.SignalEntry, entry_types.NoteEntry, entry_types.MarkEntry, entry_types.StatusEntry)}
MAX_BYTES = 64 * 1024 * 1024


@dataclass(frozen=True)
class Preview:
    """Everything the conversation screen shows before its meeting is open."""

    title: str
    subject: str
    minutes: int
    basis_only: bool
    entries: list[Entry]
    prompt: Prompt | None
    speaker: str
    progress: list[SectionProgress]
    current_section: str | None
    pending: tuple[str, ...]
    signals: tuple[str, ...]


# -- as plain data ------------------------------------------------------------------------------------
def _tuples(value: Any) -> Any:
    return tuple(_tuples(v) for v in value) if isinstance(value, list) else value


def entry_to_dict(entry: Entry) -> dict[str, Any]:
    return {"type": type(entry).__name__, **{f.name: getattr(entry, f.name) for f in fields(entry)}}


def entry_from_dict(data: dict[str, Any]) -> Entry:
    data = dict(data)
    cls = ENTRY_TYPES[data.pop("type")]
    return cls(**{k: _tuples(v) for k, v in data.items()})


def to_dict(preview: Preview) -> dict[str, Any]:
    prompt = preview.prompt
    return {
        "title": preview.title, "subject": preview.subject, "minutes": preview.minutes, "basis_only": preview.basis_only,
        "entries": [entry_to_dict(e) for e in preview.entries],
        "prompt": None if prompt is None else {"question": QuestionSpec.of(prompt.question).to_dict(),
                                               "revisit": prompt.revisit, "value": prompt.value},
        "speaker": preview.speaker,
        "progress": [[p.section, p.title, p.done, p.total] for p in preview.progress],
        "current_section": preview.current_section, "pending": list(preview.pending), "signals": list(preview.signals),
    }


def from_dict(data: dict[str, Any]) -> Preview:
    prompt = data["prompt"]
    return Preview(
        data["title"], data["subject"], int(data["minutes"]), bool(data["basis_only"]),
        [entry_from_dict(e) for e in data["entries"]],
        None if prompt is None else Prompt(QuestionSpec.from_dict(prompt["question"]), bool(prompt["revisit"]), prompt["value"]),
        data["speaker"], [SectionProgress(*p) for p in data["progress"]], data["current_section"],
        tuple(data["pending"]), tuple(data["signals"]),
    )


# -- computing it (needs the core) ----------------------------------------------------------------------
def preview_of(meeting: Any) -> Preview:
    """What the conversation screen shows for this meeting (the screen itself draws the same)."""
    from assistant.application.chatlog import build_log, earlier_answers, shown_signals

    prompt = meeting.prompt()
    place = meeting.places.get(prompt.question.id) if prompt else None
    unit = meeting.script.unit_of(place.section.id) if place else None
    view = meeting.view
    return Preview(
        meeting.script.title, meeting.transcript.meta.subject, meeting.elapsed_seconds() // 60,
        meeting.transcript.basis_only(),
        build_log(meeting.transcript, view, meeting.places, prompt, earlier_answers(meeting)),
        prompt, meeting.shown_speaker(), meeting.progress(), unit.section if unit else None,
        tuple(s.text for s in view.suggestions), shown_signals(meeting.transcript, view),
    )


class MemorySession:
    """A session that records in memory only: the helper evaluates, it never writes."""

    def __init__(self, transcript: Any) -> None:
        self.transcript = transcript
        self.has_unsaved = False
        self.closed = False

    def record(self, kind: Any, **data: Any) -> Any:
        event = self.transcript.next_event(kind, **data)
        self.transcript = self.transcript.with_event(event)
        return event


def prepare(store_root: str | None, script: str | None, ref: str | None, meta: Any,
            found: Callable[[], None] | None = None) -> Any:
    """The meeting whose first screen `dialoog new SCRIPT` or `dialoog resume REF` shows, in memory only;
    None when it cannot be opened (the app then checks again and reports why, as the command line does).
    For `new` it is an empty transcript in memory (the real one is made after, by `create`, so that the
    store's own imports do not delay the first screen). `found` is called as soon as the transcript (or
    the script) is known to exist: a resumed transcript is read before the banks."""
    from assistant.subcommands.app import _library
    from assistant.core.transcript import Transcript
    from assistant.application.meeting import Meeting

    library = None
    if ref is not None:
        from assistant.core.store import Store

        transcript = Store(store_root).load(ref)
    else:
        library = _library()
        if script not in library.scripts:
            return None
        transcript = Transcript.new(script, subject=meta.subject, facilitator=meta.facilitator)
    if found is not None:
        found()
    library = library or _library()
    script_of = library.scripts.get(transcript.meta.script)
    if script_of is None:
        return None
    return Meeting(script_of, library.banks, MemorySession(transcript))


def compute(store_root: str | None, script: str | None, ref: str | None, meta: Any) -> dict[str, Any]:
    """The first screen of `dialoog new SCRIPT` (with its details) or `dialoog resume REF`, as plain data
    (empty when it cannot be opened)."""
    meeting = prepare(store_root, script, ref, meta)
    return to_dict(preview_of(meeting)) if meeting is not None else {}


def create(store_root: str | None, script: str, meta: Any) -> str:
    """Make the new transcript and let go of it again (the app resumes it); returns its id."""
    from assistant.subcommands.app import _library
    from assistant.core.store import Store
    from assistant.application.opening import start_new

    meeting = start_new(Store(store_root), _library(), script, meta)
    meeting.session.close()
    return meeting.transcript.meta.id


# -- the helper process -----------------------------------------------------------------------------------
class Handle:
    """The helper's answers, in order: whether it could open the conversation at all, its first screen
    (one JSON line each), then, for `new`, the transcript it made. Safe to read from two threads (the
    screen waits for the first screen in one while the meeting opens in another)."""

    def __init__(self, pid: int, fd: int) -> None:
        self.pid, self.fd = pid, fd
        self._buffer = b""
        self._lock = threading.RLock()
        self._opened: bool | None = None
        self._result: Preview | None = None
        self._read_result = False
        self._created: str | None = None
        self._finished = False

    def _line(self) -> bytes | None:
        while b"\n" not in self._buffer:
            chunk = os.read(self.fd, 1 << 20) if self.fd >= 0 else b""
            if not chunk:
                return None
            self._buffer += chunk
        line, _, self._buffer = self._buffer.partition(b"\n")
        return line

    def _json(self) -> Any:
        try:
            line = self._line()
            return json.loads(line) if line else None
        except (ValueError, OSError):
            return None

    def opened(self) -> bool:
        """Whether the helper could open the conversation (waits until it knows)."""
        with self._lock:
            if self._opened is None:
                answer = self._json()
                self._opened = isinstance(answer, dict) and answer.get("opened") is True
            return self._opened

    def result_ready(self) -> bool:
        """Whether the first screen can be read without waiting."""
        with self._lock:
            if self._read_result or not self.opened():
                return True
            if b"\n" in self._buffer:
                return True
            try:
                return bool(select.select([self.fd], [], [], 0)[0])
            except (OSError, ValueError):
                return True

    def result(self) -> Preview | None:
        """The first screen (waits for the helper to have computed it), or None if it could not."""
        with self._lock:
            if not self._read_result:
                self._read_result = True
                try:
                    data = self._json() if self.opened() else None
                    self._result = from_dict(data) if data else None
                except (ValueError, KeyError, TypeError):
                    self._result = None  # a helper that failed: the app opens the conversation the ordinary way
            return self._result

    def created(self) -> str | None:
        """The id of the transcript the helper made for `new` (waits for it), or None."""
        with self._lock:
            if not self._finished:
                self.result()
                self._finished = True
                try:
                    answer = self._json() if self._result is not None else None
                    self._created = answer.get("created") if isinstance(answer, dict) else None
                finally:
                    os.close(self.fd)
                    self.fd = -1
                    os.waitpid(self.pid, 0)
            return self._created


def _send(fd: int, payload: Any) -> None:
    data = json.dumps(payload, ensure_ascii=False).encode("utf-8")[:MAX_BYTES] + b"\n"
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]


def fork(store_root: str | None, script: str | None, ref: str | None, meta: Any, *,
         keep: str | None = None) -> Handle | None:
    """Start the helper; None where processes cannot be forked (the app then does without).

    `keep`: the signature with which to keep the first screen it computes (assistant.tui.firstscreens)."""
    if not hasattr(os, "fork"):
        return None
    read, write = os.pipe()
    # Frozen in the helper, what is allocated so far stays shared between the two processes: the
    # helper's collections would otherwise write to (and so copy) every page of it (see gc.freeze).
    gc.freeze()
    try:
        pid = os.fork()
    except OSError:
        gc.unfreeze()
        os.close(read)
        os.close(write)
        return None
    if pid == 0:  # the helper: compute, write, and leave without running anything of the parent's
        gc.enable()  # the app may start with collection paused; the helper imports the core
        os.close(read)
        try:
            os.nice(5)  # on a busy machine, the app's own start-up goes first
        except OSError:
            pass
        try:
            told: list[bool] = []

            def found() -> None:  # the app waits for this before it takes over the terminal
                _send(write, {"opened": True})
                told.append(True)

            try:
                meeting = prepare(store_root, script, ref, meta, found)
            except BaseException:  # noqa: BLE001 - any failure means "no preview"; the app reports real errors
                meeting = None
            if not told:
                _send(write, {"opened": False})
            try:
                shown = to_dict(preview_of(meeting)) if meeting is not None else {}
            except BaseException:  # noqa: BLE001
                shown = {}
            _send(write, shown)
            if ref is None and shown:
                try:
                    _send(write, {"created": create(store_root, script, meta)})
                except BaseException:  # noqa: BLE001 - the app then creates it (and reports what fails)
                    _send(write, {})
            if keep is not None and shown:
                from assistant.tui import firstscreens

                firstscreens.store(script, keep, shown)
        finally:
            os._exit(0)
    gc.unfreeze()  # the app collects as before
    os.close(write)
    return Handle(pid, read)
