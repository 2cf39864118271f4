"""The question waiting for an answer is always on screen: after every send at 80x24, after the
terminal is resized (either way), and with the section list open beside the log at 80 columns."""

from __future__ import annotations

from assistant.application.log_entries import QuestionEntry
from assistant.tui.widgets.chat import ChatMessage
from tests.waiting import wait_for
from tests.tui.driving import keys_for, ready
from tests.tui.test_command_burst import burst


def waiting_in_view(screen) -> bool:
    """The waiting question's message lies whole inside the log's visible part."""
    log = screen.log_view
    current = [w for w in log.query(ChatMessage) if isinstance(w.entry, QuestionEntry) and w.entry.current]
    if not current:
        return False
    shown, box = current[-1].region, log.content_region
    return shown.height > 0 and box.y <= shown.y and shown.bottom <= box.bottom


async def test_the_waiting_question_stays_in_view_through_sends_resizes_and_the_section_list(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        answers = ["De bus is te duur, ze heeft angst en buikpijn en wil niet gaan", "Goed", "Weinig", "Ja",
                   "Moeder werkt 's nachts", "Twee broers", "Hij wordt gepest", "Graag", "Wiskunde"]
        for n, text in enumerate(answers):
            burst(app, *keys_for(meeting.prompt().question, text))
            await wait_for(pilot, lambda: len(meeting.transcript.answers()) > n, f"answer {n + 1} saved")
            await ready(pilot)
            await wait_for(pilot, lambda: waiting_in_view(screen), f"the waiting question in view after answer {n + 1}")
        for size in ((80, 45), (80, 24), (120, 40), (60, 20), (80, 24)):
            await pilot.resize_terminal(*size)
            await ready(pilot)
            await wait_for(pilot, lambda: waiting_in_view(screen), f"the waiting question in view at {size}", timeout=5)
        burst(app, "f3")
        await ready(pilot)
        await wait_for(pilot, lambda: screen.has_class("-panel"), "the section list")
        await wait_for(pilot, lambda: waiting_in_view(screen), "the waiting question in view beside the section list",
                          timeout=5)
