"""A value made on first use: the app's store and library, so the core is imported after the first screen."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

_UNSET = object()


class Later:
    """Stands in for what `make()` returns; the first attribute access (from any thread) makes it, once."""

    def __init__(self, make: Callable[[], Any]) -> None:
        self._make = make
        self._value: Any = _UNSET
        self._lock = threading.Lock()

    def get(self) -> Any:
        if self._value is _UNSET:
            with self._lock:
                if self._value is _UNSET:
                    self._value = self._make()
        return self._value

    def made(self) -> Any:
        """The value if it was made, else None (without making it)."""
        return None if self._value is _UNSET else self._value

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)

    def __repr__(self) -> str:
        return f"Later({'unmade' if self._value is _UNSET else repr(self._value)})"
