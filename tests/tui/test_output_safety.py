"""The app shows a transcript's control characters and escape sequences as visible escapes on every screen:
the start screen's open conversations, the review (table, search match), the conversation (top bar, log,
details form), the summary and the read-only view. What the screen is made of is read from what Textual
composes for the terminal, so any path that passed a raw ESC would show here."""

from __future__ import annotations

from hostile import ALL, SEQUENCES, hostile_transcript, unsafe

from assistant.application.settings import Start
from tests.waiting import wait_for


def drawn(app) -> str:
    """Every character the top screen sends to the terminal (dialogs and toasts included)."""
    return "\n".join("".join(seg.text for seg in strip) for strip in app.screen._compositor.render_strips())


def assert_safe(app, where: str) -> None:
    text = drawn(app)
    assert not unsafe(text), f"{where}: the screen holds {unsafe(text)[:6]}"


async def test_every_screen_shows_controls_as_escapes(store, make_app):
    with store.create(hostile_transcript(ALL)) as session:
        ident = session.id
    app = make_app(Start())
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Noor" in drawn(app), "the start screen with the open conversation")
        assert_safe(app, "start screen")

    app = make_app(Start("review"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Noor" in drawn(app), "the review table")
        assert_safe(app, "review")
        await pilot.press("slash", *"laat", "enter")
        await wait_for(pilot, lambda: "Treffer" in drawn(app), "the search's match column")
        await pilot.press("down")
        await wait_for(pilot, lambda: str(app.screen.query_one("#review-match").render()).strip(), "the match under the table")
        assert_safe(app, "review search")

    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Voortgang" in drawn(app) and "PWNED" in drawn(app), "the log of the resumed conversation")
        assert "\\x1b]0;PWNED\\x07" in drawn(app)  # shown, not dropped
        assert_safe(app, "conversation")
        await pilot.press("f2")
        await wait_for(pilot, lambda: "Fatima" in drawn(app), "the details form")
        assert_safe(app, "details form")
        await pilot.press("escape")
        await pilot.press("ctrl+l", "up", "up", "enter")  # edit an earlier answer: its text in the answer box
        await wait_for(pilot, lambda: type(app.screen).__name__ == "EditDialog", "the edit dialog")
        assert_safe(app, "edit dialog")
        await pilot.press("escape")
        await pilot.press("f9")
        await wait_for(pilot, lambda: "Concept" in drawn(app), "the summary")
        assert_safe(app, "summary")

    with store.create(hostile_transcript(ALL)) as session:
        session.close(status="closed")
    app = make_app(Start("review"))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "Noor" in drawn(app), "the review table")
        await pilot.press("enter")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "ReadOnlyScreen" and "Bus" in drawn(app), "the read-only view")
        assert_safe(app, "read-only view")


def test_a_resumed_transcript_writes_no_sequence_of_its_own_to_the_terminal(tmp_path):
    """The bytes the real app writes to a pseudo-terminal: Textual's own sequences, none of the transcript's."""
    from tests.tui.ptyapp import CTRL_Q, PtyApp

    from assistant.core.store import Store

    folder = tmp_path / "transcripts"
    store = Store(folder, snapshot_delay=None)
    with store.create(hostile_transcript(ALL)) as session:
        ident = session.id
    store.close()
    app = PtyApp("resume", ident, "--transcripts", str(folder), cwd=tmp_path)
    app.wait_for("PWNED")
    app.wait_for("Notitie")
    app.type(CTRL_Q)
    assert app.wait() == 0
    for name, sequence in SEQUENCES.items():
        assert sequence.encode("utf-8", "surrogatepass") not in app.output, f"{name} reached the terminal"
    for char in "\x9b\x9d\x9c\u202e\u2067\U000e0041\x00\x7f\x08":
        assert char.encode() not in app.output, f"U+{ord(char):04X} reached the terminal"


async def test_a_follow_ups_review_of_last_time_shows_controls_as_escapes(store, make_app):
    """What a follow-up carried (actions, notes, questions) in the chat, the review dialog (ctrl+e) and the
    dialog for a partly-done note: escapes, never raw controls."""
    from hostile import hostile_follow_up

    with store.create(hostile_follow_up(ALL)) as session:
        ident = session.id
    app = make_app(Start("resume", ref=ident))
    async with app.run_test(size=(120, 40)) as pilot:
        await wait_for(pilot, lambda: "afgerond: Nu" in drawn(app), "the chat with the carried action's review")
        assert_safe(app, "conversation of a follow-up")
        await pilot.press("ctrl+e")
        await wait_for(pilot, lambda: type(app.screen).__name__ == "CarriedDialog" and "Toelage" in drawn(app),
                     "the review of last time")
        assert "\\x1b]0;PWNED\\x07" in drawn(app)  # shown, not dropped
        assert_safe(app, "review of last time")
        await pilot.press("d")  # partly done: the note dialog, with the action in its title
        await wait_for(pilot, lambda: type(app.screen).__name__ == "LineDialog", "the note dialog")
        assert_safe(app, "partly-done note")
