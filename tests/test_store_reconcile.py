"""The journal and the YAML copy are two copies of one transcript: reading uses every event either copy
proves was saved and names the damaged copy; resuming keeps the damaged file aside (0600) before it writes
anything, and never writes a copy with fewer events than it read.

The main test cuts the journal of a real transcript (its YAML copy complete) at every byte offset, and so
at every line boundary, and reads and resumes each through the store's public API: nothing lost, the
damage said. fsync is switched off for it: what is tested is what gets written, not the disk's promise."""

from __future__ import annotations

import os
import stat

import pytest
from storekit import files_of, new_store, school

from assistant.core import durable, journal
from assistant.core.store import Store
from assistant.core.transcript import Participant


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    """A short meeting as the store saves it: answers, a note, a change of participants, an edit."""
    store = new_store(tmp_path_factory.mktemp("original"))
    with store.create(school(subject="Noor", participants=(Participant("Jan", "directie"),), facilitator="An")) as s:
        s.record("answer", question="q1", value="Ze komt te laat.")
        s.record("answer", question="q2", value="ja")
        s.update(participants=[("Jan", "directie"), ("Els", "zorg")])
        s.record("note", text="Moeder belt vrijdag.", question="q2")
        s.record("answer", question="q1", value="Ze komt vaak te laat.")
    files = files_of(store, s)
    return store.load(s.id), files.stem, files.journal.read_bytes(), files.yaml.read_bytes()


def _same(found, expected) -> None:
    assert found.events == expected.events
    assert found.answers() == expected.answers()
    assert found.meta.participants == expected.meta.participants and found.meta.facilitator == expected.meta.facilitator


def test_a_journal_cut_at_any_byte_loses_no_saved_answer_and_says_so(original, tmp_path, monkeypatch):
    expected, stem, whole, copy = original
    monkeypatch.setattr(durable, "_fsync", lambda fd: None)
    store = Store(tmp_path / "t", snapshot_delay=None)
    files = files_of(store, stem)
    aside = store.root / ".damaged"
    store.root.mkdir()
    files.journal.write_bytes(b"")
    alone = Store(tmp_path / "alone", snapshot_delay=None)  # the same journal (a hard link), without its copy
    alone.root.mkdir()
    os.link(files.journal, alone.root / files.journal.name)
    boundaries = {i + 1 for i, byte in enumerate(whole) if byte == ord("\n")}
    files.yaml.write_bytes(copy)
    for cut in range(len(whole)):
        with open(files.journal, "r+b") as handle:  # in place: the hard link sees it
            handle.write(whole[:cut])
            handle.truncate(cut)
        where = f"journal cut at byte {cut} of {len(whole)}" + (" (a line boundary)" if cut in boundaries else "")
        # Only the last newline missing: the record is whole, nothing was lost and nothing need be said.
        lost = cut < len(whole) - 1

        if cut in boundaries or not lost:  # what `show` reads (a cut inside a line is read the same way below)
            shown = store.inspect(stem)
            _same(shown.transcript, expected)
            assert (shown.damaged == ["journal"]) == lost, (where, shown.warnings)
            assert bool(shown.warnings) == lost, (where, shown.warnings)

        session = store.resume(stem)
        _same(session.transcript, expected)
        said = " ".join(session.warnings)
        assert bool(said) == lost, (where, said)
        if lost:
            assert "journal" in said and "is kept as .damaged/" in said, (where, said)
            (kept,) = aside.iterdir()
            assert kept.read_bytes() == whole[:cut], where
            assert stat.S_IMODE(kept.stat().st_mode) == 0o600 and stat.S_IMODE(aside.stat().st_mode) == 0o700, where
            kept.unlink()
        session.close()

        assert files.yaml.read_bytes() == copy, where  # each copy on its own holds everything
        _same(alone.load(stem), expected)


def test_a_journal_replaced_by_an_older_copy_takes_the_rest_from_the_yaml_copy(tmp_path):
    """A sync tool put back yesterday's journal: whole lines, no damage to see in it, three answers short."""
    store = new_store(tmp_path)
    session = store.create(school())
    session.record("answer", question="q1", value="een")
    older = files_of(store, session).journal.read_bytes()
    for n in (2, 3, 4):
        session.record("answer", question=f"q{n}", value=str(n))
    session.close()
    files = files_of(store, session)
    files.journal.write_bytes(older)
    listed = store.list()[0]
    assert listed.answers == 4 and "missing from the journal" in (listed.warning or "")  # the listing too
    loaded = store.inspect(session.id)
    assert len(loaded.transcript.answers()) == 4
    assert loaded.damaged == ["journal"] and any("3 saved event(s) are missing" in w for w in loaded.warnings)


