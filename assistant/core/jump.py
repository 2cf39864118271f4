"""Finding a question by what someone types: the command palette's fuzzy jump, run per keystroke.

Every typed word must resemble a word of the question: as its start ("twijf" while typing), inside
a compound ("pijn" in "buikpijn"), or with a typo ("atesten"); a question's score is the mean of its
words' best matches, so "wie doet wat" ranks the question with all three first. Ties go to the
closer whole text (rapidfuzz's WRatio), then to bank order.

A `QuestionFinder` folds the texts (case, accents stay, punctuation goes) and splits them into a
vocabulary once; a keystroke then costs two C calls per typed word over that vocabulary and a pass
over the questions. Build it when the banks are known and keep it. rapidfuzz is imported when the
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

    def __init__(self, banks: Mapping[str, Bank] | Iterable[Bank]):
        from rapidfuzz.utils import default_process

        collection = banks.values() if isinstance(banks, Mapping) else banks
        self._questions = [(q.id, q.text, bank.id) for bank in collection for q in bank.questions()]
        self._folded = [default_process(text) for _, text, _ in self._questions]
        vocabulary: dict[str, int] = {}
        self._words = [tuple({vocabulary.setdefault(w, len(vocabulary)) for w in text.split()}) or (0,)
                       for text in self._folded]
        self._vocabulary = list(vocabulary) or [""]
        self._lengths = [len(w) for w in self._vocabulary]

    def __len__(self) -> int:
        return len(self._questions)

    def _word_scores(self, typed: str) -> list[float]:
        """How close `typed` is to each word of the vocabulary (0-100)."""
        from rapidfuzz import fuzz, process

        vocabulary = self._vocabulary
        if len(typed) <= 2:  # one or two letters say little: only a word's start counts
            return [100.0 if word.startswith(typed) else 0.0 for word in vocabulary]
        partial = [0.0] * len(vocabulary)  # the typed word inside a word: a start, a compound, a typo
        whole = [0.0] * len(vocabulary)
        for _, score, index in process.extract(typed, vocabulary, scorer=fuzz.partial_ratio, limit=None):
            partial[index] = score
        for _, score, index in process.extract(typed, vocabulary, scorer=fuzz.ratio, limit=None):
            whole[index] = score
        # A short word of the text inside a longer typed word ("de" in "deelnemen") is no match.
        shortest = len(typed) - 1
        return [partial[i] if self._lengths[i] >= shortest else whole[i] for i in range(len(vocabulary))]

    def find(self, query: str, limit: int = LIMIT) -> list[Found]:
        """The questions that best match `query`, best first; empty for a query without words."""
        from rapidfuzz import fuzz
        from rapidfuzz.utils import default_process

        folded = default_process(query)
        typed = folded.split()
        if not typed or limit < 1:
            return []
        per_word = [self._word_scores(word) for word in typed]
        candidates = []
        for index, words in enumerate(self._words):
            bests = [max(map(scores.__getitem__, words)) for scores in per_word]
            if min(bests) >= MIN_WORD_SCORE:
                score = sum(bests) / len(bests)
                if score >= MIN_SCORE:
                    candidates.append((score, index))
        candidates.sort(key=lambda c: (-c[0], -fuzz.WRatio(folded, self._folded[c[1]]), c[1]))
        return [Found(*self._questions[index], score) for score, index in candidates[:limit]]


def find_questions(query: str, banks: Mapping[str, Bank] | Iterable[Bank], limit: int = LIMIT) -> list[Found]:
    """One search without keeping a finder (it prepares every text again: per keystroke, keep a QuestionFinder)."""
    return QuestionFinder(banks).find(query, limit)
