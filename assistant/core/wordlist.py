"""The Dutch words an anonymised export may leave in clear (assistant/data/wordlist, from OpenTaal).

A capitalised word inside a sentence that is no ordinary Dutch word is probably a name: the check
before sharing asks about it, and the command line hides it. The list (some 400,000 words) is read
only when something is anonymised, once per process; the app's start never pays for it.
"""

from __future__ import annotations

import functools
import gzip
from dataclasses import dataclass
from pathlib import Path

WORDLIST = Path(__file__).resolve().parent.parent / "data" / "wordlist" / "nl.txt.gz"


@dataclass(frozen=True)
class Words:
    base: frozenset[str]         # approved base words: 'roos', 'gent', and 'Frans', 'Pasen' as written
    inflections: frozenset[str]  # 'stoeltjes', 'wouters'
    names: frozenset[str]        # proper names and places: 'Wouters', 'Mortsel', 'Roos'


@functools.cache
def words() -> Words:
    text = gzip.decompress(WORDLIST.read_bytes()).decode("utf-8")
    parts: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.split("\n"):
        if line.startswith("# "):
            current = parts.setdefault(line[2:], [])
        elif line:
            current.append(line)
    return Words(frozenset(parts["base"]), frozenset(parts["inflections"]), frozenset(parts["names"]))


def is_word(token: str) -> bool:
    """True when `token` as written, or in small letters, is an ordinary Dutch word (not only a name)."""
    w = words()
    lower = token.lower()
    return token in w.base or lower in w.base or lower in w.inflections


def _known(lower: str) -> bool:
    w = words()
    return lower in w.base or lower in w.inflections


def is_compound(token: str, depth: int = 0) -> bool:
    """Whether `token` is made of ordinary words, as Dutch makes new words: 'leerlingnummer',
    'GON-begeleider', 'schoolbusrit' (with the linking s or e between: 'verjaardagsfeest')."""
    lower = token.lower()
    if "-" in lower:
        written = token.split("-")
        if any(w[:1].isupper() and w[1:2].islower() for w in written[1:]):
            return False  # 'Sint-Jozefschool', 'Marie-Louise': a name's parts keep their capitals
        parts = [p for p in lower.split("-") if p]
        return bool(parts) and all(_known(p) or is_compound(p, depth + 1) or (len(p) <= 5 and p.isalpha()
                                                                                and token.split("-")[i].isupper())
                                   for i, p in enumerate(parts))
    if depth > 2 or len(lower) < 7:
        return False
    for cut in range(3, len(lower) - 2):
        left, right = lower[:cut], lower[cut:]
        if not (_known(left) or left.endswith(("s", "e")) and _known(left[:-1]) or left.endswith("en") and _known(left[:-2])):
            continue
        if _known(right) or is_compound(right, depth + 1):
            return True
    return False


def probable_name(token: str, *, sentence_start: bool) -> bool:
    """Whether a capitalised `token` is probably a name or a place. Inside a sentence a capital says so
    unless the word is written with one ('Frans', 'Pasen') or is an ordinary word and no known name
    ('School'). At the start of a sentence every word has a capital: a name when it is no ordinary word
    ('Sofie'), or a known name that is only a rare inflection otherwise ('Wouters', not 'Roos')."""
    w = words()
    lower = token.lower()
    if token in w.base:  # a word written with a capital: a language, a holiday, a nationality
        return False
    if token in w.names:
        return not sentence_start or lower not in w.base
    return not _known(lower) and not is_compound(token)
