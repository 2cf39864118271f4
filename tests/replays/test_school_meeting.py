"""Replay: a whole school dialogue typed into the real app at 80x24, as a fast facilitator types it.

The absence table is filled with Tab and the arrows (Left/Right go to the cell beside); the next answer
is typed on while a section's deepening checklist opens (its letters and spaces are the answer's, not
ticks), then a few deepening questions are picked with the arrows and space; the team's speakers are
named; a note, a priority; the table is corrected in the log; the action plan gets three rows typed
with Tab alone (Tab after Check starts the next row); F7 finishes. Then the journal, the YAML copy and
the summary are compared with the golden files, field by field.
"""

from __future__ import annotations

import pty

import pytest

from assistant.core.transcript import EventKind
from tests.waiting import wait_until
from tests.replays.harness import Meeting, check, keys

pytestmark = pytest.mark.skipif(not hasattr(pty, "fork"), reason="needs a POSIX pseudo-terminal")

PRINCIPAL, CARE = "Karel Vos", "Ann Peeters"
TEXT = {  # what the team answers, per question
    "inzicht.twijfelachtige-attesten": "Een paar per maand, vooral rond de examens",
    "inzicht.verschillen": "Vooral verschillen tussen de graden",
    "inzicht.effect-acties": "Nog niet, we meten het pas sinds september",
    "registratie.wie-registreert": "Het secretariaat, na het eerste lesuur",
    "registratie.verloop": "De leerkracht noteert, het secretariaat belt de ouders om 9 uur",
    "registratie.spijbelen-binnen-school": "Via de leerlingbegeleider",
    "beleid.communicatie-ouders": "Bij de inschrijving en in de nieuwsbrief",
    "beleid.communicatie-leerlingen": "In de klas, bij het begin van het schooljaar",
    "beleid.taakverdeling": "Secretariaat registreert, zorgcoördinator volgt op",
    "beleid.rol-leerkracht": "Signaleren en het gesprek aangaan",
    "beleid.te-laat-onthaal": "Een briefje bij het secretariaat",
    "beleid.stappenplan": "Bellen, gesprek, dan het CLB",
    "beleid.problematisch-toetsen-taken": "Inhalen in overleg met de leerkracht",
    "beleid.langdurige-attesten": "Vragen om een gesprek met de ouders",
    "beleid.ziekteattest-problematisch": "Contact met de arts via het CLB",
    "beleid.gewettigd-toetsen-taken": "Inhalen na afspraak",
    "samenwerking.bespreking-clb": "Op het maandelijkse MDO",
    "samenwerking.optimaal-scenario": "Een vaste contactpersoon op het CLB",
    "opvolging.sterke-punten": "Snelle registratie\nGoede band met de ouders",
    "opvolging.werkpunten": "Opvolging na de derde afwezigheid",
    "opvolging.prioriteiten": "Stappenplan op papier\nMaandelijks overleg afwezigheden",
    "opvolging.timing": "Voor de krokusvakantie",
    "reflectie.basishouding": "Verbinding eerst, dan regels",
}
PLAN = [  # Wat, Wie, Wanneer, Check: typed with Tab alone
    ("Stappenplan uitschrijven", CARE, "maart", "directie"),
    ("Maandelijks overleg afwezigheden inplannen", PRINCIPAL, "april", ""),
    ("Ouders informeren via de nieuwsbrief", CARE, "mei", "nieuwsbrief verstuurd"),
]


def _text(meeting: Meeting, qid: str) -> None:
    meeting.answer(TEXT[qid], question=qid)


