"""With --lang en the interface around the Dutch documents is English: a yes/no answer is picked from
'yes' and 'no' (and stored as the documents' ja/nee)."""

from __future__ import annotations

from tests.tui.driving import ready, screen_text


async def test_a_yes_no_question_offers_yes_and_no_in_english_and_stores_ja(new_app):
    app = new_app("teacher_dialogue", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        question = meeting.prompt().question
        assert str(question.type) == "yes_no"
        composer = screen_text(app).split("Answer ·")[1]
        assert " yes " in composer and " no " in composer and "nee" not in composer
        await pilot.press("y", "enter")
        await pilot.pause()
        assert meeting.transcript.answers()[question.id] == "ja"
