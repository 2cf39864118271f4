"""The transcript of one conversation: who took part, and an ordered record of what happened.

A transcript is metadata plus an append-only list of events. Everything else (the current answer
to each question, what was parked, the action items still open) is derived from the events, so
editing an earlier answer is one more event, and the history of every answer is kept.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from assistant.core.carried import EMPTY as EMPTY_CARRIED
from assistant.core.carried import Carried


class EventKind(StrEnum):
    ANSWER = "answer"            # question, value, [speaker]
    NOTE = "note"                # text, [question]
    FLAG = "flag"                # question, flag (priority|strength|werkpunt), [rank]
    UNFLAG = "unflag"            # question, flag
    DECISION = "decision"        # suggestion (its key), decision (accepted|parked|dismissed), [rule], [text]
    SIGNAL = "signal"            # rule, text: a knipperlicht shown to the facilitator
    DEFER = "defer"              # question: parked for the next meeting
    SELECT = "select"            # question: a deepening question picked to discuss now
    SKIP = "skip"                # question: passed over in this meeting
    ACTION = "action"            # action (its id), wat, wie, wanneer, check
    ACTION_DONE = "action_done"  # action: checked off (older transcripts; now an action_status "done")
    ACTION_STATUS = "action_status"  # action, status (done|partly|dropped|open), [note]: a carried action reviewed
    CLOCK = "clock"              # seconds: meeting time spent since the last clock event
    MODE = "mode"                # basis_only: true|false
    CLOSE = "close"              # the conversation was finished
    REOPEN = "reopen"
    HANDOVER = "handover"        # transcript: a conversation started from this one (a preparation's hand-over)


class Flag(StrEnum):
    PRIORITY = "priority"
    STRENGTH = "strength"
    WERKPUNT = "werkpunt"


class Decision(StrEnum):
    ACCEPTED = "accepted"
    PARKED = "parked"
    DISMISSED = "dismissed"


class ActionStatus(StrEnum):
    """Where an action agreed in an earlier meeting stands, as the next meeting finds it."""

    DONE = "done"
    PARTLY = "partly"    # partly done: its note says what is left; it stays open
    DROPPED = "dropped"  # no longer wanted
    OPEN = "open"        # looked at, nothing changed (or a status given by mistake, taken back)


def now_iso() -> str:
    return datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")


def new_id() -> str:
    return secrets.token_hex(4)


@dataclass(frozen=True)
class Event:
    """One thing that happened. `seq` orders events; `data` holds the kind's fields."""

    seq: int
    kind: EventKind
    at: str
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", MappingProxyType(dict(self.data)))

    def get(self, key: str, default: Any = None) -> Any:
        return self.data.get(key, default)

    def to_dict(self) -> dict[str, Any]:
        return {"seq": self.seq, "kind": str(self.kind), "at": self.at, **dict(self.data)}


@dataclass(frozen=True)
class Participant:
    name: str
    role: str


@dataclass(frozen=True)
class Meta:
    """What a transcript is about. `follows` links to the previous meeting, `prepared_by` to a preparation."""

    id: str
    script: str
    created: str
    updated: str
    facilitator: str = ""
    participants: tuple[Participant, ...] = ()
    subject: str = ""              # the school or pupil, as the facilitator names them
    tags: tuple[str, ...] = ()
    status: str = "open"           # open | closed
    bank_versions: Mapping[str, int] = field(default_factory=dict)
    follows: str | None = None
    prepared_by: str | None = None
    carried: Carried = EMPTY_CARRIED  # what a follow-up or a preparation brought along

    def __post_init__(self) -> None:
        if not isinstance(self.carried, Carried):  # given as plain data, as it is stored
            object.__setattr__(self, "carried", Carried.from_plain(self.carried))


@dataclass(frozen=True)
class ActionItem:
    id: str
    wat: str
    wie: str = ""
    wanneer: str = ""
    check: str = ""
    done: bool = False


