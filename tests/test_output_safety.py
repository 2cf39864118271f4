"""No control character or escape sequence from a transcript reaches a terminal: every output path of the
command line (list, show, search, summary, export, errors), the Markdown summary, named or anonymised.
The app's screens are in tests/tui/test_output_safety.py."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hostile import ALL, SEQUENCES, hostile_text, hostile_transcript, unsafe
from storekit import new_store

from assistant.cli import main
from assistant.core.safetext import first_unsafe, one_line, visible


def run(capsys, *args: str) -> tuple[int, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's usage errors
        code = exc.code
    out, err = capsys.readouterr()
    return code, out + err


def every_output(capsys, folder, ident: str) -> dict[str, tuple[int, str]]:
    where = ("--transcripts", str(folder))
    return {
        "list": run(capsys, "list", *where),
        "show": run(capsys, "show", ident, *where),
        "search": run(capsys, "search", "Bus", *where),
        "search-snippet": run(capsys, "search", "laat", *where),
        "summary": run(capsys, "summary", ident, *where),
        "summary-anonymised": run(capsys, "summary", ident, "--anonymise", *where),
        "export": run(capsys, "export", ident, *where),
        "export-anonymised": run(capsys, "export", ident, "--anonymise", *where),
        "error-unknown-ref": run(capsys, "show", "\x1b]0;PWNED\x07\u202e", *where),
        "error-usage": run(capsys, "list", "--since", "\x1b[2J", *where),
    }


def stored(folder, transcript) -> str:
    store = new_store(folder)
    try:
        with store.create(transcript) as session:
            return session.id
    finally:
        store.close()


def test_every_control_and_sequence_through_every_command(tmp_path, capsys):
    ident = stored(tmp_path / "t", hostile_transcript(ALL))
    outputs = every_output(capsys, tmp_path / "t", ident)
    for path, (code, text) in outputs.items():
        assert not unsafe(text), f"{path} wrote {unsafe(text)[:5]}"
        assert "\x1b" not in text and "\x9b" not in text, path
    assert outputs["show"][0] == 0 and outputs["summary"][0] == 0 and outputs["export"][0] == 0
    # shown, visibly, not dropped: a reader sees that the answer held a sequence
    assert "\\x1b]0;PWNED\\x07" in outputs["show"][1] and "\\u202e" in outputs["search"][1]
    assert "\\\\x1b\\]0;PWNED\\\\x07" in outputs["summary"][1]  # in Markdown, the backslash itself escaped


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(payload=hostile_text())
def test_any_mix_of_controls_through_every_command(tmp_path_factory, capsys, payload):
    folder = tmp_path_factory.mktemp("t")
    ident = stored(folder, hostile_transcript(payload))
    for path, (_, text) in every_output(capsys, folder, ident).items():
        assert not unsafe(text), f"{path} wrote {unsafe(text)[:5]} for {payload!r}"


@given(st.text())
def test_visible_leaves_nothing_unsafe_and_keeps_ordinary_text(text):
    shown = visible(text)
    assert not unsafe(shown)
    assert not unsafe(one_line(text)) and "\n" not in one_line(text)
    assert (first_unsafe(text) is None) == (shown == text.replace("\r\n", "\n"))


@pytest.mark.parametrize("name", sorted(SEQUENCES))
def test_each_sequence_is_shown_as_escapes(name):
    shown = visible(SEQUENCES[name])
    assert not unsafe(shown) and shown != SEQUENCES[name]
    assert visible("Noor Peeters, 0470 12 34 56\n\tjuf Sofie é ë ç 😀") == "Noor Peeters, 0470 12 34 56\n\tjuf Sofie é ë ç 😀"


def test_a_lone_surrogate_is_shown_not_a_crash():
    assert visible("x\ud800y") == "x\\ud800y"


def test_the_command_line_refuses_control_characters_in_names(tmp_path, capsys):
    code, text = run(capsys, "new", "parent_dialogue", "--subject", "Noor \x1b]0;X\x07 P", "--transcripts", str(tmp_path))
    assert code == 2 and "control character" in text and not unsafe(text)
    assert not list(tmp_path.iterdir())
