"""A bank's help text as the screen shows it: flowing paragraphs, not the lines of the YAML source.

Help texts are written in the banks as YAML blocks (`help: |`), wrapped at the source's width and
read as Markdown everywhere else (the paper sheet, the summary). A dialog narrower than the source
showed every source line break as well as its own: half-empty lines. Here, as in Markdown, the lines of
a paragraph or of a list item flow together; blank lines and list items still start a new line.
"""

from __future__ import annotations

import re

_ITEM = re.compile(r"^(?:[-*•+]|\d+[.)])\s")


def reflow(text: str) -> str:
    """`text` with the line breaks inside paragraphs and list items joined into spaces."""
    paragraphs = []
    for block in re.split(r"\n[ \t]*\n", text.replace("\r\n", "\n").strip()):
        lines: list[str] = []
        for line in block.splitlines():
            line = line.strip()
            if not line:
                continue
            if lines and not _ITEM.match(line):
                lines[-1] = f"{lines[-1]} {line}"
            else:
                lines.append(line)
        if lines:
            paragraphs.append("\n".join(lines))
    return "\n\n".join(paragraphs)
