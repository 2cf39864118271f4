"""Every rule of the shipped scripts (the six of the engine issue and the parent preparation), with one answer set that fires it and one that does not.

"Fires" is checked where the facilitator would see it: the signal, suggestion or priority hint is in
the engine's view, a shown question becomes visible, a skipped one disappears.
"""

from functools import cache

import pytest

from assistant.core import locations
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.engine import evaluate
from assistant.core.transcript import EventKind
from engine_helpers import add, normalised, transcript_with

SHIPPED = ("school_dialogue", "school_phases", "teacher_dialogue", "parent_dialogue", "prevention_plan", "return_to_school",
           "parent_prep")


@cache
def banks():
    return load_bank_folder(locations.banks_dir())


@cache
def scripts():
    return load_script_folder(locations.scripts_dir(), banks())


CODES = "inzicht.overzicht-afwezigheden"


def room(kleiner, groter):
    return {"kleiner": kleiner, "groter": groter}


CASES = [
    # school_dialogue: zorgcontinuüm thresholds on the school's table of pupils per band of codes
    ("school_dialogue", "school.b-codes-5", {CODES: {"B": {"0-4": 40, "5-9": 3}}}, True),
    ("school_dialogue", "school.b-codes-5", {CODES: {"B": {"0-4": 40}, "D": {"5-9": 2}}}, False),
    ("school_dialogue", "school.d-codes-20", {CODES: {"D": {"20-29": 1}}}, True),
    ("school_dialogue", "school.d-codes-20", {CODES: {"D": {"10-19": 9}, "B": {"30+": 1}}}, False),
    ("school_dialogue", "school.laatkomers", {"inzicht.aandeel-te-laat": "Een groot aandeel, vooral in de derde graad"}, True),
    ("school_dialogue", "school.laatkomers", {"inzicht.aandeel-te-laat": "Eerder klein, geen probleem"}, False),
    ("school_dialogue", "school.laatkomers", {CODES: {"L": {"5-9": 50}}}, False),  # no threshold of our own on L-codes
    ("school_dialogue", "school.twijfelachtige-attesten", {"inzicht.twijfelachtige-attesten": "Vrij groot: we twijfelen vaak aan attesten van dezelfde arts"}, True),
    ("school_dialogue", "school.twijfelachtige-attesten", {"inzicht.twijfelachtige-attesten": "Geen probleem, dat komt zelden voor"}, False),
    ("school_dialogue", "school.geen-stappenplan", {"beleid.stappenplan": "Nee, er is geen vast stramien"}, True),
    ("school_dialogue", "school.geen-stappenplan", {"beleid.stappenplan": "Ja, een stappenplan in het schoolreglement"}, False),
    ("school_dialogue", "school.samenwerking-clb-laag", {"samenwerking.bespreking-clb": "Eerder ad hoc, weinig overleg"}, True),
    ("school_dialogue", "school.samenwerking-clb-laag", {"samenwerking.bespreking-clb": "Tweewekelijks op het zorgoverleg met het CLB"}, False),
    ("school_dialogue", "school.elke-b-code", {"beleid.stappenplan": "Pas vanaf 5 B-codes bellen we"}, True),
    ("school_dialogue", "school.elke-b-code", {"beleid.stappenplan": "Bij de eerste B-code belt het secretariaat"}, False),
    ("school_dialogue", "school.sancties", {"beleid.stappenplan": "Na drie keer spijbelen volgt strafstudie"}, True),
    ("school_dialogue", "school.sancties", {"beleid.stappenplan": "We straffen niet, we gaan in gesprek"}, False),
    ("school_dialogue", "school.ouders-onbereikbaar", {"registratie.verloop": "Sommige ouders zijn onbereikbaar"}, True),
    ("school_dialogue", "school.ouders-onbereikbaar", {"registratie.verloop": "De ouders bellen zelf voor half negen"}, False),
    ("school_dialogue", "school.september-oktober", {"inzicht.evolutie": "Vooral in september zien we veel B-codes"}, True),
    ("school_dialogue", "school.september-oktober", {"inzicht.evolutie": "Stabiel, het hele jaar door"}, False),
    ("school_dialogue", "school.snelle-opstapeling", {"inzicht.conclusies": "Soms stapelen de afwezigheden zich op korte tijd op"}, True),
    ("school_dialogue", "school.snelle-opstapeling", {"inzicht.conclusies": "We willen sneller bellen"}, False),
    ("school_dialogue", "school.aanmelden", {"inzicht.oorzaken": "Een leerling komt niet meer naar school"}, True),
    ("school_dialogue", "school.aanmelden", {"inzicht.oorzaken": "Vooral demotivatie"}, False),
    # teacher_dialogue: the ja- and nee-branches of the mini bevraging
    ("teacher_dialogue", "leerkracht.ja-kant", {"leerkracht.schakel": "ja"}, True),
    ("teacher_dialogue", "leerkracht.ja-kant", {"leerkracht.schakel": "nee"}, False),
    ("teacher_dialogue", "leerkracht.nee-kant", {"leerkracht.schakel": "nee"}, True),
    ("teacher_dialogue", "leerkracht.nee-kant", {"leerkracht.schakel": "ja"}, False),
    # parent_dialogue: Window of Tolerance
    ("parent_dialogue", "ouders.schoolweigering", {"individu.stress": "'s Ochtends buikpjin en paniek"}, True),
    ("parent_dialogue", "ouders.schoolweigering", {"thuis.raam": room(["Ze is bang om naar school te gaan"], [])}, True),
    ("parent_dialogue", "ouders.schoolweigering", {"individu.stress": "Toetsen, maar dat lukt wel"}, False),
    ("parent_dialogue", "ouders.schoolweigering", {"individu.stress": "Goed hoor, hij is niet bang en heeft nooit buikpijn"}, False),
    ("parent_dialogue", "ouders.vaste-dagen", {"school.afwezige-dagen": "Vooral op maandagen"}, True),
    ("parent_dialogue", "ouders.vaste-dagen", {"school.afwezige-dagen": "Ja, op vaste dagen"}, True),
    ("parent_dialogue", "ouders.vaste-dagen", {"school.afwezige-dagen": "Nee, niet op maandag of vrijdag"}, False),
    ("parent_dialogue", "ouders.vaste-dagen", {"school.afwezige-dagen": "Nee, geen vaste dagen"}, False),
    ("parent_dialogue", "ouders.vaste-dagen", {"school.afwezige-dagen": "Dat verschilt van week tot week"}, False),
    ("parent_dialogue", "ouders.pesten", {"school.welbevinden": "Hij wordt gepest in de klas"}, True),
    ("parent_dialogue", "ouders.pesten", {"school.welbevinden": "Hij voelt zich best goed"}, False),
    ("parent_dialogue", "ouders.praktisch-elders", {"school.afwezige-dagen": "Als de bus te laat is of het geld op is"}, True),
    ("parent_dialogue", "ouders.praktisch-elders", {"school.welbevinden": "Ze is bang op de bus"}, False),
    ("parent_dialogue", "ouders.praktisch-elders", {"school.welbevinden": "Goed, een geldig attest"}, False),
    ("parent_dialogue", "ouders.praktisch", {"thuis.praktische-problemen": "Het busabonnement is te duur"}, True),
    ("parent_dialogue", "ouders.praktisch", {"thuis.praktische-problemen": "De bus rijdt niet meer tot in ons dorp"}, True),
    ("parent_dialogue", "ouders.praktisch", {"thuis.praktische-problemen": "Nee, geen praktische problemen"}, False),
    ("parent_dialogue", "ouders.leefgewoonten", {"individu.vrije-tijd": "Hij gamet tot drie uur 's nachts en komt niet uit zijn bed"}, True),
    ("parent_dialogue", "ouders.leefgewoonten", {"individu.vrije-tijd": "Voetbal en muziek"}, False),
    ("parent_dialogue", "ouders.zorgtaken", {"thuis.gevoeligheden": "Ze blijft thuis om op haar kleine broertjes te passen, ze moet zorgen voor de kleintjes"}, True),
    ("parent_dialogue", "ouders.zorgtaken", {"thuis.gevoeligheden": "Nee"}, False),
    ("parent_dialogue", "ouders.gezin", {"thuis.gevoeligheden": "Oma woont bij ons en is ziek"}, True),
    ("parent_dialogue", "ouders.gezin", {"thuis.gevoeligheden": "Hij is vaak ziek"}, False),
    ("parent_dialogue", "ouders.geloof", {"cultuur.thuis-blijven": "Met het Suikerfeest blijven ze thuis"}, True),
    ("parent_dialogue", "ouders.geloof", {"cultuur.thuis-blijven": "Als je ziek bent blijf je thuis"}, False),
    ("parent_dialogue", "ouders.medisch", {"school.welbevinden": "Ze heeft astma"}, True),
    ("parent_dialogue", "ouders.medisch", {"school.welbevinden": "Ze is kerngezond"}, False),
    ("parent_dialogue", "ouders.september-oktober", {"school.welbevinden": "Sinds september gaat het slecht"}, True),
    ("parent_dialogue", "ouders.september-oktober", {"school.welbevinden": "Het gaat slecht"}, False),
    ("parent_dialogue", "ouders.snelle-opstapeling", {"school.welbevinden": "De laatste weken steeds vaker thuis"}, True),
    ("parent_dialogue", "ouders.snelle-opstapeling", {"school.welbevinden": "Al jaren moeilijk"}, False),
    ("parent_dialogue", "ouders.korte-afwezigheden", {"school.afwezige-dagen": "Telkens losse dagen"}, True),
    ("parent_dialogue", "ouders.korte-afwezigheden", {"school.afwezige-dagen": "Drie dagen na elkaar"}, False),
    *[
        case
        for topic in ("thuis", "school", "sociaal", "individu", "cultuur")
        for case in (
            ("parent_dialogue", f"ouders.smal-raam-{topic}", {f"{topic}.raam": room(["ruzie", "stress"], [])}, True),
            ("parent_dialogue", f"ouders.smal-raam-{topic}", {f"{topic}.raam": room(["ruzie"], ["sport"])}, False),
        )
    ],
    # prevention_plan: where to invest, for every score that can still go up (the plan asks it whatever the score)
    *[
        case
        for goal in ("inschrijvingsbeleid", "registratiebeleid", "opvolging", "samenwerking")
        for case in (
            ("prevention_plan", f"preventie.inzetten-{goal}", {f"fase0.{goal}": 8}, True),
            ("prevention_plan", f"preventie.inzetten-{goal}", {f"fase0.{goal}": 10}, False),
        )
    ],
    # school_phases
    ("school_phases", "fases.focus-niet-afgebakend", {"fiche.focus.afgebakend": "nee"}, True),
    ("school_phases", "fases.focus-niet-afgebakend", {"fiche.focus.afgebakend": "ja"}, False),
    ("school_phases", "fases.niet-uitvoerbaar", {"fiche.uitvoering.uitvoerbaar": "nee"}, True),
    ("school_phases", "fases.niet-uitvoerbaar", {"fiche.uitvoering.uitvoerbaar": "ja"}, False),
    ("school_phases", "fases.sancties", {"fiche.breed.ondersteunend-of-sanctionerend": "Sanctionerend: strafstudie"}, True),
    ("school_phases", "fases.sancties", {"fiche.breed.ondersteunend-of-sanctionerend": "Ondersteunend, we straffen niet"}, False),
    # return_to_school: zorgcontinuüm thresholds on the pupil's own record
    ("return_to_school", "terugkeer.b-codes-5", {"afwezig.b-codes": 5}, True),
    ("return_to_school", "terugkeer.b-codes-5", {"afwezig.b-codes": 4}, False),
    ("return_to_school", "terugkeer.elke-b-code", {"afwezig.b-codes": 1}, True),
    ("return_to_school", "terugkeer.elke-b-code", {"afwezig.b-codes": 5}, False),
    ("return_to_school", "terugkeer.m-document", {"afwezig.pistes": ["Gemandateerde voorziening OCJ – VK (M-document)"]}, True),
    ("return_to_school", "terugkeer.m-document", {"afwezig.pistes": ["Opstart eigen begeleiding CLB"]}, False),
    ("return_to_school", "terugkeer.agodi", {"afwezig.pistes": ["Melding zorgwekkend dossier AGODI"]}, True),
    ("return_to_school", "terugkeer.agodi", {"afwezig.pistes": ["Leerwegtrajecten"]}, False),
    ("return_to_school", "terugkeer.snelle-opstapeling", {"afwezig.aanmelding": ["afwezigheden zich in korte tijd snel opstapelen"]}, True),
    ("return_to_school", "terugkeer.snelle-opstapeling", {"afwezig.aanmelding": ["de leerling niet meer naar school komt of elke vorm van begeleiding weigert"]}, False),
    ("return_to_school", "terugkeer.geen-ontslagafspraak", {"terugkeer.ontslagdatum-afspraken": "nee"}, True),
    ("return_to_school", "terugkeer.geen-ontslagafspraak", {"terugkeer.ontslagdatum-afspraken": "ja"}, False),
    ("return_to_school", "terugkeer.geen-toestemming", {"terugkeer.klas-toestemming": "nee"}, True),
    ("return_to_school", "terugkeer.geen-toestemming", {"terugkeer.klas-toestemming": "ja"}, False),
    # parent_prep: the zorgcontinuüm thresholds on the pupil's absence picture
    ("parent_prep", "prep.b-codes-5", {"prep.afwezigheid.b-codes": 6}, True),
    ("parent_prep", "prep.b-codes-5", {"prep.afwezigheid.codes": {"B": {"sep-okt": 2, "nov-dec": 3}}}, True),
    ("parent_prep", "prep.b-codes-5", {"prep.afwezigheid.b-codes": 4, "prep.afwezigheid.codes": {"B": {"nov-dec": 4}}}, False),
    ("parent_prep", "prep.elke-b-code", {"prep.afwezigheid.b-codes": 4}, True),
    ("parent_prep", "prep.elke-b-code", {"prep.afwezigheid.b-codes": 0}, False),
    ("parent_prep", "prep.d-en-b-codes", {"prep.afwezigheid.b-codes": 2, "prep.afwezigheid.d-codes": 3}, True),
    ("parent_prep", "prep.d-en-b-codes", {"prep.afwezigheid.b-codes": 0, "prep.afwezigheid.d-codes": 3}, False),
    ("parent_prep", "prep.korte-afwezigheden", {"prep.afwezigheid.patroon": "Telkens losse dagen"}, True),
    ("parent_prep", "prep.korte-afwezigheden", {"prep.afwezigheid.patroon": "Twee weken ziek in januari"}, False),
    ("parent_prep", "prep.aanmelden", {"prep.stappen.gezet": "Gesprekken, maar de afwezigheden blijven toenemen"}, True),
    ("parent_prep", "prep.aanmelden", {"prep.stappen.gezet": "Een gesprek dat goed liep"}, False),
    ("parent_prep", "prep.sancties", {"prep.stappen.gezet": "Strafstudie"}, True),
    ("parent_prep", "prep.sancties", {"prep.stappen.gezet": "Een buddy in de klas"}, False),
    ("parent_prep", "prep.d-codes-20", {"prep.afwezigheid.d-codes": 20}, True),
    ("parent_prep", "prep.d-codes-20", {"prep.afwezigheid.codes": {"D": {"sep-okt": 12, "jan-feb": 8}}}, True),
    ("parent_prep", "prep.d-codes-20", {"prep.afwezigheid.d-codes": 19}, False),
    ("parent_prep", "prep.september-oktober", {"prep.afwezigheid.sept-okt": "ja"}, True),
    ("parent_prep", "prep.september-oktober", {"prep.afwezigheid.codes": {"B": {"sep-okt": 1}}}, True),
    ("parent_prep", "prep.september-oktober", {"prep.afwezigheid.sept-okt": "nee", "prep.afwezigheid.codes": {"B": {"nov-dec": 6}}}, False),
    ("parent_prep", "prep.snelle-opstapeling", {"prep.afwezigheid.snelle-toename": "ja"}, True),
    ("parent_prep", "prep.snelle-opstapeling", {"prep.afwezigheid.snelle-toename": "nee"}, False),
    ("parent_prep", "prep.ouders-niet-bereikbaar", {"prep.contact.bereikbaar": "Niet bereikbaar (mits zekerheid over de contactgegevens)"}, True),
    ("parent_prep", "prep.ouders-niet-bereikbaar", {"prep.contact.bereikbaar": "Werken niet mee"}, True),
    ("parent_prep", "prep.ouders-niet-bereikbaar", {"prep.contact.bereikbaar": "Bereikbaar en werken mee"}, False),
    ("parent_prep", "prep.gekende-problematiek", {"prep.contact.gekende-problemen": "ja"}, True),
    ("parent_prep", "prep.gekende-problematiek", {"prep.contact.gekende-problemen": "nee"}, False),
]


