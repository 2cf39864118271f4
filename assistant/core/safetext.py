"""What of a text is safe to show: on a terminal, in the app, in a Markdown file.

Transcripts travel between colleagues and banks are files anyone can edit: their text is data. A
terminal acts on control characters: C0 and DEL, and the C1 range, where U+009B alone starts a control
sequence as ESC [ does. `ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears it, `ESC ] 8 ; ; URL`
makes a hyperlink. The bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E/F, U+061C) make a line read
in another order than it is stored; the tag characters (U+E0000–U+E007F) and U+FEFF hide text; U+2028
and U+2029 break lines where no newline is; a lone surrogate cannot be written at all.

Every output of such text goes through `visible` (or `one_line`): each of those characters is shown as
an escape that a reader can see (`\\x1b`, `\\u202e`), so nothing acts on it and nothing is hidden.
Newline and tab stay; a Windows line end (CR LF) is a newline.
"""

from __future__ import annotations

import io
import re
from typing import TextIO

UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069"
    "\ufeff\ufff9-\ufffb\ud800-\udfff\U000e0000-\U000e007f]"
)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code < 0x100:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def visible(text: object) -> str:
    """`text` with every character a terminal would act on (or that would hide text) shown as an escape."""
    value = text if isinstance(text, str) else str(text)
    if "\r\n" in value:
        value = value.replace("\r\n", "\n")
    return UNSAFE.sub(_escape, value)


def one_line(text: object) -> str:
    """`visible`, on one line: newlines and tabs as spaces (a table cell, a title, a list row)."""
    return " ".join(visible(text).replace("\t", " ").split("\n"))


def visible_in(value: object) -> object:
    """An answer value (text, list, table) with `visible` applied to every text in it."""
    if isinstance(value, str):
        return visible(value)
    if isinstance(value, list | tuple):
        return [visible_in(v) for v in value]
    if isinstance(value, dict):
        return {k: visible_in(v) for k, v in value.items()}
    return value


def first_unsafe(text: str) -> str | None:
    """The first character of `text` that `visible` would escape, as its escape; None when there is none."""
    found = UNSAFE.search(text.replace("\r\n", "\n"))
    return _escape(found) if found else None


class SafeWriter(io.TextIOBase):
    """A text stream that writes everything through `visible`: the command line's stdout and stderr,
    so that no output path can send a transcript's control characters to the terminal."""

    def __init__(self, stream: TextIO) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def writable(self) -> bool:
        return True

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return getattr(self.stream, "encoding", "utf-8")


def start_of_line(stream: TextIO) -> None:
    """Back to the start of the line on a terminal, to redraw a line that counts up (the search index's
    progress): our own control character, so it goes past the SafeWriter that escapes those of data."""
    (stream.stream if isinstance(stream, SafeWriter) else stream).write("\r")
