"""Waiting for a condition, never for a fixed time: poll until it holds, and on timeout say which
condition never came. (Issue 13 brings a shared `tests/waiting.py`; these two fit into it.)"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any


class _Deadline:
    def __init__(self, what: str, timeout: float) -> None:
        self.what, self.timeout, self.end = what, timeout, time.monotonic() + timeout

    def passed(self, value: Any) -> bool:
        """True when `value` holds; AssertionError naming the condition once the time is up."""
        if value:
            return True
        if time.monotonic() > self.end:
            raise AssertionError(f"timed out after {self.timeout:g} s waiting for: {self.what}")
        return False


def until(condition: Callable[[], Any], what: str, *, timeout: float = 20.0, every: float = 0.01) -> Any:
    """The first true value of `condition()`, polled every `every` seconds; AssertionError naming
    `what` after `timeout`."""
    deadline = _Deadline(what, timeout)
    while not deadline.passed(value := condition()):
        time.sleep(every)
    return value


async def until_async(condition: Callable[[], Any], what: str, *, timeout: float = 20.0, every: float = 0.01) -> Any:
    """`until` for a Pilot test: the app runs while it waits."""
    deadline = _Deadline(what, timeout)
    while not deadline.passed(value := condition()):
        await asyncio.sleep(every)
    return value
