"""The conversation screen's commands: each runs from its key, from a slash command and from the palette."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from assistant.tui.actions import CONVERSATION
from assistant.application.settings import NewMeta
from assistant.tui.slash_commands import SlashError, parse
from assistant.tui.keys_in_order import settle

if TYPE_CHECKING:
    from assistant.tui.screens.conversation import ConversationScreen as _Base
else:
    _Base = object


def once_open(action: Callable[..., Awaitable[Any]]) -> Callable[..., Awaitable[Any]]:
    """An action that needs the meeting: pressed while it is still being opened (the first screen is up
    before it is), it waits for it, and the keys typed after it wait too (the action runs as the app reads
    its key). It was refused: 'ctrl+t Fatima Enter' typed at once put 'Fatima' in the first answer."""

    @functools.wraps(action)
    async def waiting(self: Any, *args: Any, **kwargs: Any) -> Any:
        await self.wait_ready()
        return await action(self, *args, **kwargs)

    return waiting


class CommandsMixin(_Base):
    # -- slash commands -------------------------------------------------------------------------------
    async def run_command(self, line: str) -> None:
        t = self.strings
        try:
            command = parse(line, t)
        except SlashError as exc:
            self.composer.show_error(str(exc))
            return
        action, argument = command.action, command.argument
        if action == "note":
            await self.action_note(argument or None)
        elif action == "speaker":
            await self.action_speaker(argument if argument else None)
        elif action == "priority":
            rank = None
            if argument:
                if not argument.isdigit() or int(argument) < 1:
                    self.composer.show_error(t("cmd.bad_rank"))
                    return
                rank = int(argument)
            await self.flag("priority", rank)
        else:
            await getattr(self, f"action_{action}")()

    # -- moving through the questions -----------------------------------------------------------------
    @once_open
    async def action_back(self) -> None:
        if not self.meeting.back():
            self.notify(self.strings("conv.nothing_before"), timeout=3)
            return
        await self.show_state()

    @once_open
    async def action_skip(self) -> None:
        await self.act(self.meeting.skip)

    @once_open
    async def action_park(self) -> None:
        await self.act(self.meeting.park)

    async def jump_to(self, question_id: str) -> None:
        if self.meeting.jump(question_id):
            await self.show_state()

    @once_open
    async def action_sections(self) -> None:
        from assistant.tui.widgets.progress import SectionList

        if not self.has_class("-panel"):  # shown for this jump only: it goes again after the jump
            self._panel_before_jump = self._panel
        self._panel = True
        mounting = self._apply_panel()
        if mounting is not None:
            await mounting
        # Now, in the key's own turn: focus given later let an Escape typed right after F3 go to the answer
        # box, and the list took focus after it (the panel stayed open, the next letters went nowhere).
        self.set_focus(self.query_one(SectionList))

    def close_jump_panel(self) -> None:
        """Hide the panel again if it was shown only to pick a section (the chat gets its width back)."""
        if self._panel_before_jump is not False:
            self._panel, self._panel_before_jump = self._panel_before_jump, False
            self._apply_panel()

    @once_open
    async def action_basis(self) -> None:
        on = not self.meeting.transcript.basis_only()
        await self.act(lambda: self.meeting.set_basis_only(on))
        self.notify(self.strings("conv.basis_on" if on else "conv.basis_off"), timeout=3)

    async def offer_checklist(self) -> None:
        from assistant.tui.dialogs.checklist import ChecklistDialog

        from assistant.application.chatlog import checklist_where

        m = self.meeting
        offered = list(m.view.pending_selection)
        questions = [(q, self.question_text(q)) for q in offered]
        t = self.strings

        await settle(self)  # letters typed on after the send: into the idle box first, then taken from it
        dialog = ChecklistDialog(t("checklist.title", section=checklist_where(m.places, offered)),
                                 t("checklist.intro"), questions, t("checklist.typed"),
                                 self.take_early_keys() + self.take_idle_keys(), t("checklist.typing"))

        async def picked(chosen: list[str] | None) -> None:
            later = self.take_idle_keys()  # typed after the dialog closed, before the next question came
            if chosen is None:
                self._offered = ()  # offered again on the next change; Escape only postpones it
                self.composer.focus_answer()
                await self.type_keys_into_box(dialog.typed + later)
                return
            await self.act(lambda: m.choose(chosen))
            await self.type_keys_into_box(dialog.typed + later)

        await self.open_dialog(dialog, picked)

    # -- notes, speaker, details ----------------------------------------------------------------------
    def _current_question(self) -> str | None:
        prompt = self.composer.prompt
        if prompt is None:
            order = self.meeting.answered_order()
            return order[-1] if order else None
        return prompt.suggestion.trigger if prompt.is_adhoc and prompt.suggestion else prompt.question.id

    @once_open
    async def action_note(self, text: str | None = None) -> None:
        from assistant.tui.dialogs.text_prompt import NoteDialog

        from assistant.core.answers import MAX_TEXT

        question = self._current_question()
        if text and len(text.strip()) <= MAX_TEXT:
            await self.act(lambda: self.meeting.note(text, question))
            return
        t = self.strings
        title = t("note.title", question=self.question_text(question)) if question else t("note.title_general")

        async def written(note: str | None) -> None:
            if note:
                await self.act(lambda: self.meeting.note(note, question))
            else:
                self.composer.focus_answer()

        # a note typed after the command that is too long opens here, kept, to be shortened
        await self.open_dialog(NoteDialog(title, t("edit.hint"), text or ""), written)

    @once_open
    async def action_speaker(self, name: str | None = None) -> None:
        if name is not None:
            self.meeting.set_speaker(name)
            self.composer.set_speaker(self.meeting.shown_speaker())
            return

        def chosen(value: str | None) -> None:
            if value is not None:
                self.meeting.set_speaker(value)
                self.composer.set_speaker(self.meeting.shown_speaker())
            self.composer.focus_answer()

        await self.open_dialog(self.speaker_dialog(self.meeting.shown_speaker()), chosen)

    def speaker_dialog(self, current: str):
        """The dialog that asks who is speaking, completing from the meeting's participants."""
        from assistant.tui.dialogs.text_prompt import LineDialog

        t = self.strings
        meta = self.meeting.transcript.meta
        people = ", ".join(f"{p.name} ({p.role})" if p.role else p.name for p in meta.participants)
        hint = t("speaker.hint", people=people) if people else ""
        return LineDialog(t("speaker.title"), current, t("speaker.placeholder"), self.meeting.speakers(), hint)

    @once_open
    async def action_details(self) -> None:
        from assistant.tui.dialogs.details import DetailsDialog

        meta = self.meeting.transcript.meta
        current = NewMeta(meta.facilitator, meta.subject, tuple(meta.participants), tuple(meta.tags))

        async def changed(new: NewMeta | None) -> None:
            if new is not None:
                await self.act(lambda: self.meeting.session.update(  # type: ignore[attr-defined]
                    facilitator=new.facilitator, subject=new.subject, participants=new.participants, tags=new.tags))
            else:
                self.composer.focus_answer()

        self.app.push_screen(DetailsDialog(self.meeting.script.title, current, [], editing=True), changed)

    # -- help, panel, summary, finishing --------------------------------------------------------------
    async def action_help(self) -> None:
        from assistant.tui.dialogs.help import HelpDialog

        t = self.strings
        prompt = self.composer.prompt
        question = prompt.question if prompt else None
        place = self.meeting.places.get(question.id) if question else None
        parts = []
        if question is not None:
            parts.append(question.text)
            parts.append(question.help or t("conv.no_help"))
            if place is not None and place.owner.help:
                parts.append(place.owner.help)
        keys = [(spec.key, t(spec.label)) for spec in CONVERSATION]
        self.app.push_screen(HelpDialog(t("help.title"), "\n\n".join(parts) or t("conv.no_question"), t("help.keys"), keys))

    @once_open
    async def action_prep(self) -> None:
        """The preparation's sensitive notes, in a dialog of their own: off the shared screen until now."""
        from assistant.application.chatlog import prep_notes
        from assistant.tui.dialogs.prep_notes import PrepNotesDialog

        t = self.strings
        notes = prep_notes(self.meeting.transcript, self.meeting.places, t)
        if not notes:
            self.notify(t("conv.no_prep"), timeout=3)
            return
        title = t("prep.title", date=self.meeting.transcript.meta.carried.preparation_date or "-")

        def closed(_: None) -> None:
            self.composer.focus_answer()

        await self.open_dialog(PrepNotesDialog(title, notes, t("prep.close")), closed)

    async def action_panel(self) -> None:
        shown = self.has_class("-panel")
        self._panel = not shown
        self._apply_panel()

    @once_open
    async def action_summary(self) -> None:
        self.app.open_summary(self.meeting.transcript, meeting=self.meeting, back="conversation")  # type: ignore[attr-defined]

    @once_open
    async def action_finish(self) -> None:
        from assistant.tui.dialogs.confirm import ConfirmDialog

        t = self.strings
        open_basis = self.meeting.open_basis()
        body = (t("finish.body_complete") if not open_basis else t("finish.body_one") if open_basis == 1
                else t("finish.body", open=open_basis))

        async def decided(yes: bool | None) -> None:
            if not yes:
                self.composer.focus_answer()
                return
            if await self.act(self._finish, focus=False) is not None:
                self.app.open_summary(self.meeting.transcript, meeting=self.meeting, back="home")  # type: ignore[attr-defined]

        self.app.push_screen(ConfirmDialog(t("finish.title"), body, t("finish.yes"), t("app.cancel")), decided)

    def _finish(self) -> Any:
        self.meeting.finish()
        self.meeting.session.close()  # type: ignore[attr-defined]
        return True
