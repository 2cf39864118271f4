"""A follow-up that is our own judgement says so on screen; one the documents give cites them; a negated
word proposes nothing. Typed by keys into the real conversation screen, as a facilitator would."""

from __future__ import annotations

from tests.tui.driving import ready, screen_text
from tests.waiting import wait_for


async def test_an_own_suggestion_is_marked_and_a_negated_worry_proposes_nothing(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(100, 30)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        await pilot.press(*"Het busabonnement is te duur", "ctrl+s")
        await wait_for(pilot, lambda: "eigen suggestie" in screen_text(app), "an own suggestion marked on screen")
        shown = screen_text(app)
        assert "Vervolgvraag (eigen suggestie): Wat is er nodig" in shown
        assert "Waarom: Eigen suggestie:" in shown
        await pilot.press(*"Goed hoor, hij is niet bang en heeft nooit buikpijn", "ctrl+s")
        await wait_for(pilot, lambda: len(meeting.transcript.answers()) == 2, "the second answer saved")
        assert {s.rule_id for s in meeting.view.suggestions} == {"ouders.praktisch"}, "a negated worry proposes nothing"
        await pilot.press(*"Ze is bang op de bus", "ctrl+s")
        await wait_for(pilot, lambda: "Waarom: Angst, paniek" in screen_text(app), "the school-refusal follow-ups with their reason")
        assert "Bron: Aanwezigheidsbeleid" not in screen_text(app), "the source is one key away, not on screen"
        # ctrl+f starts on the first waiting (the first answer's own follow-up and its priority proposal)
        above = [s for s in meeting.view.suggestions if s.rule_id == "ouders.praktisch"]
        above += [h for h in meeting.priority_proposals() if h.rule_id == "ouders.praktisch"]
        await pilot.press("ctrl+f", *["down"] * len(above), "r")
        await wait_for(pilot, lambda: "Bron: Aanwezigheidsbeleid" in screen_text(app), "the source the school-refusal rule quotes (r)")
        assert "ouders.praktisch-elders" not in {s.rule_id for s in meeting.view.suggestions}