def effects_seen(script_id, rule_id, answers):
    """Whether the facilitator sees the rule's effects, and whether its condition holds."""
    script = scripts()[script_id]
    rule = script.rule(rule_id)
    v = evaluate(script, banks(), transcript_with(banks(), answers, script_id))
    seen = []
    if rule.signal:
        seen.append(rule_id in {s.rule_id for s in v.signals})
    if rule.priority_hint:
        seen.append(rule_id in {h.rule_id for h in v.priority_hints})
    if rule.suggest:
        seen.append(rule_id in {s.rule_id for s in v.suggestions})
    if rule.show:
        seen.append(all(q in v.visible for q in rule.show))
    if rule.skip:
        seen.append(not any(q in v.visible for q in rule.skip))
    return seen, rule.when.evaluate(normalised(banks(), answers))


@pytest.mark.parametrize("script_id, rule_id, answers, fires", CASES, ids=lambda v: v if isinstance(v, str) else None)
def test_shipped_rule(script_id, rule_id, answers, fires):
    seen, holds = effects_seen(script_id, rule_id, answers)
    assert (holds is True) == fires
    assert seen and all(s == fires for s in seen), seen


def test_every_shipped_rule_has_a_firing_and_a_quiet_case():
    covered = {(s, r, f) for s, r, _, f in CASES}
    for script_id in SHIPPED:
        for rule in scripts()[script_id].rules:
            assert (script_id, rule.id, True) in covered, f"{script_id}: {rule.id} has no firing case"
            assert (script_id, rule.id, False) in covered, f"{script_id}: {rule.id} has no quiet case"


