"""Question banks: the dialogue documents as validated, immutable models.

One YAML file per document. Every mistake an author can make is reported as
`file:line:col: what is wrong`, never as a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from assistant.core.validation import validate_located
from assistant.core.yamlsource import Located, SourceError, SourceErrors, load_located

Ident = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9._-]*$", min_length=1, max_length=120)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


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

# The absence-code table of the school dialogue, used when a counts question names no rows/columns.
DEFAULT_COUNT_ROWS = ("B", "D", "Z", "L")
DEFAULT_COUNT_COLUMNS = ("0-5", "5-10", "10-20", "20-30", "30+")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Question(_Strict):
    id: Ident
    text: Text
    level: Level
    type: AnswerType
    probes: tuple[Text, ...] = ()
    help: Text | None = None
    options: tuple[Text, ...] | None = None
    tags: tuple[Ident, ...] = ()
    unit: Text | None = None
    min: float | None = None
    max: float | None = None
    rows: tuple[Text, ...] | None = None
    columns: tuple[Text, ...] | None = None
    source: Text | None = Field(default=None, description="source file when it differs from the bank's")

    @field_validator("options")
    @classmethod
    def _options_fit_type(cls, value: tuple[str, ...] | None, info: Any) -> tuple[str, ...] | None:
        kind = info.data.get("type")
        if value is not None and kind is not None and kind not in CHOICE_TYPES:
            raise ValueError(f"options are only for choice and multi_choice questions, not '{kind}'")
        if value is not None and len(set(value)) != len(value):
            raise ValueError("options must be distinct")
        return value

    @model_validator(mode="after")
    def _type_specific(self) -> Question:
        kind = self.type
        if kind in CHOICE_TYPES and not self.options:
            raise ValueError(f"a {kind} question needs 'options'")
        if kind not in RANGE_TYPES and (self.min is not None or self.max is not None or self.unit):
            raise ValueError(f"unit/min/max are only for number and scale questions")
        if kind != AnswerType.COUNTS and (self.rows or self.columns):
            raise ValueError("rows/columns are only for counts questions")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"min ({self.min:g}) is larger than max ({self.max:g})")
        return self

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


class Section(_Strict):
    id: Ident
    title: Text
    intro: Text | None = None
    help: Text | None = None
    questions: tuple[Question, ...] = ()
    sections: tuple[Section, ...] = ()

    @model_validator(mode="after")
    def _not_empty(self) -> Section:
        if not self.questions and not self.sections:
            raise ValueError("the section has no questions and no subsections")
        return self


class Bank(_Strict):
    id: Ident
    title: Text
    audience: Ident
    source: Text
    source_file: Text | None = None
    version: int = Field(default=1, ge=1)
    intro: Text
    sections: tuple[Section, ...] = Field(min_length=1)

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
        for question in self.questions():
            if question.id == question_id:
                return question
        raise KeyError(question_id)

    def counts(self) -> dict[str, int]:
        levels = [q.level for q in self.questions()]
        return {
            "sections": sum(1 for _ in self.walk_sections()),
            "basis": levels.count(Level.BASIS),
            "verdiepend": levels.count(Level.VERDIEPEND),
        }


@dataclass(frozen=True)
class LoadedBank:
    bank: Bank
    path: Path


def _items(data: Any, key: str) -> list[tuple[int, dict[str, Any]]]:
    value = data.get(key) if isinstance(data, dict) else None
    return [(i, item) for i, item in enumerate(value) if isinstance(item, dict)] if isinstance(value, list) else []


def _check_structure(located: Located) -> list[SourceError]:
    """What pydantic cannot see field by field: nesting depth and ids unique across the bank.

    Runs on the raw data so that these errors are reported together with the field errors.
    """
    errors: list[SourceError] = []
    first_use: dict[tuple[str, str], tuple[str | int, ...]] = {}

    def check_id(kind: str, item: dict[str, Any], at: tuple[str | int, ...]) -> None:
        ident = item.get("id")
        if not isinstance(ident, str):
            return
        if (kind, ident) in first_use:
            line = located.where((*first_use[kind, ident], "id"))[0]
            errors.append(located.error((*at, "id"), f"{kind} '{ident}': duplicate {kind} id (first used at line {line})"))
        else:
            first_use[kind, ident] = at

    def walk(container: Any, at: tuple[str | int, ...], depth: int) -> None:
        for i, section in _items(container, "sections"):
            s_at = (*at, "sections", i)
            check_id("section", section, s_at)
            if depth == 1 and section.get("sections"):
                errors.append(located.error((*s_at, "sections"), f"section '{section.get('id')}': sections nest one level only"))
            for k, question in _items(section, "questions"):
                check_id("question", question, (*s_at, "questions", k))
            if depth == 0:
                walk(section, s_at, 1)

    walk(located.data, (), 0)
    return errors


def bank_from_located(located: Located) -> Bank:
    structural = _check_structure(located)
    try:
        bank = validate_located(located, Bank)
    except SourceErrors as exc:
        raise SourceErrors(sorted(exc.errors + structural, key=lambda e: (e.line, e.col))) from None
    if structural:
        raise SourceErrors(structural)
    return bank


def load_bank(path: Path, display: str | None = None) -> Bank:
    """Load and validate one bank file; raises SourceErrors with every problem found."""
    return bank_from_located(load_located(path, display))
