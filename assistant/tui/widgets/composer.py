"""The composer: the answer widget for the waiting question, a hint or error line, and the command line."""

from __future__ import annotations

from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Static

from assistant.application.prompt import Prompt
from assistant.tui.slash_commands import completions
from assistant.tui.strings import Strings
from assistant.tui.keys_in_order import KeysInOrder, settle
from assistant.tui.widgets.answers import AnswerBox, answer_box


class CommandLine(KeysInOrder, Input):
    """A line that starts with '/'; Tab completes the command word, Escape goes back to the answer."""

    BINDINGS = [
        Binding("tab", "complete", show=False),
        Binding("escape", "close", show=False),
    ]

    class Closed(Message):
        pass

    def action_complete(self) -> None:
        if self._suggestion:
            self.value = self._suggestion + " "
            self.cursor_position = len(self.value)

    def action_close(self) -> None:
        self.post_message(self.Closed())


class Composer(Vertical):
    """Holds focus whenever a question waits. It never sends by itself: the screen's send action does."""

    # '/' at the start of an answer opens the command line. A box saw it only after the keys typed
    # after it had reached the box too (a fast typist, a paste, tmux): "/spreker An" then went into
    # the answer, and on a yes/no "/notitie ..." picked "nee". As a priority binding it is read in
    # order: the keys before it are handled first, the keys after it go to the command line.
    BINDINGS = [Binding("slash", "slash", show=False, priority=True)]

    def __init__(self, strings: Strings, prompt: Prompt | None = None, *, id: str | None = None) -> None:
        """`prompt`'s box is composed with the composer (the first screen in one layout). Its classes
        are set here, before it is mounted: set later, each one restyles every widget inside."""
        super().__init__(id=id, classes="-idle" if prompt is None else "-focus-within")  # a waiting box takes focus
        self.strings = strings
        self.prompt: Prompt | None = prompt
        self.speaker = ""
        self._error = ""
        self._unsaved = ""
        self._mode_hint = ""  # the keys of what has focus instead of the box (picking in the log)

    def compose(self) -> ComposeResult:
        with Vertical(id="box-holder"):
            if self.prompt is not None:
                yield answer_box(self.prompt.question, self.prompt.value if self.prompt.revisit else None)
        yield Static("", id="status", markup=False)
        yield CommandLine(placeholder=self.strings("cmd.placeholder"), id="command", select_on_focus=False,
                          suggester=SuggestFromList(completions(self.strings), case_sensitive=False))

    # -- the answer box -------------------------------------------------------------------------------
    @property
    def box(self) -> AnswerBox | None:
        boxes = self.query(AnswerBox)
        return boxes.first() if boxes else None

    async def ask(self, prompt: Prompt | None) -> None:
        """Show the box for `prompt` (or none), keeping the box when the same question is still waiting."""
        same = (
            prompt is not None and self.prompt is not None and self.box is not None
            and prompt.question.id == self.prompt.question.id and prompt.revisit == self.prompt.revisit
            and prompt.value == self.prompt.value
        )
        self.prompt = prompt
        self._error = ""
        if not same:
            box = self.box
            value = prompt.value if prompt is not None and prompt.revisit else None
            if prompt is None and box is not None:
                box.reuse(box.question, None)  # keep the box (hidden while idle), emptied
            elif prompt is not None and box is not None and box.reuse(prompt.question, value):
                box.set_class(True, f"-{prompt.question.type}")
            else:
                holder = self.query_one("#box-holder")
                await holder.remove_children()
                if prompt is not None:
                    await holder.mount(answer_box(prompt.question, value))
        self.set_class(prompt is None, "-idle")
        self._show_status()

    def on_mount(self) -> None:
        self._show_status()
        # The border follows focus through a class, not ':focus-within': Textual restyles every widget
        # under a ':focus-within' ancestor on each focus move, ~30 ms a Tab in the counts grid (1.5 ms now).
        self.watch(self.screen, "focused", self._focus_moved, init=False)

    def _focus_moved(self, focused: Widget | None) -> None:
        self.set_class(focused is not None and self in focused.ancestors, "-focus-within")

    def take_idle_text(self) -> str:
        """What was typed into the box while no question waited (it stays, hidden, to keep focus), emptied."""
        box = self.box
        if self.prompt is not None or box is None or not box.has_typing():
            return ""
        text = box.raw_value()
        box.reuse(box.question, None)
        return text if isinstance(text, str) else ""

    def focus_answer(self) -> Widget | None:
        """Put focus in the answer box now (not later), so that no keystroke goes elsewhere; or on the
        command line while a command is being typed there. Focus already in the box stays where the
        facilitator put it: the meeting opening under the first screen took it from the counts table's
        second cell, Tabbed to, back to the first, and the next number was typed onto the one before."""
        if self.command_active:
            self.screen.set_focus(self.command_line)
            return self.command_line
        box = self.box
        if box is None:
            return None
        focused = self.screen.focused
        if focused is not None and box in focused.ancestors:
            return focused
        target = next((w for w in box.query("*") if w.focusable), None)
        if target is not None:
            self.screen.set_focus(target)
            box.focus_input()
        return target

    def raw_value(self) -> object:
        box = self.box
        return box.raw_value() if box else None

    def has_typing(self) -> bool:
        box = self.box
        command = self.query_one(CommandLine).value.strip()
        return bool(box and self.prompt and box.has_typing()) or bool(command and command != "/")

    # -- the status line ------------------------------------------------------------------------------
    def show_error(self, message: str) -> None:
        self._error = message
        self._show_status()

    def show_unsaved(self, reason: str) -> None:
        """A save failed: say so until a save succeeds (the answer stays in the box)."""
        self._unsaved = self.strings("conv.unsaved", reason=reason)
        self._show_status()

    def clear_unsaved(self) -> None:
        self._unsaved = ""
        self._show_status()

    def show_hint(self, text: str) -> None:
        self._error = ""
        self._show_status(text)

    def set_mode_hint(self, text: str) -> None:
        """Say the keys of the log while a message is picked there ('' when back in the box)."""
        self._mode_hint = text
        self._show_status()

    def _show_status(self, hint: str | None = None) -> None:
        status = self.query_one("#status", Static)
        box = self.box
        text = (self._unsaved or self._mode_hint or self._error or hint
                or (self.strings(box.HINT) if box and self.prompt else ""))
        status.update(text)
        status.set_class(bool(self._unsaved), "-unsaved")
        status.set_class(bool(self._error) and not self._unsaved, "-error")
        self.border_title = self._title()

    def _title(self) -> str:
        speaker = self.strings("conv.speaker_now", name=self.speaker) if self.speaker else self.strings("conv.speaker_none")
        return f"{self.strings('conv.you')} · {speaker}"

    def set_speaker(self, name: str) -> None:
        self.speaker = name
        self.border_title = self._title()

    # -- the command line -----------------------------------------------------------------------------
    @property
    def command_line(self) -> CommandLine:
        return self.query_one(CommandLine)

    def open_command(self, text: str = "/") -> None:
        line = self.command_line
        self.add_class("-command")
        line.value = text
        line.cursor_position = len(text)
        self.screen.set_focus(line)

    def close_command(self) -> None:
        self.remove_class("-command")
        self.command_line.value = ""
        self.focus_answer()

    @property
    def command_active(self) -> bool:
        return self.has_class("-command")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "slash":  # only while typing in the answer box; the key is typed anywhere else
            box, focused = self.box, self.screen.focused
            return box is not None and self.prompt is not None and focused is not None and box in focused.ancestors
        return True

    async def action_slash(self) -> None:
        await settle(self.screen)
        box = self.box
        if box is None or self.command_active or not box.starts_command():
            raise SkipAction()  # an ordinary '/' in the answer
        self.open_command()

    def on_answer_box_command_start(self, event: AnswerBox.CommandStart) -> None:
        event.stop()
        self.open_command()

    def on_command_line_closed(self, event: CommandLine.Closed) -> None:
        event.stop()
        self.close_command()

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input is self.command_line and self.command_active and not event.value.startswith("/"):
            self.close_command()  # the slash was deleted: back to answering
