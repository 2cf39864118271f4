"""What counts as a valid answer for each answer type, and its normal form.

`normalise_answer` is the one gate every answer passes (typed in the app, fed by `dialoog walk`,
read back from a transcript): it returns the value in the form the rest of the core relies on, or
raises AnswerError with a message a facilitator can act on.
"""

from __future__ import annotations

import math
from typing import Any

from assistant.core.bank import AnswerType, Question

YES = "ja"
NO = "nee"
_YES_WORDS = {"ja", "j", "yes", "y", "true", "waar"}
_NO_WORDS = {"nee", "n", "neen", "no", "false", "onwaar"}
ACTION_FIELDS = ("wat", "wie", "wanneer", "check")
FACTOR_SIDES = ("groter", "kleiner")
MAX_TEXT = 20_000


class AnswerError(ValueError):
    """An answer that does not fit its question; the message is shown to the facilitator."""


def _text(value: Any, what: str = "the answer") -> str:
    if isinstance(value, bool) or value is None:
        raise AnswerError(f"{what} must be text")
    if isinstance(value, (int, float)):
        value = f"{value:g}" if isinstance(value, float) else str(value)
    if not isinstance(value, str):
        raise AnswerError(f"{what} must be text")
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise AnswerError(f"{what} is too long ({len(value):,} characters; at most {MAX_TEXT:,})")
    return value


def _number(value: Any, what: str = "the answer") -> float | int:
    if isinstance(value, bool):
        raise AnswerError(f"{what} must be a number")
    if isinstance(value, str):
        cleaned = value.strip().replace(",", ".")
        try:
            value = float(cleaned)
        except ValueError:
            raise AnswerError(f"{what} must be a number, not '{value.strip()}'") from None
    if not isinstance(value, (int, float)) or isinstance(value, float) and not math.isfinite(value):
        raise AnswerError(f"{what} must be a number")
    return int(value) if float(value).is_integer() else float(value)


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    word = _text(value).lower()
    if word in _YES_WORDS:
        return YES
    if word in _NO_WORDS:
        return NO
    raise AnswerError(f"answer 'ja' or 'nee', not '{word}'")


def _choice(question: Question, value: Any) -> str:
    options = question.options or ()
    word = _text(value)
    for option in options:
        if word.casefold() == option.casefold():
            return option
    if word.isdigit() and 1 <= int(word) <= len(options):
        return options[int(word) - 1]
    raise AnswerError(f"'{word}' is not one of the options: {', '.join(options)}")


def _split_choices(question: Question, typed: str) -> list[str]:
    """Typed choices separated by commas or semicolons; an option may itself contain commas."""
    known = {o.casefold() for o in question.options or ()}
    items: list[str] = []
    buffer = ""
    for part in typed.replace(";", ",").split(","):
        buffer = f"{buffer},{part}" if buffer else part
        word = buffer.strip()
        if word.casefold() in known or word.isdigit():
            items.append(word)
            buffer = ""
    if buffer.strip():
        items.append(buffer.strip())  # matches no option: _choice says so
    return items


def _multi_choice(question: Question, value: Any) -> list[str]:
    items = value if isinstance(value, list) else _split_choices(question, _text(value))
    chosen = [_choice(question, item) for item in items]
    if not chosen:
        raise AnswerError("choose at least one option")
    ordered = [o for o in question.options or () if o in chosen]
    return ordered


def _in_range(question: Question, number: float | int, low: float | None, high: float | None) -> None:
    unit = f" {question.unit}" if question.unit else ""
    if low is not None and number < low:
        raise AnswerError(f"{number:g}{unit} is below the minimum of {low:g}")
    if high is not None and number > high:
        raise AnswerError(f"{number:g}{unit} is above the maximum of {high:g}")


def _scale(question: Question, value: Any) -> int:
    number = _number(value)
    low, high = question.scale_range
    if not float(number).is_integer():
        raise AnswerError(f"a score is a whole number from {low:g} to {high:g}")
    _in_range(question, number, low, high)
    return int(number)


