"""Damaged, foreign and half-missing transcript files: clear reasons, nothing lost, nothing touched."""

from __future__ import annotations

import pytest
from storekit import files_of, new_store, old_closed, school, write_yaml_only

from assistant.core.retention import delete_expired
from assistant.core.store import TranscriptError


@pytest.fixture
def store(tmp_path):
    return new_store(tmp_path / "transcripts")


def _recorded(store, answers: int = 3):
    with store.create(school()) as session:
        for i in range(answers):
            session.record("answer", question=f"q{i}", value=f"antwoord {i}")
    return session


def test_a_torn_last_line_is_ignored_with_a_warning_and_repaired_on_resume(store):
    session = _recorded(store)
    journal = files_of(store, session).journal
    with journal.open("ab") as handle:
        handle.write(b'0badc0de {"t":"event","event":{"seq":4,"kind":"ans')  # a write cut off by a crash
    loaded = store.inspect(session.id)
    assert loaded.transcript.answers() == {f"q{i}": f"antwoord {i}" for i in range(3)}
    assert any("the last line is cut off" in w for w in loaded.warnings)
    assert "cut off" in (store.list()[0].warning or "")

    resumed = store.resume(session.id)
    resumed.record("answer", question="q3", value="na de crash")
    resumed.close()
    again = store.inspect(session.id)
    assert again.warnings == []
    assert again.transcript.answers()["q3"] == "na de crash"


def test_a_damaged_line_inside_the_journal_is_recovered_from_the_yaml_copy(store):
    session = _recorded(store)
    journal = files_of(store, session).journal
    lines = journal.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b"antwoord", b"antw0ord")  # a flipped byte: checksum no longer matches
    journal.write_bytes(b"\n".join(lines))
    loaded = store.inspect(session.id)
    assert loaded.transcript.answers() == {f"q{i}": f"antwoord {i}" for i in range(3)}
    assert any("damaged record skipped" in w for w in loaded.warnings)
    assert any("1 saved event(s) are missing from the journal" in w for w in loaded.warnings)
    # Resuming writes the recovered event back into the journal.
    store.resume(session.id).close()
    assert store.load(session.id).answers() == loaded.transcript.answers()


def test_bad_yaml_is_reported_with_file_line_and_column_and_hides_nothing(store, tmp_path):
    good = _recorded(store)
    broken = store.root / "2025-01-01_school_x_deadbeef.yaml"
    broken.write_text("format: dialoog-transcript/1\nmeta: {id: deadbeef\nevents: []\n")
    before = broken.read_bytes()
    with pytest.raises(TranscriptError) as caught:
        store.load("deadbeef")
    assert str(caught.value).startswith(f"{broken}:3:")
    infos = store.list()
    assert [i.name for i in infos if i.readable] == [good.name]
    assert [i.path for i in infos if not i.readable] == [broken]
    assert broken.read_bytes() == before


def test_wrong_types_are_located(store):
    transcript = school()
    files = write_yaml_only(store.root, transcript)
    text = files.yaml.read_text().replace("events: []", "events:\n- seq: one\n  kind: answer\n  at: gisteren\n")
    files.yaml.write_text(text)
    with pytest.raises(TranscriptError) as caught:
        store.load(transcript.meta.id)
    errors = caught.value.errors
    line = text.splitlines().index("- seq: one") + 1
    assert errors[0] == f"{files.yaml}:{line}:3: answer event: missing key 'question'"
    assert f"{files.yaml}:{line}:8: 'seq' must be a whole number of 1 or more" in errors
    assert f"{files.yaml}:{line + 2}:7: 'at' must be a date-time (YYYY-MM-DDTHH:MM:SS+hh:mm)" in errors


