"""Working through suggestions on a small screen: ctrl+f starts on the first suggestion waiting; each
shows its reason in a line or two, and the source its rule cites is one key away (r), not on screen."""

from __future__ import annotations

from assistant.application.chatlog import split_because
from assistant.application.log_entries import SuggestionEntry
from assistant.tui.strings import Strings
from tests.tui.driving import ready, screen_text
from tests.tui.test_command_burst import burst

WORRY = "Hij heeft angst en buikpijn en wil niet naar school"
NL = Strings("nl")


def test_a_rules_reason_and_its_source_are_told_apart_at_bron():
    assert split_because("Angst kan wijzen op schoolweigering. Bron: Fase 2 (\"Bron: x\").") == (
        "Angst kan wijzen op schoolweigering.", "Bron: Fase 2 (\"Bron: x\").")
    assert split_because("Bron: Zorgcontinuüm, fase 1.") == ("", "Bron: Zorgcontinuüm, fase 1.")
    assert split_because("Onze eigen inschatting.") == ("Onze eigen inschatting.", "")


async def test_ctrl_f_starts_on_the_first_suggestion_and_r_shows_its_source(new_app):
    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        screen = app.screen
        meeting = screen.meeting
        burst(app, *WORRY, "ctrl+s")
        await ready(pilot)
        suggestions = meeting.view.suggestions
        assert len(suggestions) >= 3
        reason, source = split_because(suggestions[0].because)
        assert reason and source
        shown = screen_text(app)
        assert reason[:40] in shown and "Bron:" not in shown, "the source is not on screen by default"
        assert meeting.prompt().question.text[:40] in shown, "the question waiting stays in view"

        burst(app, "ctrl+f")
        await ready(pilot)
        log = screen.log_view
        assert isinstance(log.cursor.entry, SuggestionEntry)
        assert log.cursor.entry.suggestion_key == suggestions[0].key, "ctrl+f starts on the first suggestion"
        assert NL("conv.suggestion.focused_keys") in screen_text(app), "the keys of the log are said"

        burst(app, "r")
        await ready(pilot)
        assert source[:30] in " ".join(screen_text(app).split()), "r shows the source"
        burst(app, "r")
        await ready(pilot)
        assert "Bron:" not in screen_text(app)

        burst(app, "down", "enter")
        await ready(pilot)
        assert meeting.prompt().question.id == suggestions[1].question_id
        assert NL("conv.suggestion.focused_keys") not in screen_text(app)


async def test_following_a_suggestion_and_answering_it_in_one_burst_decides_once_and_keeps_every_letter(new_app):
    """ctrl+f, Enter, and the answer typed on at once: the letters after Enter (a 'p', an 'x') are the
    answer's, not more decisions in the log."""
    from assistant.core.transcript import EventKind

    app = new_app("parent_dialogue")
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        meeting = app.screen.meeting
        burst(app, *WORRY, "ctrl+s")
        await ready(pilot)
        n, chosen = next((n, s) for n, s in enumerate(meeting.view.suggestions)
                         if s.question_id and meeting.question(s.question_id).type == "text")
        burst(app, "ctrl+f", *["down"] * n, "enter", *"De zorgco, expliciet gepland", "ctrl+s")
        await ready(pilot)
        await pilot.pause()
        decisions = [(e.get("suggestion"), e.get("decision")) for e in meeting.transcript.of_kind(EventKind.DECISION)]
        assert decisions == [(chosen.key, "accepted")]
        assert meeting.transcript.answers()[chosen.question_id] == "De zorgco, expliciet gepland"


def test_a_signal_whose_rule_only_quotes_its_source_shows_that_quote():
    """A signal cannot be picked, so its source is not one key away: issue 15's grounded signals have no
    reason but the quote ('Bron: ... ("...")'), and without it the log said nothing of why."""
    from assistant.application.chatlog import _signal
    from assistant.core.effects import Signal
    from assistant.tui.widgets.chat import render_entry

    quote = 'Bron: Dialoogdocument aanwezigheidsbeleid op school, bijlage 2, knipperlichten ("Alert zijn bij elke B-code")'
    quoted = render_entry(_signal(Signal("school.elke-b-code", "Elke B-code telt", quote)), NL, str).plain
    assert "Alert zijn bij elke B-code" in quoted
    reasoned = render_entry(_signal(Signal("r", "Vanaf 5 B-codes", f"Vijf of meer B-codes. {quote}")), NL, str).plain
    assert "Waarom: Vijf of meer B-codes." in reasoned and "Alert" not in reasoned  # a reason of its own: the source stays off
