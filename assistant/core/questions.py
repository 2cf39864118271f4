"""Where each question stands in the banks: the lookup the summary and the sheet share."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass

from assistant.core.bank import Bank, Question, Section


@dataclass(frozen=True)
class Place:
    """A question with its bank, its section, its subsection (if any) and its rank in document order."""

    bank: Bank
    section: Section
    subsection: Section | None
    question: Question
    order: int

    @property
    def owner(self) -> Section:
        """The (sub)section the question is listed in."""
        return self.subsection or self.section

    @property
    def where(self) -> str:
        """'Section › Subsection', as a reader finds the question in the summary."""
        return f"{self.section.title} › {self.subsection.title}" if self.subsection else self.section.title


def as_bank_list(banks: Mapping[str, Bank] | Iterable[Bank] | Bank) -> list[Bank]:
    if isinstance(banks, Bank):
        return [banks]
    if isinstance(banks, Mapping):
        return list(banks.values())
    return list(banks)


class QuestionIndex:
    """Every question of the given banks by id, in document order (banks in the order given)."""

    def __init__(self, banks: Mapping[str, Bank] | Iterable[Bank] | Bank):
        self.banks = as_bank_list(banks)
        self.places: dict[str, Place] = {}
        for bank in self.banks:
            for section in bank.sections:
                for question in section.questions:
                    self._add(Place(bank, section, None, question, len(self.places)))
                for sub in section.sections:
                    for question in sub.questions:
                        self._add(Place(bank, section, sub, question, len(self.places)))

    def _add(self, place: Place) -> None:
        self.places.setdefault(place.question.id, place)  # ids are unique across banks; the first wins

    def get(self, question_id: str | None) -> Place | None:
        return self.places.get(question_id) if question_id else None

    def __contains__(self, question_id: object) -> bool:
        return question_id in self.places

    def __iter__(self) -> Iterator[Place]:
        return iter(self.places.values())
