"""The Dialoog app: it receives its store, library and settings, and moves between the screens.

Screens never touch files: they ask the store (through assistant.application.opening for conversations).
ctrl+q quits from anywhere after saving; with unsent typing in the answer box it asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import App, SystemCommand
from textual.screen import Screen

from assistant.core.safetext import one_line
from assistant.application.library import Library
from assistant.application.settings import NewMeta, Settings
from assistant.tui.strings import Strings

if TYPE_CHECKING:
    from assistant.core.store import Store


class DialoogApp(App[None]):
    CSS_PATH = "app.tcss"
    TITLE = "Dialoog"

    def __init__(self, *, store: Store, library: Library, settings: Settings | None = None) -> None:
        super().__init__()
        self.store = store
        self.library = library
        self.settings = settings or Settings()
        self.strings = Strings(self.settings.lang)

    # -- starting -------------------------------------------------------------------------------------
    def on_mount(self) -> None:
        start = self.settings.start
        if start.kind == "new" and start.script:
            if start.meta is not None:
                self.start_conversation(start.script, start.meta)
            else:
                self.ask_details(start.script, follows=start.follows)
        elif start.kind == "resume" and start.ref:
            self.resume_conversation(start.ref)
        elif start.kind == "review":
            self.open_review()
        else:
            self.go_home()

    def go_home(self) -> None:
        """Back to the start screen: pop to it when it is below, otherwise put it at the bottom."""
        from assistant.tui.screens.start import StartScreen

        for index, screen in enumerate(self.screen_stack):
            if isinstance(screen, StartScreen):
                while len(self.screen_stack) > index + 1:
                    self.pop_screen()
                screen.reload()
                return
        while len(self.screen_stack) > 1:
            self.pop_screen()
        self.push_screen(StartScreen())

    def _replace_top(self, screen: Screen[Any]) -> None:
        """Show `screen` instead of the conversation, summary or review on top (never stacking them)."""
        from assistant.tui.screens.start import StartScreen

        if len(self.screen_stack) > 1 and not isinstance(self.screen, StartScreen):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)

    # -- conversations --------------------------------------------------------------------------------
    def ask_details(self, script_id: str, *, follows: str | None = None, prepared_by: str | None = None) -> None:
        """The details form, then the new conversation: a follow-up of `follows`, or the conversation the
        preparation `prepared_by` hands over to (the form filled in with what it takes over)."""
        from assistant.tui.dialogs.details import DetailsDialog

        script = self.library.scripts.get(script_id)
        if script is None:
            self.fail(self.strings("app.unknown_script", script=script_id, known=", ".join(sorted(self.library.scripts))))
            return
        if follows:  # as typed on the command line (a name, an id's start): the form's list holds ids
            try:
                follows = self.store.load(follows).meta.id
            except Exception as exc:  # gone, damaged, or more than one matches: say so, start without it
                self.notify(self.strings("app.load_failed", reason=self.strings.store_error(exc)), severity="error", timeout=10)
                follows = None
        meta, title, hint = NewMeta(follows=follows), "", ""
        if prepared_by:
            from assistant.core.handover import handover_details

            try:
                prep = self.store.load(prepared_by)
            except Exception as exc:  # gone or damaged since it was listed
                self.fail(self.strings("app.load_failed", reason=self.strings.store_error(exc)))
                return
            meta = NewMeta(**handover_details(prep), follows=follows, prepared_by=prep.meta.id)
            title = self.strings("meta.title_handover", date=prep.meta.created[:10])
            hint = self.strings("meta.participants.parents")

        def chosen(meta: NewMeta | None) -> None:
            if meta is not None:
                self.start_conversation(script_id, meta)
            elif len(self.screen_stack) <= 1:
                self.go_home()

        earlier = self._earlier_transcripts(script_id)
        self.push_screen(DetailsDialog(script.title, meta, earlier, title=title, participants_hint=hint), chosen)

    def _earlier_transcripts(self, script_id: str) -> list[tuple[str, str]]:
        try:
            infos = self.store.list(script=script_id)
        except Exception:  # the list is a convenience in the form; a broken index must not block a meeting
            return []
        status = {"open": self.strings("review.open"), "closed": self.strings("review.closed")}
        return [(i.id, f"{i.date} · {one_line(i.subject or '-')} · {status.get(i.status, i.status)}") for i in infos if i.readable]

    def _start_new(self, script_id: str, meta: NewMeta) -> Any:
        from assistant.application.opening import start_new

        return start_new(self.store, self.library, script_id, meta, clock=self.settings.clock)

    def _resume(self, ref: str, reopen: bool = False) -> Any:
        from assistant.application.opening import resume

        return resume(self.store, self.library, ref, clock=self.settings.clock, reopen=reopen)

    def start_conversation(self, script_id: str, meta: NewMeta) -> None:
        self._open_now(lambda: self._start_new(script_id, meta))

    def resume_conversation(self, ref: str, *, reopen: bool = False) -> None:
        self._open_now(lambda: self._resume(ref, reopen))

    def start_handover(self, preparation: Any) -> None:
        """The parent conversation from a preparation (its transcript, or its name or id): the details form
        first, where the parents are added; Escape there creates nothing."""
        from assistant.core.handover import PARENT_SCRIPT

        self.ask_details(PARENT_SCRIPT, prepared_by=getattr(getattr(preparation, "meta", None), "id", preparation))

    def _open_now(self, opener: Callable[[], Any]) -> None:
        from assistant.tui.screens.conversation import ConversationScreen
        from assistant.application.opening import OpenError

        try:
            meeting = opener()
        except OpenError as exc:
            self.fail(self.strings.store_error(exc))
            return
        self._replace_top(ConversationScreen(meeting))

    def fail(self, message: str, *, home: bool = False) -> None:
        """Say what went wrong and stay (or land) somewhere useful: never a traceback."""
        self.notify(message, severity="error", timeout=10)
        if home or len(self.screen_stack) <= 1:
            self.go_home()

    # -- review and summary ---------------------------------------------------------------------------
    def open_review(self) -> None:
        from assistant.tui.screens.review import ReviewScreen

        self._replace_top(ReviewScreen())

    def open_summary(self, transcript: Any, *, meeting: Any = None, back: str = "home") -> None:
        from assistant.tui.screens.summary import SummaryScreen

        screen = SummaryScreen(transcript, meeting=meeting, back=back)
        if back in ("review", "conversation"):
            self.push_screen(screen)
        else:
            self._replace_top(screen)

    # -- quitting -------------------------------------------------------------------------------------
    async def action_quit(self) -> None:
        """Save and quit; ask first when typed text would be lost or changes could not be saved."""
        from assistant.tui.dialogs.confirm import ConfirmDialog

        stack = self.screen_stack  # a dialog may be on top of the conversation
        typing = any(getattr(screen, "has_typing", lambda: False)() for screen in stack)
        unsaved = sum(int(getattr(screen, "unsaved_count", lambda: 0)()) for screen in stack)
        if typing or unsaved:
            t = self.strings
            body = t("quit.unsaved") if typing else t("quit.unsaved_events", count=unsaved)

            def answered(yes: bool | None) -> None:
                if yes:
                    self.call_later(self._save_and_exit)

            self.push_screen(ConfirmDialog(t("quit.title"), body, t("quit.yes"), t("quit.no")), answered)
            return
        await self._save_and_exit()

    async def _save_and_exit(self) -> None:
        for screen in reversed(self.screen_stack):
            closer = getattr(screen, "close_meeting", None)
            if closer is not None:
                closer()
        self.exit()

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the interface language (only those a facilitator needs)."""
        t = self.strings
        yield SystemCommand(t("app.quit"), t("app.quit.help"), self.action_quit)
        yield SystemCommand(t("app.keys"), t("app.keys.help"), self.action_show_help_panel)
        yield SystemCommand(t("app.theme"), t("app.theme.help"), self.action_change_theme)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Snapshot tests switch blinking off, so that a screenshot never catches the cursor half-way.
        if not self.settings.cursor_blink and hasattr(event.widget, "cursor_blink"):
            event.widget.cursor_blink = False
