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
_SENTENCES = re.compile(r"[.!?\n\r]+")
_BREAKS = re.compile(r"[;:,()\[\]\t\"“”„]|\s[-–—]+\s|[–—]")
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
    """An answer as words in clauses: `clause_of[i]` is the clause of word i; per clause whether a
    negation cue (`negated`) or a dismissal (`dismissed`) is in it."""

    words: tuple[str, ...]
    clause_of: tuple[int, ...]
    negated: tuple[bool, ...]
    dismissed: tuple[bool, ...]

    @classmethod
    def of(cls, folded: str) -> Reading:
        """Read a folded text (lower case, no accents)."""
        clauses: list[list[str]] = []
        sentence_of: list[int] = []  # per clause
        for sentence, chunk in ((n, c) for n, s in enumerate(_SENTENCES.split(folded)) for c in _BREAKS.split(s)):
            first = len(clauses)
            current: list[str] = []
            chunk_words = [standard(w) for w in _WORD.findall(chunk)]
            for i, word in enumerate(chunk_words):
                following = chunk_words[i + 1] if i + 1 < len(chunk_words) else ""
                opens = word in _OPENERS or (word in ("en", "of") and following in _CLAUSE_STARTS)
                if opens and current:
                    clauses.append(current)
                    current = []
                current.append(word)
            if current:
                clauses.append(current)
            sentence_of += [sentence] * (len(clauses) - first)
        negated = [_is_negated(c) for c in clauses]
        dismissed = [_is_dismissed(c) for c in clauses]
        for n in range(1, len(clauses)):
            # "Pesten? Dat valt mee." / "Vervoer: geen probleem" / "Gsm om negen uur af, dat lukt goed": a
            # dismissal that refers back is about what was said before it in its sentence, or about the
            # sentence before when it opens its own.
            if dismissed[n] and (clauses[n][0] in _ANAPHORS or len(clauses[n]) <= 4):
                own = [k for k in range(n) if sentence_of[k] == sentence_of[n]]
                before = own or [k for k in range(n) if sentence_of[k] == sentence_of[n] - 1]
                for k in before:
                    dismissed[k] = negated[k] = True
        words = tuple(w for c in clauses for w in c)
        clause_of = tuple(n for n, c in enumerate(clauses) for _ in c)
        return cls(words, clause_of, tuple(negated), tuple(dismissed))

    @property
    def any_negation(self) -> bool:
        return any(self.negated)

    def blocked(self, index: int, *, dismissal_only: bool) -> bool:
        """Whether word `index` is in a clause that says it is not so (any cue, or only a dismissal)."""
        clause = self.clause_of[index]
        return self.dismissed[clause] if dismissal_only else self.negated[clause]


def _is_negated(clause: list[str]) -> bool:
    for i, word in enumerate(clause):
        if word in NEGATORS:
            if i + 1 < len(clause) and clause[i + 1] in _NOT_NEGATING_AFTER.get(word, ()):
                continue
            if word == "zonder" and i > 0 and clause[i - 1] == "niet":
                continue
            return True
    return _is_dismissed(clause)


def _is_dismissed(clause: list[str]) -> bool:
    words = set(clause)
    if words & _MEEVALLEN or (words & _VALLEN and "mee" in words) or (words & _GOING and words & _WELL):
        return True
    return bool(words & {"geen", "zonder", "nooit", "niet"} and words & _DISMISSED_NOUNS)


def is_no(folded: str) -> bool:
    """The whole answer is a no: "Nee", "Neen hoor", "Nee, niet echt", "Ni", "Helemaal niet"."""
    words = [standard(w) for w in _WORD.findall(folded)]
    return bool(words) and any(w in _NO for w in words) and all(w in _NO or w in _FILLERS for w in words)


def is_yes(folded: str) -> bool:
    """The whole answer is a yes: "Ja", "Ja hoor", "Jawel", "Zeker", "Inderdaad"."""
    words = [standard(w) for w in _WORD.findall(folded)]
    return (bool(words) and any(w in _YES for w in words)
            and all(w in _YES or (w in _FILLERS and w != "niet") for w in words))
