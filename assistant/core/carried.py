"""What a follow-up meeting brought along from the previous one, read from `meta.carried` as plain data.

assistant.core.followup writes it (`carry_over`); this module only reads it, for the engine (which
proposes the carried questions again), the summary and the app's review of last time. A carried
question is proposed like a rule's suggestion, under a key that stays the same through a series of
meetings: the original suggestion's key, or `vorig-gesprek:<question id>` for a question parked on
its own. Deciding it (accept, park, dismiss) is an ordinary decision event, so each carried item is
dealt with once, and what is parked again is carried again under the same key.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from assistant.core.effects import Suggestion

CARRIED_RULE = "vorig-gesprek"  # the rule id of a carried question that no rule proposed


def items(carried: Mapping[str, Any] | None, key: str) -> list[dict[str, Any]]:
    """The list `key` of a carried mapping, as dicts; anything else (a hand-edited file) counts as none."""
    value = carried.get(key) if isinstance(carried, Mapping) else None
    return [dict(v) for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def carried_key(item: Mapping[str, Any]) -> str:
    """The decision key of a carried question: its suggestion's, else one made from its question id."""
    key = item.get("suggestion")
    if isinstance(key, str) and key:
        return key
    return f"{CARRIED_RULE}:{item.get('question', '')}"


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def proposals(carried: Mapping[str, Any] | None, text_of: Callable[[str], str | None]) -> list[Suggestion]:
    """The carried questions as suggestions, parked ones first, each key once. `text_of` gives a bank
    question's text (a question the banks no longer have, and that no text came with, is left out)."""
    result: dict[str, Suggestion] = {}
    for origin in ("parked", "suggested"):
        for item in items(carried, origin):
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
