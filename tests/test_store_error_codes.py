"""Every store error names its kind (a stable code) and the values in its message, for the app to translate.

Each case makes the error happen on a real folder (a full disk is os.write failing, as in
test_store_failures.py). The codes are read from the source of the core, so a new kind of store error
without a case here (and without a translation: tests/tui/test_store_error_strings.py) fails."""

from __future__ import annotations

import ast
import errno
import inspect
import os
from pathlib import Path

import pytest
from storekit import files_of, new_store, school, write_yaml_only

from assistant.core import durable, index, journal, session, store, transcript_files
from assistant.core.store_errors import LockedError, NotFoundError, SaveError, StoreError, TranscriptError
from assistant.core.transcript_files import TranscriptFiles, read_transcript

SOURCES = (store, session, transcript_files, index, journal)
ERRORS = {"StoreError", "NotFoundError", "TranscriptError", "LockedError", "SaveError"}
# Not made to happen here: a lock race on a brand-new file, and SQLite failing in memory.
UNREACHED = {"being_created", "index_failed"}
DISK_FULL = {"reason": "the disk is full", "os_error": "ENOSPC"}


def full_disk(monkeypatch) -> None:
    def write(fd, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(durable, "_write", write)


def closed_transcript(folder: Path) -> tuple[store.Store, str]:
    shelf = new_store(folder)
    held = shelf.create(school())
    held.record("answer", question="q", value="x")
    held.close("closed")
    return shelf, held.name


def error_of(make, *args, **kwargs) -> StoreError:
    with pytest.raises(StoreError) as caught:
        make(*args, **kwargs)
    return caught.value


# -- one way to meet each kind ------------------------------------------------------------------------
def not_found_path(tmp, mp):
    return error_of(new_store(tmp).locate, tmp / "gone.yaml")


def not_found_id(tmp, mp):
    return error_of(new_store(tmp).locate, "abcd1234")


def not_found_files(tmp, mp):
    return error_of(read_transcript, TranscriptFiles(tmp, "gone"))


def no_reference(tmp, mp):
    return error_of(new_store(tmp).locate, "  ")


def ambiguous(tmp, mp):
    shelf = new_store(tmp)
    for _ in range(2):
        shelf.create(school("Sint-Jozef")).close()
    return error_of(shelf.locate, "Sint-Jozef")


def create_folder(tmp, mp):
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "file").write_text("not a folder")
    return error_of(new_store(tmp / "file" / "sub").create, school())


def duplicate_id(tmp, mp):
    shelf, transcript = new_store(tmp), school()
    shelf.create(transcript).close()
    return error_of(shelf.create, transcript)


def create_journal(tmp, mp):
    shelf = new_store(tmp)
    shelf.create(school()).close()  # the folder exists: the journal is what fails
    full_disk(mp)
    return error_of(shelf.create, school())


def create_journal_from_yaml(tmp, mp):
    files = write_yaml_only(tmp, school())
    full_disk(mp)
    return error_of(new_store(tmp).resume, files.stem)


def closed(tmp, mp):
    shelf, name = closed_transcript(tmp)
    return error_of(shelf.resume, name)


def closed_yaml_only(tmp, mp):
    shelf, name = closed_transcript(tmp)
    files_of(shelf, name).journal.unlink()
    return error_of(shelf.resume, name)


def open_journal(tmp, mp):
    shelf, name = closed_transcript(tmp)
    files = files_of(shelf, name)
    files.journal.unlink()
    files.journal.mkdir()
    return error_of(shelf.resume, name, reopen=True)


def write_journal(tmp, mp):
    shelf, name = closed_transcript(tmp)
    full_disk(mp)
    return error_of(shelf.resume, name, reopen=True)


def cannot_continue(tmp, mp):
    shelf, name = closed_transcript(tmp)  # a journal of a newer Dialoog is never rewritten by this one
    files_of(shelf, name).journal.write_bytes(journal.encode({"t": "head", "format": "dialoog-journal/9"}))
    return error_of(shelf.resume, name, reopen=True)


