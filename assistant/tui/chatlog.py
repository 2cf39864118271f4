"""The conversation as a chat: plain entries derived from the transcript, the engine's view and the prompt.

The log is rebuilt from scratch after every change (a few hundred events take well under a
millisecond), so an edited answer, a decided suggestion or a signal that stops firing is always
shown as the transcript now says. The widget layer mounts only what changed, by entry key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from assistant.core.answers import answer_as_text
from assistant.core.bank import AnswerType, Question
from assistant.core.effects import Signal, Suggestion, View
from assistant.core.questions import QuestionIndex
from assistant.core.transcript import EventKind, Flag, Transcript

from assistant.tui.entries import (
    AnswerEntry,
    Entry,
    MarkEntry,
    NoteEntry,
    PrepEntry,
    QuestionEntry,
    SectionEntry,
    SignalEntry,
    StatusEntry,
    SuggestionEntry,
)
from assistant.tui.prompt import Prompt

MULTI_LINE = {AnswerType.COUNTS, AnswerType.ACTIONS, AnswerType.FACTORS}




def answer_text(question: Question | None, value: Any) -> str:
    """An answer as the chat shows it: one line, or one line per row for the table types."""
    if question is None:
        return str(value)
    try:
        text = answer_as_text(question, value)
    except (TypeError, KeyError, AttributeError, ValueError):
        return str(value)  # an answer recorded against an older bank: show it as it was stored
    if question.type in MULTI_LINE:
        return "\n".join(part.strip() for part in text.split(";"))
    return text


class _Builder:
    def __init__(self, transcript: Transcript, view: View, places: QuestionIndex, earlier: dict[str, str]):
        self.transcript = transcript
        self.view = view
        self.places = places
        self.earlier = earlier
        self.entries: list[Entry] = []
        self.answer_at: dict[str, int] = {}
        self.section: str | None = None
        carried = transcript.meta.carried or {}
        known = carried.get("known") if isinstance(carried, dict) else None
        self.known: dict[str, str] = known if isinstance(known, dict) else {}
        self.flags: dict[str, list[tuple[str, int | None]]] = {}
        self.held: dict[str, list[Entry]] = {}  # notes waiting for their question to be shown
        for (question, flag), event in transcript.flags().items():
            rank = event.get("rank")
            self.flags.setdefault(question, []).append((str(flag), int(rank) if rank is not None else None))

    def question_entry(self, question_id: str, *, key: str, current: bool = False, again: bool = False) -> QuestionEntry:
        place = self.places.get(question_id)
        if place is None:
            return QuestionEntry(key, question_id, question_id, "", current=current, again=again)
        q = place.question
        return QuestionEntry(key, q.id, q.text, str(q.level), q.probes, bool(q.help), current, again,
                             self.earlier.get(q.id, ""))

    def separator(self, question_id: str, key: str) -> None:
        place = self.places.get(question_id)
        section = place.where if place else None
        if section and section != self.section:
            known = self.known.get(place.section.id, "") if place else ""
            self.entries.append(SectionEntry(f"sep:{key}", section, known.strip() if isinstance(known, str) else ""))
            self.section = section

    def preparation(self) -> None:
        """A conversation started from a preparation opens with what was prepared (assistant.core.handover)."""
        meta = self.transcript.meta
        if not meta.prepared_by:
            return
        carried = meta.carried or {}
        topics = carried.get("focus_topics")
        sensitivities = carried.get("sensitivities")
        self.entries.append(PrepEntry("prep", str(carried.get("preparation_date") or ""),
                                      tuple(str(t) for t in topics) if isinstance(topics, list) else (),
                                      sensitivities.strip() if isinstance(sensitivities, str) else ""))

    def answer(self, event: Any) -> None:
        qid = str(event.data["question"])
        place = self.places.get(qid)
        text = answer_text(place.question if place else None, event.data["value"])
        speaker = str(event.get("speaker") or "")
        flags = tuple(sorted(self.flags.get(qid, ())))
        if qid in self.answer_at:
            index = self.answer_at[qid]
            self.entries[index] = AnswerEntry(f"a:{qid}", qid, text, speaker, True, flags)
            return
        self.separator(qid, qid)
        self.entries.append(self.question_entry(qid, key=f"q:{qid}"))
        self.entries += self.held.pop(qid, ())
        self.answer_at[qid] = len(self.entries)
        self.entries.append(AnswerEntry(f"a:{qid}", qid, text, speaker, False, flags))

    def mark(self, kind: str, question: str | None, seq: int) -> None:
        last = self.entries[-1] if self.entries else None
        if question and isinstance(last, MarkEntry) and last.kind == kind and kind in ("defer", "select"):
            self.entries[-1] = MarkEntry(last.key, kind, (*last.questions, question))  # one line per checklist
            return
        self.entries.append(MarkEntry(f"m:{seq}", kind, (question,) if question else ()))

    def timeline(self, waiting: str | None = None) -> None:
        """The events in order; a note on a question not asked yet in the log (the one waiting, which
        the log shows only at its end) goes under that question instead of under the answer before."""
        first_answer: dict[str, int] = {}
        for event in self.transcript.of_kind(EventKind.ANSWER):
            first_answer.setdefault(str(event.data["question"]), event.seq)
        self.preparation()
        for event in self.transcript.events:
            kind = event.kind
            if kind is EventKind.SIGNAL and event.get("preparation"):  # carried from the preparation
                self.entries.append(SignalEntry(f"sig-prep:{event.get('rule')}", str(event.get("rule")),
                                                str(event.get("text", "")), str(event.get("because") or "")))
            elif kind is EventKind.ANSWER:
                self.answer(event)
            elif kind is EventKind.NOTE:
                note = NoteEntry(f"n:{event.seq}", str(event.get("text", "")), str(event.get("prompt") or ""),
                                 str(event.get("speaker") or ""))
                question = event.get("question")
                later = first_answer.get(question, -1) > event.seq if question in first_answer else question == waiting
                if question and not event.get("prompt") and question not in self.answer_at and later:
                    self.held.setdefault(str(question), []).append(note)
                else:
                    self.entries.append(note)
            elif kind is EventKind.SKIP:
                self.mark("skip", event.get("question"), event.seq)
            elif kind is EventKind.DEFER:
                self.mark("defer", event.get("question"), event.seq)
            elif kind is EventKind.SELECT:
                self.mark("select", event.get("question"), event.seq)
            elif kind is EventKind.MODE:
                self.mark("mode_on" if event.get("basis_only") else "mode_off", None, event.seq)
            elif kind in (EventKind.CLOSE, EventKind.REOPEN):
                self.mark(str(kind), None, event.seq)

    def attach(self) -> None:
        """Suggestions and signals go right under the answer that made their rule fire."""
        after: dict[str | None, list[Entry]] = {}
        for suggestion, decision in self.view.decided:
            after.setdefault(self._anchor(suggestion.trigger), []).append(_suggestion(suggestion, decision))
        for suggestion in self.view.suggestions:
            after.setdefault(self._anchor(suggestion.trigger), []).append(_suggestion(suggestion, ""))
        for signal in self.view.signals:
            after.setdefault(self._anchor(signal.trigger), []).append(_signal(signal))
        if not after:
            return
        result: list[Entry] = []
        for entry in self.entries:
            result.append(entry)
            if isinstance(entry, AnswerEntry):
                result += after.pop(entry.question_id, [])
        result += after.pop(None, [])
        self.entries = _compact(result)

    def _anchor(self, trigger: str | None) -> str | None:
        return trigger if trigger in self.answer_at else None

    def tail(self, prompt: Prompt | None) -> None:
        if prompt is not None:
            qid = prompt.question.id
            if prompt.is_adhoc:
                assert prompt.suggestion is not None
                self.entries.append(QuestionEntry(f"q-adhoc:{prompt.suggestion.key}", qid, prompt.question.text,
                                                  "verdiepend", current=True))
            elif qid in self.answer_at:  # back to an answered question (a question jumped to is new here)
                self.entries.append(self.question_entry(qid, key=f"q-again:{qid}", current=True, again=True))
            else:
                self.separator(qid, f"next:{qid}")
                self.entries.append(self.question_entry(qid, key=f"q:{qid}", current=True))
            self.entries += self.held.pop(qid, ())
        elif self.view.pending_selection:
            first = self.view.pending_selection[0]
            self.entries.append(StatusEntry(f"checklist:{first}", "checklist", checklist_where(self.places, self.view.pending_selection)))
        else:
            self.entries.append(StatusEntry("done", "done"))


def checklist_where(places: QuestionIndex, offered: Iterable[str]) -> str:
    """Where the offered deepening questions are: their subsection when they share one, else their
    section (a section's checklist holds the deepening questions of all its subsections)."""
    found = [p for p in (places.get(q) for q in offered) if p is not None]
    if not found:
        return ""
    if len({p.where for p in found}) == 1:
        return found[0].where
    return found[0].section.title


def _compact(entries: list[Entry]) -> list[Entry]:
    """One rule often proposes several questions: say its reason once, and the keys once (on the newest)."""
    result: list[Entry] = []
    last_pending = max((i for i, e in enumerate(entries) if isinstance(e, SuggestionEntry) and not e.decision), default=-1)
    for i, entry in enumerate(entries):
        if isinstance(entry, SuggestionEntry):
            previous = result[-1] if result else None
            same = isinstance(previous, SuggestionEntry) and previous.rule_id == entry.rule_id and previous.decision == entry.decision
            entry = replace(entry, same_reason=same, keys_hint=i == last_pending)
        result.append(entry)
    return result


def _suggestion(suggestion: Suggestion, decision: str) -> SuggestionEntry:
    return SuggestionEntry(f"s:{suggestion.key}", suggestion.key, suggestion.text, suggestion.because,
                           suggestion.rule_id, str(decision), own=suggestion.own)


def _signal(signal: Signal) -> SignalEntry:
    return SignalEntry(f"sig:{signal.rule_id}", signal.rule_id, signal.text, signal.because)


def build_log(transcript: Transcript, view: View, places: QuestionIndex, prompt: Prompt | None,
              earlier: dict[str, str] | None = None) -> list[Entry]:
    """Every message of the conversation in order, ending with the question that waits (or why none does)."""
    builder = _Builder(transcript, view, places, earlier or {})
    builder.timeline(prompt.question.id if prompt is not None and not prompt.is_adhoc else None)
    builder.attach()
    builder.tail(prompt)
    return builder.entries


def flag_names(flags: Iterable[tuple[str, int | None]]) -> list[tuple[Flag, int | None]]:
    return [(Flag(name), rank) for name, rank in flags]


def earlier_answers(meeting: Any) -> dict[str, str]:
    """What a follow-up carried from the previous meeting, as the chat shows it ("vorige keer")."""
    carried = meeting.transcript.meta.carried or {}
    previous = carried.get("previous") if isinstance(carried, dict) else None
    result: dict[str, str] = {}
    for qid, item in previous.items() if isinstance(previous, dict) else ():
        if isinstance(item, dict) and "value" in item:
            result[qid] = answer_text(meeting.question(qid), item["value"])
    return result
