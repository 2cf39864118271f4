"""Every bundled question and probe is the source document's own wording (issue: content is faithful).

Texts are compared after folding case, whitespace and punctuation; a fuzzy partial match (rapidfuzz)
tolerates the line wraps and bullets the PDF extraction broke. An adapted prompt is tagged
`afgeleid` and its help names its source ("Bron: ...").
"""

import re
import unicodedata
from functools import cache
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from assistant.core import locations
from assistant.core.catalog import load_bank_folder

SEEDS = Path(__file__).parent / "data" / "seeds"
BANKS = load_bank_folder(locations.banks_dir()) if locations.banks_dir().is_dir() else {}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("’", "'").replace("‘", "'")
    text = re.sub(r"[^\w']+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


@cache
def source_text(name: str) -> str:
    return fold((SEEDS / name).read_text(encoding="utf-8"))


def cases():
    for bank in BANKS.values():
        for question in bank.questions():
            source = question.source or bank.source_file
            if question.is_derived:
                continue
            yield pytest.param(source, question.text, id=f"{bank.id}:{question.id}")
            for n, probe in enumerate(question.probes, 1):
                yield pytest.param(source, probe, id=f"{bank.id}:{question.id}:probe{n}")


def is_in_source(text: str, source: str) -> bool:
    """Found after folding; long texts may differ by a character or two (a repaired hyphenation)."""
    needle = fold(text)
    haystack = source_text(source)
    if needle in haystack:
        return True
    return len(needle) >= 40 and fuzz.partial_ratio(needle, haystack, score_cutoff=97) > 0


@pytest.mark.parametrize("source, text", list(cases()))
def test_question_text_comes_from_its_source_document(source, text):
    assert source, "the bank names no source_file and the question no source"
    assert is_in_source(text, source), f"not found in {source}: {text!r}"


def test_adapted_prompts_name_their_source():
    for bank in BANKS.values():
        for question in bank.questions():
            if question.is_derived:
                assert question.help and "Bron:" in question.help, f"{question.id}: afgeleid without 'Bron:' in help"


def test_the_fidelity_check_itself_rejects_invented_wording():
    assert is_in_source("Wie staat in voor registratie van afwezigheden (leerkracht, secretariaat, ...)?", "000_dc7eb8f1eb325aa8.txt")
    assert is_in_source("Hoe verloopt dit? Een leerling is afwezig, doorloop elke stap van registratie van de afwezigheid:", "000_dc7eb8f1eb325aa8.txt")
    assert not is_in_source("Hoe tevreden is de directie over de samenwerking met de politie?", "000_dc7eb8f1eb325aa8.txt")
    assert not is_in_source("Wie staat in voor registratie van aanwezigheden?", "000_dc7eb8f1eb325aa8.txt")
