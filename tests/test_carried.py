"""What a meeting carried from the one before (`meta.carried`) is read as a typed record and written back
exactly as it was: transcripts written before it was typed load, and saving them changes no byte."""

from __future__ import annotations

import copy
import dataclasses
import json
import shutil
from pathlib import Path

import pytest
import yaml

from assistant.core.carried import Carried
from assistant.core.store import Store
from assistant.core.transcript import Transcript
from assistant.core.transcript_codec import meta_to_dict, transcript_from_dict, transcript_to_dict
from assistant.core.transcript_files import read_yaml, yaml_document

OLD = Path(__file__).parent / "data" / "carried"
SERIES, PARENT = "7d8e9f00", "a9f2f3a9"


def copy_of_old(tmp_path: Path) -> Store:
    folder = tmp_path / "transcripts"
    shutil.copytree(OLD, folder, ignore=shutil.ignore_patterns("*.md"))
    folder.chmod(0o700)
    return Store(folder, snapshot_delay=None)


def test_an_old_follow_up_reads_as_typed_fields(tmp_path):
    carried = copy_of_old(tmp_path).load(SERIES).meta.carried
    assert (carried.from_meeting, carried.from_date) == ("5e6f7a8b", "2025-01-13")
    assert [a["wat"] for a in carried.actions][:2] == ["Meldpunt pesten op de website", "Infoavond voor ouders over afwezigheden"]
    assert carried.actions[0]["status"] == "partly" and carried.actions[0]["note"] == "de tekst is klaar, nog niet online"
    assert [p["value"] for p in carried.series["fase0.schaal"]] == [4, 5]
    assert carried.last_answers["fase0.registratiebeleid"]["value"] == 4
    assert carried.parked == ({"question": "fase0.samenwerking"},)
    assert carried.preparation is None and carried.first == () and carried.sensitivities == ""


def test_an_old_prepared_follow_up_reads_as_typed_fields(tmp_path):
    carried = copy_of_old(tmp_path).load(PARENT).meta.carried
    assert carried.from_meeting == "earlier1" and carried.parked == ({"question": "thuis.opvoeding"},)
    assert carried.last_answers == {"thuis.brussen": {"value": "Goed.", "date": "2026-12-05"}}
    assert carried.preparation == "6007f605" and carried.focus_topics == ("school", "sociaal")
    assert carried.first == ("school.vakken", "school.raam", "sociaal.raam", "thuis.brussen")
    assert carried.sections_first == ("school", "sociaal")
    assert carried.known["school"] == "Wiskunde gaat moeilijk.\nGoede band met de leerkracht LO."
    assert carried.sensitivities == "Papa is pas werkloos." and carried.signals


@pytest.mark.parametrize("name", sorted(p.name for p in OLD.glob("*.yaml")))
def test_an_old_yaml_copy_is_written_again_byte_for_byte(name):
    path = OLD / name
    assert yaml_document(read_yaml(path)) == path.read_bytes()


@pytest.mark.parametrize("ident", [SERIES, PARENT])
def test_an_old_journal_s_carried_is_written_again_as_it_was(tmp_path, ident):
    store = copy_of_old(tmp_path)
    journal = next(OLD.glob(f"*_{ident}.journal"))
    head = json.loads(journal.read_bytes().split(b"\n", 1)[0].split(b" ", 1)[1])
    written = meta_to_dict(store.load(ident).meta)["carried"]
    assert json.dumps(written) == json.dumps(head["meta"]["carried"])  # the same keys, in the same order


def test_what_this_version_cannot_read_is_kept_as_it_was():
    data = yaml.safe_load((OLD / next(p.name for p in OLD.glob(f"*_{SERIES}.yaml"))).read_text(encoding="utf-8"))
    carried = data["meta"]["carried"]
    carried["parked"].append("a line typed by hand")
    carried["date"] = 20250113
    carried["known"] = {"thuis": ["not", "text"]}
    carried["a_newer_key"] = {"kept": True}
    before = copy.deepcopy(carried)
    transcript = transcript_from_dict(data)
    typed = transcript.meta.carried
    assert typed.parked == ({"question": "fase0.samenwerking"},)  # the hand-typed line counts as none
    assert typed.from_date is None and typed.known == {}
    assert json.dumps(transcript_to_dict(transcript)["meta"]["carried"]) == json.dumps(before)


def test_a_first_meeting_carries_nothing_and_the_record_is_frozen():
    meta = Transcript.new("school_dialogue").meta
    assert not meta.carried and meta.carried.to_plain() == {}
    with pytest.raises(dataclasses.FrozenInstanceError):
        meta.carried.from_meeting = "x"  # type: ignore[misc]
    assert Carried.from_plain({"from": "m1"}).from_meeting == "m1"
