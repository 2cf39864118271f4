"""No input runs code or reaches outside its folder: not a bank, a script, a transcript or an answer.

Each carries the three classic payloads: a YAML tag that names a Python callable, Jinja syntax, and
an id that climbs out of a folder. Every payload aims at a marker file; none may appear, and
nothing may be written anywhere but the transcripts folder.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.core import locations
from assistant.core.bank import load_bank
from assistant.core.catalog import load_bank_folder
from assistant.core.script import load_script
from assistant.core.sheet import render_sheet
from assistant.core.store import Store
from assistant.core.store_errors import NotFoundError, StoreError
from assistant.core.summary import render_summary
from assistant.core.transcript import Transcript
from assistant.core.transcript_files import TranscriptFiles, read_transcript
from assistant.core.yamlsource import SourceErrors
from tests.hardening.inputs import ROOT

TRAVERSAL = ["../../etc/passwd", "../outside", "/tmp/dialoog-abs", "..", "a/../../b", "x\x00y", "C:\\x"]


def python_tags(marker: Path) -> list[str]:
    return [
        f"!!python/object/apply:os.system ['touch {marker}']",
        f"!!python/object/apply:subprocess.check_call [[touch, {marker}]]",
        f"!!python/object/new:os.system ['touch {marker}']",
        "!!python/name:os.system",
        "!!python/module:os",
        f"!<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
    ]


def jinja(marker: Path) -> list[str]:
    return [
        "{{ 7919 * 7 }}",
        "{{ cycler.__init__.__globals__.os.system('touch " + str(marker) + "') }}",
        "{{ ''.__class__.__mro__[1].__subclasses__() }}",
        "{% for x in range(10**9) %}x{% endfor %}",
        "{% include '/etc/passwd' %}",
        "{{ self._TemplateReference__context }}",
    ]


def _snapshot(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")}


@pytest.fixture
def arena(tmp_path: Path):
    """A folder to attack from: the marker must never appear, nothing may be added outside `work`."""
    work = tmp_path / "a" / "b" / "work"
    work.mkdir(parents=True)
    marker = tmp_path / "pwned"
    before = _snapshot(tmp_path)
    yield work, marker
    assert not marker.exists(), "a payload ran"
    added = {p for p in _snapshot(tmp_path) - before if not p.startswith("a/b/work")}
    assert not added, f"written outside the working folder: {sorted(added)}"


BANK = """id: evil
title: Bank
audience: school
source: test
intro: Inleiding.
sections:
  - id: s
    title: Sectie
    questions:
      - id: q
        text: Vraag?
        level: basis
        type: text
