"""At 80 columns the review's match column shows a few letters: the chosen row's match is shown in
full under the table while a search is on."""

from __future__ import annotations

from textual.widgets import DataTable

from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import loaded, ready, screen_text
from tests.waiting import wait_for, wait_for_text


def match_lines(shown: str) -> set[str]:
    return {line.strip() for line in shown.splitlines() if "Treffer:" in line}


async def test_the_chosen_rows_match_is_readable_at_80_columns(make_app, store, library):
    for pupil, text in (("Lotte", "Mama belt de school als Lotte ziek is, soms ook als ze buikpijn heeft"),
                        ("Noor", "Noor heeft buikpijn op maandag")):
        meeting = start_new(store, library, "parent_dialogue", NewMeta("An", pupil))
        meeting.answer(text)
        meeting.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        assert "Treffer:" not in screen_text(app)
        await pilot.press("slash", *"buikpijn", "enter")
        first = await wait_for_text(pilot, "2 treffer(s) voor 'buikpijn'", "Treffer:")
        await wait_for(pilot, lambda: isinstance(app.focused, DataTable), "Enter's results have the focus")
        await pilot.press("down")
        second = await wait_for(pilot, lambda: (shown := screen_text(app)) and (shown if match_lines(shown) - match_lines(first) else ""),
                                "the match under the table follows the chosen row")
        matches = match_lines(first) | match_lines(second)
        assert any("maandag" in m for m in matches) and any("Mama belt de school" in m for m in matches), matches


async def test_a_misspelt_search_shows_what_it_most_likely_meant_and_says_so(make_app, store, library):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte"))
    meeting.answer("Ze heeft buikpijn op maandag")
    meeting.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"buikpyn", "enter")
        shown = await wait_for_text(pilot, "Niets voor 'buikpyn'; 1 treffer(s) voor 'buikpijn'", "[buikpijn]")
        assert "Lotte" in shown and "[buikpijn]" in shown


async def test_the_same_search_shown_again_keeps_the_chosen_row(make_app, store, library):
    """Typing pauses (the search runs) and then Enter runs it again: a row moved to in between stays chosen."""
    for pupil, text in (("Lotte", "Mama belt de school als Lotte buikpijn heeft"), ("Noor", "Noor heeft buikpijn op maandag")):
        meeting = start_new(store, library, "parent_dialogue", NewMeta("An", pupil))
        meeting.answer(text)
        meeting.session.close()
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("slash", *"buikpijn", "enter")
        await wait_for(pilot, lambda: isinstance(app.focused, DataTable), "Enter's results have the focus")
        first = await wait_for_text(pilot, "2 treffer(s) voor 'buikpijn'", "Treffer:")
        await pilot.press("down")
        chosen = await wait_for(pilot, lambda: (shown := screen_text(app)) and (shown if match_lines(shown) - match_lines(first) else ""),
                                "the match under the table follows the chosen row")
        listed = app.screen.rows
        app.screen.reload()  # the same search's results once more
        await wait_for(pilot, lambda: app.screen.rows is not listed and loaded(app), "the results are shown again")
        await pilot.pause()  # and drawn
        assert match_lines(screen_text(app)) == match_lines(chosen)
