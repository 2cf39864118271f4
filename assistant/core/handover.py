"""From a preparation to the parent conversation: what a teacher and the CLB prepared, carried along.

A preparation (script `parent_prep`, bank ids `prep.*`) ends with the focus of the parent dialogue:
the topics and the parent-dialogue questions to ask first, what the school already knows per topic,
and the sensitivities to keep in mind; its rules raise the zorgcontinuüm signals. `start_from_preparation`
creates the parent conversation from it. The new transcript's `meta.prepared_by` names the preparation
and `meta.carried` (an assistant.core.carried.Carried) holds, stored as plain data:

    preparation       the preparation's id; preparation_date: its creation date (YYYY-MM-DD)
    focus_topics      the topics chosen, as written in the preparation ("thuis", "school" ...)
    first             the parent-dialogue question ids to ask first (the engine asks them first)
    sections_first    the parent-dialogue sections of the focus topics (the engine walks them next)
    known             {section id: what the school already knew about that topic}
    to_learn          {section id: what the school wants to learn from the parents}
    sensitivities     the sensitivities to keep in mind (text)
    signals           the preparation's signals: [{rule, text, because, trigger}]

The signals are also recorded as SIGNAL events of the new transcript, so its summary lists them. The
preparation gets a HANDOVER event naming the new transcript: the link is part of its history (when,
and to which conversation), shown by `dialoog show` and in its summary and prep sheet, and nothing
in the transcript format had to change for transcripts without it. Recording it needs the
preparation's lock: pass the app's open Session of the preparation, or its reference and this module
takes the lock for a moment (a closed preparation is reopened for the one event and closed again).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assistant.core.bank import AnswerType, Bank
from assistant.core.carried import Carried
from assistant.core.engine import evaluate
from assistant.core.questions import QuestionIndex
from assistant.core.session import Session, as_participants
from assistant.core.store_errors import SaveError
from assistant.core.transcript import ActionItem, EventKind, Transcript
from assistant.core.transcript_codec import plain

# The preparation bank's questions this module reads (assistant/question_banks/parent_prep.yaml).
PREP_SCRIPT = "parent_prep"
PARENT_SCRIPT = "parent_dialogue"
FOCUS_TOPICS = "prep.focus.topics"
FOCUS_QUESTIONS = "prep.focus.vragen"
SENSITIVITIES = "prep.focus.gevoeligheden"
TOPICS = ("thuis", "school", "sociaal", "individu", "cultuur")  # when the bank is not at hand


def known_id(topic: str) -> str:
    """The preparation's question 'what does the school already know' about `topic`."""
    return f"prep.{topic}.gekend"


def to_learn_id(topic: str) -> str:
    """The preparation's question 'what does the school want to learn from the parents' about `topic`."""
    return f"prep.{topic}.te-weten"


@dataclass(frozen=True)
class TopicNotes:
    """What the preparation says about one topic of the parent dialogue."""

    topic: str                   # as written in the preparation: "thuis"
    section: str | None          # the parent dialogue's section for it: "thuis"
    title: str                   # that section's title ("Thuis"), else the topic
    known: str = ""
    to_learn: str = ""
    focus: bool = False


@dataclass(frozen=True)
class FirstQuestion:
    question_id: str | None      # None: a chosen text the parent dialogue no longer has
    text: str
    topic: str                   # the title of its parent-dialogue section ("" when unknown)


