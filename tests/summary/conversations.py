"""Three conversations as a facilitator would hold them, built event by event on the real banks.

The engine's view (suggestions, signals, priority hints) is written out by hand, so that these
summaries test the renderer and not the rules of the day.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from assistant.core.bank import Bank, load_bank
from assistant.core.effects import PriorityHint, Signal, Suggestion, View
from assistant.core.followup import carry_over
from assistant.core.transcript import Meta, Participant, Transcript

ROOT = Path(__file__).resolve().parents[2]
STAMP = "2025-03-14T10:00:00+01:00"


def bank(name: str) -> Bank:
    return load_bank(ROOT / "assistant" / "question_banks" / f"{name}.yaml")


class Conversation:
    """A transcript under construction: `add` appends one event at a fixed time."""

    def __init__(self, ident: str, script: str, created: str = STAMP, **meta: Any):
        self.t = Transcript(Meta(id=ident, script=script, created=created, updated=created, **meta))

    def add(self, kind: str, **data: Any) -> Conversation:
        self.t = self.t.with_event(self.t.next_event(kind, at=self.t.meta.created, **data))
        return self

    def answer(self, question: str, value: Any, **data: Any) -> Conversation:
        return self.add("answer", question=question, value=value, **data)


def view(**parts: Any) -> View:
    fields = {"next_question": None, "visible": (), "suggestions": (), "decided": (), "signals": (), "priority_hints": ()}
    return View(**{**fields, **parts})


def school() -> tuple[Transcript, list[Bank], View]:
    """A full school dialogue: counts, the priorities question, an action plan, a follow-up."""
    c = Conversation(
        "5c1d0a01", "school_dialogue", facilitator="Sofie Janssens", subject="Sint-Jozefscollege Brussel",
        participants=(Participant("Marc Peeters", "directie"), Participant("Leen Wouters", "leerlingenbegeleiding"),
                      Participant("Karim Benali", "registratie")),
        status="closed", bank_versions={"school_dialogue": 1},
    )
    c.answer("inzicht.overzicht-afwezigheden", {"B": {"0-4": 212, "5-9": 31, "10-19": 9, "20-29": 3, "30+": 2},
                                                  "D": {"0-4": 40, "5-9": 6}, "Z": {"0-4": 388, "5-9": 57, "10-19": 12}})
    c.answer("inzicht.twijfelachtige-attesten", "Een tiental leerlingen met telkens attesten van dezelfde arts.\n"
             "Vooral op maandag en na vakanties.", speaker="Leen Wouters")
    c.answer("inzicht.aandeel-te-laat", "Ongeveer 8% van de leerlingen komt minstens één keer per week te laat.")
    c.answer("inzicht.conclusies", "Te laat komen en de B-codes van de derde graad opvolgen.")
    c.answer("registratie.wie-registreert", "De leerkracht registreert elk lesuur in Smartschool; het secretariaat controleert om 9 uur.")
    c.answer("registratie.verloop", "Ouders melden via Smartschool of telefonisch vóór 8.30 uur.\n"
             "Het secretariaat belt wie niet verwittigd heeft.")
    c.answer("registratie.spijbelen-binnen-school", "Geen aparte code; de leerkracht noteert het in het leerlingvolgsysteem.")
    c.answer("registratie.te-laat-afzonderlijk", "nee")
    c.answer("beleid.communicatie-ouders", "Via het schoolreglement en het eerste oudercontact.")
    c.answer("beleid.stappenplan", "Er is een stappenplan, maar het wordt niet door iedereen gevolgd.")
    c.answer("beleid.ziekteattest-problematisch", "Bij meer dan drie attesten per trimester van dezelfde arts.")
    c.answer("samenwerking.bespreking-clb", "Op de MDO's, maar afwezigheden komen er pas laat ter sprake.")
    c.answer("opvolging.sterke-punten", "Snelle registratie; goede band met de ouders in de eerste graad.")
    c.answer("opvolging.werkpunten", "Opvolging na 5 B-codes; de rol van de klastitularis.")
    c.answer("opvolging.prioriteiten", "1. Stappenplan bij problematische afwezigheden herwerken\n"
             "2. Te laat komers apart registreren\n- Signaleren aan het CLB vanaf 5 B-codes")
    c.answer("opvolging.planning", [
        {"wat": "Stappenplan herwerken", "wie": "directie en leerlingenbegeleiding", "wanneer": "voor de paasvakantie", "check": "bespreken op het volgende overleg"},
        {"wat": "Te laat komers afzonderlijk registreren", "wie": "secretariaat", "wanneer": "vanaf 1 april", "check": "maandoverzicht"},
    ])
    c.add("flag", question="beleid.stappenplan", flag="priority", rank=1)
    c.add("flag", question="opvolging.sterke-punten", flag="strength")
    c.add("flag", question="samenwerking.bespreking-clb", flag="werkpunt")
    c.add("note", question="inzicht.twijfelachtige-attesten", text="CLB-arts neemt contact op met de huisarts.")
    c.add("note", text="Volgende keer de cijfers per graad meebrengen.")
    c.add("decision", suggestion="school.attesten:beleid.ziekteattest-problematisch", decision="accepted", rule="school.attesten")
    c.add("decision", suggestion="school.te-laat:registratie.te-laat-registratie", decision="parked", rule="school.te-laat")
    c.add("defer", question="reflectie.basishouding")
    c.add("signal", rule="zorg.b-codes-5", text="Vanaf 5 B-codes signaleert de school aan het CLB (signaleren ≠ aanmelden).")
    c.add("clock", seconds=4260)
    attesten = Suggestion("school.attesten:beleid.ziekteattest-problematisch", "school.attesten", "beleid.ziekteattest-problematisch",
                          "Wanneer wordt een ziekteattest als problematisch ervaren?",
                          "Twijfelachtige attesten: eerst vragen aan de ouders, daarna aanmelden bij het CLB (000, bijlage).",
                          "inzicht.twijfelachtige-attesten")
    te_laat = Suggestion("school.te-laat:registratie.te-laat-registratie", "school.te-laat", "registratie.te-laat-registratie",
                         "Hoe worden te laat komers geregistreerd?", "Veel te laat komers (000, verdiepende vragen).",
                         "inzicht.aandeel-te-laat")
    v = view(
        decided=((attesten, "accepted"), (te_laat, "parked")),
        suggestions=(Suggestion("school.clb:samenwerking.optimaal-scenario", "school.clb", "samenwerking.optimaal-scenario",
                                "Hoe ziet het optimale scenario er voor deze school uit?",
                                "Samenwerking met het CLB loopt laat (000, samenwerking school-CLB).", "samenwerking.bespreking-clb"),),
        signals=(Signal("zorg.b-codes-5", "Vanaf 5 B-codes signaleert de school aan het CLB (signaleren ≠ aanmelden).",
                        "Zorgcontinuüm, fase 1: consultatief overleg met het CLB vanaf 5 B-codes (001).",
                        "inzicht.overzicht-afwezigheden"),),
        priority_hints=(PriorityHint("school.b-codes-hoog", "Opvolging van leerlingen met meer dan 10 B-codes",
                                     "14 leerlingen hebben 10 of meer B-codes (001, fase 2).", "inzicht.overzicht-afwezigheden"),),
    )
    return c.t, [bank("school_dialogue")], v


FACTORS = {
    "thuis.raam": {"groter": ["Mama is bereikbaar en wil meewerken"], "kleiner": ["Geen vervoer als de bus niet rijdt", "Zorg voor jongere broer"]},
    "school.raam": {"groter": ["Goede band met de leerkracht LO"], "kleiner": ["Wiskunde gaat moeilijk", "Afwezig op maandag"]},
    "sociaal.raam": {"groter": [], "kleiner": ["Wordt gepest in de bus"]},
    "individu.raam": {"groter": ["Voetbal geeft energie"], "kleiner": ["Klaagt vaak over buikpijn", "Slaapt laat"]},
    "cultuur.raam": {"groter": ["Ouders vinden school belangrijk"], "kleiner": []},
}


def parent() -> tuple[Transcript, list[Bank], View]:
    """A parent dialogue over the five Window-of-Tolerance topics, prepared with the teacher, ending
    with the focus and the actions agreed; one of the engine's priority proposals was taken over."""
    c = Conversation(
        "9e2b7c44", "parent_dialogue", facilitator="Sofie Janssens", subject="Yasmine El Amrani (3B)",
        participants=(Participant("Fatima El Amrani", "moeder"), Participant("Tom Claes", "klastitularis")),
        status="closed", bank_versions={"parent_dialogue": 1}, prepared_by="3f00aa12",
    )
    c.answer("thuis.praktische-problemen", "De bus rijdt niet altijd; geen auto.", speaker="Fatima El Amrani")
    c.answer("thuis.relatie-ouders", "Goed, mama volgt op via Smartschool.")
    c.answer("thuis.raam", FACTORS["thuis.raam"], speaker="Fatima El Amrani")
    c.add("note", question="thuis.raam", text="Oma woont in de buurt en kan soms helpen.")
    c.answer("school.welbevinden", "Voelt zich niet thuis in de klas sinds de verhuis.")
    c.answer("school.afwezige-dagen", "Vooral op maandag.")
    c.answer("school.raam", FACTORS["school.raam"])
    c.answer("sociaal.terecht", "Bij haar nicht in het vijfde jaar.")
    c.answer("sociaal.raam", FACTORS["sociaal.raam"])
    c.answer("individu.stress", "Toetsen wiskunde; de busrit.")
    c.answer("individu.raam", FACTORS["individu.raam"])
    c.answer("cultuur.onderwijs", "School is belangrijk; broers hebben hun diploma.")
    c.answer("cultuur.raam", FACTORS["cultuur.raam"])
    c.answer("afspraken.focus-nu", "Veilig naar school: de busrit\nAansluiting in de klas")
    c.answer("afspraken.focus-later", "Wiskunde bijwerken")
    c.answer("afspraken.acties", [
        {"wat": "Busabonnement bekijken met de sociale dienst", "wie": "CLB", "wanneer": "volgende week", "check": ""},
        {"wat": "Gesprek over pesten in de bus", "wie": "Tom Claes", "wanneer": "vrijdag", "check": "terugkoppeling aan mama"},
        {"wat": "Schooltoelage aanvragen", "wie": "mama, met het CLB", "wanneer": "voor 1 mei", "check": "bevestiging OCMW"},
    ])
    c.add("flag", question="sociaal.raam", flag="priority", rank=1)
    c.add("flag", question="cultuur.onderwijs", flag="strength")
    c.add("decision", suggestion="ouders.praktisch#prioriteit", decision="accepted", rule="ouders.praktisch",
          text="Een praktische drempel (vervoer, geld) wegwerken", question="thuis.praktische-problemen",
          because="Een praktisch probleem maakt het raam kleiner en is vaak snel aan te pakken (002).")
    c.add("clock", seconds=2700)
    pesten = Suggestion("ouders.pesten:sociaal.vrienden", "ouders.pesten", "sociaal.vrienden",
                        "Wie zijn de vrienden op en buiten de school van de leerling?",
                        "Pesten genoemd: kijk breder naar het sociale topic (002, Window of Tolerance).", "sociaal.raam")
    v = view(
        suggestions=(pesten,),
        signals=(Signal("ouders.buikpijn", "Lichamelijke klachten en afwezigheid op vaste dagen: denk aan schoolweigering.",
                        "Schoolweigering: angst voor de schoolpoort (004).", "individu.raam"),),
        priority_hints=(PriorityHint("ouders.alleen-kleiner", "Sociaal: alleen factoren die het raam kleiner maken",
                                     "Een topic met enkel vernauwende factoren verdient focus (002).", "sociaal.raam"),
                        PriorityHint("ouders.praktisch", "Een praktische drempel (vervoer, geld) wegwerken",
                                     "Een praktisch probleem maakt het raam kleiner en is vaak snel aan te pakken (002).",
                                     "thuis.praktische-problemen")),
    )
    return c.t, [bank("parent_dialogue")], v


