"""The key bar at the bottom of every screen: the screen's own shown bindings, and the palette.

Textual's Footer rebuilds itself whenever focus moves, which in a conversation is after every
answer; the keys a facilitator needs do not change with focus, so this bar is drawn once per screen.
"""

from __future__ import annotations

from rich.cells import cell_len
from textual import events
from textual.content import Content
from textual.widgets import Static

KEY_STYLE = "bold $footer-key-foreground"


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; padding: 0 1; }
    KeyBar.-wrap { height: auto; }
    """

    def __init__(self, *, wrap: bool = False) -> None:
        """`wrap`: keys that do not fit on one line go on to a second (else the line is cut at its end)."""
        super().__init__(classes="-wrap" if wrap else "")
        self.wrap = wrap

    def on_mount(self) -> None:
        self.show_keys()

    def on_resize(self, event: events.Resize) -> None:
        if self.wrap:
            self.show_keys()

    def show_keys(self) -> None:
        screen = self.screen
        app = self.app
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for bindings in screen._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.show or not binding.description or binding.action in seen:
                    continue
                if screen.check_action(binding.action, ()) is False:
                    continue
                seen.add(binding.action)
                keys.append((app.get_key_display(binding), f" {binding.description} "))
        keys.append(("^p", f" {app.strings('app.palette')}"))  # type: ignore[attr-defined]
        self.update(Content.assemble(*self._lines(keys)))

    def _lines(self, keys: list[tuple[str, str]]) -> list[Content | str | tuple[str, str]]:
        """The keys in a row; with `wrap`, broken between two keys (never inside one) where a line is full."""
        width = (self.content_region.width or self.app.size.width - 2) if self.wrap else 0
        parts: list[Content | str | tuple[str, str]] = []
        used = 0
        for key, label in keys:
            size = cell_len(key) + cell_len(label.rstrip())
            if width and used and used + size > width:
                parts[-1] = parts[-1].rstrip()  # type: ignore[union-attr]
                parts.append("\n")
                used = 0
            parts += [(key, KEY_STYLE), label]
            used += cell_len(key) + cell_len(label)
        return parts