@dataclass(frozen=True)
class Preparation:
    """A preparation read once: what the prep sheet shows and what the hand-over carries."""

    transcript: Transcript
    topics: tuple[TopicNotes, ...]         # every topic, in the preparation's order
    first: tuple[FirstQuestion, ...]       # focus topics first, each in the parent dialogue's order
    sensitivities: str
    signals: tuple[dict[str, str], ...]    # {rule, text, because, [trigger]}
    actions: tuple[ActionItem, ...]

    @property
    def focus_topics(self) -> tuple[TopicNotes, ...]:
        return tuple(t for t in self.topics if t.focus)

    def carried(self) -> Carried:
        """The `meta.carried` of the conversation started from this preparation."""
        meta = self.transcript.meta
        return Carried.from_plain(plain({
            "preparation": meta.id,
            "preparation_date": meta.created[:10],
            "focus_topics": [t.topic for t in self.focus_topics],
            "first": [q.question_id for q in self.first if q.question_id],
            "sections_first": [t.section for t in self.focus_topics if t.section],
            "known": {t.section: t.known for t in self.topics if t.section and t.known},
            "to_learn": {t.section: t.to_learn for t in self.topics if t.section and t.to_learn},
            "sensitivities": self.sensitivities,
            "signals": list(self.signals),
        }))


def is_preparation(transcript: Transcript) -> bool:
    return transcript.meta.script == PREP_SCRIPT


def handover_details(preparation: Transcript) -> dict[str, Any]:
    """The details the parent conversation takes over from the preparation unless it is given others:
    the pupil, the facilitator and the tags (the app's details form starts from them). The people who
    take part are not taken over: the parents join, who were not at the preparation."""
    meta = preparation.meta
    return {"subject": meta.subject, "facilitator": meta.facilitator, "tags": tuple(meta.tags)}


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _words(text: str) -> str:
    return " ".join(text.split())


