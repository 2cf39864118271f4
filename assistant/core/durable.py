"""Writing files so that a crash at any moment leaves either the old or the new version on disk.

Transcripts hold personal data about pupils and families: folders are created 0700, files 0600.
`_write` and `_fsync` are the only calls that put bytes on disk; tests replace them to simulate a
full disk.
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

_write = os.write
_fsync = os.fsync

FILE_MODE = 0o600
DIR_MODE = 0o700
TEMP_SUFFIX = ".tmp"

_REASONS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.EROFS: "the disk is read-only",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EIO: "the disk reported an input/output error",
    errno.ENOENT: "the folder no longer exists",
}


def reason(exc: OSError) -> str:
    """A short human reason for a failed file operation."""
    return _REASONS.get(exc.errno or 0) or (exc.strerror or str(exc)).lower()


def ensure_private_dir(path: Path) -> None:
    """Create `path` and any missing parents, each private (0700) whatever the umask; folders that
    already exist are left as they are."""
    path = Path(path)
    if path.is_dir():
        return
    missing = []
    for folder in (path, *path.parents):
        if os.path.lexists(folder):  # a folder, or something else that the mkdir below then says
            break
        missing.append(folder)
    if not missing:
        path.mkdir(mode=DIR_MODE)  # raises what is in the way (a file: FileExistsError)
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            if not folder.is_dir():
                raise
            continue  # another process made it a moment ago: theirs to set
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask (000 would leave 0777)


def fsync_dir(path: Path) -> None:
    """Make a created, renamed or removed directory entry durable (a no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        _fsync(fd)
    except OSError:
        pass  # some file systems refuse fsync on folders; the entry is then as durable as they allow
    finally:
        os.close(fd)


def touch_dir(path: Path) -> None:
    """Mark the folder changed (its mtime), for readers that trust an unchanged folder (the index)."""
    try:
        os.utime(path)
    except OSError:
        pass  # then the write that follows most likely fails too, and says so


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = _write(fd, view)
        view = view[written:]


def temp_name(target: Path) -> Path:
    """A hidden temporary name beside `target`, so listings never mistake it for a transcript."""
    return target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(3)}{TEMP_SUFFIX}")


def write_new(target: Path, data: bytes, *, sync_folder: bool = True) -> None:
    """Create `target` (never over an existing file or through a link), private, with `data`, fsync'ed;
    nothing is left of it when that fails. `sync_folder`: make the new name itself durable too."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, FILE_MODE)
    try:
        try:
            write_all(fd, data)
            _fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        try:
            target.unlink()
        except OSError:
            pass
        raise
    if sync_folder:
        fsync_dir(target.parent)


def atomic_write(target: Path, data: bytes) -> None:
    """Replace `target` with `data`: temp file, fsync, rename, fsync the folder. Raises OSError."""
    temp = temp_name(target)
    write_new(temp, data, sync_folder=False)
    try:
        os.replace(temp, target)
    except BaseException:
        try:
            temp.unlink()
        except OSError:
            pass
        raise
    fsync_dir(target.parent)


def remove_stale_temps(target: Path) -> None:
    """Remove temp files a killed writer left beside `target` (call only while holding its lock)."""
    prefix = f".{target.name}."
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith(prefix) and entry.name.endswith(TEMP_SUFFIX):
            try:
                os.unlink(entry.path)
            except OSError:
                pass
