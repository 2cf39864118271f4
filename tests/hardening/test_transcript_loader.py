"""The transcript loader: whatever the journal or the YAML copy holds, a transcript or a clean error.

"Clean" means TranscriptError with one line saying which file and what is wrong; a listing of the
folder never fails because of one bad transcript, it shows that transcript as unreadable.
"""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from assistant.core import journal
from assistant.core.store import Store
from assistant.core.store_errors import TranscriptError
from assistant.core.transcript import Participant, Transcript
from assistant.core.transcript_codec import event_to_dict, meta_to_dict, transcript_to_dict
from assistant.core.transcript_files import Loaded, TranscriptFiles, file_stem, read_transcript, yaml_document
from tests.hardening.inputs import DATA, deep_yaml, dump, fuzz, mutated

FUZZ = fuzz(120)
STAMP = "2025-03-14T10:00:00+01:00"


def _sample() -> Transcript:
    t = Transcript.new("school_dialogue", id="c0ffee01", subject="Sint-Jozef", facilitator="An",
                       participants=(Participant("Jan", "directie"),), tags=("pilot",))
    for kind, data in [
        ("answer", {"question": "inzicht.twijfelachtige-attesten", "value": "Vooral op maandag."}),
        ("answer", {"question": "inzicht.overzicht-afwezigheden", "value": {"B": {"0-4": 12, "5-9": 3}}}),
        ("note", {"question": "inzicht.twijfelachtige-attesten", "text": "Opvolgen."}),
        ("flag", {"question": "inzicht.twijfelachtige-attesten", "flag": "priority", "rank": 1}),
        ("decision", {"suggestion": "r1:x", "decision": "parked", "rule": "r1"}),
        ("action", {"action": "a1", "wat": "Ouders bellen", "wie": "Jan", "wanneer": "mei"}),
        ("clock", {"seconds": 1800}),
        ("close", {}),
    ]:
        t = t.with_event(t.next_event(kind, at=STAMP, **data))
    return t


SAMPLE = _sample()
SAMPLE_DICT = transcript_to_dict(SAMPLE)
RECORDS = [{"t": "head", "format": journal.JOURNAL_FORMAT, "meta": meta_to_dict(SAMPLE.meta)},
           *({"t": "event", "event": event_to_dict(e)} for e in SAMPLE.events)]


def _line(body: bytes) -> bytes:
    """A journal line with a correct checksum, so that the reader goes past the checksum."""
    return b"%08x %s\n" % (zlib.crc32(body), body)


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("transcripts")


def _read(folder: Path, *, journal_bytes: bytes | None = None, yaml_bytes: bytes | None = None) -> Loaded | None:
    """Read a transcript made of these files; check the outcome is a transcript or one clean error."""
    files = TranscriptFiles(folder, "2025-03-14_school_dialogue_x_c0ffee01")
    for path, raw in ((files.journal, journal_bytes), (files.yaml, yaml_bytes)):
        path.unlink(missing_ok=True)
        if raw is not None:
            path.write_bytes(raw)
    try:
        loaded = read_transcript(files)
    except TranscriptError as exc:
        assert str(exc).strip() and "\n" not in str(exc), str(exc)
        return None
    assert isinstance(loaded.transcript, Transcript)
    loaded.transcript.answers(), loaded.transcript.actions(), loaded.transcript.flags()  # the views work
    return loaded


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_as_a_journal_give_a_transcript_or_a_clean_error(folder: Path, raw: bytes) -> None:
    _read(folder, journal_bytes=raw)


@FUZZ
@given(head=st.booleans(), lines=st.lists(st.one_of(st.binary(max_size=60), DATA.map(
    lambda d: _line(json.dumps(d, default=str).encode()))), max_size=6))
def test_checksummed_lines_of_any_json_give_a_transcript_or_a_clean_error(folder: Path, head: bool, lines) -> None:
    start = journal.encode(RECORDS[0]) if head else b""
    _read(folder, journal_bytes=start + b"".join(line if line.endswith(b"\n") else line + b"\n" for line in lines))


@FUZZ
@given(records=mutated([RECORDS]))
def test_a_real_journal_with_random_values_gives_a_transcript_or_a_clean_error(folder: Path, records) -> None:
    lines = [_line(json.dumps(r, default=str).encode()) for r in (records if isinstance(records, list) else [records])]
    _read(folder, journal_bytes=b"".join(lines))