"""


@pytest.mark.parametrize("field", ["id", "title", "intro", "sections"])
def test_a_python_tag_in_a_bank_is_refused_never_run(arena, field: str) -> None:
    work, marker = arena
    for n, payload in enumerate(python_tags(marker)):
        lines = [f"{field}: {payload}" if line.startswith(f"{field}:") else line for line in BANK.splitlines()]
        path = work / f"evil{n}.yaml"
        path.write_text("\n".join(lines[: lines.index(f"{field}: {payload}") + 1]) + "\n", encoding="utf-8")
        with pytest.raises(SourceErrors, match="unsupported tag"):
            load_bank(path)


def test_a_python_tag_in_a_script_or_its_rules_is_refused_never_run(arena) -> None:
    work, marker = arena
    banks = load_bank_folder(locations.banks_dir())
    for n, payload in enumerate(python_tags(marker)):
        path = work / f"script{n}.yaml"
        path.write_text(f"id: s\ntitle: t\ndescription: d\nbanks: [school_dialogue]\nrules:\n"
                        f"  - id: r\n    when: {{answered: {payload} }}\n    signal: x\n    because: y\n", encoding="utf-8")
        with pytest.raises(SourceErrors, match="unsupported tag"):
            load_script(path, banks)


def test_validate_refuses_every_tag_in_a_real_process(arena) -> None:
    work, marker = arena
    for n, payload in enumerate(python_tags(marker)):
        (work / f"bank{n}.yaml").write_text(BANK.replace("title: Bank", f"title: {payload}"), encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "assistant", "validate", str(work)], capture_output=True,
                            text=True, timeout=60, cwd=work)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stdout.count("unsupported tag") == len(python_tags(marker))


def test_jinja_in_a_bank_shows_literally_in_the_summary_and_the_sheet(arena) -> None:
    work, marker = arena
    payloads = jinja(marker)
    text = BANK.replace("text: Vraag?", "text: " + repr(payloads[0]).replace("'", '"'))
    text = text.replace("intro: Inleiding.", "intro: '" + " ".join(payloads[1:]).replace("'", "''") + "'")
    path = work / "bank.yaml"
    path.write_text(text, encoding="utf-8")
    bank = load_bank(path)
    t = Transcript.new("evil", id="0badf00d", subject=payloads[1], facilitator=payloads[3])
    t = t.with_event(t.next_event("answer", question="q", value="\n".join(payloads)))
    t = t.with_event(t.next_event("note", question="q", text=payloads[4]))
    summary = render_summary(t, [bank])
    sheet = render_sheet(bank)
    for rendered in (summary, sheet):
        assert "55433" not in rendered and "root:" not in rendered  # nothing evaluated, /etc/passwd not included
    assert "{{ 7919 \\* 7 }}" in summary and "{{ 7919 \\* 7 }}" in sheet  # shown as typed (Markdown-escaped)


@pytest.mark.parametrize("payload_kind", ["tags", "jinja", "paths"])
def test_answers_carrying_payloads_are_stored_and_shown_as_text(arena, payload_kind: str) -> None:
    work, marker = arena
    payloads = {"tags": python_tags(marker), "jinja": jinja(marker), "paths": TRAVERSAL}[payload_kind]
    store = Store(work / "transcripts", snapshot_delay=None)
    try:
        with store.create(Transcript.new("school_dialogue", subject=payloads[0], facilitator=payloads[1])) as session:
            for n, payload in enumerate(payloads):
                session.record("answer", question=payloads[n] if payload_kind == "paths" else f"q{n}", value=payload)
                session.record("note", text=payload, question=f"q{n}")
                session.record("action", action=payload if payload_kind == "paths" else f"a{n}", wat=payload, wie=payload)
            name = session.name
        files = TranscriptFiles(store.root, name)
        from_journal = read_transcript(files).transcript
        files.journal.rename(files.journal.with_suffix(".aside"))
        from_yaml = read_transcript(files).transcript  # the YAML copy, written by the dumper, read back
        files.journal.with_suffix(".aside").rename(files.journal)
        for transcript in (from_journal, from_yaml):
            assert sorted(str(v) for v in transcript.answers().values()) == sorted(payloads)
        word = {"tags": "system", "jinja": "cycler", "paths": "passwd"}[payload_kind]
        assert {hit.info.name for hit in store.search(f'{word} "{payloads[0]}" AND OR NOT *')} <= {name}
        render_summary(from_yaml, load_bank_folder(locations.banks_dir()))
    finally:
        store.close()


@pytest.mark.parametrize("ident", TRAVERSAL)
def test_a_path_as_a_transcript_id_is_refused_before_anything_is_written(arena, ident: str) -> None:
    work, marker = arena
    store = Store(work / "transcripts", snapshot_delay=None)
    with pytest.raises((ValueError, StoreError)):
        store.create(Transcript.new("school_dialogue", id=ident))
    assert not any((work / "transcripts").glob("*")) if (work / "transcripts").exists() else True


@pytest.mark.parametrize("ref", TRAVERSAL[:5])
def test_a_path_as_a_reference_finds_nothing_outside_the_store(arena, ref: str) -> None:
    work, marker = arena
    store = Store(work / "transcripts", snapshot_delay=None)
    with store.create(Transcript.new("school_dialogue", id="cafe0001")):
        pass
    with pytest.raises(NotFoundError):
        store.load(ref)


@pytest.mark.parametrize("field", ["script", "subject", "facilitator"])
def test_paths_in_metadata_name_files_inside_the_store_only(arena, field: str) -> None:
    work, marker = arena
    store = Store(work / "transcripts", snapshot_delay=None)
    for n, value in enumerate(TRAVERSAL[:5]):
        with store.create(Transcript.new(**{"script": "school_dialogue", field: value, "id": f"beef000{n}"})) as session:
            session.record("answer", question="q", value="x")
    names = os.listdir(work / "transcripts")
    assert all("/" not in n and ".." not in n.split("_")[-1] for n in names)
    assert len([n for n in names if n.endswith(".journal")]) == 5


def test_the_summary_command_shows_payloads_literally(arena) -> None:
    work, marker = arena
    store = Store(work / "transcripts", snapshot_delay=None)
    with store.create(Transcript.new("school_dialogue", id="feed0001", subject="{{ 7919 * 7 }}")) as session:
        session.record("answer", question="inzicht.twijfelachtige-attesten", value=jinja(marker)[1])
        session.record("note", text=python_tags(marker)[0])
    result = subprocess.run([sys.executable, "-m", "assistant", "summary", "feed0001", "--transcripts",
                             str(work / "transcripts")], capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert "{{ 7919 \\* 7 }}" in result.stdout and "55433" not in result.stdout
    assert "python/object/apply:os.system" in result.stdout


@pytest.mark.parametrize("ident", ["cafe0001\n", "cafe0001\r\n", "\ncafe0001"])
def test_an_id_with_a_line_break_is_refused(arena, ident: str) -> None:
    # Found by this suite: the id check ended in "$", which also matches before a final newline,
    # so "cafe0001\n" was accepted and became part of the file names.
    work, marker = arena
    store = Store(work / "transcripts", snapshot_delay=None)
    with pytest.raises(ValueError, match="'id' must be"):
        store.create(Transcript.new("school_dialogue", id=ident))


@pytest.mark.parametrize("field", ["follows", "prepared_by"])
def test_a_link_to_another_transcript_never_names_a_path(arena, field: str) -> None:
    # Found by this suite: `follows` was any text, and the summary loads the transcript it names
    # through Store.load, which takes a path: a transcript could make Dialoog read one from anywhere.
    work, marker = arena
    elsewhere = Store(work / "elsewhere", snapshot_delay=None)
    with elsewhere.create(Transcript.new("school_dialogue", id="0ther001", subject="Geheim")) as other:
        other.record("answer", question="inzicht.twijfelachtige-attesten", value="niet voor deze map")
        path = str(elsewhere.root / other.name) + ".yaml"
    store = Store(work / "transcripts", snapshot_delay=None)
    with pytest.raises(ValueError, match=f"'{field}' must be a transcript id or file name"):
        store.create(Transcript.new("school_dialogue", id="cafe0002", **{field: path}))
    with store.create(Transcript.new("school_dialogue", id="cafe0003")) as session:
        with pytest.raises(ValueError, match="not a path"):
            session.update(**{field: "../elsewhere/" + other.name})
        session.update(**{field: "0ther001"})  # an id (or a file name) is what a link holds
    copy = TranscriptFiles(store.root, session.name).yaml
    copy.write_text(copy.read_text(encoding="utf-8").replace(f"{field}: 0ther001", f"{field}: {path}"), encoding="utf-8")
    TranscriptFiles(store.root, session.name).journal.unlink()
    with pytest.raises(StoreError, match=f"'{field}' must be a transcript id or file name"):
        store.load(session.name)
