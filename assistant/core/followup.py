"""The next meeting starts from the last one: what was parked, which actions are open, what was said.

`follow_up` creates a transcript linked to the previous one (`meta.follows`) and stores in
`meta.carried` (an assistant.core.carried.Carried) what it brings along, stored as:

    from      the previous transcript's id; date: its creation date
    parked    questions deferred to the next meeting ({"question": id}) and parked suggestions
              ({"suggestion": key, "rule", "text", "question", "because", ["own"]}), including those carried
              into the previous meeting and not dealt with there; each question once
    suggested the follow-up questions the previous summary still suggested (proposed and not decided,
              or accepted and not answered): {"suggestion": key, "rule", "text", "question", "because", ["own"]};
              own: true when the rule is our own judgement (shown as "eigen suggestie" again)
    actions   open action items ({"action": id, "wat", "wie", "wanneer", "check", "from": meeting id,
              "date", and "status"/"note"/"noted" when a meeting found it partly done}), the rows of
              the previous meeting's action-plan answers among them; the new meeting reviews each one
              (an `action_status` event: done, partly done with a note, dropped, or still open)
    previous  the last known answer per question: {"value": ..., "date": "YYYY-MM-DD"}
    series    every number answered (self-scales) per question over the whole series of meetings:
              [{"meeting": id, "date": "YYYY-MM-DD", "value": n}, ...], oldest first

Nothing of this is an event of the new meeting: it is reference material the new meeting acts on.
The parked and suggested questions are proposed again (assistant.core.carried, assistant.core.engine).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from assistant.core.carried import Carried, carried_key
from assistant.core.session import as_participants
from assistant.core.transcript import ActionStatus, Decision, EventKind, Transcript
from assistant.core.transcript_codec import plain

ACTION_FIELDS = ("wat", "wie", "wanneer", "check")
_CLOSED = (ActionStatus.DONE, ActionStatus.DROPPED)


def _question_ids(transcript: Transcript) -> set[str]:
    """Question ids this transcript knows of: to read a suggestion key such as 'rule:question.id'."""
    return transcript.question_ids()


def _question_of(item: Mapping[str, Any], known: set[str]) -> str | None:
    """The bank question a parked or suggested item stands for, if any. A decision recorded before
    decisions named their question is read from its key ('<rule>:<question id>')."""
    question = item.get("question")
    if isinstance(question, str) and question:
        return question
    key = item.get("suggestion")
    if isinstance(key, str) and ":" in key:
        tail = key.split(":", 1)[1]
        if tail in known:
            return tail
    return None


class _Once:
    """A list of parked or suggested items in which each question (or ad-hoc suggestion) stands once."""

    def __init__(self, known: set[str], answered: set[str]):
        self.known = known
        self.answered = answered
        self.seen: set[tuple[str, str]] = set()
        self.result: list[dict[str, Any]] = []

    def identity(self, item: Mapping[str, Any]) -> tuple[str, str]:
        question = _question_of(item, self.known)
        return ("question", question) if question else ("suggestion", str(item.get("suggestion", "")))

    def add(self, item: Mapping[str, Any]) -> None:
        question = _question_of(item, self.known)
        ident = self.identity(item)
        if (question and question in self.answered) or ident in self.seen:
            return
        self.seen.add(ident)
        clean = {k: v for k, v in item.items() if v is not None and v != ""}
        if question:
            clean["question"] = question
        self.result.append(clean)


def _adhoc_answered(transcript: Transcript) -> set[str]:
    """Ad-hoc follow-ups answered (the app records the answer as a note under the suggestion's key)."""
    return {str(e.get("suggestion")) for e in transcript.of_kind(EventKind.NOTE) if e.get("suggestion")}


def still_parked(transcript: Transcript) -> list[dict[str, Any]]:
    """What this meeting leaves for the next one, each question once: what it inherited as parked and
    did not decide or answer, its own deferrals, and the suggestions it parked (inherited ones too)."""
    decided = transcript.decisions()
    once = _Once(_question_ids(transcript), set(transcript.answers()))
    for item in transcript.meta.carried.parked:
        if carried_key(item) not in decided:  # decided here: parked again comes below, with the decision
            once.add(item)
    for question in transcript.deferred():
        once.add({"question": question})
    for key, event in decided.items():
        if event.get("decision") == Decision.PARKED:
            once.add({"suggestion": key, "rule": event.get("rule"), "text": event.get("text"),
                      "question": event.get("question"), "because": event.get("because"),
                      "own": event.get("own") is True or None})
    return once.result


def suggested_next(transcript: Transcript, view: Any) -> list[dict[str, Any]]:
    """The follow-up questions this meeting leaves suggested, each once and none that is parked: those
    still proposed when it ended, and those accepted but never answered. `view` is the engine's."""
    once = _Once(_question_ids(transcript), set(transcript.answers()))
    for item in still_parked(transcript):  # parked is said there; not a second time here
        once.seen.add(once.identity(item))
    adhoc = _adhoc_answered(transcript)

    def add(suggestion: Any) -> None:
        if suggestion.question_id is None and suggestion.key in adhoc:
            return
        once.add({"suggestion": suggestion.key, "rule": suggestion.rule_id, "text": suggestion.text,
                  "question": suggestion.question_id, "because": suggestion.because, "trigger": suggestion.trigger,
                  "own": suggestion.own or None})

    for suggestion in getattr(view, "suggestions", ()) or ():
        if suggestion.origin != "parked":  # an inherited parked question left undecided stays parked
            add(suggestion)
    for suggestion, decision in getattr(view, "decided", ()) or ():
        if decision == Decision.ACCEPTED:
            add(suggestion)
    return once.result


def plan_rows(transcript: Transcript) -> list[dict[str, Any]]:
    """The rows of this meeting's action-plan answers (Wat / Wie / Wanneer / Check), with stable ids.
    An action plan is the only answer that is a list of rows with a 'wat' (assistant.core.answers)."""
    rows = []
    for question, value in transcript.answers().items():
        if not isinstance(value, list):
            continue
        for number, row in enumerate(value, start=1):
            if isinstance(row, Mapping) and row.get("wat"):
                rows.append({"action": f"{transcript.meta.id}:{question}:{number}", "question": question,
                             **{f: str(row.get(f) or "") for f in ACTION_FIELDS}})
    return rows


def carried_actions(transcript: Transcript) -> list[dict[str, Any]]:
    """Open actions inherited from earlier meetings and not done or dropped in this one."""
    return [a for a in reviewed_actions(transcript) if a.get("status") not in _CLOSED]


def reviewed_actions(transcript: Transcript) -> list[dict[str, Any]]:
    """Every inherited action with its status in this meeting: "status" (done, partly, dropped, open,
    or None when it was not looked at) and "note"; last time's review stays as "before"/"before_note"."""
    result = []
    for action in transcript.meta.carried.actions:
        status, note = transcript.action_status(str(action.get("action", "")))
        before = {"before": action.get("status"), "before_note": action.get("note"), "before_date": action.get("noted")}
        result.append({**action, **before, "status": status, "note": note})
    return result


def open_actions(transcript: Transcript) -> list[dict[str, Any]]:
    """Every action still open after this meeting: inherited ones first (a partly done one with its
    note), then this meeting's own (its action plans, then the actions recorded one by one)."""
    meeting, day = transcript.meta.id, transcript.meta.created[:10]
    result = []
    for action in carried_actions(transcript):
        keep = {k: action[k] for k in ("action", *ACTION_FIELDS, "from", "date") if action.get(k) is not None}
        if action.get("status") == ActionStatus.PARTLY:
            keep.update(status=str(ActionStatus.PARTLY), note=action.get("note") or "", noted=day)
        elif action.get("before"):  # not reviewed (or left open): what was said before still stands
            keep.update({k: action[f"before{s}"] for k, s in (("status", ""), ("note", "_note"), ("noted", "_date"))
                         if action.get(f"before{s}")})
        result.append(keep)
    own = [{"action": r["action"], **{f: r[f] for f in ACTION_FIELDS}} for r in plan_rows(transcript)]
    own += [{"action": a.id, **{f: getattr(a, f) for f in ACTION_FIELDS}} for a in transcript.actions() if not a.done]
    result += [{**a, "from": meeting, "date": day} for a in own]
    return result


def previous_answers(transcript: Transcript) -> dict[str, dict[str, Any]]:
    """The last known answer per question from earlier meetings, with its date."""
    return {question: dict(answer) for question, answer in transcript.meta.carried.last_answers.items()}


def previous_answer(transcript: Transcript, question: str) -> Any | None:
    """What was answered to `question` last time ("vorige keer: 6/10"), or None."""
    entry = previous_answers(transcript).get(question)
    return entry.get("value") if entry else None


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def series(transcript: Transcript) -> dict[str, list[dict[str, Any]]]:
    """The numbers answered per question over the meetings before this one (oldest first), as carried."""
    return {question: [dict(p) for p in points] for question, points in transcript.meta.carried.series.items()}


def series_with(transcript: Transcript) -> dict[str, list[dict[str, Any]]]:
    """`series` with this meeting's own numbers added at the end."""
    result = series(transcript)
    for question, value in transcript.answers().items():
        if _number(value):
            result.setdefault(question, []).append(
                {"meeting": transcript.meta.id, "date": transcript.meta.created[:10], "value": value})
    return result


def carry_over(previous: Transcript, view: Any = None) -> Carried:
    """What a meeting following `previous` brings along (the `carried` metadata). `view` is the engine's
    view of `previous` (its suggestions); without it no suggested follow-up questions are carried."""
    last_known = previous_answers(previous)
    for question, event in previous.answer_events().items():
        last_known[question] = {"value": event.data["value"], "date": event.at[:10]}
    return Carried.from_plain(plain({
        "from": previous.meta.id,
        "date": previous.meta.created[:10],
        "parked": still_parked(previous),
        "suggested": suggested_next(previous, view) if view is not None else [],
        "actions": open_actions(previous),
        "previous": last_known,
        "series": series_with(previous),
    }))


def view_of(transcript: Transcript, banks: Mapping[str, Any] | None, scripts: Mapping[str, Any] | None) -> Any:
    """The engine's view of a finished meeting (for its suggestions), when its script is at hand."""
    script = (scripts or {}).get(transcript.meta.script)
    if script is None or banks is None:
        return None
    from assistant.core.engine import evaluate  # the engine imports this package's carried reader

    return evaluate(script, banks, transcript)


def follow_up(store: Any, previous_ref: str | os.PathLike[str], *, banks: Mapping[str, Any] | None = None,
              scripts: Mapping[str, Any] | None = None, **meta: Any):
    """Start (and hold open) the next meeting after `previous_ref`. Script, subject, facilitator,
    participants and tags default to the previous meeting's; pass any of them to change it. With the
    library (`banks`, `scripts`) the questions the previous summary suggested are carried too."""
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
    fields["carried"] = carry_over(previous, view_of(previous, banks, scripts))
    return store.create(Transcript.new(script, **fields))


def carried_counts(transcript: Transcript) -> dict[str, int]:
    """How much a follow-up brought along, as `dialoog show` counts it."""
    carried = transcript.meta.carried
    return {"previous": len(carried.last_answers), "parked": len(carried.parked), "suggested": len(carried.suggested),
            "actions": len(carried.actions)}

