"""The follow-up engine: from a script, its banks and a transcript, what to ask next and what to propose.

Pure and deterministic: `evaluate` reads the transcript and returns a new View; it keeps no state
between calls, so changing an earlier answer is simply another evaluation. Walk order follows the
source documents: per walked section the basis questions first; then, unless the meeting runs in
basis-only mode, the facilitator is offered that section's deepening questions as a checklist
(`pending_selection`, with `next_question` None) and the ones picked (SELECT) are asked, the rest
parked (DEFER) or passed over (SKIP). Accepted suggestions that name a question are asked before
anything else, in the order they were accepted. Decisions stick: a suggestion once accepted, parked
or dismissed stays so, even when a changed answer means its rule no longer fires.

A transcript can bring its own order along in `meta.carried` (a conversation started from a
preparation, assistant.core.handover): `first` lists questions to ask before the walk (after the
accepted follow-ups), as if accepted; `sections_first` lists walked sections to take before the
others. Both are plain data, so any script and any bank can use them.

A follow-up meeting (assistant.core.followup) carries the questions the previous one parked or left
suggested: they are proposed first, like suggestions (assistant.core.carried). Accepted, one is asked
next; parked again or dismissed, the walk counts its question as parked or passed over, so that it is
not offered a second time in a checklist.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assistant.core import carried as carried_items
from assistant.core.bank import Bank
from assistant.core.effects import PriorityHint, Signal, Suggestion, View
from assistant.core.rules import Rule
from assistant.core.script import Script, Unit
from assistant.core.transcript import Decision, EventKind, Transcript


@dataclass(frozen=True)
class _State:
    """What the walk needs from the transcript, read once per evaluation."""

    answers: Mapping[str, Any]
    answered_at: Mapping[str, int]  # question -> seq of its latest answer, to name what triggered a rule
    selected: frozenset[str]
    deferred: frozenset[str]
    skipped: frozenset[str]
    basis_only: bool
    first: tuple[str, ...] = ()           # carried: questions to ask before the walk
    sections_first: tuple[str, ...] = ()  # carried: sections to walk before the others
    triggers: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)  # per rule, once

    @classmethod
    def of(cls, transcript: Transcript) -> _State:
        answers: dict[str, Any] = {}
        answered_at: dict[str, int] = {}
        for event in transcript.of_kind(EventKind.ANSWER):
            answers[event.data["question"]] = event.data["value"]
            answered_at[event.data["question"]] = event.seq
        carried = transcript.meta.carried
        parked, passed = _carried_decided(transcript)
        return cls(
            answers,
            answered_at,
            frozenset(transcript.selected()),
            frozenset(transcript.deferred()) | (parked - answers.keys()),
            frozenset(transcript.skipped()) | (passed - answers.keys()),
            transcript.basis_only(),
            tuple(dict.fromkeys(carried.first)),  # each once
            tuple(dict.fromkeys(carried.sections_first)),
        )

    def is_open(self, question: str) -> bool:
        return question not in self.answers and question not in self.skipped and question not in self.deferred

    def trigger(self, rule: Rule) -> str | None:
        """The question whose answer made the rule fire: of the answers its condition tests, taken in the
        order they were given, the first after which the condition held. (The newest tested answer
        would move a rule that tests a long list of questions, "any of them mentions angst", under every
        later answer to that list, although those answers had nothing to do with it.) A rule whose
        condition does not hold (a decided suggestion's rule that no longer fires) names its newest
        tested answer."""
        if rule.id not in self.triggers:
            self.triggers[rule.id] = self._first_holding(rule)
        return self.triggers[rule.id]

    def _first_holding(self, rule: Rule) -> str | None:
        tested = sorted((q for q in rule.when.questions() if q in self.answered_at), key=self.answered_at.__getitem__)
        if len(tested) < 2 or rule.when.evaluate(self.answers) is not True:
            return tested[-1] if tested else None
        # Three-valued logic keeps a condition true once more answers are known, so the first answer
        # after which it holds can be found by halving (a few evaluations, not one per answer).
        low, high = 0, len(tested) - 1
        while low < high:
            middle = (low + high) // 2
            if rule.when.evaluate({q: self.answers[q] for q in tested[: middle + 1]}) is True:
                high = middle
            else:
                low = middle + 1
        return tested[low]


def _carried_decided(transcript: Transcript) -> tuple[set[str], set[str]]:
    """The carried questions parked again, and those dismissed, in this meeting."""
    questions = {carried_items.carried_key(item): item.get("question") for item in transcript.meta.carried.questions}
    parked: set[str] = set()
    passed: set[str] = set()
    if not questions:
        return parked, passed
    for key, event in transcript.decisions().items():
        question = questions.get(key)
        if isinstance(question, str) and question:
            if event.data["decision"] == Decision.PARKED:
                parked.add(question)
            elif event.data["decision"] == Decision.DISMISSED:
                passed.add(question)
    return parked, passed


def _hidden(rules: tuple[Rule, ...], fired: tuple[Rule, ...]) -> frozenset[str]:
    """A question named by any `show` stays hidden until a rule showing it fires; a firing `skip` hides."""
    gated = {q for rule in rules for q in rule.show}
    shown = {q for rule in fired for q in rule.show}
    skipped = {q for rule in fired for q in rule.skip}
    return frozenset((gated - shown) | skipped)


def _suggestion(rule: Rule, index: int, state: _State) -> Suggestion:
    proposal = rule.suggest[index]
    return Suggestion(proposal.key(rule.id), rule.id, proposal.question_id, proposal.text, rule.because, state.trigger(rule),
                      rule.own)


def _question_text(banks: Mapping[str, Bank]) -> Any:
    def text_of(question: str) -> str | None:
        for bank in banks.values():
            if question in bank:
                return bank.question(question).text
        return None
    return text_of


def _suggestions(
    script: Script, banks: Mapping[str, Bank], fired: tuple[Rule, ...], transcript: Transcript, state: _State
) -> tuple[tuple[Suggestion, ...], tuple[tuple[Suggestion, str], ...], tuple[str, ...]]:
    """Active suggestions, decided ones, and the accepted questions in the order they were accepted.
    The questions a follow-up carried come first; a rule proposing one of them again is the same proposal."""
    decisions = transcript.decisions()
    decided: list[tuple[Suggestion, str]] = []
    accepted_at: dict[str, int] = {}
    carried = carried_items.proposals(transcript.meta.carried, _question_text(banks))
    carried_keys = {s.key for s in carried}
    settled: set[str] = set()  # carried questions decided here: a rule does not propose them again
    for suggestion in carried:
        event = decisions.get(suggestion.key)
        if event is None:
            continue
        decision = str(event.data["decision"])
        decided.append((suggestion, decision))
        if suggestion.question_id:
            settled.add(suggestion.question_id)
            if decision == Decision.ACCEPTED:
                accepted_at.setdefault(suggestion.question_id, event.seq)
    for rule in script.rules:
        for i, proposal in enumerate(rule.suggest):
            key = proposal.key(rule.id)
            event = decisions.get(key)
            if event is None or key in carried_keys:
                continue
            decision = str(event.data["decision"])
            decided.append((_suggestion(rule, i, state), decision))
            if decision == Decision.ACCEPTED and proposal.question_id:
                accepted_at.setdefault(proposal.question_id, event.seq)
    accepted = tuple(sorted(accepted_at, key=accepted_at.__getitem__))
    active: list[Suggestion] = []
    offered: set[str] = set(accepted) | settled
    for suggestion in carried:
        if suggestion.key in decisions:
            continue
        if suggestion.question_id and (suggestion.question_id in state.answers or suggestion.question_id in offered):
            continue
        if suggestion.question_id:
            offered.add(suggestion.question_id)
        active.append(suggestion)
    for rule in fired:
        for i, proposal in enumerate(rule.suggest):
            if proposal.key(rule.id) in decisions or proposal.key(rule.id) in carried_keys:
                continue
            if proposal.question_id and (proposal.question_id in state.answers or proposal.question_id in offered):
                continue  # already asked, or proposed by an earlier rule: one proposal per question
            if proposal.question_id:
                offered.add(proposal.question_id)
            active.append(_suggestion(rule, i, state))
    return tuple(active), tuple(decided), accepted


@dataclass(frozen=True)
class _Walk:
    visible: tuple[str, ...]
    next_question: str | None
    pending: tuple[str, ...]


def _unit_plan(unit: Unit, part: str | None, hidden: frozenset[str], accepted: frozenset[str], state: _State) -> tuple[list[str], list[str], list[str]]:
    """The unit's visible basis questions, its chosen deepening ones, and the deepening ones still to offer."""
    members = unit.members(part) if part else None

    def keep(question: str) -> bool:
        return (question not in hidden or question in accepted) and (members is None or question in members)

    basis = [q for q in unit.basis if keep(q)]
    deepening = [q for q in unit.deepening if keep(q)]
    if state.basis_only:
        chosen = [q for q in deepening if q in state.answers or q in accepted]
        return basis, chosen, []
    chosen = [q for q in deepening if q in state.selected or q in state.answers or q in accepted]
    offer = [q for q in deepening if q not in chosen and q not in state.deferred and q not in state.skipped]
    return basis, chosen, offer


def _units_in_order(script: Script, sections_first: tuple[str, ...]) -> list[Unit]:
    """The script's units, those walking a section of `sections_first` first (in that order)."""
    early: list[Unit] = []
    for section in sections_first:
        unit = script.unit_of(section)
        if unit is not None and unit not in early:
            early.append(unit)
    return early + [unit for unit in script.units if unit not in early]


def _walk(script: Script, hidden: frozenset[str], accepted: tuple[str, ...], first: tuple[str, ...],
          state: _State, section: str | None) -> _Walk:
    # The carried first questions count as accepted: asked even where a rule hides them, never offered
    # in a checklist; they come after the follow-ups the facilitator accepted in this meeting.
    wanted = (*accepted, *(q for q in first if q not in accepted))
    wanted_set = frozenset(wanted)
    visible: list[str] = [q for q in first if q not in accepted]
    next_question: str | None = None
    pending: tuple[str, ...] = ()
    stopped = False
    focus = script.unit_of(section) if section else None
    if section and focus is None:
        raise KeyError(f"section '{section}' is not walked by script '{script.id}'")
    scope = focus.members(section) if focus and section else None
    queue = [q for q in wanted if state.is_open(q) and (scope is None or q in scope)]
    if queue:
        next_question, stopped = queue[0], True
    for unit in _units_in_order(script, state.sections_first):
        basis, chosen, offer = _unit_plan(unit, None, hidden, wanted_set, state)
        visible += basis + chosen
        if stopped or (focus is not None and unit is not focus):
            continue
        if focus is not None and section != unit.section:  # a subsection: walk only its part of the unit
            basis, chosen, offer = _unit_plan(unit, section, hidden, wanted_set, state)
        open_basis = [q for q in basis if state.is_open(q)]
        if open_basis:
            next_question, stopped = open_basis[0], True
        elif offer:
            pending, stopped = tuple(offer), True
        else:
            open_chosen = [q for q in chosen if state.is_open(q)]
            if open_chosen:
                next_question, stopped = open_chosen[0], True
    visible = list(dict.fromkeys(visible))
    walked = set(visible)
    visible += [q for q in accepted if q not in walked]  # follow-ups from other banks, in acceptance order
    return _Walk(tuple(visible), next_question, pending)


def _known_first(script: Script, banks: Mapping[str, Bank], first: tuple[str, ...]) -> tuple[str, ...]:
    """The carried first questions that exist: an id no bank has (it changed since) is passed over."""
    if not first:
        return ()
    walked = set(script.walked_questions())
    return tuple(q for q in first if q in walked or any(q in bank for bank in banks.values()))


def evaluate(script: Script, banks: Mapping[str, Bank], transcript: Transcript, *, section: str | None = None) -> View:
    """The view of a conversation in this state: next question, visible questions, suggestions, signals.

    With `section` (a walked section or one of its subsections) the next question and the checklist are
    taken from that section only, for "jump to section". `banks` is accepted for symmetry with the
    app's other calls; the script already holds what it needs from them.
    """
    state = _State.of(transcript)
    fired = tuple(rule for rule in script.rules if rule.when.evaluate(state.answers) is True)
    active, decided, accepted = _suggestions(script, banks, fired, transcript, state)
    first = _known_first(script, banks, state.first)
    walk = _walk(script, _hidden(script.rules, fired), accepted, first, state, section)
    signals = tuple(Signal(r.id, r.signal, r.because, state.trigger(r), r.own) for r in fired if r.signal)
    hints = tuple(PriorityHint(r.id, r.priority_hint, r.because, state.trigger(r), r.own) for r in fired if r.priority_hint)
    return View(
        next_question=walk.next_question,
        visible=walk.visible,
        suggestions=active,
        decided=decided,
        signals=signals,
        priority_hints=hints,
        pending_selection=walk.pending,
    )
