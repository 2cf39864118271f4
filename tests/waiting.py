"""Every wait the tests do: until a stated condition holds, never for a guessed length of time.

A pause of a fixed length asserts that the machine is fast enough, and on a busy 2-core machine it is
not. These poll a condition instead, so a loaded machine makes a test slower rather than red, and a
condition that never comes fails with its name (and what the screen showed).

- `wait_for(pilot, condition, what)`: the app under Pilot. Between polls it hands the loop to the app
  (`pilot.pause()` with no delay: the queued messages handled, then idle), so what the test typed is
  worked through; a condition that a thread of the app sets (a worker, the draft writer) comes too.
- `wait_until(condition, what)`: state another process or thread sets (a program in a pseudo-terminal,
  a file, a child process). Between polls it calls `between`: a short sleep unless the caller has
  something better to do meanwhile, such as reading the terminal.

`what` is the condition in words, as the failure message reads it: "waiting until {what}".
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from textual.pilot import Pilot

T = TypeVar("T")

TIMEOUT = 20.0
"""Seconds one wait may take before the test has failed: generous, as a busy machine is slow."""

POLL = 0.02
"""Seconds between polls of state this thread cannot hand control to."""


class _Poll:
    """One wait: `done()` is True once `condition` returns something true (kept in `result`), and
    raises, naming `what` and showing `detail()`, once `timeout` seconds have gone by without it."""

    def __init__(self, condition: Callable[[], T], what: str, timeout: float, detail: Callable[[], str] | None):
        self.condition, self.what, self.timeout, self.detail = condition, what, timeout, detail
        self.deadline = time.monotonic() + timeout
        self.result: T | None = None

    def done(self) -> bool:
        self.result = self.condition()
        if self.result:
            return True
        if time.monotonic() > self.deadline:
            shown = self.detail() if self.detail is not None else ""
            raise AssertionError(f"timed out after {self.timeout:g}s waiting until {self.what}" + (f"\n{shown}" if shown else ""))
        return False


def wait_until(condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT,
               between: Callable[[], object] | None = None, detail: Callable[[], str] | None = None) -> T:
    """Poll `condition` until it returns something true, and return that; fail naming `what` (and
    `detail()`, what there was to see) after `timeout` seconds."""
    poll = _Poll(condition, what, timeout, detail)
    while not poll.done():
        if between is None:
            time.sleep(POLL)
        else:
            between()
    return poll.result


async def wait_for(pilot: Pilot, condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT) -> T:
    """Let the app run until `condition` returns something true, and return that; fail naming `what`
    and showing the screen after `timeout` seconds."""
    from tests.tui.driving import screen_text

    poll = _Poll(condition, what, timeout, lambda: f"the screen showed:\n{screen_text(pilot.app)}")
    while not poll.done():
        await pilot.pause()
    return poll.result


async def wait_for_text(pilot: Pilot, *texts: str, timeout: float = TIMEOUT) -> str:
    """Until the screen shows every one of `texts`; returns what it shows then."""
    from tests.tui.driving import screen_text

    def shown() -> str:
        text = screen_text(pilot.app)
        return text if all(t in text for t in texts) else ""

    return await wait_for(pilot, shown, f"the screen shows {' and '.join(map(repr, texts))}", timeout=timeout)
