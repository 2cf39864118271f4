"""A preparation of a parent dialogue as a teacher and a CLB worker fill it in, built event by event.

Its signals are recorded events written out by hand (no scripts are passed to the sheet), so the
golden prep sheet tests the renderer and the hand-over's reading, not the rules of the day.
"""

from __future__ import annotations

from assistant.core.bank import Bank
from assistant.core.transcript import Participant, Transcript
from tests.summary.conversations import Conversation, bank

PREP_ID = "3f00aa12"
PARENT_ID = "9e2b7c44"


def preparation() -> tuple[Transcript, list[Bank], list[Transcript]]:
    """A closed preparation handed over to a parent conversation (the linked transcript)."""
    c = Conversation(
        PREP_ID, "parent_prep", created="2025-03-10T15:30:00+01:00", facilitator="Sofie Janssens",
        subject="Yasmine El Amrani (3B)", participants=(Participant("Tom Claes", "klastitularis"),),
        status="closed", bank_versions={"parent_prep": 1},
    )
    c.answer("prep.thuis.gekend", "Mama werkt in ploegen; geen auto.\nOudere broer brengt haar soms.")
    c.answer("prep.thuis.te-weten", "Hoe verloopt de ochtend thuis?")
    c.answer("prep.school.gekend", "Wiskunde gaat moeilijk; goede band met de leerkracht LO | sport.")
    c.answer("prep.sociaal.gekend", "Zit vaak alleen op de speelplaats.")
    c.answer("prep.afwezigheid.codes", {"B": {"sep-okt": 4, "nov-dec": 3}, "Z": {"sep-okt": 2}})
    c.answer("prep.afwezigheid.patroon", "Vooral maandag; in november drie dagen na elkaar.")
    c.answer("prep.contact.verloop", "Mama belt zelf bij ziekte; papa nam nog niet deel aan een gesprek.")
    c.answer("prep.contact.bereikbaar", "Bereikbaar en werken mee")
    c.answer("prep.stappen.gezet", "Telefoon na elke afwezigheid; gesprek met de leerlingbegeleiding.")
    c.answer("prep.focus.topics", ["thuis", "sociaal"])
    c.answer("prep.focus.vragen", ["Zijn er praktische problemen? (transport, financieel ...)", "Wat maakt het raam groter?",
                                   "Bij wie kan de leerling terecht?", "Welke vakken gaan (minder) goed?"])
    c.answer("prep.focus.gevoeligheden", "Papa is pas werkloos: *niet* over geld beginnen.\nMama spreekt liever Frans.")
    c.answer("prep.focus.wie-doet-wat", [
        {"wat": "Afwezigheidscijfers afdrukken", "wie": "Tom Claes", "wanneer": "voor het gesprek", "check": ""},
        {"wat": "Tolk Frans vragen", "wie": "CLB", "wanneer": "maandag", "check": "bevestiging per mail"},
    ])
    c.add("signal", rule="prep.b-codes-5", text="5 of meer B-codes: de school signaleert aan het CLB.",
          trigger="prep.afwezigheid.codes")
    c.add("signal", rule="prep.september-oktober", text="B-codes in september en oktober: volg de eerste B-codes intensiever op.",
          trigger="prep.afwezigheid.codes")
    c.add("close")
    c.add("handover", transcript=PARENT_ID, script="parent_dialogue")
    parent = Conversation(PARENT_ID, "parent_dialogue", created="2025-03-14T10:00:00+01:00",
                          subject="Yasmine El Amrani (3B)", prepared_by=PREP_ID)
    banks = [bank("parent_prep"), bank("parent_dialogue")]
    return c.t, banks, [parent.t]
