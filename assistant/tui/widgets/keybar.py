"""The key bar at the bottom of every screen: the screen's own shown bindings, and the palette.

Textual's Footer rebuilds itself whenever focus moves, which in a conversation is after every
answer; the keys a facilitator needs do not change with focus, so this bar is drawn once per screen.
"""

from __future__ import annotations

from itertools import combinations

from rich.cells import cell_len
from textual.content import Content
from textual.geometry import Size
from textual.widgets import Static

from assistant.tui.textual_private import own_bindings

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

    _keys: list[tuple[str, str]] = []

    def on_mount(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        screen = self.screen
        app = self.app
        keys: list[tuple[str, str]] = []
        seen: set[str] = set()
        for binding in own_bindings(screen):
            if not binding.show or not binding.description or binding.action in seen:
                continue
            if screen.check_action(binding.action, ()) is False:
                continue
            seen.add(binding.action)
            keys.append((app.get_key_display(binding), f" {binding.description} "))
        keys.append(("^p", f" {app.strings('app.palette')}"))  # type: ignore[attr-defined]
        self._keys = keys
        self.update(Content.assemble(*self._lines(keys, self.content_size.width)))

    # The lines are laid out for the width the bar is given, in the same layout pass: a bar that
    # re-broke its lines only once it had been resized took a second layout (and a frame) to settle,
    # and, measured before that, a bar widened to 80 columns kept two lines.
    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not self.wrap:
            return 1
        return 1 + sum(1 for part in self._lines(self._keys, width) if part == "\n")

    def render(self) -> Content:
        return Content.assemble(*self._lines(self._keys, self.content_size.width))

    def _lines(self, keys: list[tuple[str, str]], width: int) -> list[Content | str | tuple[str, str]]:
        """The keys in a row; with `wrap`, broken between two keys (never inside one) where the line of
        `width` is full, into lines of about equal length (filled greedily, the summary's second line held
        only '^p Palet')."""
        sizes = [cell_len(key) + cell_len(label.rstrip()) for key, label in keys]
        starts = set(line_starts(sizes, width)[1:]) if self.wrap and width > 0 else set()
        parts: list[Content | str | tuple[str, str]] = []
        for index, (key, label) in enumerate(keys):
            if index in starts:
                parts[-1] = parts[-1].rstrip()  # type: ignore[union-attr]
                parts.append("\n")
            parts += [(key, KEY_STYLE), label]
        return parts


def line_starts(sizes: list[int], width: int) -> list[int]:
    """Where each line starts, for items of these widths set one space apart in lines of `width`: as
    few lines as filling them in turn takes, and of those breaks the one whose longest line is
    shortest (an item wider than a line has a line of its own)."""
    count = len(sizes)

    def length(start: int, end: int) -> int:
        return sum(sizes[start:end]) + (end - start - 1)

    lines, used = 1, -1
    for size in sizes:  # greedily: how many lines are needed
        if used >= 0 and used + 1 + size > width:
            lines, used = lines + 1, -1
        used += 1 + size
    if count == 0 or lines == 1:
        return [0]

    def fits(starts: tuple[int, ...]) -> bool:
        return all(length(a, b) <= width or b - a == 1 for a, b in zip(starts, [*starts[1:], count]))

    def evenness(starts: tuple[int, ...]) -> tuple[int, int, tuple[int, ...]]:
        widths = [length(a, b) for a, b in zip(starts, [*starts[1:], count])]
        # the longest line as short as can be, then the lengths as close as can be, then fuller lines first
        return max(widths), sum(w * w for w in widths), tuple(-a for a in starts)

    # a key bar has a dozen keys at most, on two or three lines: every way of breaking them can be tried
    breaks = ((0, *rest) for rest in combinations(range(1, count), lines - 1))
    return list(min((starts for starts in breaks if fits(starts)), key=evenness))
