"""Replacing the names of the people in a transcript by their roles or initials.

Summaries leave the CLB: a summary handed to a school, or kept as an example, should not carry the
names of a pupil and a family. Names are replaced where the transcript records them (metadata,
speakers, action owners) and, best effort, where they were typed into answers and notes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Any

from assistant.core.transcript import Event, Participant, Transcript

# Name particles that are also ordinary Dutch words: replacing them inside answers would garble them.
_PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "la", "le", "du", "da", "di",
              "von", "op", "in", "t", "d", "l", "ben", "bin", "abu", "mc", "mac", "'t"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def initials(name: str) -> str:
    """'Yasmine El Amrani' -> 'Y.E.A.', 'Jan van Dijk' -> 'J.v.D.': each word's first letter as written."""
    return "".join(p[0] + "." for p in _WORD.findall(name))


_NAME_RUN = re.compile(r"(?<!\w)[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)*")


def _initials_in(text: str) -> str:
    """Every run of words that starts with a capital, as initials: 'Yasmine El Amrani (3B)' -> 'Y.E.A. (3B)'."""
    def shorten(match: re.Match[str]) -> str:
        words = match.group(0).split()
        if not words[0][0].isupper():
            return match.group(0)
        return initials(match.group(0))
    return _NAME_RUN.sub(shorten, text)


def _name_parts(name: str) -> list[str]:
    """What people call someone by: each name (not a particle such as 'van'), and the surname with its
    particles ('van Dijk')."""
    words = _WORD.findall(name)
    parts = [w for w in words if len(w) >= 3 and w.lower() not in _PARTICLES and w[0].isupper()]
    tails = [" ".join(words[i:]) for i in range(1, len(words)) if words[i].lower() in _PARTICLES]
    return parts + tails


class _Replacer:
    def __init__(self, names: dict[str, str]):
        self.names = {k.casefold(): v for k, v in names.items() if k.strip()}
        keys = sorted(self.names, key=len, reverse=True)
        self.pattern = (
            re.compile(r"(?<!\w)(?:" + "|".join(re.escape(k) for k in keys) + r")(?!\w)", re.IGNORECASE) if keys else None
        )

    def text(self, value: str) -> str:
        if self.pattern is None:
            return value
        def swap(m: re.Match[str]) -> str:
            new = self.names.get(m.group(0).casefold(), m.group(0))
            return new[:-1] if new.endswith(".") and value[m.end():m.end() + 1] == "." else new  # no 'L..'
        return self.pattern.sub(swap, value)

    def deep(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list | tuple):
            return [self.deep(v) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v) for k, v in value.items()}
        return value


def pseudonymise(transcript: Transcript) -> Transcript:
    """A copy of `transcript` with participants shown by role, and the facilitator and the school or
    pupil by initials; their names are replaced in answers, notes and actions too."""
    meta = transcript.meta
    names: dict[str, str] = {}
    for person in meta.participants:
        role = person.role or "deelnemer"
        names.update({part: role for part in _name_parts(person.name)})
        names[person.name] = role
    for full in (meta.facilitator, meta.subject):
        if full:
            names.update({part: initials(part) for part in _name_parts(full)})
            names[full] = initials(full)
    swap = _Replacer(names)
    events = tuple(_event(e, swap.deep) for e in transcript.events)
    new_meta = replace(
        meta,
        facilitator=initials(meta.facilitator),
        subject=_initials_in(meta.subject),
        participants=tuple(Participant("", p.role) for p in meta.participants),
        tags=tuple(swap.text(t) for t in meta.tags),
        carried=_carried(meta.carried, swap.deep),
    )
    return Transcript(new_meta, events)


def _carried(carried: Any, swap: Callable[[Any], Any]) -> dict[str, Any]:
    """A follow-up's or a hand-over's carried material: the free text in it, not its ids."""
    result = dict(carried or {})
    if isinstance(result.get("previous"), dict):
        result["previous"] = {q: {**v, "value": swap(v.get("value"))} if isinstance(v, dict) else v
                              for q, v in result["previous"].items()}
    for key in ("actions", "parked", "suggested"):
        if isinstance(result.get(key), list):
            result[key] = [{k: swap(v) if k in {"wat", "wie", "wanneer", "check", "text", "note", "because"} else v
                            for k, v in item.items()}
                           if isinstance(item, dict) else item for item in result[key]]
    for key in ("known", "to_learn", "sensitivities"):  # what a preparation handed over (assistant.core.handover)
        if key in result:
            result[key] = swap(result[key])
    return result


def _event(event: Event, swap: Callable[[Any], Any]) -> Event:
    data = {k: (v if k in {"question", "rule", "suggestion", "action", "flag", "decision", "status", "trigger"} else swap(v))
            for k, v in event.data.items()}
    return Event(event.seq, event.kind, event.at, data)
