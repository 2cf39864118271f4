"""The summary of a conversation, rendered by the core and shown with Textual's Markdown widget.

Save and export run in a worker with a visible indicator; the screen never writes files itself
(assistant.core.exports does). Opened after finishing, from the conversation (F9), or from the review.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any, Literal

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from assistant.core.transcript import Transcript
from assistant.tui.widgets.keybar import KeyBar
from assistant.tui.palette import ActionsProvider
from assistant.tui.actions import SUMMARY, install

Back = Literal["home", "conversation", "review"]


def render_for(app: Any, transcript: Transcript, meeting: Any = None, *, anonymise: bool = False,
               anonymised: Any = None) -> str:
    """The summary's Markdown as `dialoog summary` makes it, with the open meeting's view if there is one."""
    from assistant.application.summaries import summarise

    return summarise(app.store, app.library, transcript, lang=app.settings.lang,
                     view=meeting.view if meeting is not None else None, anonymise=anonymise, anonymised=anonymised)


def anonymised_for(app: Any, transcript: Transcript, *, extra: dict[str, str] | None = None,
                   checked: bool | None = None) -> Any:
    """The transcript (and its linked ones) anonymised with the decisions kept for it."""
    from assistant.application import summaries

    return summaries.anonymised_for(app.store, app.library, transcript, extra=extra, checked=checked)


def export_summary(app: Any, transcript: Transcript, *, anonymise: bool, meeting: Any = None,
                   shown: str = "", anonymised: Any = None, word: bool = False) -> tuple[str, bool]:
    """Save the summary, with names or anonymised, as Markdown or (`word`) as a Word file, in the store's
    exports folder (assistant.core.exports): the one export of the summary screen and the review.
    `shown`: the Markdown already on screen (with names); `anonymised`: the transcript as the check before
    sharing left it. Returns the status line's message and whether it failed; never raises (it runs in a
    worker)."""
    from assistant.core import durable
    from assistant.core.exports import save_summary
    from assistant.core.outputs import OutputError
    from assistant.core.transcript_files import file_stem

    t = app.strings
    try:
        text = shown if shown and not anonymise else render_for(app, transcript, meeting, anonymise=anonymise,
                                                                anonymised=anonymised)
        path = save_summary(app.store.root, file_stem(transcript), text, anonymised=anonymise, word=word)
    except OSError as exc:
        return t("app.saving_failed", reason=durable.reason(exc)), True
    except OutputError as exc:  # a link or a device where the summary goes, a full disk
        return t.store_error(exc), True
    except Exception as exc:  # a summary that cannot be made: say why, keep the screen
        return t("summary.unavailable", reason=exc), True
    done = "export.anonymous_done" if anonymise else "export.word_done" if word else "export.named_done"
    return t(done, path=path), False


def export_anonymous(screen: Any, transcript: Transcript, status: Callable[..., None], meeting: Any = None) -> None:
    """The anonymised export, with the check before sharing: what the program could not decide (and was not
    decided for this transcript before) is shown in the check dialog first; its decisions are kept with
    the transcript; nothing is written when the facilitator calls it off. The slow parts run in workers."""
    from assistant.core import durable
    from assistant.core.pseudonym_choices import save
    from assistant.tui.dialogs.anonymise_check import AnonymiseCheckDialog

    app = screen.app
    t = app.strings

    def prepare() -> None:
        try:
            done = anonymised_for(app, transcript)
        except Exception as exc:  # a transcript that cannot be read now: say why
            app.call_from_thread(status, t("summary.unavailable", reason=exc), True)
            return
        if done.report.undecided:
            app.call_from_thread(ask, done)
        else:
            app.call_from_thread(status, *export_summary(app, transcript, anonymise=True, meeting=meeting, anonymised=done))

    def ask(done: Any) -> None:
        app.push_screen(AnonymiseCheckDialog(done.report.findings, dict(done.report.decided)), chosen)

    def chosen(decisions: dict[str, str] | None) -> None:
        if decisions is None:
            status(t("export.cancelled"))
            return
        status(t("app.working"))
        screen.run_worker(partial(write, decisions), thread=True, exclusive=True, group="export")

    def write(decisions: dict[str, str]) -> None:
        try:
            save(app.store.locate(transcript.meta.id), decisions)
            done = anonymised_for(app, transcript, extra=decisions, checked=True)
        except OSError as exc:
            app.call_from_thread(status, t("app.saving_failed", reason=durable.reason(exc)), True)
            return
        except Exception as exc:
            app.call_from_thread(status, t("summary.unavailable", reason=exc), True)
            return
        app.call_from_thread(status, *export_summary(app, transcript, anonymise=True, meeting=meeting, anonymised=done))

    status(t("app.working"))
    screen.run_worker(prepare, thread=True, exclusive=True, group="export")


class SummaryScreen(Screen[None]):
    ACTIONS = SUMMARY  # its keys, key bar and palette entries (assistant.tui.actions)
    COMMANDS = {ActionsProvider}

    def __init__(self, transcript: Transcript, *, meeting: Any = None, back: Back = "home") -> None:
        super().__init__(classes="summary")
        self.transcript = transcript
        self.meeting = meeting
        self.back = back
        self.strings = self.app.strings  # type: ignore[attr-defined]
        install(self, self.ACTIONS, self.strings)
        self.markdown = ""

    def compose(self) -> ComposeResult:
        yield Static(self.strings("summary.title"), id="summary-title", markup=False)
        with VerticalScroll(id="summary-scroll"):
            yield LoadingIndicator(id="summary-loading")
        yield Static("", id="summary-status", markup=False)
        yield KeyBar(wrap=True)  # both exports are named in full: two lines at 80 columns

    async def on_mount(self) -> None:
        from textual.widgets import Markdown

        scroll = self.query_one("#summary-scroll", VerticalScroll)
        try:
            self.markdown = render_for(self.app, self.transcript, self.meeting)
        except Exception as exc:  # the summary must never take the app down with it
            await scroll.remove_children()
            await scroll.mount(Static(self.strings("summary.unavailable", reason=exc), markup=False))
            return
        await scroll.remove_children()
        await scroll.mount(Markdown(self.markdown, id="summary-markdown"))
        scroll.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        meta = self.transcript.meta
        if action == "reopen":
            return self.back != "conversation" and meta.status == "closed"
        if action == "handover":
            return meta.script == "parent_prep"
        if action == "followup":  # a preparation is followed by its parent conversation (handover), not by another one
            return meta.script != "parent_prep"
        return True

    # -- actions --------------------------------------------------------------------------------------
    def action_export(self) -> None:
        self._export(anonymise=False)

    def action_export_anonymous(self) -> None:
        export_anonymous(self, self.transcript, self._status, self.meeting)

    def action_export_word(self) -> None:
        self._export(anonymise=False, word=True)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, anonymise: bool, word: bool = False) -> None:
        self.app.call_from_thread(self._status, self.strings("app.working"))
        message, failed = export_summary(self.app, self.transcript, anonymise=anonymise, meeting=self.meeting,
                                         shown=self.markdown, word=word)
        self.app.call_from_thread(self._status, message, failed)

    def _status(self, text: str, error: bool = False) -> None:
        status = self.query_one("#summary-status", Static)
        status.update(text)
        status.set_class(error, "-error")

    def action_followup(self) -> None:
        self.app.ask_details(self.transcript.meta.script, follows=self.transcript.meta.id)  # type: ignore[attr-defined]

    def action_handover(self) -> None:
        self.app.start_handover(self.transcript)  # type: ignore[attr-defined]

    def action_reopen(self) -> None:
        self.app.resume_conversation(self.transcript.meta.id, reopen=True)  # type: ignore[attr-defined]

    def action_close(self) -> None:
        if self.back in ("conversation", "review"):
            self.app.pop_screen()
        else:
            self.app.go_home()  # type: ignore[attr-defined]
