"""What the composer asks and the side panel shows, as plain values the widgets can use."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ADHOC_PREFIX = "adhoc:"


@dataclass(frozen=True)
class Prompt:
    """What the composer asks now: a bank question, or a stand-in for an ad-hoc follow-up."""

    question: Any                  # core.bank.Question, or a stand-in for an ad-hoc follow-up
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
