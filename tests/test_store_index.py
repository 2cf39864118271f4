"""Listing and searching: the index is a cache that is built, refreshed and rebuilt on its own."""

from __future__ import annotations

import os
import re
import select
import sqlite3
import stat
import subprocess
import sys
import time

import pytest
from storekit import ROOT, new_store, old_closed, school, write_yaml_only

from assistant.core import index as index_module
from assistant.core import locations
from assistant.core.index import SearchIndex


@pytest.fixture
def store(tmp_path):
    store = new_store(tmp_path / "transcripts")
    meetings = {
        "Sint-Jozef": {"vervoer": "De bus rijdt niet op tijd; de bus is vaak vol.", "score": 6},
        "Atheneum Noord": {"vervoer": "Leerlingen komen met de fiets.", "welzijn": "Eén leerling durft niet; de zorgcoördinator volgt op."},
        "Basisschool De Linde": {"vervoer": "Busvervoer geregeld door de gemeente."},
    }
    for subject, answers in meetings.items():
        with store.create(school(subject=subject, tags=("brussel",) if subject != "Atheneum Noord" else ())) as s:
            for question, value in answers.items():
                s.record("answer", question=question, value=value)
            if subject == "Atheneum Noord":
                s.record("note", text="Ouders melden pesterijen op de BUS naar huis.")
                s.close(status="closed")
    return store


def _subjects(hits):
    return [h.info.subject for h in hits]


def test_search_ignores_case_and_accents_and_ranks_the_best_match_first(store):
    hits = store.search("BUS")
    assert _subjects(hits)[0] == "Sint-Jozef"  # "bus" twice in a short answer
    assert set(_subjects(hits)) == {"Sint-Jozef", "Atheneum Noord", "Basisschool De Linde"}  # "busvervoer" too
    assert hits[0].question == "vervoer" and hits[0].kind == "answer"
    assert "[bus]" in hits[0].snippet.lower()
    assert hits == sorted(hits, key=lambda h: -h.score)
    folded = store.search("ZORGCOORDINATOR")
    assert _subjects(folded) == ["Atheneum Noord"] and "[zorgcoördinator]" in folded[0].snippet
    een = store.search("één LEERLING")
    assert _subjects(een) == ["Atheneum Noord"] and "[Eén] [leerling]" in een[0].snippet
    assert set(_subjects(store.search("de leerling"))) == {"Atheneum Noord"}  # "de" alone would match all


def test_search_covers_notes_and_phrases_and_refuses_nothing_the_user_types(store):
    notes = [h for h in store.search("pesterijen") if h.kind == "note"]
    assert _subjects(notes) == ["Atheneum Noord"]
    assert _subjects(store.search('"niet op tijd"')) == ["Sint-Jozef"]
    assert store.search('"op tijd niet"') == []
    for query in ('bus OR', 'NEAR(bus', '"bus', "bus*", "-bus", "bus:fiets", "'; DROP TABLE entries; --"):
        store.search(query)  # no FTS syntax error leaks through
    with pytest.raises(ValueError, match="at least one word"):
        store.search("  ?! ")


def test_listing_filters_by_script_status_tag_and_dates(store):
    write_yaml_only(store.root, old_closed("parent_dialogue", "Gezin A", "2024-02-10", {"thuis": "ok"}))
    assert len(store.list()) == 4
    assert [i.subject for i in store.list(script="parent_dialogue")] == ["Gezin A"]
    assert {i.subject for i in store.list(status="closed")} == {"Atheneum Noord", "Gezin A"}
    assert {i.subject for i in store.list(tag="BRUSSEL")} == {"Sint-Jozef", "Basisschool De Linde"}
    assert [i.subject for i in store.list(since="2024-01-01", until="2024-12-31")] == ["Gezin A"]
    assert [i.subject for i in store.list(until="2024-02-10")] == ["Gezin A"]
    newest_first = store.list()
    assert newest_first[-1].subject == "Gezin A"
    info = store.list(script="parent_dialogue")[0]
    assert (info.date, info.status, info.answers) == ("2024-02-10", "closed", 1)
    with pytest.raises(ValueError, match="not a date"):
        store.list(since="vorige week")


def test_the_index_follows_changes_to_the_folder(store):
    before = {i.subject for i in store.list()}
    with store.create(school(subject="Nieuwe school")) as session:
        session.record("answer", question="vervoer", value="Geen bus meer sinds september")
    assert {i.subject for i in store.list()} == before | {"Nieuwe school"}
    resumed = store.resume(session.id)
    resumed.record("answer", question="vervoer", value="Tram in plaats van bus")  # the journal grew
    assert store.search("tram")[0].info.subject == "Nieuwe school"
    assert store.search("september") == []  # only current answers are searched
    resumed.close()
    store.delete(session.id)
    assert {i.subject for i in store.list()} == before
    assert store.search("tram") == []


