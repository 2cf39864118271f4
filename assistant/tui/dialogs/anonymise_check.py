"""The check before sharing: what the anonymiser could not decide, each in its sentence, one key each.

Opened before an anonymised summary is written (assistant.tui.screens.summary). Each line shows a word
the program could not decide (a probable name, a place, a number that looks personal) highlighted in
the sentence it stands in. One key replaces it (and remembers that for this transcript), one keeps it;
Enter writes the file, with whatever is still undecided hidden; Escape writes nothing.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from assistant.core.pseudonymise import KEEP, REPLACE, Finding
from assistant.core.safetext import one_line


class AnonymiseCheckDialog(ModalScreen[dict[str, str] | None]):
    """Returns the decisions made (key -> replace | keep), or None when the export is called off."""

    BINDINGS = [
        Binding("v,r", "decide('replace')", show=False),
        Binding("b,k,h", "decide('keep')", show=False),
        Binding("enter,ctrl+s", "write", show=False, priority=True),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, findings: tuple[Finding, ...], decided: dict[str, str]) -> None:
        super().__init__(classes="dialog-screen")
        self.findings = findings
        self.decisions: dict[str, str] = {f.key: decided[f.key] for f in findings if f.key in decided}

    def compose(self) -> ComposeResult:
        t = self.app.strings  # type: ignore[attr-defined]
        with Vertical(classes="dialog -wide anonymise-check"):
            yield Static(t("check.title", count=len(self.findings)), classes="dialog-title", markup=False)
            yield Static(t("check.intro"), classes="dialog-hint", markup=False)
            yield OptionList(*(Option(self._line(f), id=f.key) for f in self.findings), id="check-list")
            yield Static(t("check.keys"), id="check-keys", classes="dialog-hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    def _line(self, finding: Finding) -> Content:
        t = self.app.strings  # type: ignore[attr-defined]
        decision = self.decisions.get(finding.key)
        mark = {REPLACE: t("check.replaced"), KEEP: t("check.kept")}.get(decision, t("check.open"))
        context = one_line(finding.context)
        word = one_line(finding.text)
        at = context.find(word)
        parts: list = [(f"{mark} ", "bold" if decision is None else "dim"),
                       (f"{word} ", "bold"), (f"({t('check.kind.' + finding.kind)}, {finding.count}×) ", "dim")]
        if at >= 0:
            parts += [context[:at], (word, "reverse bold"), context[at + len(word):]]
        else:
            parts.append(context)
        return Content.assemble(*parts)

    def action_decide(self, decision: str) -> None:
        options = self.query_one(OptionList)
        index = options.highlighted
        if index is None:
            return
        finding = self.findings[index]
        self.decisions[finding.key] = decision
        options.replace_option_prompt_at_index(index, self._line(finding))
        following = [n for n in range(index + 1, len(self.findings)) if self.findings[n].key not in self.decisions]
        if following:
            options.highlighted = following[0]
        elif index + 1 < len(self.findings):
            options.highlighted = index + 1

    def action_write(self) -> None:
        self.dismiss(dict(self.decisions))

    def action_cancel(self) -> None:
        self.dismiss(None)
