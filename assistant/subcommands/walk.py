"""`dialoog walk`: run a script headless over a file of answers, to check what its rules do.

Authors write the answers a conversation might give (question id -> value, in order); walk feeds
them to the engine one by one and prints, per step, the question answered, what the engine would
have asked, and the suggestions, signals and priority hints that fired, with their rule and reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from assistant.exit_codes import EXIT_INVALID, EXIT_OK, EXIT_USAGE

ORDER = 60


def register(sub: argparse._SubParsersAction) -> None:
    walk = sub.add_parser(
        "walk",
        help="feed a file of answers through a script and show what its rules do",
        description="Feed the answers in FILE (a YAML mapping of question id to answer, in the order given) "
        "through SCRIPT (the id of a bundled script, or a path to a script file) and print, per step, "
        "the suggestions, signals and priority hints that fired and why. Exit 0 on success, 1 when the "
        "script or the answers are invalid, 2 on a usage error.",
    )
    walk.add_argument("script", metavar="SCRIPT", help="a bundled script id (e.g. school_dialogue) or a script file")
    walk.add_argument("--answers", required=True, type=Path, metavar="FILE", help="YAML: question id -> answer, in order")
    walk.add_argument("--json", action="store_true", help="print one JSON document instead of text")
    walk.add_argument("--banks", type=Path, metavar="DIR", help="question banks folder (default: the bundled ones)")
    walk.set_defaults(handler=run_walk)


def _fail(lines: list[Any], code: int) -> int:
    for line in lines:
        print(line, file=sys.stderr)
    return code


def run_walk(args: argparse.Namespace) -> int:
    from assistant.application.library import load_library
    from assistant.core import locations
    from assistant.core.catalog import display_path
    from assistant.core.script import load_script
    from assistant.core.yamlsource import SourceErrors

    folder = args.banks or locations.banks_dir()
    if not folder.is_dir():
        return _fail([f"dialoog: no question banks at {display_path(folder)}"], EXIT_USAGE)
    try:
        banks = load_library(folder, scripts=False).banks
    except SourceErrors as exc:
        return _fail(exc.errors, EXIT_INVALID)
    given = Path(args.script)
    try:
        if given.suffix in (".yaml", ".yml") or given.exists():
            if not given.is_file():
                return _fail([f"dialoog: no such script file: {args.script}"], EXIT_USAGE)
            script = load_script(given, banks, display_path(given))
        else:
            scripts = load_library(folder).scripts
            if args.script not in scripts:
                known = ", ".join(sorted(scripts)) or "none"
                return _fail([f"dialoog: unknown script '{args.script}' (bundled: {known})"], EXIT_USAGE)
            script = scripts[args.script]
    except SourceErrors as exc:
        return _fail(exc.errors, EXIT_INVALID)
    if not args.answers.is_file():
        return _fail([f"dialoog: no such answers file: {args.answers}"], EXIT_USAGE)
    try:
        answers = read_answers(args.answers, banks, display_path(args.answers))
    except SourceErrors as exc:
        return _fail(exc.errors, EXIT_INVALID)
    report = walk(script, banks, answers)
    if args.json:
        json.dump(report, sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        print_report(report)
    return EXIT_OK


def read_answers(path: Path, banks: dict[str, Any], display: str) -> list[tuple[str, Any]]:
    """The answers file as (question id, normalised answer) pairs; every mistake is file:line:col."""
    from assistant.core.answers import AnswerError, normalise_answer
    from assistant.core.yamlsource import SourceErrors, load_located

    located = load_located(path, display)
    if not isinstance(located.data, dict) or not located.data:
        raise SourceErrors([located.error((), "the answers file is a mapping of question ids to answers, such as 'inzicht.overzicht-afwezigheden: {B: {5-10: 3}}'")])
    index = {q.id: q for bank in banks.values() for q in bank.questions()}
    result: list[tuple[str, Any]] = []
    errors = []
    for ident, value in located.data.items():
        question = index.get(ident)
        if question is None:
            errors.append(located.error((ident,), f"unknown question '{ident}'", key=True))
            continue
        try:
            result.append((ident, normalise_answer(question, value)))
        except AnswerError as exc:
            errors.append(located.error((ident,), f"question '{ident}': {exc}"))
    if errors:
        raise SourceErrors(errors)
    return result


def _suggestion(s: Any) -> dict[str, Any]:
    return {"key": s.key, "rule": s.rule_id, "question": s.question_id, "text": s.text, "because": s.because, "trigger": s.trigger}


def _signal(s: Any) -> dict[str, Any]:
    return {"rule": s.rule_id, "text": s.text, "because": s.because, "trigger": s.trigger}


def _hint(h: Any) -> dict[str, Any]:
    return {"rule": h.rule_id, "text": h.text, "because": h.because, "question": h.question_id}


def walk(script: Any, banks: dict[str, Any], answers: list[tuple[str, Any]]) -> dict[str, Any]:
    """Feed the answers one by one; per step, what fired that had not fired before (and what stopped)."""
    from assistant.core.engine import evaluate
    from assistant.core.transcript import EventKind, Transcript

    index = {q.id: q for bank in banks.values() for q in bank.questions()}
    transcript = Transcript.new(script.id)
    before = evaluate(script, banks, transcript)
    steps = []
    for number, (ident, value) in enumerate(answers, start=1):
        transcript = transcript.with_event(transcript.next_event(EventKind.ANSWER, question=ident, value=value))
        after = evaluate(script, banks, transcript)
        old_keys = {s.key for s in before.suggestions}
        old_signals = {s.rule_id for s in before.signals}
        old_hints = {h.rule_id for h in before.priority_hints}
        new_keys = {s.key for s in after.suggestions}
        steps.append({
            "step": number,
            "question": ident,
            "text": index[ident].text,
            "answer": value,
            "expected": before.next_question,
            "checklist": list(before.pending_selection),
            "suggestions": [_suggestion(s) for s in after.suggestions if s.key not in old_keys],
            "signals": [_signal(s) for s in after.signals if s.rule_id not in old_signals],
            "priority_hints": [_hint(h) for h in after.priority_hints if h.rule_id not in old_hints],
            "withdrawn": sorted(old_keys - new_keys),
        })
        before = after
    return {
        "script": script.id,
        "title": script.title,
        "steps": steps,
        "end": {
            "next_question": before.next_question,
            "pending_selection": list(before.pending_selection),
            "visible": list(before.visible),
            "suggestions": [_suggestion(s) for s in before.suggestions],
            "signals": [_signal(s) for s in before.signals],
            "priority_hints": [_hint(h) for h in before.priority_hints],
        },
    }


def print_report(report: dict[str, Any]) -> None:
    print(f"{report['script']}: {report['title']}")
    for step in report["steps"]:
        print()
        print(f"{step['step']}. {step['question']}: {step['text']}")
        print(f"   answer: {_plain(step['answer'])}")
        if step["expected"] != step["question"]:
            if step["expected"]:
                print(f"   (the engine would have asked {step['expected']})")
            elif step["checklist"]:
                print(f"   (the engine would have offered the checklist: {', '.join(step['checklist'])})")
        for s in step["signals"]:
            print(f"   signal [{s['rule']}]: {s['text']}")
            print(f"      because: {s['because']}")
        for s in step["suggestions"]:
            target = f" ({s['question']})" if s["question"] else ""
            print(f"   suggest [{s['rule']}]: {s['text']}{target}")
            print(f"      because: {s['because']}")
        for h in step["priority_hints"]:
            print(f"   priority [{h['rule']}]: {h['text']}")
            print(f"      because: {h['because']}")
        for key in step["withdrawn"]:
            print(f"   withdrawn: {key}")
    end = report["end"]
    print()
    if end["next_question"]:
        print(f"next: {end['next_question']}")
    elif end["pending_selection"]:
        print(f"next: the checklist of deepening questions: {', '.join(end['pending_selection'])}")
    else:
        print("next: nothing; every visible question is answered")


def _plain(value: Any) -> str:
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)
