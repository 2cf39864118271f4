"""The chat log as the facilitator sees it: indented messages show every line, and the question
waiting at the end of the log is on screen after a decision on a suggestion."""

from __future__ import annotations

from assistant.tui.widgets.chat import ChatLog
from tests.tui.driving import ready, screen_text

WORRY = "Geen geld voor de bus en ze is bang"


async def test_an_indented_answer_that_wraps_shows_its_last_word(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        width = app.screen.query_one(ChatLog).scrollable_content_region.width
        # An answer is indented: this text fits the log's full width on one line, but not the answer's.
        target = width - 4  # an answer takes 8 columns (indent, padding), a message without indent 2
        text = ("woord " * 40)[: target - 10].rstrip() + " SLOTWOORD"
        await pilot.press(*text, "ctrl+s")
        await pilot.pause()
        await pilot.pause()
        shown = screen_text(app)
        assert "SLOTWOORD" in shown, shown
        current = app.screen.meeting.prompt().question.text
        assert current[:40] in shown, "the next question is on screen"


async def test_the_question_after_a_decision_on_a_suggestion_is_on_screen(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press(*WORRY, "ctrl+s")
        await pilot.pause()
        assert meeting.view.suggestions
        followed = next(s for s in reversed(meeting.view.suggestions) if s.question_id)
        keys = ["up"] * [s.key for s in meeting.view.suggestions][::-1].index(followed.key)
        await pilot.press("ctrl+f", *keys, "enter")
        await pilot.pause()
        await pilot.pause()
        assert meeting.prompt().question.id == followed.question_id
        assert meeting.prompt().question.text[:40] in screen_text(app)
        await pilot.press("ctrl+f", "p")  # parking one leaves the question waiting where it was
        await pilot.pause()
        await pilot.pause()
        assert meeting.prompt().question.text[:40] in screen_text(app)
