"""What went wrong with a transcript, in the interface language: every code of the store has Dutch and
English words, and so has every reason a failed file operation is given by assistant.core.durable."""

from __future__ import annotations

import errno

import pytest

from assistant.core import durable
from assistant.application.opening import OpenError
from assistant.tui.strings import Strings, all_keys
from tests.test_store_error_codes import codes_in_source, every_error

OWN_CODES = {"unknown_script"}  # OpenError's own (assistant/application/opening.py)


@pytest.fixture
def errors(tmp_path, monkeypatch):
    return every_error(tmp_path, monkeypatch)


def test_every_store_error_code_and_reason_has_dutch_and_english_words():
    keys = all_keys()
    missing = [f"store_error.{c}" for c in sorted(codes_in_source() | OWN_CODES) if f"store_error.{c}" not in keys]
    missing += [f"store_error.reason.{errno.errorcode[n]}" for n in durable._REASONS
                if f"store_error.reason.{errno.errorcode[n]}" not in keys]
    assert not missing


def test_the_english_reasons_are_the_command_lines():
    for number, words in durable._REASONS.items():
        assert Strings("en")(f"store_error.reason.{errno.errorcode[number]}") == words


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_store_error_reads_as_one_sentence(errors, lang):
    t = Strings(lang)
    for error in errors:
        shown = t.store_error(error)
        assert shown[:1].isupper() and shown.endswith(".") and "\n" not in shown, shown
        assert shown != str(error) and not {"{", "}"} & set(shown), shown
        assert t.store_error(OpenError.of(error)) == shown  # the app's path: the store's error inside an OpenError


def test_dutch_says_it_in_dutch(errors):
    nl = Strings("nl")
    shown = {e.code: nl.store_error(e) for e in errors}
    folder = next(e.params["folder"] for e in errors if e.code == "create_folder")
    assert shown["create_folder"] == f"Kan de map voor de gesprekken niet maken ({folder}): een deel van het pad is geen map."
    assert shown["save_failed"] == "Niet bewaard: de schijf is vol. Niets gaat verloren zolang Dialoog open blijft."
    assert shown["locked"].startswith("Dit gesprek is al open in een andere Dialoog (") and ", proces " in shown["locked"]
    assert shown["ambiguous"] == "Meer dan één gesprek past bij 'Sint-Jozef' (2): geef meer van de id of de bestandsnaam."
    assert Strings("en").store_error(next(e for e in errors if e.code == "save_failed")) == \
        "Not saved: the disk is full. Nothing is lost while Dialoog stays open."


def test_a_reason_without_words_of_ours_and_an_error_without_a_code_stay_as_the_core_says_them():
    nl = Strings("nl")
    odd = OpenError("write_journal", "cannot write to x.journal: stale file handle", file="x.journal",
                    reason="stale file handle", os_error="ESTALE")
    assert nl.store_error(odd) == "Kan niet schrijven naar x.journal: stale file handle."
    assert nl.store_error(ValueError("participants: 'An (' has no closing bracket")) == \
        "participants: 'An (' has no closing bracket"
    assert nl.store_error(OpenError.of(ValueError("bad"))) == "bad"


def test_every_output_refusal_has_dutch_and_english_words(tmp_path):
    """The app saves summaries through assistant.core.outputs: each OutputError code it can raise (read
    from the source) reads as one sentence in both languages."""
    import ast
    import inspect

    from assistant.core import outputs

    codes = {node.args[0].value for node in ast.walk(ast.parse(inspect.getsource(outputs)))
             if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "OutputError"}
    assert {"output_exists", "output_symlink", "output_special", "output_name_too_long"} <= codes
    for lang in ("nl", "en"):
        t = Strings(lang)
        for code in codes:
            error = outputs.OutputError(code, "x", file="verslag.md", folder="map", kind="a device", length=300,
                                        reason="the disk is full", os_error="ENOSPC")
            shown = t.store_error(error)
            assert shown != "x" and shown.endswith(".") and "{" not in shown, (lang, code, shown)
