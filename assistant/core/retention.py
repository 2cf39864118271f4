"""Keeping personal data no longer than needed: closed transcripts older than N months.

Only closed, readable transcripts are ever candidates; open ones are still in use and unreadable
files are never deleted (someone must look at them). Age counts from the last change.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import datetime, timezone

from assistant.core.listing import TranscriptInfo
from assistant.core.store_errors import StoreError


def months_before(moment: datetime, months: int) -> datetime:
    """The same day and time `months` calendar months earlier (the 31st becomes the month's last day)."""
    index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def _moment(stamp: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def expired(store, months: int, now: datetime | None = None) -> list[TranscriptInfo]:
    """Closed transcripts whose last change is more than `months` months ago, oldest first."""
    if months < 1:
        raise ValueError("--months must be 1 or more")
    cutoff = months_before(now or datetime.now(timezone.utc).astimezone(), months)
    found = []
    for info in store.list(status="closed"):
        moment = _moment(info.updated) if info.readable else None
        if moment is not None and moment < cutoff:
            found.append(info)
    return sorted(found, key=lambda i: i.updated)


@dataclass
class Deletion:
    deleted: list[TranscriptInfo] = field(default_factory=list)
    failed: list[tuple[TranscriptInfo, str]] = field(default_factory=list)


def delete_expired(store, months: int, now: datetime | None = None) -> Deletion:
    """Delete what `expired` lists; one that cannot be deleted (open elsewhere) is reported, not fatal."""
    result = Deletion()
    for info in expired(store, months, now):
        try:
            store.delete(info.name, require_closed=True)
        except StoreError as exc:
            result.failed.append((info, str(exc)))
        else:
            result.deleted.append(info)
    return result
