"""What the summary holds, and in which order, for conversations that test one thing each."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from assistant.core.effects import PriorityHint, Suggestion
from assistant.core.sheet import render_sheet
from assistant.core.summary import render_summary
from assistant.core.templating import TemplateProblem, render
from assistant.core.transcript import Participant
from tests.summary import conversations
from tests.summary.conversations import Conversation, view
from tests.summary.mdcheck import shape

SCHOOL = "school_dialogue"


@pytest.fixture(scope="module")
def school_banks():
    return [conversations.bank(SCHOOL)]


def _school(**meta) -> Conversation:
    return Conversation("0001", SCHOOL, bank_versions={SCHOOL: 1}, **meta)


def test_empty_parts_are_left_out(school_banks) -> None:
    c = _school().answer("inzicht.twijfelachtige-attesten", "Weinig.")
    headings = [t for level, t in shape(render_summary(c.t, school_banks)).headings if level == 2]
    assert headings == ["Antwoorden", "Voor het volgende gesprek"]


def test_a_conversation_without_answers_is_a_header_and_what_is_left_to_ask(school_banks) -> None:
    doc = shape(render_summary(_school().t, school_banks))
    assert [t for level, t in doc.headings if level == 2] == ["Voor het volgende gesprek"]
    assert [t for level, t in doc.headings if level == 3] == ["Nog niet beantwoorde basisvragen"]


def test_english_fixed_texts_with_the_documents_own_questions(school_banks) -> None:
    transcript, banks, v = conversations.school()
    doc = shape(render_summary(transcript, banks, view=v, lang="en"))
    assert [t for level, t in doc.headings if level == 2] == [
        "Priorities", "Action plan", "Signals", "Strengths and points to work on", "Answers", "For the next meeting"]
    assert "Welke prioriteiten leggen we?" in doc.text
    assert ["What", "Who", "When", "Check"] == doc.tables[0][0]


def test_unknown_language_is_refused(school_banks) -> None:
    with pytest.raises(ValueError, match="unknown language 'fr'"):
        render_summary(_school().t, school_banks, lang="fr")


def test_priorities_ranked_first_then_the_documents_questions_then_flags_then_hints(school_banks) -> None:
    c = _school()
    c.answer("beleid.stappenplan", "Stappenplan A").answer("beleid.te-laat-onthaal", "Onthaal B")
    c.answer("registratie.verloop", "Verloop C").answer("opvolging.prioriteiten", "Prioriteit D\nPrioriteit E")
    c.add("flag", question="registratie.verloop", flag="priority")          # unranked
    c.add("flag", question="beleid.te-laat-onthaal", flag="priority", rank=2)
    c.add("flag", question="beleid.stappenplan", flag="priority", rank=1)
    v = view(priority_hints=(PriorityHint("r", "Hint F", "omdat", None),))
    doc = shape(render_summary(c.t, school_banks, view=v))
    items = doc.text.split("Prioriteiten\n", 1)[1]
    order = [items.index(x) for x in ("Stappenplan A", "Onthaal B", "Prioriteit D", "Prioriteit E", "Verloop C", "Hint F")]
    assert order == sorted(order)


def test_an_unflagged_priority_leaves_the_list(school_banks) -> None:
    c = _school().answer("beleid.stappenplan", "Stappenplan A")
    c.add("flag", question="beleid.stappenplan", flag="priority", rank=1)
    c.add("unflag", question="beleid.stappenplan", flag="priority")
    assert "Prioriteiten" not in [t for _, t in shape(render_summary(c.t, school_banks)).headings]


def test_an_accepted_follow_up_stands_under_the_question_that_triggered_it(school_banks) -> None:
    c = _school().answer("inzicht.twijfelachtige-attesten", "Veel attesten.")
    c.answer("beleid.ziekteattest-problematisch", "Vanaf drie per trimester.")
    c.answer("inzicht.oorzaken", "Ad hoc: vooral buikpijn.")
    follow = Suggestion("r:beleid.ziekteattest-problematisch", "r", "beleid.ziekteattest-problematisch",
                        "Wanneer wordt een ziekteattest als problematisch ervaren?", "Omdat het zo staat (000).",
                        "inzicht.twijfelachtige-attesten")
    ad_hoc = Suggestion("r2:vraag", "r2", None, "Is er contact met de huisarts?", "Bijlage (000).", "inzicht.twijfelachtige-attesten")
    c.answer("r2:vraag", "Ja, via de CLB-arts.")
    doc = shape(render_summary(c.t, school_banks, view=view(decided=((follow, "accepted"), (ad_hoc, "accepted")))))
    text = doc.text
    start = text.index("Hoe groot is het probleem van twijfelachtige doktersattesten")
    assert start < text.index("Vervolgvraag: Wanneer wordt een ziekteattest") < text.index("Vanaf drie per trimester.")
    assert text.index("Vervolgvraag: Is er contact met de huisarts?") < text.index("Ja, via de CLB-arts.") < text.index("Ad hoc: vooral buikpijn.")
    assert "Gewettigde afwezigheden" not in [t for _, t in doc.headings]  # not repeated in its own section
    assert "Overige antwoorden" not in [t for _, t in doc.headings]


def test_answers_to_questions_the_banks_no_longer_know_are_kept(school_banks) -> None:
    c = _school().answer("inzicht.verdwenen-vraag", "Nog steeds belangrijk.")
    c.answer("inzicht.overzicht-afwezigheden", "geen tabel maar tekst")  # a value that no longer fits its type
    doc = shape(render_summary(c.t, school_banks))
    assert (3, "Overige antwoorden") in doc.headings
    assert "inzicht.verdwenen-vraag" in doc.text and "Nog steeds belangrijk." in doc.text
    assert "geen tabel maar tekst" in doc.text


def test_anonymised_summary_shows_roles_not_names() -> None:
    transcript, banks, v = conversations.parent()
    text = render_summary(transcript, banks, view=v, anonymise=True)
    for name in ("Fatima", "Yasmine", "Amrani", "Tom Claes", "Sofie", "Janssens"):
        assert name not in text
    doc = shape(text)
    assert "Deelnemers: moeder, klastitularis" in doc.text
    assert "School/leerling: [leerling] (3B)" in doc.text
    assert "Gespreksleider: [gespreksleider]" in doc.text
    assert "Geanonimiseerd. Vervangen: " in doc.text and "Niemand heeft dit nagekeken" in doc.text
    assert "[klastitularis]" in doc.tables[0][2][1]  # the action owner was named; now the role
    assert "[moeder]:" in doc.text  # the speaker


def test_a_follow_up_meeting_names_the_previous_one_and_compares_scores() -> None:
    transcript, banks, first = conversations.prevention()
    doc = shape(render_summary(transcript, banks, linked=[first]))
    assert "Vorig gesprek: 2024-10-07 · Sint-Jozefscollege Brussel (1a2b3c4d)" in doc.text
    without = shape(render_summary(transcript, banks))
    assert "Vorig gesprek: 1a2b3c4d" in without.text


def test_what_a_follow_up_carried_shows_without_the_previous_transcript() -> None:
    transcript, banks, _ = conversations.prevention()
    doc = shape(render_summary(transcript, banks))
    scores = next(t for t in doc.tables if t[0][0] == "Doelstelling")
    assert scores[0] == ["Doelstelling", "Score", "Vorige keer"]  # from the carried answers
    actions = doc.tables[0]
    assert actions[1][0] == "Pestbeleid bespreken op de personeelsvergadering (uit het vorige gesprek) (afgerond)"
    assert actions[2][0] == "Meldpunt pesten op de website (uit het vorige gesprek)"
    parked = doc.text.split("Geparkeerde vragen", 1)[1]
    assert parked.startswith("\nDe school heeft goede samenwerkingsafspraken met al haar partners.")
    open_actions = doc.text.split("Open acties", 1)[1]
    assert "Meldpunt pesten" in open_actions and "Pestbeleid bespreken" not in open_actions


def test_participants_and_speakers_as_typed(school_banks) -> None:
    c = _school(participants=(Participant("Marc Peeters", "directie"),), facilitator="Sofie")
    c.answer("inzicht.twijfelachtige-attesten", "Weinig.", speaker="Marc Peeters")
    doc = shape(render_summary(c.t, school_banks))
    assert "Deelnemers: Marc Peeters (directie)" in doc.text and "Marc Peeters: Weinig." in doc.text


def test_a_broken_template_is_a_one_line_error_with_file_and_line(tmp_path) -> None:
    (tmp_path / "texts.nl.md.j2").write_text("", encoding="utf-8")
    (tmp_path / "bad.md.j2").write_text("# title\n{% if %}\n", encoding="utf-8")
    (tmp_path / "strict.md.j2").write_text("# {{ missing }}\n", encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"bad\.md\.j2:2: template error"):
        render("bad.md.j2", "nl", {}, folder=tmp_path)
    with pytest.raises(TemplateProblem, match="'missing' is undefined"):
        render("strict.md.j2", "nl", {}, folder=tmp_path)


def test_templates_run_sandboxed(tmp_path) -> None:
    (tmp_path / "texts.nl.md.j2").write_text("", encoding="utf-8")
    (tmp_path / "escape.md.j2").write_text("{{ x.__class__.__mro__ }}", encoding="utf-8")
    with pytest.raises(TemplateProblem):
        render("escape.md.j2", "nl", {"x": "text"}, folder=tmp_path)


def test_sheet_of_a_script_walks_its_sections_in_the_scripts_order(school_banks) -> None:
    script = SimpleNamespace(title="Kort schoolgesprek", banks=(SCHOOL,), sections=("opvolging", "inzicht"))
    doc = shape(render_sheet(script, school_banks))
    assert doc.headings[0] == (1, "Gespreksleidraad: Kort schoolgesprek")
    assert [t for level, t in doc.headings if level == 2] == ["Opvolging van aanpak & reflectie", "Inzicht in de afwezigheden"]
    assert "1. Wat ervaren jullie als sterke punten?" in doc.text


def test_sheet_has_room_to_write_for_every_answer_type() -> None:
    bank = conversations.bank("prevention_plan")
    doc = shape(render_sheet(bank, lang="en"))
    assert doc.headings[0] == (1, "Conversation guide: " + bank.title)
    assert ["What", "Who", "When", "Check"] in [t[0] for t in doc.tables]
    assert "Score: ______ / 10" in doc.text
    assert "Probes" not in doc.text  # probes are listed, not labelled


def test_basis_only_sheet_leaves_out_the_deepening_questions(school_banks) -> None:
    full, short = render_sheet(school_banks), render_sheet(school_banks, basis_only=True)
    assert "Verdiepende vragen" in full and "Verdiepende vragen" not in short
    assert "Hoe groot is het aandeel te laat komers?" not in short


def test_anonymising_replaces_names_in_answers_but_not_ordinary_words(school_banks) -> None:
    c = _school(participants=(Participant("Jan van Dijk", "leerkracht"),), subject="Basisschool De Linde")
    c.answer("inzicht.twijfelachtige-attesten", "Jan belt de ouders van maandag; Van Dijk volgt op bij De Linde.")
    text = shape(render_summary(c.t, school_banks, anonymise=True)).text
    assert "[leerkracht] belt de ouders van maandag; [leerkracht] volgt op bij [school]." in text
    assert "School/leerling: [school]" in text


def test_an_ad_hoc_follow_up_answered_in_the_app_stands_under_its_trigger(school_banks) -> None:
    """The app records the answer to an ad-hoc follow-up as a note carrying the suggestion's key."""
    c = _school().answer("inzicht.twijfelachtige-attesten", "Veel attesten.")
    ad_hoc = Suggestion("r2:vraag", "r2", None, "Is er contact met de huisarts?", "Bijlage (000).", "inzicht.twijfelachtige-attesten")
    c.add("decision", suggestion="r2:vraag", decision="accepted", rule="r2", text=ad_hoc.text)
    c.add("note", text="Ja, via de CLB-arts.", question="inzicht.twijfelachtige-attesten", suggestion="r2:vraag")
    text = shape(render_summary(c.t, school_banks, view=view(decided=((ad_hoc, "accepted"),)))).text
    assert text.index("Vervolgvraag: Is er contact met de huisarts?") < text.index("Ja, via de CLB-arts.")
    assert "Notitie" not in text
    assert text.count("Is er contact met de huisarts?") == 1  # not also left for the next meeting
