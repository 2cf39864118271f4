"""The transcripts folder: creating, resuming, reading, listing, searching and deleting transcripts.

    store = Store(locations.transcripts_dir(args.transcripts))
    with store.create(Transcript.new("school_dialogue", subject="Sint-Jozef")) as session:
        session.record("answer", question="inzicht.twijfelachtige-attesten", value="klein")
    store.list(status="open"); store.search("bus"); store.load("1a2b3c4d")

A reference to a transcript (`ref`) is its id (or a unique start of it), its file name with or
without suffix, a path, or the school or pupil as named when it was created (if only one matches). Nothing is created on disk until the first transcript is.
"""

from __future__ import annotations

import errno
import logging
import os
import stat
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.core import durable, journal, locations, outputs
from assistant.core.exports import EXPORTS_FOLDER
from assistant.core.listing import SearchHit, TranscriptInfo
from assistant.core.session import DEFAULT_SNAPSHOT_DELAY, Session, as_participants
from assistant.core.store_errors import (
    LockedError,
    NotFoundError,
    SaveError,
    StoreError,
    TranscriptError,
    os_reason,
)
from assistant.core.transcript import EventKind, Transcript
from assistant.core.transcript_codec import ShapeErrors, event_from_dict, event_to_dict, meta_from_dict, meta_to_dict
from assistant.core.transcript_files import (
    JOURNAL_SUFFIX,
    Damage,
    YAML_SUFFIX,
    Loaded,
    TranscriptFiles,
    file_stem,
    read_transcript,
    slug,
)

if TYPE_CHECKING:  # the index (SQLite, full-text search) is imported when a list or a search first needs it
    from assistant.core.index import Progress, SearchIndex

__all__ = [
    "LockedError", "NotFoundError", "SaveError", "SearchHit", "Session", "Store", "StoreError",
    "TranscriptError", "TranscriptInfo",
]

log = logging.getLogger(__name__)


def _head(transcript: Transcript) -> list[dict]:
    """The journal records that hold a whole transcript: its head and every event."""
    return [
        {"t": "head", "format": journal.JOURNAL_FORMAT, "meta": meta_to_dict(transcript.meta)},
        *({"t": "event", "event": event_to_dict(e)} for e in transcript.events),
    ]


def _check(transcript: Transcript) -> None:
    """Refuse, before anything is written, a transcript that could not be read back."""
    try:
        meta_from_dict(meta_to_dict(transcript.meta))
        for event in transcript.events:
            event_from_dict(event_to_dict(event))
    except ShapeErrors as exc:
        raise ValueError(f"cannot store this transcript: {exc}") from None


def _cannot_create(files: TranscriptFiles, exc: OSError) -> SaveError:
    return SaveError("create_journal", f"cannot create {files.journal}: {durable.reason(exc)}",
                     file=files.journal.name, **os_reason(exc))


def _cannot_write(files: TranscriptFiles, exc: OSError) -> SaveError:
    return SaveError("write_journal", f"cannot write to {files.journal}: {durable.reason(exc)}",
                     file=files.journal.name, **os_reason(exc))


def _kept_aside(files: TranscriptFiles) -> list[Path]:
    """The damaged copies of this transcript's files that resuming kept aside (they go when it goes)."""
    folder = locations.damaged_dir(files.folder)
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return [folder / n for n in names if n.startswith(f"{files.stem}.")]


def _free_name(folder: Path, name: str) -> Path:
    """`name` in `folder`, or with a number before its suffix when that is taken."""
    target = folder / name
    number = 1
    while target.exists():
        stem, dot, suffix = name.rpartition(".")
        target = folder / f"{stem}-{number}{dot}{suffix}"
        number += 1
    return target


