"""Shared by the engine tests: the test bank and script, and building transcripts from answers."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from assistant.core.answers import normalise_answer
from assistant.core.bank import Bank, load_bank
from assistant.core.script import Script, load_script
from assistant.core.transcript import EventKind, Transcript

DATA = Path(__file__).parent / "data"


@cache
def engine_banks() -> dict[str, Bank]:
    bank = load_bank(DATA / "engine_banks" / "engine_bank.yaml")
    return {bank.id: bank}


@cache
def engine_script() -> Script:
    return load_script(DATA / "scripts_ok" / "engine_script.yaml", engine_banks())


def question(banks: dict[str, Bank], ident: str):
    for bank in banks.values():
        if ident in bank:
            return bank.question(ident)
    raise KeyError(ident)


def normalised(banks: dict[str, Bank], answers: dict[str, Any]) -> dict[str, Any]:
    """Answers as the app stores them: through the one gate every answer passes."""
    return {q: normalise_answer(question(banks, q), v) for q, v in answers.items()}


def add(transcript: Transcript, kind: EventKind, **data: Any) -> Transcript:
    return transcript.with_event(transcript.next_event(kind, at="2026-01-01T10:00:00+01:00", **data))


def transcript_with(banks: dict[str, Bank], answers: dict[str, Any], script_id: str = "engine_test") -> Transcript:
    transcript = Transcript.new(script_id, id="t1")
    for ident, value in normalised(banks, answers).items():
        transcript = add(transcript, EventKind.ANSWER, question=ident, value=value)
    return transcript