@FUZZ
@given(raw=st.binary(max_size=400))
def test_any_bytes_as_a_yaml_copy_give_a_transcript_or_a_clean_error(folder: Path, raw: bytes) -> None:
    _read(folder, yaml_bytes=raw)


@FUZZ
@given(data=st.one_of(DATA, mutated([SAMPLE_DICT])))
def test_any_yaml_as_a_copy_gives_a_transcript_or_a_clean_error(folder: Path, data) -> None:
    _read(folder, yaml_bytes=dump(data).encode("utf-8", "surrogatepass"))


@pytest.mark.parametrize("nesting", [100, 5_000, 200_000])
def test_a_deeply_nested_journal_line_is_skipped_with_a_warning(tmp_path: Path, nesting: int) -> None:
    # Found by this suite: json.loads raised RecursionError through read_transcript and Store.list.
    body = b'{"t": "event", "event": ' + b"[" * nesting + b"]" * nesting + b"}"
    loaded = _read(tmp_path, journal_bytes=b"".join(journal.encode(r) for r in RECORDS) + _line(body))
    assert loaded is not None and loaded.transcript.answers() == SAMPLE.answers()
    assert any(":10:" in warning for warning in loaded.warnings), loaded.warnings


@pytest.mark.parametrize("name", ["flow sequences", "under a real key"])
def test_a_deeply_nested_yaml_copy_is_a_clean_error(tmp_path: Path, name: str) -> None:
    assert _read(tmp_path, yaml_bytes=deep_yaml()[name].encode()) is None


def test_a_listing_shows_broken_transcripts_as_unreadable_and_lists_the_rest(tmp_path: Path) -> None:
    store = Store(tmp_path, snapshot_delay=None)
    good = TranscriptFiles(tmp_path, file_stem(SAMPLE))
    good.yaml.write_bytes(yaml_document(SAMPLE))
    deep = b"[" * 200_000 + b"]" * 200_000
    (tmp_path / "2025-01-01_x_y_deadbee1.journal").write_bytes(journal.encode(RECORDS[0]) + _line(deep))
    (tmp_path / "2025-01-01_x_y_deadbee2.yaml").write_text(deep_yaml()["flow sequences"], encoding="utf-8")
    (tmp_path / "2025-01-01_x_y_deadbee3.journal").write_bytes(b"\x00\xff" * 100)
    try:
        infos = {i.name: i for i in store.list()}
    finally:
        store.close()
    assert infos[good.stem].readable and infos[good.stem].answers == 2
    assert not infos["2025-01-01_x_y_deadbee2"].readable
    assert not infos["2025-01-01_x_y_deadbee3"].readable
    assert "2025-01-01_x_y_deadbee1" in infos  # its head is whole: readable, the deep line skipped


def test_a_huge_answer_round_trips(tmp_path: Path) -> None:
    store = Store(tmp_path, snapshot_delay=None)
    text = "lang antwoord " * 150_000  # 2 MB
    with store.create(Transcript.new("school_dialogue", subject="x")) as session:
        session.record("answer", question="inzicht.twijfelachtige-attesten", value=text)
        name = session.name
    files = TranscriptFiles(tmp_path, name)
    assert store.load(name).answers() == {"inzicht.twijfelachtige-attesten": text}
    files.journal.unlink()  # the YAML copy alone holds it too
    assert store.load(name).answers() == {"inzicht.twijfelachtige-attesten": text}
    store.close()


def test_a_huge_whole_number_of_seconds_is_read_not_an_overflow(tmp_path: Path) -> None:
    # Found by this suite: math.isfinite(10**400) raises OverflowError, which escaped the loader.
    data = transcript_to_dict(SAMPLE)
    clock = next(e for e in data["events"] if e["kind"] == "clock")
    clock["seconds"] = 10**400
    loaded = _read(tmp_path, yaml_bytes=dump(data).encode())
    assert loaded is not None and loaded.transcript.seconds_spent() == 10**400
    records = [dict(RECORDS[0]), *({"t": "event", "event": e} for e in data["events"])]
    body = b"".join(_line(json.dumps(r).encode()) for r in records)
    assert _read(tmp_path, journal_bytes=body) is not None