@dataclass(frozen=True)
class Transcript:
    """Immutable: `with_event` returns a new transcript, so views computed from an old one stay true."""

    meta: Meta
    events: tuple[Event, ...] = ()

    @classmethod
    def new(cls, script: str, **meta: Any) -> Transcript:
        stamp = now_iso()
        meta.setdefault("id", new_id())
        return cls(Meta(script=script, created=stamp, updated=stamp, **meta))

    # -- building -------------------------------------------------------------------------------
    def next_event(self, kind: EventKind | str, at: str | None = None, **data: Any) -> Event:
        seq = self.events[-1].seq + 1 if self.events else 1
        return Event(seq, EventKind(kind), at or now_iso(), {k: v for k, v in data.items() if v is not None})

    def with_event(self, event: Event) -> Transcript:
        return replace(self, events=(*self.events, event), meta=replace(self.meta, updated=event.at))

    def with_meta(self, **changes: Any) -> Transcript:
        return replace(self, meta=replace(self.meta, **changes))

    # -- derived views --------------------------------------------------------------------------
    def of_kind(self, *kinds: EventKind) -> Iterator[Event]:
        return (e for e in self.events if e.kind in kinds)

    def answers(self) -> dict[str, Any]:
        """The current answer to each question, in the order questions were first answered."""
        result: dict[str, Any] = {}
        for event in self.of_kind(EventKind.ANSWER):
            result[event.data["question"]] = event.data["value"]
        return result

    def answer_events(self) -> dict[str, Event]:
        """The latest answer event per question (its time and speaker)."""
        result: dict[str, Event] = {}
        for event in self.of_kind(EventKind.ANSWER):
            result[event.data["question"]] = event
        return result

    def history(self, question: str) -> list[Any]:
        """Every value given to `question`, oldest first (the last is the current answer)."""
        return [e.data["value"] for e in self.of_kind(EventKind.ANSWER) if e.data["question"] == question]

    def flags(self) -> dict[tuple[str, Flag], Event]:
        """Current flags per (question, flag); a later unflag removes it."""
        current: dict[tuple[str, Flag], Event] = {}
        for event in self.of_kind(EventKind.FLAG, EventKind.UNFLAG):
            key = (event.data["question"], Flag(event.data["flag"]))
            if event.kind is EventKind.FLAG:
                current[key] = event
            else:
                current.pop(key, None)
        return current

    def decisions(self) -> dict[str, Event]:
        """The latest decision per suggestion key."""
        return {e.data["suggestion"]: e for e in self.of_kind(EventKind.DECISION)}

    def deferred(self) -> list[str]:
        """Questions parked for the next meeting and not answered since. In basis-only mode, also the
        deepening questions picked from a checklist and not reached: a short meeting leaves them for the
        next one (they are asked again if basis-only mode is switched off)."""
        answered = set(self.answers())
        seen: dict[str, None] = {}
        for event in self.of_kind(EventKind.DEFER):
            seen[event.data["question"]] = None
        if self.basis_only():
            passed = {e.data["question"] for e in self.of_kind(EventKind.SKIP)}
            for question in self.chosen_in_order():
                if question not in passed:
                    seen.setdefault(question, None)
        return [q for q in seen if q not in answered]

    def chosen_in_order(self) -> list[str]:
        """The deepening questions picked from a checklist, in the order they were picked."""
        return list(dict.fromkeys(e.data["question"] for e in self.of_kind(EventKind.SELECT)))

    def selected(self) -> set[str]:
        return {e.data["question"] for e in self.of_kind(EventKind.SELECT)}

    def skipped(self) -> set[str]:
        answered = set(self.answers())
        return {e.data["question"] for e in self.of_kind(EventKind.SKIP)} - answered

    def signals(self) -> dict[str, Event]:
        """Signals shown, by rule id (first time shown)."""
        result: dict[str, Event] = {}
        for event in self.of_kind(EventKind.SIGNAL):
            result.setdefault(event.data["rule"], event)
        return result

    def handovers(self) -> list[str]:
        """The transcripts started from this one (assistant.core.handover), in order, each once."""
        return list(dict.fromkeys(str(e.data["transcript"]) for e in self.of_kind(EventKind.HANDOVER)))

    def notes(self) -> list[Event]:
        return list(self.of_kind(EventKind.NOTE))

    def actions(self) -> list[ActionItem]:
        items: dict[str, ActionItem] = {}
        for event in self.of_kind(EventKind.ACTION, EventKind.ACTION_DONE, EventKind.ACTION_STATUS):
            ident = event.data["action"]
            if event.kind is EventKind.ACTION:
                fields = {k: str(event.data.get(k, "")) for k in ("wat", "wie", "wanneer", "check")}
                items[ident] = ActionItem(ident, **fields, done=items[ident].done if ident in items else False)
            elif ident in items:
                done = event.kind is EventKind.ACTION_DONE or event.data["status"] in (ActionStatus.DONE, ActionStatus.DROPPED)
                items[ident] = replace(items[ident], done=done)
        return list(items.values())

    def action_statuses(self) -> dict[str, Event]:
        """The latest review per action id (an `action_done` counts as status done)."""
        result: dict[str, Event] = {}
        for event in self.of_kind(EventKind.ACTION_DONE, EventKind.ACTION_STATUS):
            result[str(event.data["action"])] = event
        return result

    def action_status(self, action: str) -> tuple[ActionStatus | None, str]:
        """(status, note) of an action as this meeting left it; (None, "") when it was not reviewed."""
        event = self.action_statuses().get(action)
        if event is None:
            return None, ""
        if event.kind is EventKind.ACTION_DONE:
            return ActionStatus.DONE, ""
        return ActionStatus(event.data["status"]), str(event.get("note") or "")

    def basis_only(self) -> bool:
        modes = [e for e in self.of_kind(EventKind.MODE)]
        return bool(modes[-1].data.get("basis_only")) if modes else False

    def seconds_spent(self) -> int:
        return sum(int(e.data.get("seconds", 0)) for e in self.of_kind(EventKind.CLOCK))

    def question_ids(self) -> set[str]:
        """Every question id the events (and the carried material of a follow-up) refer to."""
        ids = {e.data["question"] for e in self.events if isinstance(e.data.get("question"), str)}
        carried = self.meta.carried
        ids |= set(carried.last_answers)
        ids |= {p["question"] for p in carried.parked if p.get("question")}
        return ids

    def unknown_questions(self, banks: Any) -> list[str]:
        """Question ids this transcript uses that none of `banks` (Bank objects, or a mapping of them)
        has: the bank changed since. They stay in the transcript; a view can mark them."""
        collection = banks.values() if isinstance(banks, Mapping) else banks
        known = {q.id for bank in collection for q in bank.questions()}
        return sorted(self.question_ids() - known)
