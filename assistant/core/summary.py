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
from assistant.core.effects import Suggestion, View, is_priority_key
from assistant.core.followup import open_actions, previous_answers, reviewed_actions, series, series_with, still_parked, suggested_next
from assistant.core.handover import prior_knowledge
from assistant.core.pseudonymise import Anonymised, Report, vocabulary_of
from assistant.core.pseudonymise import anonymise as anonymise_transcripts
from assistant.core.questions import Place, QuestionIndex
from assistant.core.sheet import render_sheet  # noqa: F401  (the other document of this module's family)
from assistant.core.templating import fixed_texts, render
from assistant.core.transcript import Decision, Flag, Transcript

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
    done: bool = False


@dataclass(frozen=True)
class CarriedAction:
    """An action agreed in an earlier meeting and where it stands after this one. `status`: done,
    partly, dropped, open, or "" when it was not looked at; `before`: a status given in a meeting
    before (partly done), with its note."""

    wat: str
    wie: str
    wanneer: str
    status: str = ""
    note: str = ""
    before: str = ""
    before_note: str = ""
    date: str = ""  # the day it was agreed


@dataclass(frozen=True)
class OpenAction:
    wat: str
    wie: str
    wanneer: str
    note: str = ""   # partly done: what is left


@dataclass(frozen=True)
class ScaleRow:
    label: str
    values: tuple[str, ...]  # one per column of the scales table


