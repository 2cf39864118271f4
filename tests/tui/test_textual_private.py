"""The private parts of Textual that assistant.tui.textual_private wraps, and why they are still needed.

If a test here fails after a Textual upgrade: either Textual changed a private part we use (fix the
wrapper module, in one place), or Textual fixed issue #6605 (remove the workaround, as the message says).
"""

from __future__ import annotations

from textual import events
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, SelectionList

from assistant.tui import textual_private
from assistant.tui.widgets.answers.text import OrderedInput
from tests.waiting import wait_for

LAST = "f5"  # a key nobody binds: once it has bubbled to the app, every key before it has been dealt with


class OneBox(App[None]):
    def __init__(self, box: Input) -> None:
        super().__init__()
        self.box = box
        self.reached: list[str] = []

    def compose(self) -> ComposeResult:
        yield self.box

    def on_key(self, event: events.Key) -> None:
        self.reached.append(event.key)


async def typed_in_one_burst(box: Input) -> str:
    """What `box` holds after "b a backspace c" arrive at once, as a terminal delivers a fast typist's keys."""
    app = OneBox(box)
    async with app.run_test() as pilot:
        await wait_for(pilot, lambda: app.focused is box, "the box has focus")
        for key, character in (("b", "b"), ("a", "a"), ("backspace", None), ("c", "c"), (LAST, None)):
            app.post_message(events.Key(key, character))
        await wait_for(pilot, lambda: LAST in app.reached, "the last key has bubbled up to the app")
        return box.value


async def test_textual_still_runs_a_box_s_editing_keys_after_the_letters_behind_them():
    # Issue #6605. When this fails, Textual runs an Input's own bindings in order now: remove KeysInOrder
    # (assistant/tui/typing.py) and the binding look-ups of assistant.tui.textual_private that it needs.
    assert await typed_in_one_burst(Input()) == "ba", (
        "Textual fixed issue #6605: the workaround in assistant.tui.textual_private can go")


async def test_our_boxes_run_their_editing_keys_in_the_order_typed():
    assert await typed_in_one_burst(OrderedInput()) == "bc"


async def test_the_private_parts_still_have_the_shape_we_use():
    box = Input()
    deletes = textual_private.bindings_for(box, "backspace")
    assert deletes and all(isinstance(b, Binding) for b in deletes)
    assert [b.action for b in deletes] == ["delete_left"]
    assert textual_private.bindings_for(box, "no-such-key") == ()
    assert "delete_left" in {b.action for b in textual_private.own_bindings(box)}

    # A binding added at run time is one Textual itself sees (the footer's, the palette's view of keys)
    app = OneBox(Input())
    async with app.run_test() as pilot:
        screen: Screen = app.screen
        textual_private.add_binding(screen, Binding("f6", "app.bell", "Ring", show=True))
        assert "f6" in screen.active_bindings
        assert [b.key for b in textual_private.own_bindings(screen)][-1] == "f6"
        # A key handed to the box is handled as the app hands it on
        textual_private.hand_key(app.box, events.Key("x", "x"))
        await wait_for(pilot, lambda: app.box.value == "x", "the handed key is in the box")

    # The key names our bindings and re-typed keys rely on (the review's find is on "slash")
    assert [textual_private.key_for(c) for c in "a/ ,."] == ["a", "slash", "space", "comma", "full_stop"]
    assert events.Key(textual_private.key_for("é"), "é").is_printable


async def test_the_tick_mark_is_the_one_a_selection_list_draws():
    class Ticks(App[None]):
        def compose(self) -> ComposeResult:
            yield SelectionList(("een", 1, True))

    app = Ticks()
    async with app.run_test() as pilot:
        listing = app.query_one(SelectionList)
        await wait_for(pilot, lambda: listing.option_count == 1, "the list has its option")
        texts = [segment.text for segment in listing.render_line(0)]
        assert textual_private.TICK_MARK in texts
