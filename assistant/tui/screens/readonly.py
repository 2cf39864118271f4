"""A transcript read-only, as the chat it was: for the review (nothing can be changed here)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Static

from assistant.core.transcript import Transcript
from assistant.tui.textual_private import add_binding
from assistant.tui.widgets.keybar import KeyBar
from assistant.tui.widgets.chat import ChatLog


class ReadOnlyScreen(Screen[None]):
    def __init__(self, transcript: Transcript) -> None:
        super().__init__(classes="readonly")
        self.transcript = transcript
        self.strings = self.app.strings  # type: ignore[attr-defined]
        t = self.strings
        add_binding(self, Binding("escape", "close", t("app.back")))
        add_binding(self, Binding("s", "summary", t("review.summary")))

    def compose(self) -> ComposeResult:
        from assistant.core.questions import QuestionIndex

        library = self.app.library  # type: ignore[attr-defined]
        self.places = QuestionIndex(library.banks)
        meta = self.transcript.meta
        script = library.scripts.get(meta.script)
        title = " · ".join(p for p in (script.title if script else meta.script, meta.subject, meta.created[:10]) if p)
        yield Static(self.strings("view.title", title=title), id="topbar", markup=False)
        yield ChatLog(self.strings, self._question_text, id="log")
        yield KeyBar(wrap=True)  # every key shown, on a second line where the terminal is narrow

    def _question_text(self, question_id: str) -> str:
        place = self.places.get(question_id)
        return place.question.text if place else question_id

    async def on_mount(self) -> None:
        from assistant.core.effects import View
        from assistant.core.engine import evaluate
        from assistant.application.chatlog import build_log

        library = self.app.library  # type: ignore[attr-defined]
        script = library.scripts.get(self.transcript.meta.script)
        view = evaluate(script, library.banks, self.transcript) if script else View(None, (), (), (), (), ())
        entries = [e for e in build_log(self.transcript, view, self.places, None) if getattr(e, "kind", "") != "done"
                   and not (getattr(e, "kind", "") == "checklist")]
        log = self.query_one(ChatLog)
        log.follow = False  # a past conversation is read from its start (a live one keeps its end in view)
        await log.sync(entries)
        log.can_focus = True
        log.focus()

    def action_summary(self) -> None:
        self.app.open_summary(self.transcript, back="review")  # type: ignore[attr-defined]

    def action_close(self) -> None:
        self.app.pop_screen()