def prevention() -> tuple[Transcript, list[Bank], Transcript]:
    """The third prevention-plan meeting of a series: each self-scale over the three meetings, and the
    actions of the earlier two with where they stand. Returns it, its banks and the meeting before it."""
    first = Conversation("1a2b3c4d", "prevention_plan", created="2024-10-07T14:00:00+02:00", facilitator="Sofie Janssens",
                         subject="Sint-Jozefscollege Brussel", status="closed", bank_versions={"prevention_plan": 1})
    first.answer("fase0.schaal", 4).answer("fase0.inschrijvingsbeleid", 6).answer("fase0.registratiebeleid", 3)
    first.add("action", action="b1", wat="Pestbeleid bespreken op de personeelsvergadering", wie="directie", wanneer="november")
    first.add("action", action="b2", wat="Meldpunt pesten op de website", wie="ICT-coördinator", wanneer="december")
    first.add("action", action="b3", wat="Infoavond voor ouders over afwezigheden", wie="directie", wanneer="januari")
    first.add("defer", question="fase0.samenwerking")
    second = Conversation("5e6f7a8b", "prevention_plan", created="2025-01-13T14:00:00+01:00", facilitator="Sofie Janssens",
                          subject="Sint-Jozefscollege Brussel", status="closed", bank_versions={"prevention_plan": 1},
                          follows="1a2b3c4d", carried=carry_over(first.t))
    second.add("action_done", action="b1")
    second.add("action_status", action="b2", status="partly", note="de tekst is klaar, nog niet online")
    second.answer("fase0.schaal", 5).answer("fase0.registratiebeleid", 4)
    c = Conversation(
        "7d8e9f00", "prevention_plan", facilitator="Sofie Janssens", subject="Sint-Jozefscollege Brussel",
        participants=(Participant("Marc Peeters", "directie"), Participant("Ines Vermeulen", "zorgcoördinator")),
        status="closed", bank_versions={"prevention_plan": 1}, follows="5e6f7a8b", carried=carry_over(second.t),
    )
    c.add("action_status", action="b2", status="done")
    c.add("action_status", action="b3", status="dropped", note="vervangen door een oudercafé")
    c.answer("fase0.methodieken", "Proactieve cirkels in de eerste graad; nieuwe autoriteit in opleiding.")
    c.answer("fase0.pestbeleid", "Ja, met een meldpunt; actie bij eerste signalen.")
    c.answer("fase0.schaal", 6)
    c.answer("fase0.inzetten", "Groeigesprekken met alle leerlingen\nWarme overdracht bij instroom tijdens het jaar")
    c.answer("fase0.inschrijvingsbeleid", 7)
    c.answer("fase0.registratiebeleid", 5)
    c.answer("fase0.opvolging", 4)
    c.answer("fase0.acties", [
        {"wat": "Groeigesprekken plannen voor het tweede jaar", "wie": "klastitularissen", "wanneer": "mei", "check": "aantal gevoerde gesprekken"},
        {"wat": "Onthaalmap voor instromers", "wie": "zorgcoördinator", "wanneer": "september", "check": ""},
    ])
    c.add("flag", question="fase0.pestbeleid", flag="strength")
    c.add("flag", question="fase0.opvolging", flag="werkpunt")
    c.add("clock", seconds=3300)
    return c.t, [bank("prevention_plan")], second.t
