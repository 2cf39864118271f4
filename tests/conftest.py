from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).parent.parent


@pytest.fixture
def data_dir() -> Path:
    return DATA


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory, monkeypatch):
    """Tests never write to the user's ~/.cache."""
    monkeypatch.setenv("DIALOOG_CACHE", str(tmp_path_factory.getbasetemp() / "dialoog-cache"))
