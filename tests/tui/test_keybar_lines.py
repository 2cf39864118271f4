"""A key bar that needs two lines at 80 columns splits its keys into lines of about equal length (the
summary's second line held only '^p Palet'), between keys, every key still shown."""

from __future__ import annotations

import pytest

from assistant.tui.screens.summary import SummaryScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from assistant.tui.widgets.keybar import KeyBar, line_starts
from tests.waiting import wait_for
from tests.tui.driving import ready, screen_text
from tests.tui.test_handover_details import a_preparation


@pytest.mark.parametrize("sizes, width, starts", [
    ([23, 19, 16, 11, 8], 78, [0, 2]),        # the summary: 43 + 37, not 72 + 8
    ([8, 14, 16, 23, 19, 6, 9, 8], 78, [0, 4]),  # the review: already as even as it gets
    ([10, 10], 78, [0]),                      # one line when it fits
    ([], 78, [0]),
    ([100, 3], 78, [0, 1]),                   # wider than a line: a line of its own
    ([30, 30, 30], 20, [0, 1, 2]),
    ([10, 10, 10, 10, 10, 10, 10], 40, [0, 3, 5]),  # three lines: 32 / 21 / 21 (greedy: 32 / 32 / 10)
])
def test_the_lines_are_as_few_as_greedy_filling_and_as_even_as_can_be(sizes, width, starts):
    assert line_starts(sizes, width) == starts


def key_bar_lines(app) -> list[str]:
    bar = app.screen.query_one(KeyBar).region
    return [line.strip() for line in screen_text(app).splitlines()[bar.y:bar.bottom]]


def assert_even(lines: list[str], keys: list[str]) -> None:
    assert len(lines) == 2, lines
    assert min(map(len, lines)) >= max(map(len, lines)) // 2, lines  # no line nearly empty
    shown = " ".join(lines)
    for key in keys:
        assert key in shown, (key, lines)


@pytest.mark.parametrize("lang, keys", [
    ("nl", ["e Exporteer (met namen)", "a Exporteer anoniem", "w Word-bestand", "v Vervolggesprek", "esc Sluiten", "^p Palet"]),
    ("en", ["e Export (with names)", "a Export anonymised", "w Word file", "v Follow-up meeting", "esc Close", "^p Palette"]),
])
async def test_the_summary_s_key_bar_is_two_even_lines_at_80_columns(make_app, store, library, lang, keys):
    start_new(store, library, "parent_dialogue", NewMeta("An", "Lotte")).session.close()
    app = make_app(Start("review"), lang=lang)
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen) and any(key_bar_lines(app)),
                       "the summary is shown with its key bar")
        assert_even(key_bar_lines(app), keys)
        await pilot.resize_terminal(120, 40)
        await wait_for(pilot, lambda: len(key_bar_lines(app)) == 1, "the key bar is one line at 120 columns")
        assert key_bar_lines(app) == ["  ".join(keys).replace("  ", " ")]  # one line where it fits


async def test_a_preparation_s_summary_key_bar_is_two_even_lines_at_80_columns(make_app, store, library):
    a_preparation(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(app.screen, SummaryScreen) and any(key_bar_lines(app)),
                       "the summary is shown with its key bar")
        assert_even(key_bar_lines(app), ["e Exporteer (met namen)", "a Exporteer anoniem", "h Oudergesprek",
                                         "esc Sluiten", "^p Palet"])


async def test_at_60_columns_the_conversation_key_bar_shows_every_key_and_at_80_one_line(new_app):
    """At 60x20 the bar was cut after f1: no F7 (finish), no palette, and no word about it."""
    app = new_app("parent_dialogue")
    async with app.run_test(size=(60, 20)) as pilot:
        await ready(pilot)
        lines = key_bar_lines(app)
        shown = " ".join(lines)
        assert len(lines) == 2 and all(len(line) <= 58 for line in lines), lines
        for key in ("^s", "^b", "^f", "^l", "f1", "f7", "^p"):
            assert key in shown, (key, lines)
        await pilot.resize_terminal(80, 24)
        await wait_for(pilot, lambda: len(key_bar_lines(app)) == 1, "at 80 columns the keys on one line", timeout=5)
