"""Anonymising a transcript before it leaves the CLB: what identifies people, replaced by what they are.

A summary handed to a school team or a network partner must not name a pupil or a family. Three kinds
of text are replaced, in this order, in every text of the transcript (answers, notes, actions, speakers,
tags, what a follow-up carried) and in its details:

1. Contact data, by its kind: e-mail addresses ("[e-mail]", names inside them go with them), links,
   bank accounts, Belgian national register numbers, dates of birth, phone numbers and street addresses.
2. Registered people (the pupil or the school, the participants, the facilitator) in every form a
   Dutch text uses: full name, first name, surname alone with or without meneer/mevrouw/juf/meester,
   initials, possessive ("Noors", "Noor's"), diminutive ("Noortje"). A person becomes their role
   ("[moeder]"), "juf Sofie" the teacher ("[leerkracht]", the title goes with the name). A surname alone
   is a family's name, shared by the father, the grandparents: "meneer El Amrani" becomes "meneer
   [familienaam van moeder]", never "meneer moeder".
3. What nobody registered but looks personal: a capitalised word inside a sentence that is no ordinary
   Dutch word (assistant.core.wordlist), a word after a title ("meneer Wouters"), a number of six digits
   or more. These the program cannot decide: each is a `Finding`. A person decides in the app (replace
   or keep, remembered per transcript: assistant.core.pseudonym_choices); what nobody decided is hidden
   ("[naam 1]", "[plaats]", "[nummer]"): an anonymised export errs on the side of hiding.

Labels are consistent within one export: the same name is the same label in the transcript and in the
transcripts linked to it. `anonymise` is the one entry point (the summary, the prep sheet, the YAML
export and any other format call it); its `Report` says what was replaced and whether a person checked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from assistant.core.carried import Carried
from assistant.core.transcript import Event, EventKind, Participant, Transcript

REPLACE, KEEP = "replace", "keep"

# -- contact data ----------------------------------------------------------------------------------
_MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
_DATE = rf"\d{{1,2}}\s*[-/.]\s*\d{{1,2}}\s*[-/.]\s*(?:19|20)?\d{{2}}|\d{{1,2}}\s+(?:{_MONTHS})\s+(?:19|20)\d{{2}}"
_STREET = (r"(?:straat|laan|lei|plein|weg|steenweg|dreef|kaai|markt|baan|singel|hof|pad|dijk|vest|ring|dries|"
           r"gracht|kade|park|steeg|reke|berg|veld|heide|wegel|plaats|hoek|kouter|gaarde|rue|avenue|chaussée)")
CONTACT: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("e-mail", re.compile(r"[\w.+%-]+\s?@\s?[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)),
    ("link", re.compile(r"\b(?:https?://|www\.)\S+", re.IGNORECASE)),
    ("rekeningnummer", re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?\b")),
    ("rijksregisternummer", re.compile(r"(?<![\d+])\d{2}[.\s]?\d{2}[.\s]?\d{2}\s?[-.\s]?\s?\d{3}\s?[.\s]?\d{2}(?!\d)")),
    ("geboortedatum", re.compile(
        rf"(?P<keep>(?:\b(?:geboren|geb\.|geboortedatum|verjaardag|jarig)(?!\w)\s*(?:op\s+|in\s+|:\s*)?|°\s?))"
        rf"(?:{_DATE}|(?:19|20)\d{{2}}(?!\d))", re.IGNORECASE)),
    ("telefoon", re.compile(
        r"(?<![\w+])(?:(?:\+|00)\s?\d{2,3}\s?(?:\(0\))?[\s./-]?\d(?:[\s./-]?\d){6,10}"
        r"|0\d(?:[\s./-]?\d){7,8})(?!\d)")),
    ("adres", re.compile(
        rf"\b(?:[A-Z][\w'-]*\s)?[A-Z][\w'-]*{_STREET}\s\d+\s?[a-zA-Z]?\b(?:\s?(?:bus|/)\s?\w+)?"
        rf"|\b(?:Grote|Kleine|Oude|Nieuwe|Lange|Korte)\s[A-Z][\w-]+\s\d+[a-zA-Z]?\b"
        r"|(?<![\d.,])[1-9]\d{3}\s(?=[A-Z][a-zà-ÿ])[A-Z][\w-]+")),
)
_STREET_NAME = re.compile(rf"[A-Z][\w'-]*{_STREET}$")
_DATE_ONLY = re.compile(rf"(?:{_DATE})$", re.IGNORECASE)
_PERSONAL_NUMBER = re.compile(r"(?<![\w.,\ue000])\d(?:[\s./-]?\d){5,}(?![\w])")

# -- people ----------------------------------------------------------------------------------------
# Name particles: part of a surname ('van Dijk', 'El Amrani'), never a name on their own.
PARTICLES = {"van", "de", "der", "den", "het", "ter", "ten", "te", "el", "al", "la", "le", "du", "da", "di", "von",
             "op", "in", "t", "d", "l", "ben", "bin", "abu", "mc", "mac", "'t", "vanden", "vander", "ibn", "dos", "das"}
# Particles that join the words of one name ('Jan van Dijk'); not 'in' or 'op' ('Colruyt in Halle').
_JOINERS = PARTICLES - {"in", "op", "te", "het", "t", "'t", "ben", "bin", "d", "l"}
_TITLES = r"(?:meneer|mijnheer|mevrouw|juffrouw|juf|meester|dokter|dhr\.?|mevr\.?|mw\.?|dr\.?|mr\.?)"
_FAMILY_WORDS = r"(?:tante|nonkel|oom|oma|opa|neef|nicht|broer|broertje|zus|zusje|zoon|dochter|vriend|vriendin|buurman|buurvrouw)"
_TITLE_BEFORE = re.compile(rf"(?i:\b(?:{_TITLES}|{_FAMILY_WORDS}))\s+$")
_TITLE_START = re.compile(rf"(?i:{_TITLES}|{_FAMILY_WORDS})\s+")
_TITLE_ONLY = re.compile(rf"(?i:{_TITLES}|{_FAMILY_WORDS})")
_PLACE_BEFORE = re.compile(r"\b(?:in|te|uit|naar|richting|nabij|vanuit)\s+$")
FAMILY_ROLES = {"moeder", "vader", "mama", "papa", "ouder", "ouders", "stiefmoeder", "stiefvader", "plusmama", "pluspapa",
                "plusmoeder", "plusvader", "oma", "opa", "grootmoeder", "grootvader", "broer", "zus", "zuster", "tante",
                "oom", "nonkel", "voogd", "pleegmoeder", "pleegvader", "pleegouder", "meter", "peter", "mother", "father",
                "parent", "grandmother", "grandfather", "guardian", "brother", "sister"}
_SCHOOL_WORDS = re.compile(r"(?i)school|college|atheneum|instituut|lyceum|campus|academie|\bGO!|\bK?A\b|\b[VGS]BS\b")
SCHOOL_SCRIPTS = {"school_dialogue", "school_phases", "prevention_plan"}
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_POSSESSIVE = ("'s", "’s", "'", "’", "s")
_DIMINUTIVE = ("tjes", "tje", "jes", "je", "ke")
# Placeholders while a text is being worked on (private-use characters, taken out of the input first).
_OPEN, _CLOSE = "\ue000", "\ue001"
_HOLE = re.compile(f"{_OPEN}(\\d+){_CLOSE}")
_ADDRESS_TWICE = re.compile(r"\[adres\],?\s\[adres\]")
_CAPITALISED = re.compile(r"(?<![\w'’@.-])[A-ZÀ-ÖØ-Þ][\w'’-]*[^\W\d_]")
_SENTENCE_END = re.compile(r"(?:^|[.!?:;…\n•]\s*|^\s*[-*]\s+|[\"'(“‘]\s*)$")


@dataclass(frozen=True)
class Finding:
    """Something in the text the program could not decide: a probable name, or a number that looks personal."""

    text: str
    kind: str        # "naam" | "plaats" | "nummer"
    context: str     # the sentence it stands in
    count: int = 1

    @property
    def key(self) -> str:
        return decision_key(self.text)


@dataclass(frozen=True)
class Report:
    """What an anonymised export replaced, and whether a person went through what could not be decided."""

    replaced: Mapping[str, int]                 # kind of replacement ("persoon", "telefoon", "naam", ...) -> count
    findings: tuple[Finding, ...] = ()          # what the program could not decide (each once)
    decided: Mapping[str, str] = field(default_factory=dict)  # of those: key -> replace | keep, by a person
    checked: bool = False                       # a person saw the findings before the file was written

    @property
    def undecided(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.key not in self.decided)

    @property
    def kept(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if self.decided.get(f.key) == KEEP)

    @property
    def total(self) -> int:
        return sum(self.replaced.values())


@dataclass(frozen=True)
class Anonymised:
    transcript: Transcript
    linked: tuple[Transcript, ...]
    report: Report


def decision_key(text: str) -> str:
    return " ".join(text.split()).casefold()


def anonymise(
    transcript: Transcript,
    *,
    linked: Iterable[Transcript] = (),
    decisions: Mapping[str, str] | None = None,
    checked: bool = False,
    vocabulary: Iterable[str] = (),
) -> Anonymised:
    """`transcript` (and `linked`, with the same labels) with everything that identifies people replaced.
    `decisions`: what a person decided about earlier findings (key -> replace | keep); what nobody decided
    is hidden. `checked`: a person went through the findings. `vocabulary`: words the texts may use with a
    capital that are no names (the banks' own words: option texts, section titles)."""
    linked = tuple(linked)
    work = _Pseudonymiser([transcript, *linked], dict(decisions or {}), vocabulary)
    result = work.transcript(transcript)
    others = tuple(work.transcript(t) for t in linked)
    findings = tuple(replace(f, count=work.counts[f.key]) for f in work.findings.values())
    report = Report(dict(work.replaced), findings, {k: v for k, v in work.decisions.items() if k in work.findings},
                    checked)
    return Anonymised(result, others, report)


def pseudonymise(transcript: Transcript) -> Transcript:
    """The transcript anonymised with nobody to ask: every probable name hidden."""
    return anonymise(transcript).transcript


def initials(name: str) -> str:
    """'Yasmine El Amrani' -> 'Y.E.A.': each word's first letter as written."""
    return "".join(p[0] + "." for p in _WORD.findall(name))


def vocabulary_of(banks: Any) -> set[str]:
    """The capitalised words the banks themselves use (question texts, options, titles): not names."""
    collection = banks.values() if isinstance(banks, Mapping) else banks
    words: set[str] = set()
    for bank in collection or ():
        texts = [bank.title]
        for question in bank.questions():
            texts += [question.text, *(question.options or ()), *(getattr(question, "probes", None) or ())]
        for _, section in bank.walk_sections():
            texts.append(section.title)
        for text in texts:
            words.update(w for w in _WORD.findall(str(text)) if w[0].isupper())
    return words


# -- the work --------------------------------------------------------------------------------------
@dataclass
class _Person:
    name: str
    label: str           # "[moeder]"
    family: bool         # the pupil and relatives share a family name


@dataclass
class _Form:
    label: str
    person: bool         # the whole person (a title before it goes with it) or only a family name
    given: bool          # a first name: may take a diminutive


class _Pseudonymiser:
    def __init__(self, transcripts: list[Transcript], decisions: dict[str, str], vocabulary: Iterable[str]):
        self.decisions = decisions
        self.vocabulary = set(vocabulary)
        self.replaced: Counter[str] = Counter()
        self.findings: dict[str, Finding] = {}
        self.counts: Counter[str] = Counter()
        self.numbers: dict[str, int] = {}
        self.people = self._people(transcripts)
        self.forms: dict[str, _Form] = {}
        for person in self.people:
            self._add_forms(person)
        self.pattern = self._pattern()

    # -- who is registered --------------------------------------------------------------------------
    def _people(self, transcripts: list[Transcript]) -> list[_Person]:
        people: list[_Person] = []
        seen: dict[str, _Person] = {}
        roles: Counter[str] = Counter()
        metas = [t.meta for t in transcripts]
        for meta in metas:
            for p in meta.participants:
                if p.name.strip() and decision_key(p.name) not in seen:
                    roles[decision_key(p.role or "deelnemer")] += 1
                    seen[decision_key(p.name)] = _Person(p.name, "", False)
        numbered: Counter[str] = Counter()

        def add(name: str, label: str, family: bool) -> None:
            key = decision_key(name)
            if name.strip() and key not in {decision_key(p.name) for p in people}:
                people.append(_Person(name.strip(), label, family))

        for meta in metas:
            if meta.subject:
                school = meta.script in SCHOOL_SCRIPTS or bool(_SCHOOL_WORDS.search(meta.subject))
                add(_bare(meta.subject), "[school]" if school else "[leerling]", not school)
        for meta in metas:
            for p in meta.participants:
                role = " ".join((p.role or "deelnemer").split())
                key = decision_key(role)
                numbered[key] += 1
                text = role if roles[key] == 1 else f"{role} {numbered[key]}"
                add(p.name, f"[{text}]", key.split()[0] in FAMILY_ROLES if key else False)
        for meta in metas:
            if meta.facilitator:
                add(meta.facilitator, "[gespreksleider]", False)
        for person in people:  # a role typed with a name in it ('mama van Noor') must not carry the name
            person.label = "[" + self._registered_only(person.label[1:-1], people) + "]"
        return people

    def _registered_only(self, text: str, people: list[_Person]) -> str:
        for other in people:
            for word in _WORD.findall(other.name):
                if len(word) >= 2 and word.lower() not in PARTICLES:
                    text = re.sub(rf"(?<!\w){re.escape(word)}(?!\w)", "…", text, flags=re.IGNORECASE)
        return text

    def _add_forms(self, person: _Person) -> None:
        words = _WORD.findall(person.name)
        if not words:
            return
        cut = next((i for i in range(1, len(words)) if words[i].lower() in PARTICLES), len(words) - 1 if len(words) > 1 else 1)
        given, surname = words[:cut], words[cut:]
        self._form(person.name, _Form(person.label, True, False))
        self._form(" ".join(words), _Form(person.label, True, False))
        for word in given:
            if len(word) >= 2 and word.lower() not in PARTICLES:
                self._form(word, _Form(person.label, True, True))
        if surname:
            family = self._family_label(person, surname) if person.family else person.label
            whole = not person.family
            self._form(" ".join(surname), _Form(family, whole, False))
            core = [w for w in surname if w.lower() not in PARTICLES]
            if core and len(" ".join(core)) >= 3:
                self._form(" ".join(core), _Form(family, whole, False))
            for start in (given[0][0] + ".", "".join(w[0] + "." for w in given)):
                self._form(f"{start} {' '.join(surname)}", _Form(person.label, True, False))
        letters = [w[0] for w in words if w.lower() not in PARTICLES or len(words) <= 3]
        if len(letters) >= 2:
            self._form("".join(c + "." for c in letters), _Form(person.label, True, False))
            self._form(" ".join(c + "." for c in letters), _Form(person.label, True, False))
        full_initials = initials(person.name)
        if len(full_initials) >= 4:
            self._form(full_initials, _Form(person.label, True, False))

    def _family_label(self, person: _Person, surname: list[str]) -> str:
        key = decision_key(" ".join(surname))
        for other in self.people:  # the first of the family with this name (the pupil before the parents)
            if other.family and key in decision_key(other.name):
                return f"[familienaam van {other.label[1:-1]}]"
        return f"[familienaam van {person.label[1:-1]}]"

    def _form(self, text: str, form: _Form) -> None:
        key = decision_key(text)
        if key and key not in self.forms:
            self.forms[key] = form

    def _pattern(self) -> re.Pattern[str] | None:
        if not self.forms:
            return None
        from assistant.core.wordlist import is_word

        alternatives = []
        for key in sorted(self.forms, key=len, reverse=True):
            text = r"\s+".join(re.escape(part) for part in key.split(" "))
            single_word = " " not in key and "." not in key
            # A name that is also a word ('Roos', 'Ben') is a name only where it has its capital.
            if single_word and is_word(key):
                alternatives.append("".join(f"[{c.upper()}]" if i == 0 else f"(?i:{re.escape(c)})"
                                            for i, c in enumerate(key)))
            else:
                alternatives.append(f"(?i:{text})")
        return re.compile(
            rf"(?P<title>(?i:\b{_TITLES})\s+)?(?<![\w@.])(?P<name>{'|'.join(alternatives)})"
            rf"(?P<suffix>{'|'.join(re.escape(s) for s in (*_POSSESSIVE, *_DIMINUTIVE))})?(?![\w'’])")

    # -- texts ------------------------------------------------------------------------------------
    def text(self, value: str, *, typed: bool = True) -> str:
        if not value:
            return value
        labels: list[str] = []

        def hole(label: str) -> str:
            labels.append(label)
            return f"{_OPEN}{len(labels) - 1}{_CLOSE}"

        work = value.replace(_OPEN, "?").replace(_CLOSE, "?")
        for kind, pattern in CONTACT:
            work = pattern.sub(lambda m, kind=kind: (m.groupdict().get("keep") or "") + (self._count(kind) or hole(f"[{kind}]")),
                               work)
        if self.pattern is not None:
            work = self.pattern.sub(lambda m: self._registered(m, hole), work)
        if typed:
            work = self._unregistered(work, labels, hole)
        work = _HOLE.sub(lambda m: labels[int(m.group(1))], work)
        return _ADDRESS_TWICE.sub("[adres]", work)  # 'Kerkstraat 12, 2640 Mortsel': one address

    def _count(self, kind: str) -> None:
        self.replaced[kind] += 1

    def _registered(self, match: re.Match[str], hole: Callable[[str], str]) -> str:
        form = self.forms.get(decision_key(match.group("name")))
        if form is None:
            return match.group(0)
        suffix = match.group("suffix") or ""
        if suffix in _DIMINUTIVE and not form.given:
            return match.group(0)
        self.replaced["persoon"] += 1
        title = match.group("title") or ""
        possessive = "'s" if suffix in _POSSESSIVE else ""
        if form.person or not title:  # 'juf Sofie' is the teacher; 'meneer El Amrani' a man of the family
            return hole(form.label + possessive)
        return title + hole(form.label + possessive)

    def _unregistered(self, work: str, labels: list[str], hole: Callable[[str], str]) -> str:
        from assistant.core.wordlist import probable_name

        pieces: list[str] = []
        last = 0
        runs = list(_name_runs(work))
        for start, end in runs:
            title = _TITLE_START.match(work, start, end)
            if title:  # 'Meneer Wouters' at a sentence's start: the title stays, the name is the run
                start = title.end()
                if start >= end:
                    continue
            text = work[start:end]
            before = work[:start]
            if _TITLE_ONLY.fullmatch(text):  # 'Mevr.', 'Dr.' before a name: the name is the next run
                continue
            titled = bool(_TITLE_BEFORE.search(before))
            at_start = bool(_SENTENCE_END.search(before)) and not titled
            tokens = [t for t in _WORD.findall(text) if t.lower() not in PARTICLES or t[0].isupper()]
            if not tokens or all(t in self.vocabulary for t in tokens):
                continue
            if not titled and all(t.isupper() and len(t) <= 6 for t in tokens):
                continue  # an abbreviation: CLB, GON, OKAN
            if not titled and not any(probable_name(t, sentence_start=at_start and i == 0) for i, t in enumerate(tokens)):
                continue
            if at_start and len(tokens) > 1 and not probable_name(tokens[0], sentence_start=True):
                start = work.index(tokens[1], start)  # 'Vriendinnen Hanne': the word that opens the sentence stays
                text = work[start:end]
                before = work[:start]
            kind = "adres" if _STREET_NAME.search(tokens[-1]) else "plaats" if _PLACE_BEFORE.search(before) and not titled else "naam"
            label = self._decide(text, kind, _context(work, start, end, labels))
            if label is not None:
                pieces += [work[last:start], hole(label)]
                last = end
        pieces.append(work[last:])
        work = "".join(pieces)
        return _PERSONAL_NUMBER.sub(lambda m: self._number(m, work, labels, hole), work)

    def _number(self, match: re.Match[str], work: str, labels: list[str], hole: Callable[[str], str]) -> str:
        if _DATE_ONLY.match(match.group(0)):  # a meeting's date, not a person's
            return match.group(0)
        label = self._decide(match.group(0), "nummer", _context(work, match.start(), match.end(), labels))
        return hole(label) if label else match.group(0)

    def _decide(self, text: str, kind: str, context: str) -> str | None:
        """The label for an undecided `text`, or None to keep it (a person said so)."""
        key = decision_key(text)
        self.counts[key] += 1
        self.findings.setdefault(key, Finding(text, kind, context))
        if self.decisions.get(key) == KEEP:
            return None
        kind = self.findings[key].kind
        self.replaced[kind] += 1
        if kind != "naam":
            return f"[{kind}]"
        number = self.numbers.setdefault(key, len(self.numbers) + 1)
        return f"[naam {number}]"

    def deep(self, value: Any, *, typed: bool = True) -> Any:
        if isinstance(value, str):
            return self.text(value, typed=typed)
        if isinstance(value, list | tuple):
            return [self.deep(v, typed=typed) for v in value]
        if isinstance(value, dict):
            return {k: self.deep(v, typed=typed) for k, v in value.items()}
        return value

    # -- a transcript -----------------------------------------------------------------------------
    def transcript(self, transcript: Transcript) -> Transcript:
        meta = transcript.meta
        subject = self.text(meta.subject) if meta.subject else ""
        events = tuple(self._event(e) for e in transcript.events)
        new_meta = replace(
            meta,
            facilitator=self.text(meta.facilitator) if meta.facilitator else "",
            subject=subject,
            participants=tuple(Participant("", self.text(p.role or "deelnemer", typed=False)) for p in meta.participants),
            tags=tuple(self.text(t) for t in meta.tags),
            carried=self._carried(meta.carried),
        )
        return Transcript(new_meta, events)

    def _carried(self, carried: Carried) -> Carried:
        """A follow-up's or a hand-over's carried material: the free text in it, not its ids. Worked on as
        stored, so that what this version does not read (a hand-edited value) is hidden too."""
        result = carried.to_plain()
        if isinstance(result.get("previous"), dict):
            result["previous"] = {q: {**v, "value": self.deep(v.get("value"))} if isinstance(v, dict) else v
                                  for q, v in result["previous"].items()}
        # A carried action is typed text through and through (wat, wie, a partly-done note), but for its
        # ids, dates and status; a carried question's text and reason come from the scripts.
        if isinstance(result.get("actions"), list):
            result["actions"] = [{k: v if k in _CARRIED_ACTION_IDS else self.deep(v) for k, v in item.items()}
                                 if isinstance(item, dict) else item for item in result["actions"]]
        for key in ("parked", "suggested"):
            if isinstance(result.get(key), list):
                result[key] = [{k: self.deep(v) if k == "text" else self.deep(v, typed=False) if k == "because" else v
                                for k, v in item.items()} if isinstance(item, dict) else item for item in result[key]]
        for key in ("known", "to_learn", "sensitivities"):  # what a preparation handed over (assistant.core.handover)
            if key in result:
                result[key] = self.deep(result[key])
        if "signals" in result:
            result["signals"] = self.deep(result["signals"], typed=False)
        return Carried.from_plain(result)

    def _event(self, event: Event) -> Event:
        typed = event.kind not in (EventKind.SIGNAL, EventKind.DECISION)  # those texts come from the scripts
        ids = {"question", "rule", "suggestion", "action", "flag", "decision", "transcript", "trigger", "status"}
        data = {k: (v if k in ids else self.deep(v, typed=typed)) for k, v in event.data.items()}
        return Event(event.seq, event.kind, event.at, data)


# What a carried action holds besides text (assistant.core.followup): its id, the meeting it comes from,
# dates and the status a review gave it.
_CARRIED_ACTION_IDS = frozenset({"action", "from", "date", "noted", "status"})


def _bare(subject: str) -> str:
    """'Noor Peeters (3B)' -> 'Noor Peeters': the name, without what the facilitator added in brackets."""
    return re.sub(r"\s*[(\[].*?[)\]]", "", subject).strip() or subject


def _name_runs(text: str) -> Iterable[tuple[int, int]]:
    """Runs of capitalised words, with name particles between them: 'Sam De Smet', 'Jan van Dijk'."""
    matches = list(_CAPITALISED.finditer(text))
    i = 0
    while i < len(matches):
        start, end = matches[i].span()
        j = i
        while j + 1 < len(matches):
            gap = text[end:matches[j + 1].start()]
            words = gap.split()
            if gap.strip() == "" and len(gap) <= 2 or (gap.startswith(" ") and gap.endswith(" ")
                                                        and words and all(w.lower() in _JOINERS for w in words)):
                j += 1
                end = matches[j].end()
            else:
                break
        yield start, end
        i = j + 1


def _context(text: str, start: int, end: int, labels: list[str]) -> str:
    """The sentence around text[start:end], some 50 characters either side, with what was replaced already
    shown as its label (what the check shows is anonymous but for the word it asks about)."""
    left = max(text.rfind(c, 0, start) for c in ".!?\n") + 1
    right_ends = [i for c in ".!?\n" if (i := text.find(c, end)) != -1]
    right = min(right_ends) + 1 if right_ends else len(text)
    left, right = max(left, start - 50), min(right, end + 50)
    return _HOLE.sub(lambda m: labels[int(m.group(1))], text[left:right]).strip()
