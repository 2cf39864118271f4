"""Every shipped rule is grounded or owned: a cited rule quotes its document word for word, an own rule says so.

The documents are the copies in tests/data/seeds/ (extracted from PDFs, so lines wrap mid-sentence):
a quote is compared after folding runs of whitespace and line breaks into one space, nothing else.
A quote (text in double quotes in a rule's `because`) belongs to the document named last before it;
"..." inside a quote stands for words left out. A rule that compares a number quotes that number.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest

from assistant.core import locations
from assistant.core.catalog import load_bank_folder, load_script_folder
from assistant.core.bank import AnswerType
from assistant.core.rules import AllOf, AnswerTest, AnyOf, Not
from assistant.core.script import OWN_PREFIX, SOURCE_PREFIX

SEEDS = Path(__file__).parent.parent / "data" / "seeds"
# How a `because` names each document (the seeds README describes them).
DOCUMENTS = {
    "Dialoogdocument aanwezigheidsbeleid op school": "000_dc7eb8f1eb325aa8.txt",
    "Zorgcontinuüm spijbelen en afwezigheden": "001_32e939cdea7a1057.txt",
    "Meet & Greet Samen tegen Schooluitval": "002_8de0ff0e2f1d2316.txt",
    "Preventieplan afwezigheden": "002_8de0ff0e2f1d2316.txt",
    "Dialoogdocument ouders": "002_8de0ff0e2f1d2316.txt",
    "Mini bevraging": "002_8de0ff0e2f1d2316.txt",
    "Fiche Aanwezig op school": "003_0c8ee778820e70ae.txt",
    "Aanwezigheidsbeleid op fase 2": "004_67dbec2f3010347c.txt",
}
QUOTE = re.compile(r'"([^"]+)"')
NAMES = re.compile("|".join(re.escape(name) for name in sorted(DOCUMENTS, key=len, reverse=True)))


def flat(text: str) -> str:
    return " ".join(text.split())


@cache
def document(name: str) -> str:
    return flat((SEEDS / DOCUMENTS[name]).read_text(encoding="utf-8"))


@cache
def rules():
    banks = load_bank_folder(locations.banks_dir())
    scripts = load_script_folder(locations.scripts_dir(), banks)
    return [(script.id, rule) for script in scripts.values() for rule in script.rules]


def quotes(because: str) -> list[tuple[str | None, str]]:
    """Each quote with the document named last before it (None: no document named yet)."""
    text = flat(because)
    named = [(m.start(), m.group()) for m in NAMES.finditer(text)]
    found = []
    for match in QUOTE.finditer(text):
        before = [name for at, name in named if at < match.start()]
        found.append((before[-1] if before else None, match.group(1)))
    return found


def found_in(quote: str, source: str) -> bool:
    """The quote's parts (split at "...") occur in the source, in order."""
    at = 0
    for part in (p.strip() for p in quote.split(" ... ")):
        at = source.find(part, at)
        if at < 0:
            return False
        at += len(part)
    return True


def numbers(condition) -> set[float]:
    if isinstance(condition, (AnyOf, AllOf)):
        return set().union(*(numbers(part) for part in condition.parts))
    if isinstance(condition, Not):
        return numbers(condition.part)
    if isinstance(condition, AnswerTest):
        found = set()
        operand = condition.operand
        below_the_top = condition.kind == AnswerType.SCALE and condition.op == "lt" and operand == 10  # "can still go up"
        if isinstance(operand, (int, float)) and not isinstance(operand, bool) and not below_the_top:
            found.add(float(operand))
        edges = [float(band.split("-")[0].rstrip("+")) for band in condition.bands or () if band[0].isdigit()]
        return found | ({min(edges)} if edges else set())  # the lowest band's lower edge is the threshold
    return set()


def ids(value):
    return f"{value[0]}:{value[1].id}" if isinstance(value, tuple) else None


@pytest.mark.parametrize("item", rules(), ids=ids)
def test_a_rule_is_grounded_in_a_quote_or_owned(item):
    script_id, rule = item
    text = flat(rule.because)
    if rule.own:
        assert text.startswith(OWN_PREFIX) and SOURCE_PREFIX not in text, rule.because
    else:
        assert SOURCE_PREFIX in text and quotes(rule.because), f"{rule.id} cites no quote: {rule.because}"


@pytest.mark.parametrize("item", rules(), ids=ids)
def test_every_quote_is_found_word_for_word_in_the_document_it_names(item):
    script_id, rule = item
    for name, quote in quotes(rule.because):
        assert name is not None, f"{rule.id}: the quote \"{quote}\" names no document before it"
        assert found_in(quote, document(name)), f"{rule.id}: \"{quote}\" is not in {name} ({DOCUMENTS[name]})"


@pytest.mark.parametrize("item", rules(), ids=ids)
def test_a_threshold_a_rule_compares_is_in_its_source(item):
    """No invented thresholds: the numbers a rule compares (beyond 0 and 1, and "below 10" on a 0-10 scale) are quoted."""
    script_id, rule = item
    quoted = " ".join(q for _, q in quotes(rule.because))
    for number in numbers(rule.when) - {0.0, 1.0}:
        assert re.search(rf"(?<!\d){number:g}(?!\d)", quoted), f"{rule.id} compares {number:g}, which it does not quote"


def test_the_check_catches_a_paraphrase_and_a_misattribution():
    assert found_in("Bespreking vanaf 5 B-codes", document("Zorgcontinuüm spijbelen en afwezigheden"))
    assert not found_in("Bespreking vanaf 4 B-codes", document("Zorgcontinuüm spijbelen en afwezigheden"))
    assert not found_in("Bespreking vanaf 5 B-codes", document("Aanwezigheidsbeleid op fase 2"))
    assert quotes('Bron: Zorgcontinuüm spijbelen en afwezigheden ("a"); Aanwezigheidsbeleid op fase 2 ("b")') == [
        ("Zorgcontinuüm spijbelen en afwezigheden", "a"), ("Aanwezigheidsbeleid op fase 2", "b")]


def test_the_copies_are_the_shared_documents():
    shared = Path("/work/shared/seeds")
    if not shared.is_dir():
        pytest.skip("the shared documents are not on this machine")
    for name in set(DOCUMENTS.values()):
        assert (SEEDS / name).read_bytes() == (shared / name).read_bytes(), name
