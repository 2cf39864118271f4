"""The search index: a SQLite cache of every transcript's metadata and text, beside the transcripts.

It is only a cache. Each use first brings it in line with the folder, re-reading what changed and
forgetting what is gone. Comparing the size and mtime of 20,000 files costs more than the listing
itself, so when the folder has been quiet (its own mtime unchanged since a scan that began three
seconds after its last change) only the journals of open and unreadable transcripts are checked:
everything else Dialoog does to a transcript (create, close, the YAML rewrite, delete, reopen)
changes the folder's mtime, and then every file is compared again. A missing index is built; a
corrupt one is thrown away and built again; where none can be written (a read-only folder) an
in-memory index is built instead. The transcripts stay the truth.

Search is SQLite FTS5 with the unicode61 tokenizer folding case and accents ("één" finds "een"),
ranked by bm25, each hit with the matching snippet. A word also matches the words it begins
("bus" finds "busvervoer"); prefix indexes for 2 to 6 letters keep that fast for a short, common
start such as "school", which would otherwise merge the lists of hundreds of words.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from assistant.core import durable, locations
from assistant.core.listing import SearchHit, TranscriptInfo
from assistant.core.searchtext import chunks, fts_query, loose_words, respelled
from assistant.core.store_errors import StoreError, TranscriptError, os_reason
from assistant.core.transcript_files import JOURNAL_SUFFIX, YAML_SUFFIX, TranscriptFiles, read_transcript

__all__ = ["SearchHit", "SearchIndex", "TranscriptInfo", "fts_query", "scan"]

SCHEMA_VERSION = 4  # 4: long texts indexed in passages (assistant.core.searchtext.passages)
FOREIGN = "not a Dialoog transcript (only .yaml and .journal files of transcripts belong in this folder)"
_CORRUPT_CODES = {11, 26}  # SQLITE_CORRUPT, SQLITE_NOTADB (primary result codes)
# PERM, BUSY, LOCKED, NOMEM, READONLY, INTERRUPT, IOERR, FULL, CANTOPEN, PROTOCOL, AUTH: the index cannot be
# reached or written now, which says nothing about its contents (it is used in memory instead)
_OUT_OF_REACH = {3, 5, 6, 7, 8, 9, 10, 13, 14, 15, 23}
_QUIET_NS = 3_000_000_000  # a folder mtime this close to the scan may hide a later change in the same tick (FAT: 2 s)
_TAG_SEP = "\x1f"
RANK_AT_MOST = 5_000  # passages ranked per search; see SearchIndex.search
PROGRESS_FROM = 200   # files to (re)read before a refresh reports its progress
# progress(done, total, damage): files read so far, files to read, why the index is rebuilt (or None)
Progress = Callable[[int, int, "str | None"], None]

_SCHEMA = """
CREATE TABLE entries(
    key TEXT PRIMARY KEY,            -- the transcript's file stem, or the name of a foreign file
    ysig TEXT NOT NULL,              -- mtime and size of the YAML copy when read ('-' when absent)
    jsig TEXT NOT NULL,              -- and of the journal
    file TEXT NOT NULL,              -- the file a reader is shown
    id TEXT, script TEXT, subject TEXT, status TEXT, created TEXT, updated TEXT,
    answers INTEGER, tags TEXT, facilitator TEXT, follows TEXT,
    problem TEXT,                    -- why it cannot be read (then the fields above are empty)
    warning TEXT
);
CREATE INDEX entries_by_created ON entries(created);
CREATE TABLE chunks(rowid INTEGER PRIMARY KEY, key TEXT NOT NULL, kind TEXT NOT NULL, question TEXT, seq INTEGER);
CREATE INDEX chunks_by_key ON chunks(key);
CREATE VIRTUAL TABLE texts USING fts5(body, tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3 4 5 6');
CREATE TABLE state(name TEXT PRIMARY KEY, value TEXT)
"""
_COLUMNS = "key, file, id, script, subject, status, created, updated, answers, tags, facilitator, follows, problem, warning"


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


def _signature(st: os.stat_result) -> str:
    return f"{st.st_mtime_ns}:{st.st_size}"


def scan(folder: Path) -> dict[str, tuple[str, str, bool]]:
    """key -> (YAML signature, journal signature, is_foreign) for every visible file in `folder`.
    A foreign file's signature is in the first slot."""
    found: dict[str, list] = {}
    try:
        entries = os.scandir(folder)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise StoreError("read_folder", f"cannot read the transcripts folder {folder}: {durable.reason(exc)}",
                         folder=str(folder), **os_reason(exc)) from None
    with entries:
        for entry in entries:
            name = entry.name
            if name[0] == ".":  # the index itself, temp files of atomic writes
                continue
            try:
                if entry.is_dir():
                    continue
                signature = _signature(entry.stat())
            except OSError:
                continue
            if name.endswith(YAML_SUFFIX) and len(name) > len(YAML_SUFFIX):
                found.setdefault(name[: -len(YAML_SUFFIX)], ["-", "-", False])[0] = signature
            elif name.endswith(JOURNAL_SUFFIX) and len(name) > len(JOURNAL_SUFFIX):
                found.setdefault(name[: -len(JOURNAL_SUFFIX)], ["-", "-", False])[1] = signature
            else:
                found[name] = [signature, "-", True]
    return {key: (y, j, foreign) for key, (y, j, foreign) in found.items()}


def _stat_signature(path: str) -> str:
    try:
        return _signature(os.stat(path))
    except OSError:
        return "-"


def _entry(folder: Path, key: str, ysig: str, jsig: str, foreign: bool) -> tuple[tuple, list[tuple]]:
    """The entries row and the chunks of one key, read from disk."""
    blank = (None,) * 10
    if foreign:
        return (key, ysig, jsig, key, *blank, FOREIGN, None), []
    shown = f"{key}{YAML_SUFFIX}" if ysig != "-" else f"{key}{JOURNAL_SUFFIX}"
    try:
        loaded = read_transcript(TranscriptFiles(folder, key), thorough=False)
    except TranscriptError as exc:
        return (key, ysig, jsig, shown, *blank, str(exc), None), []
    except OSError as exc:
        return (key, ysig, jsig, shown, *blank, f"cannot read: {durable.reason(exc)}", None), []
    meta = loaded.transcript.meta
    warning = None
    if loaded.warnings:
        warning = loaded.warnings[0] + (f" (and {len(loaded.warnings) - 1} more)" if len(loaded.warnings) > 1 else "")
    row = (key, ysig, jsig, f"{key}{YAML_SUFFIX}", meta.id, meta.script, meta.subject, meta.status, meta.created,
           meta.updated, len(loaded.transcript.answers()), _TAG_SEP.join(meta.tags), meta.facilitator, meta.follows,
           None, warning)
    return row, list(chunks(loaded.transcript))


def _info(folder: Path, row: tuple) -> TranscriptInfo:
    key, file, ident, script, subject, status, created, updated, answers, tags, facilitator, follows, problem, warning = row
    if problem is not None:
        return TranscriptInfo(key, folder, file, problem=problem)
    return TranscriptInfo(key, folder, file, ident, script, subject, status, created, updated, answers,
                          tuple(tags.split(_TAG_SEP)) if tags else (), facilitator, follows, None, warning)


class SearchIndex:
    """The cache for one transcripts folder. Thread-safe; one SQLite connection per instance."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = locations.index_path(self.folder)
        self.degraded: str | None = None  # why the index lives in memory instead of on disk
        self.repaired: str | None = None  # why the index on disk was thrown away and built again (this process)
        self.last_capped = False          # the last search matched too much to rank it all
        self._db: sqlite3.Connection | None = None
        self._lock = threading.RLock()
        self._terms_cache: tuple[tuple, dict[str, int]] | None = None  # see _terms
        self._damage: str | None = None   # the damage found, until the rebuild that follows has read the folder

    # -- connection -------------------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self._db is not None:
            return self._db
        if self.degraded is None and self.folder.is_dir():
            for attempt in (1, 2):
                try:
                    self._db = self._open_on_disk()
                    return self._db
                except Exception as exc:  # noqa: BLE001 - a damaged file fails in many ways; see _is_damage
                    if attempt == 1 and _is_damage(exc):
                        self._discard(exc)
                        continue
                    self.degraded = durable.reason(exc) if isinstance(exc, OSError) else _described(exc)
                    break
        self._db = sqlite3.connect(":memory:", check_same_thread=False, isolation_level=None)
        self._db.executescript(_SCHEMA)
        return self._db

    def _open_on_disk(self, again: bool = False) -> sqlite3.Connection:
        durable.ensure_private_dir(self.path.parent)
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

    def _discard(self, damage: BaseException | None = None) -> None:
        """Throw the index on disk away (the next use builds it again from the transcripts)."""
        if damage is not None:
            self._damage = self.repaired = _described(damage)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        self._terms_cache = None
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except OSError:
                pass

    def _with_db(self, work, progress: Progress | None = None, *, refreshing: bool = False):
        """Run `work(db)`. The index is a cache: whatever goes wrong with it (SQLite finds it corrupt, a
        flipped byte makes a value undecodable, the listing's checksum fails) throws it away and builds it
        again from the transcripts (with `progress`) before `work` runs again; where it cannot be kept on
        disk it lives in memory. Never an answer from a damaged index, never an empty one in its place."""
        with self._lock:
            for _attempt in range(3):
                db = self._connect()
                in_memory = self.degraded is not None or not self.folder.is_dir()
                try:
                    return work(db)
                except Exception as exc:  # noqa: BLE001 - see _is_damage
                    try:
                        db.execute("ROLLBACK")
                    except sqlite3.Error:
                        pass
                    if in_memory:
                        raise StoreError("index_failed", f"search index failed: {_described(exc)}",
                                         problem=_described(exc)) from None
                    if _is_damage(exc):
                        self._discard(exc)
                    else:  # locked for too long, read-only, full: the transcripts are read into memory instead
                        self._db.close()
                        self._db = None
                        self.degraded = _described(exc)
                    if not refreshing:
                        self.refresh(progress)  # what `work` reads must be there again before it runs again
            raise StoreError("index_failed", "search index failed repeatedly", problem="repeatedly")

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None

    # -- keeping it current -----------------------------------------------------------------------
    def refresh(self, progress: Progress | None = None) -> int:
        """Bring the index in line with the folder; returns how many files were (re-)read. `progress(done,
        total, damage)` is told while a long reading goes on, and always when a damaged index is rebuilt."""
        try:
            folder_mtime = str(os.stat(self.folder).st_mtime_ns)
        except OSError:
            folder_mtime = "-"
        started = time.time_ns()

        def work(db: sqlite3.Connection) -> int:
            quiet = dict(db.execute("SELECT name, value FROM state")).get("quiet_mtime")
            if quiet == folder_mtime:
                return self._refresh_volatile(db)
            found = scan(self.folder)
            known = {k: (y, j) for k, y, j in db.execute("SELECT key, ysig, jsig FROM entries")}
            # In name order, which starts with the date: chunk rowids then follow time (see search).
            changed = sorted(k for k, (y, j, _) in found.items() if known.get(k) != (y, j))
            gone = [k for k in known if k not in found]
            self._replace(db, gone, self._read(changed, found, progress))
            # Trust the folder's mtime next time only if it was already old when this scan began.
            settled = folder_mtime != "-" and started - int(folder_mtime) > _QUIET_NS
            db.execute("INSERT OR REPLACE INTO state VALUES ('quiet_mtime', ?)", (folder_mtime if settled else "",))
            self._damage = None
            return len(changed)

        return self._with_db(work, progress, refreshing=True)

    def _read(self, keys: list[str], found: dict, progress: Progress | None) -> list[tuple[tuple, list[tuple]]]:
        damage = self._damage
        if progress is None or (len(keys) < PROGRESS_FROM and damage is None):
            return [_entry(self.folder, k, *found[k]) for k in keys]
        step = max(1, len(keys) // 100)
        progress(0, len(keys), damage)
        read = []
        for done, key in enumerate(keys, start=1):
            read.append(_entry(self.folder, key, *found[key]))
            if done % step == 0 or done == len(keys):
                progress(done, len(keys), damage)
        return read

    def _refresh_volatile(self, db: sqlite3.Connection) -> int:
        """The quiet folder's fast path: re-check only what can change without the folder noticing,
        the journals of open transcripts and the files that could not be read."""
        rows = db.execute("SELECT key, ysig, jsig, problem FROM entries "
                          "WHERE status = 'open' OR problem IS NOT NULL").fetchall()
        stale: dict[str, tuple[str, str, bool]] = {}
        base = os.path.join(self.folder, "")  # plain strings: pathlib costs more than the stat itself here
        for key, ysig, jsig, problem in rows:
            if problem == FOREIGN:
                now = (_stat_signature(base + key), "-", True)
            elif problem is None and jsig != "-":
                # Rewriting the YAML copy is a rename, which the folder notices: only the journal grows quietly.
                now = (ysig, _stat_signature(f"{base}{key}{JOURNAL_SUFFIX}"), False)
            else:
                now = (_stat_signature(f"{base}{key}{YAML_SUFFIX}"), _stat_signature(f"{base}{key}{JOURNAL_SUFFIX}"), False)
            if now[:2] != (ysig, jsig):
                stale[key] = now
        gone = [k for k, (y, j, _) in stale.items() if y == "-" and j == "-"]
        self._replace(db, gone, [_entry(self.folder, k, *v) for k, v in stale.items() if k not in gone])
        return len(stale)

    @staticmethod
    def _replace(db: sqlite3.Connection, gone: list[str], read: list[tuple[tuple, list[tuple]]]) -> None:
        if not gone and not read:
            return
        db.execute("BEGIN IMMEDIATE")
        db.execute("DELETE FROM state WHERE name = 'listing'")
        for key in (*gone, *(row[0] for row, _ in read)):
            _forget(db, key)
        db.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * 16)})", [row for row, _ in read])
        next_id = (db.execute("SELECT max(rowid) FROM chunks").fetchone()[0] or 0) + 1
        pieces = [(row[0], piece) for row, chunk_list in read for piece in chunk_list]
        ids = range(next_id, next_id + len(pieces))
        db.executemany("INSERT INTO chunks VALUES (?, ?, ?, ?, ?)",
                       [(i, key, kind, question, seq) for i, (key, (kind, question, seq, _)) in zip(ids, pieces)])
        db.executemany("INSERT INTO texts(rowid, body) VALUES (?, ?)",
                       [(i, body) for i, (_, (_, _, _, body)) in zip(ids, pieces)])
        db.execute("COMMIT")

    def rebuild(self, progress: Progress | None = None) -> int:
        """Forget everything and read the whole folder again."""
        with self._lock:
            self.close()
            if self.degraded is None:
                self._discard()
            else:
                self._db = None
            return self.refresh(progress)

    # -- reading ----------------------------------------------------------------------------------
    def infos(self, script: str | None = None, status: str | None = None, tag: str | None = None,
              since: date | datetime | str | None = None, until: date | datetime | str | None = None,
              progress: Progress | None = None) -> list[TranscriptInfo]:
        """Readable transcripts that pass the filters (newest first), then every unreadable file."""
        first, last = _day(since, "since"), _day(until, "until")
        wanted = tag.casefold() if tag else None

        def keep(row: list) -> bool:
            if row[12] is not None:
                return True  # unreadable files are always shown: nothing may hide them
            day = (row[6] or "")[:10]
            return ((not script or row[3] == script) and (not status or row[5] == status)
                    and (not first or day >= first) and (not last or day <= last)
                    and (not wanted or any(t.casefold() == wanted for t in (row[9] or "").split(_TAG_SEP))))

        rows = self._with_db(self._listing, progress)
        if script or status or first or last or wanted:
            rows = [r for r in rows if keep(r)]
        folder, make = self.folder, tuple.__new__  # ten thousand infos: skip the Python-level __new__
        return [make(TranscriptInfo, (r[0], folder, r[1], r[2] or "", r[3] or "", r[4] or "", r[5] or "", r[6] or "",
                                      r[7] or "", r[8] or 0, tuple(r[9].split(_TAG_SEP)) if r[9] else (),
                                      r[10] or "", r[11], r[12], r[13]))
                for r in rows]

    @staticmethod
    def _listing(db: sqlite3.Connection) -> list[list]:
        """Every entry in listing order. Kept ready-made in the index as one JSON value: decoding it is
        several times faster than fetching and sorting ten thousand rows; any change to the entries drops it."""
        found = db.execute("SELECT value FROM state WHERE name = 'listing'").fetchone()
        if found is None:
            db.execute("BEGIN IMMEDIATE")
            rows = db.execute(f"SELECT {_COLUMNS} FROM entries").fetchall()
            rows.sort(key=lambda r: r[0])
            rows.sort(key=lambda r: r[6] or "", reverse=True)
            rows.sort(key=lambda r: r[12] is not None)  # stable: unreadable last, by name
            value = json.dumps(rows, ensure_ascii=False, separators=(",", ":"))
            db.execute("INSERT OR REPLACE INTO state VALUES ('listing', ?)", (f"{zlib.crc32(value.encode()):08x} {value}",))
            db.execute("COMMIT")
            return rows
        # With its checksum: SQLite does not check the bytes of a value, and a flipped digit in it would
        # show a wrong count of answers as if it were true.
        stored = found[0]
        if not isinstance(stored, str) or zlib.crc32(stored[9:].encode()) != int(stored[:8], 16):
            raise _Damaged("the stored listing fails its checksum")
        return json.loads(stored[9:])

    def search(self, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]"),
               progress: Progress | None = None) -> list[SearchHit]:
        """The best `limit` answers, notes or actions matching `query` (each with its best passage), best first.

        Ranking costs time for every matching passage. When a query matches more than RANK_AT_MOST
        passages (a word in nearly every answer), only the most recently indexed RANK_AT_MOST of them
        are ranked and `last_capped` is set, so that a search stays interactive at any size."""
        match = fts_query(query)

        def work(db: sqlite3.Connection) -> list[SearchHit]:
            edge = db.execute("SELECT rowid FROM texts WHERE texts MATCH ? ORDER BY rowid DESC LIMIT 1 OFFSET ?",
                              (match, RANK_AT_MOST)).fetchone()
            self.last_capped = edge is not None
            wanted, after = max(1, int(limit)), edge[0] if edge else 0
            rows = db.execute(
                "SELECT c.key, c.kind, c.question, c.seq, snippet(texts, 0, ?, ?, '…', 16), rank "
                "FROM texts JOIN chunks AS c ON c.rowid = texts.rowid "
                "WHERE texts MATCH ? AND texts.rowid > ? ORDER BY rank LIMIT ?",
                (mark[0], mark[1], match, after, wanted * 2),
            ).fetchall()
            best = {}  # one hit per text: the passages of one long text may match together, its best one counts
            for found in rows:
                best.setdefault(found[:4], found)
            if len(best) < wanted and len(rows) == wanted * 2:  # they crowd out the rest: rank per text
                best = {}
                for rowid, *where, score in db.execute(
                        "SELECT texts.rowid, c.key, c.kind, c.question, c.seq, min(rank) "
                        "FROM texts JOIN chunks AS c ON c.rowid = texts.rowid WHERE texts MATCH ? AND texts.rowid > ? "
                        "GROUP BY c.key, c.kind, c.question, c.seq ORDER BY min(rank) LIMIT ?",
                        (match, after, wanted)).fetchall():
                    snippet = db.execute("SELECT snippet(texts, 0, ?, ?, '…', 16) FROM texts WHERE texts MATCH ? "
                                         "AND rowid = ?", (mark[0], mark[1], match, rowid)).fetchone()[0]
                    best[tuple(where)] = (*where, snippet, score)
            rows = list(best.values())[:wanted]
            keys = sorted({r[0] for r in rows})
            infos = {}
            for start in range(0, len(keys), 500):
                batch = keys[start:start + 500]
                found = db.execute(f"SELECT {_COLUMNS} FROM entries WHERE key IN ({', '.join('?' * len(batch))})", batch)
                infos.update((r[0], _info(self.folder, r)) for r in found)
            return [SearchHit(infos[k], kind, question, seq, snippet, -score)
                    for k, kind, question, seq, snippet, score in rows if k in infos]

        return self._with_db(work, progress)


    def respell(self, query: str, progress: Progress | None = None) -> str | None:
        """`query` with each word that finds nothing replaced by the indexed word closest to it (at most
        one typo in words of four or more letters, two from seven: 'buikpyn' -> 'buikpijn'; the more
        common word on a tie), or None when every word finds something or no word is close enough."""
        from rapidfuzz import process
        from rapidfuzz.distance import OSA

        from assistant.core.mentions import fold

        def work(db: sqlite3.Connection) -> str | None:
            terms: dict[str, int] | None = None
            corrections: dict[str, str] = {}
            for word in dict.fromkeys(loose_words(query)):
                folded = fold(word)
                if len(folded) < 4 or db.execute("SELECT 1 FROM texts WHERE texts MATCH ? LIMIT 1",
                                                  (f'"{folded}"*',)).fetchone():
                    continue
                if terms is None:  # only when a word finds nothing
                    terms = self._terms(db)
                edits = 2 if len(folded) >= 7 else 1  # a swap of two letters is one edit: 'angts'
                near = process.extract(folded, list(terms), scorer=OSA.distance, score_cutoff=edits, limit=None)
                if near:
                    corrections[word] = min(near, key=lambda found: (found[1], -terms[found[0]], found[0]))[0]
            return respelled(query, corrections) if corrections else None

        return self._with_db(work, progress)


    def _terms(self, db: sqlite3.Connection) -> dict[str, int]:
        """Every indexed word with the number of passages that use it, kept until the index changes:
        reading them scans the whole index (0.3 s over 10,000 transcripts)."""
        stamp = (id(db), db.total_changes, db.execute("PRAGMA data_version").fetchone()[0])
        if self._terms_cache is None or self._terms_cache[0] != stamp:
            db.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_terms USING fts5vocab(main, texts, row)")
            self._terms_cache = (stamp, dict(db.execute("SELECT term, doc FROM temp.search_terms")))
        return self._terms_cache[1]


def _forget(db: sqlite3.Connection, key: str) -> None:
    db.execute("DELETE FROM texts WHERE rowid IN (SELECT rowid FROM chunks WHERE key = ?)", (key,))
    db.execute("DELETE FROM chunks WHERE key = ?", (key,))
    db.execute("DELETE FROM entries WHERE key = ?", (key,))


class _Damaged(Exception):
    """Damage that SQLite does not see (a value whose checksum fails)."""


def _is_damage(exc: BaseException) -> bool:
    """Whether `exc` means the index file is damaged (throw it away) rather than out of reach (locked,
    read-only, a full disk: build it in memory). A flipped byte surfaces as SQLite's corruption codes, but
    also as a UnicodeDecodeError (PRAGMA journal_mode on a header that names another text encoding), a
    JSON error, a wrong type: anything that is not a plain file-system or SQLite access error."""
    if isinstance(exc, OSError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(exc, sqlite3.Error) and code is not None:
        # Our statements are fixed: an SQL error ("no such table", "unsupported file format") means the
        # file is not what we wrote, like corruption; only access errors leave the file as it was.
        return (code & 0xFF) not in _OUT_OF_REACH
    return True


def _described(exc: BaseException) -> str:
    """The damage in a few words, without the stored text the message may quote (names of pupils)."""
    text = str(exc).splitlines()[0] if str(exc) else ""
    if isinstance(exc, UnicodeDecodeError) or text.startswith("Could not decode to UTF-8"):
        return "a stored value is not valid UTF-8 text"
    if isinstance(exc, ValueError) and not isinstance(exc, sqlite3.Error):  # JSON: it quotes no text
        return f"a stored value cannot be read ({text[:80]})"
    return text[:80] if isinstance(exc, sqlite3.Error) else f"{type(exc).__name__}: {text[:80]}"


def _is_corrupt(exc: sqlite3.DatabaseError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text
