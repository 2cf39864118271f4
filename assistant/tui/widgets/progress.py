"""The side panel: progress per section (Enter jumps there), pending follow-ups, and warning signs."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.core.safetext import one_line
from assistant.application.prompt import SectionProgress
from assistant.tui.strings import Strings


class SectionList(OptionList):
    BINDINGS = [Binding("escape", "leave", show=False)]

    class Jump(Message):
        def __init__(self, section: str) -> None:
            super().__init__()
            self.section = section

    class Left(Message):
        """Escape: back to the answer without jumping."""

    def action_leave(self) -> None:
        self.post_message(self.Left())

    current: int | None = None  # the section of the question waiting

    def on_focus(self) -> None:
        if self.highlighted is None:  # arrows start from where the conversation is
            self.highlighted = self.current

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(self.Jump(event.option.id))


class SidePanel(VerticalScroll):
    def __init__(self, strings: Strings, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.strings = strings
        self._shown: tuple = ()

    def compose(self) -> ComposeResult:
        t = self.strings
        yield Label(t("conv.progress"), classes="panel-head")
        yield SectionList(id="sections", compact=True)
        yield Label(t("conv.pending"), classes="panel-head")
        yield Static(t("conv.none"), id="pending", markup=False)
        yield Label(t("conv.signals"), classes="panel-head")
        yield Static(t("conv.none"), id="signals", markup=False)

    def show(self, progress: list[SectionProgress], current: str | None, pending: tuple[str, ...],
             signals: tuple[str, ...]) -> None:
        """Progress per section, and the texts of the pending suggestions and of the signals."""
        state = (tuple(progress), current, pending, signals)
        if state == self._shown:
            return
        self._shown = state
        sections = self.query_one(SectionList)
        highlighted = sections.highlighted
        sections.clear_options()
        for item in progress:
            mark = "✓ " if item.total and item.done == item.total else "▸ " if item.section == current else "  "
            label = Content.assemble(mark, self.strings("conv.section_row", title=item.title, done=item.done, total=item.total))
            sections.add_option(Option(label, id=item.section))
        if highlighted is not None and highlighted < len(progress):
            sections.highlighted = highlighted
        sections.current = next((n for n, item in enumerate(progress) if item.section == current), None)
        t = self.strings
        self.query_one("#pending", Static).update(
            "\n".join(f"• {one_line(text)}" for text in pending) if pending else t("conv.none"))
        self.query_one("#signals", Static).update(
            "\n".join(f"⚑ {one_line(text)}" for text in signals) if signals else t("conv.none"))
