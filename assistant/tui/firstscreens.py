"""The first screen of a new conversation, kept between runs, so that `dialoog new SCRIPT` paints at once.

A new conversation's first screen depends on the script, the banks and the code that lays it out,
and on nothing its facilitator enters except the subject on the top bar (filled in at use). The
helper process (assistant.application.conversation_view) computes it anyway; it stores it here once, and the next
`dialoog new` of that script needs no helper before its first frame. It is kept with a signature of
what it was computed from (the path, size and time stamp of every bank and script file and of the
modules that compute a first screen) and used only when that signature is still exactly the same, so
an edited bank or an upgrade is simply a miss. Stamps, not contents: reading and hashing every bank
would cost the first frame more than the rest of this. A meeting that follows an earlier one or
starts from a preparation shows that transcript's answers: never kept. Like the bank cache, this is
only an optimisation: any problem reading or writing it means a miss.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Any

from assistant import __version__
from assistant.application.conversation_view import Preview, from_dict

FORMAT = "first-screen-v2"
CODE = ("core", "tui")  # the package's folders whose modules compute a first screen
_SAFE_ID = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")


def cacheable(meta: Any) -> bool:
    """Whether a new conversation with these details starts from the script alone."""
    return meta is not None and not meta.follows and not meta.prepared_by


def _stamps(folder: Path, suffix: str = "") -> list[str]:
    with os.scandir(folder) as found:
        entries = sorted((e for e in found if e.name.endswith(suffix) and e.is_file()), key=lambda e: e.name)
        return [f"{e.path}:{e.stat().st_size}:{e.stat().st_mtime_ns}" for e in entries]


def signature(script: str) -> str | None:
    """The signature of what `script`'s first screen is computed from; None if it cannot be kept."""
    from assistant.core import locations

    if not script or not set(script) <= _SAFE_ID:  # it names a file: ids only, never a path
        return None
    package = Path(__file__).resolve().parents[1]
    parts = [FORMAT, __version__, script]
    try:
        for folder in (locations.banks_dir(), locations.scripts_dir()):
            parts.extend(_stamps(folder) if folder.is_dir() else [f"{folder}:-"])
        for sub in CODE:
            parts.extend(_stamps(package / sub, ".py"))
    except OSError:
        return None
    return "\n".join(parts)


def path(script: str) -> Path:
    from assistant.core import locations

    return locations.cache_dir() / f"first-screen-{script}.json"


def load(script: str, signed: str | None, meta: Any) -> Preview | None:
    """The kept first screen for these details, if it was computed from exactly what is there now."""
    if signed is None or not cacheable(meta):
        return None
    try:
        kept = json.loads(path(script).read_text(encoding="utf-8"))
        if kept["signature"] != signed:
            return None
        return replace(from_dict(kept["screen"]), subject=meta.subject)
    except (OSError, ValueError, KeyError, TypeError, IndexError):
        return None


def store(script: str, signed: str | None, data: dict[str, Any]) -> None:
    """Keep a first screen (as the helper computed it) without its subject; never raises."""
    if signed is None or not data:
        return
    target = path(script)
    try:
        from assistant.core import durable  # on the helper's side: start-up does not need it

        durable.ensure_private_dir(target.parent)
        handle, temp = tempfile.mkstemp(dir=target.parent, prefix=".first-screen-", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump({"signature": signed, "screen": {**data, "subject": ""}}, out, ensure_ascii=False)
            os.replace(temp, target)
        except BaseException:
            os.unlink(temp)
            raise
    except OSError:
        pass
