"""Where Dialoog keeps its cache: DIALOOG_CACHE when set, else the system's own cache folder."""

import sys
from pathlib import Path

import pytest

from assistant.core import locations


def test_dialoog_cache_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("DIALOOG_CACHE", str(tmp_path / "mine"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert locations.cache_dir() == tmp_path / "mine"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the XDG folders are Linux's")
def test_linux_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("DIALOOG_CACHE", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert locations.cache_dir() == tmp_path / "xdg" / "dialoog"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert locations.cache_dir() == tmp_path / "home" / ".cache" / "dialoog"


@pytest.mark.skipif(sys.platform != "darwin", reason="macOS only")
def test_macos_uses_library_caches(monkeypatch):
    monkeypatch.delenv("DIALOOG_CACHE", raising=False)
    assert locations.cache_dir() == Path.home() / "Library" / "Caches" / "dialoog"
