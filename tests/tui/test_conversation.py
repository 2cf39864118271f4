"""The conversation screen by keys: follow-ups, edits, flags, commands, failures. Asserts what the
facilitator sees and what ends up in the saved transcript."""

from __future__ import annotations

import errno

import pytest
from textual.widgets import TextArea

from assistant.core import durable
from assistant.core.transcript import EventKind
from assistant.tui.dialogs.checklist import ChecklistDialog
from assistant.tui.dialogs.confirm import ConfirmDialog
from assistant.tui.screens.summary import SummaryScreen
from tests.tui.driving import ready, keys_for, screen_text
from tests.waiting import wait_for, wait_for_text

WORRY = "Geen geld voor de bus en ze is bang"


def in_composer(app) -> bool:
    return app.focused is not None and app.screen.query_one("#composer") in app.focused.ancestors


def palette_highlights(app, command: str) -> bool:
    """The palette has finished searching and the command it would run on Enter starts with `command`."""
    from textual.command import CommandList

    if app.workers:
        return False
    commands = app.screen.query_one(CommandList)
    return commands.highlighted is not None and str(commands.get_option_at_index(commands.highlighted).prompt).startswith(command)


async def test_parent_dialogue_with_follow_ups_an_edit_and_basis_only(new_app, store):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        first = meeting.prompt().question
        await pilot.press(*WORRY, "ctrl+s")
        await pilot.pause()
        shown = screen_text(app)
        assert "Vervolgvraag" in shown and "Waarom" in shown
        assert in_composer(app), "a new suggestion never takes focus"
        pending = [s for s in meeting.view.suggestions if s.question_id]
        target = pending[1]  # the second bank question proposed

        # accept a follow-up: ctrl+f picks the first suggestion waiting, down goes to the next
        await pilot.press("ctrl+f", "down", "enter")
        await pilot.pause()
        assert meeting.prompt().question.id == target.question_id
        assert in_composer(app)
        # park the first one
        await pilot.press("ctrl+f", "p")
        await pilot.pause()
        assert in_composer(app), "after a decision the facilitator types on"
        await pilot.press(*keys_for(meeting.prompt().question, "twee weken"))
        await pilot.pause()

        # edit the first answer in place
        await pilot.press("ctrl+l", "up", "enter")
        await pilot.pause()
        await pilot.press("ctrl+u", *"Alles in orde", "ctrl+s")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        shown = screen_text(app)
        assert "Alles in orde" in shown and "(bewerkt)" in shown
        assert in_composer(app)

        # basis-only mode for the rest of the meeting
        await pilot.press("f6")
        await pilot.pause()
        assert "BASIS" in screen_text(app)

        await pilot.press("f7")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        assert "Alles in orde" in screen_text(app)
        ident = meeting.transcript.meta.id

    saved = store.load(ident)
    assert saved.history(first.id) == [WORRY, "Alles in orde"]
    assert saved.answers()[target.question_id] == "twee weken"
    decisions = {str(e.data["decision"]) for e in saved.decisions().values()}
    assert decisions == {"accepted", "parked"}
    assert saved.basis_only() and saved.meta.status == "closed"