@dataclass(frozen=True)
class Topic:
    title: str
    groter: tuple[str, ...]
    kleiner: tuple[str, ...]
    speaker: str = ""
    notes: tuple[str, ...] = ()


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
    builder = _Summary(transcript, QuestionIndex(banks), view, previous, lang)
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

    def __init__(self, transcript: Transcript, index: QuestionIndex, view: View | None, previous: Any, lang: str = "nl"):
        self.t = transcript
        self.index = index
        self.view = view
        self.texts = fixed_texts(lang)
        self.answers = transcript.answers()
        self.answer_events = transcript.answer_events()
        self.carried = transcript.meta.carried
        self.previous = {q: e.get("value") for q, e in previous_answers(transcript).items()}  # last known, carried along
        self.previous_date = {q: str(e.get("date") or "") for q, e in previous_answers(transcript).items()}
        self.previous_meeting = previous if isinstance(previous, Transcript) else None
        if self.previous_meeting is not None:
            self.previous_date.update((q, self.previous_meeting.meta.created[:10]) for q in self.previous_meeting.answers())
        self.previous.update(previous.answers() if isinstance(previous, Transcript) else dict(previous or {}))
        self.notes: dict[str | None, list[str]] = {}
        self.adhoc_speakers: dict[str, str] = {}  # who answered an ad-hoc follow-up
        for event in transcript.notes():
            if event.get("suggestion"):  # the app records the answer to an ad-hoc follow-up as its note
                self.answers.setdefault(str(event.get("suggestion")), str(event.get("text", "")))
                self.adhoc_speakers.setdefault(str(event.get("suggestion")), str(event.get("speaker") or ""))
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
        if place is None:
            return None
        if place.question.type == AnswerType.FACTORS:  # its text names one side only: name the window
            return Ref(place.where, str(self.texts.window))
        return Ref(place.where, place.question.text)

    def as_text(self, question_id: str, value: Any) -> str:
        place = self.index.get(question_id)
        if place is None:
            return _plain(value)
        try:
            if place.question.type == AnswerType.FACTORS:  # each side under its own question, only those that name something
                labels = {"groter": str(self.texts.larger), "kleiner": str(self.texts.smaller)}
                return " ".join(f"{labels[side]} {', '.join(map(str, value[side]))}" for side in ("groter", "kleiner") if value.get(side))
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
        seen = {i.text for i in items}
        for key, event in sorted(self.t.decisions().items(), key=lambda kv: kv[1].seq):
            text = str(event.get("text") or "")
            if is_priority_key(key) and event.get("decision") == Decision.ACCEPTED and text and text not in seen:
                seen.add(text)  # a proposal the team took over: theirs now
                items.append(Item(text, self.ref(event.get("question")), str(event.get("because") or "")))
        return items

    def proposals(self, priorities: list[Item]) -> list[Item]:
        """The engine's priority hints nobody took over or turned down: proposals, never priorities."""
        decided = self.t.decisions()
        taken = {i.text for i in priorities}
        return [Item(h.text, self.ref(h.question_id), h.because) for h in (self.view.priority_hints if self.view else ())
                if h.key not in decided and h.text not in taken]

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

    def carried_actions(self) -> list[CarriedAction]:
        """Every action an earlier meeting left open, with where it stands after this one."""
        return [CarriedAction(*(str(a.get(f) or "") for f in ("wat", "wie", "wanneer", "status", "note", "before", "before_note",
                                                                "date")))
                for a in reviewed_actions(self.t) if a.get("wat")]

    def actions(self) -> list[ActionRow]:
        """This meeting's action plan: the rows of its action-plan answers, then the actions recorded one by one."""
        rows: list[ActionRow] = []
        for place in self.index:
            value = self.answers.get(place.question.id)
            if place.question.type == AnswerType.ACTIONS and isinstance(value, list):
                rows += [ActionRow(place.owner.title, *(str(r.get(f, "")) for f in ("wat", "wie", "wanneer", "check")))
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
        """Per topic, what makes the window larger and smaller (with who said it and the notes on it:
        the answers part does not repeat these answers)."""
        places = [p for p in self.index if p.question.type == AnswerType.FACTORS
                  and isinstance(self.answers.get(p.question.id), Mapping)]
        shared = _shared_owners(places)
        topics = []
        for place in places:
            qid = place.question.id
            value = self.answers[qid]
            event = self.answer_events.get(qid)
            title = f"{place.owner.title}: {place.question.text}" if place.owner.id in shared else place.owner.title
            topics.append(Topic(title, tuple(map(str, value.get("groter", ()))), tuple(map(str, value.get("kleiner", ()))),
                                str(event.get("speaker") or "") if event else "", tuple(self.notes.get(qid, ()))))
        return topics

    def scales(self) -> tuple[list[ScaleRow], list[str]]:
        """Each self-scale's score per meeting of the series (oldest first, this one last); the column
        heads are the meetings' dates, or the one word "score" for a meeting without earlier ones."""
        places = [p for p in self.index if p.question.type == AnswerType.SCALE]
        history = series(self.t)
        if not history:  # a follow-up from before the series was carried: last time's answers
            meeting = self.carried.from_meeting or (self.previous_meeting.meta.id if self.previous_meeting else "vorige")
            history = {q: [{"meeting": meeting, "date": self.previous_date.get(q, ""), "value": v}]
                       for q, v in self.previous.items()}
        columns: dict[str, str] = {}
        for place in places:
            for point in history.get(place.question.id, ()):
                columns.setdefault(str(point.get("meeting")), str(point.get("date") or ""))
        me = self.t.meta.id
        order = sorted(columns, key=lambda m: columns[m])
        places = [p for p in places if p.question.id in self.answers or p.question.id in history]
        shared = _shared_owners(places)
        rows = []
        for place in places:
            qid = place.question.id
            label = place.question.text if place.owner.id in shared else place.owner.title
            by_meeting = {str(p.get("meeting")): p.get("value") for p in history.get(qid, ())}
            if qid in self.answers:
                by_meeting[me] = self.answers[qid]
            values = tuple(self.as_text(qid, by_meeting[m]) if m in by_meeting else "" for m in [*order, me])
            rows.append(ScaleRow(label, values))
        heads = [columns[m] for m in order] + [self.t.meta.created[:10]] if order else []
        return rows, heads

    def groups(self) -> list[Group]:
        """The answers per section (a bank heading over each bank when there are several), then the
        answers to questions the banks do not know (a bank changed since the conversation)."""
        placed = self.placed_as_follow_up()
        shown: set[str] = set()
        several = len(self.banks) > 1
        groups: list[Group] = []
        for bank in self.banks:
            mine = [g for path, section in bank.walk_sections()
                    if (g := self.section_group(section, 2 + len(path) + several, len(path) == 1, placed, shown))]
            if mine and several:
                groups.append(Group(bank.title, 3))
            groups += mine
        other = self.other_answers()
        return groups + [Group("", 3, other, kind="other")] if other else groups

    def placed_as_follow_up(self) -> set[str]:
        """The questions shown under the answer that brought them up (not in their own section)."""
        placed: set[str] = set()
        for trigger, suggestions in self.follow_ups.items():
            if trigger in self.answers:
                placed |= {s.question_id for s in suggestions if s.question_id and s.question_id != trigger}
        return placed

    def section_group(self, section: Any, level: int, top: bool, placed: set[str], shown: set[str]) -> Group | None:
        """One section's answers, basic questions first (each with its follow-ups), with what the school knew
        of it; a top section with no answers of its own is a heading over its answered subsections."""
        chosen = [q for q in section.questions if q.id in self.answers and q.id not in placed]
        basis, deeper = (self.level_answers(chosen, wanted, shown) for wanted in (Level.BASIS, Level.VERDIEPEND))
        known = prior_knowledge(self.t, section.id) or ""
        if basis or deeper:
            return Group(section.title, level, basis + deeper, len(basis) if deeper else -1, known=known)
        if known or (top and any(q.id in self.answers for s in section.sections for q in s.questions)):
            return Group(section.title, level, known=known)
        return None

    def level_answers(self, chosen: list[Any], wanted: Level, shown: set[str]) -> tuple[Answer, ...]:
        answers: list[Answer] = []
        for question in (q for q in chosen if q.level == wanted):
            if not self.in_window(question.id):
                answers.append(self.answer(self.index.get(question.id), self.answers[question.id]))
            answers += self.follow_up_answers(question.id, shown, {question.id})
        return tuple(answers)

    def other_answers(self) -> tuple[Answer, ...]:
        """Answers to questions no bank knows (an ad-hoc follow-up is shown under its trigger instead)."""
        ad_hoc = {s.key for ss in self.follow_ups.values() for s in ss if not s.question_id}
        return tuple(Answer(question=q, kind="text", text=_plain(v), notes=tuple(self.notes.get(q, ())))
                     for q, v in self.answers.items() if q not in self.index and q not in ad_hoc)

    def in_window(self, question_id: str) -> bool:
        place = self.index.get(question_id)
        return bool(place) and place.question.type == AnswerType.FACTORS and isinstance(self.answers.get(question_id), Mapping)

    def follow_up_answers(self, trigger: str, shown: set[str], path: set[str]) -> list[Answer]:
        """The accepted follow-ups of `trigger` that were answered, depth first (each shown once)."""
        result = []
        for suggestion in self.follow_ups.get(trigger, ()):
            qid = suggestion.question_id or suggestion.key
            if qid in path or qid in shown or qid not in self.answers:
                continue
            shown.add(qid)
            place = self.index.get(suggestion.question_id)
            if place and self.in_window(qid):
                pass  # shown in the Window of Tolerance part, with its speaker and notes
            elif place:
                result.append(self.answer(place, self.answers[qid], follow_up=True, because=suggestion.because))
            else:
                result.append(Answer(suggestion.text, "text", _plain(self.answers[qid]), notes=tuple(self.notes.get(qid, ())),
                                     follow_up=True, because=suggestion.because, speaker=self.adhoc_speakers.get(qid, "")))
            result += self.follow_up_answers(qid, shown, path | {qid})
        return result

    def next_item(self, entry: Mapping[str, Any]) -> Item:
        """A parked or suggested question as the next meeting will see it proposed. A decision recorded
        with its key only is read with the engine's suggestion of that key, or the question its key names."""
        known = {s.key: s for s in (*(s for s, _ in self.view.decided), *self.view.suggestions)} if self.view else {}
        suggestion = known.get(str(entry.get("suggestion", "")))
        question = entry.get("question") or (suggestion.question_id if suggestion else None)
        key = str(entry.get("suggestion", ""))
        if not question and ":" in key and self.index.get(key.split(":", 1)[1]):
            question = key.split(":", 1)[1]
        trigger = entry.get("trigger") or (suggestion.trigger if suggestion else None)
        place = self.index.get(question) if isinstance(question, str) else None
        text = str(entry.get("text") or (suggestion.text if suggestion else "") or (place.question.text if place else "")
                   or question or key)
        ref = self.ref(trigger) if isinstance(trigger, str) and self.index.get(trigger) else (Ref(place.where, "") if place else None)
        because = str(entry.get("because") or (suggestion.because if suggestion else ""))
        return Item(text, ref, because)

    def next_meeting(self, priorities: list[Item]) -> dict[str, list[Any]]:
        """What the next meeting takes up: the same lists a follow-up carries (assistant.core.followup)."""
        parked_entries = still_parked(self.t)
        suggested_entries = suggested_next(self.t, self.view)
        decided = [s for s, _ in self.view.decided] if self.view else []
        listed = {e.get("question") for e in (*parked_entries, *suggested_entries)} | {s.question_id for s in decided}
        return {
            "parked": [self.next_item(e) for e in parked_entries],
            "suggestions": [self.next_item(e) for e in suggested_entries],
            "proposals": self.proposals(priorities),
            "unanswered": self.unanswered_basics(listed),
            "open_actions": self.still_open(),
        }

    def unanswered_basics(self, listed: set[Any]) -> list[Item]:
        """The basic questions of the banks walked that were shown and not answered, nor listed otherwise."""
        visible = set(self.view.visible) if self.view and self.view.visible else None
        in_use = {b.id for b in self.walked}
        return [
            Item(p.question.text, Ref(p.where, ""))
            for p in self.index
            if p.bank.id in in_use and p.question.level == Level.BASIS and p.question.id not in self.answers
            and p.question.id not in listed and (visible is None or p.question.id in visible)
        ]

    def still_open(self) -> list[OpenAction]:
        """Every action still open, a partly done one with its note."""
        return [OpenAction(*(str(a.get(f) or "") for f in ("wat", "wie", "wanneer")),
                           str(a.get("note") or "") if a.get("status") == "partly" else "") for a in open_actions(self.t)]

    def context(self, script_title: str | None, linked: list[Transcript]) -> dict[str, Any]:
        actions = self.actions()
        groups = self.groups()
        scales, scale_heads = self.scales()
        priorities = self.priorities()
        return {
            "header": self.header(script_title, linked),
            "priorities": priorities,
            "carried_actions": self.carried_actions(),
            "actions": actions,
            "action_topics": len({a.topic for a in actions if a.topic}) > 1,
            "signals": self.signals(),
            "strengths": self.flagged(Flag.STRENGTH, STRENGTH_TAG),
            "werkpunten": self.flagged(Flag.WERKPUNT, WERKPUNT_TAG),
            "window": self.window(),
            "scales": scales,
            "scale_heads": scale_heads,
            "groups": groups,
            "general_notes": self.notes.get(None, []),
            "next": self.next_meeting(priorities),
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

