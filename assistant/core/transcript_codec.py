"""Transcripts as plain data and back: the one shape that the YAML file and the journal share.

Reading checks every field, so a damaged or hand-edited transcript is reported with the place of
the mistake instead of failing later in a view. Question ids are deliberately not checked against
any bank here: banks change, and a transcript recorded against an older bank must still open
(`Transcript.unknown_questions` tells the caller which ids a bank no longer has).
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any

from assistant.core.carried import Carried
from assistant.core.transcript import ActionStatus, Decision, Event, EventKind, Flag, Meta, Participant, Transcript

FORMAT = "dialoog-transcript/1"

Path_ = tuple[str | int, ...]

# What each kind of event must carry, with the type of each field. The derived views of
# Transcript index these fields directly, so an event without them would break them later.
_STR, _NUM, _BOOL, _INT, _ANY = "text", "a number", "true or false", "a whole number", "any value"
REQUIRED: dict[EventKind, dict[str, str]] = {
    EventKind.ANSWER: {"question": _STR, "value": _ANY},
    EventKind.NOTE: {"text": _STR},
    EventKind.FLAG: {"question": _STR, "flag": _STR},
    EventKind.UNFLAG: {"question": _STR, "flag": _STR},
    EventKind.DECISION: {"suggestion": _STR, "decision": _STR},
    EventKind.SIGNAL: {"rule": _STR, "text": _STR},
    EventKind.DEFER: {"question": _STR},
    EventKind.SELECT: {"question": _STR},
    EventKind.SKIP: {"question": _STR},
    EventKind.ACTION: {"action": _STR, "wat": _STR},
    EventKind.ACTION_DONE: {"action": _STR},
    EventKind.ACTION_STATUS: {"action": _STR, "status": _STR},
    EventKind.CLOCK: {"seconds": _NUM},
    EventKind.MODE: {"basis_only": _BOOL},
    EventKind.CLOSE: {},
    EventKind.REOPEN: {},
    EventKind.HANDOVER: {"transcript": _STR},
}
# Optional fields whose type the views rely on.
_OPTIONAL = {"speaker": _STR, "rank": _INT, "question": _STR, "rule": _STR, "text": _STR,
             "wie": _STR, "wanneer": _STR, "check": _STR, "note": _STR}
RESERVED = ("seq", "kind", "at")
_META_KEYS = ("id", "script", "created", "updated", "facilitator", "participants", "subject", "tags",
              "status", "bank_versions", "follows", "prepared_by", "carried")
_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")  # whole-string (fullmatch): "$" would let a final newline in
# A link to another transcript, by its id or file name; never a path, so that a transcript cannot make
# Dialoog read files outside its folder when it follows the link.
_REF = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,199}")
STATUSES = ("open", "closed")


class ShapeErrors(ValueError):
    """Every problem found in one transcript's data, each with the path of the value it concerns."""

    def __init__(self, problems: list[tuple[Path_, str]]):
        self.problems = problems
        super().__init__("; ".join(message for _, message in problems))


# -- writing --------------------------------------------------------------------------------------
def plain(value: Any) -> Any:
    """A deep copy made of dicts, lists and scalars only (what JSON and YAML both hold)."""
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def meta_to_dict(meta: Meta) -> dict[str, Any]:
    return {
        "id": meta.id,
        "script": meta.script,
        "created": meta.created,
        "updated": meta.updated,
        "status": meta.status,
        "subject": meta.subject,
        "facilitator": meta.facilitator,
        "participants": [{"name": p.name, "role": p.role} for p in meta.participants],
        "tags": list(meta.tags),
        "bank_versions": dict(meta.bank_versions),
        "follows": meta.follows,
        "prepared_by": meta.prepared_by,
        "carried": meta.carried.to_plain(),
    }


def event_to_dict(event: Event) -> dict[str, Any]:
    return plain(event.to_dict())


def transcript_to_dict(transcript: Transcript) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "meta": meta_to_dict(transcript.meta),
        "events": [event_to_dict(e) for e in transcript.events],
    }


# -- checking ---------------------------------------------------------------------------------------
def _type_name(value: Any) -> str:
    return {type(None): "nothing", bool: "true/false", int: "a number", float: "a number", str: "text",
            list: "a list", dict: "a mapping"}.get(type(value), type(value).__name__)


def _fits(value: Any, expected: str) -> bool:
    if expected == _STR:
        return isinstance(value, str)
    if expected == _BOOL:
        return isinstance(value, bool)
    if expected == _INT:
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == _NUM:
        # A whole number is finite however large; math.isfinite would overflow converting it to float.
        return (isinstance(value, int) and not isinstance(value, bool)) or (isinstance(value, float) and math.isfinite(value))
    return True


