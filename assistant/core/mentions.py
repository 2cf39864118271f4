"""Does a free-text answer mention a word? Dutch-aware, typo-tolerant, negation-aware matching for `mentions`.

A facilitator types fast and in Flemish: "wordt gepest", "klaagt vaak over buikpijn", "de bussen
rijden niet". A term matches a word of the answer when, after folding case and accents, one of the
word's forms equals the term or, for terms of five letters or more, is close to it (rapidfuzz
ratio >= min_score). A word's forms are the
word itself, the word with a Dutch inflection taken off (plural, diminutive, verb endings, the ge- of a
participle) and, for compounds, its start or end ("buikpijnklachten", "schoolangst"). Derivations that
change the meaning ("geldig" from "geld") are deliberately *not* forms: authors list such words
themselves.

A word said not to be so does not count: "hij is niet bang" does not mention "bang" (see
assistant.core.negation for clauses, cues and spoken Flemish). With `dismissal_only` only a dismissal
cancels a mention ("geen probleem", "valt mee"): for words that name a topic a negative sentence is
still about ("de bus rijdt niet", "geen geld voor het abonnement"). A term that holds a negation cue
itself ("wil niet naar school", "geen stappenplan") looks for the negative and is never cancelled.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.core.negation import NEGATORS, Reading

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
    _near: dict[tuple[int, str, str], tuple[str, ...]] = field(default_factory=dict, compare=False, hash=False, repr=False)

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

    def near(self, term: str) -> tuple[str, ...]:
        """The forms a typo of `term` can be: one letter longer or shorter at most, and with its first or its last
        letter (one slip does not change both). Kept per shape, so that most terms need no fuzzy search at all."""
        key = (len(term), term[0], term[-1])
        if key not in self._near:
            self._near[key] = tuple(f for f in self.ordered + self.compound_parts(len(term))[1]
                                    if abs(len(f) - key[0]) <= 1 and (f[0] == key[1] or f[-1] == key[2]))
        return self._near[key]


@dataclass(frozen=True)
class _Text:
    """An answer prepared for matching: the forms of each of its distinct words, all forms together (one
    C call matches them all), and its reading (the words in order, clauses and negation)."""

    distinct: tuple[tuple[str, ...], ...]  # the forms of reading.distinct[n]
    every: _Forms
    reading: Reading


_PIECE = 1 << 20
_CUT = re.compile(r"[^\W_](?=[\W_])")  # the end of a word: no separator starts before it and goes on after


def _pieces(text: str) -> Iterator[str]:
    """`text` in pieces of about a megabyte, each cut at the end of a word, so that no word and no separator
    (a run of full stops, a dash between spaces) is cut: read piece by piece, the text reads as a whole."""
    start = 0
    while len(text) - start > _PIECE:
        end = start + _PIECE
        cut = None
        for near in (end - 4096, start):  # most texts have one in the last few kilobytes
            for cut in _CUT.finditer(text, max(near, start), end + 1):  # + 1: the character after the last one
                pass
            if cut is not None:
                break
        else:
            cut = _CUT.search(text, end, end + _PIECE + 1)  # none in this piece: the first one after it
        end = cut.end() if cut is not None else end  # no word ends in two megabytes: one is cut, no more
        yield text[start:end]
        start = end
    yield text[start:]


@lru_cache(maxsize=4096)
def _text_index(text: str) -> _Text:
    """Cached because the engine re-evaluates every rule after every answer while most answers stay the same.
    Read a piece at a time, and each distinct word once: the words of a long answer as objects of their own
    took GBs (a summary of a 50 MB answer took 3 GB)."""
    reading = Reading.read(_pieces(fold(text)))
    distinct = tuple(word_forms(w) if w else () for w in reading.distinct)
    return _Text(distinct, _Forms.of({f for forms in distinct for f in forms}), reading)


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

    # A typo adds, drops or changes a letter: a close word two letters longer or shorter is another word
    # ("blijven" is not a typo of "nablijven"); the candidates are the words and compound parts of that shape.
    candidates = forms.near(term)
    return bool(candidates) and process.extractOne(term, candidates, scorer=fuzz.ratio, score_cutoff=min_score) is not None


@lru_cache(maxsize=4096)
def _term_words(term: str) -> tuple[str, ...]:
    return words(term)


@lru_cache(maxsize=65536)
def mentions(text: str, term: str, min_score: float = DEFAULT_MIN_SCORE, dismissal_only: bool = False) -> bool:
    """True when `text` mentions `term` (a word or a phrase of several words) in a clause that does not
    say it is not so (any negation cue; with `dismissal_only`, only "geen probleem", "valt mee" and the like)."""
    parts = _term_words(term)
    if not parts:
        return False
    index = _text_index(text)
    # Each word must occur somewhere before a phrase is worth looking for word by word.
    if not all(_word_matches(part, index.every, min_score) for part in parts):
        return False
    reading = index.reading
    negative_term = any(part in NEGATORS for part in parts)
    if len(parts) == 1 and (negative_term or not reading.any_negation):
        return True
    fits = [_fitting(part, index, min_score) for part in parts]
    return _said(reading, fits, regardless=negative_term, dismissal_only=dismissal_only)


def _fitting(term: str, index: _Text, min_score: float) -> frozenset[int]:
    """The distinct words of a text that `term` matches (as _word_matches on each, but the close words and
    compound parts are found once for the whole text and each word is only looked up in them)."""
    every, length = index.every, len(term)
    exact = every.known.intersection(_term_forms(term))
    parts = {term} if length >= MIN_STEM and term in every.compound_parts(length)[0] else set()
    if length >= MIN_FUZZY:
        from rapidfuzz import fuzz, process

        close = {found for found, _, _ in process.extract(term, every.near(term), scorer=fuzz.ratio,
                                                              score_cutoff=min_score, limit=None)}
        exact |= close
        parts |= close
    if not exact and not parts:
        return frozenset()
    long_enough = length + MIN_COMPOUND_REST
    return frozenset(n for n, forms in enumerate(index.distinct)
                     if not exact.isdisjoint(forms)
                     or (parts and any(f[:length] in parts or f[-length:] in parts for f in forms if len(f) >= long_enough)))


def _said(reading: Reading, fits: list[frozenset[int]], *, regardless: bool, dismissal_only: bool) -> bool:
    """Whether the words that fit each part of a term come one after the other somewhere in the text, in a
    clause that does not say it is not so (or anywhere, `regardless`)."""
    order, size = reading.order, len(fits)
    stop = len(order) - size + 1
    for first in fits[0]:
        at = 0
        while at < stop:
            try:
                at = order.index(first, at, stop)  # a scan in C, not a step in Python per word
            except ValueError:
                break
            if all(order[at + k] in fits[k] for k in range(1, size)):
                if regardless:
                    return True
                clause = reading.clause_at(at)
                if not reading.blocked_clause(clause, dismissal_only=dismissal_only):
                    return True
                at = max(at + 1, reading.clause_end(clause))  # the rest of this clause says it is not so too
            else:
                at += 1
    return False
    return False


@lru_cache(maxsize=16384)
def mentions_any(texts: tuple[str, ...], terms: tuple[str, ...], min_score: float = DEFAULT_MIN_SCORE,
                 dismissal_only: bool = False) -> str | None:
    """The first term mentioned in any of `texts`, or None. Cached: one lookup per condition per evaluation."""
    for term in terms:
        for text in texts:
            if mentions(text, term, min_score, dismissal_only):
                return term
    return None
