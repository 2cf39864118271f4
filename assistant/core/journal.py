"""The append-only journal: every save is on disk (written and fsync'ed) before it is acknowledged.

One record per line: `<crc32 of the JSON, 8 hex digits> <compact JSON>\\n`. A crash can leave the
last line incomplete; its checksum (or missing newline) shows it, and the reader skips it with a
warning: it was never acknowledged. Records, by their "t":

    head    first line: {"t": "head", "format": "dialoog-journal/1", "meta": {...}}
    meta    the metadata changed; the latest wins
    event   one event of the transcript
    open    a session took the lock: host, pid, user, since (names the holder to a second process)

The journal is also the lock: a session holds an exclusive `flock` on it, which the kernel releases
when the process dies, however it dies, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assistant.core import durable
from assistant.core.store_errors import LockedError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]
    import msvcrt

JOURNAL_FORMAT = "dialoog-journal/1"
MAX_BYTES = 256 * 1024 * 1024


def encode(record: dict[str, Any]) -> bytes:
    body = json.dumps(record, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")
    return b"%08x %s\n" % (zlib.crc32(body), body)


def _checked(line: bytes) -> bytes | None:
    """The JSON body of a line whose checksum matches, else None."""
    if len(line) < 11 or line[8:9] != b" ":
        return None
    try:
        crc = int(line[:8], 16)
    except ValueError:
        return None
    body = line[9:]
    return body if zlib.crc32(body) == crc else None


def _record(value: Any) -> dict[str, Any] | None:
    return value if isinstance(value, dict) and isinstance(value.get("t"), str) else None


def decode(line: bytes) -> dict[str, Any] | None:
    """The record on one line (without its newline), or None when the line is damaged."""
    body = _checked(line)
    if body is None:
        return None
    try:
        return _record(json.loads(body))
    except (ValueError, RecursionError):  # RecursionError: nested deeper than any record of ours
        return None


def holder_record() -> dict[str, Any]:
    from assistant.core.transcript import now_iso

    try:
        user = getpass.getuser()
    except Exception:  # getuser raises several types where no user name is known
        user = ""
    return {"t": "open", "host": socket.gethostname(), "pid": os.getpid(), "user": user, "since": now_iso()}


def _holder_params(holder: dict[str, Any]) -> dict[str, Any]:
    """Who holds a journal, for the app's own words; '?' for what the journal does not say."""
    who = f"{holder.get('user')}@{holder.get('host')}" if holder.get("user") else str(holder.get("host", "?"))
    return {"who": who, "pid": holder.get("pid", "?"), "since": holder.get("since", "?")}


def describe_holder(holder: dict[str, Any]) -> str:
    if not holder:
        return "another Dialoog process"
    who = f"{holder.get('user')}@{holder.get('host')}" if holder.get("user") else str(holder.get("host", "?"))
    return f"{who}, pid {holder.get('pid', '?')}, since {holder.get('since', '?')}"


@dataclass
class JournalRead:
    """What a journal holds. `problem` is set when the file is not a usable journal at all."""

    head: dict[str, Any] | None = None
    records: list[tuple[int, dict[str, Any]]] = field(default_factory=list)  # (line number, record)
    damaged: list[int] = field(default_factory=list)   # lines skipped inside the file
    torn: bool = False                                  # the last line was incomplete and is ignored
    unterminated: bool = False                          # the last record is whole but lacks its newline
    good_size: int = 0                                  # bytes up to the end of the last whole line
    problem: str | None = None
    foreign: bool = False  # a journal of another format (a newer Dialoog): never rewritten by this one

    @property
    def usable(self) -> bool:
        """A journal this version can continue (its header is whole and ours)."""
        return self.problem is None and self.head is not None

    def last_holder(self) -> dict[str, Any]:
        opens = [r for _, r in self.records if r.get("t") == "open"]
        return opens[-1] if opens else {}


def parse(raw: bytes) -> JournalRead:
    result = JournalRead(good_size=len(raw))
    if not raw:
        result.problem = "empty journal: the program stopped while creating the transcript"
        return result
    end = raw.rfind(b"\n") + 1
    complete = raw[:end].split(b"\n")[:-1]
    tail = raw[end:]
    if tail:  # no final newline: an interrupted write, unless the record itself is whole
        if decode(tail) is not None:
            complete.append(tail)
            result.unterminated = True
        else:
            result.torn = True
            result.good_size = end
    if not complete:
        result.problem = ("journal header incomplete: the program stopped while creating the transcript"
                          if raw[:8].isalnum() else "not a Dialoog journal")
        return result
    head = decode(complete[0])
    if head is None or head.get("t") != "head" or head.get("format") != JOURNAL_FORMAT:
        found = head.get("format") if head else None
        if found:
            result.problem, result.foreign = f"not a Dialoog journal (format '{found}')", True
            return result
        # A damaged first line: the records after it still count (the YAML copy supplies the header).
        result.problem = "not a Dialoog journal (its first line is damaged)"
    else:
        result.head = head
    numbers, bodies = [], []
    for number, line in enumerate(complete[1:], start=2):
        body = _checked(line)
        if body is not None:
            numbers.append(number)
            bodies.append(body)
        elif line:
            result.damaged.append(number)
    try:  # one JSON parse for the whole journal is several times faster than one per line
        values = json.loads(b"[" + b",".join(bodies) + b"]")
    except (ValueError, RecursionError):
        values = None
    if values is None or len(values) != len(bodies):  # a line with a good checksum that is not one
        values = []                                       # JSON value: find it line by line
        for body in bodies:
            try:
                values.append(json.loads(body))
            except (ValueError, RecursionError):
                values.append(None)
    for number, value in zip(numbers, values):
        record = _record(value)
        if record is None:
            result.damaged.append(number)
        else:
            result.records.append((number, record))
    result.damaged.sort()
    return result


