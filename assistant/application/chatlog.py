"""The conversation as a chat: plain entries derived from the transcript, the engine's view and the prompt.

The log is rebuilt from scratch after every change (a few hundred events take well under a
millisecond), so an edited answer, a decided suggestion or a signal that stops firing is always
shown as the transcript now says. The widget layer mounts only what changed, by entry key.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from assistant.core.answers import answer_as_text
from assistant.core.bank import AnswerType, Question
from assistant.core.effects import PriorityHint, Signal, Suggestion, View, is_priority_key
from assistant.core.handover import has_sensitive_notes
from assistant.core.questions import QuestionIndex
from assistant.core.transcript import EventKind, Transcript

from assistant.application.log_entries import (
    ActionStatusEntry,
    AnswerEntry,
    Entry,
    FollowEntry,
    MarkEntry,
    NoteEntry,
    PrepEntry,
    QuestionEntry,
    SectionEntry,
    SignalEntry,
    StatusEntry,
    SuggestionEntry,
)
from assistant.application.prompt import ADHOC_PREFIX, Prompt

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
        self.prep_notes = (transcript.meta.carried.known, transcript.meta.carried.to_learn)
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
            noted = bool(place) and any(_text(notes.get(place.section.id)) for notes in self.prep_notes)  # type: ignore[union-attr]
            self.entries.append(SectionEntry(f"sep:{key}", section, noted))
            self.section = section

    def preparation(self) -> None:
        """A conversation started from a preparation opens with what was prepared (assistant.core.handover);
        its sensitive notes stay out of the log (prep_notes, for the facilitator's eyes only)."""
        meta = self.transcript.meta
        if not meta.prepared_by:
            return
        self.entries.append(PrepEntry("prep", meta.carried.preparation_date or "", meta.carried.focus_topics,
                                      has_sensitive_notes(self.transcript)))

    def follow(self) -> None:
        """A follow-up opens with the meeting it follows and what is left to review from it (ctrl+e)."""
        meta = self.transcript.meta
        if not meta.follows:
            return
        reviewed = self.transcript.action_statuses()
        open_actions = sum(1 for a in meta.carried.actions if str(a.get("action")) not in reviewed)
        questions = sum(1 for s in self.view.suggestions if s.origin)
        self.entries.append(FollowEntry("follow", meta.carried.from_date or "", open_actions, questions))

    def action_status(self, event: Any) -> None:
        actions = self.transcript.meta.carried.actions
        wat = next((str(a.get("wat", "")) for a in actions if a.get("action") == event.get("action")),
                   str(event.get("action")))
        self.entries.append(ActionStatusEntry(f"as:{event.seq}", wat, str(event.get("status")), str(event.get("note") or "")))

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

    def adhoc_answer(self, event: Any) -> None:
        """An accepted ad-hoc follow-up and its answer (recorded as a note), shown as the question asked
        and the answer given, by its speaker: the same message keys as while it waited."""
        key = str(event.get("suggestion") or f"n{event.seq}")
        qid = f"{ADHOC_PREFIX}{key}"
        self.entries.append(QuestionEntry(f"q-adhoc:{key}", qid, str(event.get("prompt") or ""), "verdiepend"))
        self.entries.append(AnswerEntry(f"n:{event.seq}", qid, str(event.get("text", "")), str(event.get("speaker") or ""),
                                        editable=False))

    def mark(self, kind: str, question: str | None, seq: int) -> None:
        # One checklist is one line for what is discussed now and one for what is parked, whatever the
        # order of the ticks: item by item it read "parked: a / now: 1 / parked: b, c / now: 1 / parked: d"
        if question and kind in _CHECKLIST_MARKS:
            for i in range(len(self.entries) - 1, -1, -1):
                entry = self.entries[i]
                if not isinstance(entry, MarkEntry) or entry.kind not in _CHECKLIST_MARKS:
                    break
                if entry.kind == kind:
                    self.entries[i] = MarkEntry(entry.key, kind, (*entry.questions, question))
                    return
        self.entries.append(MarkEntry(f"m:{seq}", kind, (question,) if question else ()))

    def timeline(self, waiting: str | None = None) -> None:
        """The events in order; a note on a question not asked yet in the log (the one waiting, which
        the log shows only at its end) goes under that question instead of under the answer before."""
        first_answer: dict[str, int] = {}
        for event in self.transcript.of_kind(EventKind.ANSWER):
            first_answer.setdefault(str(event.data["question"]), event.seq)
        self.follow()
        self.preparation()
        modes = list(self.transcript.of_kind(EventKind.MODE))
        last_mode = modes[-1] if modes else None
        explicit = {e.data["question"] for e in self.transcript.of_kind(EventKind.DEFER)}
        parked_by_mode = [q for q in self.transcript.deferred() if q not in explicit]
        for event in self.transcript.events:
            kind = event.kind
            if kind is EventKind.SIGNAL and event.get("preparation"):  # carried from the preparation
                self.entries.append(SignalEntry(f"sig-prep:{event.get('rule')}", str(event.get("rule")),
                                                str(event.get("text", "")), *split_because(str(event.get("because") or ""))))
            elif kind is EventKind.ANSWER:
                self.answer(event)
            elif kind is EventKind.NOTE and (event.get("suggestion") or event.get("prompt")):
                self.adhoc_answer(event)
            elif kind is EventKind.NOTE:
                note = NoteEntry(f"n:{event.seq}", str(event.get("text", "")))
                question = event.get("question")
                later = first_answer.get(question, -1) > event.seq if question in first_answer else question == waiting
                if question and question not in self.answer_at and later:
                    self.held.setdefault(str(question), []).append(note)
                else:
                    self.entries.append(note)
            elif kind is EventKind.SKIP:
                self.mark("skip", event.get("question"), event.seq)
            elif kind is EventKind.DEFER:
                self.mark("defer", event.get("question"), event.seq)
            elif kind is EventKind.SELECT:
                self.mark("select", event.get("question"), event.seq)
            elif kind is EventKind.ACTION_STATUS:
                self.action_status(event)
            elif kind is EventKind.MODE:
                on = bool(event.get("basis_only"))
                self.mark("mode_on" if on else "mode_off", None, event.seq)
                if on and event is last_mode:  # what the team chose and the short meeting leaves for the next
                    self.entries[-1] = replace(self.entries[-1], questions=tuple(parked_by_mode))  # type: ignore[arg-type]
            elif kind in (EventKind.CLOSE, EventKind.REOPEN):
                self.mark(str(kind), None, event.seq)

    def attach(self) -> None:
        """Suggestions, priority proposals and signals go right under the answer that made their rule
        fire; the questions a follow-up carried, under the line that says what it follows."""
        after: dict[str | None, list[Entry]] = {}
        for suggestion, decision in self.view.decided:
            after.setdefault(self._anchor(suggestion), []).append(_suggestion(suggestion, decision))
        for suggestion in self.view.suggestions:
            after.setdefault(self._anchor(suggestion), []).append(_suggestion(suggestion, ""))
        # A proposal for the priorities comes after its answer's follow-up questions: ctrl+f starts on the
        # first waiting, and what is asked now comes before what the team decides on
        for hint, decision in _proposals(self.transcript, self.view):
            after.setdefault(self._anchor(hint), []).append(_proposal(hint, decision))
        for signal in self.view.signals:
            after.setdefault(self._anchor(signal), []).append(_signal(signal))
        if not after:
            return
        result: list[Entry] = []
        for entry in self.entries:
            result.append(entry)
            if isinstance(entry, AnswerEntry):
                result += after.pop(entry.question_id, [])
            elif isinstance(entry, FollowEntry):
                result += after.pop(_CARRIED, [])
        result += after.pop(_CARRIED, [])
        result += after.pop(None, [])
        self.entries = _compact(result)

    def _anchor(self, item: Suggestion | PriorityHint | Signal) -> str | None:
        if isinstance(item, Suggestion) and item.origin:
            return _CARRIED
        trigger = item.question_id if isinstance(item, PriorityHint) else item.trigger
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


_CHECKLIST_MARKS = ("select", "defer")


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def prep_notes(transcript: Transcript, places: QuestionIndex, t: Any) -> list[tuple[str, str]]:
    """The preparation's sensitive notes, as (heading, text) for the facilitator's own view: the
    sensitivities, then per topic (in the conversation's order) what the school knew and wants to learn.
    `t`: the interface strings."""
    carried = transcript.meta.carried
    notes: list[tuple[str, str]] = []
    if _text(carried.sensitivities):
        notes.append((t("prep.sensitivities"), _text(carried.sensitivities)))
    known, to_learn = carried.known, carried.to_learn
    titles = {p.section.id: p.section.title for p in places}
    for section in dict.fromkeys([*known, *to_learn]):
        title = titles.get(section, str(section))
        if _text(known.get(section)):
            notes.append((t("prep.known", topic=title), _text(known.get(section))))
        if _text(to_learn.get(section)):
            notes.append((t("prep.to_learn", topic=title), _text(to_learn.get(section))))
    return notes


def shown_signals(transcript: Transcript, view: View) -> tuple[str, ...]:
    """The texts of the signals the log shows: those a preparation carried, then the engine's."""
    carried = [e for e in transcript.of_kind(EventKind.SIGNAL) if e.get("preparation")]
    rules = {str(e.get("rule")) for e in carried}
    return (*(str(e.get("text", "")) for e in carried), *(s.text for s in view.signals if s.rule_id not in rules))


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
    """One rule often proposes several questions: say its reason once, and the keys once (on the newest;
    a priority proposal, decided with other keys, says its own)."""
    result: list[Entry] = []
    pending = [(i, e.kind == "priority") for i, e in enumerate(entries) if isinstance(e, SuggestionEntry) and not e.decision]
    last_pending = {max((i for i, p in pending if p == priority), default=-1) for priority in (True, False)}
    for i, entry in enumerate(entries):
        if isinstance(entry, SuggestionEntry):
            previous = result[-1] if result else None
            same = (isinstance(previous, SuggestionEntry) and previous.rule_id == entry.rule_id
                    and previous.decision == entry.decision)
            entry = replace(entry, same_reason=same, keys_hint=i in last_pending)
        result.append(entry)
    return result


def split_because(because: str) -> tuple[str, str]:
    """A rule's `because` as (its reason, the source it cites): the citation starts at 'Bron:' (the
    rules' own convention; 'Source:' too). The log shows the reason; the source is one key away."""
    match = _SOURCE.search(because)
    if match is None:
        return because.strip(), ""
    return because[: match.start()].strip(), because[match.start():].strip()


_SOURCE = re.compile(r"(?:^|(?<=\s))(?:Bron|Source)\s*:")
_CARRIED = "\x00carried"  # the anchor of a follow-up's carried questions (never a question id)


def _suggestion(suggestion: Suggestion, decision: str) -> SuggestionEntry:
    return SuggestionEntry(f"s:{suggestion.key}", suggestion.key, suggestion.text, *split_because(suggestion.because),
                           suggestion.rule_id, str(decision), kind=suggestion.origin, own=suggestion.own)


def _proposals(transcript: Transcript, view: View) -> list[tuple[PriorityHint, str]]:
    """The engine's priority hints, each with the team's decision ("" while open); a hint taken over
    or turned down stays shown so, also when its rule no longer fires."""
    decisions = transcript.decisions()
    shown = [(h, str(decisions[h.key].get("decision")) if h.key in decisions else "") for h in view.priority_hints]
    firing = {h.key for h in view.priority_hints}
    for key, event in decisions.items():
        if is_priority_key(key) and key not in firing:
            hint = PriorityHint(str(event.get("rule") or ""), str(event.get("text") or ""), str(event.get("because") or ""),
                                event.get("question"), event.get("own") is True)
            shown.append((hint, str(event.get("decision"))))
    return shown


def _proposal(hint: PriorityHint, decision: str) -> SuggestionEntry:
    return SuggestionEntry(f"s:{hint.key}", hint.key, hint.text, *split_because(hint.because), hint.rule_id, decision,
                           kind="priority", own=hint.own)


def _signal(signal: Signal) -> SignalEntry:
    return SignalEntry(f"sig:{signal.rule_id}", signal.rule_id, signal.text, *split_because(signal.because))


def build_log(transcript: Transcript, view: View, places: QuestionIndex, prompt: Prompt | None,
              earlier: dict[str, str] | None = None) -> list[Entry]:
    """Every message of the conversation in order, ending with the question that waits (or why none does)."""
    builder = _Builder(transcript, view, places, earlier or {})
    builder.timeline(prompt.question.id if prompt is not None and not prompt.is_adhoc else None)
    builder.attach()
    builder.tail(prompt)
    return builder.entries


def earlier_answers(meeting: Any) -> dict[str, str]:
    """What a follow-up carried from the previous meeting, as the chat shows it ("vorige keer")."""
    result: dict[str, str] = {}
    for qid, item in meeting.transcript.meta.carried.last_answers.items():
        if "value" in item:
            result[qid] = answer_text(meeting.question(qid), item["value"])
    return result
