"""Command-palette providers (ctrl+p): every action of the screen, and a fuzzy jump to any question.

The actions come from the same definitions as the key bindings (assistant.tui.actions), so the
palette and the footer never disagree. Questions are matched with rapidfuzz (imported on the first
search, not at start-up), tolerant of typos and word order.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.tui.actions import CONVERSATION, REVIEW, START, SUMMARY, ActionSpec

MIN_SCORE = 55
LIMIT = 20


def _specs(screen: Any) -> tuple[ActionSpec, ...]:
    from assistant.tui.screens.conversation import ConversationScreen
    from assistant.tui.screens.review import ReviewScreen
    from assistant.tui.screens.start import StartScreen
    from assistant.tui.screens.summary import SummaryScreen

    for kind, specs in ((ConversationScreen, CONVERSATION), (StartScreen, START), (ReviewScreen, REVIEW),
                        (SummaryScreen, SUMMARY)):
        if isinstance(screen, kind):
            return specs
    return ()


class ActionsProvider(Provider):
    """Every action of the screen the palette was opened on, with its key and help."""

    def _commands(self) -> list[tuple[str, str, Callable[[], Any]]]:
        screen = self.screen
        t = self.app.strings  # type: ignore[attr-defined]
        result = []
        for spec in _specs(screen):
            if screen.check_action(spec.action, ()) is False:
                continue
            label = f"{t(spec.label)} ({spec.key})"
            result.append((label, t(spec.help), partial(screen.run_action, spec.action)))
        result += list(self._conversation_extras())
        return result

    def _conversation_extras(self):
        """In a conversation: edit any answer, follow any pending suggestion, go to any section."""
        screen: Any = self.screen
        meeting = getattr(screen, "meeting", None)
        if meeting is None or not hasattr(screen, "edit_answer"):
            return
        t = self.app.strings  # type: ignore[attr-defined]
        for suggestion in meeting.view.suggestions:
            yield (t("palette.follow", text=suggestion.text), suggestion.because, partial(screen.follow, suggestion.key))
        for unit in meeting.script.units:
            yield (t("palette.section", title=unit.title), t("conv.sections.help"), partial(screen.jump_section, unit.section))
        for qid in meeting.answered_order():
            question = meeting.question(qid)
            if question is not None:
                yield (t("palette.edit", text=question.text), meeting.section_title(qid), partial(screen.edit_answer, qid))

    async def discover(self) -> Hits:
        for label, help_text, command in self._commands():
            yield DiscoveryHit(label, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, command in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(score, matcher.highlight(label), command, help=help_text)


class QuestionJumpProvider(Provider):
    """Any question of the conversation's banks by fuzzy text; choosing one asks it now."""

    def _choices(self) -> dict[str, str]:
        meeting = getattr(self.screen, "meeting", None)
        if meeting is None:
            return {}
        return {place.question.id: place.question.text for place in meeting.places}

    async def search(self, query: str) -> Hits:
        screen: Any = self.screen
        meeting = getattr(screen, "meeting", None)
        if meeting is None or len(query.strip()) < 2:
            return
        t = self.app.strings  # type: ignore[attr-defined]
        for qid, text, score in best_questions(query, self._choices()):
            label = t("palette.jump", text=text)
            yield Hit(score / 100, label, partial(screen.jump_to, qid),
                      help=t("palette.jump.help", section=meeting.section_title(qid)))


def best_questions(query: str, choices: dict[str, str], limit: int = LIMIT) -> list[tuple[str, str, float]]:
    """The questions whose text best matches `query`: (id, text, score 0-100), best first."""
    from rapidfuzz import fuzz, process, utils

    found = process.extract(query, choices, scorer=fuzz.WRatio, processor=utils.default_process,
                            limit=limit, score_cutoff=MIN_SCORE)
    return [(qid, text, score) for text, score, qid in found]
