"""Recording, resuming and reading transcripts through the store."""

from __future__ import annotations

import re
import stat

import pytest
from storekit import files_of, new_store, school

from assistant.core.bank import bank_from_located
from assistant.core.store import NotFoundError, Store, StoreError
from assistant.core.transcript import EventKind, Flag, Participant
from assistant.core.transcript_files import read_yaml
from assistant.core.yamlsource import parse_located
from tests.waiting import wait_until


@pytest.fixture
def store(tmp_path):
    return new_store(tmp_path / "transcripts")


def test_nothing_is_created_until_the_first_transcript(tmp_path):
    store = Store(tmp_path / "transcripts")
    assert store.list() == []
    assert not (tmp_path / "transcripts").exists()


def test_a_recorded_answer_is_readable_by_another_reader_before_the_session_closes(store):
    session = store.create(school())
    session.record("answer", question="inzicht.twijfelachtige-attesten", value="eerder klein", speaker="Jan Peeters")
    seen = new_store(store.root).load(session.id)
    assert seen.answers() == {"inzicht.twijfelachtige-attesten": "eerder klein"}
    assert seen.answer_events()["inzicht.twijfelachtige-attesten"].get("speaker") == "Jan Peeters"
    session.close()


def test_every_kind_of_event_survives_the_round_trip(store):
    with store.create(school(tags=("pilot", "brussel"))) as session:
        session.record("answer", question="q.scale", value=6)
        session.record("answer", question="q.counts", value={"B": {"0-4": 12, "5-9": 3}})
        session.record("answer", question="q.multi", value=["Thuis", "School"])
        session.record("answer", question="q.scale", value=7)  # edited: the history keeps 6
        session.record("note", text="Ouders nemen de bus; die rijdt vaak niet.", question="q.multi")
        session.record("flag", question="q.scale", flag="priority", rank=1)
        session.record("flag", question="q.multi", flag="werkpunt")
        session.record("decision", suggestion="r1:q.extra", decision="parked", rule="r1", text="Extra vraag")
        session.record("signal", rule="k1", text="Meer dan 5 B-codes")
        session.record("defer", question="q.deep")
        session.record("action", action="a1", wat="Overleg plannen", wie="Els", wanneer="maart", check="verslag")
        session.record("action_done", action="a1")
        session.record("clock", seconds=1500)
        session.record("mode", basis_only=True)
        expected = session.transcript
    loaded = store.load(session.name)
    assert loaded == expected
    assert loaded.history("q.scale") == [6, 7]
    assert loaded.flags()[("q.scale", Flag.PRIORITY)].get("rank") == 1
    assert loaded.deferred() == ["q.deep"]
    assert loaded.actions()[0].done
    assert loaded.seconds_spent() == 1500 and loaded.basis_only()
    assert loaded.meta.tags == ("pilot", "brussel")


def test_resume_continues_exactly_where_it_stopped(store):
    session = store.create(school())
    for i in range(3):
        session.record("answer", question=f"q{i}", value=i)
    session.record("defer", question="q.later")
    before = session.transcript
    session.close()  # stopped for now: still open
    assert store.load(session.id).meta.status == "open"

    resumed = store.resume(session.id)
    assert resumed.transcript == before
    event = resumed.record("answer", question="q1", value=10)
    assert event.seq == before.events[-1].seq + 1
    resumed.close(status="closed")
    final = store.load(session.name)
    assert final.history("q1") == [1, 10]
    assert final.meta.status == "closed"
    assert final.events[-1].kind is EventKind.CLOSE


def test_a_closed_transcript_is_reopened_only_on_request(store):
    session = store.create(school())
    session.record("answer", question="q", value="x")
    session.close(status="closed")
    with pytest.raises(StoreError, match="is closed; reopen it"):
        store.resume(session.id)
    reopened = store.resume(session.id, reopen=True)
    assert reopened.transcript.meta.status == "open"
    assert reopened.transcript.events[-1].kind is EventKind.REOPEN
    reopened.close()
    assert store.load(session.id).meta.status == "open"


def test_files_are_private_and_named_for_people_to_find(store):
    session = store.create(school(subject="Basisschool Sint-Jan (Anderlecht)"))
    session.close()
    assert stat.S_IMODE(store.root.stat().st_mode) == 0o700
    files = files_of(store, session)
    for path in (files.yaml, files.journal):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert re.fullmatch(r"\d{4}-\d\d-\d\d_school-dialogue_basisschool-sint-jan-anderlecht_[0-9a-f]{8}", session.name)
    assert session.name.endswith(session.id)


def test_two_meetings_with_the_same_school_on_the_same_day_get_their_own_files(store):
    first, second = store.create(school()), store.create(school())
    assert first.name != second.name
    first.record("answer", question="q", value="first")
    second.record("answer", question="q", value="second")
    first.close()
    second.close()
    assert store.load(first.id).answers() == {"q": "first"}
    assert store.load(second.id).answers() == {"q": "second"}


def test_a_transcript_is_found_by_id_prefix_name_file_name_or_path(store, tmp_path):
    session = store.create(school())
    session.close()
    files = files_of(store, session)
    for ref in (session.id, session.id[:5], session.name, files.yaml.name, files.journal.name, files.yaml,
                str(files.journal)):
        assert store.load(ref).meta.id == session.id
    with pytest.raises(NotFoundError, match="no transcript 'ffffffff'"):
        store.load("ffffffff")
    with pytest.raises(NotFoundError):
        store.load(tmp_path / "elsewhere.yaml")


