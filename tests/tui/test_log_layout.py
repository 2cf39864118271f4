"""The chat log as the facilitator sees it: indented messages show every line, and the question
waiting at the end of the log is on screen after a decision on a suggestion."""

from __future__ import annotations

from assistant.tui.widgets.chat import ChatLog
from tests.tui.driving import ready, screen_text, value_for
from tests.waiting import wait_for, wait_for_text

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
        await wait_for(pilot, lambda: app.screen.meeting.transcript.answers(), "the answer is recorded")
        current = app.screen.meeting.prompt().question.text
        await wait_for_text(pilot, "SLOTWOORD", current[:40])  # the answer's last word, and the next question


async def test_the_question_after_a_decision_on_a_suggestion_is_on_screen(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press(*WORRY, "ctrl+s")
        await pilot.pause()
        assert meeting.view.suggestions
        followed = next(s for s in reversed(meeting.view.suggestions) if s.question_id)
        keys = ["down"] * [s.key for s in meeting.view.suggestions].index(followed.key)  # ctrl+f starts on the first
        await pilot.press("ctrl+f", *keys, "enter")
        await wait_for(pilot, lambda: meeting.prompt().question.id == followed.question_id, "the follow-up is asked")
        await wait_for_text(pilot, meeting.prompt().question.text[:40])
        await pilot.press("ctrl+f", "p")  # parking one leaves the question waiting where it was
        await wait_for(pilot, lambda: "parked" in {str(e.data["decision"]) for e in meeting.transcript.decisions().values()},
                       "the parking is recorded")
        await wait_for_text(pilot, meeting.prompt().question.text[:40])


async def test_the_read_only_view_scrolls_by_page_and_to_either_end(make_app, store, library):
    from assistant.tui.screens.readonly import ReadOnlyScreen
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta, Start

    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"))
    for n in range(12):
        meeting.answer(value_for(meeting.prompt().question, f"Antwoord {n} met wat uitleg over de situatie thuis"))
    meeting.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReadOnlyScreen)
        log = app.screen.query_one(ChatLog)
        await pilot.press("home")
        await pilot.pause()
        assert log.scroll_y == 0
        await pilot.press("pagedown")
        await pilot.pause()
        assert log.scroll_y > 5
        await pilot.press("end")
        await pilot.pause()
        assert log.scroll_y == log.max_scroll_y > 0
