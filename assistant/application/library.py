"""The banks and scripts every part of Dialoog works with, loaded one way for the app and every subcommand."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Library:
    """The banks and scripts the app works with (loaded by `load_library`, or by a test)."""

    banks: Mapping[str, Any]
    scripts: Mapping[str, Any]


def load_library(banks_folder: Path | None = None, *, scripts: bool = True) -> Library:
    """The question banks (of `banks_folder`, else the configured or bundled ones) and, with `scripts`, the
    scripts built on them, through the validated caches. A folder that is not there holds nothing; a broken
    bank or script raises SourceErrors (each error says file:line:col)."""
    from assistant.core import locations
    from assistant.core.catalog import load_bank_folder, load_script_folder

    folder = banks_folder or locations.banks_dir()
    banks = load_bank_folder(folder) if folder.is_dir() else {}
    scripts_dir = locations.scripts_dir()
    return Library(banks, load_script_folder(scripts_dir, banks) if scripts and scripts_dir.is_dir() else {})
