"""Conditions and effects as data: parsed from a script's YAML, checked against the banks, evaluated here.

A condition is a small tree of mappings (`{answer: q, gte: 5}`, `{any: [...]}`); nothing in a script
is ever executed. Evaluation is three-valued: a test on a question that has no answer yet is
*unknown* (None), `not` keeps it unknown, `any` is true as soon as one part is true and `all` false as
soon as one part is false. A rule fires only when its condition is true, so "no step plan"
(`{not: {answer: beleid.stappenplan, equals: ja}}`) waits until the question has been answered.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Union

from assistant.core.answers import FACTOR_SIDES, AnswerError, normalise_answer
from assistant.core.bank import RENAMED_BANDS, AnswerType, Question
from assistant.core.mentions import DEFAULT_MIN_SCORE, fold, mentions_any
from assistant.core.negation import is_no, is_yes
from assistant.core.yamlsource import Located, SourceError, YamlPath

Truth = Union[bool, None]  # None: not known yet, a question it tests is unanswered

COMPARISONS = ("gt", "gte", "lt", "lte")
OPERATORS = ("equals", "in", "contains", *COMPARISONS, "mentions")
MODIFIERS = ("row", "bands", "side", "min_score", "negation")
# What cancels a mention: any negation cue in its clause, or only a dismissal ("geen probleem", "valt mee").
NEGATION_MODES = ("any", "dismissal")
HEADS = ("answer", "scale", "answered", "any", "all", "not")

_NUMERIC = {"equals", *COMPARISONS}
# Which operators fit which answer type. counts, factors and actions compare a number they hold: the
# sum of the chosen cells of a counts table, the number of factors or of actions.
FITTING: dict[AnswerType, tuple[str, ...]] = {
    AnswerType.TEXT: ("mentions", "equals"),  # equals: ja / nee, the whole answer is a yes or a no
    AnswerType.YES_NO: ("equals",),
    AnswerType.CHOICE: ("equals", "in"),
    AnswerType.MULTI_CHOICE: ("contains",),
    AnswerType.NUMBER: ("equals", *COMPARISONS),
    AnswerType.SCALE: ("equals", *COMPARISONS),
    AnswerType.COUNTS: ("equals", *COMPARISONS),
    AnswerType.ACTIONS: ("equals", *COMPARISONS, "mentions"),
    AnswerType.FACTORS: ("equals", *COMPARISONS, "mentions"),
}
_ARTICLE = {AnswerType.ACTIONS: "an", AnswerType.YES_NO: "a"}

Answers = Mapping[str, Any]


# -- conditions --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AnswerTest:
    """One test on one answer: `op` against `operand`, on the part of the answer that row/bands/side pick."""

    question: str
    kind: AnswerType
    op: str
    operand: Any
    rows: tuple[str, ...] | None = None
    bands: tuple[str, ...] | None = None
    side: str | None = None
    min_score: float = DEFAULT_MIN_SCORE
    negation: str = "any"

    def evaluate(self, answers: Answers) -> Truth:
        if self.question not in answers:
            return None
        value = answers[self.question]
        try:
            if self.op == "mentions":
                return mentions_any(self._texts(value), self.operand, self.min_score, self.negation == "dismissal") is not None
            if self.kind == AnswerType.TEXT:  # equals ja / nee: "Nee hoor" is a no, "Nee, maar ..." is neither
                says = is_no if self.operand == "nee" else is_yes
                return says(fold(value)) if isinstance(value, str) else None
            if self.op == "in":
                return value in self.operand
            if self.op == "contains":
                return any(option in value for option in self.operand)
            if self.kind in (AnswerType.YES_NO, AnswerType.CHOICE):
                return value == self.operand
            number = self._number(value)
        except (TypeError, AttributeError, KeyError):
            return None  # an answer not in its normal form (an old transcript): nothing can be said
        if number is None:
            return None
        return {
            "equals": number == self.operand,
            "gt": number > self.operand,
            "gte": number >= self.operand,
            "lt": number < self.operand,
            "lte": number <= self.operand,
        }[self.op]

    def _number(self, value: Any) -> float | None:
        if self.kind == AnswerType.COUNTS:
            rows = self.rows or tuple(value)
            total = 0
            for row in rows:
                cells = value.get(row) or {}
                total += sum(n for band, n in cells.items() if self.bands is None or RENAMED_BANDS.get(band, band) in self.bands)
            return total
        if self.kind == AnswerType.FACTORS:
            sides = (self.side,) if self.side else FACTOR_SIDES
            return sum(len(value.get(side) or ()) for side in sides)
        if self.kind == AnswerType.ACTIONS:
            return len(value)
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            return None
        return value

    def _texts(self, value: Any) -> tuple[str, ...]:
        if self.kind == AnswerType.FACTORS:
            sides = (self.side,) if self.side else FACTOR_SIDES
            return tuple(item for side in sides for item in value.get(side) or ())
        if self.kind == AnswerType.ACTIONS:
            return tuple(text for row in value for text in row.values() if text)
        return (value,) if isinstance(value, str) else ()

    def questions(self) -> tuple[str, ...]:
        return (self.question,)


@dataclass(frozen=True)
class Answered:
    question: str

    def evaluate(self, answers: Answers) -> Truth:
        return self.question in answers

    def questions(self) -> tuple[str, ...]:
        return (self.question,)


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Truth:
        results = [part.evaluate(answers) for part in self.parts]
        return True if True in results else None if None in results else False

    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q for part in self.parts for q in part.questions()))


@dataclass(frozen=True)
class AllOf:
    parts: tuple[Condition, ...]

    def evaluate(self, answers: Answers) -> Truth:
        results = [part.evaluate(answers) for part in self.parts]
        return False if False in results else None if None in results else True

    def questions(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(q for part in self.parts for q in part.questions()))


@dataclass(frozen=True)
class Not:
    part: Condition

    def evaluate(self, answers: Answers) -> Truth:
        result = self.part.evaluate(answers)
        return None if result is None else not result

    def questions(self) -> tuple[str, ...]:
        return self.part.questions()


Condition = Union[AnswerTest, Answered, AnyOf, AllOf, Not]


# -- effects -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Proposal:
    """What a `suggest` effect proposes: a bank question, or an ad-hoc question text."""

    question_id: str | None
    text: str

    def key(self, rule_id: str) -> str:
        return f"{rule_id}:{self.question_id or slug(self.text)}"


@dataclass(frozen=True)
class Rule:
    id: str
    when: Condition
    because: str = ""
    show: tuple[str, ...] = ()      # question ids, sections already expanded
    skip: tuple[str, ...] = ()
    suggest: tuple[Proposal, ...] = ()
    signal: str | None = None
    priority_hint: str | None = None
    own: bool = False               # our own judgement, not a source document's: its because says so


def slug(text: str, limit: int = 48) -> str:
    """A stable, readable key part for an ad-hoc suggestion."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")[:limit].rstrip("-") or "vraag"


