"""Keeping a fast typist's keys in order across a focus change, and within one box.

Keys reach the focused widget through its own queue, but a priority binding runs as soon as the
app reads its key. A binding that reads a box or moves focus must first let the focused widget
handle the keys it was handed before, or a typist's last letters land in the wrong place.

The opposite happens inside a box: an input inserts a letter as it reads the key, but runs its own
bindings (backspace, arrows, ctrl+u, ctrl+w) only once the key has bubbled up through every
parent to the app. Keys that arrive in one burst (tmux, a fast typist, a slow machine) are then
inserted before the editing key before them takes effect: ctrl+u followed by new text cleared the
new text too. `KeysInOrder` runs the box's own bindings as it reads the key (Textual issue #6605, see
assistant.tui.textual_private).
"""

from __future__ import annotations

import asyncio

from textual import events
from textual.screen import Screen

from assistant.tui.textual_private import bindings_for


async def settle(screen: Screen) -> None:
    """Return once the focused widget has handled every key it was handed before this call."""
    focused = screen.focused
    if focused is None:
        return
    handled = asyncio.Event()
    focused.call_later(handled.set)
    await handled.wait()


class KeysInOrder:
    """Mixin for an Input, a TextArea or a list: its own key bindings run in the order the keys arrived."""

    async def _on_key(self, event: events.Key) -> None:
        # Priority bindings were checked before the key got here, and the focused widget is the
        # first the app would ask about the rest: running its binding now changes only when.
        for binding in bindings_for(self, event.key):  # type: ignore[arg-type]
            if not binding.priority and await self.app.run_action(binding.action, self):  # type: ignore[attr-defined]
                event.prevent_default()  # the widget's own key handling (which would insert) is done
                event.stop()
                return


class TogglesInOrder:
    """Mixin for a SelectionList: space toggles the option highlighted when the key is read.

    Textual's SelectionList posts a message on space and toggles whatever is highlighted when that
    message arrives: in a burst ("space down space enter") both toggles hit the second option and
    Enter confirmed before either, so nothing was picked."""

    def action_select(self) -> None:
        highlighted = self.highlighted  # type: ignore[attr-defined]
        if highlighted is not None and not self.get_option_at_index(highlighted).disabled:  # type: ignore[attr-defined]
            self.toggle(self.get_option_at_index(highlighted))  # type: ignore[attr-defined]
