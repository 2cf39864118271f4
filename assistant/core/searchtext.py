"""What is searchable in a transcript, and how the words a user types become a safe FTS5 query."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from assistant.core.transcript import EventKind, Transcript


def plain_text(value: Any) -> str:
    """Any answer value as searchable text: lists and tables flattened, yes/no as words."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(plain_text(v) for v in value)
    return "" if value is None else str(value)


# A text is indexed in passages of at most this many characters, each overlapping the one before (so a
# phrase across the cut is found whole in one of them): the snippet of a match costs time for the whole
# text it is in, some 40 s for one answer of 900 KB, and a bounded passage keeps every search as quick
# as for a short answer. Nearly every answer fits in one passage.
PASSAGE = 2_000
OVERLAP = 200


def passages(text: str) -> Iterator[str]:
    """`text` in passages of at most PASSAGE characters, cut at spaces where there are any."""
    if len(text) <= PASSAGE:
        yield text
        return
    start = 0
    while True:
        end = start + PASSAGE
        if end >= len(text):
            yield text[start:]
            return
        space = text.rfind(" ", end - OVERLAP, end)
        end = space if space > start else end
        yield text[start:end]
        space = text.rfind(" ", end - OVERLAP, end)  # the next passage starts a few words back
        start = space + 1 if space > start else max(start + 1, end - OVERLAP)


def chunks(transcript: Transcript) -> Iterator[tuple[str, str | None, int | None, str]]:
    """(kind, question, seq, text) of everything worth searching: current answers, notes, actions; a long
    text as several passages with the same kind, question and seq."""
    meta = transcript.meta
    if meta.subject:
        yield "subject", None, None, " ".join([meta.subject, *meta.tags])
    for question, event in transcript.answer_events().items():
        text = plain_text(event.data["value"])
        if text.strip():
            for passage in passages(text):
                yield "answer", question, event.seq, passage
    for event in transcript.of_kind(EventKind.NOTE):
        for passage in passages(str(event.data["text"])):
            yield "note", event.get("question"), event.seq, passage
    for event in transcript.of_kind(EventKind.ACTION):
        parts = [str(event.get(k, "")) for k in ("wat", "wie", "wanneer", "check")]
        for passage in passages(" — ".join(p for p in parts if p)):
            yield "action", None, event.seq, passage
    for event in transcript.of_kind(EventKind.ACTION_STATUS):  # how far an earlier action got
        if event.get("note"):
            for passage in passages(str(event.get("note"))):
                yield "action", None, event.seq, passage


# Words in nearly every answer: matching them finds nothing and costs the most (every passage must
# be ranked), so they are left out of a query that has other words. Within quotes they count.
STOPWORDS = frozenset(
    "de het een en van in op is dat die te met voor niet zijn er aan ook als bij of om naar maar dan "
    "nog wel ze we je ik hij zij wat wordt worden heeft hebben was waren kan door uit tot over".split()
)


def loose_words(text: str) -> list[str]:
    """The words of a query outside quotes that carry meaning (a phrase in quotes is meant as typed)."""
    words = re.findall(r"\w+", re.sub(r'"[^"]*"', " ", text))
    return [w for w in words if w.casefold() not in STOPWORDS]


def respelled(text: str, corrections: dict[str, str]) -> str:
    """`text` with each word of `corrections` replaced (whole words, outside quotes untouched)."""
    parts = re.split(r'("[^"]*")', text)
    for i in range(0, len(parts), 2):
        parts[i] = re.sub(r"\w+", lambda m: corrections.get(m.group(0), m.group(0)), parts[i])
    return "".join(parts)


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: every word must occur (as a word or a word's start);
    text in double quotes must occur as a phrase. No FTS syntax gets through."""
    parts = []
    for phrase in re.findall(r'"([^"]*)"', text):
        words = re.findall(r"\w+", phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    words = re.findall(r"\w+", re.sub(r'"[^"]*"', " ", text))
    meaningful = [w for w in words if w.casefold() not in STOPWORDS]
    parts += [f'"{word}"*' for word in (meaningful if meaningful or parts else words)]
    if not parts:
        raise ValueError("type at least one word to search for")
    return " ".join(parts)
