"""The evaluation set (tests/data/anonymise/answers.yaml): 64 answers as facilitators type them, with names,
relatives, places, phone numbers, addresses. An anonymised export made with nobody to ask (the command
line) leaks no registered person, no contact data and no probable name of anyone unregistered; the check
the app shows lists every unregistered name; ordinary words stay. The figures are printed (pytest -s)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from assistant.cli import main
from assistant.core.pseudonymise import PARTICLES, anonymise
from assistant.core.transcript import Participant, Transcript
from assistant.core.wordlist import is_word

DATA = yaml.safe_load((Path(__file__).parent / "data" / "anonymise" / "answers.yaml").read_text(encoding="utf-8"))
REGISTRY = DATA["registry"]
ANSWERS = DATA["answers"]


def transcript() -> Transcript:
    t = Transcript.new("parent_dialogue", subject=REGISTRY["subject"], facilitator=REGISTRY["facilitator"],
                       participants=tuple(Participant(p["name"], p["role"]) for p in REGISTRY["participants"]))
    for n, answer in enumerate(ANSWERS):
        t = t.with_event(t.next_event("answer", question=f"eval.{n}", value=answer["text"]))
    return t


def registered_leaks(text: str) -> list[str]:
    """Any part of a registered name left in `text` (a part that is also a word only with its capital)."""
    names = [REGISTRY["subject"], REGISTRY["facilitator"], *(p["name"] for p in REGISTRY["participants"])]
    leaks = []
    for name in names:
        for part in name.split():
            if len(part) < 3 or part.lower() in PARTICLES:
                continue
            flags = 0 if is_word(part) else re.IGNORECASE
            if re.search(rf"(?<!\w){re.escape(part)}", text, flags):
                leaks.append(part)
    return leaks + [i for i in ("N.P.", "F. El", "S. Janssens") if i in text]


def is_name(text: str) -> bool:
    return not re.search(r"[\d@]", text)


def test_no_leak_of_registered_people_contact_data_or_unregistered_names():
    result = anonymise(transcript())
    outputs = [e.data["value"] for e in result.transcript.events]
    problems = []
    for answer, out in zip(ANSWERS, outputs):
        leaks = registered_leaks(out) + [h for h in answer.get("hidden", ()) if h in out]
        garbled = [k for k in answer.get("kept", ()) if k not in out]
        if leaks or garbled:
            problems.append(f"{answer['text']!r}\n   -> {out!r}\n   leaks {leaks}, lost {garbled}")
    assert not problems, f"{len(problems)} of {len(ANSWERS)} answers:\n" + "\n".join(problems)


def test_the_check_flags_every_unregistered_name_and_reports_how_many():
    report = anonymise(transcript()).report
    flagged = [f.text for f in report.findings]
    names = [h for a in ANSWERS for h in a.get("hidden", ()) if is_name(h) and not re.search(r"\d", h)]
    names = [n for n in names if not re.search(r"(?:straat|laan|steenweg|Markt)\b", n)]  # addresses are replaced by kind
    missed = [n for n in names if not any(n in f or f in n for f in flagged)]
    assert not missed, f"the check did not list {missed}"
    hidden = [h for a in ANSWERS for h in a.get("hidden", ())]
    false_flags = [f for f in flagged if not any(f in h or h in f for h in hidden)]
    print(f"\nevaluation set: {len(ANSWERS)} answers; {len(set(names))} unregistered names and places; the check "
          f"flags {len(flagged)} ({len([f for f in report.findings if f.kind != 'nummer'])} names/places, "
          f"{len([f for f in report.findings if f.kind == 'nummer'])} numbers); {len(false_flags)} of them are "
          f"no name: {false_flags}; replaced: {dict(report.replaced)}")
    assert len(false_flags) <= 2, false_flags  # a brand name ('WhatsApp') is a fair question to ask


@pytest.mark.parametrize("command", ["summary", "export"])
def test_the_issue_example_on_the_command_line(tmp_path, capsys, command):
    from assistant.core.store import Store

    store = Store(tmp_path, snapshot_delay=None)
    t = Transcript.new("parent_dialogue", subject="Noor Peeters", facilitator="Lies Vermeulen",
                       participants=(Participant("Fatima El Amrani", "moeder"), Participant("Sofie Janssens", "leerkracht")))
    with store.create(t) as session:
        session.record("answer", question="thuis.praktische-problemen",
                       value="Noors oma is ziek; meneer El Amrani werkt niet; bel 0470 12 34 56 of fatima.elamrani@gmail.com. "
                             "Juf Sofie belde meneer Wouters uit Mortsel.")
    store.close()
    assert main([command, t.meta.id, "--anonymise", "--transcripts", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    if command == "export":
        out = yaml.safe_load(out)["events"][0]["value"]
    out = out.replace("\\[", "[").replace("\\]", "]")
    for leak in ("Noor", "Amrani", "0470", "elamrani", "gmail", "Sofie", "Wouters", "Mortsel", "meneer moeder", "juf leerkracht"):
        assert leak not in out, leak
    assert "[leerling]'s oma is ziek; meneer [familienaam van moeder] werkt niet; bel [telefoon] of [e-mail]" in out
    assert "[leerkracht] belde meneer [naam 1] uit [plaats]" in out


def test_the_word_list_is_read_only_when_anonymising():
    import subprocess
    import sys

    code = ("import sys; import assistant.tui.app, assistant.core.summary, assistant.cli\n"
            "from tests.summary import conversations\n"
            "from assistant.core.summary import render_summary\n"
            "t, b, v = conversations.parent(); render_summary(t, b, view=v)\n"
            "from assistant.core import wordlist\n"
            "assert wordlist.words.cache_info().currsize == 0, 'read for a summary with names'\n"
            "render_summary(t, b, view=v, anonymise=True)\n"
            "assert wordlist.words.cache_info().currsize == 1\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent)
    assert result.returncode == 0, result.stderr
