"""Waiting for a condition, never for a fixed time: poll until it holds, and on timeout say which
condition never came. (Issue 13 brings a shared `tests/waiting.py`; these two fit into it.)"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any


def until(condition: Callable[[], Any], what: str, *, timeout: float = 20.0, every: float = 0.01) -> Any:
    """The first true value of `condition()`, polled every `every` seconds; AssertionError naming
    `what` (a callable is called for the message, to show the state at that moment) after `timeout`."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for: {what}")
        time.sleep(every)


async def until_async(condition: Callable[[], Any], what: str, *, timeout: float = 20.0, every: float = 0.01) -> Any:
    """`until` for a Pilot test: the app runs while it waits."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for: {what}")
        await asyncio.sleep(every)