def test_a_missing_index_is_built_and_is_private(store):
    index = locations.index_path(store.root)
    store.list()
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    store.close()
    index.unlink()
    assert len(store.list()) == 3
    assert index.exists()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_index_is_thrown_away_and_rebuilt(store, damage):
    index = locations.index_path(store.root)
    store.list()
    store.close()
    data = index.read_bytes()
    index.write_bytes(b"this is not a database" * 100 if damage == "garbage" else data[: len(data) // 2])
    fresh = new_store(store.root)
    assert {i.subject for i in fresh.list()} == {"Sint-Jozef", "Atheneum Noord", "Basisschool De Linde"}
    assert _subjects(fresh.search("fiets")) == ["Atheneum Noord"]
    sqlite3.connect(index).execute("PRAGMA integrity_check").fetchone()


def test_an_index_from_another_version_is_replaced(store):
    index = locations.index_path(store.root)
    store.list()
    store.close()
    db = sqlite3.connect(index)
    db.execute("PRAGMA user_version = 99")
    db.commit()
    db.close()
    assert len(new_store(store.root).list()) == 3
    assert sqlite3.connect(index).execute("PRAGMA user_version").fetchone()[0] != 99


def test_without_a_writable_index_the_listing_works_from_memory(store, monkeypatch):
    def cannot_open(self, again=False):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(SearchIndex, "_open_on_disk", cannot_open)
    fresh = new_store(store.root)
    assert len(fresh.list()) == 3
    assert fresh.index.degraded == "unable to open database file"
    assert _subjects(fresh.search("fiets")) == ["Atheneum Noord"]


def test_rebuild_reads_everything_again(store):
    store.list()
    assert store.index.refresh() == 0  # nothing changed
    assert store.index.rebuild() == 3


def test_a_quiet_folder_is_checked_cheaply_but_never_served_stale(store, monkeypatch):
    def quiet():  # as if nothing had changed in the folder for a minute
        moment = time.time() - 60
        os.utime(store.root, (moment, moment))

    open_one = next(i for i in store.list() if i.subject == "Sint-Jozef")
    session = store.resume(open_one.id)
    broken = store.root / "2025-01-01_x_y_badbad00.yaml"
    broken.write_text("format: dialoog-transcript/1\nmeta: [\n")
    quiet()
    assert store.list()  # a full scan, which finds the folder quiet

    def no_full_scan(folder):
        raise AssertionError("the quiet folder was scanned file by file")

    monkeypatch.setattr(index_module, "scan", no_full_scan)
    session.record("answer", question="extra", value="Nieuw antwoord over de tram")  # only the journal grows
    assert next(i for i in store.list() if i.subject == "Sint-Jozef").answers == 3
    assert _subjects(store.search("tram")) == ["Sint-Jozef"]
    good = next(i for i in store.list() if i.subject == "Sint-Jozef")
    broken.write_bytes((store.root / good.file).read_bytes().replace(good.id.encode(), b"badbad00"))  # fixed in place
    assert "2025-01-01_x_y_badbad00" in {i.name for i in store.list() if i.readable}
    session.close()  # rewriting the YAML copy renames a file: the folder notices, and the next list scans it all
    monkeypatch.undo()
    assert store.index.refresh() >= 1


def test_a_query_matching_too_much_is_ranked_among_the_most_recent_passages(store, monkeypatch):
    store.list()
    with store.create(school(subject="Nieuwste school")) as session:
        session.record("answer", question="vervoer", value="Ook hier: de bus.")
    monkeypatch.setattr(index_module, "RANK_AT_MOST", 1)
    hits = store.search("bus")
    assert store.index.last_capped
    assert _subjects(hits) == ["Nieuwste school"]
    monkeypatch.setattr(index_module, "RANK_AT_MOST", 100)
    assert len(store.search("bus")) == 4 and not store.index.last_capped


def _flipped(data: bytes, seed: int) -> bytes:
    """Eight bytes of the file set to random values, as a failing disk or a copy gone wrong does."""
    import random

    rng = random.Random(seed)
    damaged = bytearray(data)
    for _ in range(8):
        damaged[rng.randrange(len(damaged))] = rng.randrange(256)
    return bytes(damaged)


DAMAGE = {  # each kind of damage found by an attack run of 8-byte flips, made on purpose
    "not a database": lambda data: b"\0" * 16 + data[16:],
    "unsupported file format": lambda data: data[:18] + b"\x03\x03" + data[20:],
    "text encoding in the header": lambda data: data[:56] + (2).to_bytes(4, "big") + data[60:],
    "zeroed": lambda data: bytes(len(data)),
    "a value that is not UTF-8": lambda data: data.replace(b"Sint-Jozef", b"Sint-Jo\xffef"),  # UnicodeDecodeError
    "a digit in the stored listing": lambda data: re.sub(  # SQLite sees nothing wrong: the listing's checksum does
        rb'("Atheneum Noord","closed","[^"]*","[^"]*",)2,', rb"\g<1>7,", data),
}


def _damaged_copy(index, data: bytes, damage) -> None:
    for suffix in ("-wal", "-shm"):
        index.with_name(index.name + suffix).unlink(missing_ok=True)
    index.write_bytes(damage(data))


def test_a_damaged_index_is_rebuilt_with_progress_and_never_shown_as_the_truth(store):
    """Found by an attack run: flips that gave a UnicodeDecodeError (at PRAGMA journal_mode=WAL) or a
    JSONDecodeError on every run, the index never repaired; the review screen showed an empty list."""
    index = locations.index_path(store.root)
    truth = [(i.subject, i.status, i.answers, i.warning) for i in store.list()]
    found = _subjects(store.search("bus"))
    store.close()
    data = index.read_bytes()
    assert DAMAGE["a digit in the stored listing"](data) != data  # what the last case changes is there to change
    for name, damage in DAMAGE.items():
        _damaged_copy(index, data, damage)
        told = []
        fresh = new_store(store.root)
        listed = [(i.subject, i.status, i.answers, i.warning) for i in fresh.list(progress=lambda *a: told.append(a))]
        assert listed == truth, name
        assert _subjects(fresh.search("bus")) == found, name
        assert fresh.index.repaired and fresh.index.degraded is None, name  # repaired on disk, not bypassed
        assert told[0] == (0, 3, fresh.index.repaired) and told[-1] == (3, 3, fresh.index.repaired), name
        fresh.close()
        again = new_store(store.root)
        assert again.list() and again.index.repaired is None, name  # repaired once, for good
        again.close()


def test_random_flips_in_the_index_never_give_an_error_or_a_wrong_listing(store):
    index = locations.index_path(store.root)
    truth = [(i.subject, i.status, i.answers) for i in store.list()]
    store.close()
    data = index.read_bytes()
    for seed in range(24):
        _damaged_copy(index, data, lambda d: _flipped(d, seed))
        fresh = new_store(store.root)
        assert [(i.subject, i.status, i.answers) for i in fresh.list()] == truth, seed
        fresh.search("bus")  # no error (what a flip inside the full-text data changes, SQLite cannot see)
        fresh.close()


def test_on_a_terminal_the_rebuild_counts_up_on_one_line(store):
    """The progress is one line redrawn in place: its carriage return is ours, not data, so the filter that
    shows a transcript's control characters as escapes must let it through (it showed it as a literal \\x0d)."""
    index = locations.index_path(store.root)
    store.list()
    store.close()
    _damaged_copy(index, index.read_bytes(), DAMAGE["not a database"])
    terminal, child_side = os.openpty()
    try:
        listing = subprocess.Popen([sys.executable, "-m", "assistant", "list", "--transcripts", str(store.root)],
                                   stdin=subprocess.DEVNULL, stdout=child_side, stderr=child_side, cwd=ROOT)
        os.close(child_side)
        shown = b""
        while True:  # until the listing closes the terminal (EIO, or end of file)
            assert select.select([terminal], [], [], 60)[0], f"dialoog list wrote nothing more for 60 s: {shown!r}"
            try:
                chunk = os.read(terminal, 4096)
            except OSError:
                break
            if not chunk:
                break
            shown += chunk
        assert listing.wait(timeout=60) == 0
    finally:
        os.close(terminal)
    assert b"\\x0d" not in shown
    progress = re.findall(rb"\rdialoog: the search index was damaged \(file is not a database\); rebuilding it from "
                          rb"the transcripts: (\d+)/(\d+) file\(s\) read", shown)
    assert progress and progress[0][0] == b"0" and progress[-1][0] == progress[-1][1]
    assert shown.count(b"Sint-Jozef") == 1 and b"Atheneum Noord" in shown


def test_the_list_command_says_it_rebuilds_a_damaged_index(store, capsys):
    from assistant.cli import main

    index = locations.index_path(store.root)
    store.list()
    store.close()
    for suffix in ("-wal", "-shm"):
        index.with_name(index.name + suffix).unlink(missing_ok=True)
    index.write_bytes(DAMAGE["a value that is not UTF-8"](index.read_bytes()))
    assert main(["list", "--transcripts", str(store.root)]) == 0
    out, err = capsys.readouterr()
    assert len(out.splitlines()) == 4  # the header and all three
    assert err.startswith("dialoog: the search index was damaged (") and "rebuilding it from the transcripts" in err
    assert "Traceback" not in err
