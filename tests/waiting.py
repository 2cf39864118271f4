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


def _failed(what: str, timeout: float, detail: Callable[[], str] | None) -> AssertionError:
    shown = detail() if detail is not None else ""
    return AssertionError(f"timed out after {timeout:g}s waiting until {what}" + (f"\n{shown}" if shown else ""))


def wait_until(condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT,
               between: Callable[[], object] | None = None, detail: Callable[[], str] | None = None) -> T:
    """Poll `condition` until it returns something true, and return that; fail naming `what` (and
    `detail()`, what there was to see) after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise _failed(what, timeout, detail)
        if between is None:
            time.sleep(POLL)
        else:
            between()


async def wait_for(pilot: Pilot, condition: Callable[[], T], what: str, *, timeout: float = TIMEOUT) -> T:
    """Let the app run until `condition` returns something true, and return that; fail naming `what`
    and showing the screen after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            from tests.tui.driving import screen_text

            raise _failed(what, timeout, lambda: f"the screen showed:\n{screen_text(pilot.app)}")
        await pilot.pause()


async def wait_for_text(pilot: Pilot, *texts: str, timeout: float = TIMEOUT) -> str:
    """Until the screen shows every one of `texts`; returns what it shows then."""
    from tests.tui.driving import screen_text

    def shown() -> str:
        text = screen_text(pilot.app)
        return text if all(t in text for t in texts) else ""

    return await wait_for(pilot, shown, f"the screen shows {' and '.join(map(repr, texts))}", timeout=timeout)
