"""Unsent typing kept as a draft beside its transcript: saved, read back, cleared, private, never
taken for a transcript, removed with its transcript, and ignored when damaged."""

from __future__ import annotations

import os
import stat

from assistant.core import drafts
from assistant.core.drafts import Draft
from assistant.core.retention import delete_expired
from tests.storekit import dialoog, files_of, new_store, old_closed, school

QUESTION = "inzicht.twijfelachtige-attesten"


def _mode(path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_draft_is_saved_read_back_and_cleared(tmp_path):
    store = new_store(tmp_path / "t")
    with store.create(school()) as session:
        keeper = session.drafts
        assert keeper.read() is None
        keeper.want(Draft(QUESTION, "De bus is te duur, ze moet"))
        keeper.flush()
        again = drafts.read(files_of(store, session).draft)
        assert again is not None and (again.question, again.text) == (QUESTION, "De bus is te duur, ze moet")
        keeper.want(Draft(QUESTION, "De bus is te duur, ze moet twee keer overstappen"))
        keeper.want(None)  # the box was emptied before the first write: only the latest wish counts
        keeper.flush()
        assert keeper.read() is None and not session.files.draft.exists()


def test_the_draft_file_is_private_and_the_index_and_listing_never_see_it(tmp_path):
    folder = tmp_path / "t"
    store = new_store(folder)
    with store.create(school()) as session:
        session.drafts.want(Draft(QUESTION, "Jonas (12) mist elke maandag"))
        session.drafts.flush()
        draft = session.files.draft
        assert _mode(draft) == 0o600 and _mode(draft.parent) == 0o700
        mtime = folder.stat().st_mtime_ns
        session.drafts.want(Draft(QUESTION, "Jonas (12) mist elke maandag, soms ook dinsdag"))
        session.drafts.flush()
        # The index trusts a quiet transcripts folder; drafts are written in their own folder.
        assert folder.stat().st_mtime_ns == mtime
        name = session.name
    assert draft.exists()  # closing keeps it: it comes back when the meeting is resumed
    infos = store.list()
    assert [(i.name, i.readable) for i in infos] == [(name, True)]
    assert store.search("dinsdag") == []  # unsent text is not part of the transcript
    listed = dialoog("list", "--transcripts", str(folder))
    assert listed.returncode == 0 and "unreadable" not in listed.stdout.lower() and ".draft" not in listed.stdout
    store.close()


def test_a_draft_is_kept_until_it_is_sent_and_then_out_of_date(tmp_path):
    store = new_store(tmp_path / "t")
    with store.create(school()) as session:
        session.drafts.want(Draft(QUESTION, "klein", after=max((e.seq for e in session.transcript.events), default=0)))
        session.drafts.flush()
        name = session.name
    with store.resume(name) as session:
        assert session.drafts.read(session.transcript).text == "klein"
        # Sent, then killed before the draft was removed: the answer came after the draft.
        session.record("answer", question=QUESTION, value="klein")
        assert session.drafts.read(session.transcript) is None
        assert session.drafts.read() is not None  # still on disk until the app writes the next wish
    store.close()


def test_a_damaged_draft_is_ignored(tmp_path):
    store = new_store(tmp_path / "t")
    with store.create(school()) as session:
        path = session.files.draft
        path.parent.mkdir(mode=0o700, exist_ok=True)
        for damage in (b"", b"{not json", b'{"question": 3, "text": "x"}', b"\xff\xfe", b"[1, 2]",
                       b'{"question": "q", "text": "x", "after": "later"}', b"x" * (drafts.MAX_BYTES + 10)):
            path.write_bytes(damage)
            assert session.drafts.read(session.transcript) is None, damage[:40]
        # and the next save replaces it
        session.drafts.want(Draft(QUESTION, "opnieuw"))
        session.drafts.flush()
        assert session.drafts.read().text == "opnieuw"
    store.close()


def test_retention_deletes_a_transcripts_draft_and_exports_never_include_it(tmp_path):
    folder = tmp_path / "t"
    store = new_store(folder)
    with store.create(old_closed("school_dialogue", "Sint-Jozef", "2020-01-10", {QUESTION: "klein"})) as session:
        pass
    draft = files_of(store, session).draft
    keeper = drafts.DraftKeeper(draft)  # left by a meeting that was closed with text still in the box
    keeper.want(Draft(QUESTION, "Lotte Janssens heeft thuis zorgen"))
    keeper.close()
    assert draft.exists()
    exported = dialoog("export", session.name, "--anonymise", "--transcripts", str(folder))
    assert exported.returncode == 0, exported.stderr
    assert "klein" in exported.stdout and "zorgen" not in exported.stdout and "Lotte" not in exported.stdout
    result = delete_expired(store, 1)
    assert [i.name for i in result.deleted] == [session.name]
    assert not draft.exists()
    assert sorted(os.listdir(folder)) in ([".drafts"], [".drafts", ".index"])
    store.close()


def test_a_table_draft_reads_as_one_line():
    actions = Draft("plan.acties", value=[{"wat": "bel ouders", "wie": "CLB", "wanneer": "", "check": ""}])
    counts = Draft("inzicht.overzicht", value={"B": {"0-4": "2", "5-9": "1"}})
    assert actions.shown == "wat: bel ouders · wie: CLB"
    assert counts.shown == "B: 0-4: 2, 5-9: 1"
