"""Does a free-text answer mention a word? Dutch-aware, typo-tolerant matching for the `mentions` condition.

A facilitator types fast and in Flemish: "wordt gepest", "klaagt vaak over buikpijn", "de bussen
rijden niet". A term matches a word of the answer when, after folding case and accents, one of the
word's forms equals the term or, for terms of five letters or more, is close to it (rapidfuzz
ratio >= min_score). A word's forms are the
word itself, the word with a Dutch inflection taken off (plural, diminutive, verb endings, the ge- of a
participle) and, for compounds, its start or end ("buikpijnklachten", "schoolangst"). Derivations that
change the meaning ("geldig" from "geld") are deliberately *not* forms: authors list such words
themselves.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass, field
from collections.abc import Iterator
from functools import lru_cache

DEFAULT_MIN_SCORE = 85.0
# A compound part must leave at least this many letters: "geld" must not hit "geldig".
MIN_COMPOUND_REST = 3
MIN_STEM = 3
MIN_TERM_STEMMED = 6
# Below this length one typo is a different word ("gel"/"geld", "pest"/"past"): short terms match exactly.
MIN_FUZZY = 5
# Longest first, so that "jes" is tried before "s". Only inflections: no derivations such as -ig, -heid.
_SUFFIXES = ("etjes", "tjes", "pjes", "etje", "jes", "tje", "pje", "ten", "den", "en", "je", "te", "de", "es", "s", "e", "n", "t", "d")
_VOWELS = set("aeiou")
_WORD = re.compile(r"[^\W_]+")


def _fold_run(run: re.Match[str] | str) -> str:
    decomposed = unicodedata.normalize("NFKD", run if isinstance(run, str) else run.group())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def fold(text: str) -> str:
    """Lower case without accents: 'Één' and 'een' compare equal."""
    # Only the letters outside ASCII can lose an accent: an answer of megabytes is mostly ASCII, and
    # looking at every letter of it in Python took seconds.
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_run, text)
    return text.casefold()


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(fold(text)))


def _stems(word: str) -> set[str]:
    """The word with one inflection ending removed, with Dutch spelling changes undone."""
    stems: set[str] = set()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM:
            stem = word[: -len(suffix)]
            stems.add(stem)
            if len(stem) > MIN_STEM and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                stems.add(stem[:-1])  # bussen -> buss -> bus
            if len(stem) >= 3 and stem[-1] not in _VOWELS and stem[-2] in _VOWELS and stem[-3] not in _VOWELS:
                stems.add(stem[:-1] + stem[-2] + stem[-1])  # problemen -> problem -> probleem
            if stem[-1] == "v":
                stems.add(stem[:-1] + "f")  # brieven -> brief
            elif stem[-1] == "z":
                stems.add(stem[:-1] + "s")  # reizen -> reis
    return stems


@lru_cache(maxsize=65536)
def word_forms(word: str) -> tuple[str, ...]:
    """Every form of one folded word that a term may match whole."""
    forms = {word} | _stems(word)
    if word.startswith("ge") and len(word) - 2 >= MIN_STEM + 1:  # participle: gepest, gepeste
        inner = word[2:]
        forms |= {inner} | _stems(inner)
    return tuple(sorted(forms))


@dataclass(frozen=True)
class _Forms:
    """The forms of a run of words: as a tuple (for rapidfuzz) and as a set (for exact tests)."""

    ordered: tuple[str, ...]
    known: frozenset[str]
    _parts: dict[int, tuple[frozenset[str], tuple[str, ...]]] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @classmethod
    def of(cls, forms: set[str] | tuple[str, ...]) -> _Forms:
        return cls(tuple(sorted(forms)), frozenset(forms))

    def compound_parts(self, length: int) -> tuple[frozenset[str], tuple[str, ...]]:
        """The starts and ends of `length` letters of the forms long enough to be compounds.

        Kept per length, so that every term of that length is matched against them in one C call.
        """
        if length not in self._parts:
            long_enough = [f for f in self.ordered if len(f) - length >= MIN_COMPOUND_REST]
            parts = {f[:length] for f in long_enough} | {f[-length:] for f in long_enough}
            self._parts[length] = (frozenset(parts), tuple(sorted(parts)))
        return self._parts[length]


@dataclass(frozen=True)
class _TextIndex:
    """A text as its distinct words (with their forms) and, for phrases, the order in which they come.

    Each distinct word is kept once: memory grows with the text by four bytes a word (a summary of an
    answer of 50 MB took 3 GB when every word of it was an object of its own), and a phrase is looked up
    by first finding the distinct words that fit each of its parts."""

    distinct: tuple[_Forms, ...]
    order: array            # the index into `distinct` of each word of the text, in order
    every: _Forms           # all forms of the text together (one C call matches them all)


_PIECE = 1 << 20


def _pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about a megabyte, cut between words."""
    start = 0
    while len(text) - start > _PIECE:
        gap = max(text.rfind(" ", start, start + _PIECE), text.rfind("\n", start, start + _PIECE))
        end = gap if gap > start else start + _PIECE  # no space in a megabyte: a word is cut, no more
        yield text[start:end]
        start = end
    yield text[start:]




