"""What counts as a valid answer for each answer type, and its normal form.

`normalise_answer` is the one gate every answer passes (typed in the app, fed by `dialoog walk`,
read back from a transcript): it returns the value in the form the rest of the core relies on, or
raises AnswerError with a message a facilitator can act on.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from assistant.core.bank import RENAMED_BANDS, AnswerType, Question

YES = "ja"
NO = "nee"
_YES_WORDS = {"ja", "j", "yes", "y", "true", "waar"}
_NO_WORDS = {"nee", "n", "neen", "no", "false", "onwaar"}
ACTION_FIELDS = ("wat", "wie", "wanneer", "check")
FACTOR_SIDES = ("groter", "kleiner")
MAX_TEXT = 20_000


class AnswerError(ValueError):
    """An answer that does not fit its question.

    `str()` is the English message (`dialoog walk` prints it); `code` names the kind of refusal and
    `params` holds the values in the message, so the app can say the same in its own language
    (assistant/tui/strings.py has an entry per code)."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


# A refusal about one part of an answer names the part: `params["part"]` is one of these, its other
# params fill the name. A refusal without "part" is about the answer as a whole.
ANSWER_PARTS = {
    "cell": "{row} {column}",
    "action_field": "action {action} {field}",
    "factor_item": "an item of '{side}'",
}


def _part(name: str, **params: Any) -> dict[str, Any]:
    return {"part": name, **params}


def _what(part: dict[str, Any]) -> str:
    return ANSWER_PARTS[part["part"]].format(**part) if part else "the answer"


def _text(value: Any, part: dict[str, Any] | None = None) -> str:
    part = part or {}
    if isinstance(value, bool) or value is None:
        raise AnswerError("not_text", f"{_what(part)} must be text", **part)
    if isinstance(value, (int, float)):
        value = f"{value:g}" if isinstance(value, float) else str(value)
    if not isinstance(value, str):
        raise AnswerError("not_text", f"{_what(part)} must be text", **part)
    value = value.strip()
    if len(value) > MAX_TEXT:
        raise AnswerError("too_long", f"{_what(part)} is too long ({len(value):,} characters; at most {MAX_TEXT:,})",
                          length=len(value), maximum=MAX_TEXT, **part)
    return value


def _number(value: Any, part: dict[str, Any] | None = None) -> float | int:
    part = part or {}
    if isinstance(value, bool):
        raise AnswerError("number_expected", f"{_what(part)} must be a number", **part)
    if isinstance(value, str):
        cleaned = value.strip().replace(",", ".")
        try:
            value = float(cleaned)
        except ValueError:
            typed = value.strip()
            raise AnswerError("not_a_number", f"{_what(part)} must be a number, not '{typed}'", typed=typed, **part) from None
    if not isinstance(value, (int, float)) or isinstance(value, float) and not math.isfinite(value):
        raise AnswerError("number_expected", f"{_what(part)} must be a number", **part)
    return int(value) if float(value).is_integer() else float(value)


def _yes_no(value: Any) -> str:
    if isinstance(value, bool):
        return YES if value else NO
    word = _text(value).lower()
    if word in _YES_WORDS:
        return YES
    if word in _NO_WORDS:
        return NO
    raise AnswerError("not_yes_no", f"answer 'ja' or 'nee', not '{word}'", typed=word)


def _choice(question: Question, value: Any) -> str:
    options = question.options or ()
    word = _text(value)
    for option in options:
        if word.casefold() == option.casefold():
            return option
    if word.isdigit() and 1 <= int(word) <= len(options):
        return options[int(word) - 1]
    raise AnswerError("not_an_option", f"'{word}' is not one of the options: {', '.join(options)}", typed=word, options=options)


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
        raise AnswerError("none_chosen", "choose at least one option")
    ordered = [o for o in question.options or () if o in chosen]
    return ordered


def _in_range(question: Question, number: float | int, low: float | None, high: float | None) -> None:
    unit = f" {question.unit}" if question.unit else ""
    if low is not None and number < low:
        raise AnswerError("below_min", f"{number:g}{unit} is below the minimum of {low:g}",
                          number=number, unit=question.unit or "", minimum=low)
    if high is not None and number > high:
        raise AnswerError("above_max", f"{number:g}{unit} is above the maximum of {high:g}",
                          number=number, unit=question.unit or "", maximum=high)


