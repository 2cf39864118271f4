"""One transcript on disk: the journal (the record of truth) and a YAML copy for people, side by side.

    2025-03-14_school_dialogue_sint-jozef_1a2b3c4d.journal
    2025-03-14_school_dialogue_sint-jozef_1a2b3c4d.yaml

Reading prefers the journal and needs the YAML only when the journal is missing or damaged, which
keeps listing and indexing thousands of transcripts cheap. Either half alone is enough to open a
transcript; the other half is rewritten when it is next resumed.
"""

from __future__ import annotations

import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from assistant.core import durable, journal, locations
from assistant.core.safetext import first_unsafe
from assistant.core.store_errors import TranscriptError, os_reason
from assistant.core.transcript import Event, Meta, Transcript
from assistant.core.transcript_codec import (
    ShapeErrors,
    event_from_dict,
    meta_from_dict,
    transcript_from_dict,
    transcript_to_dict,
    with_derived_meta,
)
from assistant.core.yamlsource import SourceErrors, load_located

try:
    from yaml import CSafeDumper as _Dumper
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeDumper as _Dumper  # type: ignore[assignment]

YAML_SUFFIX = ".yaml"
JOURNAL_SUFFIX = ".journal"
YAML_MAX_BYTES = 64 * 1024 * 1024
YAML_HEADER = (
    "# Dialoog transcript. The .journal file beside it is the record of truth; this copy is rewritten\n"
    "# from it. It holds personal data about pupils and families: keep it in protected storage.\n"
)


def slug(text: str, max_len: int = 40) -> str:
    """'Sint-Jozefscollege (Brussel)' -> 'sint-jozefscollege-brussel': safe in any file system."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:max_len].rstrip("-")


def file_stem(transcript: Transcript) -> str:
    """Readable and unique: creation date, script, a slug of the school or pupil, the short id."""
    meta = transcript.meta
    subject = slug(meta.subject) or "zonder-naam"
    return f"{meta.created[:10]}_{slug(meta.script, 30) or 'script'}_{subject}_{meta.id}"


@dataclass(frozen=True)
class TranscriptFiles:
    folder: Path
    stem: str

    @property
    def yaml(self) -> Path:
        return self.folder / f"{self.stem}{YAML_SUFFIX}"

    @property
    def journal(self) -> Path:
        return self.folder / f"{self.stem}{JOURNAL_SUFFIX}"

    @property
    def draft(self) -> Path:
        """Unsent typing (assistant.core.drafts): not part of the transcript, never listed."""
        return locations.draft_path(self.folder, self.stem)

    @property
    def pseudonyms(self) -> Path:
        """What the facilitator decided for anonymised exports (assistant.core.pseudonym_choices)."""
        return locations.pseudonyms_path(self.folder, self.stem)

    def exists(self) -> bool:
        return self.yaml.exists() or self.journal.exists()


@dataclass
class Loaded:
    """A transcript as read, with what a reader should be told about its files.

    The journal and the YAML copy are two copies of one record: the transcript holds every event either
    copy proves was saved (the YAML copy is written only from events already in the journal, so an event
    in it was acknowledged). `damaged` names the copies found damaged, which a resume keeps aside before
    it writes anything."""

    files: TranscriptFiles
    transcript: Transcript
    warnings: list[str] = field(default_factory=list)
    journal: journal.JournalRead | None = None            # a journal this version can continue, as read
    recovered: list[Event] = field(default_factory=list)  # events only the YAML copy still had
    damaged: list[str] = field(default_factory=list)       # "journal", "yaml": the copies found damaged
    meta_recovered: bool = False                           # the journal lost metadata the YAML copy has
    foreign_journal: bool = False                          # a journal of another format: never rewritten
    yaml_current: bool = False                             # the YAML copy holds exactly this transcript
    kept: list[Path] = field(default_factory=list)         # where resuming kept the damaged copies


@dataclass(frozen=True)
class Damage:
    """What a resume found damaged and did about it: the copies ("journal", "yaml"), how many events only
    the other copy still held, and where the damaged files were kept."""

    copies: tuple[str, ...]
    recovered: int
    kept: tuple[Path, ...]


def _first(errors: list[str]) -> str:
    return errors[0] + (f" (and {len(errors) - 1} more)" if len(errors) > 1 else "")


def _error(path: Path, errors: list[str]) -> TranscriptError:
    return TranscriptError("unreadable", _first(errors), errors, file=path.name, count=len(errors))


def read_yaml(path: Path) -> Transcript:
    """The transcript in a YAML file; TranscriptError with `file:line:col: message` lines."""
    try:
        located = load_located(path, str(path), YAML_MAX_BYTES)
    except SourceErrors as exc:
        raise _error(path, [str(e) for e in exc.errors]) from None
    try:
        return transcript_from_dict(located.data)
    except ShapeErrors as exc:
        located_errors = sorted((located.error(at, message) for at, message in exc.problems),
                                key=lambda e: (e.line, e.col))
        raise _error(path, [str(e) for e in located_errors]) from None


def _journal_events(path: Path, contents: journal.JournalRead, warnings: list[str]) -> tuple[Any, int, dict[int, Event]]:
    """The journal's latest metadata (as data, with its line) and its events by seq."""
    meta_data, meta_line = (contents.head or {}).get("meta"), 1
    events: dict[int, Event] = {}
    for number, record in contents.records:
        kind = record["t"]
        if kind == "meta":
            meta_data, meta_line = record.get("meta"), number
        elif kind == "event":
            try:
                event = event_from_dict(record.get("event"))
            except ShapeErrors as exc:
                warnings.append(f"{path}:{number}: event skipped: {exc}")
                contents.damaged.append(number)
                continue
            events.setdefault(event.seq, event)  # a retried write can repeat an event: keep one
    return meta_data, meta_line, events