@pytest.mark.parametrize("lang, reason", [
    ("nl", "Vak B 0-4: geef een getal, niet '{}'."),
    ("en", "Cell B 0-4: give a number, not '{}'."),
], ids=["nl", "en"])
async def test_an_invalid_answer_stays_in_the_box_with_the_reason(new_app, lang, reason):
    app = new_app("school_dialogue", lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        conversation = app.screen
        question = conversation.meeting.prompt().question
        assert question.type == "counts"
        await pilot.press("x", "enter")
        await pilot.pause()
        assert reason.format("x") in screen_text(app)
        assert app.focused.value == "x"
        assert not conversation.meeting.transcript.answers()
        await pilot.press("backspace", "2", "enter", "ctrl+l", "enter")  # send it, then edit it wrongly
        await pilot.pause()
        await pilot.press("x", "ctrl+s")  # the count reached again is replaced, as in a spreadsheet
        await pilot.pause()
        assert reason.format("x") in screen_text(app)
        assert app.focused.value == "x" and app.screen is not conversation
        assert conversation.meeting.transcript.answers()[question.id] == {"B": {"0-4": 2}}


async def test_a_failed_save_shows_a_persistent_error_and_keeps_the_answer(new_app, store, monkeypatch):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        first = meeting.prompt().question.id

        def full(fd, data):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(durable, "_write", full)
        await pilot.press(*"belangrijk", "ctrl+s")
        await pilot.pause()
        assert "Niet bewaard" in screen_text(app) and "de schijf is vol" in screen_text(app)
        assert isinstance(app.focused, TextArea) and app.focused.text == "belangrijk"
        assert meeting.prompt().question.id == first
        await pilot.press("ctrl+s")  # still full: still there
        await pilot.pause()
        assert "Niet bewaard" in screen_text(app) and app.focused.text == "belangrijk"
        monkeypatch.undo()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Niet bewaard" not in screen_text(app)
        assert meeting.prompt().question.id != first
        ident = meeting.transcript.meta.id
    assert store.load(ident).answers() == {first: "belangrijk"}


async def test_quitting_with_unsent_typing_asks_first_and_then_saves(new_app, store, library):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press(*"bewaard", "ctrl+s", *"half getypt")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused.text == "half getypt"
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        ident = app.screen_stack[0] and store.list()[0].name
    assert not app.is_running
    # the lock is released and the answer is there
    from assistant.application.opening import resume

    again = resume(store, library, ident)
    with again.session:
        assert list(again.transcript.answers().values()) == ["bewaard"]


async def test_a_second_app_on_the_same_transcript_gets_the_lock_message(make_app, store, library):
    from assistant.tui.screens.start import StartScreen
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta, Start

    holder = start_new(store, library, "parent_dialogue", NewMeta(subject="Lotte"))
    with holder.session:
        app = make_app(Start("resume", ref=holder.transcript.meta.id))
        async with app.run_test(size=(80, 24), notifications=True) as pilot:
            await ready(pilot)
            await wait_for(pilot, lambda: isinstance(app.screen, StartScreen), "the app is back on the start screen")
            messages = [n.message for n in app._notifications]
            assert any(m.startswith("Dit gesprek is al open in een andere Dialoog (") and "proces" in m for m in messages)


async def test_slash_commands_with_completion_and_their_keys(new_app, store):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press("/")
        await pilot.pause()
        assert app.focused.id == "command" and app.focused.value == "/"
        await pilot.press(*"spr", "tab", *"Mama", "enter")
        await pilot.pause()
        assert "spreker: Mama" in screen_text(app)
        assert in_composer(app)
        await pilot.press(*"Het gaat", "ctrl+s")
        await pilot.pause()
        await pilot.press("/", *"notitie belt morgen terug", "enter")
        await pilot.pause()
        await pilot.press("/", *"prioriteit", "enter")
        await pilot.pause()
        await pilot.press("/", *"overslaan", "enter")
        await pilot.pause()
        await pilot.press("/", *"xyz", "enter")
        await pilot.pause()
        assert "Onbekend commando" in screen_text(app)
        await pilot.press("ctrl+b")  # /terug's key: the last answered question again
        await pilot.pause()
        assert meeting.prompt().revisit
        transcript = meeting.transcript
    kinds = [str(e.kind) for e in transcript.events]
    assert kinds == ["answer", "note", "flag", "skip"]
    answer, note, flag, skip = transcript.events
    assert answer.get("speaker") == "Mama" and note.get("text") == "belt morgen terug"
    assert (flag.get("flag"), flag.get("rank"), flag.get("question")) == ("priority", 1, answer.get("question"))


async def test_the_deepening_checklist_is_offered_after_the_basis_questions(new_app):
    app = new_app("school_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        for _ in range(30):
            await pilot.pause()
            if isinstance(app.screen, ChecklistDialog):
                break
            if meeting.prompt() is None:  # the checklist opens after the next frame
                await wait_for(pilot, lambda: isinstance(app.screen, ChecklistDialog), "the deepening checklist is open")
                continue
            await pilot.press(*keys_for(meeting.prompt().question))
        assert isinstance(app.screen, ChecklistDialog)
        offered = list(meeting.view.pending_selection)
        await pilot.press("down", "space", "enter")
        await pilot.pause()
        assert meeting.transcript.selected() == {offered[1]}
        assert set(meeting.transcript.deferred()) == set(offered) - {offered[1]}
        assert meeting.prompt().question.id == offered[1]
        assert in_composer(app)


async def test_the_palette_jumps_to_a_question_by_fuzzy_text(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"normen waardn")  # a typo on purpose
        await wait_for(pilot, lambda: palette_highlights(app, "Vraag: Welke normen en waarden"),
                       "the palette offers the question on Enter")
        await pilot.press("enter")
        await pilot.pause()
        assert meeting.prompt().question.id == "cultuur.normen-waarden"
        assert in_composer(app)


async def test_the_side_panel_jumps_to_a_section_by_keys(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:  # too narrow for the panel: f3 brings it
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press("f3")
        await pilot.pause()
        assert app.screen.has_class("-panel")
        await pilot.press("down", "down", "enter")  # from Thuis (where it is) past School to Sociaal
        await pilot.pause()
        assert meeting.prompt().question.id.startswith("sociaal.")
        assert in_composer(app) and not app.screen.has_class("-panel")  # the chat has its width back
        await pilot.press("f3", "escape")
        await pilot.pause()
        assert in_composer(app) and not app.screen.has_class("-panel")
        assert meeting.prompt().question.id.startswith("sociaal.")


async def test_the_top_bar_keeps_the_clock_and_the_badge_at_80_columns(new_app):
    app = new_app("return_to_school")  # the longest script title
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("f6")  # basis-only mode
        await pilot.pause()
        top = screen_text(app).splitlines()[0]
        assert "tijd: 0 min" in top and "BASIS" in top and "Sint-Jozef" in top and "…" in top


async def test_the_meeting_clock_is_recorded_when_the_app_quits(new_app, store, clock):
    app = new_app("teacher_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        clock.advance(12 * 60)
        app.screen.show_topbar()
        await pilot.pause()
        assert "12 min" in screen_text(app)
        ident = app.screen.meeting.transcript.meta.id
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert store.load(ident).seconds_spent() == 12 * 60
    assert [str(e.kind) for e in store.load(ident).events] == [str(EventKind.CLOCK)]


async def test_the_interface_speaks_english_with_lang_en(new_app):
    app = new_app("parent_dialogue", lang="en")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        shown = await wait_for_text(pilot, "Send", "Answer")
        assert "Verstuur" not in shown


async def test_a_long_log_mounts_its_newest_messages_and_the_rest_on_the_way_up(make_app, store, library):
    from assistant.tui.dialogs.edit import EditDialog
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta, Start
    from assistant.tui.widgets.chat import WINDOW

    meeting = start_new(store, library, "parent_dialogue", NewMeta())
    meeting.answer("het allereerste antwoord")
    for n in range(WINDOW):
        meeting.note(f"notitie {n}")
    meeting.answer("het tweede antwoord")
    meeting.session.close()
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        log = app.screen.log_view
        assert len(log.entries) > WINDOW + 2 and len(log.by_key) == WINDOW
        assert "eerdere berichten" in screen_text(app) or log.hidden > 0
        await pilot.press("ctrl+l", "up", "up")  # the second answer, then up past the window
        await pilot.pause()
        assert log.cursor is not None and log.cursor.entry.text == "het allereerste antwoord"
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)


async def test_a_fast_typist_loses_no_letter_to_the_send_key(new_app, store):
    """All keys arrive at once (a paste of keystrokes): every letter before ctrl+s is in the answer,
    every letter after it is in the next question's box."""
    from textual import events

    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        first = meeting.prompt().question.id
        burst = [*"De bus is te duur, ze moet twee keer overstappen.", "ctrl+s", *"Goed"]
        for key in burst:  # straight into the app's queue, without waiting in between
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: first in meeting.transcript.answers() and getattr(app.focused, "text", "") == "Goed",
                       "the answer is sent and 'Goed' is in the next box")
        assert meeting.transcript.answers()[first] == "De bus is te duur, ze moet twee keer overstappen."
        assert app.focused.text == "Goed"


async def test_the_edit_dialog_saves_every_letter_typed_before_its_save_key(new_app):
    from textual import events

    from assistant.tui.dialogs.edit import EditDialog

    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        first = meeting.prompt().question.id
        await pilot.press(*"De bus", "ctrl+s")
        await ready(pilot)
        await pilot.press("ctrl+l", "up", "enter")
        await pilot.pause()
        assert isinstance(app.screen, EditDialog)
        for key in [*" is te duur", "ctrl+s"]:  # one burst, as tmux or a fast typist sends it
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await ready(pilot)
        assert "is te duur" in meeting.transcript.answers()[first]


async def test_the_palette_ranks_the_question_typed_above_actions_that_merely_share_its_letters(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press(*"Ze wordt gepest op de bus", "ctrl+s")  # suggests, among others, the friends question
        await ready(pilot)
        pending = {s.question_id for s in meeting.view.suggestions}
        assert "sociaal.vrienden" in pending
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"vriendne")  # a typo: 'Volg vervolgvraag: Wie zijn de vrienden ...' shares its letters
        await wait_for(pilot, lambda: palette_highlights(app, "Vraag: Wie zijn de vrienden"),
                       "the palette offers the question (not the follow-up that shares its letters) on Enter")
        await pilot.press("enter")
        await pilot.pause()
        assert meeting.prompt().question.id == "sociaal.vrienden"
        assert "sociaal.vrienden" in {s.question_id for s in meeting.view.suggestions}  # jumped to, not followed


async def test_the_speaker_is_picked_from_the_participants_by_tab(new_app):
    from textual import events

    app = new_app("parent_dialogue", meta={"participants": (("Fatima El Idrissi", "moeder"), ("Jonas", "leerling"))})
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        conversation = app.screen
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert "Fatima El Idrissi (moeder)" in screen_text(app)
        for key in ("f", "a", "tab", "enter"):  # one burst, as tmux sends it
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for(pilot, lambda: app.screen is conversation and conversation.meeting.speaker and in_composer(app),
                       "the speaker dialog has closed on a speaker and the answer box has the focus")
        assert app.screen.meeting.speaker == "Fatima El Idrissi"
        assert in_composer(app)


async def test_letters_typed_as_the_checklist_opens_go_into_the_next_answer(make_app, store, library, clock):
    """A section's last basis answer is sent and the facilitator types on, expecting the next question:
    the deepening checklist opens in between. Its letters wait there, shown, and land in the next box."""
    from textual import events

    from assistant.tui.dialogs.checklist import ChecklistDialog
    from assistant.application.opening import start_new
    from assistant.application.settings import NewMeta, Start

    meeting = start_new(store, library, "school_dialogue", NewMeta("An", "De Linde"), clock=clock)
    meeting.answer({"B": {"0-4": 3}})  # the absence table; one text question left in the section
    meeting.session.close()
    app = make_app(Start("resume", ref=meeting.transcript.meta.id))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        for key in [*"Vooral maandag", "ctrl+s", *"Ouders"]:  # one burst
            app.post_message(events.Key(key, key if len(key) == 1 else None))
        await wait_for_text(pilot, "Getypt, voor het volgende antwoord: Ouders")
        assert isinstance(app.screen, ChecklistDialog)
        await pilot.press("down", "enter")  # back to the list; nothing picked: the deepening questions are parked
        await wait_for(pilot, lambda: not isinstance(app.screen, ChecklistDialog) and app.screen.composer.raw_value(),
                       "the checklist has closed and the next answer box holds what was typed")
        assert app.screen.composer.raw_value() == "Ouders"