def _scale(question: Question, value: Any) -> int:
    number = _number(value)
    low, high = question.scale_range
    if not float(number).is_integer():
        raise AnswerError("not_whole_score", f"a score is a whole number from {low:g} to {high:g}", minimum=low, maximum=high)
    _in_range(question, number, low, high)
    return int(number)


def count_cell(cells: Any, band: str) -> Any:
    """A cell of a stored counts row, also when it was stored under the band's earlier name (RENAMED_BANDS)."""
    if not isinstance(cells, Mapping):
        return None
    if band in cells:
        return cells[band]
    return next((n for old, n in cells.items() if RENAMED_BANDS.get(str(old)) == band), None)


def _counts(question: Question, value: Any) -> dict[str, dict[str, int]]:
    if not isinstance(value, dict):
        raise AnswerError("counts_not_table", "counts are a table: code → band → number")
    rows, columns = question.count_rows, question.count_columns
    table: dict[str, dict[str, int]] = {}
    for row, cells in value.items():
        if row not in rows:
            raise AnswerError("unknown_row", f"unknown row '{row}' (expected one of: {', '.join(rows)})", row=row, expected=rows)
        if not isinstance(cells, dict):
            raise AnswerError("row_not_mapping", f"row '{row}' must map bands to numbers", row=row)
        clean: dict[str, int] = {}
        for column, cell in cells.items():
            column = str(column)
            if column not in columns and RENAMED_BANDS.get(column) in columns:
                column = RENAMED_BANDS[column]  # a band's earlier name (an old transcript, an old answers file)
            if column not in columns:
                raise AnswerError("unknown_band", f"unknown band '{column}' in row '{row}' (expected one of: {', '.join(columns)})",
                                  band=column, row=row, expected=columns)
            if cell is None or cell == "":
                continue
            cell_part = _part("cell", row=row, column=column)
            number = _number(cell, cell_part)
            if number < 0 or not float(number).is_integer():
                raise AnswerError("bad_count", f"{row} {column}: a count is a whole number of 0 or more", **cell_part)
            clean[column] = int(number)
        table[row] = {c: clean[c] for c in columns if c in clean}
    return {r: table[r] for r in rows if r in table}


def _actions(value: Any) -> list[dict[str, str]]:
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list) or not value:
        raise AnswerError("actions_not_list", "an action plan is a list of rows with wat / wie / wanneer / check")
    result = []
    for number, row in enumerate(value, start=1):
        if not isinstance(row, dict):
            raise AnswerError("action_not_mapping", f"action {number} must have wat / wie / wanneer / check", action=number)
        unknown = set(row) - set(ACTION_FIELDS)
        if unknown:
            field = sorted(unknown)[0]
            raise AnswerError("unknown_action_field", f"action {number}: unknown field '{field}' (expected: {', '.join(ACTION_FIELDS)})",
                              action=number, field=field, expected=ACTION_FIELDS)
        clean = {f: _text(row.get(f) or "", _part("action_field", action=number, field=f)) for f in ACTION_FIELDS}
        if not clean["wat"]:
            raise AnswerError("action_without_wat", f"action {number}: 'wat' (what will be done) is empty", action=number)
        result.append(clean)
    return result


def _factors(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise AnswerError("factors_not_lists", "factors are two lists: groter (what widens the window) and kleiner (what narrows it)")
    unknown = set(value) - set(FACTOR_SIDES)
    if unknown:
        side = sorted(unknown)[0]
        raise AnswerError("unknown_factor_list", f"unknown list '{side}' (expected: groter, kleiner)", side=side, expected=FACTOR_SIDES)
    result: dict[str, list[str]] = {}
    for side in FACTOR_SIDES:
        items = value.get(side) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list):
            raise AnswerError("factor_list_not_list", f"'{side}' must be a list", side=side)
        result[side] = [t for t in (_text(i, _part("factor_item", side=side)) for i in items) if t]
    if not result["groter"] and not result["kleiner"]:
        raise AnswerError("no_factors", "name at least one factor that makes the window larger or smaller")
    return result


def normalise_answer(question: Question, value: Any) -> Any:
    """The answer in its normal form for `question`, or AnswerError saying what is wrong."""
    kind = question.type
    if kind == AnswerType.TEXT:
        text = _text(value)
        if not text:
            raise AnswerError("empty", "the answer is empty")
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
    raise AnswerError("unknown_type", f"unknown answer type '{kind}'", kind=str(kind))  # pragma: no cover - the enum is closed


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