def _from_journal(path: Path, contents: journal.JournalRead, warnings: list[str]) -> Transcript:
    assert contents.head is not None
    meta_data, meta_line, events = _journal_events(path, contents, warnings)
    try:
        meta = meta_from_dict(meta_data)
    except ShapeErrors as exc:
        raise _error(path, [f"{path}:{meta_line}: {message}" for _, message in exc.problems]) from None
    return with_derived_meta(meta, [events[s] for s in sorted(events)])


# The YAML copy says in its header how many events it holds, so that a listing of thousands of
# transcripts can tell, from its first bytes, whether the copy holds more than the journal (which
# then lost some) without parsing every copy: parsing YAML costs some eight times the journal.
_HINT = "# saved: {count} events, the last seq {last}\n"
_HINT_PATTERN = re.compile(rb"^# saved: (\d+) events, the last seq (\d+)$", re.M)


def _hint(path: Path) -> tuple[int, int] | None:
    """(events, last seq) as the YAML copy's header states them; None for a copy without them (written
    by an older Dialoog or by hand) or one that cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:
        return None
    try:
        found = _HINT_PATTERN.search(os.pread(fd, 1024, 0))
    except OSError:
        return None
    finally:
        os.close(fd)
    return (int(found.group(1)), int(found.group(2))) if found else None


def _refuse_links(files: TranscriptFiles) -> tuple[bool, bool]:
    """Whether the YAML copy and the journal exist, as plain files. A symbolic link (which resuming would
    write through, to a file anywhere) or a special file (a pipe would hang the reader) is refused."""
    present = []
    for path in (files.yaml, files.journal):
        try:
            mode = os.lstat(path).st_mode
        except FileNotFoundError:
            present.append(False)
            continue
        except OSError as exc:
            raise TranscriptError("read_failed", f"{path}: cannot read: {durable.reason(exc)}", file=path.name,
                                  **os_reason(exc)) from None
        if stat.S_ISLNK(mode) or not stat.S_ISREG(mode):
            what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
            raise TranscriptError("not_a_file", f"{path}: is {what}; Dialoog reads and writes only plain files "
                                  "in the transcripts folder (put the file itself there)", file=path.name)
        present.append(True)
    return present[0], present[1]


class _Copy:
    """The YAML copy, read once and only when it is needed."""

    def __init__(self, path: Path, present: bool) -> None:
        self.path, self.present = path, present
        self.transcript: Transcript | None = None
        self.error: TranscriptError | None = None
        self._read = False

    def read(self) -> Transcript | None:
        if self.present and not self._read:
            self._read = True
            try:
                self.transcript = read_yaml(self.path)
            except TranscriptError as exc:
                self.error = exc
        return self.transcript

    def needed(self) -> Transcript:
        """The copy, when nothing else is left to read: its error (or `not_found`) otherwise."""
        if self.read() is None:
            raise self.error or TranscriptError("not_found", f"{self.path}: no such transcript", ref=self.path.stem)
        return self.transcript  # type: ignore[return-value]


def read_transcript(files: TranscriptFiles, *, thorough: bool = True) -> Loaded:
    """Read one transcript from both its copies: every event either one holds, with a warning naming
    the copy that was damaged. `thorough=False` (a listing) reads the YAML copy only when the journal
    is damaged or the copy's header says it holds more; otherwise both are always read."""
    has_yaml, has_journal = _refuse_links(files)
    if not has_yaml and not has_journal:
        raise TranscriptError("not_found", f"{files.folder / files.stem}: no such transcript", ref=files.stem)
    copy = _Copy(files.yaml, has_yaml)
    # The YAML copy first: it is rewritten only from events the journal already holds, so a copy read
    # before the journal never holds more than the journal read after it, unless one was damaged.
    hint = _hint(files.yaml) if has_yaml and not thorough else None
    if thorough or hint is None:
        copy.read()
    warnings: list[str] = []
    if not has_journal:
        warnings.append(f"{files.journal.name} is missing: read the YAML copy (resuming starts a new journal)")
        return Loaded(files, copy.needed(), warnings)
    try:
        contents = journal.read(files.journal)
    except OSError as exc:
        if copy.read() is None and copy.error is None:
            raise TranscriptError("read_failed", f"{files.journal}: cannot read: {durable.reason(exc)}",
                                  file=files.journal.name, **os_reason(exc)) from None
        warnings.append(f"{files.journal}: cannot read ({durable.reason(exc)}); read the YAML copy instead")
        return Loaded(files, copy.needed(), warnings, damaged=["journal"])
    if not contents.usable:
        return _from_copy_and_damaged_journal(files, contents, copy, warnings)
    transcript = _from_journal(files.journal, contents, warnings)
    loaded = Loaded(files, transcript, warnings, contents)
    if contents.torn:
        loaded.damaged.append("journal")
        warnings.append(f"{files.journal}: the last line is cut off (an interrupted write, or damage to the file) "
                        "and is ignored")
    for number in sorted(contents.damaged):
        loaded.damaged.append("journal")
        if not any(w.startswith(f"{files.journal}:{number}:") for w in warnings):
            warnings.append(f"{files.journal}:{number}: damaged record skipped")
    if not has_yaml:
        warnings.append(f"{files.yaml.name} is missing: it is rewritten from the journal when the transcript is resumed")
    else:
        last = transcript.events[-1].seq if transcript.events else 0
        if contents.torn or contents.damaged or (hint is not None and (hint[1] > last or hint[0] > len(transcript.events))):
            copy.read()
        if copy.transcript is not None:
            _take_from_copy(loaded, copy.transcript)
        elif copy.error is not None:
            loaded.damaged.append("yaml")
            warnings.append(f"{files.yaml.name}: the YAML copy is damaged ({copy.error}); the journal holds every "
                            "saved event and the copy is rewritten when the transcript is resumed")
    loaded.damaged = sorted(set(loaded.damaged))
    loaded.yaml_current = copy.transcript == loaded.transcript  # then there is no need to write it again
    return loaded


