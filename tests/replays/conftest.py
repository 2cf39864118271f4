"""The replays use the bundled banks and scripts, loaded once."""

from __future__ import annotations

import pytest

from assistant.application.library import Library, load_library


@pytest.fixture(scope="session")
def library() -> Library:
    return load_library()
