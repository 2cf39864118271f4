"""What a meeting brought along from the one before it (`meta.carried`): a typed, read-only record.

Two writers fill it. A follow-up (assistant.core.followup) brings the previous meeting's id and date,
its parked and suggested questions, its open actions, the last known answer per question and the
numbers of the series; a conversation started from a preparation (assistant.core.handover) brings the
preparation's id and date, its focus, the questions and sections to take first, what the school knew
and wants to learn per topic, its sensitivities and its signals. Both at once when a parent
conversation follows an earlier one and was prepared too.

On disk it is plain data, in the shape those two modules document; `Carried.from_plain` reads it (at
the codec boundary, assistant.core.transcript_codec) and `to_plain` writes it back exactly as it was
read: every key in its place, and what this version cannot read (a key of a newer version, or a
hand-edited value of the wrong kind) kept as it was. A value that is not what it should be counts as
none for the readers, as a hand-edited file always did; the items of the lists (a parked question, an
action) stay plain mappings, in the shapes assistant.core.followup documents.

This module also reads it for the engine (which proposes the carried questions again), the summary
and the app's review of last time. A carried
question is proposed like a rule's suggestion, under a key that stays the same through a series of
meetings: the original suggestion's key, or `vorig-gesprek:<question id>` for a question parked on
its own. Deciding it (accept, park, dismiss) is an ordinary decision event, so each carried item is
dealt with once, and what is parked again is carried again under the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from assistant.core.effects import Suggestion

CARRIED_RULE = "vorig-gesprek"  # the rule id of a carried question that no rule proposed


Item = dict[str, Any]  # one parked or suggested question, one action, one signal (plain data)


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _text_or_none(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _items(value: Any) -> tuple[Item, ...]:
    return tuple(dict(v) for v in value if isinstance(v, Mapping)) if isinstance(value, list | tuple) else ()


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list | tuple) else ()


def _by_key(value: Any) -> dict[str, str]:
    return {str(k): v for k, v in value.items() if isinstance(v, str)} if isinstance(value, Mapping) else {}


def _answers(value: Any) -> dict[str, Item]:
    return {str(k): dict(v) for k, v in value.items() if isinstance(v, Mapping)} if isinstance(value, Mapping) else {}


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _series(value: Any) -> dict[str, tuple[Item, ...]]:
    if not isinstance(value, Mapping):
        return {}
    return {str(q): tuple(dict(p) for p in points if isinstance(p, Mapping) and _number(p.get("value")))
            for q, points in value.items() if isinstance(points, list | tuple)}


# The key each field has on disk, and how it is read from there, in the order the writers write them.
_ON_DISK: dict[str, tuple[str, Callable[[Any], Any]]] = {
    "from_meeting": ("from", _text_or_none),
    "from_date": ("date", _text_or_none),
    "parked": ("parked", _items),
    "suggested": ("suggested", _items),
    "actions": ("actions", _items),
    "last_answers": ("previous", _answers),
    "series": ("series", _series),
    "preparation": ("preparation", _text_or_none),
    "preparation_date": ("preparation_date", _text_or_none),
    "focus_topics": ("focus_topics", _texts),
    "first": ("first", _texts),
    "sections_first": ("sections_first", _texts),
    "known": ("known", _by_key),
    "to_learn": ("to_learn", _by_key),
    "sensitivities": ("sensitivities", _text),
    "signals": ("signals", _items),
}
_FIELD_OF = {key: name for name, (key, _) in _ON_DISK.items()}


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Carried:
    """What this meeting brought along; every field empty when it brought nothing (a first meeting)."""

    # from the previous meeting (assistant.core.followup)
    from_meeting: str | None = None                  # its transcript id
    from_date: str | None = None                     # its creation date, YYYY-MM-DD
    parked: tuple[Item, ...] = ()                    # questions and suggestions it left for this one
    suggested: tuple[Item, ...] = ()                 # follow-up questions its summary still suggested
    actions: tuple[Item, ...] = ()                   # open actions, to review here
    last_answers: Mapping[str, Item] = field(default_factory=dict)  # question -> {value, date}
    series: Mapping[str, tuple[Item, ...]] = field(default_factory=dict)  # question -> numbers over the meetings
    # from a preparation (assistant.core.handover)
    preparation: str | None = None                   # its transcript id
    preparation_date: str | None = None
    focus_topics: tuple[str, ...] = ()               # as written in the preparation
    first: tuple[str, ...] = ()                      # question ids to ask first
    sections_first: tuple[str, ...] = ()             # section ids to walk next
    known: Mapping[str, str] = field(default_factory=dict)     # section -> what the school knew
    to_learn: Mapping[str, str] = field(default_factory=dict)  # section -> what it wants to learn
    sensitivities: str = ""
    signals: tuple[Item, ...] = ()                   # {rule, text, because, [trigger]}
    # How it was on disk: its keys in order, and what was not read above (or not in full), as it was.
    keys: tuple[str, ...] = field(default=(), repr=False)
    kept: Mapping[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def from_plain(cls, data: Mapping[str, Any] | None) -> Carried:
        """Read `meta.carried` as stored (any mapping of plain data; None or empty: nothing carried)."""
        if not data:
            return EMPTY
        values: dict[str, Any] = {}
        kept: dict[str, Any] = {}
        for key, value in data.items():
            name = _FIELD_OF.get(key)
            if name is not None:
                values[name] = _ON_DISK[name][1](value)
            if name is None or _plain(values[name]) != value:
                kept[key] = value
        return cls(**values, keys=tuple(str(k) for k in data), kept=kept)

    def to_plain(self) -> dict[str, Any]:
        """`meta.carried` as stored: what was read, exactly as it was (what was made here: its own fields)."""
        keys = self.keys or tuple(key for name, (key, _) in _ON_DISK.items()
                                  if getattr(self, name) != _DEFAULTS[name])
        return {key: _plain(self.kept[key]) if key in self.kept else _plain(getattr(self, _FIELD_OF[key]))
                for key in keys}

    def __bool__(self) -> bool:
        """Whether anything was carried at all."""
        return bool(self.keys) or any(getattr(self, name) != _DEFAULTS[name] for name in _ON_DISK)

    def with_(self, other: Carried) -> Carried:
        """This and `other` together, `other`'s keys winning (a prepared conversation that is a follow-up too)."""
        return Carried.from_plain({**self.to_plain(), **other.to_plain()})

    @property
    def questions(self) -> tuple[Item, ...]:
        """The carried questions, parked ones first, then the suggested ones."""
        return (*self.parked, *self.suggested)


