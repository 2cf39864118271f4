"""Every interface string of the app, Dutch (the default) and English, side by side.

Keys are dotted by screen or widget. Values are `str.format` templates whose fields are filled with
plain values by `Strings.__call__`; the templates are ours, never built from user data.
A test checks that both languages have the same fields in every string.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from assistant.core.safetext import visible

if TYPE_CHECKING:
    from assistant.core.answers import AnswerError

LANGUAGES = ("nl", "en")

_TABLE: dict[str, tuple[str, str]] = {
    # -- app-wide ---------------------------------------------------------------------------------
    "app.title": ("Dialoog", "Dialoog"),
    "app.quit": ("Stoppen", "Quit"),
    "app.quit.help": ("Bewaar en sluit de app af", "Save and close the app"),
    "app.palette": ("Palet", "Palette"),
    "app.keys": ("Toetsen", "Keys"),
    "app.keys.help": ("Toon alle toetsen van dit scherm", "Show every key of this screen"),
    "app.theme": ("Kleuren", "Theme"),
    "app.theme.help": ("Kies een ander kleurenschema", "Pick another colour theme"),
    "app.saving_failed": ("Niet bewaard: {reason}", "Not saved: {reason}"),
    "app.locked": ("Dit gesprek is al open: {reason}", "This conversation is already open: {reason}"),
    "app.not_found": ("Niet gevonden: {ref}", "Not found: {ref}"),
    "app.load_failed": ("Kan niet laden: {reason}", "Cannot load: {reason}"),
    "app.unknown_script": ("Onbekend script '{script}' (bekend: {known})", "Unknown script '{script}' (known: {known})"),
    "app.back": ("Terug", "Back"),
    "app.close": ("Sluiten", "Close"),
    "app.cancel": ("Annuleren", "Cancel"),
    "app.ok": ("OK", "OK"),
    "app.working": ("Bezig…", "Working…"),
    # -- confirm quit -------------------------------------------------------------------------------
    "quit.title": ("Stoppen?", "Quit?"),
    "quit.unsaved": (
        "Er staat nog niet-verstuurde tekst in het antwoordvak. Ze blijft bewaard en komt terug als je dit gesprek hervat.",
        "There is unsent text in the answer box. It is kept, and comes back when you resume this conversation.",
    ),
    "quit.unsaved_events": (
        "{count} wijziging(en) konden niet bewaard worden. Stop je toch?",
        "{count} change(s) could not be saved. Quit anyway?",
    ),
    "quit.yes": ("Toch stoppen", "Quit anyway"),
    "quit.no": ("Verder typen", "Keep typing"),
    "confirm.yes": ("Ja", "Yes"),
    "confirm.no": ("Nee", "No"),
    # -- start screen -------------------------------------------------------------------------------
    "start.title": ("Dialoog: gesprekken over schoolaanwezigheid", "Dialoog: conversations about school attendance"),
    "start.scripts": ("Nieuw gesprek", "New conversation"),
    "start.open": ("Open gesprekken", "Open conversations"),
    "start.none_open": ("Geen open gesprekken.", "No open conversations."),
    "start.no_scripts": ("Geen scripts gevonden.", "No scripts found."),
    "start.new": ("Nieuw", "New"),
    "start.new.help": ("Start een nieuw gesprek met het gekozen script", "Start a new conversation with the chosen script"),
    "start.resume": ("Hervat", "Resume"),
    "start.resume.help": ("Ga verder met het gekozen open gesprek", "Continue the chosen open conversation"),
    "start.review": ("Overzicht", "Review"),
    "start.review.help": ("Bekijk, zoek en exporteer gesprekken", "Browse, search and export conversations"),
    "start.switch": ("Wissel lijst", "Switch list"),
    "start.open_row": ("{date} · {script} · {subject} · {answers} antw.", "{date} · {script} · {subject} · {answers} ans."),
    "start.handover": ("Oudergesprek uit voorbereiding", "Parent conversation from preparation"),
    "start.handover.help": (
        "Start het oudergesprek vanuit de gekozen voorbereiding",
        "Start the parent conversation from the chosen preparation",
    ),
    # -- metadata form ------------------------------------------------------------------------------
    "meta.title": ("Nieuw gesprek: {script}", "New conversation: {script}"),
    "meta.facilitator": ("Gespreksleider", "Facilitator"),
    "meta.subject": ("School of leerling", "School or pupil"),
    "meta.participants": ("Deelnemers (naam (rol), …)", "Participants (name (role), …)"),
    "meta.participants.placeholder": ("An (leerkracht), Bert (directie)", "An (teacher), Bert (principal)"),
    "meta.tags": ("Labels (komma's ertussen)", "Tags (comma-separated)"),
    "meta.follows": ("Vervolg op", "Follows"),
    "meta.follows.none": ("geen: een eerste gesprek", "none: a first conversation"),
    "meta.title_handover": ("Oudergesprek uit de voorbereiding van {date}", "Parent conversation from the preparation of {date}"),
    "meta.participants.parents": ("de ouders, bv. Fatima (moeder), Karim (vader)", "the parents, e.g. Fatima (mother), Karim (father)"),
    "meta.start": ("Start", "Start"),
    "meta.bad_participant": (
        "Deelnemer '{text}': schrijf naam (rol), bv. An (leerkracht)",
        "Participant '{text}': write name (role), e.g. An (teacher)",
    ),
    # -- conversation -------------------------------------------------------------------------------
    "conv.send": ("Verstuur", "Send"),
    "conv.send.help": ("Bewaar het antwoord en ga verder", "Save the answer and move on"),
    "conv.help": ("Hulp", "Help"),
    "conv.help.help": ("Toon de hulptekst bij de vraag", "Show the question's help text"),
    "conv.back": ("Terug", "Back"),
    "conv.back.help": ("Ga terug naar de vorige vraag", "Go back to the previous question"),
    "conv.skip": ("Overslaan", "Skip"),
    "conv.skip.help": ("Sla de vraag over in dit gesprek", "Pass over the question in this meeting"),
    "conv.park": ("Parkeer", "Park"),
    "conv.park.help": ("Parkeer de vraag voor het volgende gesprek", "Park the question for the next meeting"),
    "conv.note": ("Notitie", "Note"),
    "conv.note.help": ("Schrijf een notitie bij de vraag", "Write a note on the question"),
    "conv.priority": ("Prioriteit", "Priority"),
    "conv.priority.help": ("Markeer het laatste antwoord als prioriteit", "Mark the last answer as a priority"),
    "conv.strength": ("Sterkte", "Strength"),
    "conv.strength.help": ("Markeer het laatste antwoord als sterkte", "Mark the last answer as a strength"),
    "conv.werkpunt": ("Werkpunt", "Work point"),
    "conv.werkpunt.help": ("Markeer het laatste antwoord als werkpunt", "Mark the last answer as a work point"),
    "conv.speaker": ("Spreker", "Speaker"),
    "conv.speaker.help": ("Wie spreekt er? (staat bij de volgende antwoorden)", "Who is speaking? (shown with the next answers)"),
    "conv.basis": ("Basis", "Basis"),
    "conv.basis.help": ("Alleen basisvragen (als de tijd kort wordt), of weer alles", "Only basis questions (when time runs short), or all again"),
    "conv.suggestions": ("Vervolg", "Follow-up"),
    "conv.suggestions.help": ("Ga naar de voorgestelde vervolgvragen", "Go to the suggested follow-up questions"),
    "conv.answers": ("Antwoorden", "Answers"),
    "conv.answers.help": ("Kies een eerder antwoord om te bewerken of te markeren", "Pick an earlier answer to edit or flag"),
    "conv.finish": ("Afronden", "Finish"),
    "conv.finish.help": ("Rond het gesprek af en toon de samenvatting", "Finish the conversation and show the summary"),
    "conv.panel": ("Paneel", "Panel"),
    "conv.panel.help": ("Toon of verberg het zijpaneel", "Show or hide the side panel"),
    "conv.details": ("Gegevens", "Details"),
    "conv.details.help": ("Gespreksleider, deelnemers, school of leerling", "Facilitator, participants, school or pupil"),
    "conv.sections": ("Onderdelen", "Sections"),
    "conv.sections.help": ("Spring naar een onderdeel", "Jump to a section"),
    "conv.previous": ("Vorige keer", "Last time"),
    "conv.previous.help": ("Overloop de acties en vragen van het vorige gesprek",
                           "Review the actions and questions of the previous meeting"),
    "carried.title": ("Vorige keer ({date}): wat is er van geworden?", "Last time ({date}): where do things stand?"),
    "carried.actions": ("Acties", "Actions"),
    "carried.questions": ("Vragen van vorige keer", "Questions from last time"),
    "carried.action.done": ("afgerond", "done"),
    "carried.action.partly": ("deels afgerond", "partly done"),
    "carried.action.dropped": ("geschrapt", "dropped"),
    "carried.action.open": ("nog open", "still open"),
    "carried.question.accepted": ("nu bespreken", "discuss now"),
    "carried.question.parked": ("volgende keer", "next time"),
    "carried.question.dismissed": ("niet meer", "no longer"),
    "carried.before": ("eerder: {status}{note}", "earlier: {status}{note}"),
    "carried.keys.action": ("a afgerond · d deels (notitie) · x geschrapt · o nog open · esc klaar",
                            "a done · d partly (with a note) · x dropped · o still open · esc done"),
    "carried.keys.question": ("enter nu bespreken · p volgende keer · x niet meer · esc klaar",
                              "enter discuss now · p next time · x no longer · esc done"),
    "carried.keys.none": ("esc klaar", "esc done"),
    "carried.note": ("Deels afgerond: {action}", "Partly done: {action}"),
    "carried.note.placeholder": ("wat is gedaan, wat nog niet?", "what is done, what is not?"),
    "carried.left": ("Vorige keer: nog {what} te overlopen (ctrl+e)", "Last time: {what} still to review (ctrl+e)"),
    "carried.typing": ("Wat je typt hoort bij het antwoord; pijltje omhoog of omlaag: terug naar de lijst; esc: verder",
                       "What you type belongs to the answer; arrow up or down: back to the list; esc: go on"),
    "carried.all_done": ("Vorige keer: alles overlopen", "Last time: everything reviewed"),
    "carried.nothing": ("Dit gesprek bracht niets mee van een vorig gesprek.", "This meeting brought nothing from a previous one."),
    "conv.summary_now": ("Samenvatting", "Summary"),
    "conv.summary_now.help": ("Toon de samenvatting tot nu toe", "Show the summary so far"),
    "conv.basis_on": ("Alleen basisvragen: aan", "Basis questions only: on"),
    "conv.basis_off": ("Alleen basisvragen: uit", "Basis questions only: off"),
    "conv.badge.basis": ("basis", "basis"),
    "conv.badge.verdiepend": ("verdiepend", "deepening"),
    "conv.badge.basis_only": ("BASIS", "BASIS"),
    "conv.help_hint": ("F1 hulp", "F1 help"),
    "conv.no_help": ("Geen hulptekst bij deze vraag.", "This question has no help text."),
    "conv.probes": ("Doorvragen: ", "Probe: "),
    "conv.you": ("Antwoord", "Answer"),
    "conv.edited": ("bewerkt", "edited"),
    "conv.flag.priority": ("prioriteit", "priority"),
    "conv.flag.priority_rank": ("prioriteit {rank}", "priority {rank}"),
    "conv.flag.strength": ("sterkte", "strength"),
    "conv.flag.werkpunt": ("werkpunt", "work point"),
    "conv.flag_set": ("{flag}: {question}", "{flag}: {question}"),
    "conv.flag_cleared": ("Markering weg: {flag}", "Flag removed: {flag}"),
    "conv.suggestion": ("Vervolgvraag", "Follow-up question"),
    "conv.own": ("{label} (eigen suggestie)", "{label} (our own suggestion)"),
    "conv.because": ("Waarom: ", "Why: "),
    "conv.suggestion.keys": (
        "ctrl+f, dan: enter volgen · p parkeren · x negeren · r bron",
        "ctrl+f, then: enter follow · p park · x dismiss · r source",
    ),
    "conv.suggestion.focused_keys": (
        "↑↓ kies · enter volgen · p parkeren · x negeren · r bron · esc terug",
        "↑↓ pick · enter follow · p park · x dismiss · r source · esc back",
    ),
    "conv.proposal": ("Voorstel voor de prioriteiten", "Proposed priority"),
    "conv.proposal.keys": ("ctrl+f, dan: enter overnemen als prioriteit · x niet overnemen",
                           "ctrl+f, then: enter take it as a priority · x do not take it"),
    "conv.proposal.accepted": ("overgenomen", "taken over"),
    "conv.proposal.dismissed": ("niet overgenomen", "not taken over"),
    "conv.proposal.no_park": ("Een voorstel voor de prioriteiten neem je over (enter) of niet (x).",
                              "A proposed priority is taken over (enter) or not (x)."),
    "conv.proposal.taken": ("Prioriteit: {text}", "Priority: {text}"),
    "conv.carried.parked": ("Vorige keer geparkeerd", "Parked last time"),
    "conv.carried.suggested": ("Vorige keer voorgesteld", "Suggested last time"),
    "conv.follows": ("Vervolg op het gesprek van {date}", "Follows the meeting of {date}"),
    "conv.follows.left": ("Nog te overlopen van vorige keer: {what} · ctrl+e", "Still to review from last time: {what} · ctrl+e"),
    "conv.follows.done": ("Alles van vorige keer is overlopen · ctrl+e", "Everything from last time is reviewed · ctrl+e"),
    "count.action.one": ("1 actie", "1 action"),
    "count.action.many": ("{count} acties", "{count} actions"),
    "count.question.one": ("1 vraag", "1 question"),
    "count.question.many": ("{count} vragen", "{count} questions"),
    "count.and": ("{first} en {second}", "{first} and {second}"),
    "conv.action": ("Actie van vorige keer", "Action from last time"),
    "conv.action_status.done": ("afgerond", "done"),
    "conv.action_status.partly": ("deels afgerond", "partly done"),
    "conv.action_status.dropped": ("geschrapt", "dropped"),
    "conv.action_status.open": ("nog open", "still open"),
    "conv.decision.accepted": ("gevolgd", "followed"),
    "conv.decision.parked": ("geparkeerd", "parked"),
    "conv.decision.dismissed": ("genegeerd", "dismissed"),
    "conv.signal": ("Knipperlicht", "Warning sign"),
    "conv.rule": ("regel {rule}", "rule {rule}"),
    "conv.note_entry": ("Notitie", "Note"),
    "conv.skipped": ("Overgeslagen: {question}", "Skipped: {question}"),
    "conv.parked": ("Geparkeerd voor het volgende gesprek: {question}", "Parked for the next meeting: {question}"),
    "conv.selected": ("Nu bespreken: {question}", "Discuss now: {question}"),
    "conv.mode_on": ("Alleen nog basisvragen.", "Basis questions only from here."),
    "conv.mode_on_parked": (
        "Alleen nog basisvragen. Gekozen, en nu geparkeerd voor het volgende gesprek: {question}",
        "Basis questions only from here. Chosen, and now parked for the next meeting: {question}",
    ),
    "conv.mode_off": ("Weer alle vragen.", "All questions again."),
    "conv.done": (
        "Alle vragen zijn overlopen. Druk F7 om af te ronden, of kies een onderdeel of een vraag (ctrl+p).",
        "Every question has been covered. Press F7 to finish, or pick a section or a question (ctrl+p).",
    ),
    "conv.no_question": ("Geen vraag open.", "No question waiting."),
    "conv.hint.enter": ("Enter verstuurt · / voor commando's", "Enter sends · / for commands"),
    "conv.hint.ctrl_s": ("ctrl+s verstuurt · Enter is een nieuwe regel · / voor commando's", "ctrl+s sends · Enter is a new line · / for commands"),
    "conv.hint.table": ("Tab of pijltjes: volgend vak · Enter of ctrl+s verstuurt", "Tab or arrows: next cell · Enter or ctrl+s sends"),
    # one line at 80 columns (the composer's status has 76)
    "conv.hint.actions": ("Tab: volgend vak (na Check: nieuwe rij) · ↑↓: andere rij · ctrl+s verstuurt",
                          "Tab: next cell (after Check: a new row) · ↑↓: other row · ctrl+s sends"),
    "conv.hint.factors": ("Eén factor per regel · Tab: de andere lijst · ctrl+s verstuurt",
                          "One factor per line · Tab: the other list · ctrl+s sends"),
    "conv.hint.choice": ("Pijltjes of cijfer kiezen · Enter verstuurt", "Arrows or a digit to choose · Enter sends"),
    "conv.hint.multi": ("Spatie kiest · Enter verstuurt", "Space picks · Enter sends"),
    "conv.hint.scale": ("Pijltjes of cijfer (0-10) · Enter verstuurt", "Arrows or a digit (0-10) · Enter sends"),
    "conv.hint.yes_no": ("j of n · Enter verstuurt", "y or n · Enter sends"),
    "conv.speaker_now": ("spreker: {name}", "speaker: {name}"),
    "conv.speaker_none": ("geen spreker", "no speaker"),
    "conv.clock": ("tijd: {minutes} min", "time: {minutes} min"),
    "conv.unsaved": (
        "{reason} Je antwoord blijft staan: probeer opnieuw met ctrl+s.",
        "{reason} Your answer stays in the box: try again with ctrl+s.",
    ),
    "conv.draft_restored": ("Je niet-verstuurde tekst is teruggezet.", "Your unsent text was restored."),
    "conv.draft_kept": ("Niet-verstuurde tekst bij '{question}': {text}", "Unsent text for '{question}': {text}"),
    "conv.progress": ("Voortgang", "Progress"),
    "conv.pending": ("Vervolgvragen", "Follow-up questions"),
    "conv.signals": ("Knipperlichten", "Warning signs"),
    "conv.none": ("geen", "none"),
    "conv.section_row": ("{title} {done}/{total}", "{title} {done}/{total}"),
    "conv.jumped": ("Naar: {title}", "To: {title}"),
    "conv.nothing_to_flag": ("Nog geen antwoord om te markeren.", "No answer to flag yet."),
    "conv.nothing_before": ("Er is geen vorige vraag.", "There is no previous question."),
    "conv.no_suggestions": ("Geen vervolgvragen open.", "No follow-up questions waiting."),
    "conv.no_answers": ("Nog geen antwoorden.", "No answers yet."),
    "conv.log_keys": (
        "↑↓ kies · enter bewerk · p prioriteit · s sterkte · w werkpunt · esc terug",
        "↑↓ pick · enter edit · p priority · s strength · w work point · esc back",
    ),
    "conv.adhoc": ("(eigen vraag)", "(own question)"),
    "conv.finished": ("Het gesprek is afgerond.", "The conversation is finished."),
    "conv.reopened": ("Het gesprek is heropend.", "The conversation was reopened."),
    "conv.earlier": ("Vorige keer: {value}", "Last time: {value}"),
    "conv.earlier_messages": ("↑ {count} eerdere berichten (scroll naar boven om ze te tonen)",
                              "↑ {count} earlier messages (scroll up to show them)"),
    "conv.prep_noted": ("De voorbereiding heeft notities bij dit onderwerp: F12", "The preparation has notes on this topic: F12"),
    "conv.prepared": ("Voorbereid met de school ({date})", "Prepared with the school ({date})"),
    "conv.prepared.topics": ("Focus: {topics}", "Focus: {topics}"),
    "conv.prepared.private": (
        "Gevoeligheden en notities van de school staan niet op het scherm: F12 toont ze (alleen voor jou)",
        "Sensitivities and the school's notes are kept off the screen: F12 shows them (for you only)",
    ),
    "conv.prep": ("Voorbereiding", "Preparation"),
    "conv.prep.help": ("Toon de gevoelige notities uit de voorbereiding (alleen voor jou)",
                       "Show the sensitive notes from the preparation (for you only)"),
    "conv.no_prep": ("Dit gesprek heeft geen notities uit een voorbereiding.", "This conversation has no notes from a preparation."),
    "prep.title": ("Voorbereiding met de school ({date}): alleen voor jou", "Preparation with the school ({date}): for you only"),
    "prep.sensitivities": ("Gevoeligheden", "Sensitivities"),
    "prep.known": ("{topic}: wat de school al wist", "{topic}: what the school already knew"),
    "prep.to_learn": ("{topic}: wat de school wil te weten komen", "{topic}: what the school wants to learn"),
    "prep.close": ("Esc sluit (en haalt de notities weer van het scherm)", "Esc closes (and takes the notes off the screen again)"),
    "start.handover_none": ("Kies eerst een open voorbereiding.", "Pick an open preparation first."),
    "answer.groter": ("Groter (één per regel)", "Larger (one per line)"),
    "answer.kleiner": ("Kleiner (één per regel)", "Smaller (one per line)"),
    "answer.wat": ("Wat", "What"),
    "answer.wie": ("Wie", "Who"),
    "answer.wanneer": ("Wanneer", "When"),
    "answer.check": ("Check", "Check"),
    "answer.pick_one": ("Kies eerst een antwoord.", "Pick an answer first."),
    # -- a refused answer: one entry per AnswerError code of assistant/core/answers.py ---------------
    # {where} names the part of the answer a refusal is about (answer_error.part.*), or is empty.
    "answer_error.part.cell": ("vak {row} {column}: ", "cell {row} {column}: "),
    "answer_error.part.action_field": ("actie {action}, {field}: ", "action {action}, {field}: "),
    "answer_error.part.factor_item": ("lijst '{side}': ", "list '{side}': "),
    "answer_error.empty": ("Het antwoord is leeg.", "The answer is empty."),
    "answer_error.not_text": ("{where}dit moet tekst zijn.", "{where}this must be text."),
    "answer_error.too_long": (
        "{where}de tekst is te lang ({length} tekens, hoogstens {maximum}).",
        "{where}the text is too long ({length} characters; at most {maximum}).",
    ),
    "answer_error.not_a_number": ("{where}geef een getal, niet '{typed}'.", "{where}give a number, not '{typed}'."),
    "answer_error.number_expected": ("{where}geef een getal.", "{where}give a number."),
    "answer_error.not_yes_no": ("Antwoord 'ja' of 'nee', niet '{typed}'.", "Answer 'yes' or 'no', not '{typed}'."),
    "answer_error.not_an_option": ("'{typed}' staat niet bij de keuzes: {options}.", "'{typed}' is not one of the options: {options}."),
    "answer_error.none_chosen": ("Kies minstens één antwoord.", "Choose at least one option."),
    "answer_error.below_min": ("{number}{unit} is te weinig: het minimum is {minimum}.", "{number}{unit} is below the minimum of {minimum}."),
    "answer_error.above_max": ("{number}{unit} is te veel: het maximum is {maximum}.", "{number}{unit} is above the maximum of {maximum}."),
    "answer_error.not_whole_score": (
        "Een score is een geheel getal van {minimum} tot en met {maximum}.",
        "A score is a whole number from {minimum} to {maximum}.",
    ),
    "answer_error.counts_not_table": ("Een telling is een tabel: code → kolom → aantal.", "Counts are a table: code → band → number."),
    "answer_error.unknown_row": ("Onbekende rij '{row}' (kies uit: {expected}).", "Unknown row '{row}' (expected one of: {expected})."),
    "answer_error.row_not_mapping": ("Rij '{row}' moet per kolom een aantal geven.", "Row '{row}' must map bands to numbers."),
    "answer_error.unknown_band": (
        "Onbekende kolom '{band}' in rij '{row}' (kies uit: {expected}).",
        "Unknown band '{band}' in row '{row}' (expected one of: {expected}).",
    ),
    "answer_error.bad_count": ("{where}een aantal is een geheel getal, 0 of meer.", "{where}a count is a whole number of 0 or more."),
    "answer_error.actions_not_list": (
        "Een actieplan is een lijst van rijen met wat / wie / wanneer / check.",
        "An action plan is a list of rows with what / who / when / check.",
    ),
    "answer_error.action_not_mapping": (
        "Actie {action} heeft wat / wie / wanneer / check nodig.",
        "Action {action} needs what / who / when / check.",
    ),
    "answer_error.unknown_action_field": (
        "Actie {action}: onbekend veld '{field}' (kies uit: {expected}).",
        "Action {action}: unknown field '{field}' (expected: {expected}).",
    ),
    "answer_error.action_without_wat": (
        "Actie {action}: 'Wat' is leeg; schrijf wat er zal gebeuren.",
        "Action {action}: 'What' is empty; write what will be done.",
    ),
    "answer_error.factors_not_lists": (
        "Factoren zijn twee lijsten: groter (wat het venster groter maakt) en kleiner (wat het kleiner maakt).",
        "Factors are two lists: groter (what widens the window) and kleiner (what narrows it).",
    ),
    "answer_error.unknown_factor_list": ("Onbekende lijst '{side}' (kies uit: {expected}).", "Unknown list '{side}' (expected: {expected})."),
    "answer_error.factor_list_not_list": ("'{side}' moet een lijst zijn.", "'{side}' must be a list."),
    "answer_error.no_factors": (
        "Noem minstens één factor die het venster groter of kleiner maakt.",
        "Name at least one factor that makes the window larger or smaller.",
    ),
    "answer_error.unknown_type": ("Onbekend antwoordtype '{kind}'.", "Unknown answer type '{kind}'."),
    # -- store errors: what went wrong with a transcript (StoreError.code; Strings.store_error) ----------
    "store_error.not_found": ("Geen gesprek gevonden voor '{ref}'.", "No conversation found for '{ref}'."),
    "store_error.no_reference": ("Noem een gesprek: zijn id of bestandsnaam.", "Name a conversation: its id or file name."),
    "store_error.ambiguous": (
        "Meer dan één gesprek past bij '{ref}' ({count}): geef meer van de id of de bestandsnaam.",
        "Several conversations match '{ref}' ({count}): give more of the id or the file name.",
    ),
    "store_error.create_folder": (
        "Kan de map voor de gesprekken niet maken ({folder}): {reason}.",
        "Cannot create the transcripts folder {folder}: {reason}.",
    ),
    "store_error.duplicate_id": ("Er bestaat al een gesprek met id '{id}'.", "A conversation with id '{id}' already exists."),
    "store_error.create_journal": ("Kan {file} niet aanmaken: {reason}.", "Cannot create {file}: {reason}."),
    "store_error.open_journal": ("Kan {file} niet openen om te schrijven: {reason}.", "Cannot open {file} for writing: {reason}."),
    "store_error.write_journal": ("Kan niet schrijven naar {file}: {reason}.", "Cannot write to {file}: {reason}."),
    "store_error.closed": (
        "Het gesprek {name} is afgerond: heropen het om verder te gaan.",
        "The conversation {name} is closed: reopen it to record more.",
    ),
    "store_error.closed_in_session": (
        "Het gesprek {name} is in deze sessie gesloten: hervat het om verder te gaan.",
        "The conversation {name} was closed in this session: resume it to record more.",
    ),
    "store_error.cannot_continue": (
        "Het journaal {file} kan niet verder aangevuld worden: zet het opzij om verder te gaan vanaf de YAML-kopie.",
        "The journal {file} cannot be continued: move it aside to resume from the YAML copy.",
    ),
    "damage.journal": ("het journaal", "the journal"),
    "damage.yaml": ("de YAML-kopie", "the YAML copy"),
    "damage.recovered": (
        "Dit gesprek was beschadigd ({copies}) en is hersteld: {count} bewaarde stap(pen) kwamen terug uit de "
        "andere kopie. Er ging niets verloren; het beschadigde bestand staat apart in {kept}.",
        "This conversation was damaged ({copies}) and has been repaired: {count} saved step(s) came back from "
        "the other copy. Nothing is lost; the damaged file is kept in {kept}.",
    ),
    "damage.kept": (
        "Dit gesprek was beschadigd ({copies}) en is hersteld: er ging niets verloren dat bewaard was; het "
        "beschadigde bestand staat apart in {kept}.",
        "This conversation was damaged ({copies}) and has been repaired: nothing that was saved is lost; the "
        "damaged file is kept in {kept}.",
    ),
    "store_error.not_a_file": (
        "Het bestand {file} is geen gewoon bestand (een snelkoppeling?): Dialoog leest en schrijft alleen echte "
        "bestanden in de map met gesprekken.",
        "The file {file} is not a plain file (a symbolic link?): Dialoog reads and writes only real files in the "
        "transcripts folder.",
    ),
    "store_error.keep_aside": (
        "Kan de beschadigde bestanden van {name} niet opzij zetten in {folder}: {reason}. Er is niets veranderd.",
        "Cannot keep the damaged files of {name} aside in {folder}: {reason}. Nothing was changed.",
    ),
    "store_error.reopened": ("Het gesprek {name} is weer geopend en is niet verwijderd.", "The conversation {name} is open again and was not deleted."),
    "store_error.delete_failed": ("Kan {name} niet verwijderen: {reason}.", "Cannot delete {name}: {reason}."),
    "store_error.locked": (
        "Dit gesprek is al open in een andere Dialoog ({who}, proces {pid}, sinds {since}): "
        "sluit het daar eerst, of wacht tot het gesloten is.",
        "This conversation is open in another Dialoog ({who}, pid {pid}, since {since}): "
        "close it there first, or wait until it is closed.",
    ),
    "store_error.being_created": ("Een andere Dialoog maakt {name} net aan.", "Another Dialoog process is creating {name}."),
    # the composer's status line puts 'Je antwoord blijft staan ...' (conv.unsaved) after these two
    "store_error.save_failed": (
        "Niet bewaard: {reason}. Niets gaat verloren zolang Dialoog open blijft.",
        "Not saved: {reason}. Nothing is lost while Dialoog stays open.",
    ),
    "store_error.rewrite_yaml": (
        "De YAML-kopie {file} kon niet herschreven worden: {reason} (elk bewaard antwoord staat in het journaal).",
        "Could not rewrite the YAML copy {file}: {reason} (every saved answer is in the journal).",
    ),
    "store_error.unreadable": (
        "Het bestand {file} kan niet gelezen worden: 'dialoog show {file}' zegt wat er mis is.",
        "The file {file} cannot be read: 'dialoog show {file}' says what is wrong.",
    ),
    "store_error.read_failed": ("Kan {file} niet lezen: {reason}.", "Cannot read {file}: {reason}."),
    # {problem} is the journal's own (English) description: too rare to translate
    "store_error.bad_journal": ("Het journaal {file} is onbruikbaar ({problem}).", "The journal {file} is unusable ({problem})."),
    "store_error.read_folder": (
        "Kan de map met gesprekken niet lezen ({folder}): {reason}.",
        "Cannot read the transcripts folder {folder}: {reason}.",
    ),
    "store_error.index_failed": ("De zoekindex werkt niet ({problem}).", "The search index failed ({problem})."),
    "store_error.unknown_script": ("Onbekend script '{script}' (bekend: {known}).", "Unknown script '{script}' (known: {known})."),
    # an output file (a saved summary; assistant.core.outputs.OutputError): nothing was written
    "store_error.output_exists": ("Het bestand {file} bestaat al: niets geschreven.", "The file {file} already exists: nothing written."),
    "store_error.output_symlink": (
        "Op de plaats van {file} staat een snelkoppeling (symbolische link): niets geschreven.",
        "Where {file} goes is a symbolic link: nothing written.",
    ),
    "store_error.output_folder": ("Op de plaats van {file} staat een map: niets geschreven.", "Where {file} goes is a folder: nothing written."),
    "store_error.output_special": (
        "Op de plaats van {file} staat geen gewoon bestand: niets geschreven.",
        "Where {file} goes is not a regular file: nothing written.",
    ),
    "store_error.output_name_too_long": ("De naam {file} is te lang: niets geschreven.", "The name {file} is too long: nothing written."),
    "store_error.output_no_folder": ("De map {folder} bestaat niet: niets geschreven.", "The folder {folder} does not exist: nothing written."),
    "store_error.output_failed": ("Kan {file} niet schrijven: {reason}.", "Cannot write {file}: {reason}."),
    # {reason} of a failed file operation, by its errno (the English ones as assistant.core.durable words them)
    "store_error.reason.ENOSPC": ("de schijf is vol", "the disk is full"),
    "store_error.reason.EDQUOT": ("het schijfquotum is overschreden", "the disk quota is exceeded"),
    "store_error.reason.EROFS": ("de schijf is alleen-lezen", "the disk is read-only"),
    "store_error.reason.EACCES": ("geen toegang", "permission denied"),
    "store_error.reason.EPERM": ("geen toegang", "permission denied"),
    "store_error.reason.EIO": ("de schijf meldt een lees- of schrijffout", "the disk reported an input/output error"),
    "store_error.reason.ENOENT": ("de map bestaat niet meer", "the folder no longer exists"),
    "store_error.reason.ENOTDIR": ("een deel van het pad is geen map", "not a directory"),
    "store_error.reason.EISDIR": ("dat is een map", "is a directory"),
    "store_error.reason.ENAMETOOLONG": ("de naam is te lang", "file name too long"),
    # -- slash commands -----------------------------------------------------------------------------
    "cmd.unknown": ("Onbekend commando '/{name}'. Bekend: {known}", "Unknown command '/{name}'. Known: {known}"),
    "cmd.needs_text": ("Schrijf de tekst na /{name}", "Write the text after /{name}"),
    "cmd.bad_rank": ("Een rang is een getal: /prioriteit 2", "A rank is a number: /priority 2"),
    "cmd.placeholder": ("commando, bv. /notitie tekst", "command, e.g. /note text"),
    # -- dialogs ------------------------------------------------------------------------------------
    "note.title": ("Notitie bij: {question}", "Note on: {question}"),
    "note.title_general": ("Notitie", "Note"),
    "note.save": ("Bewaar notitie", "Save note"),
    "speaker.title": ("Wie spreekt er?", "Who is speaking?"),
    "speaker.placeholder": ("naam (leeg: geen spreker)", "name (empty: no speaker)"),
    "speaker.hint": ("Deelnemers: {people} · Tab vult de naam aan", "Taking part: {people} · Tab completes the name"),
    "help.title": ("Hulp bij de vraag", "Help for the question"),
    "help.keys": ("Toetsen", "Keys"),
    "edit.title": ("Antwoord bewerken", "Edit answer"),
    "edit.save": ("Bewaar", "Save"),
    "edit.hint": ("ctrl+s bewaart · esc annuleert", "ctrl+s saves · esc cancels"),
    "edit.hint_speaker": ("ctrl+s bewaart · ctrl+t andere spreker · esc annuleert",
                          "ctrl+s saves · ctrl+t another speaker · esc cancels"),
    "checklist.title": ("Verdiepende vragen: {section}", "Deepening questions: {section}"),
    "checklist.intro": (
        "Kies met spatie wat jullie nu bespreken; Enter bevestigt. De rest wordt geparkeerd voor het volgende gesprek.",
        "Pick with space what you discuss now; Enter confirms. The rest is parked for the next meeting.",
    ),
    "checklist.typed": ("Getypt, voor het volgende antwoord: {text}", "Typed, for the next answer: {text}"),
    "checklist.typing": (
        "Spatie en Enter horen bij het typen; pijltje omhoog of omlaag: terug naar de lijst om te kiezen.",
        "Space and Enter belong to the typing; arrow up or down: back to the list to pick.",
    ),
    "checklist.confirm": ("Bevestig", "Confirm"),
    "finish.title": ("Gesprek afronden?", "Finish the conversation?"),
    "finish.body": (
        "{open} basisvragen zijn nog niet beantwoord. Na het afronden toont Dialoog de samenvatting.",
        "{open} basis questions are still unanswered. After finishing, Dialoog shows the summary.",
    ),
    "finish.body_one": (
        "1 basisvraag is nog niet beantwoord. Na het afronden toont Dialoog de samenvatting.",
        "1 basis question is still unanswered. After finishing, Dialoog shows the summary.",
    ),
    "finish.body_complete": ("Na het afronden toont Dialoog de samenvatting.", "After finishing, Dialoog shows the summary."),
    "finish.yes": ("Afronden", "Finish"),
    # -- summary ------------------------------------------------------------------------------------
    "summary.title": ("Samenvatting", "Summary"),
    # the same two exports, with the same keys, on the summary and in the review
    "export.named": ("Exporteer (met namen)", "Export (with names)"),
    "export.named.help": ("Bewaar de samenvatting met de namen als Markdown-bestand",
                          "Save the summary with the names as a Markdown file"),
    "export.anonymous": ("Exporteer anoniem", "Export anonymised"),
    "export.anonymous.help": ("Bewaar de samenvatting met rollen of initialen in plaats van namen",
                              "Save the summary with roles or initials instead of names"),
    "export.word": ("Word-bestand", "Word file"),
    "export.word.help": ("Bewaar de samenvatting met de namen als Word-bestand (.docx), tabellen inbegrepen",
                         "Save the summary with the names as a Word file (.docx), tables included"),
    "export.word_done": ("Word-bestand bewaard (met namen): {path}", "Word file saved (with names): {path}"),
    "export.named_done": ("Geëxporteerd (met namen): {path}", "Exported (with names): {path}"),
    "export.anonymous_done": ("Anoniem geëxporteerd: {path}", "Exported anonymised: {path}"),
    "export.cancelled": ("Niet geëxporteerd: er is niets geschreven.", "Not exported: nothing was written."),
    "check.title": ("Nakijken voor het delen: {count} woord(en) kon het programma niet beslissen",
                    "Check before sharing: {count} word(s) the program could not decide"),
    "check.intro": ("Geregistreerde personen en contactgegevens zijn al vervangen. Is dit een naam of iets persoonlijks?",
                    "Registered people and contact data are replaced already. Is this a name or something personal?"),
    "check.keys": ("v vervangen (onthouden) · b behouden · ↑↓ kiezen · Enter bestand maken (onbeslist: verborgen) · Esc annuleren",
                   "r replace (remembered) · k keep · ↑↓ choose · Enter write the file (undecided: hidden) · Esc cancel"),
    "check.open": ("[ ? ]", "[ ? ]"),
    "check.replaced": ("[vervangen]", "[replaced]"),
    "check.kept": ("[behouden]", "[kept]"),
    "check.kind.naam": ("naam", "name"),
    "check.kind.plaats": ("plaats", "place"),
    "check.kind.adres": ("adres", "address"),
    "check.kind.nummer": ("nummer", "number"),
    "summary.close": ("Sluiten", "Close"),
    "summary.close.help": ("Terug naar het vorige scherm", "Back to the previous screen"),
    "summary.followup": ("Vervolggesprek", "Follow-up meeting"),
    "summary.followup.help": ("Start het volgende gesprek vanuit dit gesprek", "Start the next meeting from this one"),
    "summary.reopen": ("Heropen", "Reopen"),
    "summary.reopen.help": ("Heropen het gesprek om verder te werken", "Reopen the conversation to keep working"),
    "summary.handover": ("Oudergesprek", "Parent conversation"),
    "summary.handover.help": ("Start het oudergesprek vanuit deze voorbereiding", "Start the parent conversation from this preparation"),
    "summary.unavailable": ("De samenvatting is (nog) niet beschikbaar: {reason}", "The summary is not available (yet): {reason}"),
    # -- review -------------------------------------------------------------------------------------
    "review.title": ("Overzicht van de gesprekken", "Conversations"),
    "review.search": ("Zoek in antwoorden en notities…", "Search answers and notes…"),
    "review.script": ("Script", "Script"),
    "review.status": ("Status", "Status"),
    "review.all": ("alle", "all"),
    "review.open": ("open", "open"),
    "review.closed": ("afgerond", "closed"),
    "review.col.date": ("Datum", "Date"),
    "review.col.script": ("Script", "Script"),
    "review.col.subject": ("School/leerling", "School/pupil"),
    "review.col.status": ("Status", "Status"),
    "review.col.answers": ("Antw.", "Ans."),
    "review.col.match": ("Treffer", "Match"),
    "review.view": ("Bekijk", "View"),
    "review.view.help": ("Toon het gekozen gesprek (alleen lezen)", "Show the chosen conversation (read-only)"),
    "review.summary": ("Samenvatting", "Summary"),
    "review.summary.help": ("Toon de samenvatting van het gekozen gesprek", "Show the chosen conversation's summary"),
    "review.followup": ("Vervolggesprek", "Follow-up meeting"),
    "review.followup.help": ("Start het volgende gesprek vanuit het gekozen gesprek", "Start the next meeting from the chosen one"),
    "review.resume": ("Hervat", "Resume"),
    "review.resume.help": ("Ga verder met het gekozen open gesprek", "Continue the chosen open conversation"),
    "review.find": ("Zoek", "Search"),
    "review.find.help": ("Naar het zoekvak", "To the search box"),
    "review.filter": ("Filter", "Filter"),
    "review.filter.help": ("Wissel het filter op script en status", "Cycle the script and status filter"),
    "review.indexing": ("De zoekindex wordt opgebouwd: {done} van {total} bestanden gelezen…",
                        "Building the search index: {done} of {total} files read…"),
    "review.index_damaged": (
        "De zoekindex was beschadigd en wordt opnieuw opgebouwd uit de gesprekken: {done} van {total} bestanden gelezen…",
        "The search index was damaged and is being rebuilt from the conversations: {done} of {total} files read…",
    ),
    "review.index_repaired": (
        "De zoekindex was beschadigd en is opnieuw opgebouwd uit de gesprekken: de lijst is volledig.",
        "The search index was damaged and has been rebuilt from the conversations: the list is complete.",
    ),
    "review.count": ("{shown} van {total} gesprekken", "{shown} of {total} conversations"),
    "review.respelled": ("Niets voor '{query}'; {count} treffer(s) voor '{respelled}'",
                         "Nothing for '{query}'; {count} hit(s) for '{respelled}'"),
    "review.match": ("Treffer: {text}", "Match: {text}"),
    "review.no_words": ("Typ minstens één woord om te zoeken.", "Type at least one word to search for."),
    "review.hits": ("{count} treffer(s) voor '{query}'", "{count} hit(s) for '{query}'"),
    "review.empty": ("Nog geen gesprekken bewaard.", "No conversations saved yet."),
    "review.unreadable": ("{count} onleesbaar bestand(en): {first}", "{count} unreadable file(s): {first}"),
    "review.nothing_selected": ("Kies eerst een gesprek.", "Pick a conversation first."),
    "review.not_open": ("Dit gesprek is afgerond; hervatten kan niet.", "This conversation is closed; it cannot be resumed."),
    "view.title": ("Gesprek (alleen lezen): {title}", "Conversation (read-only): {title}"),
    # -- palette ------------------------------------------------------------------------------------
    "palette.jump": ("Vraag: {text}", "Question: {text}"),
    "palette.jump.help": ("Spring naar deze vraag ({section})", "Jump to this question ({section})"),
    "palette.section": ("Onderdeel: {title}", "Section: {title}"),
    "palette.edit": ("Bewerk antwoord: {text}", "Edit answer: {text}"),
    "palette.follow": ("Volg vervolgvraag: {text}", "Follow up: {text}"),
}

# The slash commands of the composer: the command word per language, and the action it runs.
SLASH_COMMANDS: dict[str, tuple[str, str]] = {
    "back": ("terug", "back"),
    "park": ("parkeer", "park"),
    "skip": ("overslaan", "skip"),
    "note": ("notitie", "note"),
    "priority": ("prioriteit", "priority"),
    "strength": ("sterkte", "strength"),
    "werkpunt": ("werkpunt", "workpoint"),
    "speaker": ("spreker", "speaker"),
    "basis": ("basis", "basis"),
    "help": ("hulp", "help"),
    "finish": ("einde", "finish"),
    "prep": ("voorbereiding", "preparation"),
    "previous": ("vorige", "previous"),
}


_DUTCH_DIGITS = str.maketrans(",.", ".,")  # 2.500,5 rather than 2,500.5
_LONGEST_VALUE = 40  # a refusal quoting what was typed stays one line in the answer box's status


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


class Strings:
    """The interface strings of one language; `strings("key", field=value)` fills a template."""

    def __init__(self, lang: str = "nl") -> None:
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language '{lang}' (expected one of: {', '.join(LANGUAGES)})")
        self.lang = lang
        self._index = LANGUAGES.index(lang)

    def __call__(self, key: str, **values: object) -> str:
        template = _TABLE[key][self._index]
        if not values:
            return template
        # What fills a template is data (a subject, an answer, a file name, an OS error): shown with its
        # control characters as escapes (assistant.core.safetext), never acting on the terminal.
        return template.format(**{k: v if isinstance(v, int | float) else visible(v) for k, v in values.items()})

    def answer_error(self, error: AnswerError) -> str:
        """Why an answer was refused, in this language (the core's message is English)."""
        key, part = f"answer_error.{error.code}", error.params.get("part")
        where = f"answer_error.part.{part}" if part else None
        if key not in _TABLE or where and where not in _TABLE:  # untranslated (a test prevents it): English beats nothing
            return str(error)
        values = {name: self._shown(value) for name, value in error.params.items()}
        if "unit" in values:
            values["unit"] = f" {values['unit']}" if values["unit"] else ""  # "12 leerlingen", or "12" without a unit
        if f"answer.{values.get('field')}" in _TABLE:  # an action's field by its label in the answer box
            values["field"] = self(f"answer.{values['field']}")
        values["where"] = self(where, **values) if where else ""
        text = self(key, **values)
        return text[:1].upper() + text[1:]

    def store_error(self, error: BaseException) -> str:
        """What went wrong with a transcript (a StoreError, or an OpenError standing for one), in this
        language; the core's English message for anything without a code of ours."""
        code, values = getattr(error, "code", ""), dict(getattr(error, "params", {}))
        key = f"store_error.{code}"
        if not code or key not in _TABLE:  # a ValueError, an untranslated code (a test prevents it)
            return str(error)
        reason = f"store_error.reason.{values.get('os_error')}"
        if reason in _TABLE:  # else durable's English words, which name an unusual failure well enough
            values["reason"] = self(reason)
        if isinstance(values.get("since"), str):  # the holder's ISO time, as 2024-05-01 10:00
            values["since"] = values["since"][:16].replace("T", " ")
        return self(key, **values)

    def damage(self, damage: Any) -> str:
        """What resuming found damaged (assistant.core.transcript_files.Damage) and did about it."""
        copies = " + ".join(self(f"damage.{copy}") for copy in damage.copies)
        kept = ", ".join(sorted({f"{path.parent.name}/" for path in damage.kept}))  # the folder: the names are long
        key = "damage.recovered" if damage.recovered else "damage.kept"
        return self(key, copies=copies, count=damage.recovered, kept=kept)

    def _shown(self, value: object) -> str:
        """A value as this language writes it in a sentence: 2,5 or 2.5, lists with commas, long typing cut."""
        if isinstance(value, (list, tuple)):
            return ", ".join(self._shown(item) for item in value)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = f"{value:,}" if isinstance(value, int) and abs(value) < 10**12 else f"{value:,g}"
            return text.translate(_DUTCH_DIGITS) if self.lang == "nl" else text
        text = str(value)
        return text if len(text) <= _LONGEST_VALUE else text[: _LONGEST_VALUE - 1] + "…"

    def count(self, noun: str, number: int) -> str:
        """'1 actie', '3 acties': a number with its noun in the right form (count.NOUN.one / .many)."""
        return self(f"count.{noun}.one") if number == 1 else self(f"count.{noun}.many", count=number)

    def command_word(self, action: str) -> str:
        return SLASH_COMMANDS[action][self._index]

    def command_words(self) -> dict[str, str]:
        """Every slash-command word of this language (both languages are accepted), to its action."""
        words = {pair[1 - self._index]: action for action, pair in SLASH_COMMANDS.items()}
        words.update({pair[self._index]: action for action, pair in SLASH_COMMANDS.items()})
        return words


def all_keys() -> dict[str, tuple[str, str]]:
    return dict(_TABLE)
