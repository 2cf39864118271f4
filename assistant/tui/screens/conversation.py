"""The conversation screen: the chat log, the composer, and the side panel.

Every action records through the meeting first (durable before it returns) and only then shows
the new state; focus goes straight back to the answer box within the same key press, so that a
fast typist never loses a keystroke to a message that appeared in between.

"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from assistant.core.safetext import one_line
from assistant.tui.actions import CONVERSATION, install
from assistant.tui.palette import ActionsProvider, QuestionJumpProvider
from assistant.tui.screens.conversation_actions import CommandsMixin, once_open
from assistant.tui.screens.conversation_drafts import DraftsMixin
from assistant.tui.screens.conversation_followup import FollowUpMixin
from assistant.tui.keys_in_order import settle
from assistant.tui.textual_private import bindings_for, hand_key
from assistant.tui.widgets.answers import AnswerBox
from assistant.tui.widgets.chat import ChatLog
from assistant.tui.widgets.composer import CommandLine, Composer
from assistant.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from textual.widget import AwaitMount

    from assistant.application.meeting import Meeting
    from assistant.application.conversation_view import ConversationView
    from assistant.tui.widgets.progress import SectionList, SidePanel

WIDE = 110  # columns from which the side panel shows by itself


def fit_title(title: str, subject: str, room: int) -> str:
    """'title · subject' in `room` columns: the script's title gives way first, the subject (who the
    meeting is about) last; the clock and the basis-only badge after it always show whole."""
    text = f"{title} · {subject}" if subject else title
    if len(text) <= room:
        return text
    if subject and len(subject) + 3 + 8 <= room:  # at least a recognisable start of the title
        return f"{title[: room - len(subject) - 4]}… · {subject}"
    shown = subject or title
    return shown if len(shown) <= room else shown[: max(room - 1, 0)] + "…"


class ConversationScreen(FollowUpMixin, DraftsMixin, CommandsMixin, Screen[None]):
    ACTIONS = CONVERSATION  # its keys, key bar and palette entries (assistant.tui.actions)
    BINDINGS = [Binding("enter", "enter", show=False, priority=True)]
    AUTO_FOCUS = ""  # the composer takes focus itself, once its box is there
    COMMANDS = {ActionsProvider, QuestionJumpProvider}

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(classes="conversation")
        self.meeting = meeting
        # Keys typed where no answer box is yet, to be typed into the next one: when a section's
        # checklist is about to open.
        self._early: list[events.Key] = []
        self.strings = self.app.strings  # type: ignore[attr-defined]
        install(self, self.ACTIONS, self.strings)
        self._offered: tuple[str, ...] = ()
        self._panel: bool | None = None   # None: shown when the terminal is wide enough
        self._ready = asyncio.Event()
        self._stale = False
        self._panel_widget: SidePanel | None = None
        self._panel_data: tuple | None = None
        self.earlier: dict[str, str] = {}
        self._topbar_shown: tuple[str, str, int, bool] | None = None
        self._panel_before_jump: bool | None = False  # False: the panel was not opened just to jump

    def compose(self) -> ComposeResult:
        yield Static("", id="topbar", markup=False)
        with Horizontal(id="main"):
            yield ChatLog(self.strings, self.question_text, None, id="log", requests=self.log_request)
        yield Composer(self.strings, None, id="composer")
        yield KeyBar(wrap=True)  # every key shown, on a second line where the terminal is narrow

    async def on_mount(self) -> None:
        settings = self.app.settings  # type: ignore[attr-defined]
        self.set_interval(settings.clock_check, self.tick)
        await self._opened(self.meeting)

    def on_key(self, event: events.Key) -> None:
        """Where no answer box is but one is coming (the checklist's next question), keep what is typed for it."""
        if event.is_printable and self._checklist_coming():
            event.stop()
            event.prevent_default()
            self._early.append(events.Key(event.key, event.character))

    def _checklist_coming(self) -> bool:
        m = self.meeting
        return m is not None and self.composer.prompt is None and bool(m.view.pending_selection)

    def take_early_keys(self) -> list[events.Key]:
        """The keys kept for the next answer box."""
        early, self._early = self._early, []
        return early

    def take_idle_keys(self) -> list[events.Key]:
        """What was typed into the idle box (no question waiting), as keys to type again elsewhere."""
        from assistant.tui.textual_private import key_for

        idle = "".join(c if c.isprintable() else " " for c in self.composer.take_idle_text())  # no Enter: it could send
        return [events.Key(c if c.isalnum() else key_for(c), c) for c in idle]

    async def _type_early_keys(self) -> None:
        # Keys typed while these are typed are kept too, and typed after them: in the order typed.
        while self._early:
            await self.type_keys_into_box(self.take_early_keys())

    async def type_keys_into_box(self, keys: list[events.Key]) -> None:
        """Keys typed where no answer box was (before the first screen came, in the checklist), typed
        now into the box waiting, in order. They go straight to the field with focus, ahead of any key
        still in the app's queue (typed later): through the app they would come after those. A key the
        box binds itself (Tab to a table's next cell, an arrow to the next row) runs its binding, which
        first lets the field take the keys before it."""
        if not keys or self.composer.box is None:
            return
        for key in keys:
            target = self.focused
            if target is None or self.composer not in target.ancestors:
                self.app.post_message(events.Key(key.key, key.character))
            elif key.is_printable or not await self._box_binding(target, key.key):
                if key.key not in ("tab", "shift+tab"):  # unbound in this box: not the app's focus_next either
                    hand_key(target, events.Key(key.key, key.character))  # as the app hands a key on

    async def _box_binding(self, focused: Widget, key: str) -> bool:
        """Run the box's own priority binding for `key` (as the app runs it when it reads the key); False
        when the box has none."""
        for node in focused.ancestors_with_self:
            if node is self.composer:
                break
            for binding in bindings_for(node, key):
                if binding.priority and await self.app.run_action(binding.action, node):
                    return True
        return False

    async def _opened(self, meeting: Meeting) -> None:
        from assistant.application.chatlog import earlier_answers

        self.meeting = meeting
        self.earlier = earlier_answers(meeting)
        self.resume_at_draft()
        self._ready.set()
        await self.show_state(focus=self.focused is None or self.composer in self.focused.ancestors)
        if self.review_due():  # a follow-up opens with last time's agreements; early typing waits for the box
            await self.open_review(self.take_early_keys(), unbidden=True)
        else:
            await self._type_early_keys()
        self.restore_draft()
        damage = getattr(meeting.session, "damage", None)
        if damage is not None:  # said in the interface language; the English details are in `dialoog show`
            self.notify(self.strings.damage(damage), severity="warning", timeout=12)
        else:
            for warning in getattr(meeting.session, "warnings", []):
                self.notify(warning, severity="warning", timeout=8)

    async def wait_ready(self) -> None:
        await self._ready.wait()

    async def on_screen_resume(self) -> None:
        if self._stale and self.meeting is not None:
            self._stale = False
            await self.show_state()

    # -- pieces ---------------------------------------------------------------------------------------
    @property
    def log_view(self) -> ChatLog:
        return self.query_one(ChatLog)

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    def question_text(self, question_id: str) -> str:
        question = self.meeting.question(question_id) if self.meeting is not None else None
        return question.text if question else question_id

    # -- showing the state ----------------------------------------------------------------------------
    async def show_state(self, *, focus: bool = True) -> None:
        """Show what the transcript now says: log, composer, panel, top bar; then offer a checklist."""
        from assistant.application.conversation_view import view_of

        if not self.is_active:
            # A dialog is on top: mounting into a screen under a dialog can render widgets before
            # their styles exist. The change is recorded already; it is shown when the dialog closes.
            self._stale = True
            return
        m = self.meeting
        await self.show_view(view_of(m), focus=focus)
        if not m.has_unsaved:
            self.composer.clear_unsaved()
        pending = m.view.pending_selection
        if m.prompt() is None and pending and pending != self._offered:
            self._offered = pending
            # After the next frame: a dialog pushed over widgets removed a moment ago can leave the
            # screen's layout holding them, to be drawn (without styles) when the dialog closes.
            self.call_after_refresh(self.offer_checklist)

    async def show_view(self, shown: ConversationView, *, focus: bool = True) -> None:
        """Show a conversation's state from its view (assistant.application.conversation_view)."""
        log = self.log_view
        at_end = log.scroll_y >= log.max_scroll_y - 1
        await log.sync(shown.entries)
        if (at_end or focus) and log.mode is None:
            # after the new messages are laid out, or the end is not the end yet
            log.call_after_refresh(log.scroll_end, animate=False, immediate=True)
        composer = self.composer
        await composer.ask(shown.prompt)
        self.typing_changed()  # a new question empties the box: its draft goes too
        composer.set_speaker(shown.speaker)
        if focus and log.mode is None:
            composer.focus_answer()
        self._panel_data = (shown.progress, shown.current_section, shown.pending, shown.signals)
        if self._panel_widget is not None:
            self._panel_widget.show(*self._panel_data)
        self._topbar(shown.title, shown.subject, shown.minutes, shown.basis_only)
        self._apply_panel()

    def show_topbar(self) -> None:
        m = self.meeting
        if m is not None:
            shown = (m.script.title, m.transcript.meta.subject, m.elapsed_seconds() // 60, m.transcript.basis_only())
            if shown != self._topbar_shown:
                self._topbar(*shown)

    def _topbar(self, title: str, subject: str, minutes: int, basis_only: bool) -> None:
        t = self.strings
        self._topbar_shown = (title, subject, minutes, basis_only)
        right = " · ".join(p for p in (t("conv.clock", minutes=minutes), t("conv.badge.basis_only") if basis_only else "") if p)
        room = max(self.app.size.width - 2 - len(right) - 3, 0)  # the bar's padding and the " · " before `right`
        self.query_one("#topbar", Static).update(f"{fit_title(one_line(title), one_line(subject), room)} · {right}")

    def _apply_panel(self) -> AwaitMount | None:
        """Show or hide the side panel; the panel's mount when it is made now (else None)."""
        wide = self.app.size.width >= WIDE
        self.set_class(wide, "-roomy")
        shown = self._panel if self._panel is not None else wide
        self.set_class(shown, "-panel")
        if shown and self._panel_widget is None:
            # The panel is made the first time it is shown: an 80-column meeting never pays for it.
            from assistant.tui.widgets.progress import SidePanel

            self._panel_widget = SidePanel(self.strings, id="panel")
            mounting = self.query_one("#main").mount(self._panel_widget)
            if self._panel_data is not None:
                self.call_after_refresh(self._panel_widget.show, *self._panel_data)
            return mounting
        return None

    def on_resize(self) -> None:
        self._apply_panel()
        if self._topbar_shown is not None:
            self._topbar(*self._topbar_shown)

    # -- state for the app ----------------------------------------------------------------------------
    def has_typing(self) -> bool:
        return self.composer.has_typing()

    def unsaved_count(self) -> int:
        return len(getattr(self.meeting.session, "unsaved", ())) if self.meeting is not None else 0

    def close_meeting(self) -> None:
        """Record the time spent and release the transcript (the app is quitting or moving on)."""
        if self.meeting is None:
            return
        from assistant.core.store_errors import SaveError, StoreError

        session = self.meeting.session
        if getattr(session, "closed", False):
            return
        try:
            self.meeting.tick()
        except SaveError:
            pass  # the session keeps it; close() below says whether anything is still unsaved
        self.save_draft()  # what is in the box now; the session's close writes it before letting go
        try:
            session.close()
        except StoreError:
            pass  # the journal holds every saved event; quitting was confirmed by the facilitator

    def tick(self) -> None:
        if self.meeting is None:
            return
        from assistant.core.store_errors import SaveError, StoreError

        try:
            self.meeting.keep_time()
        except SaveError as exc:
            self.composer.show_unsaved(self.strings.store_error(exc))
        except StoreError:
            pass  # the session was closed meanwhile (finishing)
        self.show_topbar()

    # -- doing ----------------------------------------------------------------------------------------
    async def open_dialog(self, dialog: Screen[Any], callback: Callable[[Any], Any] | None = None) -> None:
        """Show `dialog` and return once it is mounted with its first field focused. A key binding's action
        runs as the app reads its key; while it waits here, the keys typed after it (ctrl+t Fatima Enter,
        in one burst) wait in the app's queue, and then reach the dialog's field instead of the answer box."""
        from assistant.tui.dialogs.ordered import OrderedResult

        if isinstance(dialog, OrderedResult):
            dialog.handler = callback  # acted on in the key's own turn, not once the app is idle
            await self.app.push_screen(dialog)
        else:
            await self.app.push_screen(dialog, callback)

    async def act(self, change: Callable[[], Any], *, focus: bool = True) -> Any:
        """Run a change on the meeting and show the result; a failed save is shown and kept."""
        await self.wait_ready()
        from assistant.core.answers import AnswerError
        from assistant.core.store_errors import SaveError, StoreError

        try:
            result = change()
        except AnswerError as exc:
            self.composer.show_error(self.strings.answer_error(exc))
            return None
        except SaveError as exc:
            self.composer.show_unsaved(self.strings.store_error(exc))
            await self.show_state(focus=False) if not self.meeting.has_unsaved else None
            return None
        except StoreError as exc:
            self.notify(self.strings.store_error(exc), severity="error", timeout=10)
            return None
        await self.show_state(focus=focus)
        self.call_after_refresh(self._keep_time_after_change)  # after the frame: never before the next question
        return result

    def _keep_time_after_change(self) -> None:
        from assistant.core.store_errors import SaveError, StoreError
        from assistant.application.meeting import RECORD_AFTER_CHANGE

        try:
            self.meeting.keep_time(RECORD_AFTER_CHANGE)
        except SaveError as exc:
            self.composer.show_unsaved(self.strings.store_error(exc))
        except StoreError:
            pass  # closed meanwhile (finishing)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter":
            return self._enter_sends()
        return True  # an action that needs the meeting waits for it (once_open)

    def _enter_sends(self) -> bool:
        focused = self.focused
        composer = self.composer
        if isinstance(focused, CommandLine):
            return True
        box = composer.box
        if box is None or focused is None or box not in focused.ancestors_with_self:
            return False
        return box.SENDS_ON_ENTER or hasattr(box, "advance")

    async def settle(self) -> None:
        await settle(self)

    async def action_enter(self) -> None:
        await self.settle()
        box = self.composer.box
        if box is not None and not box.SENDS_ON_ENTER and not self.composer.command_active:
            await box.advance(self.focused)  # type: ignore[attr-defined]
            return
        await self.action_send()

    async def action_send(self) -> None:
        await self.wait_ready()  # sent before the meeting was open: it goes once it is
        await self.settle()
        composer = self.composer
        if composer.command_active:
            line = composer.command_line.value
            composer.close_command()
            await self.run_command(line)
            return
        if composer.box is None or composer.prompt is None:
            return
        raw = composer.raw_value()
        if raw == "" and composer.box.PICKS:
            composer.show_error(self.strings("answer.pick_one"))
            return
        await self.act(lambda: self.meeting.answer(raw))

    def on_answer_box_send(self, event: AnswerBox.Send) -> None:
        # Enter is a priority binding on this screen, so this arrives only from widgets it does not
        # cover (none today); sending here keeps the promise that Enter sends in single-line boxes.
        event.stop()
        self.run_worker(self.action_send(), exclusive=True)

    # -- the log: edit, flag, decide -----------------------------------------------------------------
    @once_open
    async def action_answers(self) -> None:
        if not self.log_view.enter("answers"):
            self.notify(self.strings("conv.no_answers"), timeout=3)

    @once_open
    async def action_suggestions(self) -> None:
        if not self.log_view.enter("suggestions"):
            self.notify(self.strings("conv.no_suggestions"), timeout=3)

    async def log_request(self, request: Message) -> None:
        """What a message picked in the log asks for, done before the app reads the next key."""
        if isinstance(request, ChatLog.Left):
            self.composer.focus_answer()
        elif isinstance(request, ChatLog.EditRequested):
            await self.edit_answer(request.question_id)
        elif isinstance(request, ChatLog.FlagRequested):
            await self.on_chat_log_flag_requested(request)
        elif isinstance(request, ChatLog.DecisionRequested):
            await self.on_chat_log_decision_requested(request)

    def on_chat_log_left(self, event: ChatLog.Left) -> None:
        self.composer.focus_answer()

    def on_chat_log_mode_changed(self, event: ChatLog.ModeChanged) -> None:
        keys = {"answers": "conv.log_keys", "suggestions": "conv.suggestion.focused_keys"}.get(event.mode or "")
        self.composer.set_mode_hint(self.strings(keys) if keys else "")

    async def on_chat_log_edit_requested(self, event: ChatLog.EditRequested) -> None:
        await self.edit_answer(event.question_id)

    async def edit_answer(self, question_id: str) -> None:
        """Open the answer in its own widget; saving records it and the engine re-evaluates everything.
        The answer keeps its speaker unless it is changed in the dialog (ctrl+t there)."""
        from assistant.tui.dialogs.edit import EditDialog, Edited

        question = self.meeting.question(question_id)
        if question is None:
            return
        value = self.meeting.transcript.answers().get(question_id)
        speaker = self.meeting.speaker_of(question_id)
        from_log = self.log_view.mode == "answers"

        async def edited(new: Edited | None) -> None:
            if new is not None:
                changed = new.speaker if new.speaker != speaker else None
                await self.act(lambda: self.meeting.edit(question_id, new.value, speaker=changed), focus=not from_log)
            if from_log:
                self.log_view.enter("answers", f"a:{question_id}")
            else:
                self.composer.focus_answer()

        t = self.strings
        await self.open_dialog(EditDialog(t("edit.title"), question, value, t("edit.hint_speaker"), speaker=speaker,
                                          ask_speaker=self.speaker_dialog), edited)

    async def follow(self, suggestion_key: str) -> None:
        await self.act(lambda: self.meeting.decide(suggestion_key, "accepted"))

    async def jump_section(self, section: str) -> None:
        title = next((u.title for u in self.meeting.script.units if u.section == section), section)
        await self.act(lambda: self.meeting.jump_section(section))
        self.notify(self.strings("conv.jumped", title=title), timeout=3)

    async def on_chat_log_flag_requested(self, event: ChatLog.FlagRequested) -> None:
        await self.act(lambda: self.meeting.toggle_flag(event.question_id, event.flag), focus=False)
        self.log_view.enter("answers", f"a:{event.question_id}")

    async def on_chat_log_decision_requested(self, event: ChatLog.DecisionRequested) -> None:
        if not self.decision_allowed(event.suggestion_key, event.decision):
            return
        # One decision per ctrl+f: the facilitator goes straight back to typing, so letters typed
        # after p or x reach the answer box instead of being read as more decisions.
        await self.act(lambda: self.meeting.decide(event.suggestion_key, event.decision), focus=False)
        self.decided(event.suggestion_key, event.decision)
        self.log_view.leave()
        self.composer.focus_answer()

    async def on_section_list_jump(self, event: SectionList.Jump) -> None:
        self.close_jump_panel()
        await self.jump_section(event.section)

    def on_section_list_left(self, event: SectionList.Left) -> None:
        self.close_jump_panel()
        self.composer.focus_answer()

    # -- flags on the last answer (or the one picked in the log) --------------------------------------
    def _flag_target(self) -> str | None:
        log = self.log_view
        if log.mode == "answers" and log.cursor is not None:
            return getattr(log.cursor.entry, "question_id", None)
        order = self.meeting.answered_order()
        return order[-1] if order else None

    async def flag(self, flag: str, rank: int | None = None) -> None:
        target = self._flag_target()
        if target is None:
            self.notify(self.strings("conv.nothing_to_flag"), timeout=3)
            return
        was_in_log = self.log_view.mode == "answers"
        on = await self.act(lambda: self.meeting.toggle_flag(target, flag, rank), focus=not was_in_log)
        label = self.strings(f"conv.flag.{flag}")
        self.notify(self.strings("conv.flag_set", flag=label, question=self.question_text(target)) if on
                    else self.strings("conv.flag_cleared", flag=label), timeout=3)
        if was_in_log:
            self.log_view.enter("answers", f"a:{target}")

    @once_open
    async def action_priority(self) -> None:
        await self.flag("priority")

    @once_open
    async def action_strength(self) -> None:
        await self.flag("strength")

    @once_open
    async def action_werkpunt(self) -> None:
        await self.flag("werkpunt")
