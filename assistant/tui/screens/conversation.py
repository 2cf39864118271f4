"""The conversation screen: the chat log, the composer, and the side panel.

Every action records through the meeting first (durable before it returns) and only then shows
the new state; focus goes straight back to the answer box within the same key press, so that a
fast typist never loses a keystroke to a message that appeared in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Static

from assistant.core.answers import AnswerError
from assistant.core.store_errors import SaveError, StoreError
from assistant.core.transcript import Decision, Flag
from assistant.tui.widgets.keybar import KeyBar
from assistant.tui.actions import CONVERSATION, install
from assistant.tui.chatlog import answer_text, build_log
from assistant.tui.commands import ActionsProvider, QuestionJumpProvider
from assistant.tui.meeting import Meeting
from assistant.tui.screens.conversation_commands import CommandsMixin
from assistant.tui.widgets.answers import AnswerBox
from assistant.tui.widgets.chat import ChatLog
from assistant.tui.widgets.composer import CommandLine, Composer
from assistant.tui.widgets.progress import SectionList, SidePanel


class ConversationScreen(CommandsMixin, Screen[None]):
    BINDINGS = [Binding("enter", "enter", show=False, priority=True)]
    AUTO_FOCUS = ""  # the composer takes focus itself, once its box is there
    COMMANDS = {ActionsProvider, QuestionJumpProvider}

    def __init__(self, meeting: Meeting) -> None:
        super().__init__(classes="conversation")
        self.meeting = meeting
        self.strings = self.app.strings  # type: ignore[attr-defined]
        install(self, CONVERSATION, self.strings)
        self._offered: tuple[str, ...] = ()
        self._panel: bool | None = None   # None: shown when the terminal is wide enough
        self.earlier = self._earlier_answers()

    def compose(self) -> ComposeResult:
        yield Static("", id="topbar", markup=False)
        with Horizontal(id="main"):
            yield ChatLog(self.strings, self.question_text, id="log")
            yield SidePanel(self.strings, id="panel")
        yield Composer(self.strings, id="composer")
        yield KeyBar()

    async def on_mount(self) -> None:
        settings = self.app.settings  # type: ignore[attr-defined]
        await self.show_state()
        self.set_interval(15, self.show_topbar)
        self.set_interval(settings.clock_interval, self.tick)
        for warning in getattr(self.meeting.session, "warnings", []):
            self.notify(warning, severity="warning", timeout=8)

    # -- pieces ---------------------------------------------------------------------------------------
    @property
    def log_view(self) -> ChatLog:
        return self.query_one(ChatLog)

    @property
    def composer(self) -> Composer:
        return self.query_one(Composer)

    def question_text(self, question_id: str) -> str:
        question = self.meeting.question(question_id)
        return question.text if question else question_id

    def _earlier_answers(self) -> dict[str, str]:
        """What a follow-up carried from the previous meeting, as the chat shows it ("vorige keer")."""
        carried = self.meeting.transcript.meta.carried or {}
        previous = carried.get("previous") if isinstance(carried, dict) else None
        result = {}
        for qid, item in (previous or {}).items() if isinstance(previous, dict) else ():
            if isinstance(item, dict) and "value" in item:
                result[qid] = answer_text(self.meeting.question(qid), item["value"])
        return result

    # -- showing the state ----------------------------------------------------------------------------
    async def show_state(self, *, focus: bool = True) -> None:
        """Show what the transcript now says: log, composer, panel, top bar; then offer a checklist."""
        m = self.meeting
        prompt = m.prompt()
        log = self.log_view
        at_end = log.scroll_y >= log.max_scroll_y - 1
        await log.sync(build_log(m.transcript, m.view, m.places, prompt, self.earlier))
        if (at_end or focus) and log.mode is None:
            # after the new messages are laid out, or the end is not the end yet
            log.call_after_refresh(log.scroll_end, animate=False, immediate=True)
        composer = self.composer
        await composer.ask(prompt)
        composer.set_speaker(m.speaker)
        self._show_saving()
        if focus and log.mode is None:
            composer.focus_answer()
        current = m.places.get(prompt.question.id) if prompt else None
        current_unit = m.script.unit_of(current.section.id) if current else None
        self.query_one(SidePanel).show(m.progress(), current_unit.section if current_unit else None,
                                       m.view.suggestions, m.view.signals)
        self.show_topbar()
        self._apply_panel()
        pending = m.view.pending_selection
        if prompt is None and pending and pending != self._offered:
            self._offered = pending
            self.offer_checklist()

    def _show_saving(self) -> None:
        if not self.meeting.has_unsaved:
            self.composer.clear_unsaved()

    def show_topbar(self) -> None:
        m = self.meeting
        t = self.strings
        meta = m.transcript.meta
        minutes = m.elapsed_seconds() // 60
        parts = [m.script.title]
        if meta.subject:
            parts.append(meta.subject)
        parts.append(t("conv.clock", minutes=minutes))
        if m.transcript.basis_only():
            parts.append(t("conv.badge.basis_only"))
        self.query_one("#topbar", Static).update(" · ".join(parts))

    def _apply_panel(self) -> None:
        wide = self.app.size.width >= 110
        self.set_class(self._panel if self._panel is not None else wide, "-panel")

    def on_resize(self) -> None:
        self._apply_panel()

    # -- state for the app ----------------------------------------------------------------------------
    def has_typing(self) -> bool:
        return self.composer.has_typing()

    def unsaved_count(self) -> int:
        return len(getattr(self.meeting.session, "unsaved", ()))

    def close_meeting(self) -> None:
        """Record the time spent and release the transcript (the app is quitting or moving on)."""
        session = self.meeting.session
        if getattr(session, "closed", False):
            return
        try:
            self.meeting.tick()
        except SaveError:
            pass  # the session keeps it; close() below says whether anything is still unsaved
        try:
            session.close()
        except StoreError:
            pass  # the journal holds every saved event; quitting was confirmed by the facilitator

    def tick(self) -> None:
        try:
            self.meeting.tick()
        except SaveError as exc:
            self.composer.show_unsaved(str(exc))
        except StoreError:
            pass  # the session was closed meanwhile (finishing)
        self.show_topbar()

    # -- doing ----------------------------------------------------------------------------------------
    async def act(self, change: Callable[[], Any], *, focus: bool = True) -> Any:
        """Run a change on the meeting and show the result; a failed save is shown and kept."""
        try:
            result = change()
        except AnswerError as exc:
            self.composer.show_error(str(exc))
            return None
        except SaveError as exc:
            self.composer.show_unsaved(str(exc))
            await self.show_state(focus=False) if not self.meeting.has_unsaved else None
            return None
        except StoreError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return None
        await self.show_state(focus=focus)
        return result

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "enter":
            return self._enter_sends()
        return True

    def _enter_sends(self) -> bool:
        focused = self.focused
        composer = self.composer
        if isinstance(focused, CommandLine):
            return True
        box = composer.box
        if box is None or focused is None or box not in focused.ancestors_with_self:
            return False
        return box.SENDS_ON_ENTER or hasattr(box, "advance")

    async def action_enter(self) -> None:
        box = self.composer.box
        if box is not None and not box.SENDS_ON_ENTER and not self.composer.command_active:
            await box.advance(self.focused)  # type: ignore[attr-defined]
            return
        await self.action_send()

    async def action_send(self) -> None:
        composer = self.composer
        if composer.command_active:
            line = composer.command_line.value
            composer.close_command()
            await self.run_command(line)
            return
        if composer.box is None:
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
    async def action_answers(self) -> None:
        if not self.log_view.enter("answers"):
            self.notify(self.strings("conv.no_answers"), timeout=3)

    async def action_suggestions(self) -> None:
        if not self.log_view.enter("suggestions"):
            self.notify(self.strings("conv.no_suggestions"), timeout=3)

    def on_chat_log_left(self, event: ChatLog.Left) -> None:
        self.composer.focus_answer()

    def on_chat_log_edit_requested(self, event: ChatLog.EditRequested) -> None:
        self.edit_answer(event.question_id)

    def edit_answer(self, question_id: str) -> None:
        """Open the answer in its own widget; saving records it and the engine re-evaluates everything."""
        from assistant.tui.dialogs.edit import EditDialog

        question = self.meeting.question(question_id)
        if question is None:
            return
        value = self.meeting.transcript.answers().get(question_id)
        from_log = self.log_view.mode == "answers"

        async def edited(new: Any) -> None:
            if new is not None:
                await self.act(lambda: self.meeting.edit(question_id, new), focus=not from_log)
            if from_log:
                self.log_view.enter("answers", f"a:{question_id}")
            else:
                self.composer.focus_answer()

        self.app.push_screen(EditDialog(self.strings("edit.title"), question, value, self.strings("edit.hint")), edited)

    async def follow(self, suggestion_key: str) -> None:
        await self.act(lambda: self.meeting.decide(suggestion_key, Decision.ACCEPTED))

    async def jump_section(self, section: str) -> None:
        title = next((u.title for u in self.meeting.script.units if u.section == section), section)
        await self.act(lambda: self.meeting.jump_section(section))
        self.notify(self.strings("conv.jumped", title=title), timeout=3)

    async def on_chat_log_flag_requested(self, event: ChatLog.FlagRequested) -> None:
        await self.act(lambda: self.meeting.toggle_flag(event.question_id, event.flag), focus=False)
        self.log_view.enter("answers", f"a:{event.question_id}")

    async def on_chat_log_decision_requested(self, event: ChatLog.DecisionRequested) -> None:
        await self.act(lambda: self.meeting.decide(event.suggestion_key, event.decision), focus=False)
        if event.decision is Decision.ACCEPTED or not self.log_view.enter("suggestions"):
            self.log_view.leave()
            self.composer.focus_answer()

    async def on_section_list_jump(self, event: SectionList.Jump) -> None:
        await self.jump_section(event.section)

    # -- flags on the last answer (or the one picked in the log) --------------------------------------
    def _flag_target(self) -> str | None:
        log = self.log_view
        if log.mode == "answers" and log.cursor is not None:
            return getattr(log.cursor.entry, "question_id", None)
        order = self.meeting.answered_order()
        return order[-1] if order else None

    async def flag(self, flag: Flag, rank: int | None = None) -> None:
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

    async def action_priority(self) -> None:
        await self.flag(Flag.PRIORITY)

    async def action_strength(self) -> None:
        await self.flag(Flag.STRENGTH)

    async def action_werkpunt(self) -> None:
        await self.flag(Flag.WERKPUNT)
