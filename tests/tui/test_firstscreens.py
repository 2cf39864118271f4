"""A new conversation's first screen, kept between runs, is the screen that conversation really opens on."""

from __future__ import annotations

import shutil

from assistant.core import locations
from assistant.core.store import Store
from assistant.tui import firstscreens
from assistant.application.conversation_view import compute, fork, from_dict
from assistant.application.settings import NewMeta
from tests.tui.ptyapp import CTRL_Q, CTRL_S, PtyApp


def test_a_kept_first_screen_is_the_one_each_script_opens_with(tmp_path, library):
    for script in library.scripts:
        signed = firstscreens.signature(script)
        firstscreens.store(script, signed, compute(str(tmp_path), script, None, NewMeta("An", "Klas 3")))
        other = NewMeta("Bert", "Noor (5B)", (("Mama", "ouder"),))
        kept = firstscreens.load(script, signed, other)
        assert kept == from_dict(compute(str(tmp_path), script, None, other)), script


def test_an_edited_bank_is_a_miss(tmp_path, monkeypatch):
    banks = tmp_path / "banks"
    shutil.copytree(locations.banks_dir(), banks)
    monkeypatch.setenv("DIALOOG_BANKS", str(banks))
    signed = firstscreens.signature("parent_dialogue")
    firstscreens.store("parent_dialogue", signed, compute(str(tmp_path), "parent_dialogue", None, NewMeta("An", "Lotte")))
    assert firstscreens.load("parent_dialogue", firstscreens.signature("parent_dialogue"), NewMeta("An", "Lotte"))
    bank = next(banks.glob("*.yaml"))
    bank.write_text(bank.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert firstscreens.load("parent_dialogue", firstscreens.signature("parent_dialogue"), NewMeta("An", "Lotte")) is None


def test_a_script_name_that_is_not_an_id_is_never_a_file_name():
    assert firstscreens.signature("../../etc/x") is None and firstscreens.signature("Parent Dialogue") is None


def test_meetings_that_carry_an_earlier_transcript_are_never_kept(tmp_path):
    signed = firstscreens.signature("parent_dialogue")
    firstscreens.store("parent_dialogue", signed, compute(str(tmp_path), "parent_dialogue", None, NewMeta("An", "Lotte")))
    assert firstscreens.load("parent_dialogue", signed, NewMeta("An", "Lotte")) is not None
    assert firstscreens.load("parent_dialogue", signed, NewMeta("An", "Lotte", follows="abc123")) is None
    assert firstscreens.load("parent_dialogue", signed, NewMeta("An", "Lotte", prepared_by="abc123")) is None


def test_a_damaged_kept_screen_is_a_miss(tmp_path):
    signed = firstscreens.signature("parent_dialogue")
    firstscreens.store("parent_dialogue", signed, compute(str(tmp_path), "parent_dialogue", None, NewMeta("An", "Lotte")))
    firstscreens.path("parent_dialogue").write_text("{not json", encoding="utf-8")
    assert firstscreens.load("parent_dialogue", signed, NewMeta("An", "Lotte")) is None


def test_the_helper_keeps_what_it_computed(store):
    signed = firstscreens.signature("teacher_dialogue")
    handle = fork(str(store.root), "teacher_dialogue", None, NewMeta("An", "Klas 3"), keep=signed)
    assert handle.result() is not None and handle.created()  # created() waits for the helper to finish
    kept = firstscreens.load("teacher_dialogue", signed, NewMeta("Bert", "Klas 4"))
    assert kept is not None and kept.subject == "Klas 4" and kept.prompt.question.type == "yes_no"


def test_a_second_new_conversation_starts_from_the_kept_screen_and_is_saved(tmp_path):
    """In a real terminal: the first run keeps the screen; the second paints it and makes its transcript itself."""
    folder, env = tmp_path / "transcripts", {"DIALOOG_CACHE": str(tmp_path / "cache")}
    for subject in ("Lotte", "Noor"):
        app = PtyApp("new", "parent_dialogue", "--facilitator", "An", "--subject", subject, "--transcripts", str(folder),
                     cwd=tmp_path, env=env)
        app.wait_for("Zijn er praktische problemen?")
        app.wait_for(subject)
        if subject == "Noor":
            assert list((tmp_path / "cache").glob("first-screen-*.json"))
            app.type("Geen vervoer")
            app.type(CTRL_S)
            app.wait_for("Hoe is de relatie met ouders?")
        app.type(CTRL_Q)
        assert app.wait() == 0
    saved = {info.subject: info for info in Store(folder).list()}
    assert set(saved) == {"Lotte", "Noor"} and saved["Noor"].answers == 1
    assert list(Store(folder).load(saved["Noor"].id).answers().values()) == ["Geen vervoer"]
