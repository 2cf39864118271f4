import sys
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


@pytest.fixture(autouse=True)
def _no_app_outlives_its_test():
    """An app in a pseudo-terminal whose test failed mid-wait is ended with its test: left running, it
    kept a core busy for the rest of the suite."""
    yield
    ptyapp = sys.modules.get("tests.tui.ptyapp")  # imported only by the tests that start such an app
    if ptyapp is not None:
        ptyapp.PtyApp.end_all()