class Store:
    """One folder of transcripts (0700; files 0600). Safe to share between processes."""

    def __init__(self, root: Path | str | None = None, *, snapshot_delay: float | None = DEFAULT_SNAPSHOT_DELAY):
        self.root = locations.transcripts_dir(root)
        self.snapshot_delay = snapshot_delay
        self._index: SearchIndex | None = None

    def __repr__(self) -> str:
        return f"Store({str(self.root)!r})"

    # -- finding ----------------------------------------------------------------------------------
    def locate(self, ref: str | os.PathLike[str]) -> TranscriptFiles:
        """The files of the transcript `ref` names; NotFoundError when none (or several) match."""
        try:
            return self._locate(ref)
        except OSError as exc:  # a name longer than the file system allows, a path through a file
            shown = outputs.shown(os.fspath(ref))
            raise NotFoundError("not_found", f"no transcript '{shown}' ({durable.reason(exc)})", ref=shown) from None

    def _locate(self, ref: str | os.PathLike[str]) -> TranscriptFiles:
        text = os.fspath(ref)
        if isinstance(ref, os.PathLike) or os.sep in text or text.endswith((YAML_SUFFIX, JOURNAL_SUFFIX)):
            path = Path(text)
            if not path.is_absolute() and not path.exists() and len(path.parts) == 1:
                path = self.root / path
            stem = path.name
            for suffix in (YAML_SUFFIX, JOURNAL_SUFFIX):
                stem = stem.removesuffix(suffix)
            files = TranscriptFiles(path.parent, stem)
            if not files.exists():
                raise NotFoundError("not_found", f"no transcript at {outputs.shown(path)}", ref=outputs.shown(path))
            return files
        text = text.strip()
        if not text:
            raise NotFoundError("no_reference", "name a transcript (its id or file name)")
        if text.startswith(".") or "/" in text:
            raise NotFoundError("not_found", f"no transcript '{outputs.shown(text)}' in {self.root}", ref=outputs.shown(text))
        files = TranscriptFiles(self.root, text)
        if files.exists():
            return files
        stems = self._stems()
        matches = sorted({s for s in stems if s.rsplit("_", 1)[-1].startswith(text)} if len(text) >= 4 else
                         {s for s in stems if s.rsplit("_", 1)[-1] == text})
        if not matches and slug(text):  # the school or pupil as the facilitator named them
            matches = sorted(s for s in stems if f"_{slug(text)}_" in s)
        if not matches and slug(text):  # or some whole words of that name: 'Lotte' for 'Lotte Janssens'
            words = f"-{slug(text)}-"
            matches = sorted(s for s in stems if s.count("_") == 3 and words in f"-{s.split('_')[2]}-")
        if len(matches) == 1:
            return TranscriptFiles(self.root, matches[0])
        if not matches:
            raise NotFoundError("not_found", f"no transcript '{outputs.shown(text)}' in {self.root} (dialoog list shows them)",
                                ref=outputs.shown(text))
        shown = ", ".join(matches[:5]) + (", ..." if len(matches) > 5 else "")
        raise NotFoundError("ambiguous", f"'{text}' matches {len(matches)} transcripts ({shown}); "
                            "give more of the id or the file name", ref=text, count=len(matches))

    def _stems(self) -> set[str]:
        try:
            names = os.listdir(self.root)
        except OSError:
            return set()
        return {n.rsplit(".", 1)[0] for n in names
                if not n.startswith(".") and n.endswith((YAML_SUFFIX, JOURNAL_SUFFIX))}

    # -- reading ----------------------------------------------------------------------------------
    def inspect(self, ref: str | os.PathLike[str]) -> Loaded:
        """The transcript with the warnings about its files (a torn last line, a missing half), for the
        caller to show."""
        return read_transcript(self.locate(ref))

    def load(self, ref: str | os.PathLike[str]) -> Transcript:
        """Read a transcript without locking it (it may be open elsewhere: this is a snapshot). The warnings
        about its files are logged."""
        loaded = self.inspect(ref)
        for warning in loaded.warnings:
            log.warning("%s", warning)
        return loaded.transcript

    # -- writing ----------------------------------------------------------------------------------
    def create(self, transcript: Transcript) -> Session:
        """Store a new transcript and hold it open for recording."""
        transcript = transcript.with_meta(participants=as_participants(transcript.meta.participants),
                                          tags=tuple(transcript.meta.tags))
        _check(transcript)
        try:
            durable.ensure_private_dir(self.root)
        except OSError as exc:
            raise SaveError("create_folder", f"cannot create the transcripts folder {self.root}: {durable.reason(exc)}",
                            folder=str(self.root), **os_reason(exc)) from None
        files = TranscriptFiles(self.root, file_stem(transcript))
        if files.exists() or any(s.endswith(f"_{transcript.meta.id}") for s in self._stems()):
            raise StoreError("duplicate_id", f"a transcript with id '{transcript.meta.id}' already exists in {self.root}",
                             id=transcript.meta.id)
        try:
            writer = journal.JournalWriter.create(files.journal, [*_head(transcript), journal.holder_record()])
        except OSError as exc:
            raise _cannot_create(files, exc) from None
        session = Session(files, writer, transcript, snapshot_delay=self.snapshot_delay)
        exposed = self._make_private()
        if exposed:
            session.warnings.append(exposed)
        self._first_snapshot(session)
        return session

    def _make_private(self) -> str | None:
        """A folder that other users can open (such as a `transcripts/` made by a git checkout) would
        show them the file names, which name schools and pupils. Tighten a folder that holds only
        Dialoog's files; about any other folder, return a warning instead of changing it."""
        try:
            mode = stat.S_IMODE(self.root.stat().st_mode)
            if not mode & 0o077:
                return None
            names = os.listdir(self.root)
            if all(n.startswith(".") or n.endswith((YAML_SUFFIX, JOURNAL_SUFFIX)) or n == EXPORTS_FOLDER for n in names):
                os.chmod(self.root, durable.DIR_MODE)
                return None
        except OSError:
            return None
        return (f"{self.root} can be opened by other users (mode {mode:o}) and the file names name schools and "
                "pupils: make it private (chmod 700)")

    def resume(self, ref: str | os.PathLike[str], *, reopen: bool = False) -> Session:
        """Hold an existing transcript open again, exactly where it stopped.

        LockedError if another process has it; StoreError if it is closed and `reopen` is False."""
        files = self.locate(ref)
        if not reopen and not os.path.lexists(files.journal) and read_transcript(files).transcript.meta.status == "closed":
            # before making it a journal
            raise StoreError("closed", f"{files.stem} is closed; reopen it to record more", name=files.stem)
        writer, loaded = self._open_for_writing(files)
        transcript = loaded.transcript
        closed = transcript.meta.status == "closed"
        try:
            if closed and not reopen:
                raise StoreError("closed", f"{files.stem} is closed; reopen it to record more", name=files.stem)
            if closed:
                durable.touch_dir(files.folder)  # the index trusts a quiet folder to hold no changed closed transcript
            records = [{"t": "event", "event": event_to_dict(e)} for e in loaded.recovered]
            writer.append(b"".join(journal.encode(r) for r in [*records, journal.holder_record()]))
        except OSError as exc:
            writer.close()
            raise _cannot_write(files, exc) from None
        except BaseException:
            writer.close()
            raise
        durable.remove_stale_temps(files.yaml)
        session = Session(files, writer, transcript, warnings=loaded.warnings, snapshot_delay=self.snapshot_delay,
                          yaml_current=loaded.yaml_current)
        if loaded.damaged:  # for the app to say in its own words (the warnings say it in English)
            session.damage = Damage(tuple(loaded.damaged), len(loaded.recovered), tuple(loaded.kept))
        if closed:
            try:
                session.record(EventKind.REOPEN)
            except SaveError:
                writer.close()
                raise
        self._first_snapshot(session)
        return session

    def _open_for_writing(self, files: TranscriptFiles) -> tuple[journal.JournalWriter, Loaded]:
        """Lock the journal and read the transcript under the lock (creating the journal from the
        YAML copy when it is missing). A damaged copy is kept aside first; then the journal is brought
        to hold every event either copy holds (its cut-off tail dropped, what only the YAML copy still
        had appended). The YAML copy is rewritten by the session, from all of it."""
        if not os.path.lexists(files.journal):
            return self._journal_from_yaml(files)
        try:
            writer = journal.JournalWriter.open(files.journal)
        except LockedError:
            raise
        except OSError as exc:
            if exc.errno == errno.ELOOP:  # a symbolic link: say so, as a reader does
                read_transcript(files)
            raise SaveError("open_journal", f"cannot open {files.journal} for writing: {durable.reason(exc)}",
                            file=files.journal.name, **os_reason(exc)) from None
        try:
            loaded = read_transcript(files)  # read under the lock: nobody else can be appending
            if loaded.foreign_journal:
                raise TranscriptError(
                    "cannot_continue",
                    f"{files.journal}: cannot be continued ({loaded.warnings[0] if loaded.warnings else 'unreadable'}); "
                    "dialoog show still reads the YAML copy; move the journal aside to resume from that copy",
                    file=files.journal.name,
                )
            if loaded.damaged:
                loaded.kept = self._keep_aside(files, writer, loaded.damaged)
                loaded.warnings += [f"the damaged {'journal' if which == 'journal' else 'YAML copy'} is kept as "
                                    f"{path.relative_to(files.folder)}" for which, path in zip(loaded.damaged, loaded.kept)]
            if loaded.journal is None:  # its header is damaged: write it whole again, from both copies
                writer.rewrite(_head(loaded.transcript))
            else:
                writer.repair(loaded.journal)
                if loaded.meta_recovered:
                    writer.append(journal.encode({"t": "meta", "meta": meta_to_dict(loaded.transcript.meta)}))
        except OSError as exc:
            writer.close()
            raise _cannot_write(files, exc) from None
        except BaseException:
            writer.close()
            raise
        return writer, loaded

    def _keep_aside(self, files: TranscriptFiles, writer: journal.JournalWriter, damaged: list[str]) -> list[Path]:
        """Copy the damaged files, as they are, into the hidden `.damaged` folder (0700, files 0600) before
        anything repairs them; returns the copies. SaveError (nothing written) when it cannot."""
        folder = locations.damaged_dir(self.root if files.folder == self.root else files.folder)
        stamp = datetime.now().strftime("%Y%m%dT%H%M%S")
        kept = []
        try:
            durable.ensure_private_dir(folder)
            for which in damaged:
                source = files.journal if which == "journal" else files.yaml
                data = writer.contents() if which == "journal" else source.read_bytes()
                target = _free_name(folder, f"{files.stem}.{stamp}{source.suffix}")
                durable.write_new(target, data)
                kept.append(target)
        except OSError as exc:
            raise SaveError("keep_aside", f"cannot keep the damaged files of {files.stem} aside in {folder}: "
                            f"{durable.reason(exc)}; nothing was changed", name=files.stem, folder=str(folder),
                            **os_reason(exc)) from None
        return kept

    def _journal_from_yaml(self, files: TranscriptFiles) -> tuple[journal.JournalWriter, Loaded]:
        """A transcript with only its YAML copy (copied in, or its journal lost) gets a new journal."""
        transcript = read_transcript(files).transcript  # the YAML copy alone (a link to one is refused)
        try:
            writer = journal.JournalWriter.create(files.journal, _head(transcript))
        except FileExistsError:  # another process did this a moment ago
            return self._open_for_writing(files)
        except OSError as exc:
            raise _cannot_create(files, exc) from None
        note = f"{files.journal.name} was missing: started a new journal from the YAML copy"
        return writer, Loaded(files, transcript, [note], None, [])

    @staticmethod
    def _first_snapshot(session: Session) -> None:
        try:
            session.snapshot()
        except SaveError as exc:
            session.warnings.append(str(exc))

    def delete(self, ref: str | os.PathLike[str], *, require_closed: bool = False) -> TranscriptFiles:
        """Remove a transcript's files for good (retention). LockedError if it is open somewhere;
        with `require_closed`, StoreError if it was reopened meanwhile."""
        files = self.locate(ref)
        writer = None
        try:
            if files.journal.exists():
                writer = journal.JournalWriter.open(files.journal)
            if require_closed and read_transcript(files).transcript.meta.status != "closed":
                raise StoreError("reopened", f"{files.stem} is open again; not deleted", name=files.stem)
            for path in (files.yaml, files.journal, files.draft, files.pseudonyms, *_kept_aside(files)):
                try:
                    path.unlink()
                except FileNotFoundError:
                    pass
        except LockedError:
            raise
        except OSError as exc:
            raise StoreError("delete_failed", f"cannot delete {files.stem}: {durable.reason(exc)}", name=files.stem,
                             **os_reason(exc)) from None
        finally:
            if writer is not None:
                writer.close()
        durable.fsync_dir(files.folder)
        return files

    # -- reviewing --------------------------------------------------------------------------------
    @property
    def index(self) -> SearchIndex:
        if self._index is None:
            from assistant.core.index import SearchIndex

            self._index = SearchIndex(self.root)
        return self._index

    # The index is a cache: when it is missing or damaged it is built again from the transcripts, and
    # `progress(done, total, damage)` (assistant.core.index.Progress) is told while that goes on.
    def list(self, script: str | None = None, status: str | None = None, tag: str | None = None,
             since: date | datetime | str | None = None, until: date | datetime | str | None = None,
             progress: Progress | None = None) -> list[TranscriptInfo]:
        """Transcripts passing the filters, newest first, then every unreadable file with its reason."""
        if not self._has_folder():
            return []
        self.index.refresh(progress)
        return self.index.infos(script=script, status=status, tag=tag, since=since, until=until, progress=progress)

    def search(self, query: str, limit: int = 20, mark: tuple[str, str] = ("[", "]"),
               progress: Progress | None = None) -> list[SearchHit]:
        """Answers, notes and actions matching `query` (accents and case ignored), best first."""
        from assistant.core.searchtext import fts_query

        fts_query(query)  # ValueError for a query without words, even in an empty store
        if not self._has_folder():
            return []
        self.index.refresh(progress)
        return self.index.search(query, limit, mark, progress=progress)

    def respell(self, query: str, progress: Progress | None = None) -> str | None:
        """The query with its misspelt words (those that find nothing) replaced by the closest words the
        transcripts use, or None: for 'nothing found, did you mean ...'."""
        from assistant.core.searchtext import fts_query

        fts_query(query)
        if not self._has_folder():
            return None
        self.index.refresh(progress)
        return self.index.respell(query, progress)

    def _has_folder(self) -> bool:
        """Whether the transcripts folder exists; StoreError when its name cannot even be looked up."""
        try:
            return self.root.is_dir()
        except OSError as exc:  # a name longer than the file system allows
            folder = outputs.shown(self.root)
            raise StoreError("read_folder", f"cannot read the transcripts folder {folder}: {durable.reason(exc)}",
                             folder=folder, **os_reason(exc)) from None

    def close(self) -> None:
        """Release the index connection (sessions are closed by their owners)."""
        if self._index is not None:
            self._index.close()
