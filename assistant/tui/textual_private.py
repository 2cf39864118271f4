"""The private parts of Textual that Dialoog relies on, in one place, each for a stated reason.

Textual issue #6605 (https://github.com/Textualize/textual/issues/6605): an Input or a TextArea
inserts a printable key as soon as it reads it, but runs its own bindings (backspace, arrows, ctrl+u,
ctrl+w) only once the key has bubbled up through every parent to the app. Keys that arrive in one
burst (tmux, a fast typist, a slow machine) are then inserted before the editing key before them takes
effect: "b a backspace c" gives "ba", not "bc". Our workaround runs a box's own bindings as the box
reads the key (`KeysInOrder`), and types keys kept for a box that did not exist yet through the box's
own priority bindings (the conversation screen). Both need to ask which bindings one node has for a
key, and Textual has no public way to ask that: a node's BindingsMap is the private
`DOMNode._bindings`. The same map is where a binding with a label in the interface language is added
at run time (class BINDINGS cannot know the language) and where the key bar reads a screen's own keys.
Re-typing characters as keys needs the key name Textual gives a character, which only the private
`textual.keys._character_to_key` computes (the terminal driver uses it), and handing such a key to the
box as the app hands it on after its priority bindings is the private `Widget._forward_event`.

Apart from #6605: the tick boxes (assistant.tui.widgets.ticks) recognise the box a SelectionList draws
by `ToggleButton.BUTTON_INNER`, and ToggleButton is not exported by `textual.widgets`.

tests/tui/test_textual_private.py checks that these still exist with the shape used here, so that an
upgrade that changes them fails in the tests, not in a meeting; and that the limitation of #6605 still
exists, so that when an upgrade fixes it the test says that the workaround can go.
"""

from __future__ import annotations

from collections.abc import Iterator

from textual import events
from textual.binding import Binding
from textual.dom import DOMNode
from textual.keys import _character_to_key
from textual.widget import Widget
from textual.widgets._toggle_button import ToggleButton

TICK_MARK = ToggleButton.BUTTON_INNER


def bindings_for(node: DOMNode, key: str) -> tuple[Binding, ...]:
    """The bindings `node` itself has for `key` (not its parents'), in the order they were added."""
    return tuple(node._bindings.key_to_bindings.get(key, ()))


def own_bindings(node: DOMNode) -> Iterator[Binding]:
    """Every binding `node` itself has, key by key, in the order they were added."""
    for bindings in node._bindings.key_to_bindings.values():
        yield from bindings


def add_binding(node: DOMNode, binding: Binding) -> None:
    """Give `node` one more binding at run time (after its class BINDINGS)."""
    node._bindings.key_to_bindings.setdefault(binding.key, []).append(binding)


def key_for(character: str) -> str:
    """The key name Textual gives a typed character: 'a', 'comma', 'space', 'slash' ..."""
    return _character_to_key(character)


def hand_key(widget: Widget, key: events.Key) -> None:
    """Give `widget` a key as the app gives the focused widget a key no priority binding took."""
    widget._forward_event(key)