_DEFAULTS = {f.name: (f.default_factory() if callable(f.default_factory) else f.default)  # type: ignore[misc]
             for f in fields(Carried)}
EMPTY = Carried()


def carried_key(item: Mapping[str, Any]) -> str:
    """The decision key of a carried question: its suggestion's, else one made from its question id."""
    key = item.get("suggestion")
    if isinstance(key, str) and key:
        return key
    return f"{CARRIED_RULE}:{item.get('question', '')}"


def proposals(carried: Carried, text_of: Callable[[str], str | None]) -> list[Suggestion]:
    """The carried questions as suggestions, parked ones first, each key once. `text_of` gives a bank
    question's text (a question the banks no longer have, and that no text came with, is left out)."""
    result: dict[str, Suggestion] = {}
    for origin, carried_items in (("parked", carried.parked), ("suggested", carried.suggested)):
        for item in carried_items:
            question = item.get("question") if isinstance(item.get("question"), str) and item.get("question") else None
            text = (text_of(question) if question else None) or _text(item.get("text"))
            if not text:
                continue
            key = carried_key(item)
            rule = _text(item.get("rule")) or CARRIED_RULE
            # No trigger: nothing in this meeting made it come up (the chat shows it with last time's)
            result.setdefault(key, Suggestion(key, rule, question, text, _text(item.get("because")), None,
                                              own=item.get("own") is True, origin=origin))
    return list(result.values())
