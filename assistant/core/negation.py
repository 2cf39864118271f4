"""Which words of an answer are said, and which are said *not* to be: clauses, negation cues, dismissals.

A facilitator types what is said: "Goed hoor, hij is niet bang en heeft nooit buikpijn" mentions
"bang" and "buikpijn" without meaning them. `Reading.of(text)` splits an answer into clauses and
marks each clause that holds a negation cue (niet, geen, nooit, nergens, niemand, noch, zonder, ...)
or a dismissal ("geen probleem", "valt mee"); `mentions` then refuses a word found in such a clause.

A clause ends at punctuation, before a conjunction that opens a new clause (maar, want, omdat, om,
...), and before "en"/"of" when a subject or a verb follows ("niet bang en heeft ..."), but not in a
list ("niet op maandag of vrijdag" stays one clause, so vrijdag is negated too). A dismissal that
refers back ("Pesten? Dat valt mee.") also covers the clause before it.

Flemish spoken forms are read as their standard forms first ("ni", "nie" -> niet, "da" -> dat,
"ge" -> je), so "hij wil ni naar school" is read like "hij wil niet naar school".

Deliberately small: a few word lists and two rules, tested table by table in tests/test_negation.py.
It reads the scope of a negation, not its meaning: "ik weet niet of ze bang is" keeps "bang" (the
"of" opens a new clause), which is what a CLB worker would want to ask about anyway.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

# Spoken Flemish as a facilitator types it, read as the standard word.
SPOKEN = {
    "ni": "niet", "nie": "niet", "da": "dat", "ge": "je", "gij": "jij", "k": "ik", "ne": "een", "nen": "een",
    "genen": "geen", "gene": "geen", "niks": "niets", "nikske": "niets", "wa": "wat", "zijt": "bent", "efkes": "even",
}
NEGATORS = frozenset({
    "niet", "geen", "nooit", "nergens", "niemand", "noch", "zonder", "nee", "neen", "niets", "nauwelijks", "amper",
    "zelden", "geenszins", "allerminst",
})
# "niet alleen X maar ook Y" and "niet zonder X" say X.
_NOT_NEGATING_AFTER = {"niet": frozenset({"alleen", "enkel", "zonder", "zomaar"})}
# A negator with one of these in its clause dismisses the topic: "geen probleem", "zonder zorgen".
_DISMISSED_NOUNS = frozenset({"probleem", "problemen", "last", "zorg", "zorgen", "moeite", "issue", "issues", "sprake"})
_MEEVALLEN = frozenset({"meevalt", "meeviel", "meevallen", "meevielen"})
_VALLEN = frozenset({"valt", "viel", "vallen", "vielen"})
# Words that always open a new clause.
_OPENERS = frozenset({
    "maar", "want", "omdat", "doordat", "terwijl", "hoewel", "ofschoon", "tenzij", "behalve", "zodat", "waardoor",
    "waarna", "wanneer", "als", "indien", "sinds", "nadat", "voordat", "zodra", "toen", "om", "dus", "daarom", "alleen",
    "anders", "vandaar",
})
# After "en"/"of", these start a new clause (a subject or a finite verb); anything else continues a list.
_CLAUSE_STARTS = frozenset({
    "ik", "je", "jij", "hij", "ze", "zij", "het", "we", "wij", "jullie", "men", "er", "dat", "die", "dit", "deze",
    "daar", "hier", "dan", "nu", "de", "zijn", "haar", "hun", "mijn", "ons", "onze",
    "is", "was", "waren", "heeft", "hebben", "had", "hadden", "wordt", "worden", "werd", "werden", "zit", "zat", "gaat",
    "ging", "gingen", "komt", "kwam", "kan", "kon", "wil", "wou", "wilde", "moet", "moest", "zal", "zou", "doet", "deed",
    "voelt", "voelde", "blijft", "bleef", "klaagt", "klaagde", "zegt", "zei", "krijgt", "kreeg", "maakt", "speelt",
    "slaapt", "sliep", "eet", "at", "vindt", "vond", "weet", "ziet", "zag", "lijkt", "staat", "stond", "loopt", "liep",
    "spijbelt", "huilt", "wilt", "mag", "durft", "geraakt", "neemt", "nam", "ligt", "lag",
})
_ANAPHORS = frozenset({"dat", "dit", "die"})
# "dat lukt goed", "de bus gaat prima": the topic is no trouble.
_GOING = frozenset({"lukt", "gaat", "loopt", "verloopt"})
_WELL = frozenset({"goed", "prima", "vlot"})
_WORD = re.compile(r"[^\W_]+")
# A whole answer that is a no (or a yes): these words and nothing but fillers.
_NO = frozenset({"nee", "neen", "niet", "nope", "geen", "nooit"})
_YES = frozenset({"ja", "jawel", "jaja", "yes", "inderdaad", "klopt", "uiteraard", "natuurlijk", "absoluut", "zeker"})
_FILLERS = frozenset({"hoor", "echt", "eigenlijk", "helemaal", "zeker", "absoluut", "nog", "toch", "totaal", "zo",
                      "bepaald", "meer", "dus", "wel", "natuurlijk", "ook", "niet"})


def standard(word: str) -> str:
    """A folded word with a spoken Flemish form read as the standard one."""
    return SPOKEN.get(word, word)


@dataclass(frozen=True)
class Reading:
    """An answer as words in clauses, kept in proportion to its length: each distinct word once
    (`distinct`, standard forms; the first two are empty, they stood for separators while reading), the
    text as the index of each of its words into `distinct` (`order`, four bytes a word), the position of
    the first word of each clause (`starts`), and per clause whether a negation cue (`negated`) or a
    dismissal (`dismissed`) is in it."""

    distinct: tuple[str, ...]
    order: array
    starts: array
    negated: bytes
    dismissed: bytes

    @classmethod
    def of(cls, folded: str) -> Reading:
        """Read a folded text (lower case, no accents)."""
        return cls.read((folded,))

    @classmethod
    def read(cls, pieces: Iterable[str]) -> Reading:
        """Read a folded text given in pieces, each cut at the end of a word (so that no word and no separator
        is cut): a long answer need not be split into words all at once."""
        reader = _Reader()
        for piece in pieces:
            reader.piece(piece)
        return reader.done()

    @property
    def any_negation(self) -> bool:
        return 1 in self.negated

    def clause_at(self, index: int) -> int:
        """The clause of word `index`."""
        return bisect_right(self.starts, index) - 1

    def clause_end(self, clause: int) -> int:
        """The position just after the last word of `clause`."""
        return self.starts[clause + 1] if clause + 1 < len(self.starts) else len(self.order)

    def blocked_clause(self, clause: int, *, dismissal_only: bool) -> bool:
        """Whether `clause` says that what it names is not so (any cue, or only a dismissal)."""
        return bool(self.dismissed[clause] if dismissal_only else self.negated[clause])

    def blocked(self, index: int, *, dismissal_only: bool) -> bool:
        """Whether word `index` is in a clause that says it is not so (any cue, or only a dismissal)."""
        return self.blocked_clause(self.clause_at(index), dismissal_only=dismissal_only)

    @property
    def words(self) -> tuple[str, ...]:
        """Every word in order (standard forms); for short texts and tests: a long one is kept as `order`."""
        return tuple(self.distinct[n] for n in self.order)

    @property
    def clause_of(self) -> tuple[int, ...]:
        """The clause of every word in order; for short texts and tests, like `words`."""
        return tuple(n for n in range(len(self.starts)) for _ in range(self.starts[n], self.clause_end(n)))


# What a word does for the reading, one bit each (a word can do several: "niet" is a cue and a dismissal's).
_OPENS, _EN_OF, _STARTS_CLAUSE, _CUE, _NIET, _EXCUSES_NIET, _ZONDER, _ANAPHOR = (1 << n for n in range(8))
_MEE_VALT, _VALT, _MEE, _GOES, _WELL_, _DENIES, _TROUBLE = (1 << n for n in range(8, 15))
# Only these words change a clause's reading; the others are read in bulk (a list comprehension, no more).
_ACTIVE = _OPENS | _EN_OF | _CUE | _MEE_VALT | _VALT | _MEE | _GOES | _WELL_ | _TROUBLE
_ROLES = (
    (_OPENERS, _OPENS), ({"en", "of"}, _EN_OF), (_CLAUSE_STARTS, _STARTS_CLAUSE), (NEGATORS, _CUE), ({"niet"}, _NIET),
    (_NOT_NEGATING_AFTER["niet"], _EXCUSES_NIET), ({"zonder"}, _ZONDER), (_ANAPHORS, _ANAPHOR),
    (_MEEVALLEN, _MEE_VALT), (_VALLEN, _VALT), ({"mee"}, _MEE), (_GOING, _GOES), (_WELL, _WELL_),
    ({"geen", "zonder", "nooit", "niet"}, _DENIES), (_DISMISSED_NOUNS, _TROUBLE),
)
# A text is cut into tokens in one pass in C: words, sentence ends, and breaks inside a sentence (a
# whitespace around a dash is never a line's end). Separators are told from words by their first character.
_TOKEN = re.compile(r"[^\W_]+|[.!?\n\r]+|[;:,()\[\]\t\"“”„]|[^\S\n\r][-–—]+[^\S\n\r]|[–—]")
_SENTENCE_ENDS = frozenset(".!?\n\r")


def _role(word: str) -> int:
    return sum(bit for group, bit in _ROLES if word in group)


def _dismissal(roles: int) -> bool:
    """Whether a clause holding words of these roles dismisses its topic: "valt mee", "lukt goed", "geen probleem"."""
    return bool(roles & _MEE_VALT or (roles & _VALT and roles & _MEE) or (roles & _GOES and roles & _WELL_)
                or (roles & _DENIES and roles & _TROUBLE))


class _Reader:
    """Reading.of for a text of any length, in memory proportional to it, and fast: a piece of text is cut
    into words and separators in C and mapped to their indexes in bulk; only the few words that open a
    clause, negate or dismiss, and the separators, are looked at one by one. Gives what splitting into
    sentences, breaks and clauses (see the module's docstring) gives."""

    def __init__(self) -> None:
        # a token as typed -> the index of its standard form; 0 and 1 are a sentence's end and a break,
        # never in `order`
        self.known: dict[str, int] = {}
        self.standard: dict[str, int] = {"": 0, " ": 1}  # a standard form -> its index
        self.roles: list[int] = [0, 0]      # per index
        self.active: list[bool] = [True, True]  # per index: a separator, or roles & _ACTIVE
        self.order = array("I")
        self.starts = array("I")
        self.negated = bytearray()
        self.dismissed = bytearray()
        self.clause_start = 0               # the first word of the clause being read
        self.cue = False                    # a negation cue in the clause being read
        self.present = 0                    # the roles of the words in the clause being read
        self.excused = -1                   # the position of a "zonder" after "niet" (not a cue)
        self.waiting: tuple[int, int] | None = None  # an active last word of a piece, waiting for the next token
        self.sentence_first = 0             # the first clause of this sentence
        self.previous = (0, 0)              # the clauses of the sentence before
        self.marked = 0                     # clauses of this sentence before this one are all dismissed already

    def piece(self, piece: str) -> None:
        self._tokens(_TOKEN.findall(piece))

    def done(self) -> Reading:
        self._tokens([], final=True)
        self._end_segment(len(self.order), sentence=False)
        distinct = ("", "") + tuple(self.standard)[2:]
        return Reading(distinct, self.order, self.starts, bytes(self.negated), bytes(self.dismissed))

    def _index(self, word: str) -> int:
        if not _WORD.match(word):  # a separator
            self.known[word] = 0 if word[0] in _SENTENCE_ENDS else 1
            return self.known[word]
        form = standard(word)
        if form not in self.standard:
            self.standard[form] = len(self.standard)
            role = _role(form)
            self.roles.append(role)
            self.active.append(bool(role & _ACTIVE))
        self.known[word] = self.standard[form]
        return self.known[word]

    def _tokens(self, tokens: list[str], final: bool = False) -> None:
        """The words and separators of a piece; `final` after the last piece."""
        known = self.known
        ids = list(map(known.get, tokens))
        if None in ids:
            ids = [known[w] if w in known else self._index(w) for w in tokens]
        base = len(self.order)
        self.order.extend([n for n in ids if n > 1])
        if self.waiting is not None:
            if not ids and not final:
                return
            self.waiting, (at, word) = None, self.waiting
            self._word(at, word, ids[0] if ids and ids[0] > 1 else None)
        active, last, separators = self.active, len(ids) - 1, 0
        for i in [i for i, n in enumerate(ids) if active[n]]:
            word, at = ids[i], base + i - separators
            if word <= 1:
                separators += 1
                self._end_segment(at, sentence=word == 0)
            elif i < last:
                following = ids[i + 1]
                self._word(at, word, following if following > 1 else None)
            elif final:
                self._word(at, word, None)
            else:
                self.waiting = (at, word)

    def _end_segment(self, at: int, *, sentence: bool) -> None:
        """A separator before word `at`: the clause being read ends; at a sentence's end, the sentence too."""
        if at > self.clause_start:
            self._close(at)
        self.clause_start = at
        if sentence:
            self.previous = (self.sentence_first, len(self.starts))
            self.sentence_first = self.marked = len(self.starts)

    def _word(self, at: int, word: int, following: int | None) -> None:
        """One active word at position `at`, with the word after it in its stretch (None at its end)."""
        role, roles = self.roles[word], self.roles
        after = roles[following] if following is not None else 0
        if at > self.clause_start and (role & _OPENS or (role & _EN_OF and after & _STARTS_CLAUSE)):
            self._close(at)
        if role & _CUE:
            if role & _NIET and after & _EXCUSES_NIET and not after & _OPENS:  # "niet alleen", "niet zonder"
                if after & _ZONDER:
                    self.excused = at + 1
            elif not (role & _ZONDER and self.excused == at):
                self.cue = True
        self.present |= role

    def _close(self, end: int) -> None:
        """The clause from clause_start to `end` is read whole."""
        clause = len(self.starts)
        self.starts.append(self.clause_start)
        dismissed = _dismissal(self.present)
        self.negated.append(self.cue or dismissed)
        self.dismissed.append(dismissed)
        # "Pesten? Dat valt mee." / "Vervoer: geen probleem" / "Gsm om negen uur af, dat lukt goed": a
        # dismissal that refers back is about what was said before it in its sentence, or about the
        # sentence before when it opens its own.
        first = self.roles[self.order[self.clause_start]]
        if dismissed and (first & _ANAPHOR or end - self.clause_start <= 4):
            if clause > self.sentence_first:
                self._dismiss(max(self.marked, self.sentence_first), clause)
                self.marked = clause
            else:
                self._dismiss(*self.previous)
        self.clause_start, self.cue, self.present = end, False, 0

    def _dismiss(self, first: int, end: int) -> None:
        self.negated[first:end] = self.dismissed[first:end] = b"\x01" * (end - first)


def is_no(folded: str) -> bool:
    """The whole answer is a no: "Nee", "Neen hoor", "Nee, niet echt", "Ni", "Helemaal niet"."""
    words = [standard(w) for w in _WORD.findall(folded)]
    return bool(words) and any(w in _NO for w in words) and all(w in _NO or w in _FILLERS for w in words)


def is_yes(folded: str) -> bool:
    """The whole answer is a yes: "Ja", "Ja hoor", "Jawel", "Zeker", "Inderdaad"."""
    words = [standard(w) for w in _WORD.findall(folded)]
    return (bool(words) and any(w in _YES for w in words)
            and all(w in _YES or (w in _FILLERS and w != "niet") for w in words))
