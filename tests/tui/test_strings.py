"""Every interface string exists in Dutch and English with the same fields; slash commands in both."""

from __future__ import annotations

import pytest

from assistant.application.settings import parse_participants
from assistant.tui.slash_commands import SlashError, parse
from assistant.tui.strings import Strings, all_keys, placeholders


def test_both_languages_have_every_string_with_the_same_fields():
    for key, (nl, en) in all_keys().items():
        assert nl.strip() and en.strip(), key
        assert placeholders(nl) == placeholders(en), key


@pytest.mark.parametrize("line, action, argument", [
    ("/terug", "back", ""),
    ("/notitie moeder belt terug", "note", "moeder belt terug"),
    ("/NOT kort", "note", "kort"),
    ("/prioriteit 2", "priority", "2"),
    ("/spreker An De Smet", "speaker", "An De Smet"),
    ("/note also english", "note", "also english"),
    ("/basis", "basis", ""),
])
def test_slash_commands_parse(line, action, argument):
    command = parse(line, Strings("nl"))
    assert (command.action, command.argument) == (action, argument)


def test_an_unknown_or_ambiguous_command_lists_the_known_ones():
    with pytest.raises(SlashError, match=r"Onbekend commando '/xyz'.*/terug"):
        parse("/xyz", Strings("nl"))
    with pytest.raises(SlashError, match="Unknown command '/p'"):
        parse("/p", Strings("en"))  # park, priority: ambiguous


def test_participants_are_names_with_roles():
    people = parse_participants("An (leerkracht), Bert Peeters (directie, zorg), Chris")
    assert list(people) == [("An", "leerkracht"), ("Bert Peeters", "directie, zorg"), ("Chris", "")]
    with pytest.raises(ValueError, match="An \\(leerkracht"):
        parse_participants("An (leerkracht")
