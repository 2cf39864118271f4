"""The help text of a question (guidance, rules, the source it comes from), and the keys."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


class HelpDialog(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,enter,q", "close", show=False)]

    def __init__(self, title: str, body: str, keys_title: str, keys: list[tuple[str, str]]) -> None:
        from assistant.core.flowtext import reflow

        super().__init__(classes="dialog-screen")
        self.title_text, self.body, self.keys_title, self.keys = title, reflow(body), keys_title, keys

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog -wide"):
            yield Static(self.title_text, classes="dialog-title", markup=False)
            with VerticalScroll(classes="dialog-scroll"):
                yield Static(self.body, markup=False, id="help-body")
                yield Static(self.keys_title, classes="dialog-title", markup=False)
                yield Static("\n".join(f"{k:<8} {label}" for k, label in self.keys), markup=False, id="help-keys")

    def action_close(self) -> None:
        self.dismiss(None)
