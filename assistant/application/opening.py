"""Opening a conversation for the app: a new transcript, a follow-up, or one that is resumed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assistant.core.store import Store
from assistant.core.store_errors import StoreError
from assistant.core.transcript import Transcript
from assistant.application.meeting import Meeting
from assistant.application.library import Library
from assistant.application.settings import NewMeta


class OpenError(Exception):
    """A conversation cannot be opened. `str()` is the English message; `code` and `params` (those of the
    store error it stands for, if any) let `Strings.store_error` say it in the interface language."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params

    @classmethod
    def of(cls, exc: Exception) -> OpenError:
        """The store's (or the core's) refusal, with its code when it has one."""
        return cls(getattr(exc, "code", ""), str(exc), **getattr(exc, "params", {}))


def script_of(library: Library, script_id: str):
    script = library.scripts.get(script_id)
    if script is None:
        known = ", ".join(sorted(library.scripts)) or "-"
        raise OpenError("unknown_script", f"unknown script '{script_id}' (known: {known})", script=script_id, known=known)
    return script


def start_new(store: Store, library: Library, script_id: str, meta: NewMeta, *,
              clock: Callable[[], float] | None = None) -> Meeting:
    """Create the transcript (a follow-up when `meta.follows` names an earlier one, the conversation a
    preparation hands over to when `meta.prepared_by` names one) and hold it open."""
    script = script_of(library, script_id)
    if meta.prepared_by:
        return hand_over(store, library, meta.prepared_by, meta=meta, script=script.id, clock=clock)
    from assistant.core.session import as_participants

    fields = {
        "facilitator": meta.facilitator, "subject": meta.subject, "participants": as_participants(meta.participants),
        "tags": meta.tags, "prepared_by": meta.prepared_by,
        "bank_versions": {b: library.banks[b].version for b in script.banks if b in library.banks},
    }
    try:
        if meta.follows:
            from assistant.core.followup import follow_up

            session = follow_up(store, meta.follows, banks=library.banks, scripts=library.scripts, script=script.id,
                                **{k: v for k, v in fields.items() if v})
        else:
            session = store.create(Transcript.new(script.id, **{k: v for k, v in fields.items() if v is not None}))
    except (StoreError, ValueError) as exc:
        raise OpenError.of(exc) from None
    return _meeting(library, script, session, clock)


def resume(store: Store, library: Library, ref: str, *, clock: Callable[[], float] | None = None,
           reopen: bool = False) -> Meeting:
    """Hold a transcript open again, exactly where it stopped (the lock message says who else has it)."""
    try:
        session = store.resume(ref, reopen=reopen)
    except (StoreError, ValueError) as exc:
        raise OpenError.of(exc) from None
    script_id = session.transcript.meta.script
    try:
        script = script_of(library, script_id)
    except OpenError:
        session.close()
        raise
    return _meeting(library, script, session, clock)


def hand_over(store: Store, library: Library, preparation: str, *, meta: NewMeta | None = None,
              script: str | None = None, clock: Callable[[], float] | None = None) -> Meeting:
    """The parent conversation started from a preparation (assistant.core.handover), held open, with the
    details of `meta` (from the details form; what it leaves empty comes from the preparation)."""
    from assistant.core.handover import PARENT_SCRIPT, start_from_preparation

    given = {}
    if meta is not None:
        given = {"facilitator": meta.facilitator, "subject": meta.subject, "participants": meta.participants,
                 "tags": meta.tags, "follows": meta.follows}
    try:
        session = start_from_preparation(store, preparation, banks=library.banks, scripts=library.scripts,
                                         script=script or PARENT_SCRIPT, **{k: v for k, v in given.items() if v})
    except (StoreError, ValueError) as exc:
        raise OpenError.of(exc) from None
    try:
        script = script_of(library, session.transcript.meta.script)
    except OpenError:
        session.close()
        raise
    return _meeting(library, script, session, clock)


def _meeting(library: Library, script, session, clock) -> Meeting:
    kwargs = {"clock": clock} if clock is not None else {}
    return Meeting(script, library.banks, session, **kwargs)
