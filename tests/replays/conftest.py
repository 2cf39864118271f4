"""The replays use the bundled banks and scripts, loaded once."""

from __future__ import annotations

import pytest

from assistant.application.settings import Library


@pytest.fixture(scope="session")
def library() -> Library:
    from assistant.core import locations
    from assistant.core.catalog import load_bank_folder, load_script_folder

    banks = load_bank_folder(locations.banks_dir())
    return Library(banks, load_script_folder(locations.scripts_dir(), banks))
