"""The transcript store: a durable save, listing and searching 10,000 transcripts, rebuilding the index.

Baselines, measured in the same run on the same disk:
- a saved answer against a bare `os.write` + `os.fsync` of the same bytes to a file of its own, so
  the ratio is what recording costs beyond the unavoidable flush;
- listing against a bare `os.listdir` of the folder (the least any listing must do);
- search against the same FTS5 query run directly on the index (no freshness check, no infos; for a
  query matching more than RANK_AT_MOST passages, ranking all of them, which the store does not do);
- the index rebuild against reading every journal's bytes.
Listing and search build a new Store each time, as `dialoog list` does; the index already exists.
- search in a folder whose one transcript holds a very long answer (50 MB; pasted, or from an older
  Dialoog) against the same search where that answer is 100 characters: the snippet is made from the
  best passage of the answer, so for a word found once in it the ratio stays near 1 (a 900 KB answer
  took 40 s before); a word all through it matches thousands of passages, of which at most RANK_AT_MOST
  are ranked, so that search costs more but stays bounded.

The synthetic folder takes most of a minute to write (20,000 files), and it is the same on every run
(same generator, same seed), so it is written once and kept in the temp folder, keyed by the source
of the generator and of the transcript format: a later run reuses it, a changed format rewrites it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from assistant.core import journal, locations
from assistant.core.index import RANK_AT_MOST, fts_query
from assistant.core.store import Store
from assistant.core.transcript import Transcript
from benchmarks import synthetic
from benchmarks.synthetic import generate
from benchmarks.timing import interleaved, row

ANSWER = "De bus rijdt 's ochtends vaak te laat; twee leerlingen missen daardoor het eerste lesuur."


def _save_rows(folder: Path, runs: int) -> list[dict]:
    store = Store(folder / "store")
    session = store.create(Transcript.new("bench", subject="Benchmarkschool"))
    counter = iter(range(10**9))
    line = journal.encode({"t": "event", "event": {"seq": 1, "kind": "answer", "at": "2025-01-01T10:00:00+01:00",
                                                   "question": "q.bench", "value": ANSWER}})
    fd = os.open(folder / "store" / "bare.bin", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def bare() -> None:
        os.write(fd, line)
        os.fsync(fd)

    try:
        times = interleaved({
            "record": lambda: session.record("answer", question=f"q{next(counter)}", value=ANSWER),
            "bare": bare,
        }, runs, warmup=3)
    finally:
        os.close(fd)
        session.close()
    return [row("store: one answer saved durably (Session.record: validate, journal, fsync)", times["record"],
                "bare append+fsync, same bytes, same disk", times["bare"])]


def _quiet(folder: Path) -> None:
    """Settle the folder as it is between meetings: nothing changed in the last minute."""
    moment = time.time() - 60
    os.utime(folder, (moment, moment))


def _fresh_list(folder: Path) -> int:
    store = Store(folder)
    try:
        return len(store.list())
    finally:
        store.close()


def _fresh_search(folder: Path, query: str) -> int:
    store = Store(folder)
    try:
        return len(store.search(query))
    finally:
        store.close()


def _bare_query(folder: Path, query: str):
    match = fts_query(query)

    def run() -> None:
        db = sqlite3.connect(locations.index_path(folder))
        try:
            db.execute("SELECT rowid, snippet(texts, 0, '[', ']', '…', 16) FROM texts WHERE texts MATCH ? "
                       "ORDER BY rank LIMIT 20", (match,)).fetchall()
        finally:
            db.close()

    return run


def _matches(folder: Path, query: str) -> int:
    db = sqlite3.connect(locations.index_path(folder))
    try:
        return db.execute("SELECT count(*) FROM texts WHERE texts MATCH ?", (fts_query(query),)).fetchone()[0]
    finally:
        db.close()


def _folder_rows(folder: Path, count: int, runs: int, rebuild_runs: int) -> list[dict]:
    stems = sorted({p.name.rsplit(".", 1)[0] for p in folder.iterdir() if p.suffix == ".journal"})

    def rebuild() -> None:
        store = Store(folder)
        store.index.rebuild()
        store.close()

    def read_journals() -> None:
        for stem in stems:
            (folder / f"{stem}.journal").read_bytes()

    rebuilt = interleaved({"rebuild": rebuild, "read": read_journals}, rebuild_runs, warmup=0)
    _quiet(folder)
    _fresh_list(folder)  # one full comparison, which finds the folder quiet
    n = f"{count:,}"
    listing = interleaved({"list": lambda: _fresh_list(folder), "listdir": lambda: os.listdir(folder)}, runs)
    rows = [
        row(f"store: index rebuild, {n} transcripts (read, validate, FTS5 insert)", rebuilt["rebuild"],
            "read every journal's bytes", rebuilt["read"]),
        row(f"store: list {n} transcripts (new Store, index exists)", listing["list"], "bare os.listdir", listing["listdir"]),
    ]
    for query, what in (("bus", "a topical word"), ("schoolweigering angst", "two words"),
                        ("school", "worst case: prefix of the commonest words")):
        matches = _matches(folder, query)
        times = interleaved({"search": lambda: _fresh_search(folder, query), "bare": _bare_query(folder, query)}, runs)
        baseline = "the FTS5 query alone" if matches <= RANK_AT_MOST else "the FTS5 query ranking every match"
        rows.append(row(f"store: ranked search over {n}, {what} ('{query}', {matches:,} passages match)",
                        times["search"], baseline, times["bare"]))
    return rows


def _long_answer_folder(folder: Path, size: int) -> Path:
    """Twenty synthetic transcripts and one whose answer has `size` characters, written as the store
    writes them (the app refuses such an answer now; older transcripts and hand edits may hold one)."""
    import random

    from assistant.core.transcript_codec import event_to_dict, meta_to_dict
    from assistant.core.transcript_files import TranscriptFiles, file_stem

    generate(folder, 20)
    rng = random.Random(7)
    t = synthetic.synthetic_transcript(rng, 999, answers=3)
    text = " ".join(synthetic._sentence(rng, 12) for _ in range(200))
    text = (text * (size // len(text) + 1))[:size - 60] + " Hij wordt gepest op de bus."
    t = t.with_event(t.next_event("answer", at=t.meta.updated, question="thuis.lang", value=text))
    files = TranscriptFiles(folder, file_stem(t))
    records = [{"t": "head", "format": journal.JOURNAL_FORMAT, "meta": meta_to_dict(t.meta)},
               *({"t": "event", "event": event_to_dict(e)} for e in t.events)]
    files.journal.write_bytes(b"".join(journal.encode(r) for r in records))
    os.chmod(files.journal, 0o600)
    _fresh_list(folder)  # the index, built before the timing
    _quiet(folder)
    _fresh_list(folder)
    return folder


def _long_answer_rows(folder: Path, quick: bool, runs: int) -> list[dict]:
    size = 5_000_000 if quick else 50_000_000
    long = _long_answer_folder(folder / "long", size)
    short = _long_answer_folder(folder / "short", 100)
    rows = []
    for query, what in (("gepest", "a word once in it: its snippet"),
                        ("bus", "a word all through it: at most RANK_AT_MOST passages ranked")):
        times = interleaved({"long": lambda: _fresh_search(long, query), "short": lambda: _fresh_search(short, query)},
                            runs)
        rows.append(row(f"store: ranked search, one transcript holds a {size / 1e6:g} MB answer ('{query}', {what})",
                        times["long"], "the same, that answer 100 characters", times["short"]))
    return rows


def corpus(count: int) -> Path:
    """A folder of `count` synthetic transcripts: the one a previous run wrote, or a new one."""
    from assistant.core import transcript_codec, transcript_files

    sources = b"".join(Path(m.__file__).read_bytes() for m in (synthetic, journal, transcript_codec, transcript_files))
    key = hashlib.sha256(sources).hexdigest()[:12]
    prefix = f"dialoog-bench-transcripts-{count}-"
    folder = Path(tempfile.gettempdir()) / f"{prefix}{key}"
    if (folder / ".complete").exists():
        return folder
    for stale in folder.parent.glob(f"{prefix}*"):  # an earlier format's folder, or an interrupted write
        shutil.rmtree(stale, ignore_errors=True)
    print(f" (writing {count:,} synthetic transcripts to {folder}, kept for later runs)", end="", file=sys.stderr, flush=True)
    generate(folder, count)
    (folder / ".complete").touch()
    return folder


def run(quick: bool = False) -> list[dict]:
    count = 1_000 if quick else 10_000
    with tempfile.TemporaryDirectory(prefix="dialoog-bench-store-") as tmp:
        folder = Path(tmp)
        rows = _save_rows(folder, 30 if quick else 200)
        rows += _long_answer_rows(folder, quick, 5 if quick else 15)
        # A rebuild of 10,000 takes 10-15 s: two of them keep the whole suite within its two minutes.
        rows += _folder_rows(corpus(count), count, 5 if quick else 15, 1 if quick else 2)
    return rows


if __name__ == "__main__":  # pragma: no cover - a convenience for running this file alone
    for r in run(quick=True):
        print(r)
