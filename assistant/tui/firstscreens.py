"""The first screen of a new conversation, kept between runs, so that `dialoog new SCRIPT` paints at once.

A new conversation's first screen depends on the script, the banks and the code that lays it out,
and on nothing its facilitator enters except the subject on the top bar (filled in at use). The
helper process (assistant.tui.preview) computes it anyway; it stores it here once, and the next
`dialoog new` of that script needs no helper answer before its first frame. The key hashes every
bank and script file and the size and time stamp of the modules that compute a first screen, so an
edited bank or an upgrade is simply a miss. A meeting that follows an earlier one or starts from a
preparation shows that transcript's answers: never cached. Like the bank cache, this is only an
optimisation: any problem reading or writing it means a miss.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.tui.preview import Preview, from_dict

FORMAT = b"first-screen-v1"
CODE = ("core", "tui")  # the package's folders whose modules compute a first screen


def cacheable(meta: Any) -> bool:
    """Whether a new conversation with these details starts from the script alone."""
    return meta is not None and not meta.follows and not meta.prepared_by


def key(script: str) -> str | None:
    """What the first screen of `script` is computed from, hashed; None if a folder cannot be read."""
    from assistant.core import locations

    digest = hashlib.sha256(FORMAT + b"\0" + __version__.encode() + b"\0" + script.encode() + b"\0")
    package = Path(__file__).resolve().parents[1]
    try:
        for folder in (locations.banks_dir(), locations.scripts_dir()):
            if not folder.is_dir():
                digest.update(b"-\0")
                continue
            for name in sorted(os.listdir(folder)):
                path = folder / name
                if path.is_file():
                    digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        for sub in CODE:
            with os.scandir(package / sub) as found:
                for entry in sorted(found, key=lambda e: e.name):
                    if entry.name.endswith(".py"):
                        stat = entry.stat()
                        digest.update(f"{sub}/{entry.name}:{stat.st_size}:{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    return digest.hexdigest()[:32]


def _path(ident: str) -> Path:
    from assistant.core import locations

    return locations.cache_dir() / f"first-screen-{ident}.json"


def load(ident: str | None, meta: Any) -> Preview | None:
    """The stored first screen for these details, or None."""
    if ident is None or not cacheable(meta):
        return None
    try:
        data = json.loads(_path(ident).read_text(encoding="utf-8"))
        return replace(from_dict(data), subject=meta.subject)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def store(ident: str | None, data: dict[str, Any]) -> None:
    """Keep a first screen (as the helper computed it) without its subject; never raises."""
    if ident is None or not data:
        return
    path = _path(ident)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handle, temp = tempfile.mkstemp(dir=path.parent, prefix=".first-screen-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({**data, "subject": ""}, out, ensure_ascii=False)
            os.replace(temp, path)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass
