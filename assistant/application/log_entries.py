"""The messages of the chat log as plain data: what the log shows, independent of how it was derived."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SectionEntry:
    key: str
    title: str
    noted: bool = False           # the preparation has notes on this topic (kept off screen: F12)


@dataclass(frozen=True)
class PrepEntry:
    """A conversation started from a preparation: its date and focus topics, on top. Its sensitive notes
    are not part of the log (the parents may see the screen): `private` says there are some (F12)."""

    key: str
    date: str
    topics: tuple[str, ...] = ()
    private: bool = False


@dataclass(frozen=True)
class FollowEntry:
    """A follow-up meeting: the date of the one before, and what it left to review (ctrl+e)."""

    key: str
    date: str
    actions: int = 0               # carried actions not reviewed yet in this meeting
    questions: int = 0             # carried questions not decided yet


@dataclass(frozen=True)
class ActionStatusEntry:
    """Where an action of an earlier meeting stands, as said in this one."""

    key: str
    wat: str
    status: str                    # done | partly | dropped | open
    note: str = ""


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
    editable: bool = True         # an answer to a bank question (an ad-hoc follow-up's answer is not)


@dataclass(frozen=True)
class SuggestionEntry:
    key: str
    suggestion_key: str
    text: str
    reason: str                   # why, in the rule's words (shown)
    source: str                   # the document it cites, "Bron: ..." (one key away: r in ctrl+f)
    rule_id: str
    decision: str = ""            # "" while pending; accepted | parked | dismissed
    same_reason: bool = False     # the message just above gives the same reason: not repeated
    keys_hint: bool = False       # the newest pending suggestion says how to decide
    kind: str = ""                # "priority": a proposal for the priorities; "parked"/"suggested": from last time
    own: bool = False             # our own judgement, not a source document's: said on the suggestion itself


@dataclass(frozen=True)
class SignalEntry:
    key: str
    rule_id: str
    text: str
    reason: str                   # why (shown); the source it cites is in the summary (F9)
    source: str = ""


@dataclass(frozen=True)
class NoteEntry:
    """The facilitator's own note (not said by a speaker: no speaker is shown)."""

    key: str
    text: str


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


Entry = FollowEntry | ActionStatusEntry | PrepEntry | SectionEntry | QuestionEntry | AnswerEntry | SuggestionEntry | SignalEntry | NoteEntry | MarkEntry | StatusEntry