def _counts(question: Question, value: Any) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict):
        raise AnswerError("counts are a table: code → band → number")
    rows, columns = question.count_rows, question.count_columns
    table: dict[str, dict[str, int]] = {}
    for row, cells in value.items():
        if row not in rows:
            raise AnswerError(f"unknown row '{row}' (expected one of: {', '.join(rows)})")
        if not isinstance(cells, dict):
            raise AnswerError(f"row '{row}' must map bands to numbers")
        clean: dict[str, int] = {}
        for column, cell in cells.items():
            column = str(column)
            if column not in columns:
                raise AnswerError(f"unknown band '{column}' in row '{row}' (expected one of: {', '.join(columns)})")
            if cell is None or cell == "":
                continue
            number = _number(cell, f"{row} {column}")
            if number < 0 or not float(number).is_integer():
                raise AnswerError(f"{row} {column}: a count is a whole number of 0 or more")
            clean[column] = int(number)
        table[row] = {c: clean[c] for c in columns if c in clean}
    return {r: table[r] for r in rows if r in table}


def _actions(value: Any) -> list[dict[str, str]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not value:
        raise AnswerError("an action plan is a list of rows with wat / wie / wanneer / check")
    result = []
    for number, row in enumerate(value, start=1):
        if not isinstance(row, dict):
            raise AnswerError(f"action {number} must have wat / wie / wanneer / check")
        unknown = set(row) - set(ACTION_FIELDS)
        if unknown:
            raise AnswerError(f"action {number}: unknown field '{sorted(unknown)[0]}' (expected: {', '.join(ACTION_FIELDS)})")
        clean = {f: _text(row.get(f) or "", f"action {number} {f}") for f in ACTION_FIELDS}
        if not clean["wat"]:
            raise AnswerError(f"action {number}: 'wat' (what will be done) is empty")
        result.append(clean)
    return result


def _factors(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise AnswerError("factors are two lists: groter (what widens the window) and kleiner (what narrows it)")
    unknown = set(value) - set(FACTOR_SIDES)
    if unknown:
        raise AnswerError(f"unknown list '{sorted(unknown)[0]}' (expected: groter, kleiner)")
    result: dict[str, list[str]] = {}
    for side in FACTOR_SIDES:
        items = value.get(side) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list):
            raise AnswerError(f"'{side}' must be a list")
        result[side] = [t for t in (_text(i, f"an item of '{side}'") for i in items) if t]
    if not result["groter"] and not result["kleiner"]:
        raise AnswerError("name at least one factor that makes the window larger or smaller")
    return result


def normalise_answer(question: Question, value: Any) -> Any:
    """The answer in its normal form for `question`, or AnswerError saying what is wrong."""
    kind = question.type
    if kind == AnswerType.TEXT:
        text = _text(value)
        if not text:
            raise AnswerError("the answer is empty")
        return text
    if kind == AnswerType.YES_NO:
        return _yes_no(value)
    if kind == AnswerType.CHOICE:
        return _choice(question, value)
    if kind == AnswerType.MULTI_CHOICE:
        return _multi_choice(question, value)
    if kind == AnswerType.NUMBER:
        number = _number(value)
        _in_range(question, number, question.min, question.max)
        return number
    if kind == AnswerType.SCALE:
        return _scale(question, value)
    if kind == AnswerType.COUNTS:
        return _counts(question, value)
    if kind == AnswerType.ACTIONS:
        return _actions(value)
    if kind == AnswerType.FACTORS:
        return _factors(value)
    raise AnswerError(f"unknown answer type '{kind}'")  # pragma: no cover - the enum is closed


def answer_as_text(question: Question, value: Any) -> str:
    """A one-line plain rendering of a normalised answer, for logs, search and the chat."""
    kind = question.type
    if kind == AnswerType.MULTI_CHOICE:
        return ", ".join(value)
    if kind == AnswerType.SCALE:
        low, high = question.scale_range
        return f"{value}/{high:g}"
    if kind == AnswerType.NUMBER:
        return f"{value:g} {question.unit}".strip() if question.unit else f"{value:g}"
    if kind == AnswerType.COUNTS:
        parts = [f"{row}: " + ", ".join(f"{c}={n}" for c, n in cells.items()) for row, cells in value.items() if cells]
        return "; ".join(parts) or "geen"
    if kind == AnswerType.ACTIONS:
        return "; ".join(" / ".join(v for v in row.values() if v) for row in value)
    if kind == AnswerType.FACTORS:
        return f"groter: {', '.join(value['groter']) or '-'}; kleiner: {', '.join(value['kleiner']) or '-'}"
    return str(value)