def test_a_damaged_yaml_copy_is_named_kept_aside_and_rewritten(tmp_path):
    store = new_store(tmp_path)
    with store.create(school()) as session:
        session.record("answer", question="q1", value="een")
    files = files_of(store, session)
    damaged = files.yaml.read_bytes()[:-40]
    files.yaml.write_bytes(damaged)
    loaded = store.inspect(session.id)
    assert loaded.transcript.answers() == {"q1": "een"}
    assert loaded.damaged == ["yaml"] and "the YAML copy is damaged" in loaded.warnings[0]
    store.resume(session.id).close()
    assert [p.read_bytes() for p in (store.root / ".damaged").iterdir()] == [damaged]
    assert store.inspect(session.id).warnings == []


def test_a_live_transcript_is_not_called_damaged_when_its_copy_lags(tmp_path):
    """The YAML copy is rewritten a moment after the journal: a journal ahead of it is normal."""
    store = new_store(tmp_path)
    session = store.create(school())
    session.record("answer", question="q1", value="een")  # in the journal; the copy still has none
    assert store.inspect(session.id).warnings == []
    assert store.list()[0].warning is None
    session.close()


@pytest.mark.parametrize("which", ["journal", "yaml"])
def test_a_symbolic_link_is_refused_and_never_written_through(tmp_path, which):
    store = new_store(tmp_path / "t")
    with store.create(school()) as session:
        session.record("answer", question="q1", value="een")
    files = files_of(store, session)
    real = files.journal if which == "journal" else files.yaml
    outside = tmp_path / f"outside.{which}"
    real.rename(outside)
    real.symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(Exception) as caught:
        store.resume(session.id)
    assert getattr(caught.value, "code", None) == "not_a_file"
    assert "is a symbolic link" in str(caught.value) and "\n" not in str(caught.value)
    assert outside.read_bytes() == before and real.is_symlink()
    assert [i.problem for i in store.list() if not i.readable][0].endswith("(put the file itself there)")


def test_deleting_a_transcript_deletes_what_was_kept_aside(tmp_path):
    store = new_store(tmp_path)
    with store.create(school()) as session:
        session.record("answer", question="q1", value="een")
    files = files_of(store, session)
    files.journal.write_bytes(files.journal.read_bytes()[:-3])
    store.resume(session.id).close()
    assert list((store.root / ".damaged").iterdir())
    store.delete(session.id)
    assert not list((store.root / ".damaged").iterdir())


def test_a_journal_of_a_newer_dialoog_is_never_rewritten(tmp_path):
    store = new_store(tmp_path)
    with store.create(school()) as session:
        session.record("answer", question="q1", value="een")
    files = files_of(store, session)
    newer = journal.encode({"t": "head", "format": "dialoog-journal/2"})
    files.journal.write_bytes(newer)
    assert store.load(session.id).answers() == {"q1": "een"}  # shown from the YAML copy
    with pytest.raises(Exception, match="cannot be continued"):
        store.resume(session.id)
    assert files.journal.read_bytes() == newer


# -- any damage to one copy, the other whole ---------------------------------------------------------
from hypothesis import given  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from tests.hardening.inputs import fuzz  # noqa: E402


def _damaged(data: bytes, flips: list[tuple[int, int]], drop: list[int]) -> bytes:
    """`data` with some bytes changed and some whole lines left out."""
    lines = data.splitlines(keepends=True)
    kept = b"".join(line for n, line in enumerate(lines) if n % len(lines) not in {d % len(lines) for d in drop})
    changed = bytearray(kept)
    for where, value in flips:
        if changed:
            changed[where % len(changed)] = value
    return bytes(changed)


@fuzz(60)
@given(flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=8),
       drop=st.lists(st.integers(0, 100), max_size=3), which=st.sampled_from(["journal", "yaml"]))
def test_any_damage_to_one_copy_loses_nothing_the_other_holds(original, tmp_path_factory, flips, drop, which):
    """Bytes changed anywhere and whole lines left out of one copy: every answer the other holds is read.
    The details (participants) too, except where the journal lost a whole line without a trace of it (no
    damaged line, no cut end): then the journal's details stand, as they do against a copy edited by hand."""
    expected, stem, whole, copy = original
    store = Store(tmp_path_factory.mktemp("fuzz"), snapshot_delay=None)
    files = files_of(store, stem)
    journal_bytes = _damaged(whole, flips, drop) if which == "journal" else whole
    yaml_bytes = _damaged(copy, flips, drop) if which == "yaml" else copy
    files.journal.write_bytes(journal_bytes)
    files.yaml.write_bytes(yaml_bytes)
    loaded = store.inspect(stem)
    assert loaded.transcript.answers() == expected.answers()
    if which == "yaml" or not drop:
        assert loaded.transcript.meta.participants == expected.meta.participants
    assert loaded.damaged in ([], [which]) and (loaded.damaged == [which]) == bool(loaded.warnings)
