"""Writing a file the user named (`-o FILE`) or one the app makes for them (a saved summary).

Such files hold the same personal data as the transcripts, and the name comes from outside: it may
already be someone's document, a symbolic link to one, a device (`/dev/full`), or longer than the file
system allows. So every output file is written the same way:

- never over an existing file unless the caller says so (`force`, the command line's --force);
- never through or over a symbolic link or a special file (a device, a pipe, a socket), even with force;
- atomically (a temporary file beside it, fsync, then a rename), so a crash or a full disk leaves the old
  file or the new one, never half of one; created 0600;
- any refusal or failure is an OutputError whose message is one line, also for a name of any length.

    write_output(Path("verslag.md"), markdown.encode(), force=args.force)
"""

from __future__ import annotations

import errno
import os
import secrets
import stat
from pathlib import Path
from typing import Any

from assistant.core import durable

SHOWN_NAME = 80  # characters of a name that a message repeats; a longer one is cut in the middle


class OutputError(Exception):
    """An output file that was not written. `str()` is one English line; `code` and `params` let the app
    say it in its own language (assistant/tui/strings.py: `store_error.<code>`)."""

    def __init__(self, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.code = code
        self.params = params


def shown(path: Path | str) -> str:
    """A path as a message repeats it: a name of hundreds of characters is cut to its start and end."""
    text = os.fspath(path)
    if len(text) <= SHOWN_NAME:
        return text
    half = (SHOWN_NAME - 1) // 2
    return f"{text[:half]}…{text[-half:]}"


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def _failed(path: Path, exc: OSError) -> OutputError:
    if exc.errno == errno.ENAMETOOLONG:
        return OutputError("output_name_too_long", f"cannot write {shown(path)}: the file name is too long",
                           file=shown(path), length=len(os.fspath(path)))
    if exc.errno in (errno.ENOENT, errno.ENOTDIR):
        folder = shown(path.parent)
        return OutputError("output_no_folder", f"cannot write {shown(path)}: there is no folder {folder}",
                           file=shown(path), folder=folder)
    return OutputError("output_failed", f"cannot write {shown(path)}: {durable.reason(exc)}", file=shown(path),
                       reason=durable.reason(exc), os_error=errno.errorcode.get(exc.errno or 0, ""))


def check_output(path: Path | str, *, force: bool = False) -> Path:
    """Refuse `path` before any work is done to make its contents: OutputError when it exists (without
    `force`), is a link or a special file, or cannot be a file name at all. Returns it as a Path."""
    path = Path(path)
    try:
        found = os.lstat(path)
    except FileNotFoundError:
        found = None
    except OSError as exc:
        raise _failed(path, exc) from None
    if found is None:
        return path
    if stat.S_ISLNK(found.st_mode):
        raise OutputError("output_symlink", f"{shown(path)} is a symbolic link: name the file itself (not written)",
                          file=shown(path))
    if stat.S_ISDIR(found.st_mode):
        raise OutputError("output_folder", f"{shown(path)} is a folder: name a file", file=shown(path))
    if not stat.S_ISREG(found.st_mode):
        kind = _kind(found.st_mode)
        raise OutputError("output_special", f"{shown(path)} is {kind}, not a file: name a file (not written)",
                          file=shown(path), kind=kind)
    if not force:
        raise OutputError("output_exists", f"{shown(path)} already exists; use --force to overwrite it",
                          file=shown(path))
    return path


def write_output(path: Path | str, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to the file `path` (0600, atomically); returns the path. OutputError when refused or
    when it cannot be written; a file that existed is then unchanged."""
    path = check_output(path, force=force)
    # A short temporary name: `.NAME.tmp` would pass the file system's limit for a name that is near it.
    temp = path.with_name(f".dialoog-{os.getpid()}-{secrets.token_hex(4)}{durable.TEMP_SUFFIX}")
    try:
        durable.write_new(temp, data, sync_folder=False)
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        _put(temp, path, force)
    except BaseException as exc:
        try:
            temp.unlink()
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise _failed(path, exc) from None
        raise
    durable.fsync_dir(path.parent)
    return path


def _put(temp: Path, path: Path, force: bool) -> None:
    """Move the written temporary file to its name: a rename when replacing is allowed (it replaces a link
    or file that appeared meanwhile, never what it points to); otherwise a hard link, which fails rather
    than replace a file that appeared since the check."""
    check_output(path, force=force)  # what is there now, just before it is replaced
    if force:
        os.replace(temp, path)
        return
    try:
        os.link(temp, path)
    except FileExistsError:
        raise OutputError("output_exists", f"{shown(path)} already exists; use --force to overwrite it",
                          file=shown(path)) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK, errno.EXDEV):
            raise
        os.replace(temp, path)  # a file system without hard links: checked just above
        return
    os.unlink(temp)