def read(path: Path) -> JournalRead:
    """Read and parse a journal; OSError if it cannot be read (ELOOP for a symbolic link: never followed)."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)  # a pipe would block an open without it
    try:
        size = os.fstat(fd).st_size
        if size > MAX_BYTES:
            return JournalRead(problem=f"journal too large ({size:,} bytes)")
        return parse(read_all(fd, size))
    finally:
        os.close(fd)


def read_all(fd: int, size: int) -> bytes:
    """The first `size` bytes of an open file (fewer if it is shorter)."""
    chunks, offset = [], 0
    while offset < size:
        chunk = os.pread(fd, min(size - offset, 1 << 24), offset)
        if not chunk:
            break
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks)


def _lock(fd: int) -> bool:
    """Take the exclusive lock without waiting; False when another process holds it."""
    try:
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        else:  # pragma: no cover - Windows
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    except (BlockingIOError, PermissionError):
        return False
    except OSError as exc:  # pragma: no cover - e.g. a network file system without locks
        if getattr(exc, "errno", None) in (11, 35):
            return False
        raise
    return True


class JournalWriter:
    """An open, locked journal. `append` returns only once the bytes are fsync'ed."""

    def __init__(self, path: Path, fd: int, size: int):
        self.path = path
        self.fd = fd
        self.size = size  # bytes known to be good: a failed append is cut back to this
        self._cut_pending = False

    @classmethod
    def create(cls, path: Path, records: list[dict[str, Any]]) -> JournalWriter:
        """Create a new journal (never over an existing file), lock it and write `records` durably."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_APPEND, durable.FILE_MODE)
        writer = cls(path, fd, 0)
        try:
            if not _lock(fd):  # pragma: no cover - only if another process guessed the new name
                raise LockedError("being_created", f"{path.name} is being created by another Dialoog process",
                                  name=path.name)
            writer.append(b"".join(encode(r) for r in records))
        except BaseException:
            writer.close()
            try:
                path.unlink()
            except OSError:
                pass
            raise
        durable.fsync_dir(path.parent)
        return writer

    @classmethod
    def open(cls, path: Path) -> JournalWriter:
        """Open an existing journal for appending, or raise LockedError naming its holder (never through a
        symbolic link: OSError ELOOP)."""
        fd = os.open(path, os.O_RDWR | os.O_APPEND | os.O_NOFOLLOW | os.O_NONBLOCK)
        if not _lock(fd):
            os.close(fd)
            try:
                holder = read(path).last_holder()
            except OSError:
                holder = {}
            raise LockedError(
                "locked",
                f"{path.stem} is open in another Dialoog ({describe_holder(holder)}); "
                "close it there first, or wait until it is closed", holder,
                name=path.stem, **_holder_params(holder),
            )
        return cls(path, fd, os.fstat(fd).st_size)

    def repair(self, contents: JournalRead) -> None:
        """Drop an interrupted last line (never acknowledged) and end a whole one with its newline,
        so that the next record starts on a line of its own. Call with what was read under the lock."""
        if contents.torn and self.size > contents.good_size:
            os.ftruncate(self.fd, contents.good_size)
            durable._fsync(self.fd)
            self.size = contents.good_size
        elif contents.unterminated:
            self.append(b"\n")

    def contents(self) -> bytes:
        """Every byte of the locked file, as it is now (to keep a damaged journal aside before repairing it)."""
        return read_all(self.fd, os.fstat(self.fd).st_size)

    def rewrite(self, records: list[dict[str, Any]]) -> None:
        """Replace the whole file with `records` (a journal whose header was damaged, kept aside first)."""
        os.ftruncate(self.fd, 0)
        self.size = 0
        self.append(b"".join(encode(r) for r in records))

    def append(self, data: bytes) -> None:
        """Write and fsync `data`; on failure cut the file back to its last good size and re-raise."""
        if self._cut_pending:
            os.ftruncate(self.fd, self.size)
            self._cut_pending = False
        try:
            durable.write_all(self.fd, data)
            durable._fsync(self.fd)
        except OSError:
            try:
                os.ftruncate(self.fd, self.size)
            except OSError:
                self._cut_pending = True
            raise
        self.size += len(data)

    def close(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)  # closing the descriptor releases the lock
            self.fd = -1

    @property
    def closed(self) -> bool:
        return self.fd < 0
