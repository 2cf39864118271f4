"""Command-palette providers (ctrl+p): every action of the screen, and a fuzzy jump to any question.

The actions come from the same definitions as the key bindings (assistant.tui.actions), so the
palette and the key bar never disagree. Questions are found by the core's fuzzy finder (rapidfuzz,
imported on the first search, not at start-up), tolerant of typos, word starts and compounds.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.command import DiscoveryHit, Hit, Hits, Provider

from assistant.core.safetext import visible
from assistant.tui.actions import ActionSpec


def _specs(screen: Any) -> tuple[ActionSpec, ...]:
    return getattr(screen, "ACTIONS", ())  # each screen names its actions: the palette needs no screen module


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
            yield (t("palette.follow", text=suggestion.text), visible(suggestion.because), partial(screen.follow, suggestion.key))
        for unit in meeting.script.units:
            yield (t("palette.section", title=unit.title), t("conv.sections.help"), partial(screen.jump_section, unit.section))
        for qid in meeting.answered_order():
            question = meeting.question(qid)
            if question is not None:
                yield (t("palette.edit", text=question.text), visible(meeting.section_title(qid)), partial(screen.edit_answer, qid))

    async def discover(self) -> Hits:
        for label, help_text, command in self._commands():
            yield DiscoveryHit(label, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for label, help_text, command in self._commands():
            score = matcher.match(label)
            if score > 0:
                yield Hit(action_score(score, query), matcher.highlight(label), command, help=help_text)


def action_score(score: float, query: str) -> float:
    """Textual's fuzzy score (about 3 per typed letter for a label that holds the query, less for
    letters scattered through it) brought to 0-1, the scale of the question jump's hits, which the
    palette sorts together with these: letters scattered through a long label outranked the question
    the facilitator was typing."""
    return min(score / (3 * len(query) + 3), 1.0)


class QuestionJumpProvider(Provider):
    """Any question of the conversation's script by fuzzy text (assistant.core.jump); choosing one asks it now."""

    async def search(self, query: str) -> Hits:
        screen: Any = self.screen
        meeting = getattr(screen, "meeting", None)
        if meeting is None or len(query.strip()) < 2:
            return
        t = self.app.strings  # type: ignore[attr-defined]
        for found in finder_for(screen).find(query):
            yield Hit(found.score / 100, t("palette.jump", text=found.text), partial(screen.jump_to, found.question_id),
                      help=t("palette.jump.help", section=meeting.section_title(found.question_id)))


def finder_for(screen: Any):
    """The screen's question finder, built on the first search (it indexes the script's questions once,
    and those answered already, such as a follow-up's from another bank; not every bank's)."""
    finder = getattr(screen, "_question_finder", None)
    if finder is None:
        from assistant.core.jump import QuestionFinder

        meeting = screen.meeting
        finder = QuestionFinder(meeting.places.banks, (*meeting.script.walked_questions(), *meeting.answered_order()))
        screen._question_finder = finder
    return finder
