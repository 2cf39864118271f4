"""The Word file of every golden summary and sheet holds the same text and tables as its Markdown.

Each golden file is turned into a .docx and read back with python-docx, in body order (paragraphs
and tables as they stand), and compared with what a Markdown reader gets from the same file: the
text of each heading, paragraph and list item (a numbered item with its number), and every table
cell by cell. Read here from markdown-it's tokens, not from the converter's own code.
"""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from assistant.core.worddoc import PARSER, docx_bytes

GOLDEN = Path(__file__).resolve().parents[1] / "golden"
FILES = sorted(p.name for p in GOLDEN.glob("*.md") if p.name != "README.md")


def _inline(token) -> str:
    parts = []
    for child in token.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "hardbreak" or (child.type == "html_inline" and child.content == "<br>"):
            parts.append("\n")
        elif child.type == "softbreak":
            parts.append(" ")
    return "".join(parts)


def markdown_blocks(markdown: str) -> list[tuple]:
    """('heading', level, text), ('p', text) and ('table', rows) in reading order."""
    blocks: list[tuple] = []
    numbers: list[int | None] = []
    first_in_item = False
    heading = None
    table: list[list[str]] | None = None
    for token in PARSER.parse(markdown):
        if token.type == "heading_open":
            heading = int(token.tag[1])
        elif token.type in ("bullet_list_open", "ordered_list_open"):
            numbers.append(int(token.attrGet("start") or 1) if token.type == "ordered_list_open" else None)
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            numbers.pop()
        elif token.type == "list_item_open":
            first_in_item = True
        elif token.type == "table_open":
            table = []
        elif token.type == "tr_open":
            table.append([])
        elif token.type == "table_close":
            blocks.append(("table", table))
            table = None
        elif token.type == "inline":
            text = _inline(token)
            if table is not None:
                table[-1].append(text)
            elif heading is not None:
                blocks.append(("heading", heading, text))
                heading = None
            else:
                if numbers and numbers[-1] is not None and first_in_item:
                    text = f"{numbers[-1]}. {text}"
                    numbers[-1] += 1
                first_in_item = False
                blocks.append(("p", text))
    return blocks


def word_blocks(data: bytes) -> list[tuple]:
    document = docx.Document(io.BytesIO(data))
    blocks: list[tuple] = []
    for part in document.iter_inner_content():
        if isinstance(part, Table):
            blocks.append(("table", [[cell.text for cell in row.cells] for row in part.rows]))
        elif isinstance(part, Paragraph):
            style = part.style.name
            if style.startswith("Heading "):
                blocks.append(("heading", int(style.split()[1]), part.text))
            else:
                blocks.append(("p", part.text))
    return blocks


@pytest.mark.parametrize("name", FILES)
def test_the_word_file_holds_the_markdowns_text_and_tables(name: str) -> None:
    markdown = (GOLDEN / name).read_text(encoding="utf-8")
    expected = markdown_blocks(markdown)
    assert any(b[0] == "table" for b in expected) or name.startswith("sheet"), "a golden file without tables tests less"
    assert word_blocks(docx_bytes(markdown)) == expected


def test_a_reader_sees_headings_lists_and_a_bold_table_head() -> None:
    document = docx.Document(io.BytesIO(docx_bytes((GOLDEN / "summary_school_dialogue.md").read_text(encoding="utf-8"))))
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Heading 1", "Samenvatting: Dialoogdocument aanwezigheidsbeleid op school")
    assert ("Heading 2", "Actieplan") in styles
    assert any(style == "List Bullet" and text.startswith("Datum:") for style, text in styles)
    head = document.tables[0].rows[0].cells[0].paragraphs[0].runs
    assert head and all(run.bold for run in head)
    assert document.core_properties.author == "Dialoog"  # not the library's default
    assert document.core_properties.title == styles[0][1]


def test_the_privacy_statement_of_an_anonymised_summary_stands_apart_as_a_quote() -> None:
    from assistant.core.summary import render_summary
    from tests.summary import conversations

    transcript, banks, view = conversations.parent()
    markdown = render_summary(transcript, banks, view=view, anonymise=True)
    data = docx_bytes(markdown)
    assert word_blocks(data) == markdown_blocks(markdown)
    document = docx.Document(io.BytesIO(data))
    quoted = [p.text for p in document.paragraphs if p.style.name == "Quote"]
    assert len(quoted) == 1 and quoted[0].startswith("Geanonimiseerd. Vervangen: ") and "Niemand heeft dit nagekeken" in quoted[0]
    assert not any(name in p.text for p in document.paragraphs for name in ("Fatima", "Yasmine", "Amrani", "Tom Claes"))
