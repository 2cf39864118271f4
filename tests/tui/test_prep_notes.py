"""What the school told the CLB in a preparation stays off the shared screen of the parent conversation
(the parents may see it) until the facilitator opens it (F12); the side panel counts the signals the
log shows, the preparation's included."""

from __future__ import annotations

from assistant.core.transcript import EventKind
from assistant.tui.dialogs.prep_notes import PrepNotesDialog
from assistant.application.settings import NewMeta, Start
from tests.waiting import wait_for
from tests.tui.driving import ready, screen_text
from tests.tui.test_command_burst import burst

SENSITIVE = "Mama schaamt zich over de schulden"
KNOWN = "Vader werkt in ploegen"
TO_LEARN = "Hoe verloopt de ochtend"


def _prepared(store, library) -> str:
    """A preparation (sensitivities, what the school knows and wants to learn, 6 B-codes: a signal),
    handed over to a parent conversation; returns the parent conversation's id."""
    from assistant.application.opening import hand_over, start_new

    prep = start_new(store, library, "parent_prep", NewMeta("An Claes", "Lotte"))
    for question, value in (("prep.thuis.gekend", KNOWN), ("prep.thuis.te-weten", TO_LEARN),
                            ("prep.afwezigheid.b-codes", 6), ("prep.focus.topics", ["thuis"]),
                            ("prep.focus.gevoeligheden", SENSITIVE)):
        prep.session.record(EventKind.ANSWER, question=question, value=value)
    prep.refresh()
    prep.finish()
    prep.session.close()
    parent = hand_over(store, library, prep.transcript.meta.id, meta=NewMeta(participants=(("Fatima", "moeder"),)))
    parent.session.close()
    return parent.transcript.meta.id


async def test_sensitive_prep_notes_stay_off_screen_until_opened_and_the_panel_counts_the_carried_signals(
        make_app, store, library):
    ident = _prepared(store, library)
    carried = [e.get("text") for e in store.load(ident).of_kind(EventKind.SIGNAL) if e.get("preparation")]
    assert carried, "the preparation's B-code signal is carried"
    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(120, 40)) as pilot:
        await ready(pilot)
        screen = app.screen
        await wait_for(pilot, lambda: screen.has_class("-panel"), "the side panel at 120 columns")
        await ready(pilot)
        shown = " ".join(screen_text(app).split())
        for private in (SENSITIVE, KNOWN, TO_LEARN):
            assert private not in shown, f"{private!r} is on the shared screen"
        assert "F12" in shown, "the screen says where the notes are"
        panel = " ".join(str(screen.query_one("#signals").render()).split())
        assert all(" ".join(text.split())[:40] in panel for text in carried), panel

        burst(app, "f12")
        await wait_for(pilot, lambda: isinstance(app.screen, PrepNotesDialog), "the preparation's notes")
        await ready(pilot)
        opened = " ".join(screen_text(app).split())
        assert SENSITIVE in opened and KNOWN in opened and TO_LEARN in opened
        burst(app, "escape")
        await wait_for(pilot, lambda: app.screen is screen, "back to the conversation")
        await ready(pilot)
        assert SENSITIVE not in " ".join(screen_text(app).split())
