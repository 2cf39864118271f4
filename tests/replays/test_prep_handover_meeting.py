"""Replay: a preparation with the school, handed over to the parent conversation, which is killed once
and resumed; typed into the real app at 80x24, as a fast facilitator types it.

The teacher and the CLB worker fill in the preparation (the absence table, numbers, yes/no, a choice,
the focus picked by digits, the sensitivities, who does what before the parent meeting, typed with Tab); F7, then 'h' hands it over, with the parents added in
the details form. In the parent conversation the chosen questions come first; the school's sensitive
notes stay off the screen (F12 shows them to the facilitator); the terminal is killed while an answer
is being typed, and the resumed conversation goes on from the answers saved and the unsent typing.
Both transcripts and both summaries are compared with the golden files, field by field.
"""

from __future__ import annotations

import pty

import pytest

from tests.waiting import wait_until
from tests.replays.harness import Meeting, check, keys

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

TEACHER, MOTHER = "Tom Claes", "Fatima El Amrani"
SENSITIVE = "Mama schaamt zich over de schulden"
PREP = {
    "prep.thuis.gekend": "Papa is ziek; mama zorgt alleen voor drie kinderen",
    "prep.school.gekend": "Goede band met de leerkracht LO",
    "prep.sociaal.gekend": "Zit vaak alleen op de speelplaats",
    "prep.individu.gekend": "Klaagt over hoofdpijn op maandag",
    "prep.cultuur.gekend": "Geen bijzonderheden",
    "prep.thuis.te-weten": "Hoe verloopt de ochtend thuis?",
    # the B-code, D-code and September-October questions: not asked once the table per period is filled in
    "prep.afwezigheid.snelle-toename": "n",
    "prep.afwezigheid.patroon": "Vooral maandag, sinds november",
    "prep.contact.verloop": "Mama belt telkens terug, papa niet",
    "prep.contact.bereikbaar": "1",
    "prep.contact.gekende-problemen": "n",
    "prep.stappen.gezet": "Telefoon na elke afwezigheid; een gesprek met de leerlingbegeleider",
    "prep.focus.topics": "12",            # thuis, school
    "prep.focus.vragen": "48",            # the family's sensitivities; how she feels at school
    "prep.focus.gevoeligheden": f"{SENSITIVE}; niet over geld beginnen",
}
PARENT = {
    "thuis.gevoeligheden": "We praten er liever niet over",
    "school.welbevinden": "Ze gaat graag naar de les LO",
    "thuis.praktische-problemen": "Geen, de bus is in orde",
    "thuis.relatie-ouders": "Goed",
}


def _prepare(meeting: Meeting) -> None:
    """The preparation, question by question as the walk asks them."""
    for _ in range(40):
        if meeting.pending():
            meeting.checklist([0] if meeting.pending()[0] == "prep.thuis.te-weten" else [])
            continue
        asked = meeting.next_question()
        if asked is None:
            return
        if asked.id == "prep.afwezigheid.codes":  # B and D per two months, with Tab and the arrows
            before = meeting.said()
            meeting.look()
            meeting.send(keys("3", "tab", "4", "down", "left", "2", "ctrl+s"))
            meeting.saved(before, asked.id)
            continue
        if asked.id == "prep.focus.wie-doet-wat":  # who does what before the parent meeting: two rows, with Tab
            before = meeting.said()
            meeting.send(keys("De ouders uitnodigen", "tab", "Tom", "tab", "vrijdag", "tab", "telefonisch bevestigd",
                              "tab", "Een tolk vragen", "tab", "CLB", "tab", "voor het gesprek", "ctrl+s"))
            meeting.saved(before, asked.id)
            continue
        meeting.answer(PREP[asked.id], question=asked.id)
    raise AssertionError("the preparation did not end")


def test_a_preparation_handed_over_to_a_parent_conversation_killed_and_resumed_is_saved_as_said(tmp_path, library):
    meeting = Meeting(tmp_path / "transcripts", library)
    meeting.start("new", "parent_prep", "--facilitator", "An Claes", "--subject", "Lotte Peeters (3B)",
                  "--participant", f"{TEACHER} (klastitularis)")
    meeting.see("Thuis: wat weet de school al?")
    meeting.ident = meeting.transcript().meta.id
    prep_id = meeting.ident
    _prepare(meeting)
    assert meeting.transcript().answers()["prep.afwezigheid.codes"] == {"B": {"sep-okt": 3, "nov-dec": 4}, "Z": {"sep-okt": 2}}

    meeting.finish()
    meeting.see("Oudergesprek")  # the summary's key for the hand-over
    meeting.look()
    meeting.send(keys("h"))
    meeting.see("Oudergesprek uit de voorbereiding")
    meeting.look()
    meeting.send(keys(f"{MOTHER} (moeder)", "ctrl+s"))
    parent_id = wait_until(lambda: next((f.name.rsplit("_", 1)[1].split(".")[0] for f in meeting.folder.glob("*.journal")
                                    if prep_id not in f.name), None), "the parent conversation created")
    meeting.ident = parent_id
    meeting.see("Voorbereid met de school")
    assert meeting.next_question().id == "thuis.gevoeligheden", "the questions chosen in the preparation come first"

    before = meeting.said()
    meeting.send(keys("ctrl+t", "Fat", "tab", "enter", PARENT["thuis.gevoeligheden"], "ctrl+s"))
    meeting.saved(before, "the first answer")
    meeting.answer(PARENT["school.welbevinden"], question="school.welbevinden")
    assert SENSITIVE not in meeting.app.text(), "the school's sensitive note was on the shared screen"

    # killed while the next answer is being typed: the unsent typing is kept as a draft
    meeting.send(keys("Geen, de bus"))
    # the draft itself, not the temporary file it is written through
    wait_until(lambda: any("Geen, de bus" in f.read_text() for f in (meeting.folder / ".drafts").glob(f"*{parent_id}.draft")),
          "the unsent typing kept on disk")
    meeting.kill()

    meeting.start("resume", parent_id)
    meeting.see("teruggezet")  # 'Je niet-verstuurde tekst is teruggezet': the draft is back in the box
    assert SENSITIVE not in meeting.app.text()
    meeting.look()
    meeting.send(keys("f12"))
    meeting.see(SENSITIVE)  # for the facilitator, on purpose
    meeting.look()
    meeting.send(keys("escape"))
    meeting.see("ctrl+s verstuurt")
    before = meeting.said()
    meeting.send(keys(" is in orde", "ctrl+s"))
    meeting.saved(before, "the answer finished after the resume")
    meeting.answer(PARENT["thuis.relatie-ouders"], question="thuis.relatie-ouders")

    meeting.finish()
    meeting.quit()

    ids = {prep_id: "PREP", parent_id: "PARENT"}
    check(meeting, "prep_handover.parent", ids)
    meeting.ident = prep_id
    check(meeting, "prep_handover.preparation", ids)
