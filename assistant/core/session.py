"""A transcript open for writing: every recorded event is durable before `record` returns.

The journal is appended and fsync'ed on the caller's thread (that is the promise); the YAML copy
is rewritten later, on a timer and on close, so an answer never waits for it. When a write fails
(full disk, folder gone read-only) the event stays in memory, in order, and `record` raises
SaveError; `retry()` or the next `record` writes everything still pending first.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, replace
from typing import Any

from assistant.core import durable, journal
from assistant.core.answers import MAX_TEXT, AnswerError
from assistant.core.drafts import DraftKeeper
from assistant.core.store_errors import SaveError, StoreError, os_reason
from assistant.core.transcript import Event, EventKind, Meta, Participant, Transcript
from assistant.core.transcript_codec import (
    ShapeErrors,
    event_problems,
    event_to_dict,
    meta_from_dict,
    meta_to_dict,
    plain,
)
from assistant.core.transcript_files import TranscriptFiles, write_yaml

DEFAULT_SNAPSHOT_DELAY = 2.0  # seconds between an answer and the YAML copy catching up
MAX_EVENT_BYTES = 16 << 20    # one event or metadata change as a journal line (a follow-up carries a meeting)
EDITABLE_META = ("facilitator", "participants", "subject", "tags", "bank_versions", "follows", "prepared_by", "carried")


@dataclass(frozen=True)
class _Pending:
    data: bytes
    event: Event | None = None
    meta: Meta | None = None


def _apply(transcript: Transcript, event: Event) -> Transcript:
    result = transcript.with_event(event)
    if event.kind is EventKind.CLOSE:
        return result.with_meta(status="closed")
    if event.kind is EventKind.REOPEN:
        return result.with_meta(status="open")
    return result


def _bounded(line: bytes) -> bytes:
    """A journal line of sane size. Answers and notes have their limit (MAX_TEXT characters); this one is
    for the rest, so that no event makes every later reading, search and summary slow."""
    if len(line) > MAX_EVENT_BYTES:
        raise ValueError(f"too large to save ({len(line):,} bytes; at most {MAX_EVENT_BYTES:,})")
    return line


def as_participants(value: Any) -> tuple[Participant, ...]:
    people = []
    for item in value or ():
        if isinstance(item, Participant):
            people.append(item)
        elif isinstance(item, dict):
            people.append(Participant(str(item.get("name", "")), str(item.get("role", ""))))
        else:
            name, role = item
            people.append(Participant(str(name), str(role)))
    return tuple(people)


class Session:
    """One transcript held open (and locked) by this process. Use `Store.create` or `Store.resume`."""

    def __init__(
        self,
        files: TranscriptFiles,
        writer: journal.JournalWriter,
        transcript: Transcript,
        *,
        warnings: list[str] | None = None,
        snapshot_delay: float | None = DEFAULT_SNAPSHOT_DELAY,
        yaml_current: bool = False,
    ):
        self.files = files
        self.warnings = list(warnings or [])
        self.damage = None  # a Damage (assistant.core.transcript_files) when resuming repaired the files
        self.snapshot_error: str | None = None  # the last failure of a background YAML rewrite
        self._writer = writer
        self._transcript = transcript
        self._saved = transcript
        self._yaml_written: Transcript | None = transcript if yaml_current else None
        self._pending: list[_Pending] = []
        self._delay = snapshot_delay
        self._timer: threading.Timer | None = None
        # Lock order: _yaml_lock before _lock. `record` takes only _lock, so it never waits for a YAML write.
        self._lock = threading.RLock()
        self._yaml_lock = threading.Lock()
        self._closing = False
        self._closed = False
        self._drafts: DraftKeeper | None = None

    # -- what the caller sees ---------------------------------------------------------------------
    @property
    def name(self) -> str:
        return self.files.stem

    @property
    def id(self) -> str:
        return self._transcript.meta.id

    @property
    def transcript(self) -> Transcript:
        """The current transcript, unsaved events included."""
        return self._transcript

    @property
    def unsaved(self) -> tuple[Event, ...]:
        return tuple(p.event for p in self._pending if p.event is not None)

    @property
    def has_unsaved(self) -> bool:
        return bool(self._pending)

    @property
    def closed(self) -> bool:
        return self._closed

    @property
    def yaml_current(self) -> bool:
        """True once the YAML copy on disk holds everything saved so far (the background rewrite has
        caught up); `snapshot()` brings it there now."""
        with self._lock:
            return self._yaml_written is self._saved

    @property
    def drafts(self) -> DraftKeeper:
        """The unsent typing of this transcript (written only while this session holds the lock)."""
        if self._drafts is None:
            self._drafts = DraftKeeper(self.files.draft)
        return self._drafts

    # -- writing ----------------------------------------------------------------------------------
    def record(self, kind: EventKind | str, **data: Any) -> Event:
        """Append an event; returns once it is on disk. SaveError if it is not (it is then kept in
        `unsaved` and still part of `transcript`). ValueError for an event that is malformed."""
        try:
            kind = EventKind(kind)
        except ValueError:
            raise ValueError(f"unknown event kind '{kind}'") from None
        data = {k: v for k, v in data.items() if v is not None}
        problems = event_problems(kind, data)
        if problems:
            raise ValueError("; ".join(message for _, message in problems))
        if kind is EventKind.NOTE and len(data["text"].strip()) > MAX_TEXT:  # an answer's limit (normalise_answer)
            length = len(data["text"].strip())
            raise AnswerError("too_long", f"the note is too long ({length:,} characters; at most {MAX_TEXT:,})",
                              length=length, maximum=MAX_TEXT)
        data = plain(data)  # tuples become lists now, as they will be when read back
        with self._lock:
            self._check_open()
            event = self._transcript.next_event(kind, **data)
            line = _bounded(journal.encode({"t": "event", "event": event_to_dict(event)}))
            self._transcript = _apply(self._transcript, event)
            self._pending.append(_Pending(line, event=event))
            try:
                self._flush()
            finally:
                self._schedule_snapshot()
            return event

    def update(self, **changes: Any) -> Transcript:
        """Change metadata (facilitator, participants, subject, tags, ...); saved like an event."""
        unknown = sorted(set(changes) - set(EDITABLE_META))
        if unknown:
            raise ValueError(f"cannot change '{unknown[0]}' (changeable: {', '.join(EDITABLE_META)})")
        if "participants" in changes:
            changes["participants"] = as_participants(changes["participants"])
        if "tags" in changes:
            changes["tags"] = tuple(changes["tags"])
        with self._lock:
            self._check_open()
            meta = replace(self._transcript.meta, **changes)
            try:
                meta_from_dict(meta_to_dict(meta))
            except ShapeErrors as exc:
                raise ValueError(str(exc)) from None
            line = _bounded(journal.encode({"t": "meta", "meta": meta_to_dict(meta)}))
            self._transcript = replace(self._transcript, meta=meta)
            self._pending.append(_Pending(line, meta=meta))
            try:
                self._flush()
            finally:
                self._schedule_snapshot()
            return self._transcript

    def retry(self) -> int:
        """Write what is still unsaved; returns how many records were written. SaveError if it fails again."""
        with self._lock:
            count = len(self._pending)
            self._flush()
            return count

    def _flush(self) -> None:
        while self._pending:
            item = self._pending[0]
            try:
                self._writer.append(item.data)
            except OSError as exc:
                events = len(self.unsaved)
                kept = f"{events} unsaved event(s) kept in memory" if events else "the change is kept in memory"
                raise SaveError(
                    "save_failed",
                    f"could not save to {self.files.journal}: {durable.reason(exc)}; {kept}, "
                    "nothing is lost while Dialoog stays open: fix the problem and retry",
                    file=self.files.journal.name, unsaved=events, **os_reason(exc),
                ) from None
            self._pending.pop(0)
            if item.event is not None:
                self._saved = _apply(self._saved, item.event)
            elif item.meta is not None:
                meta = replace(item.meta, status=self._saved.meta.status, updated=self._saved.meta.updated)
                self._saved = replace(self._saved, meta=meta)

    def _check_open(self) -> None:
        if self._closed or self._closing:
            raise StoreError("closed_in_session", f"{self.name} is closed in this session; resume it to record more",
                             name=self.name)

    # -- the YAML copy ----------------------------------------------------------------------------
    def _schedule_snapshot(self) -> None:
        if self._delay is None or self._timer is not None or self._closing:
            return
        self._timer = threading.Timer(self._delay, self._snapshot_in_background)
        self._timer.daemon = True
        self._timer.start()

    def _snapshot_in_background(self) -> None:
        with self._lock:
            self._timer = None
        try:
            self.snapshot()
        except SaveError:
            pass  # kept in snapshot_error; the journal has everything, the next rewrite tries again

    def snapshot(self, *, _final: bool = False) -> None:
        """Rewrite the YAML copy now (atomically). SaveError if it cannot be written."""
        with self._yaml_lock:
            with self._lock:
                if self._closed or (self._closing and not _final):
                    return
                current = self._saved
            if current is self._yaml_written:
                return
            try:
                write_yaml(self.files, current)
            except OSError as exc:
                self.snapshot_error = (f"could not rewrite {self.files.yaml}: {durable.reason(exc)} "
                                       "(every saved answer is in the journal)")
                raise SaveError("rewrite_yaml", self.snapshot_error, file=self.files.yaml.name, **os_reason(exc)) from None
            self._yaml_written = current
            self.snapshot_error = None

    # -- closing ----------------------------------------------------------------------------------
    def close(self, status: str | None = None) -> None:
        """Finish: optionally mark the transcript closed (or open again), write the YAML copy, and
        release the lock. If events are still unsaved, raises SaveError and stays open. If only the
        YAML copy fails, the lock is released first and SaveError says so: the journal has everything."""
        if status not in (None, "open", "closed"):
            raise ValueError(f"unknown status '{status}' (expected open or closed)")
        with self._lock:
            if self._closed:
                return
            current = self._transcript.meta.status
            if status == "closed" and current != "closed":
                self.record(EventKind.CLOSE)
            elif status == "open" and current == "closed":
                self.record(EventKind.REOPEN)
            self._flush()
            self._closing = True
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
        if self._drafts is not None:
            self._drafts.close()  # before the lock goes: another process may take the transcript next
        error: SaveError | None = None
        try:
            self.snapshot(_final=True)
        except SaveError as exc:
            error = exc
        with self._lock:
            self._writer.close()
            self._closed = True
        if error is not None:
            raise error

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc_info: object) -> None:
        if not self._closed:
            try:
                self.close()
            except SaveError:
                if exc_info[0] is None:
                    raise

    def __repr__(self) -> str:
        state = "closed" if self._closed else f"{len(self._pending)} unsaved"
        return f"<Session {self.name} {state}>"