def _from_copy_and_damaged_journal(files: TranscriptFiles, contents: journal.JournalRead, copy: _Copy,
                                   warnings: list[str]) -> Loaded:
    """A journal without a usable header: the YAML copy, with the events of the journal's whole lines."""
    if copy.read() is None and copy.error is None:
        raise TranscriptError("bad_journal", f"{files.journal}: {contents.problem}", file=files.journal.name,
                              problem=contents.problem)
    found = copy.needed()
    warnings.append(f"{files.journal}: {contents.problem}; read the YAML copy instead")
    loaded = Loaded(files, found, warnings, damaged=["journal"],
                    foreign_journal=contents.foreign)
    if not contents.foreign:
        _, _, events = _journal_events(files.journal, contents, [])
        have = {e.seq for e in found.events}
        only_journal = [events[s] for s in sorted(events) if s not in have]
        if only_journal:
            loaded.transcript = with_derived_meta(found.meta, sorted((*found.events, *only_journal), key=lambda e: e.seq))
            warnings.append(f"took {len(only_journal)} event(s) that only the journal's whole lines hold")
    return loaded


def _take_from_copy(loaded: Loaded, copy: Transcript) -> None:
    """Events and metadata that only the YAML copy holds: the journal lost them."""
    mine = {e.seq: e for e in loaded.transcript.events}
    extra = [e for e in copy.events if e.seq not in mine]
    differ = sum(1 for e in copy.events if e.seq in mine and mine[e.seq] != e)
    if differ:
        loaded.damaged.append("yaml")
        loaded.warnings.append(f"{loaded.files.yaml.name}: {differ} event(s) differ from the journal's; the "
                               "journal's are kept")
    journal_meta = loaded.transcript.meta
    newer_meta = _copy_has_newer_meta(loaded.journal, copy) and _editable(copy.meta) != _editable(journal_meta)
    if not extra and not newer_meta:
        return
    merged = sorted((*loaded.transcript.events, *extra), key=lambda e: e.seq)
    loaded.transcript = with_derived_meta(copy.meta if newer_meta else journal_meta, merged)
    loaded.recovered = extra
    loaded.meta_recovered = newer_meta
    loaded.damaged.append("journal")
    lost = [f"{len(extra)} saved event(s)"] if extra else []
    lost += ["a change of the details (participants, subject, ...)"] if newer_meta else []
    loaded.warnings.append(f"{loaded.files.journal.name}: {' and '.join(lost)} {'are' if extra else 'is'} missing "
                           f"from the journal (cut short or damaged); taken from the YAML copy {loaded.files.yaml.name}")


