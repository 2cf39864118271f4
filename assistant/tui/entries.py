"""The messages of the chat log as plain data: what the log shows, independent of how it was derived.

Kept free of the core on purpose: the app paints its first screen from these (computed in a
helper process) before the core is even imported.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionEntry:
    key: str
    title: str
    known: str = ""               # what the school already knew about this topic (from a preparation)


@dataclass(frozen=True)
class PrepEntry:
    """A conversation started from a preparation: its date, focus topics and sensitivities, on top."""

    key: str
    date: str
    topics: tuple[str, ...] = ()
    sensitivities: str = ""


@dataclass(frozen=True)
class QuestionEntry:
    key: str
    question_id: str
    text: str
    level: str
    probes: tuple[str, ...] = ()
    has_help: bool = False
    current: bool = False
    again: bool = False           # asked again (back, jump)
    earlier: str = ""             # the previous meeting's answer, when a follow-up carried it


@dataclass(frozen=True)
class AnswerEntry:
    key: str
    question_id: str
    text: str
    speaker: str = ""
    edited: bool = False
    flags: tuple[tuple[str, int | None], ...] = ()   # (flag, rank)


@dataclass(frozen=True)
class SuggestionEntry:
    key: str
    suggestion_key: str
    text: str
    because: str
    rule_id: str
    decision: str = ""            # "" while pending; accepted | parked | dismissed
    same_reason: bool = False     # the message just above gives the same reason: not repeated
    keys_hint: bool = False       # the newest pending suggestion says how to decide
    own: bool = False             # our own judgement, not a source document's: said on the suggestion itself


@dataclass(frozen=True)
class SignalEntry:
    key: str
    rule_id: str
    text: str
    because: str


@dataclass(frozen=True)
class NoteEntry:
    key: str
    text: str
    prompt: str = ""              # the ad-hoc follow-up question this note answers
    speaker: str = ""


@dataclass(frozen=True)
class MarkEntry:
    """A quiet line: a question skipped or parked, the mode switched, the meeting closed."""

    key: str
    kind: str                     # skip | defer | select | mode_on | mode_off | close | reopen
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class StatusEntry:
    """The assistant's last word when no question waits: a checklist to fill in, or all done."""

    key: str
    kind: str                     # checklist | done
    section: str = ""


Entry = PrepEntry | SectionEntry | QuestionEntry | AnswerEntry | SuggestionEntry | SignalEntry | NoteEntry | MarkEntry | StatusEntry
