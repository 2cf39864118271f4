"""The follow-up engine: evaluating every rule of the largest shipped script after one answer.

The transcript answers every question of the script with realistic free text, so each `mentions`
condition scans real sentences. "After one answer" appends a new answer with text not seen before
(as typing does), so that answer is matched from scratch while the others hit the matcher's cache;
"cold" clears that cache first (the cost right after opening a transcript). Baseline: the cost of
`Transcript.answers()` on the same transcript, measured in the same run, which every evaluation pays.
The issue's budget is 5 ms per evaluation.
"""

from __future__ import annotations

from typing import Any

from assistant.core import locations, mentions
from assistant.core.bank import AnswerType, Bank, Question
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.engine import evaluate
from assistant.core.rules import AllOf, AnyOf, Not
from assistant.core.script import Script
from assistant.core.transcript import EventKind, Transcript
from benchmarks.timing import per_input, row

SENTENCE = (
    "De leerling komt de laatste weken vaak te laat en de ouders vertellen dat hij 's avonds lang op zijn "
    "gsm zit, weinig slaapt en 's ochtends moeilijk op gang komt; op school gaat het met de meeste vakken "
    "redelijk, maar wiskunde blijft moeilijk en de relatie met de klastitularis is goed"
)


def _leaves(condition: Any) -> int:
    if isinstance(condition, (AnyOf, AllOf)):
        return sum(_leaves(part) for part in condition.parts)
    if isinstance(condition, Not):
        return _leaves(condition.part)
    return 1


def largest(scripts: dict[str, Script]) -> Script:
    """The script with the most condition tests to evaluate."""
    return max(scripts.values(), key=lambda s: (sum(_leaves(r.when) for r in s.rules), s.id))


def sample_answer(question: Question, n: int) -> Any:
    kind = question.type
    if kind == AnswerType.TEXT:
        return f"{SENTENCE} ({question.id}, {n})"
    if kind == AnswerType.YES_NO:
        return "ja"
    if kind == AnswerType.CHOICE:
        return (question.options or ("",))[0]
    if kind == AnswerType.MULTI_CHOICE:
        return list((question.options or ())[:2])
    if kind == AnswerType.NUMBER:
        return 3
    if kind == AnswerType.SCALE:
        return 6
    if kind == AnswerType.COUNTS:
        return {question.count_rows[0]: {question.count_columns[0]: 12, question.count_columns[1]: 1}}
    if kind == AnswerType.ACTIONS:
        return [{"wat": "Ouders uitnodigen", "wie": "titularis", "wanneer": "volgende week", "check": "overleg"}]
    return {"groter": ["sport met vrienden", "een vaste leerkracht"], "kleiner": ["ruzie thuis", "weinig slaap"]}


def full_transcript(script: Script, banks: dict[str, Bank]) -> tuple[Transcript, Question]:
    """Every walked question answered; returns the transcript and a text question to answer again."""
    index = {q.id: q for bank in banks.values() for q in bank.questions()}
    transcript = Transcript.new(script.id, id="bench")
    for ident in script.walked_questions():
        value = sample_answer(index[ident], 0)
        transcript = transcript.with_event(transcript.next_event(EventKind.ANSWER, at="2026-01-01T10:00:00+01:00", question=ident, value=value))
    text_question = next(index[q] for q in script.walked_questions() if index[q].type == AnswerType.TEXT)
    return transcript, text_question


def _clear_caches() -> None:
    mentions.mentions_any.cache_clear()
    mentions.mentions.cache_clear()
    mentions._text_index.cache_clear()
    mentions.word_forms.cache_clear()


def _measure(script: Script, banks: dict[str, Bank], base: Transcript, question: Question, runs: int, cold: bool) -> tuple[list[float], list[float]]:
    prepared = [
        base.with_event(base.next_event(EventKind.ANSWER, at="2026-01-01T10:05:00+01:00", question=question.id, value=sample_answer(question, n + 1)))
        for n in range(runs + 3)
    ]
    # The first three warm up imports and the matcher's cache of the unchanged answers.
    times = per_input({"engine": lambda t: evaluate(script, banks, t), "answers": lambda t: t.answers()},
                      prepared, warmup=3, before=_clear_caches if cold else None)
    return times["engine"], times["answers"]


def run(quick: bool = False) -> list[dict]:
    banks = load_bank_folder(locations.banks_dir())
    scripts = load_script_folder(locations.scripts_dir(), banks)
    script = largest(scripts)
    base, question = full_transcript(script, banks)
    runs = 30 if quick else 300
    tests = sum(_leaves(r.when) for r in script.rules)
    label = f"{script.id}: {len(script.rules)} rules, {tests} tests, {len(base.events)} answers"
    warm, warm_base = _measure(script, banks, base, question, runs, cold=False)
    cold, cold_base = _measure(script, banks, base, question, max(10, runs // 5), cold=True)
    return [
        row(f"evaluate all rules after one answer ({label})", warm, "Transcript.answers()", warm_base),
        row(f"the same with the mentions cache cleared ({label})", cold, "Transcript.answers()", cold_base),
    ]