def not_a_file(tmp, mp):
    shelf, name = closed_transcript(tmp)
    files = files_of(shelf, name)
    outside = tmp.parent / f"{tmp.name}-outside.journal"
    files.journal.rename(outside)
    files.journal.symlink_to(outside)
    return error_of(shelf.load, name)


def keep_aside(tmp, mp):
    shelf, name = closed_transcript(tmp)
    files = files_of(shelf, name)
    files.journal.write_bytes(files.journal.read_bytes()[:-5])  # cut short: resuming keeps it aside first
    (tmp / ".damaged").write_text("a file where the folder goes")
    return error_of(shelf.resume, name, reopen=True)


def reopened(tmp, mp):
    shelf = new_store(tmp)
    shelf.create(school()).close()
    return error_of(shelf.delete, shelf.list()[0].id, require_closed=True)


def delete_failed(tmp, mp):
    shelf, name = closed_transcript(tmp)
    files = files_of(shelf, name)
    files.yaml.unlink()
    files.yaml.mkdir()  # a folder where the YAML copy was cannot be unlinked
    return error_of(shelf.delete, name)


def locked(tmp, mp):
    shelf, name = closed_transcript(tmp)
    shelf.resume(name, reopen=True)  # held by this Store: another one is refused
    return error_of(new_store(tmp).resume, name)


def closed_in_session(tmp, mp):
    held = new_store(tmp).create(school())
    held.close()
    return error_of(held.record, "note", text="te laat")


def save_failed(tmp, mp):
    held = new_store(tmp).create(school())
    full_disk(mp)
    return error_of(held.record, "answer", question="q", value="x")


def rewrite_yaml(tmp, mp):
    held = new_store(tmp).create(school())
    held.record("answer", question="q", value="x")
    full_disk(mp)
    return error_of(held.snapshot)


def unreadable(tmp, mp):
    files = write_yaml_only(tmp, school())
    files.yaml.write_text("meta: [\n")
    return error_of(new_store(tmp).load, files.stem)


def read_failed(tmp, mp):
    shelf = new_store(tmp)
    held = shelf.create(school())
    held.close()
    files_of(shelf, held.name).yaml.unlink()

    def failing(path):
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    mp.setattr(journal, "read", failing)
    return error_of(shelf.load, held.name)


def bad_journal(tmp, mp):
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "2024-01-01_school_dialogue_x_abcd1234.journal").write_bytes(b"")
    return error_of(new_store(tmp).load, "abcd1234")


def read_folder(tmp, mp):
    tmp.mkdir(parents=True, exist_ok=True)
    (tmp / "file").write_text("not a folder")
    return error_of(index.scan, tmp / "file")


