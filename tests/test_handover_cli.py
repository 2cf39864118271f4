"""`dialoog handover`: the parent conversation from a preparation without the app, seen through the real
command line (show, summary) as a facilitator would check it."""

from __future__ import annotations

import re

from assistant.core.transcript import EventKind, Participant, Transcript
from storekit import dialoog, new_store


def preparation(store, **meta):
    session = store.create(Transcript.new("parent_prep", subject="Yasmine El Amrani (3B)", facilitator="Sofie Janssens",
                                          participants=(Participant("Tom Claes", "klastitularis"),), **meta))
    for question, value in {
        "prep.thuis.gekend": "Mama werkt in ploegen.",
        "prep.sociaal.gekend": "Zit vaak alleen op de speelplaats.",
        "prep.afwezigheid.b-codes": 6,
        "prep.focus.topics": ["sociaal"],
        "prep.focus.vragen": ["Wat maakt het raam groter?", "Hoe is de relatie met brussen?"],
        "prep.focus.gevoeligheden": "Papa is pas werkloos.",
    }.items():
        session.record(EventKind.ANSWER, question=question, value=value)
    return session


def test_handover_prints_the_new_conversation_and_both_sides_show_the_link(tmp_path):
    store = new_store(tmp_path)
    with preparation(store, id="prep0001") as prep:
        prep.close("closed")
    done = dialoog("handover", "prep0001", "--transcripts", str(tmp_path), "--participant", "Fatima El Amrani (moeder)")
    assert done.returncode == 0, done.stderr
    new_id = re.search(r"^id: (\w+)$", done.stdout, re.M).group(1)
    path = re.search(r"^file: (.+)$", done.stdout, re.M).group(1)
    assert path.endswith(f"_{new_id}.yaml") and "parent-dialogue" in path
    assert f"dialoog resume {new_id}" in done.stderr

    shown = dialoog("show", "prep0001", "--transcripts", str(tmp_path))
    assert f"handed over to: {new_id}" in shown.stdout and "status: closed" in shown.stdout
    shown = dialoog("show", new_id, "--transcripts", str(tmp_path))
    assert "prepared by: prep0001" in shown.stdout
    assert "focus: sociaal; 2 question(s) first; 1 signal(s)" in shown.stdout
    assert "the school knew (thuis): Mama werkt in ploegen." in shown.stdout
    assert "participants: Fatima El Amrani (moeder)" in shown.stdout

    sheet = dialoog("summary", "prep0001", "--transcripts", str(tmp_path))
    assert sheet.returncode == 0, sheet.stderr
    assert sheet.stdout.startswith("# Voorbereiding oudergesprek: Yasmine El Amrani (3B)\n")
    assert f"parent_dialogue · Yasmine El Amrani (3B) ({new_id})" in sheet.stdout
    assert "1. Wat maakt het raam groter? *(Sociaal)*\n2. Hoe is de relatie met brussen? *(Thuis)*" in sheet.stdout
    summary = dialoog("summary", new_id, "--transcripts", str(tmp_path), "--lang", "en")
    assert "- **Preparation:** " in summary.stdout and "(prep0001)" in summary.stdout
    assert "*What the school already knew (preparation):* Zit vaak alleen op de speelplaats." in summary.stdout
    assert "(rule: prep.b-codes-5)" in summary.stdout


def test_handover_refuses_what_it_cannot_hand_over_with_one_line(tmp_path):
    store = new_store(tmp_path)
    with store.create(Transcript.new("school_dialogue", id="school01")):
        pass
    prep = preparation(store, id="prep0002")
    try:
        for args, code, message in (
            (["school01"], 1, "dialoog: school01 is a 'school_dialogue' conversation, not a preparation ('parent_prep')"),
            (["prep0002"], 1, "is open in another Dialoog"),
            (["nothing"], 1, "dialoog: no transcript 'nothing'"),
            (["prep0002", "--participant", "Fatima (moeder"], 2, "dialoog: --participant"),
        ):
            done = dialoog("handover", *args, "--transcripts", str(tmp_path))
            assert done.returncode == code, done.stderr
            assert len(done.stderr.strip().splitlines()) == 1 and message in done.stderr, done.stderr
            assert "Traceback" not in done.stderr
    finally:
        prep.close()
    assert sorted(i.script for i in store.list()) == ["parent_prep", "school_dialogue"]
