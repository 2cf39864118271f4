"""Driving the app by keys, as a facilitator would: what to type for each answer type."""

from __future__ import annotations

from pathlib import Path

from assistant.core.bank import AnswerType, Question
from tests.waiting import wait_for

ANSWER_TEXT = "ok"


def keys_for(question: Question, text: str = ANSWER_TEXT) -> list[str]:
    """Keys that answer `question` and send it (the send key included)."""
    kind = question.type
    if kind is AnswerType.TEXT:
        return [*text, "ctrl+s"]
    if kind is AnswerType.YES_NO:
        return ["j", "enter"]
    if kind in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE):
        return ["1", "enter"]
    if kind is AnswerType.NUMBER:
        low = int(question.min or 0)
        return [*str(low + 3), "enter"]
    if kind is AnswerType.SCALE:
        return ["6", "enter"]
    if kind is AnswerType.COUNTS:
        return ["2", "enter"]
    if kind is AnswerType.ACTIONS:
        return [*"bel ouders", "enter", *"CLB", "ctrl+s"]
    if kind is AnswerType.FACTORS:
        return [*"steun oma", "tab", *"ruzie", "ctrl+s"]
    raise AssertionError(kind)


def screen_text(app) -> str:
    """What the terminal shows now, as plain text (the top screen, dialogs included)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def drawn_at(app, width: int, height: int) -> bool:
    """The screen is laid out and drawn at `width` x `height` (a resize has been worked through)."""
    lines = screen_text(app).splitlines()
    return len(lines) == height and all(len(line) == width for line in lines)


def transcript_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def value_for(question: Question, text: str = ANSWER_TEXT):
    """A valid raw answer for `question`, for walking a script without the screen."""
    kind = question.type
    if kind is AnswerType.TEXT:
        return text
    if kind is AnswerType.YES_NO:
        return "ja"
    if kind in (AnswerType.CHOICE, AnswerType.MULTI_CHOICE):
        return "1"
    if kind in (AnswerType.NUMBER, AnswerType.SCALE):
        return str(int(question.min or 0) + 3) if kind is AnswerType.NUMBER else "6"
    if kind is AnswerType.COUNTS:
        return {}
    if kind is AnswerType.ACTIONS:
        return [{"wat": "bel ouders", "wie": "CLB"}]
    if kind is AnswerType.FACTORS:
        return {"groter": ["steun oma"], "kleiner": ["ruzie"]}
    raise AssertionError(kind)


async def walk_to_the_end(pilot, *, pick: int = 1, limit: int = 300) -> int:
    """Answer every question by keys, picking the first `pick` deepening questions of each checklist.
    Returns how many questions were answered."""
    from assistant.tui.dialogs.checklist import ChecklistDialog

    app = pilot.app
    await ready(pilot)
    conversation = app.screen
    answered = 0
    for _ in range(limit):
        if isinstance(app.screen, ChecklistDialog):
            await pilot.press(*(["space", "down"] * pick), "enter")
            await wait_for(pilot, lambda: not isinstance(app.screen, ChecklistDialog), "the checklist has closed")
            continue
        prompt = conversation.meeting.prompt()
        if prompt is None and conversation.meeting.view.pending_selection:
            await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the deepening checklist is open")
            continue
        if prompt is None:
            return answered
        before = len(conversation.meeting.transcript.events)
        await pilot.press(*keys_for(prompt.question))
        await wait_for(pilot, lambda: len(conversation.meeting.transcript.events) > before and asks_what_is_next(conversation),
                       f"the answer to {prompt.question.id} is recorded and the next question asked")
        answered += 1
    raise AssertionError("the walk did not end")


def asks_what_is_next(conversation) -> bool:
    """The screen has caught up with its meeting: the focus is in a box for the question asked now
    (or no question is asked), so the keys typed next answer it."""
    wanted, box, focused = conversation.meeting.prompt(), conversation.composer.box, conversation.focused
    if wanted is None:
        return conversation.composer.prompt is None
    return (box is not None and box.question.id == wanted.question.id
            and focused is not None and box in focused.ancestors_with_self)


def loaded(app) -> bool:
    """The screen's work is done: no worker running (a conversation opens its meeting in one, the
    start and review screens list in one), nothing loading, a conversation's meeting open."""
    from assistant.tui.screens.conversation import ConversationScreen

    screen = app.screen
    if isinstance(screen, ConversationScreen) and screen.meeting is None:
        return False
    return not app.workers and not any(widget.loading for widget in screen.walk_children())


async def ready(pilot, screen: type | None = None) -> None:
    """The app handles what the test just did, then until the screen on top (a `screen`, if given: what
    the keys just typed open) has loaded (see `loaded`), and what loading posted is handled."""
    app = pilot.app
    await pilot.pause()
    await wait_for(pilot, lambda: (screen is None or isinstance(app.screen, screen)) and loaded(app),
                   f"{'the screen' if screen is None else 'a ' + screen.__name__} is on top and has loaded"
                   " (no worker running, nothing loading)")
    await pilot.pause()


def chat_log(meeting):
    """The chat log's messages for a meeting, as the conversation screen derives them."""
    from assistant.application.chatlog import build_log

    return build_log(meeting.transcript, meeting.view, meeting.places, meeting.prompt())
