"""The next meeting starts from the last one: what was parked, which actions are open, what was said.

`follow_up` creates a transcript linked to the previous one (`meta.follows`) and stores in
`meta.carried` what it brings along:

    from      the previous transcript's id; date: its creation date
    parked    questions deferred to the next meeting ({"question": id}) and parked suggestions
              ({"suggestion": key, "rule": ..., "text": ...}), including those carried into the
              previous meeting and not dealt with there
    actions   open action items ({"action": id, "wat", "wie", "wanneer", "check", "from": meeting id});
              checking one off in the new meeting is an `action_done` event with its id
    previous  the last known answer per question: {"value": ..., "date": "YYYY-MM-DD"}

Nothing of this is an event of the new meeting: it is reference material the new meeting can act on.
"""

from __future__ import annotations

import os
from typing import Any

from assistant.core.session import as_participants
from assistant.core.transcript import ActionItem, Decision, EventKind, Transcript
from assistant.core.transcript_codec import plain


def _carried(transcript: Transcript, key: str) -> list[dict[str, Any]]:
    value = transcript.meta.carried.get(key) if transcript.meta.carried else None
    return [dict(v) for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def still_parked(transcript: Transcript) -> list[dict[str, Any]]:
    """What this meeting leaves for the next one: its own deferrals and parked suggestions, and what
    it inherited and did not answer or decide."""
    answered = set(transcript.answers())
    decided = set(transcript.decisions())
    result: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(item: dict[str, Any]) -> None:
        key = ("suggestion", item["suggestion"]) if "suggestion" in item else ("question", item.get("question", ""))
        if key not in seen:
            seen.add(key)
            result.append(item)

    for item in _carried(transcript, "parked"):
        if "suggestion" in item and item["suggestion"] not in decided:
            add(item)
        elif "suggestion" not in item and item.get("question") and item["question"] not in answered:
            add(item)
    for question in transcript.deferred():
        add({"question": question})
    for key, event in transcript.decisions().items():
        if event.get("decision") == Decision.PARKED:
            add({k: v for k, v in {"suggestion": key, "rule": event.get("rule"), "text": event.get("text"),
                                   "question": event.get("question")}.items() if v is not None})
    return result


def carried_actions(transcript: Transcript) -> list[dict[str, Any]]:
    """Open actions inherited from earlier meetings and not checked off in this one."""
    done = {e.data["action"] for e in transcript.of_kind(EventKind.ACTION_DONE)}
    return [a for a in _carried(transcript, "actions") if a.get("action") not in done]


def open_actions(transcript: Transcript) -> list[dict[str, Any]]:
    """Every action still open after this meeting: inherited ones first, then this meeting's own."""
    own = [
        {"action": a.id, "wat": a.wat, "wie": a.wie, "wanneer": a.wanneer, "check": a.check, "from": transcript.meta.id}
        for a in transcript.actions() if not a.done
    ]
    return carried_actions(transcript) + own


def previous_answers(transcript: Transcript) -> dict[str, dict[str, Any]]:
    """The last known answer per question from earlier meetings, with its date."""
    value = transcript.meta.carried.get("previous") if transcript.meta.carried else None
    return {str(k): dict(v) for k, v in value.items() if isinstance(v, dict)} if isinstance(value, dict) else {}


def previous_answer(transcript: Transcript, question: str) -> Any | None:
    """What was answered to `question` last time ("vorige keer: 6/10"), or None."""
    entry = previous_answers(transcript).get(question)
    return entry.get("value") if entry else None


def carry_over(previous: Transcript) -> dict[str, Any]:
    """What a meeting following `previous` brings along (the `carried` metadata)."""
    last_known = previous_answers(previous)
    for question, event in previous.answer_events().items():
        last_known[question] = {"value": event.data["value"], "date": event.at[:10]}
    return plain({
        "from": previous.meta.id,
        "date": previous.meta.created[:10],
        "parked": still_parked(previous),
        "actions": open_actions(previous),
        "previous": last_known,
    })


def follow_up(store: Any, previous_ref: str | os.PathLike[str], **meta: Any):
    """Start (and hold open) the next meeting after `previous_ref`. Script, subject, facilitator,
    participants and tags default to the previous meeting's; pass any of them to change it."""
    previous = store.load(previous_ref)
    old = previous.meta
    fields: dict[str, Any] = {
        "subject": old.subject, "facilitator": old.facilitator, "participants": old.participants,
        "tags": old.tags, "bank_versions": dict(old.bank_versions),
    }
    fields.update(meta)
    fields["participants"] = as_participants(fields["participants"])
    fields["tags"] = tuple(fields["tags"])
    script = fields.pop("script", old.script)
    fields["follows"] = old.id
    fields["carried"] = carry_over(previous)
    return store.create(Transcript.new(script, **fields))


def carried_action_items(transcript: Transcript) -> list[ActionItem]:
    """The inherited open actions as ActionItems, for views that already show the meeting's own."""
    return [ActionItem(str(a.get("action", "")), str(a.get("wat", "")), str(a.get("wie", "")),
                       str(a.get("wanneer", "")), str(a.get("check", ""))) for a in carried_actions(transcript)]
