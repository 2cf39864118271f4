"""The review of last time at the start of a follow-up, and priority proposals in the chat, driven by keys."""

from __future__ import annotations

from assistant.core.followup import follow_up
from assistant.core.transcript import ActionStatus
from assistant.tui.dialogs.carried import CarriedDialog
from assistant.tui.screens.conversation import ConversationScreen
from assistant.application.settings import Start
from tests.waiting import wait_for
from tests.tui.driving import ready, screen_text

PLAN = [{"wat": "Stappenplan herwerken", "wie": "directie"}, {"wat": "Registratie afspreken", "wie": "secretariaat"},
        {"wat": "Infoavond ouders", "wie": "directie"}]


def a_follow_up(store, library) -> str:
    from tests.storekit import school

    with store.create(school()) as first:
        first.record("answer", question="opvolging.planning", value=PLAN)
        first.record("defer", question="inzicht.verschillen")
        first.close("closed")
    session = follow_up(store, first.id, banks=library.banks, scripts=library.scripts)
    session.close()
    return session.id


async def on_screen(pilot) -> CarriedDialog:
    """The review, opened by itself: keys read before it was there are typing for the answer."""
    await wait_for(pilot, lambda: isinstance(pilot.app.screen, CarriedDialog) and pilot.app.screen.is_mounted, "the review on screen")
    return pilot.app.screen


async def test_the_review_opens_first_and_saves_each_choice_as_its_key_is_pressed(make_app, store, library):
    ident = a_follow_up(store, library)
    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await on_screen(pilot)
        await pilot.press("a")                       # the first action: done
        await pilot.press("d", *"helft klaar", "enter")  # the second: partly done, with a note
        await ready(pilot)
        await pilot.press("x")                       # the third: dropped
        await pilot.press("enter")                   # the parked question: now
        await ready(pilot)
        assert "[deels afgerond]" in screen_text(app) and "helft klaar" in screen_text(app)
        await pilot.press("escape")
        await ready(pilot)
        assert isinstance(app.screen, ConversationScreen)
        meeting = app.screen.meeting
        statuses = {a: meeting.transcript.action_status(a) for a in meeting.transcript.action_statuses()}
        assert sorted(statuses.values()) == [(ActionStatus.DONE, ""), (ActionStatus.DROPPED, ""),
                                              (ActionStatus.PARTLY, "helft klaar")]
        assert meeting.prompt().question.id == "inzicht.verschillen"  # taken up: asked first
        await pilot.press("ctrl+q")  # saves and lets the transcript go
    again = make_app(Start("resume", ref=ident))
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        assert isinstance(again.screen, ConversationScreen)  # everything reviewed: it does not open again
        await pilot.press("ctrl+e")
        await ready(pilot)
        assert isinstance(again.screen, CarriedDialog) and "[afgerond]" in screen_text(again)


async def test_a_priority_proposal_is_taken_over_by_key_and_cannot_be_parked(new_app):
    app = new_app("school_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        meeting.jump("samenwerking.bespreking-clb")
        await app.screen.show_state()
        await pilot.press(*"Eerder ad hoc, weinig overleg", "ctrl+s")
        await ready(pilot)
        key = "school.samenwerking-clb-laag#prioriteit"
        assert [h.key for h in meeting.priority_proposals()] == [key]
        # ctrl+f starts on the first waiting: the rule's three questions, then its proposal
        await pilot.press("ctrl+f", "down", "down", "down", "p")
        await ready(pilot)
        assert key not in meeting.transcript.decisions()  # parking a proposal means nothing: refused
        await pilot.press("enter")
        await ready(pilot)
        assert meeting.transcript.decisions()[key].get("decision") == "accepted"
        assert any("Prioriteit: Een vaste overlegstructuur" in n.message for n in app._notifications)  # said, as a flag set is


async def test_an_own_suggestion_parked_is_still_marked_as_our_own_next_time(new_app, make_app, store, library):
    """Issue 15's marker travels with a carried question: parked in one meeting, it is proposed in the next
    as 'Vorige keer geparkeerd (eigen suggestie)', in the review of last time and in the chat."""
    app = new_app("parent_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press(*"Het busabonnement is te duur", "ctrl+s")
        await ready(pilot)
        own = next(s for s in meeting.view.suggestions if s.own)
        await pilot.press("ctrl+f", "p")  # the first waiting follow-up, our own: parked for next time
        await ready(pilot)
        assert meeting.transcript.decisions()[own.key].get("decision") == "parked"
        first = meeting.transcript.meta.id
        await pilot.press("ctrl+q")
    session = follow_up(store, first, banks=library.banks, scripts=library.scripts)
    session.close()
    assert next(p for p in session.transcript.meta.carried.parked if p.get("suggestion") == own.key)["own"] is True
    again = make_app(Start("resume", ref=session.id))
    async with again.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        await on_screen(pilot)
        assert "Vorige keer geparkeerd (eigen suggestie)" in screen_text(again)
        await pilot.press("escape")
        await ready(pilot)
        assert f"Vorige keer geparkeerd (eigen suggestie): {own.text[:30]}" in screen_text(again)


async def test_typing_on_as_the_review_opens_by_itself_is_kept_for_the_answer_and_decides_nothing(store, library, make_app):
    """Issue 14's rule for the deepening checklist, for issue 16's review: it opens by itself as a follow-up
    starts, while a fast facilitator may already be typing the first answer. 'Ze doen het goed' marked
    the first action still open (o) and opened the partly-done note (d) on the second."""
    ident = a_follow_up(store, library)
    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press(*"Ze doen")  # typed before anything is on screen
        await ready(pilot)
        dialog = await on_screen(pilot)
        await pilot.press(*" het goed")  # typing goes on once it is up
        await ready(pilot)
        assert "Getypt, voor het volgende antwoord: Ze doen het goed" in screen_text(app)
        meeting = dialog.app.screen_stack[-2].meeting
        assert not meeting.transcript.action_statuses() and not meeting.transcript.decisions(), "nothing decided"
        await pilot.press("down", "up", "a")  # an arrow: back to the list; the first action done
        await ready(pilot)
        assert [meeting.transcript.action_status(a)[0] for a in meeting.transcript.action_statuses()] == [ActionStatus.DONE]
        await pilot.press("escape", *", echt")  # closed: the typing goes on in the answer box, in order
        await ready(pilot)
        assert isinstance(app.screen, ConversationScreen)
        # into the box of the question waiting (here the counts table's first cell), to be corrected there
        assert app.screen.composer.raw_value() == {"B": {"0-4": "Ze doen het goed, echt"}}