def _editable(meta: Meta) -> Meta:
    """Metadata without what follows from the events (status, updated)."""
    return replace(meta, status="", updated="")


def _copy_has_newer_meta(contents: journal.JournalRead | None, copy: Transcript) -> bool:
    """Whether the journal lost lines after its last whole metadata record (damaged ones, or its end) that
    the YAML copy was written after: metadata that differs in the copy is then a change the journal lost.
    The copy is written after the journal, so holding an event the journal wrote after such a line proves
    it. Without such damage the journal's metadata stands (a copy edited by hand does not override it)."""
    if contents is None or not copy.events:
        return False
    meta_line, events = 1, []  # the line of the last whole metadata record; (line, seq) of the events
    for number, record in contents.records:
        event = record.get("event")
        if record["t"] == "meta":
            meta_line = number
        elif record["t"] == "event" and isinstance(event, dict) and isinstance(event.get("seq"), int):
            events.append((number, event["seq"]))
    newest = copy.events[-1].seq
    if newest > max((seq for _, seq in events), default=0):  # it lost its end (cut short, an older copy)
        return True
    for lost in (line for line in contents.damaged if line > meta_line):
        if any(newest >= seq for line, seq in events if line > lost):
            return True
    return False


def yaml_document(transcript: Transcript, header: str | None = None) -> bytes:
    """The transcript as YAML; without `header`, the transcript copy's own, which states its events."""
    if header is None:
        last = transcript.events[-1].seq if transcript.events else 0
        header = YAML_HEADER + _HINT.format(count=len(transcript.events), last=last)
    data = transcript_to_dict(transcript)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    if first_unsafe(body) is not None:  # PyYAML writes bidi controls and tag characters as they are: escape all
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=False, sort_keys=False, default_flow_style=False, width=100)
    return (header + body).encode("utf-8")


def write_yaml(files: TranscriptFiles, transcript: Transcript) -> None:
    """Rewrite the YAML copy atomically; OSError when it cannot be written."""
    durable.atomic_write(files.yaml, yaml_document(transcript))
