"""One conversation as the app runs it: the session that records it and the engine's view of it.

Plain Python (no Textual), so that everything the app does to a transcript is tested without a
screen. Every change is recorded through the session first (durable before it returns) and then
the engine re-evaluates the new transcript; nothing is ever changed in place. What the app holds
beyond the transcript is only navigation: a question asked out of order (back, jump), the section
in focus, an accepted ad-hoc follow-up waiting for its answer, and the current speaker.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from assistant.core.answers import normalise_answer
from assistant.core.bank import AnswerType, Bank, Level, Question
from assistant.core.effects import PriorityHint, Suggestion, View, is_priority_key
from assistant.core.engine import evaluate
from assistant.core.questions import QuestionIndex
from assistant.core.script import Script
from assistant.core.store_errors import SaveError
from assistant.core.transcript import ActionStatus, Decision, Event, EventKind, Flag, Transcript
from assistant.application.prompt import ADHOC_PREFIX, Prompt, SectionProgress



# Meeting time is written to the journal at least this often (seconds) while nothing happens, and
# after a change once this much of it is unrecorded: what a kill can lose, without a clock event for
# every answer.
RECORD_EVERY = 60
RECORD_AFTER_CHANGE = 30


class Session(Protocol):
    """What the meeting needs of the store's session (assistant.core.store.Session)."""

    @property
    def transcript(self) -> Transcript: ...

    def record(self, kind: EventKind | str, **data: Any) -> Event: ...


def adhoc_question(suggestion: Suggestion) -> Question:
    """A free-text stand-in question for an ad-hoc follow-up (its answer is recorded as a note)."""
    return Question(id=f"{ADHOC_PREFIX}{suggestion.key}", text=suggestion.text, level=Level.VERDIEPEND, type=AnswerType.TEXT)


