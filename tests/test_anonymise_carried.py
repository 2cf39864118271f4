"""What a follow-up meeting carried from the last one (open actions with their review notes, parked and
suggested questions, the series of scores) is anonymised as thoroughly as its answers: the people in it
become their roles, contact data its kind, and what only identifies a meeting (ids, dates, a status)
stays as it is, so that the anonymised summary still reads."""

from __future__ import annotations

from assistant.core.pseudonymise import anonymise
from assistant.core.summary import render_summary
from assistant.core.transcript import Participant
from tests.summary import conversations
from tests.summary.conversations import Conversation
from tests.summary.mdcheck import shape

PEOPLE = ("Fatima", "Amrani", "Yasmine", "Tom Claes", "Claes", "Sofie", "Janssens", "0470", "Wouters")
ACTION = "m1:afspraken.acties:1"
CARRIED = {
    "from": "m1", "date": "2025-01-13",
    "actions": [
        {"action": ACTION, "wat": "Gesprek met Yasmine over de busrit", "wie": "Fatima El Amrani",
         "wanneer": "na de krokusvakantie", "check": "Tom Claes koppelt terug", "from": "m1", "date": "2025-01-13",
         "status": "partly", "note": "Fatima belde terug vanop 0470 12 34 56", "noted": "2025-01-13"},
    ],
    "parked": [{"suggestion": "ouders.gezin:thuis.gevoeligheden", "rule": "ouders.gezin",
                "question": "thuis.gevoeligheden", "because": "Bron: Dialoogdocument ouders."}],
    "suggested": [{"suggestion": "ouders.praktisch:wat-is-er-nodig", "rule": "ouders.praktisch",
                   "text": "Wat is er nodig om dit praktische probleem op te lossen?",
                   "because": "Eigen suggestie: een praktische drempel is concreet.", "own": True}],
    "series": {"individu.energie": [{"meeting": "m1", "date": "2025-01-13", "value": 4}]},
}


def follow_up() -> Conversation:
    c = Conversation("7a7a7a7a", "parent_dialogue", facilitator="Sofie Janssens", subject="Yasmine El Amrani (3B)",
                     participants=(Participant("Fatima El Amrani", "moeder"), Participant("Tom Claes", "klastitularis")),
                     bank_versions={"parent_dialogue": 1}, follows="m1", carried=CARRIED)
    c.add("action_status", action=ACTION, status="partly", note="Yasmine neemt nu de bus met meneer Wouters")
    return c


def test_a_carried_action_names_roles_and_keeps_what_identifies_the_meeting() -> None:
    done = anonymise(follow_up().t)
    carried = done.transcript.meta.carried.to_plain()
    action = carried["actions"][0]
    assert action["wie"] == "[moeder]"
    assert action["wat"] == "Gesprek met [leerling] over de busrit"
    assert action["check"] == "[klastitularis] koppelt terug"
    assert action["note"] == "[moeder] belde terug vanop [telefoon]"
    assert (action["action"], action["from"], action["date"], action["status"], action["noted"]) == (
        ACTION, "m1", "2025-01-13", "partly", "2025-01-13")
    assert carried["suggested"][0]["because"] == CARRIED["suggested"][0]["because"]  # the script's words, untouched
    assert carried["suggested"][0]["own"] is True and carried["series"] == CARRIED["series"]
    review = next(e for e in done.transcript.events if e.kind == "action_status")
    assert review.data["status"] == "partly" and review.data["note"].startswith("[leerling] neemt nu de bus met meneer [naam")
    assert not any(name in str(carried) + str(review.data) for name in PEOPLE)


def test_the_anonymised_summary_of_a_follow_up_names_nobody_it_carried() -> None:
    banks = [conversations.bank("parent_dialogue")]
    text = render_summary(follow_up().t, banks, anonymise=True)
    assert not [name for name in PEOPLE if name in text]
    statuses = next(t for t in shape(text).tables if t[0][-1] == "Stand van zaken")
    assert statuses[1][:2] == ["Gesprek met [leerling] over de busrit", "[moeder]"]
    assert "deels afgerond: [leerling] neemt nu de bus met meneer [naam" in statuses[1][-1]
