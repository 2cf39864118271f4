"""Slash commands typed in the composer, as in chat tools: `/notitie de moeder belt terug`."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.tui.strings import Strings


@dataclass(frozen=True)
class SlashCommand:
    action: str      # a key of strings.SLASH_COMMANDS: back, park, skip, note, ...
    argument: str    # the rest of the line, stripped


class SlashError(ValueError):
    """A command line that names no known command; the message lists the known ones."""


def parse(line: str, strings: Strings) -> SlashCommand:
    """The command on `line` (which starts with '/'). Dutch and English command words both work."""
    body = line.strip().removeprefix("/")
    word, _, rest = body.partition(" ")
    words = strings.command_words()
    action = words.get(word.lower())
    if action is None:
        # An unambiguous start of a command word is enough: /not for /notitie.
        starts = {a for w, a in words.items() if word and w.startswith(word.lower())}
        if len(starts) == 1:
            action = starts.pop()
    if action is None:
        known = " ".join(f"/{strings.command_word(a)}" for a in dict.fromkeys(words.values()))
        raise SlashError(strings("cmd.unknown", name=word, known=known))
    return SlashCommand(action, rest.strip())


def completions(strings: Strings) -> list[str]:
    """Every command word of the interface language, for the command line's completion."""
    from assistant.tui.strings import SLASH_COMMANDS

    return [f"/{strings.command_word(action)}" for action in SLASH_COMMANDS]
