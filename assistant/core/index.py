"""The search index: a SQLite cache of every transcript's metadata and text, beside the transcripts.

It is only a cache. Each use first compares the folder with what the index saw (size and mtime of
every file), re-reads what changed and forgets what is gone, so it is never stale. A missing index
is built; a corrupt one is thrown away and built again; where none can be written (a read-only
folder) an in-memory index is built instead. The transcripts stay the truth.

Search is SQLite FTS5 with the unicode61 tokenizer folding case and accents ("één" finds "een"),
ranked by bm25, each hit with the matching snippet.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from assistant.core import durable, locations
from assistant.core.store_errors import StoreError, TranscriptError
from assistant.core.transcript import EventKind, Transcript
from assistant.core.transcript_files import JOURNAL_SUFFIX, YAML_SUFFIX, TranscriptFiles, read_transcript

SCHEMA_VERSION = 1
FOREIGN = "not a Dialoog transcript (only .yaml and .journal files of transcripts belong in this folder)"
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)

_SCHEMA = """
CREATE TABLE entries(
    key TEXT PRIMARY KEY,            -- the transcript's file stem, or the name of a foreign file
    signature TEXT NOT NULL,         -- size and mtime of its files when they were read
    path TEXT NOT NULL,
    id TEXT, script TEXT, subject TEXT, status TEXT, created TEXT, updated TEXT,
    answers INTEGER, tags TEXT, facilitator TEXT, follows TEXT,
    problem TEXT,                    -- why it cannot be read (then the fields above are empty)
    warning TEXT
);
CREATE TABLE chunks(rowid INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, question TEXT, seq INTEGER);
CREATE INDEX chunks_by_key ON chunks(key);
CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2');
"""
_COLUMNS = "key, path, id, script, subject, status, created, updated, answers, tags, facilitator, follows, problem, warning"


@dataclass(frozen=True)
class TranscriptInfo:
    """One line of a listing. For a file that cannot be read, `problem` says why and the rest is empty."""

    name: str                    # the file stem: what `show`, `resume` and `follow_up` accept
    path: Path                   # the YAML copy (or the unreadable file itself)
    id: str = ""
    script: str = ""
    subject: str = ""
    status: str = ""
    created: str = ""
    updated: str = ""
    answers: int = 0
    tags: tuple[str, ...] = ()
    facilitator: str = ""
    follows: str | None = None
    problem: str | None = None
    warning: str | None = None

    @property
    def date(self) -> str:
        return self.created[:10]

    @property
    def readable(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class SearchHit:
    info: TranscriptInfo
    kind: str                    # answer | note | action | subject
    question: str | None         # the question answered (or noted on), when there is one
    seq: int | None              # the event, to jump to it
    snippet: str                 # the matching text, the matched words between the marks
    score: float                 # higher is better


def plain_text(value: Any) -> str:
    """Any answer value as searchable text: lists and tables flattened, yes/no as words."""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    if isinstance(value, dict):
        return "; ".join(f"{k}: {plain_text(v)}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return "; ".join(plain_text(v) for v in value)
    return "" if value is None else str(value)


def chunks(transcript: Transcript) -> Iterator[tuple[str, str | None, int | None, str]]:
    """(kind, question, seq, text) of everything worth searching: current answers, notes, actions."""
    meta = transcript.meta
    if meta.subject:
        yield "subject", None, None, " ".join([meta.subject, *meta.tags])
    for question, event in transcript.answer_events().items():
        text = plain_text(event.data["value"])
        if text.strip():
            yield "answer", question, event.seq, text
    for event in transcript.of_kind(EventKind.NOTE):
        yield "note", event.get("question"), event.seq, str(event.data["text"])
    for event in transcript.of_kind(EventKind.ACTION):
        parts = [str(event.get(k, "")) for k in ("wat", "wie", "wanneer", "check")]
        yield "action", None, event.seq, " — ".join(p for p in parts if p)


def fts_query(text: str) -> str:
    """The user's words as a safe FTS5 query: every word must occur (as a word or a word's start);
    text in double quotes must occur as a phrase. No FTS syntax gets through."""
    parts = []
    for phrase in re.findall(r'"([^"]*)"', text):
        words = re.findall(r"\w+", phrase)
        if words:
            parts.append('"' + " ".join(words) + '"')
    for word in re.findall(r"\w+", re.sub(r'"[^"]*"', " ", text)):
        parts.append(f'"{word}"*')
    if not parts:
        raise ValueError("type at least one word to search for")
    return " ".join(parts)


def _day(value: date | datetime | str | None, what: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"{what}: '{value}' is not a date (YYYY-MM-DD)") from None


def scan(folder: Path) -> dict[str, tuple[str, Path, bool]]:
    """key -> (signature, path, is_foreign) for every visible file in `folder`."""
    pairs: dict[str, list[str]] = {}
    found: dict[str, tuple[str, Path, bool]] = {}
    try:
        entries = list(os.scandir(folder))
    except FileNotFoundError:
        return found
    except OSError as exc:
        raise StoreError(f"cannot read the transcripts folder {folder}: {durable.reason(exc)}") from None
    for entry in entries:
        name = entry.name
        if name.startswith("."):  # the index itself, temp files of atomic writes
            continue
        try:
            if entry.is_dir():
                continue
            st = entry.stat()
        except OSError:
            continue
        signature = f"{st.st_mtime_ns}:{st.st_size}"
        stem, dot, suffix = name.rpartition(".")
        if dot and stem and f".{suffix}" in (YAML_SUFFIX, JOURNAL_SUFFIX):
            pair = pairs.setdefault(stem, ["-", "-"])
            pair[0 if f".{suffix}" == YAML_SUFFIX else 1] = signature
        else:
            found[name] = (signature, folder / name, True)
    for stem, (yaml_sig, journal_sig) in pairs.items():
        found[stem] = (f"y{yaml_sig}|j{journal_sig}", folder / f"{stem}{YAML_SUFFIX}", False)
    return found


def _entry(folder: Path, key: str, signature: str, path: Path, foreign: bool) -> tuple[tuple, list[tuple]]:
    """The entries row and the chunks of one key, read from disk."""
    if foreign:
        return (key, signature, str(path), *([None] * 10), FOREIGN, None), []
    try:
        loaded = read_transcript(TranscriptFiles(folder, key))
    except TranscriptError as exc:
        shown = path if path.exists() else folder / f"{key}{JOURNAL_SUFFIX}"
        return (key, signature, str(shown), *([None] * 10), str(exc), None), []
    except OSError as exc:
        return (key, signature, str(path), *([None] * 10), f"cannot read: {durable.reason(exc)}", None), []
    meta = loaded.transcript.meta
    warning = None
    if loaded.warnings:
        warning = loaded.warnings[0] + (f" (and {len(loaded.warnings) - 1} more)" if len(loaded.warnings) > 1 else "")
    row = (key, signature, str(path), meta.id, meta.script, meta.subject, meta.status, meta.created, meta.updated,
           len(loaded.transcript.answers()), json.dumps(list(meta.tags), ensure_ascii=False), meta.facilitator,
           meta.follows, None, warning)
    return row, list(chunks(loaded.transcript))


def _info(row: tuple) -> TranscriptInfo:
    key, path, ident, script, subject, status, created, updated, answers, tags, facilitator, follows, problem, warning = row
    return TranscriptInfo(
        name=key, path=Path(path), id=ident or "", script=script or "", subject=subject or "", status=status or "",
        created=created or "", updated=updated or "", answers=answers or 0, tags=tuple(json.loads(tags or "[]")),
        facilitator=facilitator or "", follows=follows, problem=problem, warning=warning,
    )


class SearchIndex:
    """The cache for one transcripts folder. Thread-safe; one SQLite connection per instance."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = locations.index_path(self.folder)
        self.degraded: str | None = None  # why the index lives in memory instead of on disk
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()

    # -- connection -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.degraded is None and self.folder.is_dir():
            try:
                self._db = self._open_on_disk()
                return self._db
            except sqlite3.DatabaseError as exc:
                if _is_corrupt(exc):
                    self._discard()
                    try:
                        self._db = self._open_on_disk()
                        return self._db
                    except (sqlite3.DatabaseError, OSError) as again:
                        self.degraded = str(again)
                else:
                    self.degraded = str(exc)
            except OSError as exc:
                self.degraded = durable.reason(exc)
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
        return self._db

    def _open_on_disk(self, again: bool = False) -> sqlite3.Connection:
        if not self.path.exists():
            # Created private before SQLite opens it: the index holds the answers' text.
            os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT, durable.FILE_MODE))
        db = sqlite3.connect(self.path, timeout=10, check_same_thread=False, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")  # a cache: losing the last update only means re-reading
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION:
                db.execute("BEGIN IMMEDIATE")  # another process may be creating it at this moment
                version = db.execute("PRAGMA user_version").fetchone()[0]
                tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
                if version != SCHEMA_VERSION and tables:  # an index from another version of Dialoog
                    db.execute("ROLLBACK")
                    if again:
                        raise sqlite3.DatabaseError("the old index could not be replaced")
                    db.close()
                    self._discard()
                    return self._open_on_disk(again=True)
                if version != SCHEMA_VERSION:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            db.execute(statement)
                    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                db.execute("COMMIT")
        except BaseException:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError:
                pass

    def _with_db(self, work):
        """Run `work(db)`; on corruption throw the index away and rebuild, on other failures go to memory."""
        with self._lock:
            for _attempt in range(3):
                db = self._connect()
                in_memory = self.degraded is not None or not self.folder.is_dir()
                try:
                    return work(db)
                except sqlite3.DatabaseError as exc:
                    try:
                        db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    if in_memory:
                        raise StoreError(f"search index failed: {exc}") from None
                    if _is_corrupt(exc):
                        self._discard()
                    else:
                        self._db.close()
                        self._db = None
                        self.degraded = str(exc)
            raise StoreError("search index failed repeatedly")  # pragma: no cover

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- keeping it current -----------------------------------------------------------------------
    def refresh(self) -> int:
        """Bring the index in line with the folder; returns how many files were (re-)read."""
        found = scan(self.folder)

        def work(db: sqlite3.Connection) -> int:
            known = dict(db.execute("SELECT key, signature FROM entries"))
            changed = [k for k, (sig, _, _) in found.items() if known.get(k) != sig]
            gone = [k for k in known if k not in found]
            if not changed and not gone:
                return 0
            read = [_entry(self.folder, k, *found[k]) for k in changed]
            db.execute("BEGIN IMMEDIATE")
            for key in (*gone, *changed):
                _forget(db, key)
            db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * 15)})", [row for row, _ in read])
            for (row, pieces) in read:
                for kind, question, seq, body in pieces:
                    rowid = db.execute("INSERT INTO chunks(key, kind, question, seq) VALUES (?, ?, ?, ?)",
                                       (row[0], kind, question, seq)).lastrowid
                    db.execute("INSERT INTO texts(rowid, body) VALUES (?, ?)", (rowid, body))
            db.execute("COMMIT")
            return len(changed)

        return self._with_db(work)

    def rebuild(self) -> int:
        """Forget everything and read the whole folder again."""
        with self._lock:
            self.close()
            if self.degraded is None:
                self._discard()
            return self.refresh()

    # -- reading ----------------------------------------------------------------------------------
    def infos(self, script: str | None = None, status: str | None = None, tag: str | None = None,
              since: date | datetime | str | None = None, until: date | datetime | str | None = None,
              ) -> list[TranscriptInfo]:
        """Readable transcripts that pass the filters (newest first), then every unreadable file."""
        first, last = _day(since, "since"), _day(until, "until")
        where, args = ["problem IS NULL"], []
        for column, value in (("script", script), ("status", status)):
            if value:
                where.append(f"{column} = ?")
                args.append(value)
        if first:
            where.append("substr(created, 1, 10) >= ?")
            args.append(first)
        if last:
            where.append("substr(created, 1, 10) <= ?")
            args.append(last)

        def work(db: sqlite3.Connection) -> list[TranscriptInfo]:
            rows = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE {' AND '.join(where)} "
                              "ORDER BY created DESC, key", args).fetchall()
            broken = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE problem IS NOT NULL ORDER BY key").fetchall()
            return [_info(r) for r in rows] + [_info(r) for r in broken]

        result = self._with_db(work)
        if tag:
            wanted = tag.casefold()
            result = [i for i in result if not i.readable or any(t.casefold() == wanted for t in i.tags)]
        return result

    def search(self, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]")) -> list[SearchHit]:
        """The best `limit` passages matching `query`, best first."""
        match = fts_query(query)

        def work(db: sqlite3.Connection) -> list[SearchHit]:
            rows = db.execute(
                "SELECT c.key, c.kind, c.question, c.seq, snippet(texts, 0, ?, ?, '…', 16), rank "
                "FROM texts JOIN chunks AS c ON c.rowid = texts.rowid "
                "WHERE texts MATCH ? ORDER BY rank LIMIT ?",
                (mark[0], mark[1], match, max(1, int(limit))),
            ).fetchall()
            keys = sorted({r[0] for r in rows})
            infos = {}
            for start in range(0, len(keys), 500):
                batch = keys[start:start + 500]
                found = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE key IN ({', '.join('?' * len(batch))})", batch)
                infos.update((r[0], _info(r)) for r in found)
            return [SearchHit(infos[k], kind, question, seq, snippet, -score)
                    for k, kind, question, seq, snippet, score in rows if k in infos]

        return self._with_db(work)


def _forget(db: sqlite3.Connection, key: str) -> None:
    db.execute("DELETE FROM texts WHERE rowid IN (SELECT rowid FROM chunks WHERE key = ?)", (key,))
    db.execute("DELETE FROM chunks WHERE key = ?", (key,))
    db.execute("DELETE FROM entries WHERE key = ?", (key,))


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text