# (how, class, code, params): a value of None is checked only for being there (an id, a file name)
CASES = [
    (not_found_path, NotFoundError, "not_found", {"ref": None}),
    (not_found_id, NotFoundError, "not_found", {"ref": "abcd1234"}),
    (not_found_files, TranscriptError, "not_found", {"ref": "gone"}),
    (no_reference, NotFoundError, "no_reference", {}),
    (ambiguous, NotFoundError, "ambiguous", {"ref": "Sint-Jozef", "count": 2}),
    (create_folder, SaveError, "create_folder", {"folder": None, "reason": "not a directory", "os_error": "ENOTDIR"}),
    (duplicate_id, StoreError, "duplicate_id", {"id": None}),
    (create_journal, SaveError, "create_journal", {"file": None, **DISK_FULL}),
    (create_journal_from_yaml, SaveError, "create_journal", {"file": None, **DISK_FULL}),
    (closed, StoreError, "closed", {"name": None}),
    (closed_yaml_only, StoreError, "closed", {"name": None}),
    (open_journal, SaveError, "open_journal", {"file": None, "reason": "is a directory", "os_error": "EISDIR"}),
    (write_journal, SaveError, "write_journal", {"file": None, **DISK_FULL}),
    (cannot_continue, TranscriptError, "cannot_continue", {"file": None}),
    (not_a_file, TranscriptError, "not_a_file", {"file": None}),
    (keep_aside, SaveError, "keep_aside", {"name": None, "folder": None, "reason": "file exists",
                                           "os_error": "EEXIST"}),
    (reopened, StoreError, "reopened", {"name": None}),
    (delete_failed, StoreError, "delete_failed", {"name": None, "reason": "is a directory", "os_error": "EISDIR"}),
    (locked, LockedError, "locked", {"name": None, "who": None, "pid": os.getpid(), "since": None}),
    (closed_in_session, StoreError, "closed_in_session", {"name": None}),
    (save_failed, SaveError, "save_failed", {"file": None, "unsaved": 1, **DISK_FULL}),
    (rewrite_yaml, SaveError, "rewrite_yaml", {"file": None, **DISK_FULL}),
    (unreadable, TranscriptError, "unreadable", {"file": None, "count": 1}),
    (read_failed, TranscriptError, "read_failed",
     {"file": None, "reason": "the disk reported an input/output error", "os_error": "EIO"}),
    (bad_journal, TranscriptError, "bad_journal",
     {"file": None, "problem": "empty journal: the program stopped while creating the transcript"}),
    (read_folder, StoreError, "read_folder", {"folder": None, "reason": "not a directory", "os_error": "ENOTDIR"}),
]


def codes_in_source() -> set[str]:
    """The first argument of every store error raised in the core, which must be a literal code."""
    codes = set()
    for module in SOURCES:
        for node in ast.walk(ast.parse(inspect.getsource(module))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ERRORS:
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), \
                    f"{module.__name__} line {node.lineno}: the code must be a literal"
                codes.add(first.value)
    return codes


def every_error(folder: Path, monkeypatch) -> list[StoreError]:
    """One store error of every kind made to happen (and the unreached ones as the core words them),
    for the translation tests."""
    made = []
    for number, (make, *_) in enumerate(CASES):
        with monkeypatch.context() as mp:
            made.append(make(folder / str(number), mp))
    made.append(LockedError("being_created", "x.journal is being created by another Dialoog process", name="x.journal"))
    made.append(StoreError("index_failed", "search index failed: disk I/O error", problem="disk I/O error"))
    return made


@pytest.mark.parametrize("make, kind, code, params", CASES, ids=[c[0].__name__ for c in CASES])
def test_a_store_error_names_its_kind_and_the_values_in_its_message(tmp_path, monkeypatch, make, kind, code, params):
    error = make(tmp_path, monkeypatch)
    assert type(error) is kind and error.code == code
    assert error.params.keys() == params.keys()
    for name, expected in params.items():
        shown = error.params[name]
        assert shown not in (None, ""), name
        assert expected is None or shown == expected, name
        if name != "os_error" and not (name == "count" and code == "unreadable"):
            assert str(shown) in str(error), name  # each value is in the English message as it was given


def test_the_english_messages_stay_as_the_command_line_prints_them(tmp_path, monkeypatch):
    assert str(create_folder(tmp_path / "a", monkeypatch)) == \
        f"cannot create the transcripts folder {tmp_path / 'a' / 'file' / 'sub'}: not a directory"
    assert str(no_reference(tmp_path / "b", monkeypatch)) == "name a transcript (its id or file name)"
    held = locked(tmp_path / "c", monkeypatch)
    assert str(held).startswith(f"{held.params['name']} is open in another Dialoog (")
    assert f"pid {os.getpid()}, since {held.params['since']}); close it there first" in str(held)
    assert held.holder["pid"] == os.getpid()
    assert "1 unsaved event(s) kept in memory" in str(save_failed(tmp_path / "d", monkeypatch))


def test_every_code_in_the_source_has_a_case_here():
    assert codes_in_source() == {code for _, _, code, _ in CASES} | UNREACHED