def test_a_school_dialogue_typed_as_a_fast_facilitator_types_it_is_saved_as_said(tmp_path, library):
    meeting = Meeting(tmp_path / "transcripts", library)
    meeting.start("new", "school_dialogue", "--facilitator", "An Claes", "--subject", "Basisschool Sint-Jan",
                  "--participant", f"{PRINCIPAL} (directie)", "--participant", f"{CARE} (zorgcoördinator)")
    meeting.see("Overzicht van de afwezigheden")

    # the principal gives the counts: B 12/6/3 and D 20 . . 1, moved through with Tab and the arrows
    before = meeting.said()
    meeting.send(keys("ctrl+t", "Kar", "tab", "enter", "12", "right", "6", "tab", "3", "down", "left", "left",
                      "20", "right", "right", "right", "1", "ctrl+s"))
    meeting.saved(before, "the absence table")
    assert meeting.transcript().answers()["inzicht.overzicht-afwezigheden"] == {
        "B": {"0-4": 12, "5-9": 6, "10-19": 3}, "D": {"0-4": 20, "20-29": 1}}

    # the next answer is typed on while the deepening checklist opens: it waits there, spaces and all
    before = meeting.said()
    meeting.look()
    meeting.send(keys(TEXT["inzicht.twijfelachtige-attesten"], "ctrl+s", TEXT["inzicht.verschillen"]))
    meeting.saved(before, "the last basis answer of the section")
    picked = meeting.checklist([1, 3], typed_ahead=True)
    assert picked == ["inzicht.verschillen", "inzicht.effect-acties"]
    before = meeting.said()
    meeting.send(keys("ctrl+s"))  # the typing is in the box of the first question picked: send it
    meeting.saved(before, "the answer typed ahead")
    assert meeting.transcript().answers()["inzicht.verschillen"] == TEXT["inzicht.verschillen"]
    _text(meeting, "inzicht.effect-acties")

    meeting.send(keys("ctrl+t", "ctrl+u", "Ann", "tab", "enter"))
    for qid in ("registratie.wie-registreert", "registratie.verloop", "registratie.spijbelen-binnen-school"):
        _text(meeting, qid)
    meeting.checklist([])  # nothing now: parked for the next meeting
    meeting.send(keys("ctrl+n", "De directie wil het stappenplan voor de personeelsvergadering", "ctrl+s"))
    wait_until(lambda: meeting.events(EventKind.NOTE), "the note")
    for qid in [q for q in TEXT if q.startswith("beleid.")]:
        _text(meeting, qid)
    meeting.send(keys("ctrl+g"))  # the last answer (catching up on tests): a priority
    wait_until(lambda: meeting.events(EventKind.FLAG), "the priority")
    _text(meeting, "samenwerking.bespreking-clb")
    meeting.checklist([0])
    _text(meeting, "samenwerking.optimaal-scenario")

    # the counts were wrong: corrected in the log, Left/Right in the edit dialog's table too
    meeting.look()
    meeting.send(keys("ctrl+l", *meeting.answer_steps("inzicht.overzicht-afwezigheden")))
    meeting.see("enter bewerk")
    meeting.look()
    meeting.send(keys("enter"))
    meeting.see("Antwoord bewerken")
    meeting.send(keys("right", "backspace", "7", "ctrl+s"))
    wait_until(lambda: len(meeting.transcript().history("inzicht.overzicht-afwezigheden")) == 2, "the corrected table")
    meeting.look()
    meeting.send(keys("escape"))
    meeting.see("ctrl+s verstuurt")

    for qid in ("opvolging.sterke-punten", "opvolging.werkpunten", "opvolging.prioriteiten", "opvolging.timing"):
        _text(meeting, qid)

    # the action plan: three rows, Tab alone between the fields and from one row to the next
    meeting.see("Hoe wordt de opvolging gepland?")
    fields = [field for row in PLAN for field in (*row[:3], row[3])]
    burst: list[str] = []
    for n, field in enumerate(fields):
        burst += [field] if field else []
        if n < len(fields) - 1:
            burst.append("tab")
    before = meeting.said()
    meeting.look()
    meeting.send(keys(*burst, "ctrl+s"))
    meeting.saved(before, "the action plan")
    assert meeting.transcript().answers()["opvolging.planning"] == [
        {"wat": wat, "wie": wie, "wanneer": wanneer, "check": check} for wat, wie, wanneer, check in PLAN]

    meeting.checklist([0])  # the reflection at the end
    _text(meeting, "reflectie.basishouding")

    meeting.finish()
    meeting.quit()

    saved = check(meeting, "school_meeting", {meeting.transcript().meta.id: "ID"})
    assert saved.answers()["inzicht.overzicht-afwezigheden"]["B"]["5-9"] == 7
    assert saved.answer_events()["inzicht.overzicht-afwezigheden"].get("speaker") == PRINCIPAL