def test_an_ambiguous_reference_names_the_candidates(store):
    a = store.create(school(id="abcd1111"))
    b = store.create(school(id="abcd2222"))
    a.close()
    b.close()
    with pytest.raises(NotFoundError, match="matches 2 transcripts"):
        store.load("abcd")
    assert store.load("abcd2").meta.id == "abcd2222"


def test_the_same_id_is_never_created_twice(store):
    store.create(school(id="feed0001")).close()
    with pytest.raises(StoreError, match="already exists"):
        store.create(school(subject="Een andere school", id="feed0001"))


def test_malformed_events_are_refused_before_anything_is_written(store):
    session = store.create(school())
    with pytest.raises(ValueError, match="missing key 'question'"):
        session.record("answer", value=3)
    with pytest.raises(ValueError, match="unknown flag 'urgent'"):
        session.record("flag", question="q", flag="urgent")
    with pytest.raises(ValueError, match="unknown event kind"):
        session.record("shout", text="x")
    with pytest.raises(ValueError, match="not plain data"):
        session.record("answer", question="q", value=object())
    assert session.transcript.events == ()
    session.close()
    assert store.load(session.id).events == ()


def test_metadata_changes_are_saved_like_events(store):
    session = store.create(school())
    session.update(participants=[{"name": "Mohamed B.", "role": "ouder"}], tags=["gezin"], subject="Leerling Y")
    seen = store.load(session.id)
    assert seen.meta.participants == (Participant("Mohamed B.", "ouder"),)
    assert seen.meta.tags == ("gezin",)
    with pytest.raises(ValueError, match="cannot change 'id'"):
        session.update(id="other")
    session.close()


def test_the_yaml_copy_is_not_on_the_answers_path_but_follows_on_close(store):
    session = store.create(school())
    files = files_of(store, session)
    session.record("answer", question="q", value="in de journal")
    assert read_yaml(files.yaml).events == ()  # the answer waited only for the journal
    assert not session.yaml_current
    session.snapshot()
    assert session.yaml_current
    assert read_yaml(files.yaml).answers() == {"q": "in de journal"}
    session.record("answer", question="q2", value="later")
    session.close()
    assert read_yaml(files.yaml) == store.load(session.id)


def test_the_yaml_copy_catches_up_in_the_background(tmp_path):
    store = Store(tmp_path / "t", snapshot_delay=0.01)
    session = store.create(school())
    session.record("answer", question="q", value="x")
    wait_until(lambda: session.yaml_current, "the background rewrite has written the YAML copy")
    assert read_yaml(files_of(store, session).yaml).answers() == {"q": "x"}
    session.close()


def test_unknown_question_ids_load_and_can_be_listed(store):
    bank = bank_from_located(parse_located(
        "id: mini\ntitle: Mini\naudience: school\nsource: test\nintro: x\nsections:\n"
        "  - id: s\n    title: S\n    questions:\n"
        "      - {id: mini.known, text: Bekend?, level: basis, type: text}\n", "mini.yaml"))
    with store.create(school()) as session:
        session.record("answer", question="mini.known", value="ja")
        session.record("answer", question="mini.removed-since", value="nog steeds bewaard")
    loaded = store.load(session.id)
    assert loaded.answers()["mini.removed-since"] == "nog steeds bewaard"
    assert loaded.unknown_questions({"mini": bank}) == ["mini.removed-since"]
    assert loaded.unknown_questions([bank]) == ["mini.removed-since"]


def test_a_session_refuses_to_record_after_close(store):
    session = store.create(school())
    session.close()
    with pytest.raises(StoreError, match="closed in this session"):
        session.record("note", text="te laat")


def test_what_is_recorded_is_what_is_read_back(store):
    with store.create(school()) as session:
        session.record("answer", question="q.multi", value=("Thuis", "School"))
        session.record("answer", question="q.factors", value={"groter": ("sport",), "kleiner": []})
    assert store.load(session.id) == session.transcript
    assert session.transcript.answers()["q.multi"] == ["Thuis", "School"]


def test_a_folder_made_by_someone_else_is_made_private_only_if_it_holds_nothing_else(tmp_path):
    checkout = tmp_path / "transcripts"
    checkout.mkdir(mode=0o755)
    (checkout / ".gitkeep").write_text("")
    checkout.chmod(0o755)
    new_store(checkout).create(school()).close()
    assert stat.S_IMODE(checkout.stat().st_mode) == 0o700

    documents = tmp_path / "Documenten"
    documents.mkdir()
    documents.chmod(0o755)
    (documents / "brief.odt").write_text("x")
    session = new_store(documents).create(school())
    session.close()
    assert stat.S_IMODE(documents.stat().st_mode) == 0o755
    assert any("can be opened by other users" in w for w in session.warnings)


def test_a_transcript_is_found_by_the_school_or_pupil_it_names(store):
    session = store.create(school(subject="Basisschool Sint-Jan (Anderlecht)"))
    session.close()
    assert store.load("Basisschool Sint-Jan (Anderlecht)").meta.id == session.id
    assert store.load("basisschool-sint-jan-anderlecht").meta.id == session.id
    store.create(school(subject="Basisschool Sint-Jan (Anderlecht)")).close()
    with pytest.raises(NotFoundError, match="matches 2 transcripts"):
        store.load("Basisschool Sint-Jan (Anderlecht)")
