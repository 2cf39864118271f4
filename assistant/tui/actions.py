"""Every action of a screen, defined once: its key (shown in the footer), its label and help (the
command palette lists them), and the slash command that runs it, if any."""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.dom import DOMNode

from assistant.tui.strings import Strings
from assistant.tui.textual_private import add_binding


@dataclass(frozen=True)
class ActionSpec:
    action: str          # the screen's action_<name>
    key: str
    label: str           # strings key of the short label
    help: str            # strings key of the one-line help
    show: bool = False   # in the footer (space is short at 80 columns)
    priority: bool = True  # before the focused widget: these keys must work while typing


CONVERSATION = (
    ActionSpec("send", "ctrl+s", "conv.send", "conv.send.help", show=True),
    ActionSpec("back", "ctrl+b", "conv.back", "conv.back.help", show=True),
    ActionSpec("skip", "ctrl+o", "conv.skip", "conv.skip.help"),
    ActionSpec("park", "ctrl+r", "conv.park", "conv.park.help"),
    ActionSpec("note", "ctrl+n", "conv.note", "conv.note.help"),
    ActionSpec("suggestions", "ctrl+f", "conv.suggestions", "conv.suggestions.help", show=True),
    ActionSpec("answers", "ctrl+l", "conv.answers", "conv.answers.help", show=True),
    ActionSpec("speaker", "ctrl+t", "conv.speaker", "conv.speaker.help"),
    ActionSpec("priority", "ctrl+g", "conv.priority", "conv.priority.help"),
    ActionSpec("help", "f1", "conv.help", "conv.help.help", show=True),
    ActionSpec("details", "f2", "conv.details", "conv.details.help"),
    ActionSpec("sections", "f3", "conv.sections", "conv.sections.help"),
    ActionSpec("strength", "f4", "conv.strength", "conv.strength.help"),
    ActionSpec("werkpunt", "f5", "conv.werkpunt", "conv.werkpunt.help"),
    ActionSpec("basis", "f6", "conv.basis", "conv.basis.help"),
    ActionSpec("finish", "f7", "conv.finish", "conv.finish.help", show=True),
    ActionSpec("panel", "f8", "conv.panel", "conv.panel.help"),
    ActionSpec("summary", "f9", "conv.summary_now", "conv.summary_now.help"),
    ActionSpec("prep", "f12", "conv.prep", "conv.prep.help"),
    # Not F10 (GNOME Terminal opens its menu on it) nor F11 (full screen); ctrl+e's "end of line" is the End key
    ActionSpec("previous", "ctrl+e", "conv.previous", "conv.previous.help"),
)

START = (
    ActionSpec("new", "n", "start.new", "start.new.help", show=True, priority=False),
    ActionSpec("resume", "r", "start.resume", "start.resume.help", show=True, priority=False),
    ActionSpec("handover", "h", "start.handover", "start.handover.help", show=True, priority=False),
    ActionSpec("review", "o", "start.review", "start.review.help", show=True, priority=False),
)

REVIEW = (
    ActionSpec("view", "enter", "review.view", "review.view.help", show=True, priority=False),
    ActionSpec("summary", "s", "review.summary", "review.summary.help", show=True, priority=False),
    ActionSpec("followup", "v", "review.followup", "review.followup.help", show=True, priority=False),
    ActionSpec("resume", "r", "review.resume", "review.resume.help", priority=False),
    ActionSpec("export", "e", "export.named", "export.named.help", show=True, priority=False),
    ActionSpec("export_anonymous", "a", "export.anonymous", "export.anonymous.help", show=True, priority=False),
    # priority: read as the key arrives, so the letters typed right after it land in the search box
    ActionSpec("find", "slash", "review.find", "review.find.help", show=True),
    ActionSpec("filter", "f", "review.filter", "review.filter.help", priority=False),
    ActionSpec("close", "escape", "app.back", "summary.close.help", show=True, priority=False),
)

SUMMARY = (
    ActionSpec("export", "e", "export.named", "export.named.help", show=True, priority=False),
    ActionSpec("export_anonymous", "a", "export.anonymous", "export.anonymous.help", show=True, priority=False),
    ActionSpec("export_word", "w", "export.word", "export.word.help", show=True, priority=False),
    ActionSpec("followup", "v", "summary.followup", "summary.followup.help", show=True, priority=False),
    ActionSpec("handover", "h", "summary.handover", "summary.handover.help", show=True, priority=False),
    ActionSpec("reopen", "o", "summary.reopen", "summary.reopen.help", priority=False),
    ActionSpec("close", "escape", "summary.close", "summary.close.help", show=True, priority=False),
)


def install(node: DOMNode, specs: tuple[ActionSpec, ...], strings: Strings) -> None:
    """Bind the actions on `node` with labels in the interface language (class BINDINGS cannot know it)."""
    for spec in specs:
        binding = Binding(spec.key, spec.action, strings(spec.label), show=spec.show, priority=spec.priority,
                          tooltip=strings(spec.help))
        add_binding(node, binding)
