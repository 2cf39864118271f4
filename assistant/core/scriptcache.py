"""A cache of checked script files, so that starting the app costs no YAML parse and no pydantic.

What is cached is the script's plain data after it passed the shape check, keyed by a hash of the
file's bytes. Rules are always compiled afresh against the banks of the day (that is quick, and a
bank may have changed since): if they no longer fit, the file is loaded again so that the errors
carry their line and column.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from assistant.core import durable, locations
from assistant.core.bank import Bank
from assistant.core.script import Script, load_script, script_from_located
from assistant.core.yamlsource import MAX_BYTES, Located, SourceError, SourceErrors

FORMAT = "script-v1"


def _key(raw: bytes) -> str:
    return hashlib.sha256(FORMAT.encode() + b"\0" + raw).hexdigest()[:32]


def load_script_cached(path: Path, banks: Mapping[str, Bank], display: str | None = None, cache_dir: Path | None = None) -> Script:
    """The script in `path`, checked against `banks`; its shape from the cache when this exact file passed before."""
    shown = display or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return load_script(path, banks, shown)  # gives the size error
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceErrors([SourceError(shown, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    entry = (cache_dir or locations.cache_dir()) / f"{_key(raw)}.json"
    data: Any = None
    try:
        data = json.loads(entry.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    if isinstance(data, dict):
        try:
            return script_from_located(Located(shown, data), banks, shape_checked=True)
        except SourceErrors:
            pass  # the banks changed under the script: load it again for errors with positions
        except (KeyError, TypeError, AttributeError, ValueError):
            pass  # a damaged entry
    from assistant.core.yamlsource import load_located

    located = load_located(path, shown)
    script = script_from_located(located, banks)
    _store(entry, located.data)
    return script


def _store(entry: Path, data: Any) -> None:
    try:
        durable.ensure_private_dir(entry.parent)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, ensure_ascii=False)
        os.replace(tmp, entry)
    except (OSError, TypeError, ValueError):
        pass  # a read-only or full cache only costs speed
