"""Reading the summaries back with markdown-it-py: is it CommonMark, what structure, which text."""

from __future__ import annotations

from dataclasses import dataclass

from markdown_it import MarkdownIt
from markdown_it.token import Token

# CommonMark plus the GFM tables the summary uses; no HTML other than the `<br>` of table cells.
PARSER = MarkdownIt("commonmark").enable("table")


@dataclass
class Shape:
    """What a reader sees of a document's structure: headings, tables (rows x cells), list items."""

    headings: list[tuple[int, str]]
    tables: list[list[list[str]]]
    list_items: int
    text: str


def _inline_text(token: Token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type == "html_inline":
            assert child.content == "<br>", f"raw HTML in the output: {child.content!r}"
            parts.append("\n")
    return "".join(parts)


def shape(markdown: str) -> Shape:
    """Parse `markdown`; fail on raw HTML blocks or inline HTML other than `<br>`."""
    tokens = PARSER.parse(markdown)
    headings: list[tuple[int, str]] = []
    tables: list[list[list[str]]] = []
    texts: list[str] = []
    items = 0
    row: list[str] | None = None
    for i, token in enumerate(tokens):
        assert token.type != "html_block", f"raw HTML block in the output: {token.content!r}"
        if token.type == "inline":
            text = _inline_text(token)
            texts.append(text)
            if tokens[i - 1].type == "heading_open":
                headings.append((int(tokens[i - 1].tag[1]), text))
            if row is not None:
                row.append(text)
        elif token.type == "table_open":
            tables.append([])
        elif token.type == "tr_open":
            row = []
        elif token.type == "tr_close":
            tables[-1].append(row or [])
            row = None
        elif token.type == "list_item_open":
            items += 1
    return Shape(headings, tables, items, "\n".join(texts))


def assert_literal(markdown: str, typed: str) -> None:
    """Every line that was typed shows, character for character, in the rendered document."""
    text = shape(markdown).text
    for line in typed.splitlines():
        if line.strip():
            assert line.strip() in text, f"not shown literally: {line.strip()!r}"
