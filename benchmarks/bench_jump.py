"""The palette's fuzzy question jump, per keystroke, over every question of every bank.

Each run is one keystroke: the query grows letter by letter as someone types a few phrases (with a
typo), and the finder searches after each letter. Baseline: a case-folded substring filter over
the same texts (what a plain "contains" search costs), measured on the same keystrokes in the same
run. Also over the shipped banks plus a synthetic 5,000-question bank, and `find_questions`, which
prepares the texts again on every call, against a finder kept between keystrokes.
"""

from __future__ import annotations

from assistant.core import locations
from assistant.core.bank import bank_from_located
from assistant.core.catalog import load_bank_folder
from assistant.core.jump import QuestionFinder, find_questions
from assistant.core.yamlsource import parse_located
from benchmarks.bench_banks import synthetic_bank
from benchmarks.timing import per_input, row

TYPED = ("twijfelachtige atesten", "wie doet wat", "prioriteiten", "vervoer bus", "samenwerking clb")


def keystrokes(phrases: tuple[str, ...] = TYPED) -> list[str]:
    """Every query the palette sees while these phrases are typed (from the second letter on)."""
    return [phrase[:n] for phrase in phrases for n in range(2, len(phrase) + 1)]


def _substring(texts: list[str]):
    def search(query: str) -> list[str]:
        folded = query.casefold()
        return [t for t in texts if folded in t][:20]
    return search


def run(quick: bool = False) -> list[dict]:
    banks = load_bank_folder(locations.banks_dir())
    keys = keystrokes(TYPED[:2] if quick else TYPED)
    finder = QuestionFinder(banks)
    texts = [q.text.casefold() for bank in banks.values() for q in bank.questions()]
    shipped = per_input({"finder": finder.find, "substring": _substring(texts)}, keys, warmup=2)
    rebuilt = per_input({"kept": finder.find, "rebuilt": lambda q: find_questions(q, banks)}, keys[: len(keys) // 2], warmup=2)
    big = bank_from_located(parse_located(synthetic_bank(5000), "synthetic.yaml"))
    everything = {**banks, big.id: big}
    big_finder = QuestionFinder(everything)
    big_texts = [q.text.casefold() for bank in everything.values() for q in bank.questions()]
    large = per_input({"finder": big_finder.find, "substring": _substring(big_texts)},
                      keys[: len(keys) // (3 if quick else 1)], warmup=2)
    return [
        row(f"fuzzy question jump per keystroke ({len(finder)} questions, {len(banks)} banks)", shipped["finder"],
            "substring filter", shipped["substring"]),
        row(f"the same, preparing the texts on every keystroke (find_questions)", rebuilt["rebuilt"],
            "finder kept", rebuilt["kept"]),
        row(f"fuzzy question jump per keystroke ({len(big_finder):,} questions, with a synthetic bank)", large["finder"],
            "substring filter", large["substring"]),
    ]
