"""One transcript on disk: the journal (the record of truth) and a YAML copy for people, side by side.

    2025-03-14_school_dialogue_sint-jozef_1a2b3c4d.journal
    2025-03-14_school_dialogue_sint-jozef_1a2b3c4d.yaml

Reading prefers the journal and needs the YAML only when the journal is missing or damaged, which
keeps listing and indexing thousands of transcripts cheap. Either half alone is enough to open a
transcript; the other half is rewritten when it is next resumed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from assistant.core import durable, journal, locations
from assistant.core.safetext import first_unsafe
from assistant.core.store_errors import TranscriptError, os_reason
from assistant.core.transcript import Event, Transcript
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
    """A transcript as read, with what a reader should be told about its files."""

    files: TranscriptFiles
    transcript: Transcript
    warnings: list[str] = field(default_factory=list)
    journal: journal.JournalRead | None = None
    recovered: list[Event] = field(default_factory=list)  # events only the YAML still had
    yaml_events: int | None = None                         # events in the YAML, when it was read


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


def _from_journal(path: Path, contents: journal.JournalRead, warnings: list[str]) -> Transcript:
    assert contents.head is not None
    meta_data, meta_line = contents.head.get("meta"), 1
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
    try:
        meta = meta_from_dict(meta_data)
    except ShapeErrors as exc:
        raise _error(path, [f"{path}:{meta_line}: {message}" for _, message in exc.problems]) from None
    return with_derived_meta(meta, [events[s] for s in sorted(events)])


def read_transcript(files: TranscriptFiles) -> Loaded:
    """Read one transcript from its journal, falling back on (or filling gaps from) the YAML copy."""
    warnings: list[str] = []
    has_yaml, has_journal = files.yaml.is_file(), files.journal.is_file()
    if not has_yaml and not has_journal:
        raise TranscriptError("not_found", f"{files.folder / files.stem}: no such transcript", ref=files.stem)
    contents = None
    if has_journal:
        try:
            contents = journal.read(files.journal)
        except OSError as exc:
            if not has_yaml:
                raise TranscriptError("read_failed", f"{files.journal}: cannot read: {durable.reason(exc)}",
                                      file=files.journal.name, **os_reason(exc)) from None
            warnings.append(f"{files.journal}: cannot read ({durable.reason(exc)}); read the YAML copy instead")
        if contents is not None and contents.problem:
            if not has_yaml:
                raise TranscriptError("bad_journal", f"{files.journal}: {contents.problem}", file=files.journal.name,
                                      problem=contents.problem)
            warnings.append(f"{files.journal}: {contents.problem}; read the YAML copy instead")
            contents = None
    if contents is None:
        transcript = read_yaml(files.yaml)
        if not has_journal:
            warnings.append(f"{files.journal.name} is missing: read the YAML copy (resuming starts a new journal)")
        return Loaded(files, transcript, warnings, None, [], len(transcript.events))
    transcript = _from_journal(files.journal, contents, warnings)
    if contents.torn:
        warnings.append(f"{files.journal}: the last line was cut off by an interrupted write and is ignored "
                        "(it was never reported as saved)")
    for number in contents.damaged:
        if not any(w.startswith(f"{files.journal}:{number}:") for w in warnings):
            warnings.append(f"{files.journal}:{number}: damaged record skipped")
    loaded = Loaded(files, transcript, warnings, contents)
    if not has_yaml:
        warnings.append(f"{files.yaml.name} is missing: it is rewritten from the journal when the transcript is resumed")
    elif contents.damaged:
        _fill_from_yaml(loaded)
    return loaded


def _fill_from_yaml(loaded: Loaded) -> None:
    """The journal lost lines: take the events only the YAML copy still has."""
    try:
        copy = read_yaml(loaded.files.yaml)
    except TranscriptError as exc:
        loaded.warnings.append(f"could not recover skipped records from the YAML copy: {exc}")
        return
    loaded.yaml_events = len(copy.events)
    have = {e.seq for e in loaded.transcript.events}
    extra = [e for e in copy.events if e.seq not in have]
    if extra:
        merged = sorted((*loaded.transcript.events, *extra), key=lambda e: e.seq)
        loaded.transcript = with_derived_meta(loaded.transcript.meta, merged)
        loaded.recovered = extra
        loaded.warnings.append(f"recovered {len(extra)} event(s) from {loaded.files.yaml.name}")


def yaml_document(transcript: Transcript, header: str = YAML_HEADER) -> bytes:
    data = transcript_to_dict(transcript)
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=False, width=100)
    if first_unsafe(body) is not None:  # PyYAML writes bidi controls and tag characters as they are: escape all
        body = yaml.dump(data, Dumper=_Dumper, allow_unicode=False, sort_keys=False, default_flow_style=False, width=100)
    return (header + body).encode("utf-8")


def write_yaml(files: TranscriptFiles, transcript: Transcript) -> None:
    """Rewrite the YAML copy atomically; OSError when it cannot be written."""
    durable.atomic_write(files.yaml, yaml_document(transcript))
