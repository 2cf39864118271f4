"""A write that fails (full disk, read-only folder): the caller is told, and nothing is lost."""

from __future__ import annotations

import errno
import os
import stat

import pytest
from storekit import files_of, new_store, school

from assistant.core import durable
from assistant.core.store import SaveError


@pytest.fixture
def store(tmp_path):
    return new_store(tmp_path / "transcripts")


class FullDisk:
    """Stands in for os.write: lets `allow` more bytes through, then fails like a full disk."""

    def __init__(self, allow: int = 0, error: int = errno.ENOSPC):
        self.allow = allow
        self.error = error

    def __call__(self, fd: int, data) -> int:
        if self.allow <= 0:
            raise OSError(self.error, os.strerror(self.error))
        written = os.write(fd, bytes(data[: self.allow]))
        self.allow -= written
        return written


def test_an_answer_that_cannot_be_saved_stays_in_memory_and_is_saved_on_retry(store, monkeypatch):
    session = store.create(school())
    session.record("answer", question="q0", value="bewaard")
    monkeypatch.setattr(durable, "_write", FullDisk())
    with pytest.raises(SaveError, match="the disk is full.*1 unsaved event"):
        session.record("answer", question="q1", value="eerst niet bewaard")
    with pytest.raises(SaveError, match="2 unsaved event"):
        session.record("note", text="ook niet")
    assert [e.seq for e in session.unsaved] == [2, 3]
    assert session.transcript.answers() == {"q0": "bewaard", "q1": "eerst niet bewaard"}
    assert store.load(session.id).answers() == {"q0": "bewaard"}  # what is on disk, no more
    with pytest.raises(SaveError):
        session.close()  # refuses to let go of unsaved answers
    assert not session.closed

    monkeypatch.setattr(durable, "_write", os.write)
    assert session.retry() == 2
    assert session.unsaved == ()
    session.close()
    loaded = store.inspect(session.id)
    assert loaded.warnings == []
    assert loaded.transcript == session.transcript


def test_a_write_cut_off_half_way_leaves_no_damaged_line(store, monkeypatch):
    session = store.create(session_school := school())
    assert session_school.meta.id == session.id
    monkeypatch.setattr(durable, "_write", FullDisk(allow=25))
    with pytest.raises(SaveError):
        session.record("answer", question="q", value="x" * 500)
    monkeypatch.setattr(durable, "_write", os.write)
    session.record("answer", question="q2", value="daarna")  # writes the pending one first
    session.close()
    loaded = store.inspect(session.id)
    assert loaded.warnings == []
    assert loaded.transcript.answers() == {"q": "x" * 500, "q2": "daarna"}


def test_a_failing_fsync_is_a_failed_save(store, monkeypatch):
    session = store.create(school())

    def broken_fsync(fd):
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(durable, "_fsync", broken_fsync)
    with pytest.raises(SaveError, match="input/output error"):
        session.record("answer", question="q", value="x")
    monkeypatch.setattr(durable, "_fsync", os.fsync)
    session.retry()
    session.close()
    assert store.load(session.id).answers() == {"q": "x"}
    assert len(files_of(store, session).journal.read_bytes().splitlines()) == 3  # head, open, one answer


def test_metadata_that_cannot_be_saved_is_kept_too(store, monkeypatch):
    session = store.create(school())
    monkeypatch.setattr(durable, "_write", FullDisk())
    with pytest.raises(SaveError, match="the change is kept in memory"):
        session.update(tags=["gezin"])
    assert session.transcript.meta.tags == ("gezin",)
    monkeypatch.setattr(durable, "_write", os.write)
    session.close()
    assert store.load(session.id).meta.tags == ("gezin",)


def test_creating_in_a_folder_that_cannot_be_written_says_so(store, monkeypatch):
    real_open = os.open

    def refusing_open(path, flags, *args):
        if flags & os.O_CREAT:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, flags, *args)

    store.root.mkdir()
    monkeypatch.setattr(os, "open", refusing_open)
    with pytest.raises(SaveError, match=r"cannot create .*\.journal: permission denied"):
        store.create(school())
    monkeypatch.setattr(os, "open", real_open)
    assert store.list() == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_folder(store):
    session = store.create(school())
    session.record("answer", question="q", value="voor")
    store.root.chmod(0o500)
    try:
        session.record("answer", question="q2", value="na")  # the open journal can still be appended
        with pytest.raises(SaveError, match="permission denied"):
            session.close()  # but the YAML copy cannot be replaced
        assert session.closed
        with pytest.raises(SaveError, match="permission denied"):
            store.create(school())
        assert store.load(session.id).answers() == {"q": "voor", "q2": "na"}
        assert [i.answers for i in store.list()] == [2]  # an in-memory index when none can be written
    finally:
        store.root.chmod(0o700)


def test_a_yaml_copy_that_cannot_be_written_on_close_loses_nothing(store, monkeypatch):
    session = store.create(school())
    session.record("answer", question="q", value="in de journal")

    def read_only(target, data):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("assistant.core.session.write_yaml", lambda files, t: read_only(files, t))
    with pytest.raises(SaveError, match="the disk is read-only .*every saved answer is in the journal"):
        session.close(status="closed")
    assert session.closed  # the lock is released: the journal is complete
    monkeypatch.undo()
    assert store.load(session.id).meta.status == "closed"
    assert store.load(session.id).answers() == {"q": "in de journal"}


def test_every_folder_the_program_makes_is_private_whatever_the_umask(tmp_path, monkeypatch):
    from assistant.core import bankcache, locations
    from assistant.core.exports import save_summary

    monkeypatch.setenv("DIALOOG_CACHE", str(tmp_path / "cache" / "dialoog"))
    before = os.umask(0)  # nothing masked: mkdir's 0700 alone would not hold
    try:
        store = new_store(tmp_path / "a" / "b" / "transcripts")
        with store.create(school()) as session:
            session.record("answer", question="q", value="x")
        store.list()
        save_summary(store.root, session.name, "# samenvatting")
        bankcache.load_bank_cached(locations.banks_dir() / "parent_dialogue.yaml")
    finally:
        os.umask(before)
    made = [tmp_path / "a", tmp_path / "a" / "b", store.root, store.root / ".index", store.root / "exports",
            tmp_path / "cache", tmp_path / "cache" / "dialoog"]
    assert {str(p.relative_to(tmp_path)): oct(stat.S_IMODE(p.stat().st_mode)) for p in made} == \
        {str(p.relative_to(tmp_path)): "0o700" for p in made}
