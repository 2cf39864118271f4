"""Question banks: the dialogue documents as validated, immutable models.

One YAML file per document. Every mistake an author can make is reported as
`file:line:col: what is wrong`, never as a traceback.

The models are plain frozen dataclasses so that the app can build them from the validated cache
(assistant.core.bankcache) without importing pydantic on its start-up path; pydantic checks types,
missing and unknown keys when a file is validated, and `_semantic_errors` checks the rest on the raw
data, with positions.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from assistant.core.yamlsource import Located, SourceError, SourceErrors, load_located, merge_errors


class AnswerType(StrEnum):
    TEXT = "text"
    YES_NO = "yes_no"
    CHOICE = "choice"
    MULTI_CHOICE = "multi_choice"
    NUMBER = "number"
    SCALE = "scale"
    COUNTS = "counts"
    ACTIONS = "actions"
    FACTORS = "factors"


class Level(StrEnum):
    BASIS = "basis"
    VERDIEPEND = "verdiepend"


CHOICE_TYPES = {AnswerType.CHOICE, AnswerType.MULTI_CHOICE}
RANGE_TYPES = {AnswerType.NUMBER, AnswerType.SCALE}
ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")

# The absence-code table of the school dialogue, used when a counts question names no rows/columns.
DEFAULT_COUNT_ROWS = ("B", "D", "Z", "L")
# Pupils per band of codes. The document's own bands ("0-5B, 5-10B, 10-20B, 20-30B, +30B") overlap at their
# edges; these say on which side 5 and 20 fall, the thresholds of the zorgcontinuüm ("vanaf 5 B-codes",
# "20 D-codes"), so that a pupil with exactly 5 B-codes is never filed below the signal.
DEFAULT_COUNT_COLUMNS = ("0-4", "5-9", "10-19", "20-29", "30+")
# The overlapping bands of earlier versions, read as the bands that replaced them: an old transcript's
# "5-10" cell is shown, counted and edited as "5-9" (its edges were ambiguous; this keeps what it said).
RENAMED_BANDS = {"0-5": "0-4", "5-10": "5-9", "10-20": "10-19", "20-30": "20-29"}

_STRICT = {"extra": "forbid", "allow_inf_nan": False}  # read by pydantic when it validates these dataclasses


@dataclass(frozen=True)
class Question:
    __pydantic_config__ = _STRICT

    id: str
    text: str
    level: Level
    type: AnswerType
    probes: tuple[str, ...] = ()
    help: str | None = None
    options: tuple[str, ...] | None = None
    tags: tuple[str, ...] = ()
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    rows: tuple[str, ...] | None = None
    columns: tuple[str, ...] | None = None
    source: str | None = None  # the source file, when it differs from the bank's

    @property
    def scale_range(self) -> tuple[float, float]:
        return (self.min if self.min is not None else 0, self.max if self.max is not None else 10)

    @property
    def count_rows(self) -> tuple[str, ...]:
        return self.rows or DEFAULT_COUNT_ROWS

    @property
    def count_columns(self) -> tuple[str, ...]:
        return self.columns or DEFAULT_COUNT_COLUMNS

    @property
    def is_derived(self) -> bool:
        return "afgeleid" in self.tags


@dataclass(frozen=True)
class Section:
    __pydantic_config__ = _STRICT

    id: str
    title: str
    intro: str | None = None
    help: str | None = None
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Bank:
    __pydantic_config__ = _STRICT

    id: str
    title: str
    audience: str
    source: str
    intro: str
    sections: tuple[Section, ...]
    source_file: str | None = None
    version: int = 1
    _index: dict[str, Question] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index.update((q.id, q) for q in self.questions())

    def walk_sections(self) -> Iterator[tuple[tuple[int, ...], Section]]:
        """Every section in document order, with its index path (top level, then subsections)."""
        for i, section in enumerate(self.sections):
            yield (i,), section
            for j, sub in enumerate(section.sections):
                yield (i, j), sub

    def questions(self) -> Iterator[Question]:
        for _, section in self.walk_sections():
            yield from section.questions

    def question(self, question_id: str) -> Question:
        return self._index[question_id]

    def __contains__(self, question_id: object) -> bool:
        return question_id in self._index

    def counts(self) -> dict[str, int]:
        levels = [q.level for q in self.questions()]
        return {
            "sections": sum(1 for _ in self.walk_sections()),
            "basis": levels.count(Level.BASIS),
            "verdiepend": levels.count(Level.VERDIEPEND),
        }


# -- validation -------------------------------------------------------------------------------------

YamlAt = tuple[str | int, ...]
_TEXT_KEYS = ("title", "text", "intro", "help", "source", "unit")


MAX_SCALE_STEPS = 100  # the app offers every point of a scale to pick from


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _as_number(value: Any) -> float | None:
    """A number as pydantic will read it (it reads the text '1e9' as a number too), else None."""
    if isinstance(value, str):
        try:
            return float(value)
        except ValueError:
            return None
    return value if _is_number(value) else None


def _show(number: float) -> str:
    return str(number) if isinstance(number, int) else f"{number:g}"  # `:g` overflows on a huge int


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _label(kind: str, item: dict[str, Any]) -> str:
    ident = item.get("id")
    return f"{kind} '{ident}': " if isinstance(ident, str) and ident else ""


class _Semantics:
    """Checks pydantic cannot express field by field, run on the raw data so every error has a place."""

    def __init__(self, located: Located):
        self.located = located
        self.errors: list[SourceError] = []
        self.first_use: dict[tuple[str, str], YamlAt] = {}

    def err(self, at: YamlAt, message: str) -> None:
        self.errors.append(self.located.error(at, message))

    def texts(self, item: dict[str, Any], at: YamlAt, label: str) -> None:
        for key in _TEXT_KEYS:
            if isinstance(item.get(key), str) and not item[key].strip():
                self.err((*at, key), f"{label}'{key}' is empty")
        for key in ("probes", "options", "tags", "rows", "columns"):
            values = item.get(key)
            if isinstance(values, list):
                for n, value in enumerate(values):
                    if isinstance(value, str) and not value.strip():
                        self.err((*at, key, n), f"{label}an item of '{key}' is empty")

    def ident(self, kind: str, item: dict[str, Any], at: YamlAt) -> None:
        ident = item.get("id")
        if not isinstance(ident, str):
            return
        if not ID_PATTERN.fullmatch(ident):
            self.err((*at, "id"), f"{kind} id '{ident}' is not a valid id (use lower-case letters, digits, '.', '-' and '_')")
        if (kind, ident) in self.first_use:
            line = self.located.where((*self.first_use[kind, ident], "id"))[0]
            self.err((*at, "id"), f"{kind} '{ident}': duplicate {kind} id (first used at line {line})")
        else:
            self.first_use[kind, ident] = at

    def question(self, q: dict[str, Any], at: YamlAt) -> None:
        label = _label("question", q)
        self.ident("question", q, at)
        self.texts(q, at, label)
        kind = q.get("type") if isinstance(q.get("type"), str) else None  # pydantic reports a list or mapping
        options = q.get("options")
        if options is not None and kind in AnswerType._value2member_map_ and kind not in CHOICE_TYPES:
            self.err((*at, "options"), f"{label}options are only for choice and multi_choice questions, not '{kind}'")
        if kind in CHOICE_TYPES and not options:
            self.err(at, f"{label}a {kind} question needs 'options'")
        if isinstance(options, list) and len({str(o) for o in options}) != len(options):
            self.err((*at, "options"), f"{label}options must be distinct")
        for key in ("unit", "min", "max"):
            if key in q and kind in AnswerType._value2member_map_ and kind not in RANGE_TYPES:
                self.err((*at, key), f"{label}'{key}' is only for number and scale questions")
        for key in ("rows", "columns"):
            if key in q and kind in AnswerType._value2member_map_ and kind != AnswerType.COUNTS:
                self.err((*at, key), f"{label}'{key}' is only for counts questions")
        low, high = q.get("min"), q.get("max")
        if isinstance(low, (int, float)) and isinstance(high, (int, float)) and low > high:
            self.err((*at, "min"), f"{label}min ({_show(low)}) is larger than max ({_show(high)})")
        if kind == AnswerType.SCALE:
            self.scale(q, at, label)
        tags = q.get("tags")
        for n, tag in enumerate(tags if isinstance(tags, list) else []):  # pydantic reports any other shape
            if isinstance(tag, str) and tag.strip() and not ID_PATTERN.fullmatch(tag):
                self.err((*at, "tags", n), f"{label}tag '{tag}' is not a valid tag (lower-case letters, digits, '.', '-', '_')")

    def scale(self, q: dict[str, Any], at: YamlAt, label: str) -> None:
        """A score is picked from the scale's whole numbers, so they must be whole and few."""
        bounds = {key: _as_number(q[key]) for key in ("min", "max") if _as_number(q.get(key)) is not None}
        for key, bound in bounds.items():
            if isinstance(bound, float) and math.isfinite(bound) and not bound.is_integer():
                self.err((*at, key), f"{label}a scale's '{key}' is a whole number, not {_show(bound)}")
        low, high = bounds.get("min", 0), bounds.get("max", 10)
        if all(not isinstance(b, float) or math.isfinite(b) for b in (low, high)) and high - low > MAX_SCALE_STEPS:
            self.err((*at, "max" if "max" in bounds else "min"),
                     f"{label}a scale runs over at most {MAX_SCALE_STEPS} points ({_show(low)} to {_show(high)} is too many)")

    def sections(self, container: Any, at: YamlAt, depth: int) -> None:
        for i, section in _items(container, "sections"):
            s_at = (*at, "sections", i)
            label = _label("section", section)
            self.ident("section", section, s_at)
            self.texts(section, s_at, label)
            if depth == 1 and section.get("sections"):
                self.err((*s_at, "sections"), f"{label}sections nest one level only")
            if not section.get("questions") and not section.get("sections"):
                self.err(s_at, f"{label}the section has no questions and no subsections")
            for k, question in _items(section, "questions"):
                self.question(question, (*s_at, "questions", k))
            if depth == 0:
                self.sections(section, s_at, 1)

    def bank(self) -> list[SourceError]:
        data = self.located.data
        if isinstance(data, dict):
            self.texts(data, (), "")
            if isinstance(data.get("id"), str) and not ID_PATTERN.fullmatch(data["id"]):
                self.err(("id",), f"bank id '{data['id']}' is not a valid id (use lower-case letters, digits, '.', '-' and '_')")
            if isinstance(data.get("sections"), list) and not data["sections"]:
                self.err(("sections",), "the bank has no sections")
            if isinstance(data.get("version"), int) and not isinstance(data["version"], bool) and data["version"] < 1:
                self.err(("version",), "'version' must be 1 or more")
            self.sections(data, (), 0)
        return self.errors


def bank_from_located(located: Located) -> Bank:
    """Validate located data into a Bank, or raise SourceErrors with every problem found."""
    from assistant.core.validation import validate_located  # pydantic only when validating

    semantic = _Semantics(located).bank()
    try:
        bank = validate_located(located, Bank)
    except SourceErrors as exc:
        raise SourceErrors(merge_errors(exc.errors, semantic)) from None
    if semantic:
        raise SourceErrors(semantic)
    return bank


def load_bank(path: Path, display: str | None = None) -> Bank:
    """Load and validate one bank file; raises SourceErrors with every problem found."""
    return bank_from_located(load_located(path, display))
