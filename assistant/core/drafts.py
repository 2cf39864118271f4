"""Unsent typing: what the facilitator typed for the waiting question and has not sent yet.

A sent answer is in the journal. Text still in the answer box is not, so the app hands it to a
`DraftKeeper` a moment after typing pauses; a killed terminal or a dead SSH session then loses at
most that last moment. One small file per transcript (`TranscriptFiles.draft`, in the hidden
`.drafts` folder beside the transcripts), replaced atomically (0600 in a 0700 folder), written
only by the process that holds the transcript's lock, and removed with the transcript.

A draft remembers the transcript's last event when it was typed (`after`): an answer to its
question recorded later means it was sent, and it is then out of date (the app was killed
between sending and removing the draft).
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.core import durable
from assistant.core.transcript import EventKind, Transcript, now_iso

log = logging.getLogger(__name__)

FORMAT = 1
MAX_BYTES = 1024 * 1024  # far more than anyone types into one answer; a bigger file is not ours


@dataclass(frozen=True)
class Draft:
    """The answer box for one question. `text` for typed text (text and number answers); `value`
    for an answer typed into a table (counts, actions, factors), as the widget holds it."""

    question: str
    text: str = ""
    value: Any = None
    after: int = 0      # the seq of the transcript's last event when this was typed
    saved: str = ""

    def to_bytes(self) -> bytes:
        record = {"format": FORMAT, "question": self.question, "text": self.text, "after": self.after,
                  "saved": self.saved or now_iso()}
        if self.value is not None:
            record["value"] = self.value
        return json.dumps(record, ensure_ascii=False).encode("utf-8")

    @property
    def shown(self) -> str:
        """The draft as one text, for a notice (a table's cells joined)."""
        return self.text or " · ".join(_leaves(self.value))


def _leaves(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{k}: {', '.join(_leaves(v))}" for k, v in value.items() if _leaves(v)]
    if isinstance(value, list):
        return [part for item in value for part in _leaves(item)]
    return [str(value)] if value not in (None, "") else []


def read(path: Path) -> Draft | None:
    """The draft in `path`; None when there is none, or when the file is damaged (logged, left alone)."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as exc:
        log.warning("%s: cannot read the draft (%s); ignored", path, durable.reason(exc))
        return None
    try:
        if len(data) > MAX_BYTES:
            raise ValueError("too large")
        record = json.loads(data.decode("utf-8"))
        question, text, after = record["question"], record.get("text", ""), record.get("after", 0)
        if not (isinstance(question, str) and question and isinstance(text, str)
                and isinstance(after, int) and not isinstance(after, bool)):
            raise ValueError("unexpected fields")
        saved = record.get("saved", "")
        return Draft(question, text, record.get("value"), after, saved if isinstance(saved, str) else "")
    except (ValueError, KeyError, TypeError, AttributeError, UnicodeDecodeError) as exc:
        log.warning("%s: damaged draft ignored (%s)", path, exc)
        return None


def sent_since(draft: Draft, transcript: Transcript) -> bool:
    """True when the draft's question was answered after the draft was typed."""
    return any(e.seq > draft.after and e.kind is EventKind.ANSWER and e.get("question") == draft.question
               for e in reversed(transcript.events))


def remove(path: Path) -> None:
    """Delete a draft file if there is one (its transcript is deleted)."""
    try:
        path.unlink()
    except FileNotFoundError:
        pass


_UNKNOWN = object()


class DraftKeeper:
    """Keeps one transcript's draft file in line with the answer box, off the caller's thread.

    `want` is what the app calls on its UI thread: it only records the latest wish (a draft, or
    None for "nothing typed") and wakes a background thread that writes it, so a keystroke never
    waits for the disk. Wishes may come faster than writes: only the latest is written."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.error: str | None = None     # the last write that failed, for the app to mention
        self._cond = threading.Condition()
        self._write_lock = threading.Lock()
        self._wanted: Any = _UNKNOWN
        self._version = 0
        self._done = 0
        self._thread: threading.Thread | None = None
        self._closed = False
        self._swept = False

    def read(self, transcript: Transcript | None = None) -> Draft | None:
        """The draft on disk; None if there is none or (given the transcript) it was sent since."""
        draft = read(self.path)
        if draft is not None and transcript is not None and sent_since(draft, transcript):
            return None
        return draft

    def want(self, draft: Draft | None) -> None:
        """Make `draft` (None: no draft) what is on disk soon. Returns at once."""
        with self._cond:
            if self._closed:
                return
            self._wanted = draft
            self._version += 1
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="dialoog-drafts", daemon=True)
                self._thread.start()
            self._cond.notify_all()

    def flush(self) -> None:
        """Write the latest wish now, on this thread (closing; tests)."""
        self._write_latest()

    def close(self) -> None:
        """Write what is still wanted and stop: after this the transcript's lock may be released."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join(timeout=5)
        self._write_latest()

    def _run(self) -> None:
        while True:
            with self._cond:
                while self._version == self._done and not self._closed:
                    self._cond.wait()
                if self._closed:
                    return  # close() writes what is left, on its own thread
            self._write_latest()

    def _write_latest(self) -> None:
        # The wish is read under the write lock, so a later write never puts back an older wish.
        with self._write_lock:
            with self._cond:
                wanted, version = self._wanted, self._version
                if version == self._done:
                    return
            try:
                self._write(wanted)
                self.error = None
            except OSError as exc:
                self.error = f"could not save the draft {self.path}: {durable.reason(exc)}"
                log.warning("%s", self.error)
            with self._cond:
                self._done = version
                self._cond.notify_all()

    def _write(self, wanted: Any) -> None:
        if wanted is _UNKNOWN:
            return
        if wanted is None:
            remove(self.path)
            return
        durable.ensure_private_dir(self.path.parent)
        if not self._swept:
            durable.remove_stale_temps(self.path)  # a killed writer's temp file (we hold the lock)
            self._swept = True
        durable.atomic_write(self.path, wanted.to_bytes())
