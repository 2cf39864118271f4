"""The key bar at the bottom of every screen: the screen's own shown bindings, and the palette.

Textual's Footer rebuilds itself whenever focus moves, which in a conversation is after every
answer; the keys a facilitator needs do not change with focus, so this bar is drawn once per screen.
"""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $footer-background; color: $footer-foreground; padding: 0 1; }
    """

    def on_mount(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        screen = self.screen
        app = self.app
        parts: list[Content | str | tuple[str, str]] = []
        seen: set[str] = set()
        for bindings in screen._bindings.key_to_bindings.values():
            for binding in bindings:
                if not binding.show or not binding.description or binding.action in seen:
                    continue
                if screen.check_action(binding.action, ()) is False:
                    continue
                seen.add(binding.action)
                parts += [(app.get_key_display(binding), "bold $footer-key-foreground"), f" {binding.description} "]
        palette = app.strings("app.palette")  # type: ignore[attr-defined]
        parts += [("^p", "bold $footer-key-foreground"), f" {palette}"]
        self.update(Content.assemble(*parts))