def test_foreign_files_are_listed_as_unreadable_and_never_touched(store):
    good = _recorded(store)
    foreign = {
        "boodschappen.txt": b"melk, brood\n",
        "bank.yaml": b"id: school\ntitle: x\n",
        "image.journal": b"\x89PNG\r\n\x1a\n",
    }
    for name, data in foreign.items():
        (store.root / name).write_bytes(data)
    infos = store.list()
    reasons = {i.path.name: i.problem for i in infos if not i.readable}
    assert set(reasons) == {"boodschappen.txt", "bank.yaml", "image.journal"}
    assert "not a Dialoog transcript" in reasons["boodschappen.txt"]
    assert "not a Dialoog transcript" in reasons["bank.yaml"]
    assert "not a Dialoog journal" in reasons["image.journal"]
    assert [i.name for i in infos if i.readable] == [good.name]
    delete_expired(store, 1)
    for name, data in foreign.items():
        assert (store.root / name).read_bytes() == data


def test_a_missing_journal_falls_back_on_the_yaml_and_resume_starts_a_new_one(store):
    transcript = school()
    transcript = transcript.with_event(transcript.next_event("answer", question="q", value="uit de kopie"))
    files = write_yaml_only(store.root, transcript)
    loaded = store.inspect(transcript.meta.id)
    assert loaded.transcript.answers() == {"q": "uit de kopie"}
    assert any("missing" in w for w in loaded.warnings)
    session = store.resume(transcript.meta.id)
    session.record("answer", question="q2", value="verder")
    session.close()
    assert files.journal.exists()
    assert store.inspect(transcript.meta.id).warnings == []
    assert store.load(transcript.meta.id).answers() == {"q": "uit de kopie", "q2": "verder"}


def test_a_missing_yaml_copy_is_rewritten_from_the_journal_on_resume(store):
    session = _recorded(store)
    files = files_of(store, session)
    files.yaml.unlink()
    loaded = store.inspect(session.id)
    assert len(loaded.transcript.answers()) == 3
    assert any(f"{files.yaml.name} is missing" in w for w in loaded.warnings)
    store.resume(session.id).close()
    assert files.yaml.exists()
    assert store.inspect(session.id).warnings == []


def test_a_journal_interrupted_while_being_created_is_unreadable_not_fatal(store):
    good = _recorded(store)
    (store.root / "2026-01-01_school_x_00000000.journal").write_bytes(b"")
    (store.root / "2026-01-01_school_y_11111111.journal").write_bytes(b"1234abcd {\"t\":\"he")
    problems = {i.name: i.problem for i in store.list() if not i.readable}
    assert "empty journal" in problems["2026-01-01_school_x_00000000"]
    assert "journal header incomplete" in problems["2026-01-01_school_y_11111111"]
    assert [i.name for i in store.list() if i.readable] == [good.name]


def test_a_journal_with_a_damaged_first_line_is_resumed_from_both_copies_and_kept_aside(store):
    session = _recorded(store)
    files = files_of(store, session)
    damaged = b"garbage\n" + files.journal.read_bytes()
    files.journal.write_bytes(damaged)
    loaded = store.inspect(session.id)  # the YAML copy is still readable ...
    assert len(loaded.transcript.answers()) == 3 and loaded.damaged == ["journal"]
    copy = files.yaml.read_bytes()
    files.yaml.unlink()
    with pytest.raises(TranscriptError, match="first line is damaged"):  # ... without it, it cannot be read
        store.load(session.id)
    assert files.journal.read_bytes() == damaged  # and reading changed nothing
    files.yaml.write_bytes(copy)
    resumed = store.resume(session.id)
    assert any("is kept as .damaged/" in w for w in resumed.warnings)
    resumed.close()
    assert store.inspect(session.id).warnings == []
    assert store.load(session.id).answers() == {f"q{i}": f"antwoord {i}" for i in range(3)}
    kept = list((store.root / ".damaged").iterdir())
    assert [p.read_bytes() for p in kept] == [damaged]


def test_retention_only_deletes_closed_transcripts_past_the_limit(store):
    old = write_yaml_only(store.root, old_closed("school_dialogue", "Oude school", "2020-03-01", {"q": "x"}))
    recent = _recorded(store)
    store.resume(recent.id).close(status="closed")
    still_open = _recorded(store)
    result = delete_expired(store, 12)
    assert [i.name for i in result.deleted] == [old.stem]
    assert not old.yaml.exists()
    assert {i.name for i in store.list()} == {recent.name, still_open.name}
