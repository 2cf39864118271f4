"""The review and the summary screen offer the same two exports, named alike and on the same keys:
'e' with the names, 'a' anonymised ("Exporteer" used to save with names in the review and
anonymised on the summary screen)."""

from __future__ import annotations

import pytest

from assistant.core.exports import summary_path
from assistant.core.transcript_files import file_stem
from assistant.tui.screens.review import ReviewScreen
from assistant.tui.screens.summary import SummaryScreen
from assistant.application.opening import start_new
from assistant.application.settings import NewMeta, Start
from tests.tui.driving import ready, screen_text

LABELS = {"nl": ("e Exporteer (met namen)", "a Exporteer anoniem", "Geëxporteerd (met namen)", "Anoniem geëxporteerd"),
          "en": ("e Export (with names)", "a Export anonymised", "Exported (with names)", "Exported anonymised")}


def a_parent_meeting(store, library):
    meeting = start_new(store, library, "parent_dialogue", NewMeta("An Claes", "Lotte Janssens", (("Els Maes", "mama"),)))
    meeting.answer("Geen geld voor de bus")
    meeting.finish()
    meeting.session.close()
    return meeting.transcript


async def export_both(pilot, lang: str) -> str:
    """Press both export keys on the screen shown; returns what the key bar showed."""
    named, anonymous, named_done, anonymous_done = LABELS[lang]
    shown = screen_text(pilot.app)
    await pilot.press("e")
    await ready(pilot)
    assert named_done in screen_text(pilot.app)
    await pilot.press("a")
    await ready(pilot)
    assert anonymous_done in screen_text(pilot.app)
    return shown


def assert_exported(store, transcript) -> None:
    named = summary_path(store.root, file_stem(transcript)).read_text(encoding="utf-8")
    anonymous = summary_path(store.root, file_stem(transcript), anonymised=True).read_text(encoding="utf-8")
    assert "Lotte Janssens" in named and "Els Maes" in named
    assert "Lotte Janssens" not in anonymous and "Els Maes" not in anonymous


@pytest.mark.parametrize(("lang", "size"), [("nl", (80, 24)), ("en", (120, 40))],  # each language, each size once
                         ids=["nl-80x24", "en-120x40"])
async def test_the_review_and_the_summary_offer_the_same_two_exports(make_app, store, library, lang, size):
    transcript = a_parent_meeting(store, library)
    named, anonymous, _, _ = LABELS[lang]
    app = make_app(Start("review"), lang=lang)
    async with app.run_test(size=size) as pilot:
        await ready(pilot)
        assert isinstance(app.screen, ReviewScreen)
        keys = await export_both(pilot, lang)
        assert named in keys and anonymous in keys, keys
        assert_exported(store, transcript)
        for path in (store.root / "exports").iterdir():
            path.unlink()
        await pilot.press("s")
        await ready(pilot, SummaryScreen)
        assert isinstance(app.screen, SummaryScreen)
        keys = await export_both(pilot, lang)
        assert named in keys and anonymous in keys, keys
        assert_exported(store, transcript)


async def test_the_summary_screen_saves_the_same_summary_as_a_word_file(make_app, store, library):
    import stat

    from tests.summary.test_docx import markdown_blocks, word_blocks

    transcript = a_parent_meeting(store, library)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("s")
        await ready(pilot)
        assert isinstance(app.screen, SummaryScreen) and "w Word-bestand" in screen_text(app)
        await pilot.press("w")
        await ready(pilot)
        assert "Word-bestand bewaard (met namen)" in screen_text(app)
        shown = app.screen.markdown
    path = summary_path(store.root, file_stem(transcript), word=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert word_blocks(path.read_bytes()) == markdown_blocks(shown)