@lru_cache(maxsize=4096)
def _text_index(text: str) -> _TextIndex:
    """The words of a text and their forms. Cached because the engine re-evaluates every rule after
    every answer while most answers stay the same."""
    seen: dict[str, int] = {}
    order = array("I")
    for piece in _pieces(fold(text)):  # a piece at a time: the words of a whole long answer at once took GBs
        found = _WORD.findall(piece)
        for word in dict.fromkeys(found):
            if word not in seen:
                seen[word] = len(seen)
        order.extend(map(seen.__getitem__, found))
    distinct = tuple(_Forms.of(word_forms(w)) for w in seen)
    return _TextIndex(distinct, order, _Forms.of({f for group in distinct for f in group.ordered}))


def _term_forms(term: str) -> tuple[str, ...]:
    """A long term matches in any inflection ("weigeren" hits "weigert"); a short one only as written,
    because the stems of short words collide ("geld" would become "gel")."""
    return word_forms(term) if len(term) >= MIN_TERM_STEMMED else (term,)


def _word_matches(term: str, forms: _Forms, min_score: float) -> bool:
    """Whether one folded term matches one of `forms`: equal, close, or a compound's start or end."""
    if any(form in forms.known for form in _term_forms(term)):
        return True
    length = len(term)
    if length < MIN_STEM:
        return False
    fuzzy = length >= MIN_FUZZY
    known_parts, ordered_parts = forms.compound_parts(length)
    if term in known_parts:
        return True
    if not fuzzy:
        return False
    from rapidfuzz import fuzz, process  # imported on first use: it is not needed to start the app

    return any(
        process.extractOne(term, candidates, scorer=fuzz.ratio, score_cutoff=min_score) is not None
        for candidates in (forms.ordered, ordered_parts)
    )


@lru_cache(maxsize=4096)
def _term_words(term: str) -> tuple[str, ...]:
    return words(term)


@lru_cache(maxsize=65536)
def mentions(text: str, term: str, min_score: float = DEFAULT_MIN_SCORE) -> bool:
    """True when `text` mentions `term` (a word or a phrase of several words)."""
    parts = _term_words(term)
    if not parts:
        return False
    index = _text_index(text)
    # Each word must occur somewhere before a phrase is worth looking for word by word.
    if not all(_word_matches(part, index.every, min_score) for part in parts):
        return False
    if len(parts) == 1:
        return True
    fits = [{n for n, forms in enumerate(index.distinct) if _word_matches(part, forms, min_score)} for part in parts]
    order, size, first = index.order, len(parts), fits[0]
    for start in range(len(order) - size + 1):
        if order[start] in first and all(order[start + k] in fits[k] for k in range(1, size)):
            return True
    return False


@lru_cache(maxsize=16384)
def mentions_any(texts: tuple[str, ...], terms: tuple[str, ...], min_score: float = DEFAULT_MIN_SCORE) -> str | None:
    """The first term mentioned in any of `texts`, or None. Cached: one lookup per condition per evaluation."""
    for term in terms:
        for text in texts:
            if mentions(text, term, min_score):
                return term
    return None