_SCALARS = (str, int, bool, type(None))
_KINDS = {k.value: k for k in EventKind}
_FLAGS = frozenset(f.value for f in Flag)
_DECISIONS = frozenset(d.value for d in Decision)
_STATUSES = frozenset(s.value for s in ActionStatus)


def _plain_problem(value: Any, depth: int = 0) -> str | None:
    """Why `value` is not plain data (None when it is)."""
    if type(value) in _SCALARS:  # the common case, checked first: loading runs this for every field
        return None
    if depth > 32:
        return "nested too deeply"
    if value is None or isinstance(value, (str, bool, int)):
        return None
    if isinstance(value, float):
        return None if math.isfinite(value) else "not a finite number"
    if isinstance(value, (list, tuple)):
        return next((p for p in (_plain_problem(v, depth + 1) for v in value) if p), None)
    if isinstance(value, Mapping):
        if not all(isinstance(k, str) for k in value):
            return "mapping keys must be text"
        return next((p for p in (_plain_problem(v, depth + 1) for v in value.values()) if p), None)
    return f"{type(value).__name__} is not plain data (text, numbers, true/false, lists, mappings)"


def is_timestamp(value: Any) -> bool:
    if not isinstance(value, str):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True


def event_problems(kind: Any, data: Mapping[str, Any], at: Path_ = ()) -> list[tuple[Path_, str]]:
    """What is wrong with the fields of an event of `kind` (empty when nothing is)."""
    data_kind = kind
    kind = _KINDS.get(kind) if isinstance(kind, str) else None  # an EventKind is a str too
    if kind is None:
        expected = ", ".join(k.value for k in EventKind)
        return [((*at, "kind"), f"unknown event kind '{data_kind}' (expected one of: {expected})")]
    problems: list[tuple[Path_, str]] = []
    required = REQUIRED[kind]
    for key, expected in required.items():
        if key not in data:
            problems.append((at, f"{kind} event: missing key '{key}'"))
        elif not _fits(data[key], expected):
            problems.append(((*at, key), f"{kind} event: '{key}' must be {expected}, not {_type_name(data[key])}"))
    for key, value in data.items():
        if key in RESERVED:
            problems.append(((*at, key), f"'{key}' is reserved for the event itself"))
            continue
        expected = _OPTIONAL.get(key)
        if key not in required and expected and not _fits(value, expected):
            problems.append(((*at, key), f"{kind} event: '{key}' must be {expected}, not {_type_name(value)}"))
        problem = _plain_problem(value)
        if problem:
            problems.append(((*at, key), f"{kind} event: '{key}': {problem}"))
    if kind in (EventKind.FLAG, EventKind.UNFLAG) and isinstance(data.get("flag"), str):
        if data["flag"] not in _FLAGS:
            problems.append(((*at, "flag"), f"unknown flag '{data['flag']}' (expected one of: "
                             + ", ".join(f.value for f in Flag) + ")"))
    if kind is EventKind.DECISION and isinstance(data.get("decision"), str):
        if data["decision"] not in _DECISIONS:
            problems.append(((*at, "decision"), f"unknown decision '{data['decision']}' (expected one of: "
                             + ", ".join(d.value for d in Decision) + ")"))
    if kind is EventKind.ACTION_STATUS and isinstance(data.get("status"), str) and data["status"] not in _STATUSES:
        problems.append(((*at, "status"), f"unknown action status '{data['status']}' (expected one of: "
                         + ", ".join(s.value for s in ActionStatus) + ")"))
    if kind is EventKind.HANDOVER and isinstance(data.get("transcript"), str) and not _REF.fullmatch(data["transcript"]):
        problems.append(((*at, "transcript"), "handover event: 'transcript' must be a transcript id or file name "
                         "(letters, digits, '-' or '_'), not a path"))
    return problems


# Per kind, (field, type test) pairs for the fast path of event_from_dict.
_TESTS = {
    _STR: lambda v: type(v) is str,
    _BOOL: lambda v: type(v) is bool,
    _INT: lambda v: type(v) is int,
    _NUM: lambda v: type(v) is int or (type(v) is float and math.isfinite(v)),
    _ANY: lambda v: True,
}
_FAST = {kind: tuple((key, _TESTS[expected]) for key, expected in fields.items()) for kind, fields in REQUIRED.items()}
_OPTIONAL_TESTS = {key: _TESTS[expected] for key, expected in _OPTIONAL.items()}