def _chosen(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _topics(banks: Mapping[str, Bank]) -> tuple[str, ...]:
    index = QuestionIndex(banks)
    place = index.get(FOCUS_TOPICS)
    return tuple(place.question.options) if place and place.question.options else TOPICS


def _section_for(topic: str, target_banks: list[Bank]) -> tuple[str | None, str]:
    """The parent dialogue's top-level section for a topic: its id is the topic, or its title is."""
    for bank in target_banks:
        for section in bank.sections:
            if section.id == topic or section.title.casefold() == topic.casefold():
                return section.id, section.title
    return None, topic.capitalize()


def _first_questions(texts: list[str], focus_sections: list[str], target_banks: list[Bank],
                     section_order: list[str]) -> list[FirstQuestion]:
    """Each chosen text as the parent-dialogue question(s) that have it. A text several topics share
    ("Wat maakt het raam groter?") stands for its question in each focus topic (in every topic when no
    topic was chosen). Ordered by topic (focus topics first), then as the parent dialogue asks them."""
    index = QuestionIndex(target_banks)
    by_text: dict[str, list[Any]] = {}
    for place in index:
        by_text.setdefault(_words(place.question.text), []).append(place)
    found: dict[str, Any] = {}
    missing: list[FirstQuestion] = []
    for text in texts:
        places = by_text.get(_words(text), [])
        if not places:
            missing.append(FirstQuestion(None, text, ""))
            continue
        if len(places) > 1 and focus_sections:
            places = [p for p in places if p.section.id in focus_sections] or places
        found.update((p.question.id, p) for p in places if p.question.id not in found)
    rank = {section: i for i, section in enumerate(dict.fromkeys([*focus_sections, *section_order]))}
    ordered = sorted(found.values(), key=lambda p: (rank.get(p.section.id, len(rank)), p.order))
    return [FirstQuestion(p.question.id, p.question.text, p.section.title) for p in ordered] + missing


def _signals(prep: Transcript, banks: Mapping[str, Bank], script: Any | None) -> list[dict[str, str]]:
    """The preparation's signals as its answers stand now (the engine's), plus recorded ones whose rule
    the script no longer has. A signal recorded earlier whose rule no longer fires (an answer was
    corrected) is not carried: the parent conversation should not start from a mistake."""
    result: dict[str, dict[str, str]] = {}
    rules = {rule.id for rule in script.rules} if script is not None else set()
    for rule, event in prep.signals().items():
        if rule not in rules:
            item = {"rule": rule, "text": str(event.get("text", "")), "because": str(event.get("because", ""))}
            if event.get("trigger"):
                item["trigger"] = str(event.get("trigger"))
            result[rule] = item
    if script is not None:
        for signal in evaluate(script, banks, prep).signals:
            item = {"rule": signal.rule_id, "text": signal.text, "because": signal.because}
            if signal.trigger:
                item["trigger"] = signal.trigger
            result[signal.rule_id] = item
    return list(result.values())


def _actions(prep: Transcript, index: QuestionIndex) -> list[ActionItem]:
    """Who does what: the rows of any action-plan answer, then the actions recorded in the meeting."""
    answers = prep.answers()
    rows: list[ActionItem] = []
    for place in index:
        value = answers.get(place.question.id)
        if place.question.type == AnswerType.ACTIONS and isinstance(value, list):
            rows += [ActionItem(place.question.id, *(str(r.get(f) or "") for f in ("wat", "wie", "wanneer", "check")))
                     for r in value if isinstance(r, Mapping) and r.get("wat")]
    return rows + prep.actions()


def read_preparation(prep: Transcript, banks: Mapping[str, Bank], *, prep_script: Any | None = None,
                     target_script: Any | None = None) -> Preparation:
    """What the preparation `prep` settled, read against the banks; `prep_script` (the preparation's
    script) gives the signals as the answers stand, `target_script` (the parent dialogue's) the order
    of its sections. Without them, the recorded signals and the banks' order are used."""
    answers = prep.answers()
    target_ids = target_script.banks if target_script is not None else (PARENT_SCRIPT,)
    target_banks = [banks[b] for b in target_ids if b in banks]
    section_order = list(target_script.sections) if target_script is not None else [
        s.id for bank in target_banks for s in bank.sections]
    chosen_topics = _chosen(answers.get(FOCUS_TOPICS))
    topics: list[TopicNotes] = []
    for topic in dict.fromkeys([*_topics(banks), *chosen_topics]):
        section, title = _section_for(topic, target_banks)
        topics.append(TopicNotes(topic, section, title, _text(answers.get(known_id(topic))),
                                 _text(answers.get(to_learn_id(topic))), topic in chosen_topics))
    focus_sections = [t.section for t in topics if t.focus and t.section]
    first = _first_questions(_chosen(answers.get(FOCUS_QUESTIONS)), focus_sections, target_banks, section_order)
    return Preparation(
        transcript=prep,
        topics=tuple(topics),
        first=tuple(first),
        sensitivities=_text(answers.get(SENSITIVITIES)),
        signals=tuple(_signals(prep, banks, prep_script)),
        actions=tuple(_actions(prep, QuestionIndex(banks))),
    )


def start_from_preparation(store: Any, prep: str | os.PathLike[str] | Session, *, banks: Mapping[str, Bank],
                           scripts: Mapping[str, Any], script: str = PARENT_SCRIPT, **meta: Any) -> Session:
    """Create (and hold open) the parent conversation prepared by `prep`, and link the two.

    `prep` is the preparation's reference (id, file name or path) or, when the caller holds it open
    (the app, on finishing the preparation), its Session. `banks` and `scripts` are the library (the
    app's, or the bundled ones). `meta` sets the new transcript's facilitator, subject, participants,
    tags or follows (a previous parent conversation, whose carried material comes along too); subject,
    facilitator and tags default to the preparation's. Raises ValueError when `prep` is not a
    preparation or `script` is unknown, LockedError when another process has the preparation open,
    StoreError/SaveError when the store cannot be written. When only the link in the preparation could
    not be saved, the new session is returned with a warning in `session.warnings`.
    """
    target = scripts.get(script)
    if target is None:
        raise ValueError(f"unknown script '{script}' (known: {', '.join(sorted(scripts)) or '-'})")
    held = prep if isinstance(prep, Session) else None
    prepared = held.transcript if held is not None else store.load(prep)
    if not is_preparation(prepared):
        raise ValueError(f"{prepared.meta.id} is a '{prepared.meta.script}' conversation, not a preparation "
                         f"('{PREP_SCRIPT}')")
    was_closed = prepared.meta.status == "closed"
    if held is None:  # take the lock first: a preparation open elsewhere is reported before anything is made
        held = store.resume(prep, reopen=True)
        prepared = held.transcript
    owned = held is not prep
    session: Session | None = None
    try:
        session = _create(store, read_preparation(prepared, banks, prep_script=scripts.get(PREP_SCRIPT),
                                                  target_script=target), target, banks, meta, scripts)
        try:
            held.record(EventKind.HANDOVER, transcript=session.id, script=target.id)
        except SaveError as exc:  # kept in the preparation's session, which saves it with its next event
            session.warnings.append(f"the link in the preparation {prepared.meta.id} is not saved yet: {exc}")
    finally:
        if owned:
            try:
                held.close("closed" if was_closed else None)
            except SaveError as exc:
                if session is not None:
                    session.warnings.append(str(exc))
    return session


def _create(store: Any, preparation: Preparation, target: Any, banks: Mapping[str, Bank],
            meta: dict[str, Any], scripts: Mapping[str, Any]) -> Session:
    old = preparation.transcript.meta
    fields: dict[str, Any] = {**handover_details(preparation.transcript),
                              "bank_versions": {b: banks[b].version for b in target.banks if b in banks}}
    fields.update(meta)
    fields["participants"] = as_participants(fields.get("participants"))
    fields["tags"] = tuple(fields["tags"])
    carried = preparation.carried()
    if fields.get("follows"):
        from assistant.core.followup import carry_over, view_of

        previous = store.load(fields["follows"])
        fields["follows"] = previous.meta.id
        carried = carry_over(previous, view_of(previous, banks, scripts)).with_(carried)
    fields["prepared_by"] = old.id
    fields["carried"] = carried
    session = store.create(Transcript.new(target.id, **fields))
    try:
        for signal in preparation.signals:
            session.record(EventKind.SIGNAL, **signal, preparation=old.id)
    except SaveError as exc:
        session.warnings.append(str(exc))  # kept in memory; the next answer saves them first
    return session


# -- what the parent conversation shows -------------------------------------------------------------
# What the school told the CLB in the preparation: its sensitivities, and per topic what it already knew
# and wants to learn. Sensitive: kept off the shared screen of the parent conversation (the parents may
# see it) until the facilitator opens it (the app's prep notes, F12): `Carried.sensitivities`, `.known`, `.to_learn`.


def has_sensitive_notes(transcript: Transcript) -> bool:
    """Whether the preparation this conversation started from left any sensitive note."""
    carried = transcript.meta.carried
    return any(_has_text(value) for value in (carried.sensitivities, carried.known, carried.to_learn))


def _has_text(value: Any) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, Mapping):
        return any(_has_text(v) for v in value.values())
    return False


def _by_section(notes: Mapping[str, str], section_id: str) -> str | None:
    return (notes.get(section_id) or "").strip() or None


def prior_knowledge(transcript: Transcript, section_id: str) -> str | None:
    """What the school already knew about this topic (a section of the parent dialogue), from the
    preparation; None when nothing was noted. Shown beside the topic while it is discussed."""
    return _by_section(transcript.meta.carried.known, section_id)


def to_learn(transcript: Transcript, section_id: str) -> str | None:
    """What the school wanted to learn from the parents about this topic, from the preparation."""
    return _by_section(transcript.meta.carried.to_learn, section_id)


def sensitivities(transcript: Transcript) -> str | None:
    """The sensitivities the preparation asks to keep in mind during the conversation."""
    return transcript.meta.carried.sensitivities.strip() or None


def focus_topics(transcript: Transcript) -> list[str]:
    return list(transcript.meta.carried.focus_topics)


def carried_signals(transcript: Transcript) -> list[dict[str, str]]:
    """The preparation's signals this conversation carries ({rule, text, because, [trigger]})."""
    return [dict(v) for v in transcript.meta.carried.signals if v.get("rule")]

