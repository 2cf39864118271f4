"""Every condition operator, on every answer type it fits, with answers that make it true, false and unknown."""

import pytest

from assistant.core.rules import AnswerTest, ConditionParser
from assistant.core.yamlsource import parse_located
from engine_helpers import normalised, engine_banks

INDEX = {q.id: q for bank in engine_banks().values() for q in bank.questions()}


def condition(text: str):
    located = parse_located(text, "rule.yaml")
    errors = []
    parsed = ConditionParser(located, INDEX.get, sorted(INDEX), errors).parse(located.data, ())
    assert not errors, [str(e) for e in errors]
    return parsed


def errors_of(text: str) -> list[str]:
    located = parse_located(text, "rule.yaml")
    errors = []
    ConditionParser(located, INDEX.get, sorted(INDEX), errors).parse(located.data, ())
    return [str(e) for e in errors]


CODES = {"B": {"0-4": 12, "5-9": 2}, "D": {"20-29": 1}, "L": {"0-4": 4}}
FACTORS = {"groter": [], "kleiner": ["ruzie thuis", "wordt gepest"]}
ACTIONS = [{"wat": "Ouders bellen", "wie": "titularis", "wanneer": "later", "check": ""}]

# (condition, answers, expected): True fires, False does not, None = not known yet (unanswered).
CASES = [
    # equals: yes_no (YAML's yes/no booleans mean ja/nee), choice, number, scale, counts, factors, actions
    ("{answer: eng.schakel, equals: ja}", {"eng.schakel": "ja"}, True),
    ("{answer: eng.schakel, equals: ja}", {"eng.schakel": "nee"}, False),
    ("{answer: eng.schakel, equals: no}", {"eng.schakel": "nee"}, True),
    ("{answer: eng.schakel, equals: ja}", {}, None),
    ("{answer: eng.stappenplan, equals: Deels}", {"eng.stappenplan": "deels"}, True),
    ("{answer: eng.stappenplan, equals: ja}", {"eng.stappenplan": "deels"}, False),
    ("{answer: eng.laat, equals: 10}", {"eng.laat": "10"}, True),
    ("{answer: eng.score, equals: 7}", {"eng.score": 6}, False),
    ("{answer: eng.codes, row: D, equals: 1}", {"eng.codes": CODES}, True),
    ("{answer: eng.venster, side: groter, equals: 0}", {"eng.venster": FACTORS}, True),
    ("{answer: eng.acties, equals: 1}", {"eng.acties": ACTIONS}, True),
    # in: choice
    ("{answer: eng.stappenplan, in: [nee, deels]}", {"eng.stappenplan": "deels"}, True),
    ("{answer: eng.stappenplan, in: [nee, deels]}", {"eng.stappenplan": "ja"}, False),
    ("{answer: eng.stappenplan, in: [nee, deels]}", {}, None),
    # contains: multi_choice, one option or any of several
    ("{answer: eng.kanalen, contains: mail}", {"eng.kanalen": ["telefoon", "mail"]}, True),
    ("{answer: eng.kanalen, contains: [mail, smartschool]}", {"eng.kanalen": ["telefoon"]}, False),
    # gt / gte / lt / lte on number, scale, counts (row and bands), factors (side), actions
    ("{answer: eng.laat, gt: 10}", {"eng.laat": 11}, True),
    ("{answer: eng.laat, gt: 10}", {"eng.laat": 10}, False),
    ("{answer: eng.laat, gte: 10}", {"eng.laat": 10}, True),
    ("{answer: eng.laat, lt: 10}", {"eng.laat": 9.5}, True),
    ("{answer: eng.laat, lte: 10}", {"eng.laat": 10.5}, False),
    ("{answer: eng.laat, gte: 10}", {}, None),
    ("{scale: eng.score, lte: 5}", {"eng.score": 5}, True),
    ("{scale: eng.score, lte: 5}", {"eng.score": 6}, False),
    ("{scale: eng.score, lte: 5}", {}, None),
    ("{answer: eng.codes, row: B, bands: [5-9, 10-19, 20-29, 30+], gte: 1}", {"eng.codes": CODES}, True),
    ("{answer: eng.codes, row: B, bands: [10-19, 20-29, 30+], gte: 1}", {"eng.codes": CODES}, False),
    ("{answer: eng.codes, row: [B, D], gte: 15}", {"eng.codes": CODES}, True),
    ("{answer: eng.codes, gte: 20}", {"eng.codes": CODES}, False),  # all rows, all bands: 19
    ("{answer: eng.codes, row: Z, lt: 1}", {"eng.codes": CODES}, True),  # an empty row counts 0
    ("{answer: eng.venster, side: kleiner, gte: 2}", {"eng.venster": FACTORS}, True),
    ("{answer: eng.venster, gte: 3}", {"eng.venster": FACTORS}, False),
    ("{answer: eng.acties, lt: 1}", {"eng.acties": ACTIONS}, False),
    # mentions: text, factors (one side or both), actions (every field); min_score
    ("{answer: eng.attesten, mentions: [twijfel, vals]}", {"eng.attesten": "Veel twijfels bij attesten"}, True),
    ("{answer: eng.attesten, mentions: [twijfel, vals]}", {"eng.attesten": "Geen probleem"}, False),
    ("{answer: eng.attesten, mentions: twijfel}", {}, None),
    ("{answer: eng.attesten, mentions: buikpijn, min_score: 85}", {"eng.attesten": "buikpjin"}, True),
    ("{answer: eng.attesten, mentions: buikpijn, min_score: 100}", {"eng.attesten": "buikpjin"}, False),
    ("{answer: eng.venster, side: kleiner, mentions: pest}", {"eng.venster": FACTORS}, True),
    ("{answer: eng.venster, side: groter, mentions: pest}", {"eng.venster": FACTORS}, False),
    ("{answer: eng.acties, mentions: later}", {"eng.acties": ACTIONS}, True),
    # mentions and negation: any cue in the clause cancels a mention; with negation: dismissal only a dismissal
    ("{answer: eng.oorzaken, mentions: bus}", {"eng.oorzaken": "De bus rijdt niet altijd"}, False),
    ("{answer: eng.oorzaken, mentions: bus, negation: dismissal}", {"eng.oorzaken": "De bus rijdt niet altijd"}, True),
    ("{answer: eng.oorzaken, mentions: bus, negation: dismissal}", {"eng.oorzaken": "De bus? Dat valt mee."}, False),
    ("{answer: eng.oorzaken, mentions: bus, negation: any}", {"eng.oorzaken": "Met de bus"}, True),
    # equals ja / nee on a text answer: the whole answer is a yes or a no
    ("{answer: eng.attesten, equals: nee}", {"eng.attesten": "Nee hoor"}, True),
    ("{answer: eng.attesten, equals: no}", {"eng.attesten": "neen"}, True),
    ("{answer: eng.attesten, equals: nee}", {"eng.attesten": "Nee, maar soms wel"}, False),
    ("{answer: eng.attesten, equals: ja}", {"eng.attesten": "Ja, zeker"}, True),
    ("{answer: eng.attesten, equals: ja}", {}, None),
    # a list of questions: true when the test holds for any of them
    ("{answer: [eng.oorzaken, eng.attesten], mentions: pest}", {"eng.oorzaken": "wordt gepest"}, True),
    ("{answer: [eng.oorzaken, eng.attesten], mentions: pest}", {"eng.oorzaken": "niets"}, None),
    ("{answer: [eng.oorzaken, eng.attesten], mentions: pest}", {"eng.oorzaken": "niets", "eng.attesten": "ok"}, False),
    # answered
    ("{answered: eng.onthaal}", {"eng.onthaal": "Aan de balie"}, True),
    ("{answered: eng.onthaal}", {}, False),
    # not, any, all: three-valued, so an unanswered question never makes a rule fire by accident
    ("{not: {answer: eng.schakel, equals: ja}}", {"eng.schakel": "nee"}, True),
    ("{not: {answer: eng.schakel, equals: ja}}", {"eng.schakel": "ja"}, False),
    ("{not: {answer: eng.schakel, equals: ja}}", {}, None),
    ("{not: {answered: eng.onthaal}}", {}, True),
    ("{any: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 3}, True),
    ("{any: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 8}, None),
    ("{any: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 8, "eng.laat": 2}, False),
    ("{all: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 8}, False),
    ("{all: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 3}, None),
    ("{all: [{answer: eng.laat, gt: 10}, {answer: eng.score, lte: 5}]}", {"eng.score": 3, "eng.laat": 20}, True),
]


@pytest.mark.parametrize("text, answers, expected", CASES)
def test_operator(text, answers, expected):
    assert condition(text).evaluate(normalised(engine_banks(), answers)) is expected


def test_every_operator_and_head_is_covered():
    used = " ".join(text for text, _, _ in CASES)
    for word in ("equals", "in:", "contains", "gt:", "gte", "lt:", "lte", "mentions", "min_score", "answered",
                 "any:", "all:", "not:", "scale:", "row:", "bands:", "side:"):
        assert word in used, word


def test_an_answer_not_in_normal_form_is_unknown_not_a_crash():
    # an old transcript may hold a value of another shape; the rule then simply does not fire
    assert condition("{answer: eng.codes, row: B, gte: 1}").evaluate({"eng.codes": "veel"}) is None
    assert condition("{answer: eng.laat, gt: 1}").evaluate({"eng.laat": "veel"}) is None


def test_conditions_are_data_not_code():
    parsed = condition("{answer: eng.laat, gt: 10}")
    assert isinstance(parsed, AnswerTest) and parsed.operand == 10
    # an expression where a number belongs is refused, never evaluated
    assert errors_of("{answer: eng.laat, gt: '__import__(\"os\").system(\"true\")'}") == [
        "rule.yaml:1:24: 'gt' compares a number; '__import__(\"os\").system(\"true\")' is not a number"
    ]


@pytest.mark.parametrize(
    "text, message",
    [
        ("{answer: eng.attesten, gte: 5}", "'gte' does not fit question 'eng.attesten' (a text answer); use: mentions, equals"),
        ("{answer: eng.schakel, mentions: ja}", "'mentions' does not fit question 'eng.schakel' (a yes_no answer); use: equals"),
        ("{answer: eng.kanalen, equals: mail}", "'equals' does not fit question 'eng.kanalen' (a multi_choice answer); use: contains"),
        ("{answer: eng.stappenplan, in: deels}", "'in' takes a list of options, such as [nee, deels]"),
        ("{answer: eng.stappenplan, equals: 2}", "question 'eng.stappenplan': '2' is not one of the options: ja, nee, deels"),
        ("{answer: eng.schakel, equals: misschien}", "question 'eng.schakel': answer 'ja' or 'nee', not 'misschien'"),
        ("{answer: eng.codes, row: X, gte: 1}", "unknown row 'X' (expected one of: B, D, Z, L)"),
        ("{answer: eng.laat, row: B, gte: 1}", "'row' is only for counts questions; 'eng.laat' is a number answer"),
        ("{answer: eng.venster, side: breder, gte: 1}", "unknown side 'breder' (expected one of: groter, kleiner)"),
        ("{answer: eng.laat, gt: 1, min_score: 90}", "'min_score' is only for 'mentions'"),
        ("{answer: eng.attesten, mentions: []}", "'mentions' needs at least one word"),
        ("{answer: eng.attesten, mentions: bus, negation: none}", "'negation' is one of: any, dismissal (what cancels a "
         "mention: any negation cue in its clause, or only a dismissal such as 'geen probleem')"),
        ("{answer: eng.laat, gt: 1, negation: any}", "'negation' is only for 'mentions'"),
        ("{answer: eng.attesten, equals: misschien}", "'equals' on a text answer is ja or nee: the whole answer is a yes or a no (\"Nee hoor\")"),
        ("{answer: eng.attesten, mentions: [12]}", "'mentions' takes words or short phrases, such as [vervoer, bus, geld]"),
        ("{answer: eng.onbekend, gt: 1}", "unknown question 'eng.onbekend'"),
        ("{answer: [], gt: 1}", "'answer' takes a question id or a non-empty list of them"),
        ("{answred: eng.laat}", "a condition needs one of: answer, scale, answered, any, all, not (did you mean 'answered'?)"),
        ("{answered: eng.laat, equals: 1}", "'equals' does not belong in a 'answered' condition"),
        ("{any: {answered: eng.laat}}", "'any' takes a non-empty list of conditions"),
        ("{answer: eng.laat, scale: eng.score, gt: 1}", "'answer' and 'scale' in one condition: wrap them in {all: [...]} or {any: [...]}"),
        ("[eng.laat]", "a condition is a mapping such as {answer: ..., equals: ...}, {any: [...]} or {answered: ...}"),
    ],
)
def test_malformed_conditions_say_what_is_wrong(text, message):
    errors = errors_of(text)
    assert errors and errors[0].split(": ", 1)[1] == message, errors