def _quick(data: dict) -> Event | None:
    """The event when every field is plainly right (nearly always: loading ten thousand transcripts
    runs this four hundred thousand times); None sends the caller to the full check and its messages."""
    kind = data.get("kind")
    kind = _KINDS.get(kind) if isinstance(kind, str) else None
    seq, stamp = data.get("seq"), data.get("at")
    if kind is None or type(seq) is not int or seq < 1 or not is_timestamp(stamp):
        return None
    fields = {k: v for k, v in data.items() if k != "seq" and k != "kind" and k != "at"}
    for key, test in _FAST[kind]:
        if key not in fields or not test(fields[key]):
            return None
    for key, value in fields.items():
        test = _OPTIONAL_TESTS.get(key)
        if (test is not None and not test(value)) or (type(value) not in _SCALARS and _plain_problem(value)):
            return None
    if kind in (EventKind.FLAG, EventKind.UNFLAG) and fields["flag"] not in _FLAGS:
        return None
    if kind is EventKind.DECISION and fields["decision"] not in _DECISIONS:
        return None
    if kind is EventKind.HANDOVER and not _REF.fullmatch(fields["transcript"]):
        return None
    if kind is EventKind.ACTION_STATUS and fields["status"] not in _STATUSES:
        return None
    return Event(seq, kind, stamp, fields)


def event_from_dict(data: Any, at: Path_ = ()) -> Event:
    """An Event from its plain form; ShapeErrors says what is wrong, with paths below `at`."""
    if type(data) is dict:
        event = _quick(data)
        if event is not None:
            return event
    if not isinstance(data, Mapping):
        raise ShapeErrors([(at, f"an event must be a mapping, not {_type_name(data)}")])
    problems: list[tuple[Path_, str]] = []
    seq = data.get("seq")
    if not isinstance(seq, int) or isinstance(seq, bool) or seq < 1:
        problems.append(((*at, "seq") if "seq" in data else at,
                         "missing key 'seq'" if "seq" not in data else "'seq' must be a whole number of 1 or more"))
    if "kind" not in data:
        problems.append((at, "missing key 'kind'"))
    if not is_timestamp(data.get("at")):
        problems.append(((*at, "at") if "at" in data else at,
                         "missing key 'at'" if "at" not in data else "'at' must be a date-time (YYYY-MM-DDTHH:MM:SS+hh:mm)"))
    fields = {k: v for k, v in data.items() if k not in RESERVED}
    if "kind" in data:
        problems += event_problems(data["kind"], fields, at)
    if problems:
        raise ShapeErrors(problems)
    return Event(seq, _KINDS[data["kind"]], data["at"], fields)


def meta_from_dict(data: Any, at: Path_ = ()) -> Meta:
    """A Meta from its plain form; ShapeErrors lists every problem."""
    if not isinstance(data, Mapping):
        raise ShapeErrors([(at, f"'meta' must be a mapping, not {_type_name(data)}")])
    problems: list[tuple[Path_, str]] = []

    def bad(key: str | int, message: str, *deeper: str | int) -> None:
        problems.append(((*at, key, *deeper), message))

    _check_keys(data, bad, problems, at)
    _check_identity(data, bad)
    _check_texts(data, bad)
    _check_links(data, bad)
    status = _status(data, bad)
    people = _participants(data, bad)
    tags = _tags(data, bad)
    versions = _bank_versions(data, bad)
    carried = _carried(data, bad)
    if problems:
        raise ShapeErrors(problems)
    return Meta(
        id=data["id"], script=data["script"].strip(), created=data["created"], updated=data["updated"],
        facilitator=data.get("facilitator") or "", participants=people, subject=data.get("subject") or "",
        tags=tags, status=status, bank_versions=versions, follows=data.get("follows"),
        prepared_by=data.get("prepared_by"), carried=carried,
    )


# The steps of meta_from_dict: each checks its keys, reports what is wrong through `bad(key, message)`,
# and returns what it read (the caller raises once every step has had its say).
Bad = Callable[..., None]  # bad(key, message, *deeper path)


