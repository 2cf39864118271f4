"""Putting text that people typed into Markdown so that it shows exactly as typed.

Answers and notes are data. Whatever they contain (a `#` at the start, a `|` in a table cell,
backticks, `<script>`, `{{ }}`), the rendered summary must show those characters, and the structure
around them (headings, lists, tables) must stay intact. CommonMark lets a backslash escape any ASCII
punctuation, so we escape the characters that could start markup, and only those, to keep the plain
text readable.
"""

from __future__ import annotations

import re

from assistant.core.safetext import visible


class Md(str):
    """Text that is already Markdown: the templates print it unchanged."""

    __slots__ = ()


# Characters that open inline markup anywhere in a line: emphasis, code, links, HTML, table cells,
# strikethrough, and an entity reference such as `&amp;` (which would otherwise render as `&`).
# An underscore between two letters or digits cannot open or close emphasis, so `prevention_plan`
# stays as it is; a `#` matters only where it could start a heading or close one.
_INLINE = re.compile(r"[\\`*\[\]<|~]|(?<![^\W_])_|_(?![^\W_])|&(?=#?[0-9A-Za-z]+;)|(?:(?<=\s)|^)#")
# What turns a line into a block: heading, quote, list item, setext underline, numbered item.
_LEADING = re.compile(r"^(?:([>+=-])|(\d+)([.)]))")


# Text made only of letters, digits, spaces and punctuation that starts nothing in Markdown needs no
# escaping: most table cells (numbers, names) and many short answers. A fast path, not a rule.
_PLAIN = re.compile(r"(?:[^\W_]|[ ,;:?!'\"/(%€@])*")


def _lines(text: object) -> list[str]:
    """The text as stripped lines: CR/LF variants unified, tabs as spaces, control characters (C0, C1, bidi
    overrides) shown as escapes (assistant.core.safetext), so that a terminal showing the file acts on none."""
    raw = text if isinstance(text, str) else str(text)
    raw = visible(raw.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return [line.strip() for line in raw.split("\n")]


def _escape_line(line: str) -> str:
    line = _INLINE.sub(lambda m: "\\" + m.group(0), line)
    return _LEADING.sub(lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3), line, count=1)


def inline(text: object) -> Md:
    """One line of literal text, safe anywhere inline (a heading, a list item, after a label)."""
    if isinstance(text, str) and _PLAIN.fullmatch(text):
        return Md(text.strip())
    return Md(_escape_line(" ".join(line for line in _lines(text) if line)))


def cell(text: object) -> Md:
    """Literal text for a table cell: pipes escaped, line breaks kept as `<br>`."""
    if isinstance(text, str) and (not text or text.isdigit() or _PLAIN.fullmatch(text)):
        return Md(text.strip())
    return Md("<br>".join(_escape_line(line) for line in _lines(text) if line))


def row(values: object) -> Md:
    """One table row of literal cells: `| a | b |`."""
    return Md("| " + " | ".join(cell(v) for v in values) + " |")  # type: ignore[attr-defined]


def block(text: object, indent: str = "") -> Md:
    """Literal multi-line text as paragraphs: line breaks kept (hard breaks), blank lines separate
    paragraphs. `indent` is put before every line but the first, so that the text stays inside the
    list item or block quote it starts in."""
    paragraphs: list[list[str]] = [[]]
    for line in _lines(text):
        if line:
            paragraphs[-1].append(_escape_line(line))
        elif paragraphs[-1]:
            paragraphs.append([])
    joined = [("\\\n" + indent).join(p) for p in paragraphs if p]
    return Md(("\n" + indent.rstrip() + "\n" + indent).join(joined))


_AUTHORED_ITEM = re.compile(r"^(?:[-*+•◦o]\s|\d{1,2}[.)]\s)")


def prose(text: object, indent: str = "") -> Md:
    """Literal text that an author wrapped to fit a YAML file (a bank's intro or help): wrapped lines
    flow together again, but a line that starts like a list item keeps its own line."""
    paragraphs: list[list[tuple[bool, str]]] = [[]]
    for line in _lines(text):
        if line:
            paragraphs[-1].append((bool(_AUTHORED_ITEM.match(line)), _escape_line(line)))
        elif paragraphs[-1]:
            paragraphs.append([])
    joined = []
    for lines in paragraphs:
        if lines:
            first, *rest = lines
            joined.append(first[1] + "".join(("\\\n" if item else "\n") + indent + line for item, line in rest))
    return Md(("\n" + indent.rstrip() + "\n" + indent).join(joined))
