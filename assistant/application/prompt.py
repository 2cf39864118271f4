"""What the composer asks and the side panel shows, as plain values the widgets can use.

Free of the core on purpose (the first screen is painted before the core is imported): widgets
read a question through the attributes below, which the core's `Question` has too, so a
`QuestionSpec` stands in for it until the core is loaded. Answer types are compared as strings
(`AnswerType` is a StrEnum, so both work).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# The normal forms of assistant.core.answers, repeated here so that widgets need not import the
# core; a test checks that they agree.
YES, NO = "ja", "nee"
ACTION_FIELDS = ("wat", "wie", "wanneer", "check")
FACTOR_SIDES = ("groter", "kleiner")
DEFAULT_COUNT_ROWS = ("B", "D", "Z", "L")
DEFAULT_COUNT_COLUMNS = ("0-4", "5-9", "10-19", "20-29", "30+")
RENAMED_BANDS = {"0-5": "0-4", "5-10": "5-9", "10-20": "10-19", "20-30": "20-29"}


def count_cell(cells: Any, band: str) -> Any:
    """A cell of a stored counts row, also when it was stored under the band's earlier name."""
    if not isinstance(cells, dict):
        return None
    if band in cells:
        return cells[band]
    return next((n for old, n in cells.items() if RENAMED_BANDS.get(str(old)) == band), None)
ADHOC_PREFIX = "adhoc:"


@dataclass(frozen=True)
class QuestionSpec:
    """A question as the answer widgets see it (the fields and properties of core.bank.Question)."""

    id: str
    text: str
    level: str
    type: str
    probes: tuple[str, ...] = ()
    help: str | None = None
    options: tuple[str, ...] | None = None
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    rows: tuple[str, ...] | None = None
    columns: tuple[str, ...] | None = None

    @property
    def scale_range(self) -> tuple[float, float]:
        return (self.min if self.min is not None else 0, self.max if self.max is not None else 10)

    @property
    def count_rows(self) -> tuple[str, ...]:
        return self.rows or DEFAULT_COUNT_ROWS

    @property
    def count_columns(self) -> tuple[str, ...]:
        return self.columns or DEFAULT_COUNT_COLUMNS

    @classmethod
    def of(cls, question: Any) -> QuestionSpec:
        return cls(question.id, question.text, str(question.level), str(question.type), tuple(question.probes),
                   question.help, question.options, question.unit, question.min, question.max, question.rows,
                   question.columns)

    def to_dict(self) -> dict[str, Any]:
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in self.__dict__.items()}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> QuestionSpec:
        fields = dict(data)
        for key in ("probes", "options", "rows", "columns"):
            if fields.get(key) is not None:
                fields[key] = tuple(fields[key])
        return cls(**fields)


@dataclass(frozen=True)
class Prompt:
    """What the composer asks now: a bank question, or a stand-in for an ad-hoc follow-up."""

    question: Any                  # core.bank.Question, or a QuestionSpec before the core is loaded
    revisit: bool = False          # asked again (back, jump, edit): the box starts with the answer
    value: Any = None              # the current answer when revisiting
    suggestion: Any = None         # the accepted ad-hoc follow-up (core.effects.Suggestion) this prompt asks

    @property
    def is_adhoc(self) -> bool:
        return self.suggestion is not None


@dataclass(frozen=True)
class SectionProgress:
    section: str
    title: str
    done: int
    total: int
