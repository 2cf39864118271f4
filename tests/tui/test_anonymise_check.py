"""The check before sharing, in the app: what the anonymiser could not decide is shown highlighted before the
file is written, one key replaces (and remembers) or keeps each, Escape writes nothing; the decisions hold
for the next export, in the app and on the command line."""

from __future__ import annotations

import stat

from assistant.cli import main
from assistant.core.exports import summary_path
from assistant.core.transcript import Participant, Transcript
from assistant.core.transcript_files import file_stem
from assistant.tui.dialogs.anonymise_check import AnonymiseCheckDialog
from assistant.application.settings import Start
from tests.tui.driving import ready, screen_text
from tests.waiting import wait_for

ANSWER = ("Noors oma is ziek; meneer El Amrani werkt niet; bel 0470 12 34 56 of fatima.elamrani@gmail.com. "
          "Meneer Wouters gaf haar les in Mortsel.")


def stored(store) -> Transcript:
    t = Transcript.new("parent_dialogue", subject="Noor Peeters", facilitator="Lies Vermeulen",
                       participants=(Participant("Fatima El Amrani", "moeder"),))
    with store.create(t) as session:
        session.record("answer", question="thuis.praktische-problemen", value=ANSWER)
        session.close(status="closed")
    return t


async def test_the_check_asks_before_writing_and_remembers(make_app, store, tmp_path, capsys):
    transcript = stored(store)
    target = summary_path(store.root, file_stem(transcript), anonymised=True)
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:
        await ready(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnonymiseCheckDialog), "the check dialog")
        shown = screen_text(app)
        assert "Wouters" in shown and "Mortsel" in shown and "Nakijken voor het delen: 2" in shown
        assert "Noor" not in shown.replace("Nakijken", "") and "0470" not in shown  # already replaced: not asked
        await pilot.press("escape")  # called off: nothing written
        await wait_for(pilot, lambda: "Niet geëxporteerd" in screen_text(app), "the cancelled export's notice")
        assert not target.exists()

        await pilot.press("a")
        await wait_for(pilot, lambda: isinstance(app.screen, AnonymiseCheckDialog), "the check dialog again")
        await pilot.press("v")  # Wouters: replace
        await pilot.press("b")  # Mortsel: keep
        assert "[vervangen] Wouters" in screen_text(app) and "[behouden] Mortsel" in screen_text(app)
        await pilot.press("enter")
        await wait_for(pilot, lambda: "Anoniem geëxporteerd" in screen_text(app), "the export's notice")

    text = target.read_text(encoding="utf-8")
    assert "Wouters" not in text and "Mortsel" in text and "Noor" not in text and "El Amrani" not in text
    assert "Een persoon heeft nagekeken" in text and "Woorden die de nakijker bewust liet staan: 1" in text
    kept = store.root / ".pseudonyms" / f"{file_stem(transcript)}.yaml"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and stat.S_IMODE(kept.parent.stat().st_mode) == 0o700

    target.unlink()
    app = make_app(Start("review"))
    async with app.run_test(size=(80, 24)) as pilot:  # decided before: written without asking again
        await ready(pilot)
        await pilot.press("a")
        await wait_for(pilot, lambda: "Anoniem geëxporteerd" in screen_text(app), "the export's notice")
        assert not isinstance(app.screen, AnonymiseCheckDialog)
    assert target.read_text(encoding="utf-8") == text

    assert main(["summary", transcript.meta.id, "--anonymise", "--transcripts", str(store.root)]) == 0
    printed = capsys.readouterr().out
    assert "Mortsel" in printed and "Wouters" not in printed  # the command line follows the decisions
    store.delete(transcript.meta.id)
    assert not kept.exists()  # gone with the transcript
