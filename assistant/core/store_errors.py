"""What can go wrong with stored transcripts; every message is one line a facilitator can act on.

`str()` is the English message (the command line prints it); `code` names the kind of error and `params`
holds the values in it, so that the app can say the same in its own language (assistant/tui/strings.py
has an entry per code, as for refused answers: assistant.core.answers.AnswerError)."""

from __future__ import annotations

import errno
from typing import Any

from assistant.core import durable


class StoreError(Exception):
    """Base class: the message says what happened and, where possible, what to do."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


class NotFoundError(StoreError):
    """No transcript matches the reference (or more than one does)."""


class TranscriptError(StoreError):
    """A transcript's files cannot be read; the message starts with the file (and line/column).

    `errors` holds every problem found, one `file:line:col: message` line each; the message is the first.
    """

    def __init__(self, code: str, message: str, errors: list[str] | None = None, **params: Any) -> None:
        super().__init__(code, message, **params)
        self.errors = errors or [message]


class LockedError(StoreError):
    """Another process holds the transcript; the message names it (host, pid, since)."""

    def __init__(self, code: str, message: str, holder: dict | None = None, **params: Any) -> None:
        super().__init__(code, message, **params)
        self.holder = holder or {}


class SaveError(StoreError):
    """Something could not be written. Unsaved events stay in memory: `Session.retry()` tries again."""


def os_reason(exc: OSError) -> dict[str, str]:
    """The params of a failed file operation: `reason` in the English words of the message, and
    `os_error`, the errno's name (ENOSPC), by which the app words the reason in its own language."""
    return {"reason": durable.reason(exc), "os_error": errno.errorcode.get(exc.errno or 0, "")}
