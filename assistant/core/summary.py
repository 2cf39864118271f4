"""The Markdown summary handed out after a conversation: what was decided first, then what was said.

`render_summary` gathers what the transcript (and, when given, the engine's view of it) holds into
plain records, and the templates in assistant/templates/ lay them out. Answers reach the templates
as data and are escaped for Markdown there (assistant.core.templating), never rendered as templates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from assistant.core.answers import answer_as_text, count_cell
from assistant.core.bank import AnswerType, Bank, Level
from assistant.core.effects import Suggestion, View
from assistant.core.followup import previous_answers, still_parked
from assistant.core.handover import prior_knowledge
from assistant.core.pseudonymise import Anonymised, Report, vocabulary_of
from assistant.core.pseudonymise import anonymise as anonymise_transcripts
from assistant.core.questions import Place, QuestionIndex
from assistant.core.sheet import render_sheet  # noqa: F401  (the other document of this module's family)
from assistant.core.templating import render
from assistant.core.transcript import Decision, EventKind, Flag, Transcript

# Bank tags that mark the documents' own questions whose answers belong in the summary's lists.
PRIORITY_TAG = "prioriteit"
STRENGTH_TAG = "sterkte"
WERKPUNT_TAG = "werkpunt"

_LIST_MARKER = re.compile(r"^\s*(?:[-*•·–]|\d{1,2}[.)])\s+")


@dataclass(frozen=True)
class Ref:
    """The question a summary item came from."""

    where: str
    question: str


@dataclass(frozen=True)
class Item:
    text: str
    ref: Ref | None = None   # its question; a Ref without question text names only where it stands
    because: str = ""
    rule: str = ""           # signals only: the rule they come from


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]  # each row starts with its label


@dataclass(frozen=True)
class Answer:
    """One answered question. `kind`: text (paragraphs), short (one line), table (counts),
    actions / factors (shown in their own part above)."""

    question: str
    kind: str
    text: str = ""
    table: Table | None = None
    speaker: str = ""
    notes: tuple[str, ...] = ()
    follow_up: bool = False
    because: str = ""


@dataclass(frozen=True)
class Group:
    """The answers of one (sub)section: basis questions first, then from `deepening_at` on (-1: none)
    the deepening ones discussed. `kind` "other" holds the answers the banks no longer know."""

    title: str
    level: int
    answers: tuple[Answer, ...] = ()
    deepening_at: int = -1
    kind: str = "section"
    known: str = ""  # what the school already knew about this topic, from the preparation (handover)


@dataclass(frozen=True)
class ActionRow:
    topic: str
    wat: str
    wie: str
    wanneer: str
    check: str
    done: bool
    carried: bool = False  # agreed in an earlier meeting, to be checked off in this one


@dataclass(frozen=True)
class ScaleRow:
    label: str
    score: str
    previous: str


@dataclass(frozen=True)
class Topic:
    title: str
    groter: tuple[str, ...]
    kleiner: tuple[str, ...]


@dataclass(frozen=True)
class Link:
    kind: str  # follows | prepared_by | handed_over | linked
    text: str


def render_summary(
    transcript: Transcript,
    banks: Mapping[str, Bank] | Iterable[Bank],
    *,
    view: View | None = None,
    script_title: str | None = None,
    lang: str = "nl",
    anonymise: bool = False,
    previous: Transcript | Mapping[str, Any] | None = None,
    linked: Mapping[str, Transcript] | Iterable[Transcript] | None = None,
    anonymised: Anonymised | None = None,
) -> str:
    """The summary of `transcript` as Markdown (CommonMark with tables).

    `view` is the engine's view of this transcript (suggestions, signals, priority hints); without it
    the summary uses what the transcript recorded. `previous` is the previous meeting (its transcript
    or its answers by question id), whose self-scale scores are shown beside today's. `linked` are
    transcripts this one refers to (the previous meeting, the preparation), described in the header.
    `anonymise`: everything that identifies people replaced (assistant.core.pseudonymise), with nobody to
    ask; `anonymised`: the result of `anonymise_for_export` after a person checked it. Either way the
    summary says under its title what was replaced and whether a person checked.
    """
    linked_list = list(linked.values()) if isinstance(linked, Mapping) else list(linked or ())
    privacy = None
    if anonymise or anonymised is not None:
        done = anonymised or anonymise_transcripts(transcript, linked=linked_list, vocabulary=vocabulary_of(banks))
        transcript, linked_list, privacy = done.transcript, list(done.linked), privacy_context(done.report)
    if previous is None and transcript.meta.follows:
        previous = next((t for t in linked_list if t.meta.id == transcript.meta.follows), None)
    builder = _Summary(transcript, QuestionIndex(banks), view, previous)
    return render("summary.md.j2", lang, {**builder.context(script_title, linked_list), "privacy": privacy})


def privacy_context(report: Report) -> dict[str, Any]:
    """What the templates say about an anonymised document (assistant/templates/privacy.md.j2)."""
    order = ("persoon", "naam", "plaats", "adres", "telefoon", "e-mail", "link", "rekeningnummer",
             "rijksregisternummer", "geboortedatum", "nummer")
    kinds = [(kind, report.replaced[kind]) for kind in order if report.replaced.get(kind)]
    return {"kinds": kinds, "checked": report.checked, "kept": len(report.kept)}


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


def _plain(value: Any) -> str:
    """Any answer value as text, for answers whose question the banks no longer know."""
    if isinstance(value, Mapping):
        return "; ".join(f"{k}: {_plain(v)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def _duration(seconds: int) -> tuple[int, int]:
    minutes = (seconds + 30) // 60
    return divmod(minutes, 60)


class _Summary:
    """The summary's parts, derived once from one transcript."""

    def __init__(self, transcript: Transcript, index: QuestionIndex, view: View | None, previous: Any):
        self.t = transcript
        self.index = index
        self.view = view
        self.answers = transcript.answers()
        self.answer_events = transcript.answer_events()
        self.carried = transcript.meta.carried or {}
        self.previous = {q: e.get("value") for q, e in previous_answers(transcript).items()}  # last known, carried along
        self.previous.update(previous.answers() if isinstance(previous, Transcript) else dict(previous or {}))
        self.notes: dict[str | None, list[str]] = {}
        for event in transcript.notes():
            if event.get("suggestion"):  # the app records the answer to an ad-hoc follow-up as its note
                self.answers.setdefault(str(event.get("suggestion")), str(event.get("text", "")))
                continue
            self.notes.setdefault(event.get("question"), []).append(str(event.get("text", "")))
        self.follow_ups: dict[str, list[Suggestion]] = {}
        for suggestion, decision in view.decided if view else ():
            if decision == Decision.ACCEPTED and suggestion.trigger:
                self.follow_ups.setdefault(suggestion.trigger, []).append(suggestion)
        self.banks, self.walked = self._banks_in_use()

    # -- helpers ----------------------------------------------------------------------------------
    def _banks_in_use(self) -> tuple[list[Bank], list[Bank]]:
        """The banks whose answers are shown, and the banks the conversation walks (whose unanswered
        basis questions are listed for next time): the transcript names them, else what it touched."""
        named = {b.id for b in self.index.banks if b.id in self.t.meta.bank_versions}
        answered = {p.bank.id for q in self.answers if (p := self.index.get(q))}
        touched = set(self.answers) | set(self.t.deferred()) | self.t.selected() | {q for q, _ in self.t.flags()}
        if self.view:
            touched |= set(self.view.visible)
        walked = named or {p.bank.id for q in touched if (p := self.index.get(q))}
        return ([b for b in self.index.banks if b.id in named | answered],
                [b for b in self.index.banks if b.id in walked])

    def ref(self, question_id: str | None) -> Ref | None:
        place = self.index.get(question_id)
        return Ref(place.where, place.question.text) if place else None

    def as_text(self, question_id: str, value: Any) -> str:
        place = self.index.get(question_id)
        if place is None:
            return _plain(value)
        try:
            if place.question.type == AnswerType.FACTORS:  # only the sides that name something
                return "; ".join(f"{side}: {', '.join(map(str, value[side]))}" for side in ("groter", "kleiner") if value.get(side))
            return answer_as_text(place.question, value)
        except (TypeError, ValueError, KeyError, AttributeError):
            return _plain(value)  # a value that no longer fits its question: show it as it was saved

    def answer(self, place: Place, value: Any, *, follow_up: bool = False, because: str = "") -> Answer:
        question = place.question
        event = self.answer_events.get(question.id)
        common = {
            "question": question.text,
            "speaker": str(event.get("speaker", "")) if event else "",
            "notes": tuple(self.notes.get(question.id, ())),
            "follow_up": follow_up,
            "because": because,
        }
        kind = question.type
        try:
            if kind == AnswerType.TEXT:
                return Answer(kind="text", text=str(value), **common)
            if kind == AnswerType.COUNTS and isinstance(value, Mapping):
                columns = tuple(question.count_columns)
                rows = tuple((row, *(_cell_text(count_cell(value.get(row), c)) for c in columns)) for row in question.count_rows)
                return Answer(kind="table", table=Table(columns, rows), **common)
            if kind == AnswerType.ACTIONS and isinstance(value, list):
                return Answer(kind="actions", **common)
            if kind == AnswerType.FACTORS and isinstance(value, Mapping):
                return Answer(kind="factors", **common)
            return Answer(kind="short", text=answer_as_text(question, value), **common)
        except (TypeError, ValueError, KeyError, AttributeError):
            return Answer(kind="text", text=_plain(value), **common)

    # -- the parts, in the order of the summary -------------------------------------------------
    def header(self, script_title: str | None, linked: list[Transcript]) -> dict[str, Any]:
        meta = self.t.meta
        walked = self.walked or self.banks
        title = script_title or (walked[0].title if len(walked) == 1 else meta.script)
        hours, minutes = _duration(self.t.seconds_spent())
        links = []
        by_id = {t.meta.id: t for t in linked}
        refs = [("follows", meta.follows), ("prepared_by", meta.prepared_by)]
        refs += [("handed_over", ident) for ident in self.t.handovers()]  # a preparation: the conversations started from it
        for kind, ident in refs:
            if ident:
                links.append(Link(kind, _describe(by_id.pop(ident), meta.script) if ident in by_id else ident))
        links += [Link("linked", _describe(t, meta.script)) for t in by_id.values()]
        return {
            "title": title,
            "date": meta.created[:10],
            "spent": self.t.seconds_spent() > 0,
            "hours": hours,
            "minutes": minutes,
            "facilitator": meta.facilitator,
            "participants": [(p.name, p.role) for p in meta.participants],
            "subject": meta.subject,
            "closed": meta.status == "closed",
            "basis_only": self.t.basis_only(),
            "links": links,
            "sources": list(dict.fromkeys(b.source for b in self.walked or self.banks)),
        }

    def priorities(self) -> list[Item]:
        flags = [(e.get("rank"), e.seq, q) for (q, f), e in self.t.flags().items() if f is Flag.PRIORITY]
        ranked = sorted((r, s, q) for r, s, q in flags if isinstance(r, int) and not isinstance(r, bool))
        unranked = sorted((s, q) for r, s, q in flags if not isinstance(r, int) or isinstance(r, bool))
        flagged = {q for _, _, q in flags}
        items = [self.flag_item(q) for _, _, q in ranked]
        for place in self.index:
            if PRIORITY_TAG in place.question.tags and place.question.id in self.answers and place.question.id not in flagged:
                items += [Item(text, self.ref(place.question.id)) for text in self.listed(place)]
        items += [self.flag_item(q) for _, q in unranked]
        seen = {(i.text, i.ref) for i in items}
        for hint in self.view.priority_hints if self.view else ():
            item = Item(hint.text, self.ref(hint.question_id), hint.because)
            if (item.text, item.ref) not in seen:
                items.append(item)
        return items

    def flag_item(self, question_id: str) -> Item:
        ref = self.ref(question_id)
        if question_id in self.answers:
            return Item(self.as_text(question_id, self.answers[question_id]), ref)
        return Item(ref.question if ref else question_id, ref)

    def listed(self, place: Place) -> list[str]:
        """The answer to a list-like question ('Welke prioriteiten leggen we?') as its items."""
        value = self.answers[place.question.id]
        if place.question.type == AnswerType.TEXT and isinstance(value, str):
            lines = [_LIST_MARKER.sub("", line).strip() for line in value.splitlines()]
            return [line for line in lines if line] or [value]
        if place.question.type == AnswerType.MULTI_CHOICE and isinstance(value, list):
            return [str(v) for v in value]
        return [self.as_text(place.question.id, value)]

    def actions(self) -> list[ActionRow]:
        done = {e.get("action") for e in self.t.of_kind(EventKind.ACTION_DONE)}
        rows = [ActionRow("", *(str(a.get(f) or "") for f in ("wat", "wie", "wanneer", "check")), a.get("action") in done, True)
                for a in self.carried.get("actions") or () if isinstance(a, Mapping) and a.get("wat")]
        for place in self.index:
            value = self.answers.get(place.question.id)
            if place.question.type == AnswerType.ACTIONS and isinstance(value, list):
                rows += [ActionRow(place.owner.title, *(str(r.get(f, "")) for f in ("wat", "wie", "wanneer", "check")), False)
                         for r in value if isinstance(r, Mapping)]
        rows += [ActionRow("", a.wat, a.wie, a.wanneer, a.check, a.done) for a in self.t.actions()]
        return rows

    def signals(self) -> list[Item]:
        items: dict[str, Item] = {}
        for rule, event in self.t.signals().items():
            items[rule] = Item(str(event.get("text", "")), self.ref(event.get("trigger")), str(event.get("because", "")), rule)
        for signal in self.view.signals if self.view else ():
            items[signal.rule_id] = Item(signal.text, self.ref(signal.trigger), signal.because, signal.rule_id)
        return list(items.values())

    def flagged(self, flag: Flag, tag: str) -> list[Item]:
        flagged = [q for (q, f), _ in sorted(self.t.flags().items(), key=lambda kv: kv[1].seq) if f is flag]
        items = [self.flag_item(q) for q in flagged]
        for place in self.index:  # a tagged question that was also flagged is listed once
            if tag in place.question.tags and place.question.id in self.answers and place.question.id not in flagged:
                items += [Item(text, self.ref(place.question.id)) for text in self.listed(place)]
        return items

    def window(self) -> list[Topic]:
        places = [p for p in self.index if p.question.type == AnswerType.FACTORS
                  and isinstance(self.answers.get(p.question.id), Mapping)]
        shared = _shared_owners(places)
        topics = []
        for place in places:
            value = self.answers[place.question.id]
            title = f"{place.owner.title}: {place.question.text}" if place.owner.id in shared else place.owner.title
            topics.append(Topic(title, tuple(map(str, value.get("groter", ()))), tuple(map(str, value.get("kleiner", ())))))
        return topics

    def scales(self) -> tuple[list[ScaleRow], bool]:
        places = [p for p in self.index if p.question.type == AnswerType.SCALE
                  and (p.question.id in self.answers or p.question.id in self.previous)]
        shared = _shared_owners(places)
        rows = []
        for place in places:
            qid = place.question.id
            label = place.question.text if place.owner.id in shared else place.owner.title
            now = self.as_text(qid, self.answers[qid]) if qid in self.answers else ""
            before = self.as_text(qid, self.previous[qid]) if qid in self.previous else ""
            rows.append(ScaleRow(label, now, before))
        return rows, any(r.previous for r in rows)

    def groups(self) -> list[Group]:
        """The answers per section (a bank heading over each bank when there are several), then the
        answers to questions the banks do not know (a bank changed since the conversation)."""
        placed_as_follow_up: set[str] = set()
        for trigger, suggestions in self.follow_ups.items():
            if trigger in self.answers:
                placed_as_follow_up |= {s.question_id for s in suggestions if s.question_id and s.question_id != trigger}
        shown: set[str] = set()
        several = len(self.banks) > 1
        groups: list[Group] = []
        for bank in self.banks:
            mine: list[Group] = []
            for path, section in bank.walk_sections():
                chosen = [q for q in section.questions if q.id in self.answers and q.id not in placed_as_follow_up]
                parts = []
                for wanted in (Level.BASIS, Level.VERDIEPEND):
                    answers: list[Answer] = []
                    for question in (q for q in chosen if q.level == wanted):
                        answers.append(self.answer(self.index.get(question.id), self.answers[question.id]))
                        answers += self.follow_up_answers(question.id, shown, {question.id})
                    parts.append(tuple(answers))
                level = 2 + len(path) + several
                known = prior_knowledge(self.t, section.id) or ""
                if parts[0] or parts[1]:
                    mine.append(Group(section.title, level, parts[0] + parts[1], len(parts[0]) if parts[1] else -1, known=known))
                elif known or (len(path) == 1 and any(q.id in self.answers for s in section.sections for q in s.questions)):
                    mine.append(Group(section.title, level, known=known))  # a heading over answered subsections
            if mine and several:
                groups.append(Group(bank.title, 3))
            groups += mine
        ad_hoc = {s.key for ss in self.follow_ups.values() for s in ss if not s.question_id}
        other = tuple(Answer(question=q, kind="text", text=_plain(v), notes=tuple(self.notes.get(q, ())))
                      for q, v in self.answers.items() if q not in self.index and q not in ad_hoc)
        return groups + [Group("", 3, other, kind="other")] if other else groups

    def follow_up_answers(self, trigger: str, shown: set[str], path: set[str]) -> list[Answer]:
        """The accepted follow-ups of `trigger` that were answered, depth first (each shown once)."""
        result = []
        for suggestion in self.follow_ups.get(trigger, ()):
            qid = suggestion.question_id or suggestion.key
            if qid in path or qid in shown or qid not in self.answers:
                continue
            shown.add(qid)
            place = self.index.get(suggestion.question_id)
            if place:
                result.append(self.answer(place, self.answers[qid], follow_up=True, because=suggestion.because))
            else:
                result.append(Answer(suggestion.text, "text", _plain(self.answers[qid]), notes=tuple(self.notes.get(qid, ())),
                                     follow_up=True, because=suggestion.because))
            result += self.follow_up_answers(qid, shown, path | {qid})
        return result

    def next_meeting(self, actions: list[ActionRow]) -> dict[str, list[Any]]:
        decided = [(s, str(d)) for s, d in self.view.decided] if self.view else []
        known = {s.key: s for s, _ in decided}
        parked: list[Item] = []
        parked_ids: set[str] = set()
        for entry in still_parked(self.t):  # this meeting's and the ones inherited and not dealt with
            question = entry.get("question")
            suggestion = known.get(entry.get("suggestion", ""))
            question = suggestion.question_id if suggestion else question
            if question in self.answers or question in parked_ids:
                continue
            if question:
                parked_ids.add(question)
            if suggestion:
                parked.append(Item(suggestion.text, self.ref(suggestion.trigger), suggestion.because))
            elif "suggestion" not in entry and (ref := self.ref(question)):
                parked.append(Item(ref.question, Ref(ref.where, "")))
            elif entry.get("text") or question:
                parked.append(Item(str(entry.get("text") or question)))
        suggestions = [Item(s.text, self.ref(s.trigger), s.because) for s in self.view.suggestions] if self.view else []
        for suggestion, decision in decided:
            qid = suggestion.question_id or suggestion.key
            if decision == Decision.ACCEPTED and qid not in self.answers:
                suggestions.append(Item(suggestion.text, self.ref(suggestion.trigger), suggestion.because))
        visible = set(self.view.visible) if self.view and self.view.visible else None
        in_use = {b.id for b in self.walked}
        listed = parked_ids | {s.question_id for s, _ in decided} | {s.question_id for s in (self.view.suggestions if self.view else ())}
        unanswered = [
            Item(p.question.text, Ref(p.where, ""))
            for p in self.index
            if p.bank.id in in_use and p.question.level == Level.BASIS and p.question.id not in self.answers
            and p.question.id not in listed and (visible is None or p.question.id in visible)
        ]
        return {
            "parked": parked,
            "suggestions": suggestions,
            "unanswered": unanswered,
            "open_actions": [a for a in actions if not a.done],
        }

    def context(self, script_title: str | None, linked: list[Transcript]) -> dict[str, Any]:
        actions = self.actions()
        groups = self.groups()
        scales, with_previous = self.scales()
        return {
            "header": self.header(script_title, linked),
            "priorities": self.priorities(),
            "actions": actions,
            "action_topics": len({a.topic for a in actions if a.topic}) > 1,
            "signals": self.signals(),
            "strengths": self.flagged(Flag.STRENGTH, STRENGTH_TAG),
            "werkpunten": self.flagged(Flag.WERKPUNT, WERKPUNT_TAG),
            "window": self.window(),
            "scales": scales,
            "with_previous": with_previous,
            "groups": groups,
            "general_notes": self.notes.get(None, []),
            "next": self.next_meeting(actions),
        }


def _shared_owners(places: list[Place]) -> set[str]:
    """Sections holding more than one of these questions: their rows need the question's text too."""
    seen: dict[str, int] = {}
    for place in places:
        seen[place.owner.id] = seen.get(place.owner.id, 0) + 1
    return {owner for owner, count in seen.items() if count > 1}


def _describe(transcript: Transcript, script: str) -> str:
    meta = transcript.meta
    parts = [meta.created[:10], meta.script if meta.script != script else "", meta.subject]
    return " · ".join(p for p in parts if p) + f" ({meta.id})"

