"""Keeping a fast typist's keys in order across a focus change.

Keys reach the focused widget through its own queue, but a priority binding runs as soon as the
app reads its key. A binding that reads a box or moves focus must first let the focused widget
handle the keys it was handed before, or a typist's last letters land in the wrong place.
"""

from __future__ import annotations

import asyncio

from textual.screen import Screen


async def settle(screen: Screen) -> None:
    """Return once the focused widget has handled every key it was handed before this call."""
    focused = screen.focused
    if focused is None:
        return
    handled = asyncio.Event()
    focused.call_later(handled.set)
    await handled.wait()
