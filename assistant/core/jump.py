"""Finding a question by what someone types: the command palette's fuzzy jump, run per keystroke.

Every typed word must resemble a word of the question: as its start ("twijf" while typing), inside
a compound ("pijn" in "buikpijn"), or with a typo ("atesten"); a question's score is the mean of its
words' best matches, so "wie doet wat" ranks the question with all three first. Ties go to the
closer whole text (rapidfuzz's WRatio), then to bank order.

A `QuestionFinder` folds the texts (case and punctuation) and indexes their words once; a keystroke
then costs one C call per typed word over that vocabulary, and a look at the questions that use the
words it matched. Build it when the banks are known and keep it. rapidfuzz is imported when the
first finder is built, not at start-up.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.core.bank import Bank

MIN_SCORE = 75       # the mean over the typed words
MIN_WORD_SCORE = 60  # and every typed word must be at least this close to some word of the question
LIMIT = 20


@dataclass(frozen=True)
class Found:
    question_id: str
    text: str
    bank_id: str
    score: float  # 0-100, higher is better


class QuestionFinder:
    """Every question of some banks, ready to be searched by fuzzy text."""

    def __init__(self, banks: Mapping[str, Bank] | Iterable[Bank], only: Iterable[str] | None = None):
        """`only`: the ids of the questions to search (a script's), in the banks' order; default all."""
        from rapidfuzz.utils import default_process

        collection = banks.values() if isinstance(banks, Mapping) else banks
        wanted = None if only is None else set(only)
        self._questions = [(q.id, q.text, bank.id) for bank in collection for q in bank.questions()
                           if wanted is None or q.id in wanted]
        self._folded = [default_process(text) for _, text, _ in self._questions]
        vocabulary: dict[str, int] = {}
        postings: list[list[int]] = []  # per word of the vocabulary: the questions that use it
        for index, text in enumerate(self._folded):
            for word in set(text.split()):
                if word not in vocabulary:
                    vocabulary[word] = len(vocabulary)
                    postings.append([])
                postings[vocabulary[word]].append(index)
        self._vocabulary = list(vocabulary)
        self._postings = postings

    def __len__(self) -> int:
        return len(self._questions)

    def _word_matches(self, typed: str) -> dict[int, float]:
        """The questions with a word close to `typed`: question index -> that word's score (0-100)."""
        from rapidfuzz import fuzz, process

        if len(typed) <= 2:  # one or two letters say little: only a word's start counts
            hits = [(i, 100.0) for i, word in enumerate(self._vocabulary) if word.startswith(typed)]
        else:  # the typed word inside a word: its start, a compound, a typo
            hits = []
            for word, score, i in process.extract(typed, self._vocabulary, scorer=fuzz.partial_ratio, limit=None,
                                                  score_cutoff=MIN_WORD_SCORE):
                if len(word) < len(typed) - 1:  # a short word inside a longer typed one ("de" in "deel") is no match
                    score = fuzz.ratio(typed, word)
                    if score < MIN_WORD_SCORE:
                        continue
                hits.append((i, score))
        best: dict[int, float] = {}
        for i, score in hits:
            for question in self._postings[i]:
                if score > best.get(question, 0.0):
                    best[question] = score
        return best

    def find(self, query: str, limit: int = LIMIT) -> list[Found]:
        """The questions that best match `query`, best first; empty for a query without words."""
        from rapidfuzz import fuzz
        from rapidfuzz.utils import default_process

        folded = default_process(query)
        typed = folded.split()
        if not typed or limit < 1:
            return []
        per_word = [self._word_matches(word) for word in typed]
        per_word.sort(key=len)  # the rarest word first: it decides which questions are left to look at
        candidates = []
        for index, first in per_word[0].items():
            total = first
            for matches in per_word[1:]:
                score = matches.get(index)
                if score is None:
                    break
                total += score
            else:
                mean = total / len(typed)
                if mean >= MIN_SCORE:
                    candidates.append((mean, index))
        candidates.sort(key=lambda c: (-c[0], -fuzz.WRatio(folded, self._folded[c[1]]), c[1]))
        return [Found(*self._questions[index], score) for score, index in candidates[:limit]]


def find_questions(query: str, banks: Mapping[str, Bank] | Iterable[Bank], limit: int = LIMIT) -> list[Found]:
    """One search without keeping a finder (it prepares every text again: per keystroke, keep a QuestionFinder)."""
    return QuestionFinder(banks).find(query, limit)
