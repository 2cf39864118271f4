"""The parent-dialogue preparation: what a teacher and a CLB worker fill in before meeting the parents.

The pinned counts make a lost question show up in review. The focus question must offer exactly the
parent dialogue's own questions, because the hand-over maps each chosen text back to its question id.
"""

import subprocess
import sys

from assistant.core import locations
from assistant.core.answers import normalise_answer
from assistant.core.bank import AnswerType, Level, load_bank

BANK = load_bank(locations.banks_dir() / "parent_prep.yaml")
PARENT = load_bank(locations.banks_dir() / "parent_dialogue.yaml")
TEACHER = load_bank(locations.banks_dir() / "teacher_dialogue.yaml")
TOPICS = ["thuis", "school", "sociaal", "individu", "cultuur"]


def test_counts_are_pinned():
    assert BANK.counts() == {"sections": 11, "basis": 20, "verdiepend": 9}


def test_the_preparation_runs_from_topics_to_focus():
    assert [section.id for section in BANK.sections] == [
        "prep.topics",
        "prep.afwezigheid",
        "prep.contact",
        "prep.stappen",
        "prep.leerkracht",
        "prep.focus",
    ]
    assert [sub.id for sub in BANK.sections[0].sections] == [f"prep.{topic}" for topic in TOPICS]


def test_each_topic_asks_what_the_school_knows_with_the_parent_questions_as_probes():
    for topic, section in zip(TOPICS, PARENT.sections):
        known = BANK.question(f"prep.{topic}.gekend")
        wanted = BANK.question(f"prep.{topic}.te-weten")
        assert known.level == Level.BASIS and wanted.level == Level.VERDIEPEND
        assert known.text == f"{topic.capitalize()}: wat weet de school al?"
        questions = [q.text for q in section.questions if q.type != AnswerType.FACTORS]
        assert known.probes == (*questions, "Wat maakt het raam groter?", "Wat maakt het raam kleiner?")


def test_the_absence_table_counts_b_z_and_d_codes_per_two_months():
    table = BANK.question("prep.afwezigheid.codes")
    assert table.type == AnswerType.COUNTS and table.level == Level.BASIS
    assert table.count_rows == ("B", "Z", "D")
    assert table.count_columns == ("sep-okt", "nov-dec", "jan-feb", "mrt-apr", "mei-jun")
    assert "halve dagen" in table.help
    answer = normalise_answer(table, {"B": {"sep-okt": "4", "nov-dec": 3}, "D": {"sep-okt": 2}})
    assert answer == {"B": {"sep-okt": 4, "nov-dec": 3}, "D": {"sep-okt": 2}}


def test_the_thresholds_of_the_zorgcontinuum_are_asked_with_the_ids_the_rules_use():
    kinds = {q.id: q.type for q in BANK.sections[1].questions}
    assert kinds == {
        "prep.afwezigheid.codes": AnswerType.COUNTS,
        "prep.afwezigheid.b-codes": AnswerType.NUMBER,
        "prep.afwezigheid.d-codes": AnswerType.NUMBER,
        "prep.afwezigheid.sept-okt": AnswerType.YES_NO,
        "prep.afwezigheid.snelle-toename": AnswerType.YES_NO,
        "prep.afwezigheid.patroon": AnswerType.TEXT,
    }
    assert all(q.level == Level.BASIS for q in BANK.sections[1].questions)
    assert "vanaf 5 B-codes" in BANK.question("prep.afwezigheid.b-codes").help
    assert "20 D-codes" in BANK.question("prep.afwezigheid.d-codes").help
    assert normalise_answer(BANK.question("prep.afwezigheid.b-codes"), "7") == 7


def test_reachability_of_the_parents_uses_the_knipperlicht_wording():
    reachable = BANK.question("prep.contact.bereikbaar")
    assert reachable.type == AnswerType.CHOICE
    assert reachable.options[:4] == (
        "Bereikbaar en werken mee",
        "Werken niet mee",
        "Onverschillig tegenover het probleem",
        "Niet bereikbaar (mits zekerheid over de contactgegevens)",
    )
    assert normalise_answer(reachable, "3") == "Onverschillig tegenover het probleem"
    assert BANK.question("prep.contact.gekende-problemen").type == AnswerType.YES_NO


def test_the_steps_taken_is_the_school_dialogues_own_question():
    steps = BANK.question("prep.stappen.gezet")
    assert not steps.is_derived and steps.source == "000_dc7eb8f1eb325aa8.txt"
    assert steps.text.startswith("Welke stappen zijn er al met zekerheid gezet")


def test_the_teachers_role_offers_the_same_practices_as_the_teacher_bank():
    for part in ("preventief", "tijdens-afwezigheid", "bij-terugkeer"):
        mine, theirs = BANK.question(f"prep.leerkracht.{part}"), TEACHER.question(f"leerkracht.{part}")
        assert mine.type == AnswerType.MULTI_CHOICE and mine.options == theirs.options


def test_focus_topics_are_the_five_topics():
    topics = BANK.question("prep.focus.topics")
    assert topics.type == AnswerType.MULTI_CHOICE and topics.level == Level.BASIS
    assert topics.options == tuple(TOPICS)


def test_every_focus_question_is_a_parent_dialogue_question_in_that_banks_order():
    offered = BANK.question("prep.focus.vragen").options
    parent_texts = [q.text for section in PARENT.sections if section.id in TOPICS for q in section.questions]
    assert set(offered) <= set(parent_texts)
    assert list(offered) == list(dict.fromkeys(parent_texts))  # each shared text once, nothing left out
    assert offered.count("Wat maakt het raam groter?") == 1


def test_focus_questions_can_be_typed_although_they_contain_commas():
    question = BANK.question("prep.focus.vragen")
    typed = "Met welke leerkrachten heeft de leerling een goed, neutraal of slecht contact?, 1"
    assert normalise_answer(question, typed) == [
        "Zijn er praktische problemen? (transport, financieel ...)",
        "Met welke leerkrachten heeft de leerling een goed, neutraal of slecht contact?",
    ]


def test_the_priority_choices_are_the_focus_topics_and_questions():
    assert [q.id for q in BANK.questions() if "prioriteit" in q.tags] == ["prep.focus.topics", "prep.focus.vragen"]
    assert all(q.level == Level.BASIS for q in BANK.sections[-1].questions)


def test_dialoog_banks_lists_the_counts():
    result = subprocess.run([sys.executable, "-m", "assistant", "banks"], capture_output=True, text=True)
    row = next(line.split() for line in result.stdout.splitlines() if line.startswith("parent_prep "))
    assert row[:5] == ["parent_prep", "teacher", "11", "20", "9"]


def test_who_does_what_is_an_action_plan_at_the_end_of_the_focus():
    plan = BANK.sections[-1].questions[-1]
    assert plan.id == "prep.focus.wie-doet-wat" and plan.type == AnswerType.ACTIONS and plan.level == Level.BASIS
