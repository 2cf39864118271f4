"""The blank preparation sheet: a conversation guide on paper, from the same banks and templates.

Some facilitators want paper in front of them. The sheet lists a script's (or a bank's) questions
in walking order (per section the basis questions first, then the deepening ones), with their
probes and help, and room to write that fits each answer type.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from assistant.core.bank import Bank, Level, Question, Section
from assistant.core.questions import as_bank_list
from assistant.core.templating import render


@dataclass(frozen=True)
class SheetQuestion:
    number: int
    question: Question
    kind: str          # the answer type, as text, for the template to pick the space to write
    low: str = ""      # scale range
    high: str = ""


@dataclass(frozen=True)
class SheetSection:
    title: str
    level: int
    intro: str
    help: str
    basis: tuple[SheetQuestion, ...]
    deepening: tuple[SheetQuestion, ...]


@dataclass(frozen=True)
class SheetBank:
    title: str
    source: str
    intro: str
    sections: tuple[SheetSection, ...]


def _sheet_question(number: int, question: Question) -> SheetQuestion:
    low, high = question.scale_range
    return SheetQuestion(number, question, str(question.type), f"{low:g}", f"{high:g}")


def render_sheet(
    source: Any,
    banks: Mapping[str, Bank] | Iterable[Bank] | None = None,
    *,
    lang: str = "nl",
    title: str | None = None,
    basis_only: bool = False,
) -> str:
    """The preparation sheet as Markdown.

    `source` is a bank, a list or mapping of banks, or a script: anything with `banks` (bank ids, in
    walking order) and `title`, whose banks are looked up in `banks`. `sections` on a script, when
    present, is the order of section ids to walk.
    """
    chosen, order, title = _resolve(source, banks, title)
    counter = iter(range(1, 100_000))
    sheet_banks = []
    for bank in chosen:
        sections = []
        for path, section in _ordered(bank, order):
            picks = [q for q in section.questions if not (basis_only and q.level != Level.BASIS)]
            basis = tuple(_sheet_question(next(counter), q) for q in picks if q.level == Level.BASIS)
            deepening = tuple(_sheet_question(next(counter), q) for q in picks if q.level != Level.BASIS)
            sections.append(SheetSection(section.title, 1 + len(path) + (len(chosen) > 1), section.intro or "",
                                         section.help or "", basis, deepening))
        sheet_banks.append(SheetBank(bank.title, bank.source, bank.intro, tuple(sections)))
    context = {"title": title, "banks": sheet_banks, "several": len(chosen) > 1}
    return render("sheet.md.j2", lang, context)


def _resolve(source: Any, banks: Any, title: str | None) -> tuple[list[Bank], Sequence[str] | None, str]:
    if isinstance(source, Bank) or isinstance(source, Mapping) or isinstance(source, list | tuple):
        chosen = as_bank_list(source)
        return chosen, None, title or (chosen[0].title if len(chosen) == 1 else "")
    by_id = {b.id: b for b in as_bank_list(banks or ())}
    wanted = [b if isinstance(b, str) else getattr(b, "id", str(b)) for b in getattr(source, "banks", ())]
    missing = [w for w in wanted if w not in by_id]
    if missing:
        raise KeyError(f"the script walks bank '{missing[0]}', which is not loaded")
    order = getattr(source, "sections", None)
    order = [s if isinstance(s, str) else getattr(s, "id", str(s)) for s in order] if order else None
    return [by_id[w] for w in wanted], order, title or str(getattr(source, "title", ""))


def _ordered(bank: Bank, order: Sequence[str] | None) -> list[tuple[tuple[int, ...], Section]]:
    """The bank's sections in document order, or only those the script walks, in its order (a walked
    section brings its subsections along)."""
    walked = list(bank.walk_sections())
    if order is None:
        return walked
    result = []
    for ident in order:
        for path, section in walked:
            if section.id == ident:
                result.append((path[:1], section))  # a subsection walked alone heads its own part
                result += [(p, s) for p, s in walked if len(path) == 1 and len(p) == 2 and p[0] == path[0]]
    return result
