"""The summary of a conversation, made one way for the summary screen, the exports and `dialoog summary`."""

from __future__ import annotations

from typing import Any

from assistant.application.library import Library


def linked_transcripts(store: Any, transcript: Any) -> list[Any]:
    """The transcripts `transcript` refers to (the previous meeting, the preparation, the hand-overs); one
    that was deleted or damaged since is left out (the summary names its id)."""
    from assistant.core.store_errors import StoreError

    linked = []
    for ref in (transcript.meta.follows, transcript.meta.prepared_by, *transcript.handovers()):
        if ref:
            try:
                linked.append(store.load(ref))
            except StoreError:
                pass
    return linked


def anonymised_for(store: Any, library: Library, transcript: Any, *, extra: dict[str, str] | None = None,
                   checked: bool | None = None) -> Any:
    """The transcript (and its linked ones) anonymised with the decisions kept for it
    (assistant.core.pseudonym_choices); every other probable name hidden."""
    from assistant.core.pseudonym_choices import anonymised

    files = store.locate(transcript.meta.id)
    return anonymised(files, transcript, linked=linked_transcripts(store, transcript), banks=library.banks,
                      extra=extra, checked=checked)


def summarise(store: Any, library: Library, transcript: Any, *, lang: str = "nl", view: Any = None,
              anonymise: bool = False, anonymised: Any = None) -> str:
    """The summary's Markdown: for a preparation the one-page sheet for the parent conversation, else the
    summary with the engine's view (`view`, else evaluated here) and the linked transcripts.
    `anonymise`: anonymised with the decisions kept for it, or as `anonymised` (the check before sharing)
    left it. Raises StoreError when the transcript's files cannot be read."""
    from assistant.core.engine import evaluate
    from assistant.core.handover import is_preparation
    from assistant.core.summary import render_summary

    linked = linked_transcripts(store, transcript)
    if anonymise and anonymised is None:
        anonymised = anonymised_for(store, library, transcript)
    if is_preparation(transcript):
        from assistant.core.prepsheet import render_prep_sheet

        return render_prep_sheet(transcript, library.banks, scripts=library.scripts, lang=lang, linked=linked,
                                 anonymised=anonymised)
    script = library.scripts.get(transcript.meta.script)
    if view is None and script is not None:
        view = evaluate(script, library.banks, transcript)
    return render_summary(transcript, library.banks, view=view, script_title=script.title if script else None,
                          lang=lang, linked=linked, anonymised=anonymised)