# -- parsing with located errors ---------------------------------------------------------------------
Lookup = Callable[[str], Union[Question, None]]


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _kind_phrase(kind: AnswerType) -> str:
    return f"{_ARTICLE.get(kind, 'a')} {kind} answer"


class ConditionParser:
    """Builds Condition trees from a script's raw data, appending an error for every mistake found."""

    def __init__(self, located: Located, lookup: Lookup, known_ids: list[str], errors: list[SourceError]):
        self.located = located
        self.lookup = lookup
        self.known_ids = known_ids
        self.errors = errors

    def error(self, at: YamlPath, message: str, *, key: bool = False) -> None:
        from assistant.core.validation import context_label

        label = context_label(self.located, at)
        self.errors.append(self.located.error(at, f"{label}: {message}" if label else message, key=key))

    def question(self, value: Any, at: YamlPath) -> Question | None:
        if not isinstance(value, str) or not value:
            self.error(at, "a question id is text, such as inzicht.codes")
            return None
        question = self.lookup(value)
        if question is None:
            close = difflib.get_close_matches(value, self.known_ids, n=1, cutoff=0.7)
            hint = f" (did you mean '{close[0]}'?)" if close else ""
            self.error(at, f"unknown question '{value}'{hint}")
        return question

    def parse(self, node: Any, at: YamlPath) -> Condition | None:
        if not isinstance(node, dict):
            self.error(at, "a condition is a mapping such as {answer: ..., equals: ...}, {any: [...]} or {answered: ...}")
            return None
        heads = [key for key in node if key in HEADS]
        if not heads:
            unknown = [key for key in node if key not in OPERATORS and key not in MODIFIERS]
            where = (*at, unknown[0]) if unknown else at
            hint = ""
            if unknown:
                close = difflib.get_close_matches(str(unknown[0]), HEADS, n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" ('{unknown[0]}' is not one)"
            self.error(where, f"a condition needs one of: {', '.join(HEADS)}{hint}", key=bool(unknown))
            return None
        if len(heads) > 1:
            self.error((*at, heads[1]), f"'{heads[0]}' and '{heads[1]}' in one condition: wrap them in {{all: [...]}} or {{any: [...]}}", key=True)
            return None
        head = heads[0]
        if head in ("any", "all", "not", "answered"):
            extra = [key for key in node if key != head]
            if extra:
                self.error((*at, extra[0]), f"'{extra[0]}' does not belong in a '{head}' condition", key=True)
                return None
        if head in ("any", "all"):
            items = node[head]
            if not isinstance(items, list) or not items:
                self.error((*at, head), f"'{head}' takes a non-empty list of conditions")
                return None
            parts = [self.parse(item, (*at, head, i)) for i, item in enumerate(items)]
            if any(part is None for part in parts):
                return None
            return AnyOf(tuple(parts)) if head == "any" else AllOf(tuple(parts))  # type: ignore[arg-type]
        if head == "not":
            part = self.parse(node["not"], (*at, "not"))
            return Not(part) if part is not None else None
        if head == "answered":
            question = self.question(node["answered"], (*at, "answered"))
            return Answered(question.id) if question else None
        return self._answer_test(node, at, head)

    def _answer_test(self, node: dict[str, Any], at: YamlPath, head: str) -> AnswerTest | AnyOf | None:
        """`{answer: q, op: x}`; with a list of questions, true when the test holds for any of them."""
        ok = True
        for key in node:
            if key != head and key not in OPERATORS and key not in MODIFIERS:
                close = difflib.get_close_matches(str(key), [*OPERATORS, *MODIFIERS], n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else f" (operators: {', '.join(OPERATORS)})"
                self.error((*at, key), f"unknown key '{key}' in a condition{hint}", key=True)
                ok = False
        ops = [key for key in node if key in OPERATORS]
        target = node[head]
        many = isinstance(target, list)
        if many and (head == "scale" or not target):
            self.error((*at, head), "'answer' takes a question id or a non-empty list of them" if head == "answer" else "'scale' takes one question id")
            return None
        ids = target if many else [target]
        questions = [self.question(ident, (*at, head, i) if many else (*at, head)) for i, ident in enumerate(ids)]
        if not ok:
            return None
        if not ops:
            self.error(at, f"the condition on '{ids[0]}' has no operator (one of: {', '.join(OPERATORS)})")
            return None
        if len(ops) > 1:
            self.error((*at, ops[1]), f"one operator per condition ('{ops[0]}' and '{ops[1]}'): use {{all: [...]}} for a range", key=True)
            return None
        if any(q is None for q in questions):
            return None
        tests = [self._one_test(node, at, head, q, ops[0]) for q in questions]  # type: ignore[arg-type]
        if any(t is None for t in tests):
            return None
        return AnyOf(tuple(tests)) if many else tests[0]  # type: ignore[arg-type]

    def _one_test(self, node: dict[str, Any], at: YamlPath, head: str, question: Question, op: str) -> AnswerTest | None:
        kind = question.type
        if head == "scale" and kind != AnswerType.SCALE:
            self.error((*at, "scale"), f"'scale' needs a scale question; '{question.id}' is {_kind_phrase(kind)} (use 'answer')")
            return None
        if op not in FITTING[kind]:
            self.error((*at, op), f"'{op}' does not fit question '{question.id}' ({_kind_phrase(kind)}); use: {', '.join(FITTING[kind])}", key=True)
            return None
        rows, bands, side = self._modifiers(node, at, question, op)
        if rows is False:
            return None
        min_score = self._min_score(node, at, op)
        if min_score is None:
            return None
        negation = self._negation(node, at, op)
        if negation is None:
            return None
        operand = self._operand(node[op], (*at, op), question, op)
        if operand is None:
            return None
        return AnswerTest(question.id, kind, op, operand, rows, bands, side, min_score, negation)  # type: ignore[arg-type]

    def _modifiers(self, node: dict[str, Any], at: YamlPath, question: Question, op: str) -> tuple[Any, Any, Any]:
        kind = question.type
        rows = bands = side = None
        for key, allowed_kind in (("row", AnswerType.COUNTS), ("bands", AnswerType.COUNTS), ("side", AnswerType.FACTORS)):
            if key in node and kind != allowed_kind:
                self.error((*at, key), f"'{key}' is only for {allowed_kind} questions; '{question.id}' is {_kind_phrase(kind)}", key=True)
                return False, None, None
        if "row" in node:
            rows = self._names(node["row"], (*at, "row"), question.count_rows, "row")
        if "bands" in node:
            bands = self._names(node["bands"], (*at, "bands"), question.count_columns, "band")
        if rows is False or bands is False:
            return False, None, None
        if "side" in node:
            side = node["side"]
            if side not in FACTOR_SIDES:
                self.error((*at, "side"), f"unknown side '{side}' (expected one of: {', '.join(FACTOR_SIDES)})")
                return False, None, None
        return rows, bands, side

    def _names(self, value: Any, at: YamlPath, allowed: tuple[str, ...], what: str) -> tuple[str, ...] | bool:
        items = value if isinstance(value, list) else [value]
        if not items:
            self.error(at, f"name at least one {what}")
            return False
        names = []
        for i, item in enumerate(items):
            name = str(item) if _is_number(item) or isinstance(item, str) else None
            if name not in allowed:
                spot = (*at, i) if isinstance(value, list) else at
                self.error(spot, f"unknown {what} '{item}' (expected one of: {', '.join(allowed)})")
                return False
            names.append(name)
        return tuple(names)

    def _min_score(self, node: dict[str, Any], at: YamlPath, op: str) -> float | None:
        if "min_score" not in node:
            return DEFAULT_MIN_SCORE
        value = node["min_score"]
        if op != "mentions":
            self.error((*at, "min_score"), "'min_score' is only for 'mentions'", key=True)
            return None
        if not _is_number(value) or not 50 <= value <= 100:
            self.error((*at, "min_score"), "'min_score' is a number from 50 to 100 (how close a word must be; 100 is exact)")
            return None
        return float(value)

    def _negation(self, node: dict[str, Any], at: YamlPath, op: str) -> str | None:
        if "negation" not in node:
            return "any"
        value = node["negation"]
        if op != "mentions":
            self.error((*at, "negation"), "'negation' is only for 'mentions'", key=True)
            return None
        if value not in NEGATION_MODES:
            self.error((*at, "negation"), f"'negation' is one of: {', '.join(NEGATION_MODES)} (what cancels a mention: any "
                                          "negation cue in its clause, or only a dismissal such as 'geen probleem')")
            return None
        return str(value)

    def _operand(self, value: Any, at: YamlPath, question: Question, op: str) -> Any:
        kind = question.type
        if kind == AnswerType.TEXT and op == "equals":
            said = {True: "ja", False: "nee"}.get(value, value) if isinstance(value, bool) else value
            if isinstance(said, str) and said.strip().casefold() in ("ja", "nee", "neen"):
                return "ja" if said.strip().casefold() == "ja" else "nee"
            self.error(at, "'equals' on a text answer is ja or nee: the whole answer is a yes or a no (\"Nee hoor\")")
            return None
        if op == "mentions":
            terms = value if isinstance(value, list) else [value]
            clean = []
            for i, term in enumerate(terms):
                spot = (*at, i) if isinstance(value, list) else at
                if not isinstance(term, str) or not re.search(r"[^\W_]", term):
                    self.error(spot, "'mentions' takes words or short phrases, such as [vervoer, bus, geld]")
                    return None
                clean.append(term.strip())
            if not clean:
                self.error(at, "'mentions' needs at least one word")
                return None
            return tuple(clean)
        if op in ("in", "contains"):
            items = value if isinstance(value, list) else [value]
            if op == "in" and not isinstance(value, list) or not items:
                self.error(at, f"'{op}' takes a list of options, such as [nee, deels]")
                return None
            options = []
            for i, item in enumerate(items):
                option = self._option(item, (*at, i) if isinstance(value, list) else at, question)
                if option is None:
                    return None
                options.append(option)
            return frozenset(options)
        if kind in (AnswerType.YES_NO, AnswerType.CHOICE):
            return self._option(value, at, question)
        if not _is_number(value):
            what = {AnswerType.COUNTS: "a count", AnswerType.FACTORS: "a number of factors", AnswerType.ACTIONS: "a number of actions"}
            self.error(at, f"'{op}' compares {what.get(kind, 'a number')}; '{value}' is not a number")
            return None
        return value

    def _option(self, value: Any, at: YamlPath, question: Question) -> str | None:
        if question.type == AnswerType.YES_NO:
            try:
                return normalise_answer(question, value)
            except AnswerError as exc:
                self.error(at, f"question '{question.id}': {exc}")
                return None
        # Options are matched by their text only: in an app answer "2" may pick the second option, in a rule it is a typo.
        options = question.options or ()
        word = str(value).strip().casefold() if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None
        for option in options:
            if word == option.casefold():
                return option
        self.error(at, f"question '{question.id}': '{value}' is not one of the options: {', '.join(options)}")
        return None