def _check_keys(data: Mapping[str, Any], bad: Bad, problems: list[tuple[Path_, str]], at: Path_) -> None:
    """No unknown key (with the known one it was probably meant to be), none of the required ones missing."""
    for key in data:
        if key not in _META_KEYS:
            close = difflib.get_close_matches(str(key), _META_KEYS, n=1)
            bad(key, f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
    for key in ("id", "script", "created", "updated"):
        if key not in data:
            problems.append((at, f"missing key '{key}'"))


def _check_identity(data: Mapping[str, Any], bad: Bad) -> None:
    """The id, the script and the two timestamps, where given."""
    if "id" in data and not (isinstance(data["id"], str) and _ID.fullmatch(data["id"])):
        bad("id", "'id' must be letters, digits, '-' or '_' (at most 64)")
    if "script" in data and not (isinstance(data["script"], str) and data["script"].strip()):
        bad("script", "'script' must be non-empty text")
    for key in ("created", "updated"):
        if key in data and not is_timestamp(data[key]):
            bad(key, f"'{key}' must be a date-time (YYYY-MM-DDTHH:MM:SS+hh:mm)")


def _check_texts(data: Mapping[str, Any], bad: Bad) -> None:
    for key in ("facilitator", "subject"):
        if not isinstance(data.get(key, ""), str):
            bad(key, f"'{key}' must be text, not {_type_name(data[key])}")


def _check_links(data: Mapping[str, Any], bad: Bad) -> None:
    """A link to another transcript is its id or file name, never a path."""
    for key in ("follows", "prepared_by"):
        if data.get(key) is not None and not isinstance(data[key], str):
            bad(key, f"'{key}' must be a transcript id, not {_type_name(data[key])}")
        elif data.get(key) is not None and not _REF.fullmatch(data[key]):
            bad(key, f"'{key}' must be a transcript id or file name (letters, digits, '-' or '_'), not a path")


def _status(data: Mapping[str, Any], bad: Bad) -> str:
    status = data.get("status", "open")
    if status not in STATUSES:
        bad("status", f"unknown status '{status}' (expected one of: open, closed)")
    return status


def _participants(data: Mapping[str, Any], bad: Bad) -> tuple[Participant, ...]:
    participants = data.get("participants") or []
    if not isinstance(participants, list):
        bad("participants", f"'participants' must be a list, not {_type_name(participants)}")
        return ()
    people: list[Participant] = []
    for i, person in enumerate(participants):
        if not isinstance(person, Mapping) or set(person) - {"name", "role"} or not all(
            isinstance(person.get(k, ""), str) for k in ("name", "role")
        ):
            bad("participants", "a participant is a mapping with text 'name' and 'role'", i)
        else:
            people.append(Participant(person.get("name", ""), person.get("role", "")))
    return tuple(people)


def _tags(data: Mapping[str, Any], bad: Bad) -> tuple[str, ...]:
    tags = data.get("tags") or []
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        bad("tags", "'tags' must be a list of text")
        return ()
    return tuple(tags)


def _bank_versions(data: Mapping[str, Any], bad: Bad) -> dict[str, int]:
    versions = data.get("bank_versions") or {}
    if not isinstance(versions, Mapping) or not all(
        isinstance(v, int) and not isinstance(v, bool) for v in versions.values()
    ):
        bad("bank_versions", "'bank_versions' must map bank ids to version numbers")
        return {}
    return dict(versions)


def _carried(data: Mapping[str, Any], bad: Bad) -> Carried:
    """Any mapping of plain data: its shape is the Carried record's to read (assistant.core.carried)."""
    carried = data.get("carried") or {}
    if not isinstance(carried, Mapping):
        bad("carried", f"'carried' must be a mapping, not {_type_name(carried)}")
        return Carried()
    problem = _plain_problem(carried)
    if problem:
        bad("carried", f"'carried': {problem}")
        return Carried()
    return Carried.from_plain(plain(carried))


def transcript_from_dict(data: Any) -> Transcript:
    """A Transcript from the YAML file's data; ShapeErrors lists every problem with its path."""
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        found = data.get("format") if isinstance(data, Mapping) else None
        what = f"its format is '{found}'" if found else f"no 'format: {FORMAT}' at the top"
        raise ShapeErrors([((), f"not a Dialoog transcript ({what})")])
    problems: list[tuple[Path_, str]] = []
    for key in data:
        if key not in ("format", "meta", "events"):
            problems.append(((key,), f"unknown key '{key}' (expected: format, meta, events)"))
    meta = None
    try:
        meta = meta_from_dict(data.get("meta"), ("meta",))
    except ShapeErrors as exc:
        problems += exc.problems
    raw_events = data.get("events") or []
    events: list[Event] = []
    if not isinstance(raw_events, list):
        problems.append((("events",), f"'events' must be a list, not {_type_name(raw_events)}"))
        raw_events = []
    for i, raw in enumerate(raw_events):
        try:
            event = event_from_dict(raw, ("events", i))
        except ShapeErrors as exc:
            problems += exc.problems
            continue
        if events and event.seq <= events[-1].seq:
            problems.append((("events", i, "seq"), f"'seq' {event.seq} does not follow {events[-1].seq}: events are in order"))
            continue
        events.append(event)
    if problems or meta is None:
        raise ShapeErrors(problems)
    return with_derived_meta(meta, events)


def with_derived_meta(meta: Meta, events: list[Event] | tuple[Event, ...]) -> Transcript:
    """A transcript whose `updated` and `status` follow its events (the last close or reopen wins)."""
    status = meta.status
    for event in events:
        if event.kind is EventKind.CLOSE:
            status = "closed"
        elif event.kind is EventKind.REOPEN:
            status = "open"
    updated = events[-1].at if events and events[-1].at > meta.updated else meta.updated
    return Transcript(replace(meta, status=status, updated=updated), tuple(events))