class Meeting:
    """The state of one conversation in the app, derived from its transcript after every change."""

    def __init__(self, script: Script, banks: Mapping[str, Bank], session: Session, *,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.script = script
        self.banks = banks
        self.session = session
        # The script's own banks first, so their questions win the lookup; then every other bank,
        # because a rule may suggest a question of another bank.
        ordered = [banks[b] for b in script.banks if b in banks] + [b for k, b in banks.items() if k not in script.banks]
        self.places = QuestionIndex(ordered)
        self.asking: str | None = None
        self.section: str | None = None
        self.adhoc: Suggestion | None = None
        self.speaker = self._last_speaker()  # who speaks now: recorded with the next new answers
        self._revisit_speaker: tuple[str, str] | None = None  # (question, speaker) changed while asked again
        self._clock = clock
        self._clock_mark = clock()
        self.view = self._evaluate()

    # -- reading ----------------------------------------------------------------------------------
    @property
    def transcript(self) -> Transcript:
        return self.session.transcript

    def question(self, question_id: str) -> Question | None:
        place = self.places.get(question_id)
        return place.question if place else None

    def prompt(self) -> Prompt | None:
        """The question waiting for an answer now, or None (a checklist is offered, or all is done)."""
        if self.adhoc is not None:
            return Prompt(adhoc_question(self.adhoc), suggestion=self.adhoc)
        answers = self.transcript.answers()
        target = self.asking or self.view.next_question
        question = self.question(target) if target else None
        if question is None:
            return None
        if target in answers:
            return Prompt(question, revisit=True, value=answers[target])
        return Prompt(question, revisit=self.asking is not None)

    def suggestion(self, key: str) -> Suggestion | None:
        return next((s for s in self.view.suggestions if s.key == key), None)

    def priority_proposals(self) -> tuple[PriorityHint, ...]:
        """The engine's priority hints the team has not yet taken over or turned down."""
        decided = self.transcript.decisions()
        return tuple(h for h in self.view.priority_hints if h.key not in decided)

    def answered_order(self) -> list[str]:
        """Answered questions, by the time of their latest answer (what "back" walks through)."""
        latest = {e.data["question"]: e.seq for e in self.transcript.of_kind(EventKind.ANSWER)}
        return sorted(latest, key=latest.__getitem__)

    def speaker_of(self, question_id: str) -> str:
        """Who gave the current answer to `question_id` ("" when nobody was named, or no answer)."""
        event = self.transcript.answer_events().get(question_id)
        return str(event.get("speaker") or "") if event is not None else ""

    def shown_speaker(self) -> str:
        """The speaker the answer box will record: the current speaker, or, for an answered question
        asked again, the one who gave that answer (an answer keeps its speaker when it is changed)."""
        prompt = self.prompt()
        if prompt is None or prompt.is_adhoc or prompt.question.id not in self.transcript.answers():
            return self.speaker
        qid = prompt.question.id
        if self._revisit_speaker is not None and self._revisit_speaker[0] == qid:
            return self._revisit_speaker[1]
        return self.speaker_of(qid)

    def set_speaker(self, name: str) -> None:
        """Who speaks from now on. While an answered question is asked again (back, jump), also who gave
        that answer: the facilitator changes it on purpose, seeing it in the answer box's title."""
        self.speaker = name
        prompt = self.prompt()
        if prompt is not None and not prompt.is_adhoc and prompt.question.id in self.transcript.answers():
            self._revisit_speaker = (prompt.question.id, name)

    def speakers(self) -> tuple[str, ...]:
        """The names a speaker is picked from: the participants, then the facilitator, each once."""
        meta = self.transcript.meta
        return tuple(dict.fromkeys(n for n in (*(p.name for p in meta.participants), meta.facilitator) if n))

    def section_title(self, question_id: str) -> str:
        place = self.places.get(question_id)
        return place.where if place else ""

    def open_basis(self) -> int:
        """Basis questions of the walked sections that are still unanswered (for the finish dialog)."""
        answers = self.transcript.answers()
        return sum(1 for unit in self.script.units for q in unit.basis if q in self.view.visible and q not in answers)

    def progress(self) -> list[SectionProgress]:
        """Per walked section: its visible questions and how many are answered."""
        answers = self.transcript.answers()
        visible = set(self.view.visible)
        result = []
        for unit in self.script.units:
            shown = [q for q in unit.questions() if q in visible]
            result.append(SectionProgress(unit.section, unit.title, sum(1 for q in shown if q in answers), len(shown)))
        return result

    def elapsed_seconds(self) -> int:
        """Meeting time: what the transcript recorded plus this session's time not yet recorded."""
        return self.transcript.seconds_spent() + int(self._clock() - self._clock_mark)

    # -- changing ---------------------------------------------------------------------------------
    @property
    def has_unsaved(self) -> bool:
        return bool(getattr(self.session, "has_unsaved", False))

    def flush(self) -> None:
        """Write what an earlier failed save kept in memory; SaveError if it fails again.

        Every change starts here, so nothing new is recorded (and no next question shown) while an
        earlier change is not on disk."""
        if self.has_unsaved:
            self.session.retry()  # type: ignore[attr-defined]

    def answer(self, raw: Any) -> Event | None:
        """Record the answer to the current prompt. AnswerError (nothing recorded) if it does not fit."""
        self.flush()
        prompt = self.prompt()
        if prompt is None:
            return None
        if prompt.is_adhoc:
            assert self.adhoc is not None
            text = normalise_answer(prompt.question, raw)
            event = self.session.record(
                EventKind.NOTE, text=text, question=self.adhoc.trigger, suggestion=self.adhoc.key, prompt=self.adhoc.text,
                speaker=self.speaker or None,
            )
            self.adhoc = None
            self.refresh()
            return event
        event = self._record_answer(prompt.question, raw, self.shown_speaker())
        self.asking = None
        self._revisit_speaker = None
        self.refresh()
        return event

    def edit(self, question_id: str, raw: Any, *, speaker: str | None = None) -> Event | None:
        """Change an earlier answer (a new answer event; the engine re-evaluates everything). The answer
        keeps the speaker who gave it, whoever speaks now; `speaker` changes it on purpose ('' for none)."""
        self.flush()
        question = self.question(question_id)
        if question is None:
            raise KeyError(question_id)
        event = self._record_answer(question, raw, self.speaker_of(question_id) if speaker is None else speaker)
        if self.asking == question_id:
            self.asking = None
            self._revisit_speaker = None
        self.refresh()
        return event

    def _record_answer(self, question: Question, raw: Any, speaker: str) -> Event | None:
        value = normalise_answer(question, raw)
        events = self.transcript.answer_events()
        if question.id in events and events[question.id].data["value"] == value and self.speaker_of(question.id) == speaker:
            return None  # unchanged: nothing to record
        return self.session.record(EventKind.ANSWER, question=question.id, value=value, speaker=speaker or None)

    def skip(self) -> Event | None:
        """Pass the current question over in this meeting."""
        return self._pass_over(EventKind.SKIP, Decision.DISMISSED)

    def park(self) -> Event | None:
        """Carry the current question to the next meeting."""
        return self._pass_over(EventKind.DEFER, Decision.PARKED)

    def _pass_over(self, kind: EventKind, adhoc_decision: Decision) -> Event | None:
        """Skip or park the waiting question; an ad-hoc follow-up is decided instead."""
        self.flush()
        prompt = self.prompt()
        if prompt is None:
            return None
        if prompt.is_adhoc:
            assert self.adhoc is not None
            event = self._decide(self.adhoc, adhoc_decision)
            self.adhoc = None
        else:
            event = self.session.record(kind, question=prompt.question.id)
            self.asking = None
        self.refresh()
        return event

    def note(self, text: str, question: str | None = None) -> Event:
        """The facilitator's own note (on a question, or general): not said by the current speaker."""
        self.flush()
        event = self.session.record(EventKind.NOTE, text=text, question=question)
        self.refresh()
        return event

    def flags_of(self, question_id: str) -> dict[Flag, Event]:
        return {flag: event for (q, flag), event in self.transcript.flags().items() if q == question_id}

    def next_rank(self) -> int:
        ranks = [int(e.get("rank") or 0) for (q, f), e in self.transcript.flags().items() if f is Flag.PRIORITY]
        return max(ranks, default=0) + 1

    def toggle_flag(self, question_id: str, flag: Flag | str, rank: int | None = None) -> bool:
        """Set the flag (a priority gets the next rank unless one is given), or clear it. True when set."""
        self.flush()
        flag = Flag(flag)
        if flag in self.flags_of(question_id) and rank is None:
            self.session.record(EventKind.UNFLAG, question=question_id, flag=str(flag))
            self.refresh()
            return False
        if flag is Flag.PRIORITY and rank is None:
            rank = self.next_rank()
        self.session.record(EventKind.FLAG, question=question_id, flag=str(flag), rank=rank if flag is Flag.PRIORITY else None)
        self.refresh()
        return True

    def decide(self, key: str, decision: Decision | str) -> Event | None:
        """Follow, park or dismiss a suggestion; take over (accept) or turn down (dismiss) a priority
        proposal, which cannot be parked (None then: nothing is recorded)."""
        self.flush()
        decision = Decision(decision)
        if is_priority_key(key):
            hint = next((h for h in self.priority_proposals() if h.key == key), None)
            if hint is None or decision is Decision.PARKED:
                return None
            event = self.session.record(EventKind.DECISION, suggestion=key, decision=str(decision), rule=hint.rule_id,
                                        text=hint.text, question=hint.question_id, because=hint.because or None,
                                        own=hint.own or None)
            self.refresh()
            return event
        suggestion = self.suggestion(key)
        if suggestion is None:
            return None
        event = self._decide(suggestion, decision)
        if decision is Decision.ACCEPTED:
            self.asking = None
            self.section = None  # an accepted follow-up is asked next, wherever the meeting was
            if suggestion.question_id is None:
                self.adhoc = suggestion
        self.refresh()
        return event

    def _decide(self, suggestion: Suggestion, decision: Decision) -> Event:
        # The question and the reason go along: a parked suggestion is carried to the next meeting as it was
        return self.session.record(EventKind.DECISION, suggestion=suggestion.key, decision=str(decision),
                                   rule=suggestion.rule_id, text=suggestion.text, question=suggestion.question_id,
                                   because=suggestion.because or None, own=suggestion.own or None)

    def review_action(self, action: str, status: ActionStatus | str, note: str = "") -> Event:
        """Say where an action of an earlier meeting stands (done, partly done with a note, dropped, open)."""
        self.flush()
        event = self.session.record(EventKind.ACTION_STATUS, action=action, status=str(ActionStatus(status)),
                                    note=note.strip() or None)
        self.refresh()
        return event

    def choose(self, picked: list[str]) -> None:
        """The deepening checklist: discuss `picked` now, park the rest of what was offered."""
        self.flush()
        offered = list(self.view.pending_selection)
        for question in offered:
            kind = EventKind.SELECT if question in picked else EventKind.DEFER
            self.session.record(kind, question=question)
        self.refresh()

    def set_basis_only(self, on: bool) -> None:
        self.flush()
        if on != self.transcript.basis_only():
            self.session.record(EventKind.MODE, basis_only=on)
            self.refresh()

    def back(self) -> bool:
        """Ask the answered question before the current one again. False when there is none."""
        order = self.answered_order()
        if self.asking in order:
            position = order.index(self.asking)
            if position == 0:
                return False
            target = order[position - 1]
        elif order:
            target = order[-1]
        else:
            return False
        return self.jump(target)

    def jump(self, question_id: str) -> bool:
        if self.question(question_id) is None:
            return False
        self.adhoc = None
        self.asking = question_id
        self._revisit_speaker = None
        return True

    def jump_section(self, section_id: str) -> bool:
        if self.script.unit_of(section_id) is None:
            return False
        self.adhoc = None
        self.asking = None
        self.section = section_id
        self.refresh()
        return True

    def tick(self) -> Event | None:
        """Record the meeting time spent since it was last recorded (on quitting, finishing)."""
        now = self._clock()
        seconds = int(now - self._clock_mark)
        if seconds < 1:
            return None
        event = self.session.record(EventKind.CLOCK, seconds=seconds)
        self._clock_mark += seconds
        return event

    def keep_time(self, every: float = RECORD_EVERY) -> Event | None:
        """Record the meeting time once `every` seconds of it are not on disk yet. The screen asks every
        few seconds (RECORD_EVERY), and right after each change it shows (RECORD_AFTER_CHANGE): a killed
        terminal loses little more than the time since the last answer, and a resumed meeting goes on
        from the time already spent instead of from 0. Time is summed over every session of the meeting."""
        if self._clock() - self._clock_mark < every:
            return None
        return self.tick()

    def finish(self) -> None:
        self.flush()
        self.tick()
        if self.transcript.meta.status != "closed":
            self.session.record(EventKind.CLOSE)
        self.refresh()

    def reopen(self) -> None:
        self.flush()
        if self.transcript.meta.status == "closed":
            self.session.record(EventKind.REOPEN)
            self.refresh()

    # -- the engine ---------------------------------------------------------------------------------
    def refresh(self) -> View:
        """Re-evaluate after a change, and record the signals shown for the first time."""
        self.view = self._evaluate()
        shown = self.transcript.signals()
        for signal in self.view.signals:
            if signal.rule_id not in shown:
                try:
                    self.session.record(EventKind.SIGNAL, rule=signal.rule_id, text=signal.text)
                except SaveError:
                    break  # kept in memory by the session; the next change writes it first
        return self.view

    def _evaluate(self) -> View:
        if self.section is not None:
            view = evaluate(self.script, self.banks, self.transcript, section=self.section)
            if view.next_question is not None or view.pending_selection:
                return view
            self.section = None  # the section is done: back to the normal walk
        return evaluate(self.script, self.banks, self.transcript)

    def _last_speaker(self) -> str:
        """Who gave the newest new answer (an earlier answer changed later keeps its own speaker)."""
        seen: set[str] = set()
        speaker = ""
        for event in self.transcript.of_kind(EventKind.ANSWER):
            if event.data["question"] not in seen:
                seen.add(event.data["question"])
                speaker = str(event.get("speaker") or "")
        return speaker
