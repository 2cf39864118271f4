"""The prep sheet: one page to take into the parent conversation, from a finished preparation.

What a teacher and the CLB settled in a preparation (assistant.core.handover reads it): the focus
topics, the questions to ask first, what the school knows per topic, the sensitivities, the signals
and who does what. `dialoog summary` renders it for a preparation instead of the full summary; the
layout is assistant/templates/prep_sheet.md.j2, its fixed texts prep_texts.<lang>.md.j2.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from assistant.core.bank import Bank
from assistant.core.handover import PARENT_SCRIPT, read_preparation
from assistant.core.pseudonymise import Anonymised, vocabulary_of
from assistant.core.pseudonymise import anonymise as anonymise_transcripts
from assistant.core.summary import privacy_context
from assistant.core.questions import QuestionIndex
from assistant.core.templating import render
from assistant.core.transcript import Transcript


def _describe(transcript: Transcript) -> str:
    meta = transcript.meta
    return " · ".join(p for p in (meta.created[:10], meta.script, meta.subject) if p) + f" ({meta.id})"


def _links(transcript: Transcript, linked: list[Transcript]) -> list[tuple[str, str]]:
    """(kind, text) for the conversations this preparation is tied to; a missing one by its id."""
    by_id = {t.meta.id: t for t in linked}
    meta = transcript.meta
    refs = [("follows", meta.follows), *(("handed_over", ident) for ident in transcript.handovers())]
    return [(kind, _describe(by_id[ident]) if ident in by_id else ident) for kind, ident in refs if ident]


def render_prep_sheet(
    transcript: Transcript,
    banks: Mapping[str, Bank],
    *,
    scripts: Mapping[str, Any] | None = None,
    lang: str = "nl",
    anonymise: bool = False,
    linked: Iterable[Transcript] | None = None,
    anonymised: Anonymised | None = None,
) -> str:
    """The prep sheet of the preparation `transcript` as Markdown (CommonMark with tables).

    `scripts` (by id) gives the preparation's rules, for its signals as the answers stand, and the
    parent dialogue's order; without it the signals recorded during the preparation are shown.
    `linked` are the transcripts it refers to (the conversation started from it), described by date
    and subject; without them, by id. `anonymise`: as `render_summary`.
    """
    scripts = scripts or {}
    linked_list = list(linked or ())
    privacy = None
    if anonymise or anonymised is not None:
        done = anonymised or anonymise_transcripts(transcript, linked=linked_list, vocabulary=vocabulary_of(banks))
        transcript, linked_list, privacy = done.transcript, list(done.linked), privacy_context(done.report)
    prep = read_preparation(transcript, banks, prep_script=scripts.get(transcript.meta.script),
                            target_script=scripts.get(PARENT_SCRIPT))
    meta = transcript.meta
    index = QuestionIndex(banks)
    signals = []
    for signal in prep.signals:
        place = index.get(signal.get("trigger"))
        signals.append({"text": signal["text"], "rule": signal["rule"], "where": place.where if place else ""})
    context = {
        "privacy": privacy,
        "header": {
            "date": meta.created[:10],
            "facilitator": meta.facilitator,
            "participants": [(p.name, p.role) for p in meta.participants],
            "subject": meta.subject,
            "closed": meta.status == "closed",
            "links": _links(transcript, linked_list),
        },
        "focus": [t.title for t in prep.focus_topics],
        "first": prep.first,
        "topics": [t for t in prep.topics if t.known or t.to_learn],
        "sensitivities": prep.sensitivities,
        "signals": signals,
        "actions": prep.actions,
    }
    return render("prep_sheet.md.j2", lang, context)
