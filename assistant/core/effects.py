"""What the follow-up engine tells the facilitator: the shared vocabulary of engine, app and summary."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Suggestion:
    """A follow-up question proposed by a rule; the facilitator accepts, parks or dismisses it."""

    key: str                  # stable: "<rule id>:<question id or text slug>"; decisions refer to it
    rule_id: str
    question_id: str | None   # a bank question, or None for an ad-hoc text
    text: str
    because: str              # shown to the facilitator; quotes the source document, or says "Eigen suggestie"
    trigger: str | None = None  # the question whose answer made the rule fire
    own: bool = False         # the rule is our own judgement, not a source document's


@dataclass(frozen=True)
class Signal:
    """A knipperlicht: a short warning with the rule it comes from."""

    rule_id: str
    text: str
    because: str
    trigger: str | None = None
    own: bool = False


@dataclass(frozen=True)
class PriorityHint:
    """An item the engine proposes for the summary's priorities."""

    rule_id: str
    text: str
    because: str
    question_id: str | None = None
    own: bool = False


@dataclass(frozen=True)
class View:
    """The engine's answer for one state of a conversation. Question ids throughout."""

    next_question: str | None
    visible: tuple[str, ...]
    suggestions: tuple[Suggestion, ...]          # active: fired and not yet decided
    decided: tuple[tuple[Suggestion, str], ...]  # fired and decided: (suggestion, accepted|parked|dismissed)
    signals: tuple[Signal, ...]
    priority_hints: tuple[PriorityHint, ...]
    pending_selection: tuple[str, ...] = ()      # deepening questions offered, not yet picked or parked
