"""Tick boxes that read as ticked or not without colour: an empty box for an option not picked.

Textual's SelectionList draws the same X in every box and tells them apart only by colour; on the
dark theme an unticked box (dark on navy) read as ticked, so a checklist looked all chosen."""

from __future__ import annotations

from rich.segment import Segment
from textual.strip import Strip

from assistant.tui.textual_private import TICK_MARK


class TickBoxes:
    """Mixin for a SelectionList: the box of an option that is not picked is drawn empty."""

    def render_line(self, y: int) -> Strip:
        strip = super().render_line(y)  # type: ignore[misc]
        index = self.scroll_offset.y + y  # type: ignore[attr-defined]
        if not 0 <= index < self.option_count:  # type: ignore[attr-defined]
            return strip
        if self.get_option_at_index(index).value in self.selected:  # type: ignore[attr-defined]
            return strip
        segments = list(strip)
        if len(segments) > 1 and segments[1].text == TICK_MARK:
            segments[1] = Segment(" " * len(segments[1].text), segments[1].style)
        return Strip(segments, strip.cell_length)
