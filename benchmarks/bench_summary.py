"""Rendering the summary of a 200-answer conversation with the templates already compiled.

Baseline: a plain `str.join` of the same questions and answers (each answer through
`answer_as_text`, no escaping, no structure), measured in the same run, so the ratio shows what the
templates, the escaping and the summary's parts cost on top of just writing the answers out.
The first render in a process also compiles the templates: that figure is reported on its own.
"""

from __future__ import annotations

from typing import Any

from assistant.core import templating
from assistant.core.answers import answer_as_text
from assistant.core.bank import Bank, bank_from_located
from assistant.core.effects import PriorityHint, Signal, Suggestion, View
from assistant.core.summary import render_summary
from assistant.core.transcript import Meta, Participant, Transcript
from assistant.core.yamlsource import parse_located
from benchmarks.bench_banks import synthetic_bank
from benchmarks.timing import interleaved, row, sample

ANSWERS = 200
STAMP = "2025-03-14T10:00:00+01:00"


def _value(kind: str, n: int) -> Any:
    """A realistic answer of each type, with some Markdown in the free text."""
    if kind == "text":
        return f"Antwoord {n}: de school *registreert* elk lesuur | het secretariaat belt.\nTweede regel met # en <b>."
    if kind == "yes_no":
        return "ja" if n % 2 else "nee"
    if kind == "scale":
        return n % 11
    if kind == "number":
        return n
    if kind == "counts":
        return {"B": {"0-5": n, "5-10": 3}, "Z": {"0-5": 2 * n}}
    if kind == "actions":
        return [{"wat": f"Actie {n}", "wie": "directie", "wanneer": "mei", "check": "volgend overleg"}]
    return {"groter": [f"factor {n}", "steun thuis"], "kleiner": ["pesten"]}


def conversation(answers: int = ANSWERS) -> tuple[Transcript, Bank, View]:
    bank = bank_from_located(parse_located(synthetic_bank(answers), "benchmark.yaml"))
    t = Transcript(Meta(id="bench", script="synthetic", created=STAMP, updated=STAMP, facilitator="Sofie Janssens",
                        participants=(Participant("Marc Peeters", "directie"),), subject="Sint-Jozefscollege",
                        bank_versions={"synthetic": 1}))

    def add(kind: str, **data: Any) -> None:
        nonlocal t
        t = t.with_event(t.next_event(kind, at=STAMP, **data))

    questions = list(bank.questions())
    for n, question in enumerate(questions):
        add("answer", question=question.id, value=_value(str(question.type), n))
        if n % 20 == 0:
            add("flag", question=question.id, flag="priority", rank=n // 20 + 1)
            add("note", question=question.id, text=f"Notitie bij vraag {n}")
    first = questions[0].id
    view = View(
        next_question=None, visible=tuple(q.id for q in questions),
        suggestions=(Suggestion("r1:x", "r1", None, "Ad-hocvraag?", "Omdat (000).", first),),
        decided=(), signals=(Signal("r2", "Vanaf 5 B-codes signaleren", "001", first),),
        priority_hints=(PriorityHint("r3", "Focus op te laat komen", "000", first),),
    )
    return t, bank, view


def run(quick: bool = False) -> list[dict]:
    transcript, bank, view = conversation()
    banks = {bank.id: bank}
    questions = {q.id: q for q in bank.questions()}

    def summary() -> str:
        return render_summary(transcript, banks, view=view)

    def plain() -> str:
        answers = transcript.answers()
        return "\n\n".join(f"{questions[q].text}\n{answer_as_text(questions[q], v)}" for q, v in answers.items())

    def cold() -> str:
        templating.environment.cache_clear()
        return summary()

    runs = 15 if quick else 200
    times = interleaved({"summary": summary, "plain": plain}, runs, warmup=3)
    first = sample(cold, 3 if quick else 15, warmup=0)
    summary()  # leave the compiled environment in place for whoever runs next
    return [
        row(f"summary of a {ANSWERS}-answer transcript (templates compiled)", times["summary"],
            "str.join of the same answers", times["plain"]),
        row(f"first summary in a process ({ANSWERS} answers, compiling the templates)", first,
            "summary with templates compiled", times["summary"]),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
