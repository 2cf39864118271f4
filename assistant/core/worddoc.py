"""A summary as a Word file (.docx), because schools and CLBs pass Word files around.

The Word file is made from the Markdown the templates rendered, read with markdown-it-py
(CommonMark and tables, as the summaries are written): headings, paragraphs, lists, tables, bold and
italic, line breaks, and a block quote (an anonymised summary's privacy statement) as Word's Quote. So it holds exactly what the Markdown holds, in the same order, and a change of
template changes both. Numbered items keep their number as text, so that no list in Word continues
another's numbering. python-docx writes the file; it is imported only when a Word file is made.
"""

from __future__ import annotations

import io
from datetime import datetime, timezone
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

PARSER = MarkdownIt("commonmark").enable("table")


class _Writer:
    """Walks the token stream once, writing each block as it closes."""

    def __init__(self) -> None:
        import docx

        self.doc = docx.Document()
        self.lists: list[list[int | None]] = []  # per open list: [next number] (None: bullets)
        self.item_started = False                # the current list item's first paragraph is written
        self.table: list[list[tuple[Token, str]]] | None = None  # rows of (inline token, align)
        self.title = ""
        self.quoted = 0                          # open block quotes

    # -- blocks -----------------------------------------------------------------------------------
    def write(self, tokens: list[Token]) -> bytes:
        heading: int | None = None
        align = ""
        for token in tokens:
            kind = token.type
            if kind == "heading_open":
                heading = int(token.tag[1])
            elif kind == "heading_close":
                heading = None
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = token.attrGet("start")
                self.lists.append([int(start) if start else 1] if kind == "ordered_list_open" else [None])
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind in ("blockquote_open", "blockquote_close"):
                self.quoted += 1 if kind == "blockquote_open" else -1
            elif kind == "list_item_open":
                self.item_started = False
            elif kind == "table_open":
                self.table = []
            elif kind == "tr_open" and self.table is not None:
                self.table.append([])
            elif kind in ("th_open", "td_open"):
                style = str(token.attrGet("style") or "")
                align = "right" if "right" in style else "center" if "center" in style else ""
            elif kind == "table_close":
                self._table()
            elif kind == "inline":
                if self.table is not None:
                    self.table[-1].append((token, align))
                elif heading is not None:
                    self._heading(token, heading)
                else:
                    self._paragraph(token)
        self._properties()
        out = io.BytesIO()
        self.doc.save(out)
        return out.getvalue()

    def _heading(self, token: Token, level: int) -> None:
        paragraph = self.doc.add_heading("", level=min(level, 9))
        self._runs(paragraph, token)
        if level == 1 and not self.title:
            self.title = _plain(token)

    def _paragraph(self, token: Token) -> None:
        if not self.lists:
            self._runs(self.doc.add_paragraph(style="Quote" if self.quoted else None), token)
            return
        level = len(self.lists)
        numbering = self.lists[-1]
        if self.item_started:  # a second paragraph in one item: indented, no new bullet or number
            paragraph = self.doc.add_paragraph(style="List Continue" if level == 1 else f"List Continue {min(level, 3)}")
        elif numbering[0] is None:
            paragraph = self.doc.add_paragraph(style="List Bullet" if level == 1 else f"List Bullet {min(level, 3)}")
        else:
            paragraph = self.doc.add_paragraph(style="List Paragraph")
            paragraph.add_run(f"{numbering[0]}. ")
            numbering[0] += 1
        self.item_started = True
        self._runs(paragraph, token)

    def _table(self) -> None:
        from docx.enum.table import WD_TABLE_ALIGNMENT
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        rows = self.table or []
        self.table = None
        if not rows:
            return
        width = max(len(r) for r in rows)
        table = self.doc.add_table(rows=len(rows), cols=width)
        table.style = "Table Grid"
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        aligned = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER}
        for r, row in enumerate(rows):
            for c, (token, align) in enumerate(row):
                paragraph = table.cell(r, c).paragraphs[0]
                if align in aligned:
                    paragraph.alignment = aligned[align]
                self._runs(paragraph, token, bold=r == 0)

    # -- inline -----------------------------------------------------------------------------------
    def _runs(self, paragraph: Any, token: Token, *, bold: bool = False) -> None:
        strong = emphasis = 0
        for child in token.children or ():
            kind = child.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                emphasis += 1
            elif kind == "em_close":
                emphasis -= 1
            elif kind in ("text", "code_inline"):
                run = paragraph.add_run(child.content)
                run.bold = bold or strong > 0 or None
                run.italic = emphasis > 0 or None
            elif kind == "hardbreak" or (kind == "html_inline" and child.content.strip().lower() in ("<br>", "<br/>", "<br />")):
                paragraph.add_run().add_break()
            elif kind == "softbreak":
                paragraph.add_run(" ")

    def _properties(self) -> None:
        """No trace of the library's own defaults (author 'python-docx', a 2013 date)."""
        props = self.doc.core_properties
        now = datetime.now(timezone.utc).replace(microsecond=0)
        props.author = props.last_modified_by = "Dialoog"
        props.title = self.title
        props.comments = props.keywords = props.subject = props.category = ""
        props.created = props.modified = now
        props.revision = 1


def _plain(token: Token) -> str:
    return "".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))


def docx_bytes(markdown: str) -> bytes:
    """The Word file (.docx) of a summary or sheet rendered as Markdown."""
    return _Writer().write(PARSER.parse(markdown))
