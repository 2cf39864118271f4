"""The summary with generated text in every place a person types: always CommonMark, always literal.

tests/summary/test_escaping.py already fuzzes one text answer and an action row of a school
dialogue; this goes over everything else that is typed in a parent dialogue and a prevention plan:
the window-of-tolerance lists, a priorities answer (one item per line), notes, action rows, the
facilitator, the participants and the subject. The rendered document must parse with the same
headings, tables and list items as the same conversation typed in plain words, show no raw HTML,
and show every typed line character for character.
"""

from __future__ import annotations

import re

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from assistant.core.safetext import UNSAFE
from assistant.core.summary import render_summary
from assistant.core.transcript import Participant
from tests.hardening.inputs import fuzz
from tests.summary import conversations
from tests.summary.conversations import Conversation
from tests.summary.mdcheck import assert_literal, shape

# Printable text with the characters that mean something in Markdown (or Jinja) made likely. The format
# characters that hide text or turn it around (BOM, bidi, tags) are shown as escapes, not literally:
# tests/test_output_safety.py has them.
TYPED = st.lists(
    st.one_of(
        st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp", "Zs", "Co", "Cn")).filter(lambda c: not UNSAFE.match(c)),
        st.sampled_from(list(" \n#*_`|<>[]{}()%-+=!&;:\\~0123456789.")),
        st.sampled_from(["{{", "}}", "{%", "%}", "<br>", "&amp;", "```", "---", "1. ", "- ", "> "]),
    ),
    max_size=40,
).map("".join)
LINE = TYPED.map(lambda text: " ".join(text.split()))  # one line (names, list items, cells)
BANKS = [conversations.bank("parent_dialogue"), conversations.bank("prevention_plan")]
WINDOWS = ["thuis.raam", "school.raam", "sociaal.raam"]


# A line that is only a list marker ('1. ', '- ') is no item of a list-like answer: it carries no words.
_MARKER_ONLY = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+$")


def _benign(value: Any) -> Any:
    """The same value typed in plain words, line for line and item for item."""
    if isinstance(value, str):
        return "\n".join("tekst" if line.strip() and not _MARKER_ONLY.match(line) else ""
                         for line in value.split("\n"))
    if isinstance(value, list):
        return [_benign(v) for v in value]
    if isinstance(value, dict):
        return {k: _benign(v) for k, v in value.items()}
    return value


def _conversation(typed: dict[str, Any]) -> Conversation:
    c = Conversation("f1e1d000", "parent_dialogue", facilitator=typed["facilitator"],
                     participants=tuple(Participant(n, r) for n, r in typed["people"]), subject=typed["subject"],
                     bank_versions={"parent_dialogue": 1, "prevention_plan": 1})
    for question, factors in zip(WINDOWS, typed["windows"]):
        c.answer(question, factors)
    c.answer("thuis.praktische-problemen", typed["answer"])
    c.answer("fase0.inzetten", typed["priorities"])
    c.answer("fase0.schaal", 4)
    c.add("note", question="thuis.praktische-problemen", text=typed["note"])
    c.add("action", action="a1", **typed["action"])
    c.add("flag", question="thuis.praktische-problemen", flag="priority", rank=1)
    return c


TYPED_FIELDS = st.fixed_dictionaries({
    "facilitator": LINE,
    "people": st.lists(st.tuples(LINE, LINE), max_size=2),
    "subject": LINE,
    "windows": st.lists(st.fixed_dictionaries({"groter": st.lists(LINE.filter(str.strip), max_size=3),
                                               "kleiner": st.lists(LINE.filter(str.strip), max_size=3)}),
                        min_size=len(WINDOWS), max_size=len(WINDOWS)),
    "answer": TYPED.filter(str.strip),
    "priorities": TYPED.filter(str.strip),
    "note": TYPED.filter(str.strip),
    "action": st.fixed_dictionaries({"wat": LINE.filter(str.strip), "wie": LINE, "wanneer": LINE, "check": LINE}),
})


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, (list, tuple)):
        return [s for v in value for s in _strings(v)]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    return []


@fuzz(50)
@given(typed=TYPED_FIELDS)
def test_typed_text_anywhere_shows_literally_and_keeps_the_structure(typed: dict[str, Any]) -> None:
    rendered = render_summary(_conversation(typed).t, BANKS)
    plain = render_summary(_conversation({k: _benign(v) for k, v in typed.items()}).t, BANKS)
    got, expected = shape(rendered), shape(plain)  # shape() also fails on raw HTML
    assert got.headings[1:] == expected.headings[1:]  # the title names the subject, which was typed
    assert [[len(r) for r in table] for table in got.tables] == [[len(r) for r in table] for table in expected.tables]
    assert got.list_items == expected.list_items
    for text in _strings(typed):
        assert_literal(rendered, text)
