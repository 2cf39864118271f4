"""Every path Dialoog uses, in one place.

Nothing here touches the disk at import time; folders are created by the code that first writes
to them (the store), with private permissions.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

PACKAGE_ROOT = Path(__file__).resolve().parents[1]  # the banks and scripts travel inside the package
TRANSCRIPTS_ENV = "DIALOOG_TRANSCRIPTS"
BANKS_ENV = "DIALOOG_BANKS"
SCRIPTS_ENV = "DIALOOG_SCRIPTS"
CACHE_ENV = "DIALOOG_CACHE"
INDEX_NAME = ".index/search.sqlite3"
DRAFTS_FOLDER = ".drafts"
PSEUDONYMS_FOLDER = ".pseudonyms"
DRAFT_SUFFIX = ".draft"
DAMAGED_FOLDER = ".damaged"


def banks_dir() -> Path:
    """The bundled question banks (override with DIALOOG_BANKS)."""
    return Path(os.environ.get(BANKS_ENV) or PACKAGE_ROOT / "question_banks")


def scripts_dir() -> Path:
    """The bundled branching scripts (override with DIALOOG_SCRIPTS)."""
    return Path(os.environ.get(SCRIPTS_ENV) or PACKAGE_ROOT / "scripts")


def templates_dir() -> Path:
    return PACKAGE_ROOT / "templates"


def transcripts_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """Where transcripts live: --transcripts, else DIALOOG_TRANSCRIPTS, else ./transcripts."""
    if override:
        return Path(override)
    return Path(os.environ.get(TRANSCRIPTS_ENV) or "transcripts")


def index_path(store_dir: Path) -> Path:
    """The search index: a cache beside the transcripts it indexes, in a folder of its own so that
    SQLite's side files never change the transcripts folder's mtime (which the index relies on)."""
    return store_dir / INDEX_NAME


def draft_path(folder: Path, stem: str) -> Path:
    """Unsent typing for the transcript `stem` in `folder`: in a hidden folder of its own, so that
    saving it every few seconds never changes the transcripts folder's mtime (the index relies on a
    quiet folder) and no listing mistakes it for a transcript."""
    return folder / DRAFTS_FOLDER / f"{stem}{DRAFT_SUFFIX}"


def damaged_dir(folder: Path) -> Path:
    """Where resuming keeps the damaged copy of a transcript's file before it repairs it: hidden, so that
    no listing takes it for a transcript, and beside the transcripts, with the same privacy."""
    return folder / DAMAGED_FOLDER


def pseudonyms_path(folder: Path, stem: str) -> Path:
    """The facilitator's decisions for the anonymised exports of transcript `stem` (replace or keep each
    word the check asked about): hidden beside the drafts, never listed, removed with the transcript."""
    return folder / PSEUDONYMS_FOLDER / f"{stem}.yaml"


def cache_dir() -> Path:
    """Validated banks and scripts: DIALOOG_CACHE, else the system's cache folder for Dialoog
    ($XDG_CACHE_HOME/dialoog or ~/.cache/dialoog on Linux, ~/Library/Caches/dialoog on macOS,
    %LOCALAPPDATA%\\dialoog\\Cache on Windows), as platformdirs knows it (Textual uses it too)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    return platformdirs.user_cache_path("dialoog", appauthor=False)
