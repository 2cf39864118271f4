"""How well the shipped rules propose what a CLB worker expects: precision and recall on the evaluation set.

tests/data/followups/ holds realistic answers labelled with the follow-ups (rules) a CLB worker wants
after them and those they would not want (README there). Each answer is given alone (with its
`context`, if any) to its script, and the rules whose condition holds are compared with the labels:
a rule that fires without being expected is a false positive, an expected rule that stays quiet a
false negative. The development part (the rules were tuned on it) and the held-out part (never tuned
on) are reported apart, overall and per rule. tests/test_followup_quality.py keeps them from falling.

Quality figures, not times: the table shows them in the median column. The last row times one
evaluation of all rules per answer of the set, against normalising the answers alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from assistant.core import locations
from assistant.core.answers import normalise_answer
from assistant.core.bank import Bank, Question
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.script import Script
from benchmarks.timing import interleaved, row

DATA = Path(__file__).parent.parent / "tests" / "data" / "followups"
PARTS = ("dev", "heldout")


@dataclass(frozen=True)
class Item:
    id: str
    script: str
    question: str
    answer: Any
    expect: frozenset[str]
    unwanted: frozenset[str]
    context: tuple[tuple[str, Any], ...] = ()


@dataclass
class Scores:
    """Counts per rule; precision and recall overall (micro-averaged) and per rule."""

    tp: Counter = field(default_factory=Counter)
    fp: Counter = field(default_factory=Counter)
    fn: Counter = field(default_factory=Counter)
    misses: list[str] = field(default_factory=list)   # item: what went wrong, for a reader

    @staticmethod
    def _ratio(hit: int, other: int) -> float:
        return hit / (hit + other) if hit + other else 1.0

    def precision(self, rule: str | None = None) -> float:
        return self._ratio(self.tp[rule], self.fp[rule]) if rule else self._ratio(sum(self.tp.values()), sum(self.fp.values()))

    def recall(self, rule: str | None = None) -> float:
        return self._ratio(self.tp[rule], self.fn[rule]) if rule else self._ratio(sum(self.tp.values()), sum(self.fn.values()))

    def rules(self) -> list[str]:
        return sorted(set(self.tp) | set(self.fp) | set(self.fn))


@cache
def library() -> tuple[dict[str, Bank], dict[str, Script]]:
    banks = load_bank_folder(locations.banks_dir())
    return banks, load_script_folder(locations.scripts_dir(), banks)


def _question(banks: dict[str, Bank], ident: str) -> Question:
    return next(bank.question(ident) for bank in banks.values() if ident in bank)


def load(part: str) -> list[Item]:
    raw = yaml.safe_load((DATA / f"{part}.yaml").read_text(encoding="utf-8"))
    return [Item(r["id"], r["script"], r["question"], r["answer"], frozenset(r.get("expect") or ()),
                 frozenset(r.get("unwanted") or ()), tuple((r.get("context") or {}).items())) for r in raw]


def answers_of(item: Item) -> dict[str, Any]:
    """The item's answers as the app stores them (through the one gate every answer passes)."""
    banks, _ = library()
    given = [*item.context, (item.question, item.answer)]
    return {ident: normalise_answer(_question(banks, ident), value) for ident, value in given}


def fired(item: Item, answers: dict[str, Any] | None = None) -> set[str]:
    _, scripts = library()
    answers = answers_of(item) if answers is None else answers
    return {rule.id for rule in scripts[item.script].rules if rule.when.evaluate(answers) is True}


def score(items: list[Item]) -> Scores:
    scores = Scores()
    for item in items:
        got = fired(item)
        for rule in got & item.expect:
            scores.tp[rule] += 1
        for rule in got - item.expect:
            scores.fp[rule] += 1
            scores.misses.append(f"{item.id}: {rule} fired{' (labelled unwanted)' if rule in item.unwanted else ''}")
        for rule in item.expect - got:
            scores.fn[rule] += 1
            scores.misses.append(f"{item.id}: {rule} expected, quiet")
    return scores


def _quality_row(figure: str, scores: Scores, rule: str | None = None) -> dict:
    tp = scores.tp[rule] if rule else sum(scores.tp.values())
    fp = scores.fp[rule] if rule else sum(scores.fp.values())
    fn = scores.fn[rule] if rule else sum(scores.fn.values())
    text = f"P {scores.precision(rule):.2f} R {scores.recall(rule):.2f}"
    return {"figure": figure, "value": text, "baseline": f"tp {tp}, fp {fp}, fn {fn}",
            "precision": scores.precision(rule), "recall": scores.recall(rule)}


def run(quick: bool = False) -> list[dict]:
    rows: list[dict] = []
    everything: list[Item] = []
    for part in PARTS:
        items = load(part)
        everything += items
        scores = score(items)
        label = "development part, tuned on" if part == "dev" else "held-out part, never tuned on"
        rows.append(_quality_row(f"follow-ups, {label} ({len(items)} answers): overall", scores))
        if part == "dev" and not quick:
            rows += [_quality_row(f"follow-ups, development part: {rule}", scores, rule) for rule in scores.rules()]
    rows.append(_quality_row(f"follow-ups, both parts ({len(everything)} answers): overall", score(everything)))
    prepared = [(item, answers_of(item)) for item in everything]
    times = interleaved({
        "rules": lambda: [fired(item, answers) for item, answers in prepared],
        "normalise": lambda: [answers_of(item) for item, _ in prepared],
    }, runs=3 if quick else 15)
    per_answer = [t / len(prepared) for t in times["rules"]]
    rows.append(row(f"evaluate a script's rules on one answer of the set (mean of {len(prepared)}, warm caches)",
                    per_answer, "normalising the answer", [t / len(prepared) for t in times["normalise"]]))
    return rows
