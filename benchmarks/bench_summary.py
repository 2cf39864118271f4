"""Rendering the summary of a 200-answer conversation with the templates already compiled.

Baseline: a plain `str.join` of the same questions and answers (each answer through
`answer_as_text`, no escaping, no structure), measured in the same run, so the ratio shows what the
templates, the escaping and the summary's parts cost on top of just writing the answers out.
The first render in a process also compiles the templates: that figure is reported on its own.

A transcript with one very long answer (pasted, or from an older Dialoog: the app now refuses more than
20,000 characters) is summarised as `dialoog summary` does it (the parent dialogue's rules, then the
summary) against the same with an answer a tenth as long: a ratio near 10 is time in proportion to the
text. The peak memory of each (measured apart, with tracemalloc) is in the figure's label.
"""

from __future__ import annotations

import tracemalloc
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


LONG_PHRASE = "Ze klaagt 's ochtends over buikpijn en wordt gepest op de bus; de school volgt het op. "


def _long_answer_summary(size: int):
    """`dialoog summary` of a parent dialogue whose one answer has `size` characters, as a function."""
    from assistant.core import locations, mentions
    from assistant.core.catalog import load_bank_folder, load_script_folder
    from assistant.core.engine import evaluate

    banks = load_bank_folder(locations.banks_dir())
    script = load_script_folder(locations.scripts_dir(), banks)["parent_dialogue"]
    t = Transcript(Meta(id="long", script="parent_dialogue", created=STAMP, updated=STAMP, subject="Noor"))
    t = t.with_event(t.next_event("answer", at=STAMP, question="thuis.praktische-problemen",
                                  value=(LONG_PHRASE * (size // len(LONG_PHRASE) + 1))[:size]))

    def summary() -> str:
        mentions._text_index.cache_clear()  # a new process: nothing of the text is known yet
        mentions.mentions.cache_clear()
        mentions.mentions_any.cache_clear()
        return render_summary(t, banks, view=evaluate(script, banks, t), script_title=script.title)

    return summary


def _peak_mb(fn) -> float:
    tracemalloc.start()
    try:
        fn()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def _long_rows(quick: bool) -> list[dict]:
    size = 2_000_000 if quick else 20_000_000
    long, tenth = _long_answer_summary(size), _long_answer_summary(size // 10)
    peaks = _peak_mb(long), _peak_mb(tenth)
    times = interleaved({"long": long, "tenth": tenth}, 1 if quick else 3, warmup=0)
    return [row(f"summary of a parent dialogue with one {size / 1e6:g} MB answer (rules and summary; "
                f"peak memory {peaks[0]:,.0f} MB)", times["long"],
                f"the same, the answer {size / 1e7:g} MB (peak {peaks[1]:,.0f} MB)", times["tenth"])]


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
        *_long_rows(quick),
    ]


if __name__ == "__main__":
    for r in run():
        print(r)
