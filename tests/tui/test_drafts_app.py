"""Unsent typing in the app: saved while the facilitator types, put back in the box on resume,
shown when it belongs to another question, kept on quitting, and gone once the answer is sent."""

from __future__ import annotations

from textual import events

from assistant.core import drafts
from assistant.core.drafts import Draft
from assistant.tui.screens import conversation_drafts
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready
from tests.waiting import wait_for


def _meeting_with_draft(store, library, draft_for=None, text="De bus is te duur,"):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An Claes", "Lotte"))
    question = draft_for(meeting) if draft_for else meeting.prompt().question.id
    with meeting.session as session:
        events = meeting.transcript.events
        session.drafts.want(Draft(question, text, after=events[-1].seq if events else 0))
    return meeting, question


async def test_the_draft_comes_back_in_the_box_follows_the_typing_and_goes_once_sent(make_app, store, library,
                                                                                    monkeypatch):
    monkeypatch.setattr(conversation_drafts, "PAUSE", 0.05)
    monkeypatch.setattr(conversation_drafts, "TICK", 0.02)
    meeting, first = _meeting_with_draft(store, library)
    path = meeting.session.files.draft
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        area = app.focused
        assert area.text == "De bus is te duur," and area.cursor_location == area.document.end
        assert "Je niet-verstuurde tekst is teruggezet." in [n.message for n in app._notifications]

        # One burst of keys, as tmux delivers them: ctrl+u clears the box before the new text lands.
        for key in ["ctrl+u", *"Geen geld"]:
            app.post_message(events.Key(key, "\x15" if key == "ctrl+u" else key))
        await pilot.pause()
        assert area.text == "Geen geld"
        await wait_for(pilot, lambda: (drafts.read(path) or Draft("")).text == "Geen geld", "the typing is saved as the draft")

        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not path.exists(), "the draft is gone once the answer is sent")
        assert app.screen.meeting.transcript.answers()[first] == "Geen geld"


async def test_resuming_goes_back_to_the_question_jumped_to_with_its_draft_in_the_box(make_app, store, library,
                                                                                     monkeypatch):
    """Killed while typing at a question reached out of order (the action plan, from the palette): the
    meeting resumes where it stopped, at that question with the typing in its box, not back on the walk
    with the typing in a notice to be typed again; once it is sent, the walk goes on where it was."""
    monkeypatch.setattr(conversation_drafts, "PAUSE", 0.05)
    monkeypatch.setattr(conversation_drafts, "TICK", 0.02)

    def jumped_to(meeting):
        return meeting.script.units[1].basis[0]

    meeting, other = _meeting_with_draft(store, library, jumped_to, "Mama werkt 's nachts")
    walk = meeting.prompt().question.id
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        assert app.screen.composer.prompt.question.id == other
        assert app.focused.text == "Mama werkt 's nachts"
        assert "Je niet-verstuurde tekst is teruggezet." in [n.message for n in app._notifications]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: other in app.screen.meeting.transcript.answers(), "the answer is saved")
        await wait_for(pilot, lambda: app.screen.composer.prompt.question.id == walk, "the walk goes on where it was")
    assert store.load(meeting.transcript.meta.id).answers()[other] == "Mama werkt 's nachts"


async def test_a_draft_for_another_question_is_shown_and_kept_and_quitting_keeps_the_typing(make_app, store, library,
                                                                                            monkeypatch):
    monkeypatch.setattr(conversation_drafts, "PAUSE", 0.05)
    monkeypatch.setattr(conversation_drafts, "TICK", 0.02)

    def answered_earlier(meeting):
        """A question answered before the draft was typed (gone back to, then the terminal was killed)."""
        question = meeting.script.units[0].basis[1]
        meeting.jump(question)
        meeting.answer("Ze slaapt slecht")
        return question

    meeting, other = _meeting_with_draft(store, library, answered_earlier, "Mama werkt 's nachts")
    path = meeting.session.files.draft
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await ready(pilot)
        assert app.focused.text == ""
        text = app.screen.question_text(other)
        assert f"Niet-verstuurde tekst bij '{text}': Mama werkt 's nachts" in [n.message for n in app._notifications]
        app.screen.save_draft()  # what the pause after typing does: nothing typed yet, so the draft is left alone
        app.screen.meeting.session.drafts.flush()
        assert drafts.read(path).text == "Mama werkt 's nachts"

        await pilot.press(*"Ze slaapt slecht", "ctrl+q")
        await pilot.pause()
        await pilot.press("y")  # quit anyway: the box is saved as the app lets go of the transcript
        await pilot.pause()
    assert not app.is_running
    kept = drafts.read(path)
    assert (kept.question, kept.text) == (meeting.prompt().question.id, "Ze slaapt slecht")
