"""What the app is given from outside: the language, what to open first, and the clock (plain data)."""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal



@dataclass(frozen=True)
class NewMeta:
    """What the facilitator enters before a new conversation."""

    facilitator: str = ""
    subject: str = ""
    participants: tuple[tuple[str, str], ...] = ()   # (name, role); Participant objects work too
    tags: tuple[str, ...] = ()
    follows: str | None = None       # the earlier transcript this meeting follows (its name or id)
    prepared_by: str | None = None   # the preparation this parent conversation starts from


@dataclass(frozen=True)
class Start:
    """What the app opens first: the start screen, a new or resumed conversation, or the review."""

    kind: Literal["home", "new", "resume", "review"] = "home"
    script: str | None = None
    ref: str | None = None
    meta: NewMeta | None = None      # for "new": None opens the details form first
    follows: str | None = None       # for "new" without details: the form starts as a follow-up of this one


@dataclass(frozen=True)
class Settings:
    lang: str = "nl"
    start: Start = field(default_factory=Start)
    clock: Callable[[], float] = time.monotonic   # meeting time; tests pass a fixed clock
    clock_check: float = 5.0                       # seconds between looks at the meeting clock (top bar, and
                                                   # recording the time once a minute of it is unrecorded)
    cursor_blink: bool = True                      # snapshot tests switch it off


def parse_participants(text: str) -> tuple[tuple[str, str], ...]:
    """'An (leerkracht), Bert (directie)' -> (name, role) pairs (the store makes them participants).
    ValueError names the item that is not 'name (role)'."""
    people = []
    depth = 0
    item = ""
    items = []
    for char in text:  # split on commas outside parentheses: a role may hold a comma
        depth += char == "("
        depth -= char == ")"
        if char == "," and depth <= 0:
            items.append(item)
            item = ""
        else:
            item += char
    items.append(item)
    for raw in (i.strip() for i in items):
        if not raw:
            continue
        if raw.endswith(")") and "(" in raw:
            name, _, role = raw[:-1].partition("(")
            if name.strip() and role.strip():
                people.append((name.strip(), role.strip()))
                continue
        elif "(" not in raw and ")" not in raw:
            people.append((raw, ""))
            continue
        raise ValueError(raw)
    return tuple(people)


def _pair(person: Any) -> tuple[str, str]:
    return (person.name, person.role) if hasattr(person, "name") else (person[0], person[1])


def format_participants(people: tuple[Any, ...]) -> str:
    pairs = [_pair(p) for p in people]
    return ", ".join(f"{name} ({role})" if role else name for name, role in pairs)
