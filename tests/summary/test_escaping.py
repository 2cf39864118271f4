"""Whatever people type shows literally in the summary and cannot change its structure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from assistant.core.mdtext import block, cell, inline, prose
from assistant.core.safetext import UNSAFE
from assistant.core.summary import render_summary
from assistant.core.transcript import Participant
from tests.summary import conversations
from tests.summary.conversations import Conversation
from tests.summary.mdcheck import PARSER, assert_literal, shape

NASTY = [
    "# not a heading",
    "## nor this one #",
    "- not a list item",
    "+ nor this",
    "* nor this",
    "1. not numbered",
    "2) nor this",
    "> not a quote",
    "---",
    "===",
    "***",
    "___",
    "| a | b |",
    "| --- | --- |",
    "`code` and ```fence```",
    "~~~",
    "<script>alert('x')</script>",
    "<!-- comment -->",
    "<div>html block</div>",
    "<https://example.org> and [link](https://example.org) and ![img](x.png)",
    "{{ 7 * 7 }} and {% if true %}yes{% endif %} and {# comment #}",
    "*emphasis* _emphasis_ **strong** __strong__ ~~strike~~",
    "&amp; &#35; &copy; stay as typed",
    "a \\ backslash and a trailing one \\",
    "snake_case_word and _leading and trailing_",
    "C# and F#",
    "emoji 🙂👍🏽 and 中文 and Ünïcödé",
    "x" * 5000,
    "    four spaces of indent",
]


def _lines(markdown: str) -> str:
    return shape(markdown).text


@pytest.mark.parametrize("typed", NASTY)
@pytest.mark.parametrize("escape", [inline, block, cell, prose])
def test_each_escape_shows_the_line_literally_as_one_paragraph(typed: str, escape) -> None:
    tokens = PARSER.parse(escape(typed))
    kinds = [t.type for t in tokens]
    assert kinds == ["paragraph_open", "inline", "paragraph_close"], kinds
    assert _lines(escape(typed)) == typed.strip()


def test_block_keeps_line_breaks_and_paragraphs() -> None:
    typed = "first line\n# second\n\n\n- third, after a blank line"
    tokens = PARSER.parse(block(typed))
    assert [t.type for t in tokens].count("paragraph_open") == 2
    assert shape(block(typed)).text == "first line\n# second\n- third, after a blank line"


def test_a_cell_keeps_its_line_breaks_and_its_pipes_inside_the_table() -> None:
    table = "| a | b |\n| --- | --- |\n| " + cell("x | y\nz") + " | " + cell("") + " |\n"
    assert shape(table).tables == [[["a", "b"], ["x | y\nz", ""]]]


def _adversarial() -> Conversation:
    c = Conversation("badc0ffe", "school_dialogue", facilitator="<b>Sofie</b> | #1",
                     participants=(Participant("*Marc*", "directie | `x`"),), subject="# School {{ name }}",
                     bank_versions={"school_dialogue": 1})
    c.answer("inzicht.twijfelachtige-attesten", "\n".join(NASTY), speaker="<i>Leen</i>")
    c.answer("opvolging.prioriteiten", "\n".join(NASTY[:12]))
    c.answer("opvolging.planning", [{"wat": "\n".join(NASTY[:6]), "wie": "| pipes | everywhere |",
                                     "wanneer": "{% raw %}", "check": "<script>x</script>\n---"}])
    c.add("note", question="inzicht.twijfelachtige-attesten", text="\n".join(NASTY[10:20]))
    c.add("note", text="{{ transcript.meta }} {% for x in range(10**9) %}x{% endfor %}")
    c.add("signal", rule="r|1", text="# signal *text* | with pipe", because="`because` <b>")
    c.add("flag", question="inzicht.twijfelachtige-attesten", flag="priority", rank=1)
    c.add("action", action="a1", wat="| --- |", wie="\n\n", wanneer="🙂" * 50, check="[x](javascript:alert(1))")
    return c


def _benign(c: Conversation) -> Conversation:
    """The same conversation with every typed text replaced by a plain word."""
    def plain(value):
        if isinstance(value, str):  # line for line, so that list-like answers keep their number of items
            return "\n".join("tekst" if line.strip() else "" for line in value.split("\n"))
        if isinstance(value, list):
            return [plain(v) for v in value]
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return value

    b = Conversation("badc0ffe", "school_dialogue", facilitator="Sofie", participants=(Participant("Marc", "directie"),),
                     subject="School", bank_versions={"school_dialogue": 1})
    for event in c.t.events:
        data = {k: (v if k in {"question", "rule", "flag", "rank", "action"} else plain(v)) for k, v in event.data.items()}
        b.add(event.kind, **data)
    return b


def test_adversarial_answers_render_literally_and_leave_the_structure_intact() -> None:
    banks = [conversations.bank("school_dialogue")]
    nasty = _adversarial()
    rendered = render_summary(nasty.t, banks)
    expected = shape(render_summary(_benign(nasty).t, banks))
    got = shape(rendered)  # also fails on any raw HTML
    assert got.headings[1:] == expected.headings[1:]  # the title names the school, which was typed
    assert [[len(row) for row in table] for table in got.tables] == [[len(row) for row in table] for table in expected.tables]
    assert got.list_items == expected.list_items
    for line in NASTY:
        assert_literal(rendered, line)
    assert "49" not in rendered and "{{ 7 * 7 }}" in got.text  # answers are data, never templates
    assert "{{ transcript.meta }}" in got.text
    assert "<b>Sofie</b> | #1" in got.text and "# School {{ name }}" in got.text
    assert "| pipes | everywhere |" in got.text and "# signal *text* | with pipe" in got.text


# Printable text of every kind, with the characters that mean something in Markdown made likely (not the
# format characters that are shown as escapes: tests/test_output_safety.py).
_TYPED = st.text(
    alphabet=st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs", "Co", "Cn")).filter(lambda c: not UNSAFE.match(c)),
        st.sampled_from(list(" \n#*_`|<>[]{}()%-+=!&;:\\~0123456789.")),
    ),
    max_size=80,
)


@settings(max_examples=60, deadline=None)
@given(answer=_TYPED, wat=_TYPED)
def test_any_typed_text_keeps_the_structure(answer: str, wat: str) -> None:
    banks = [conversations.bank("school_dialogue")]
    c = Conversation("f00d", "school_dialogue", bank_versions={"school_dialogue": 1})
    if answer.strip():
        c.answer("inzicht.twijfelachtige-attesten", answer)
    c.answer("opvolging.planning", [{"wat": wat.strip() or "x", "wie": answer, "wanneer": "", "check": ""}])
    rendered = render_summary(c.t, banks)
    doc = shape(rendered)
    assert [t for _, t in doc.headings if _ == 2] == ["Actieplan", "Antwoorden", "Voor het volgende gesprek"]
    assert all(len(row) == 4 for row in doc.tables[0])
    assert len(doc.tables[0]) == 2
    assert_literal(rendered, answer)
    assert_literal(rendered, wat)
