"""Dialogs whose result is acted on before the app reads the next key.

Textual hands a dialog's result to the callback given to `push_screen` only once the app's queue is
empty: in a burst ('ctrl+t Fatima Enter', then ctrl+l at once) the callback ran after the keys
typed later and undid them (it put focus back in the answer box while the log was being used). A
dialog here finishes with `finish(result)`: it leaves the screen and awaits its `handler` at once, in
the key's own turn when the key is a priority binding (as these dialogs' save, submit and cancel are).
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any


class OrderedResult:
    """Mixin for a ModalScreen: `handler` (set by whoever opens it) gets the result before the next key."""

    handler: Callable[[Any], Awaitable[None] | None] | None = None

    async def finish(self, result: Any) -> None:
        self.dismiss(result)  # type: ignore[attr-defined]  # the screen below is on top again now
        if self.handler is not None:
            handler, self.handler = self.handler, None
            outcome = handler(result)
            if inspect.isawaitable(outcome):
                await outcome
