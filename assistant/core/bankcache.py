"""A cache of validated banks, so that starting the app costs no YAML parse and no pydantic.

Keyed by a hash of the file's bytes (and the format version), so an edited bank is simply a miss.
Only banks that validated are cached, so a hit is as trustworthy as a fresh validation. The cache
is an optimisation: any problem reading or writing it falls back to validating the file.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from pathlib import Path
from typing import Any

from assistant.core import durable, locations
from assistant.core.bank import AnswerType, Bank, Level, Question, Section, load_bank
from assistant.core.yamlsource import MAX_BYTES, SourceError, SourceErrors

FORMAT = "bank-v1"


def _key(raw: bytes) -> str:
    return hashlib.sha256(FORMAT.encode() + b"\0" + raw).hexdigest()[:32]


def _tuple(values: Any) -> tuple[str, ...] | None:
    return tuple(values) if values is not None else None


def _question(data: dict[str, Any]) -> Question:
    data = dict(data)
    data["level"] = Level(data["level"])
    data["type"] = AnswerType(data["type"])
    for key in ("probes", "tags"):
        data[key] = tuple(data[key])
    for key in ("options", "rows", "columns"):
        data[key] = _tuple(data[key])
    return Question(**data)


def _section(data: dict[str, Any]) -> Section:
    data = dict(data)
    data["questions"] = tuple(_question(q) for q in data["questions"])
    data["sections"] = tuple(_section(s) for s in data["sections"])
    return Section(**data)


def bank_from_dict(data: dict[str, Any]) -> Bank:
    """Rebuild a bank from its cached (already validated) form."""
    data = {k: v for k, v in data.items() if not k.startswith("_")}
    data["sections"] = tuple(_section(s) for s in data["sections"])
    return Bank(**data)


def bank_to_dict(bank: Bank) -> dict[str, Any]:
    return {k: v for k, v in asdict(bank).items() if not k.startswith("_")}


def load_bank_cached(path: Path, display: str | None = None, cache_dir: Path | None = None) -> Bank:
    """The bank in `path`, from the cache when this exact file was validated before."""
    shown = display or str(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            return load_bank(path, shown)  # gives the size error
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceErrors([SourceError(shown, 1, 1, f"cannot read file: {exc.strerror}")]) from None
    folder = cache_dir or locations.cache_dir()
    entry = folder / f"{_key(raw)}.json"
    try:
        return bank_from_dict(json.loads(entry.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    bank = load_bank(path, shown)
    _store(entry, bank)
    return bank


def _store(entry: Path, bank: Bank) -> None:
    try:
        durable.ensure_private_dir(entry.parent)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(bank_to_dict(bank), f, ensure_ascii=False)
        os.replace(tmp, entry)
    except OSError:
        pass  # a read-only or full cache only costs speed