def test_all_scripts_ship_and_their_rules_cite_a_source_or_say_they_are_our_own():
    # The quotes themselves are checked against the documents in tests/content/test_rule_sources.py.
    assert set(SHIPPED) <= set(scripts())
    for script_id in SHIPPED:
        for rule in scripts()[script_id].rules:
            if rule.suggest or rule.signal or rule.priority_hint:
                assert ("Bron:" in rule.because) != rule.own, f"{script_id}: {rule.id}"


def test_a_parent_follow_up_from_another_bank_is_asked_next_and_shown():
    script = scripts()["parent_dialogue"]
    transcript = transcript_with(banks(), {"thuis.praktische-problemen": "Nee", "thuis.relatie-ouders": "Ze wil niet naar school, heeft angst"}, "parent_dialogue")
    v = evaluate(script, banks(), transcript)
    assert [s.question_id for s in v.suggestions if s.rule_id == "ouders.schoolweigering"] == [
        "weigering.duur", "weigering.spilfiguur", "weigering.ondernomen", "weigering.verwachtingen"
    ]
    transcript = add(transcript, EventKind.DECISION, suggestion="ouders.schoolweigering:weigering.spilfiguur", decision="accepted")
    v = evaluate(script, banks(), transcript)
    assert v.next_question == "weigering.spilfiguur"
    assert v.visible[-1] == "weigering.spilfiguur"


def test_the_teacher_sees_only_the_branch_of_their_answer():
    script = scripts()["teacher_dialogue"]
    v = evaluate(script, banks(), transcript_with(banks(), {}, "teacher_dialogue"))
    assert v.visible == ("leerkracht.schakel",)
    v = evaluate(script, banks(), transcript_with(banks(), {"leerkracht.schakel": "nee"}, "teacher_dialogue"))
    assert v.next_question == "leerkracht.nee.waarom"
    assert "leerkracht.nee.wat-zou-kunnen" in v.visible and "leerkracht.ja.waarom" not in v.visible
