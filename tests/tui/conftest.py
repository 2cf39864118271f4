"""Fixtures for the app tests: the real banks and scripts, a store on tmp_path, an app that does not blink."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.core.store import Store
from assistant.application.library import Library, load_library
from assistant.application.settings import NewMeta, Settings, Start


class FixedClock:
    """Meeting time that moves only when a test says so (stable screenshots, exact clock events)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()


@pytest.fixture
def store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "transcripts", snapshot_delay=None)
    yield store
    store.close()


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def make_app(store: Store, library: Library, clock: FixedClock) -> Callable:
    from assistant.tui.app import DialoogApp

    def make(start: Start | None = None, *, lang: str = "nl", **settings) -> DialoogApp:
        return DialoogApp(store=store, library=library,
                          settings=Settings(lang=lang, start=start or Start(), clock=clock, cursor_blink=False, **settings))

    return make


@pytest.fixture
def new_app(make_app: Callable) -> Callable:
    """An app opened on a new conversation with `script` (details given, so no form)."""

    def make(script: str, **kwargs):
        meta = NewMeta("An Claes", "Sint-Jozef", **kwargs.pop("meta", {}))
        return make_app(Start("new", script=script, meta=meta), **kwargs)

    return make


@pytest.fixture(autouse=True)
def _quick_pilot(monkeypatch):
    """Pilot waits for the app to go idle after each key in 20 ms sleeps; 2 ms is enough here and
    makes typing tests several times faster. Tests then wait for what they look at (tests/waiting.py),
    not for the app to look idle."""
    import textual._wait as wait

    monkeypatch.setattr(wait, "SLEEP_GRANULARITY", 0.002)


@pytest.fixture
def parent(store: Store, library: Library, clock: FixedClock):
    """A new parent dialogue, open for writing (the chat log tests derive its log)."""
    from assistant.application.opening import start_new

    meeting = start_new(store, library, "parent_dialogue", NewMeta(), clock=clock)
    yield meeting
    meeting.session.close()
