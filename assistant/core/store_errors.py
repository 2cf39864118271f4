"""What can go wrong with stored transcripts; every message is one line a facilitator can act on."""

from __future__ import annotations


class StoreError(Exception):
    """Base class: the message says what happened and, where possible, what to do."""


class NotFoundError(StoreError):
    """No transcript matches the reference (or more than one does)."""


class TranscriptError(StoreError):
    """A transcript's files cannot be read; the message starts with the file (and line/column).

    `errors` holds every problem found, one `file:line:col: message` line each; the message is the first.
    """

    def __init__(self, message: str, errors: list[str] | None = None):
        super().__init__(message)
        self.errors = errors or [message]


class LockedError(StoreError):
    """Another process holds the transcript; the message names it (host, pid, since)."""

    def __init__(self, message: str, holder: dict | None = None):
        super().__init__(message)
        self.holder = holder or {}


class SaveError(StoreError):
    """Something could not be written. Unsaved events stay in memory: `Session.retry()` tries again."""
