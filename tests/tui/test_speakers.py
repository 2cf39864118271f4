"""The speaker is a property of the answer: an answer changed later (in the log, or by going back)
keeps the speaker who gave it, whoever speaks now, unless the facilitator changes it on purpose."""

from __future__ import annotations

from assistant.core.summary import render_summary
from assistant.tui.dialogs.edit import EditDialog
from tests.tui.driving import chat_log, ready, screen_text
from tests.tui.test_command_burst import burst

TEACHER, MOTHER = "Ann Peeters", "Fatima El Amrani"


def _speakers(meeting) -> dict[str, str]:
    return {q: str(e.get("speaker") or "") for q, e in meeting.transcript.answer_events().items()}


async def test_an_answer_edited_later_keeps_its_speaker_unless_changed_on_purpose(new_app, library):
    meta = {"participants": ((TEACHER, "leerkracht"), (MOTHER, "moeder"))}
    app = new_app("parent_dialogue", meta=meta)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        first = meeting.prompt().question.id
        burst(app, "ctrl+t", *"Ann", "tab", "enter", *"Geen vervoer", "ctrl+s")
        await ready(pilot)
        second = meeting.prompt().question.id
        burst(app, "ctrl+t", *"Fat", "tab", "enter", *"Goed", "ctrl+s")
        await ready(pilot)
        assert _speakers(meeting) == {first: TEACHER, second: MOTHER}

        # going back to the mother's answer while the teacher speaks: the answer box says whose it is
        burst(app, "ctrl+t", *"Ann", "tab", "enter")
        await ready(pilot)
        burst(app, "ctrl+b")
        await ready(pilot)
        assert screen.composer.speaker == MOTHER
        burst(app, *" genoeg", "ctrl+s")
        await ready(pilot)
        assert meeting.transcript.answers()[second] == "Goed genoeg"
        assert _speakers(meeting) == {first: TEACHER, second: MOTHER}
        assert screen.composer.speaker == TEACHER, "the next question is the teacher's again"
        burst(app, "ctrl+t", "ctrl+u", *"Fat", "tab", "enter")
        await ready(pilot)

        # the mother speaks now; the teacher's answer is changed in the log (ctrl+l, up, Enter)
        burst(app, "ctrl+l", "up", "enter")
        await ready(pilot)
        assert isinstance(app.screen, EditDialog) and f"spreker: {TEACHER}" in screen_text(app)
        burst(app, *", de bus is te duur", "ctrl+s")
        await ready(pilot)
        await pilot.press("escape")
        await ready(pilot)
        assert meeting.transcript.answers()[first] == "Geen vervoer, de bus is te duur"
        assert _speakers(meeting) == {first: TEACHER, second: MOTHER}
        assert meeting.speaker == MOTHER, "the speaker of the next answers did not change"
        shown = {e.question_id: e.speaker for e in chat_log(meeting) if type(e).__name__ == "AnswerEntry"}
        assert shown == {first: TEACHER, second: MOTHER}
        summary = render_summary(meeting.transcript, library.banks)
        assert f"*{TEACHER}:* Geen vervoer, de bus is te duur" in summary and f"*{MOTHER}:* Goed genoeg" in summary

        # on purpose: in the edit dialog, ctrl+t names another speaker; the answer itself is unchanged
        burst(app, "ctrl+l", "up", "enter")
        await ready(pilot)
        burst(app, "ctrl+t", "ctrl+u", *"Fat", "tab", "enter")
        await ready(pilot)
        assert isinstance(app.screen, EditDialog) and f"spreker: {MOTHER}" in screen_text(app)
        burst(app, "ctrl+s")
        await ready(pilot)
        assert _speakers(meeting) == {first: MOTHER, second: MOTHER}
        assert meeting.transcript.history(first) == ["Geen vervoer", *["Geen vervoer, de bus is te duur"] * 2]
