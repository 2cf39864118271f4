"""What the conversation screen shows, as plain data derived from the meeting after each change.

The screen draws only this (the log's entries, the prompt, the side panel, the top bar), so what it
shows is a function of the meeting's state, testable without Textual.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.application.log_entries import Entry
from assistant.application.prompt import Prompt, SectionProgress


@dataclass(frozen=True)
class ConversationView:
    """Everything the conversation screen shows of a meeting."""

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


def view_of(meeting: Any) -> ConversationView:
    """What the conversation screen shows for this meeting (the screen itself draws the same)."""
    from assistant.application.chatlog import build_log, earlier_answers, shown_signals

    prompt = meeting.prompt()
    place = meeting.places.get(prompt.question.id) if prompt else None
    unit = meeting.script.unit_of(place.section.id) if place else None
    view = meeting.view
    return ConversationView(
        meeting.script.title, meeting.transcript.meta.subject, meeting.elapsed_seconds() // 60,
        meeting.transcript.basis_only(),
        build_log(meeting.transcript, view, meeting.places, prompt, earlier_answers(meeting)),
        prompt, meeting.shown_speaker(), meeting.progress(), unit.section if unit else None,
        tuple(s.text for s in view.suggestions), shown_signals(meeting.transcript, view),
    )
