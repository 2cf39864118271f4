"""Scripts: one way of running a conversation over one or more question banks, with its rules.

A script names the banks it walks, the order of their sections, and the rules that show or skip
questions, suggest follow-ups, raise signals and propose priorities. It is validated against the
banks like a bank is validated against its schema: every mistake is `file:line:col: what is wrong`.
pydantic checks the document's shape (only when a file is validated; the app's start-up reads the
checked data from assistant.core.scriptcache); `_Compiler` checks every id and condition against
the banks, on the raw data, so each error has a position.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assistant.core.bank import ID_PATTERN, Bank, Level, Question, Section
from assistant.core.rules import ConditionParser, Proposal, Rule
from assistant.core.validation import context_label
from assistant.core.yamlsource import Located, SourceError, SourceErrors, YamlPath, merge_errors

EFFECTS = ("show", "skip", "suggest", "signal", "priority_hint")
_STRICT = {"extra": "forbid"}  # read by pydantic when it validates the shape of a script file
_TEXT_KEYS = ("title", "description")
_RULE_TEXT_KEYS = ("because", "signal", "priority_hint")
# The `because` contract (README, Scripts): "Bron:" with the document's words in double quotes, or
# "Eigen suggestie:" for a rule that is our own judgement (own: true).
SOURCE_PREFIX = "Bron:"
OWN_PREFIX = "Eigen suggestie"


@dataclass(frozen=True)
class _RuleDoc:
    __pydantic_config__ = _STRICT

    id: str
    when: Any
    because: str | None = None
    show: tuple[str, ...] = ()
    skip: tuple[str, ...] = ()
    suggest: Any = None
    signal: str | None = None
    priority_hint: str | None = None
    own: bool = False


@dataclass(frozen=True)
class _ScriptDoc:
    __pydantic_config__ = _STRICT

    id: str
    title: str
    description: str
    banks: tuple[str, ...]
    sections: tuple[str, ...] | None = None
    rules: tuple[_RuleDoc, ...] = ()
    version: int = 1


@dataclass(frozen=True)
class Unit:
    """One walked section: its basis questions first, then the deepening ones the facilitator picks."""

    section: str
    title: str
    basis: tuple[str, ...]
    deepening: tuple[str, ...]
    # This section and each of its subsections with their question ids (a tuple, so scripts stay hashable).
    parts: tuple[tuple[str, frozenset[str]], ...] = ()

    def questions(self) -> tuple[str, ...]:
        return (*self.basis, *self.deepening)

    def members(self, section: str) -> frozenset[str] | None:
        """The questions of `section` (this unit's section or one of its subsections), or None."""
        for ident, questions in self.parts:
            if ident == section:
                return questions
        return None


@dataclass(frozen=True)
class Script:
    id: str
    title: str
    description: str
    banks: tuple[str, ...]
    sections: tuple[str, ...]
    rules: tuple[Rule, ...]
    units: tuple[Unit, ...]
    version: int = 1
    path: str = ""

    def unit_of(self, section: str) -> Unit | None:
        """The unit that walks `section` (a walked section or one of its subsections)."""
        for unit in self.units:
            if unit.members(section) is not None:
                return unit
        return None

    def rule(self, rule_id: str) -> Rule:
        for rule in self.rules:
            if rule.id == rule_id:
                return rule
        raise KeyError(rule_id)

    def walked_questions(self) -> tuple[str, ...]:
        return tuple(q for unit in self.units for q in unit.questions())


def _section_questions(section: Section) -> list[Question]:
    return [*section.questions, *(q for sub in section.sections for q in sub.questions)]


def _unit(section: Section) -> Unit:
    questions = _section_questions(section)
    parts = ((section.id, frozenset(q.id for q in questions)),
             *((sub.id, frozenset(q.id for q in sub.questions)) for sub in section.sections))
    return Unit(
        section.id,
        section.title,
        tuple(q.id for q in questions if q.level is Level.BASIS),
        tuple(q.id for q in questions if q.level is Level.VERDIEPEND),
        parts,
    )


class _Compiler:
    """The checks pydantic cannot make: every id a script names must exist in the banks, every rule must mean something."""

    def __init__(self, located: Located, banks: Mapping[str, Bank]):
        self.located = located
        self.all_banks = banks
        self.errors: list[SourceError] = []

    def error(self, at: YamlPath, message: str, *, key: bool = False) -> None:
        # The script's `sections` is a list of ids, not of section mappings: no "section #n" label there.
        label = context_label(self.located, at) if at[:1] != ("sections",) else ""
        self.errors.append(self.located.error(at, f"{label}: {message}" if label else message, key=key))

    def compile(self, data: dict[str, Any]) -> tuple[tuple[Unit, ...], tuple[Rule, ...], tuple[str, ...]]:
        self._texts(data, (), _TEXT_KEYS)
        if isinstance(data.get("id"), str) and not ID_PATTERN.fullmatch(data["id"]):
            self.error(("id",), f"script id '{data['id']}' is not a valid id (use lower-case letters, digits, '.', '-' and '_')")
        if isinstance(data.get("banks"), list) and not data["banks"]:
            self.error(("banks",), "the script walks no bank: name at least one")
        if isinstance(data.get("version"), int) and data["version"] < 1:
            self.error(("version",), "'version' must be 1 or more")
        walked = self._banks(data.get("banks"))
        sections = self._sections(walked, data.get("sections"))
        units = tuple(_unit(s) for s in sections)
        # The script's own banks come first, so that its questions win if an id also occurs elsewhere.
        index: dict[str, Question] = {}
        for bank in [*walked, *self.all_banks.values()]:
            for question in bank.questions():
                index.setdefault(question.id, question)
        own_sections = {s.id: s for bank in walked for _, s in bank.walk_sections()}
        own_questions = {q.id for bank in walked for q in bank.questions()}
        parser = ConditionParser(self.located, index.get, sorted(index), self.errors)
        rules = []
        seen: dict[str, int] = {}
        raw_rules = data.get("rules")
        for i, raw in enumerate(raw_rules if isinstance(raw_rules, list) else []):
            if not isinstance(raw, dict):
                continue  # pydantic reports it
            rule = self._rule(raw, ("rules", i), parser, index, own_sections, own_questions, seen)
            if rule is not None:
                rules.append(rule)
        return units, tuple(rules), tuple(s.id for s in sections)

    def _texts(self, item: dict[str, Any], at: YamlPath, keys: tuple[str, ...]) -> None:
        for key in keys:
            if isinstance(item.get(key), str) and not item[key].strip():
                self.error((*at, key), f"'{key}' is empty")

    def _banks(self, value: Any) -> list[Bank]:
        walked = []
        for i, ident in enumerate(value if isinstance(value, list) else []):
            if not isinstance(ident, str):
                continue
            if ident in self.all_banks:
                walked.append(self.all_banks[ident])
            else:
                close = difflib.get_close_matches(ident, list(self.all_banks), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.error(("banks", i), f"unknown bank '{ident}'{hint}")
        return walked

    def _sections(self, walked: list[Bank], value: Any) -> list[Section]:
        if value is None:
            return [s for bank in walked for s in bank.sections]
        by_id: dict[str, tuple[Section, str | None]] = {}
        for bank in walked:
            for path, section in bank.walk_sections():
                parent = bank.sections[path[0]].id if len(path) == 2 else None
                by_id.setdefault(section.id, (section, parent))
        chosen: list[Section] = []
        listed: dict[str, int] = {}
        for i, ident in enumerate(value if isinstance(value, list) else []):
            if not isinstance(ident, str):
                continue
            if ident not in by_id:
                close = difflib.get_close_matches(ident, list(by_id), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.error(("sections", i), f"unknown section '{ident}' in the banks this script walks{hint}")
                continue
            section, parent = by_id[ident]
            if ident in listed:
                self.error(("sections", i), f"section '{ident}' is listed twice")
                continue
            if parent in listed:
                self.error(("sections", i), f"section '{ident}' is already walked as part of '{parent}'")
                continue
            inner = [other for other in listed if by_id[other][1] == ident]
            if inner:
                self.error(("sections", i), f"section '{ident}' would walk '{inner[0]}' a second time: list its subsections instead")
                continue
            listed[ident] = i
            chosen.append(section)
        return chosen

    def _rule(self, raw: dict[str, Any], at: YamlPath, parser: ConditionParser, index: dict[str, Question],
              own_sections: dict[str, Section], own_questions: set[str], seen: dict[str, int]) -> Rule | None:
        ident = raw.get("id")
        self._texts(raw, at, _RULE_TEXT_KEYS)
        if isinstance(ident, str) and not ID_PATTERN.fullmatch(ident):
            self.error((*at, "id"), f"rule id '{ident}' is not a valid id (use lower-case letters, digits, '.', '-' and '_')")
        elif isinstance(ident, str):
            if ident in seen:
                self.error((*at, "id"), f"duplicate rule id (first used at line {seen[ident]})")
            else:
                seen[ident] = self.located.where((*at, "id"))[0]
        count = len(self.errors)
        when = parser.parse(raw["when"], (*at, "when")) if "when" in raw else None
        show = self._targets(raw.get("show"), (*at, "show"), own_sections, own_questions)
        skip = self._targets(raw.get("skip"), (*at, "skip"), own_sections, own_questions)
        suggest = self._proposals(raw.get("suggest"), (*at, "suggest"), parser, index)
        effects = [key for key in EFFECTS if raw.get(key) not in (None, [], "")]
        if not effects:
            self.error(at, "the rule has no effect (one of: show, skip, suggest, signal, priority_hint)")
        elif not isinstance(raw.get("because"), str) and any(k in effects for k in ("suggest", "signal", "priority_hint")):
            self.error(at, "missing key 'because': suggestions, signals and priority hints say why (quote the source "
                           "document, or mark the rule own: true)")
        elif isinstance(raw.get("because"), str) and any(k in effects for k in ("suggest", "signal", "priority_hint")):
            self._because(raw["because"], raw.get("own") is True, (*at, "because"))
        if len(self.errors) > count or when is None or not isinstance(ident, str):
            return None
        return Rule(
            id=ident,
            when=when,
            because=str(raw.get("because") or "").strip(),
            show=show,
            skip=skip,
            suggest=suggest,
            signal=raw["signal"].strip() if isinstance(raw.get("signal"), str) else None,
            priority_hint=raw["priority_hint"].strip() if isinstance(raw.get("priority_hint"), str) else None,
            own=raw.get("own") is True,
        )

    def _because(self, because: str, own: bool, at: YamlPath) -> None:
        """An own rule (our judgement, not a document's) says so and borrows no source's authority.
        (That a cited rule quotes its document word for word is checked against the documents by the tests
        of the shipped scripts: the documents are not shipped.)"""
        text = " ".join(because.split())
        if own:
            if not text.startswith(OWN_PREFIX):
                self.error(at, f"an own rule's 'because' starts with '{OWN_PREFIX}:' and says why")
            elif SOURCE_PREFIX in text:
                self.error(at, f"an own rule cites no source ('{SOURCE_PREFIX}'): it is our own judgement")
        elif text.startswith(OWN_PREFIX):
            self.error(at, f"'because' says '{OWN_PREFIX}': mark the rule own: true")

    def _targets(self, value: Any, at: YamlPath, sections: dict[str, Section], questions: set[str]) -> tuple[str, ...]:
        """Question ids, with a section standing for all its questions; only what this script walks."""
        result: dict[str, None] = {}
        for i, ident in enumerate(value if isinstance(value, list) else []):
            if not isinstance(ident, str):
                continue
            if ident in sections:
                result.update(dict.fromkeys(q.id for q in _section_questions(sections[ident])))
            elif ident in questions:
                result[ident] = None
            else:
                close = difflib.get_close_matches(ident, [*questions, *sections], n=1, cutoff=0.7)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.error((*at, i), f"unknown question or section '{ident}' in the banks this script walks{hint}")
        return tuple(result)

    def _proposals(self, value: Any, at: YamlPath, parser: ConditionParser, index: dict[str, Question]) -> tuple[Proposal, ...]:
        if value is None:
            return ()
        items = value if isinstance(value, list) else [value]
        proposals = []
        for i, item in enumerate(items):
            spot = (*at, i) if isinstance(value, list) else at
            if isinstance(item, str):
                question = parser.question(item, spot)
                if question:
                    proposals.append(Proposal(question.id, question.text))
            elif isinstance(item, dict) and set(item) == {"question"}:
                question = parser.question(item["question"], (*spot, "question"))
                if question:
                    proposals.append(Proposal(question.id, question.text))
            elif isinstance(item, dict) and set(item) == {"text"}:
                text = item["text"]
                if isinstance(text, str) and text.strip():
                    proposals.append(Proposal(None, " ".join(text.split())))
                else:
                    self.error((*spot, "text"), "an ad-hoc suggestion needs a question text")
            else:
                self.error(spot, "a suggestion is a question id, {question: id} or {text: \"an ad-hoc question\"}")
        keys = [p.question_id or p.text for p in proposals]
        if len(set(keys)) != len(keys):
            self.error(at, "the same question is suggested twice")
        return tuple(proposals)


def script_from_located(located: Located, banks: Mapping[str, Bank], *, shape_checked: bool = False) -> Script:
    """Build and check a script against `banks`; raises SourceErrors with every problem found.

    `shape_checked` skips the pydantic pass for data that passed it before (the script cache).
    """
    compiler = _Compiler(located, banks)
    units: tuple[Unit, ...] = ()
    rules: tuple[Rule, ...] = ()
    sections: tuple[str, ...] = ()
    if isinstance(located.data, dict):
        units, rules, sections = compiler.compile(located.data)
    if not shape_checked:
        from assistant.core.validation import validate_located  # pydantic only when validating a file

        try:
            validate_located(located, _ScriptDoc)
        except SourceErrors as exc:
            raise SourceErrors(merge_errors(exc.errors, compiler.errors)) from None
    if compiler.errors:
        raise SourceErrors(merge_errors([], compiler.errors))
    data = located.data
    return Script(
        id=data["id"],
        title=data["title"].strip(),
        description=" ".join(data["description"].split()),
        banks=tuple(data["banks"]),
        sections=sections,
        rules=rules,
        units=units,
        version=data.get("version", 1),
        path=located.path,
    )


def load_script(path: Path, banks: Mapping[str, Bank], display: str | None = None) -> Script:
    """Load and check one script file against `banks`; raises SourceErrors with every problem found."""
    from assistant.core.yamlsource import load_located

    return script_from_located(load_located(path, display), banks)
