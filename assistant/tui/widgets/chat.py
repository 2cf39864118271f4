"""The chat log: one message widget per log entry, laid out as a stream, updated by entry key.

Only the newest WINDOW messages are mounted: Textual lays out and composes every mounted widget on
each frame, so a full school dialogue (a few hundred messages) would make every answer slower.
The rest stay plain data; scrolling to the top, or walking up past the first mounted answer,
mounts the next WINDOW.

The log never takes focus by itself. The facilitator enters it on purpose, to pick an earlier
answer (edit, flag) or to decide on a suggestion; Escape goes back to the composer.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import fields, replace
from functools import singledispatch
from typing import Literal

from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Size
from textual.message import Message
from textual.widgets import Static

from assistant.core.safetext import first_unsafe, visible
from assistant.application.log_entries import (
    ActionStatusEntry,
    AnswerEntry,
    Entry,
    FollowEntry,
    MarkEntry,
    NoteEntry,
    PrepEntry,
    QuestionEntry,
    SectionEntry,
    SignalEntry,
    StatusEntry,
    SuggestionEntry,
)
from assistant.tui.strings import Strings

Mode = Literal["answers", "suggestions"]
WINDOW = 50  # messages mounted at a time (a 40-line terminal shows about 20)


def _flag_label(t: Strings, flag: str, rank: int | None) -> str:
    if flag == "priority" and rank:
        return t("conv.flag.priority_rank", rank=rank)
    return t(f"conv.flag.{flag}")


def reason_parts(reason: str, source: str, t: Strings, *, opened: bool = False) -> list[Content | str | tuple[str, str]]:
    """Why a suggestion (or a signal) is made, as the log shows it: the rule's reason, and the source it
    cites only when the facilitator opened it (r in ctrl+f). The one place that draws a reason."""
    parts: list[Content | str | tuple[str, str]] = []
    if reason:
        parts += ["\n", (t("conv.because"), "italic"), (reason, "italic")]
    if opened and source:
        parts += ["\n", (source, "italic dim")]
    return parts


def shown(entry: Entry) -> Entry:
    """`entry` with the control characters of its texts as visible escapes (assistant.core.safetext): an
    answer, a subject or a bank's text is data, and never acts on the terminal."""
    changes = {}
    for f in fields(entry):
        value = getattr(entry, f.name)
        if isinstance(value, str) and first_unsafe(value):
            changes[f.name] = visible(value)
        elif isinstance(value, tuple) and any(isinstance(v, str) and first_unsafe(v) for v in value):
            changes[f.name] = tuple(visible(v) if isinstance(v, str) else v for v in value)
    return replace(entry, **changes) if changes else entry


def render_entry(entry: Entry, t: Strings, question_text: Callable[[str], str], *, opened: bool = False) -> Content:
    """The text of one message. User data goes in as plain text, never as markup, and shown (`shown`).
    `opened`: the source of a suggestion is shown too. Each kind of entry has its renderer below."""
    return _render(shown(entry), t, question_text, opened)


QuestionText = Callable[[str], str]


@singledispatch
def _render(entry: Entry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    raise TypeError(entry)  # pragma: no cover - the entry types are closed


@_render.register(SectionEntry)
def _section(entry: SectionEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    if entry.noted:
        return Content.assemble((f"── {entry.title} ──", "bold"), "\n", (t("conv.prep_noted"), "dim italic"))
    return Content.styled(f"── {entry.title} ──", "bold")


@_render.register(FollowEntry)
def _follow(entry: FollowEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    counted = [t.count(noun, n) for noun, n in (("action", entry.actions), ("question", entry.questions)) if n]
    what = t("count.and", first=counted[0], second=counted[1]) if len(counted) == 2 else "".join(counted)
    left = t("conv.follows.left", what=what) if what else t("conv.follows.done")
    return Content.assemble((t("conv.follows", date=entry.date or "-"), "bold"), "\n", (left, "italic"))


@_render.register(ActionStatusEntry)
def _action_status(entry: ActionStatusEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    status = t(f"conv.action_status.{entry.status}")
    return Content.assemble((f"{t('conv.action')}: ", "dim"), (entry.wat, "dim italic"), (f" · {status}", "bold"),
                            (f": {entry.note}" if entry.note else "", "italic"))


@_render.register(PrepEntry)
def _prep(entry: PrepEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    parts: list = [(t("conv.prepared", date=entry.date or "-"), "bold")]
    if entry.topics:
        parts += ["\n", t("conv.prepared.topics", topics=", ".join(entry.topics))]
    if entry.private:
        parts += ["\n", (t("conv.prepared.private"), "dim italic")]
    return Content.assemble(*parts)


@_render.register(QuestionEntry)
def _question(entry: QuestionEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    badge = t(f"conv.badge.{entry.level}") if entry.level in ("basis", "verdiepend") else t("conv.adhoc")
    parts: list[Content | str | tuple[str, str]] = [(f" {badge} ", "reverse"), " "]
    if entry.again:
        parts.append(("↩ ", "bold"))
    parts.append((entry.text, "bold"))
    if entry.probes:
        parts += ["\n", (t("conv.probes") + " · ".join(entry.probes), "italic dim")]
    if entry.earlier:
        parts += ["\n", (t("conv.earlier", value=entry.earlier), "dim")]
    if entry.has_help and entry.current:
        parts += ["\n", (t("conv.help_hint"), "dim")]
    return Content.assemble(*parts)


@_render.register(AnswerEntry)
def _answer(entry: AnswerEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    parts: list[Content | str | tuple[str, str]] = []
    if entry.speaker:
        parts.append((f"{entry.speaker}: ", "bold"))
    parts.append(entry.text)
    for flag, rank in entry.flags:
        parts += [" ", (f"[{_flag_label(t, flag, rank)}]", "bold")]
    if entry.edited:
        parts += [" ", (f"({t('conv.edited')})", "dim italic")]
    return Content.assemble(*parts)


@_render.register(SuggestionEntry)
def _suggestion(entry: SuggestionEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    priority = entry.kind == "priority"
    label = t("conv.proposal") if priority else t(f"conv.carried.{entry.kind}") if entry.kind else t("conv.suggestion")
    if entry.decision:
        decided = t(f"conv.proposal.{entry.decision}") if priority else t(f"conv.decision.{entry.decision}")
        return Content.assemble((f"{label} ({decided}): ", "dim"), (entry.text, "dim"))
    # An own suggestion (or proposal, or question carried from last time) says so on its first line,
    # also where its reason is not shown.
    head = t("conv.own", label=label) if entry.own else label
    parts: list[Content | str | tuple[str, str]] = [(f"{head}: ", "bold"), (entry.text, "bold")]
    if not entry.same_reason or opened:
        parts += reason_parts("" if entry.same_reason else entry.reason, entry.source, t, opened=opened)
    if entry.keys_hint:
        parts += ["\n", (t("conv.proposal.keys" if priority else "conv.suggestion.keys"), "dim")]
    return Content.assemble(*parts)


@_render.register(SignalEntry)
def _signal(entry: SignalEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    # A signal is not picked (no r for its source): a rule whose reason is its quote alone (issue 15's
    # grounded signals, 'Bron: ... ("...")') shows that quote, or the log would not say why at all.
    why = reason_parts(entry.reason, entry.source, t) if entry.reason else ["\n", (entry.source, "italic")] if entry.source else []
    return Content.assemble((f"⚑ {t('conv.signal')}: ", "bold"), (entry.text, "bold"), *why, " ",
                            (f"({t('conv.rule', rule=entry.rule_id)})", "dim"))


@_render.register(NoteEntry)
def _note(entry: NoteEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    return Content.assemble((f"✎ {t('conv.note_entry')}: ", "dim"), entry.text)


_MARKS: dict[str, Callable[[Strings, str, int], str]] = {  # (t, the questions' texts, how many)
    "skip": lambda t, names, n: t("conv.skipped", question=names),
    "defer": lambda t, names, n: t("conv.parked", question=names),
    "select": lambda t, names, n: t("conv.selected", question=names),
    "mode_on": lambda t, names, n: t("conv.mode_on_parked", question=names) if names else t("conv.mode_on"),
    "mode_off": lambda t, names, n: t("conv.mode_off"),
    "close": lambda t, names, n: t("conv.finished"),
    "reopen": lambda t, names, n: t("conv.reopened"),
}


@_render.register(MarkEntry)
def _mark(entry: MarkEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    names = "; ".join(question_text(q) for q in entry.questions)
    return Content.styled(_MARKS[entry.kind](t, names, len(entry.questions)), "dim italic")


@_render.register(StatusEntry)
def _status(entry: StatusEntry, t: Strings, question_text: QuestionText, opened: bool) -> Content:
    if entry.kind == "checklist":
        return Content.styled(t("checklist.title", section=entry.section), "bold")
    return Content.styled(t("conv.done"), "bold")


_CLASSES = {
    FollowEntry: "prep", ActionStatusEntry: "mark", PrepEntry: "prep", SectionEntry: "section", QuestionEntry: "question", AnswerEntry: "answer", SuggestionEntry: "suggestion",
    SignalEntry: "signal", NoteEntry: "note", MarkEntry: "mark", StatusEntry: "status",
}


class ChatMessage(Static):
    """One message of the log."""

    def __init__(self, entry: Entry, content: Content) -> None:
        super().__init__(content, classes=self.classes_for(entry), markup=False)
        self.entry = entry

    @staticmethod
    def classes_for(entry: Entry) -> str:
        names = ["msg", _CLASSES[type(entry)]]
        if isinstance(entry, QuestionEntry):
            names.append(f"-{entry.level or 'adhoc'}")
            if entry.current:
                names.append("-current")
        if isinstance(entry, SuggestionEntry):
            names.append(f"-{entry.decision or 'pending'}")
            if entry.same_reason:
                names.append("-same-reason")
            if entry.kind == "priority":
                names.append("-priority")
        return " ".join(names)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        # Textual's stream layout (8.2) measures a child at the log's width less the child's padding and
        # border, but not its side margins, and then draws it that much narrower: an indented message
        # (an answer, a note, a decided suggestion) that wraps only at the narrower width lost its last
        # line, and the log, too short, no longer scrolled down to the question waiting at its end.
        parent = self.parent
        if parent is not None and parent.styles.layout is not None and parent.styles.layout.name == "stream":
            width = max(1, width - self.styles.margin.width)
        return super().get_content_height(container, viewport, width)

    def show(self, entry: Entry, content: Content) -> None:
        selected = self.has_class("-selected")
        self.entry = entry
        self.classes = self.classes_for(entry)
        self.set_class(selected, "-selected")
        self.update(content)


_SCROLLING = {"move", "page_up", "page_down", "scroll_home", "scroll_end"}  # the container's page, Home and End keys


class EarlierLine(Static):
    """Stands for the messages above the mounted window."""


class ChatLog(VerticalScroll, can_focus=False):
    """The conversation so far. `sync` shows a new list of entries, touching only what changed.

    While a message is picked, its keys are read as the app reads them (priority bindings), and what
    they ask for (edit, flag, decide, leave) is done by `requests` before the next key is read: in a
    burst ('ctrl+f Enter' and the answer typed on), a letter after Enter reached the log while the
    decision was still a message on its way, and 'p' or 'x' in the answer parked or dismissed more."""

    BINDINGS = [
        Binding("up,k", "move(-1)", show=False, priority=True),
        Binding("down,j", "move(1)", show=False, priority=True),
        Binding("enter,v", "choose", show=False, priority=True),
        Binding("p", "mark('p')", show=False, priority=True),
        Binding("s", "mark('s')", show=False, priority=True),
        Binding("w", "mark('w')", show=False, priority=True),
        Binding("x,delete", "mark('x')", show=False, priority=True),
        Binding("r", "source", show=False, priority=True),
        Binding("escape", "leave", show=False, priority=True),
    ]

    class EditRequested(Message):
        def __init__(self, question_id: str) -> None:
            super().__init__()
            self.question_id = question_id

    class FlagRequested(Message):
        def __init__(self, question_id: str, flag: str) -> None:
            super().__init__()
            self.question_id = question_id
            self.flag = flag

    class DecisionRequested(Message):
        def __init__(self, suggestion_key: str, decision: str) -> None:
            super().__init__()
            self.suggestion_key = suggestion_key
            self.decision = decision

    class Left(Message):
        """The facilitator left the log (Escape): the composer takes focus again."""

    class ModeChanged(Message):
        """Picking in the log started ("answers", "suggestions") or ended (None): the keys hint follows."""

        def __init__(self, mode: Mode | None) -> None:
            super().__init__()
            self.mode = mode

    def __init__(self, strings: Strings, question_text: Callable[[str], str], entries: list[Entry] | None = None, *,
                 id: str | None = None, requests: Callable[[Message], Awaitable[None]] | None = None) -> None:
        """`entries` are composed with the log itself: the first screen then needs one layout, not two.
        `requests` does what a picked message asks (EditRequested, FlagRequested, DecisionRequested, Left)
        at once; without it they are posted as messages."""
        super().__init__(id=id)
        self.requests = requests
        self.strings = strings
        self.question_text = question_text
        self.mode: Mode | None = None
        self.cursor: ChatMessage | None = None
        self.opened: set[str] = set()  # suggestions whose source is shown (r), until the log is left
        self.entries: list[Entry] = list(entries or ())
        self.window = WINDOW
        start, mounted = self._visible(self.entries)
        self.hidden = start
        self.by_key: dict[str, ChatMessage] = {e.key: ChatMessage(e, self._content_for(e)) for e in mounted}

    def compose(self):
        yield EarlierLine(self._earlier_text(), id="earlier", classes="msg mark", markup=False)
        yield from self.by_key.values()

    def on_mount(self) -> None:
        self.query_one(EarlierLine).display = self.hidden > 0
        self.scroll_end(animate=False, immediate=True)
        self.watch(self, "scroll_y", self._at_top, init=False)
        self.watch(self, "virtual_size", self._keep_end, init=False)

    # -- keeping the end in view ------------------------------------------------------------------------
    # The question waiting for an answer is the log's last message. The log follows its end unless the
    # facilitator scrolled up on purpose (or is picking a message): a new width (a resized terminal, the
    # side panel) wraps every message anew, and a box of another height changes the log's, and each left
    # the view where it was, on old messages, with the question out of sight.
    follow = True

    def _keep_end(self, *_: object) -> None:
        if self.follow and self.mode is None:
            self.scroll_end(animate=False, immediate=True)

    def on_resize(self) -> None:
        if self.follow and self.mode is None:
            self.call_after_refresh(self._keep_end)

    def _on_mouse_scroll_up(self, event: object) -> None:
        self.follow = False  # the facilitator reads back: leave the view where it is taken

    def action_page_up(self) -> None:
        self.follow = False
        super().action_page_up()

    def action_scroll_home(self) -> None:
        self.follow = False
        super().action_scroll_home()

    def _visible(self, entries: list[Entry]) -> tuple[int, list[Entry]]:
        start = max(0, len(entries) - self.window)
        return start, entries[start:]

    def _earlier_text(self) -> str:
        return self.strings("conv.earlier_messages", count=self.hidden)

    def _at_top(self, y: float) -> None:
        if y >= self.max_scroll_y > 0:
            self.follow = True  # back at the end: follow it again (not while the log is still being laid out)
        if y <= 0 and self.hidden and self.is_mounted:
            self.run_worker(self.show_more(), exclusive=True, group="earlier")

    async def show_more(self) -> None:
        """Mount the next WINDOW older messages above, keeping the view where it was."""
        if not self.hidden:
            return
        before = self.virtual_size.height
        self.window += WINDOW
        await self.sync(self.entries)
        self.call_after_refresh(lambda: self.scroll_to(y=self.virtual_size.height - before, animate=False))

    # -- showing entries ------------------------------------------------------------------------------
    def _content_for(self, entry: Entry) -> Content:
        return render_entry(entry, self.strings, self.question_text, opened=entry.key in self.opened)

    async def sync(self, entries: list[Entry]) -> None:
        """Show `entries` (the newest `window` of them): update changed messages, remove gone ones,
        mount new ones in place."""
        self.entries = list(entries)
        start, entries = self._visible(self.entries)
        self.hidden = start
        earlier = self.query_one(EarlierLine)
        earlier.display = start > 0
        earlier.update(self._earlier_text())
        keys = [e.key for e in entries]
        wanted = set(keys)
        old_order = [k for k in self.by_key if k in wanted]
        if old_order != [k for k in keys if k in self.by_key]:
            await self._rebuild(entries)  # the order of kept messages changed: rare, start over
            return
        gone = [w for k, w in self.by_key.items() if k not in wanted]
        for widget in gone:
            del self.by_key[widget.entry.key]
            if widget is self.cursor:
                self.cursor = None
        if gone:
            await self.remove_children(gone)
        previous: ChatMessage | None = None
        batch: list[ChatMessage] = []
        anchor_after: ChatMessage | None = None
        for entry in entries:
            widget = self.by_key.get(entry.key)
            if widget is None:
                widget = ChatMessage(entry, self._content_for(entry))
                self.by_key[entry.key] = widget
                if not batch:
                    anchor_after = previous
                batch.append(widget)
                previous = widget
                continue
            if batch:
                await self._mount_batch(batch, anchor_after)
                batch = []
            if widget.entry != entry:
                widget.show(entry, self._content_for(entry))
            previous = widget
        if batch:
            await self._mount_batch(batch, anchor_after)
        self.by_key = {e.key: self.by_key[e.key] for e in entries}

    async def _mount_batch(self, batch: list[ChatMessage], after: ChatMessage | None) -> None:
        await self.mount_all(batch, after=after if after is not None else self.query_one(EarlierLine))

    async def _rebuild(self, entries: list[Entry]) -> None:
        await self.remove_children(list(self.by_key.values()))
        self.cursor = None
        self.by_key = {e.key: ChatMessage(e, self._content_for(e)) for e in entries}
        await self.mount_all(self.by_key.values())

    def refresh_texts(self) -> None:
        """Render every message again (the language changed)."""
        for widget in self.by_key.values():
            widget.show(widget.entry, self._content_for(widget.entry))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Without a message being picked (the read-only view) the arrows and the page keys scroll;
        # other keys go on to the screen.
        return action in _SCROLLING or self.mode is not None

    # -- picking a message ----------------------------------------------------------------------------
    def _candidates(self) -> list[ChatMessage]:
        if self.mode == "answers":
            return [w for w in self.by_key.values() if isinstance(w.entry, AnswerEntry) and w.entry.editable]
        if self.mode == "suggestions":
            return [w for w in self.by_key.values() if isinstance(w.entry, SuggestionEntry) and not w.entry.decision]
        return []

    def enter(self, mode: Mode, key: str | None = None) -> bool:
        """Enter the log to pick an answer (the newest) or a suggestion (the first waiting, as they are
        worked through from the top), or the one with entry `key`."""
        self.mode = mode
        candidates = self._candidates()
        if not candidates:
            self.mode = None
            return False
        target = self.by_key.get(key) if key else None
        self._select(target if target in candidates else candidates[0 if mode == "suggestions" else -1])
        self.can_focus = True  # focusable only while a message is being picked
        self.screen.set_focus(self)
        self.post_message(self.ModeChanged(mode))
        return True

    def _select(self, widget: ChatMessage | None) -> None:
        if self.cursor is not None:
            self.cursor.remove_class("-selected")
        self.cursor = widget
        if widget is not None:
            widget.add_class("-selected")
            self.scroll_to_widget(widget, animate=False)

    async def action_move(self, step: int) -> None:
        candidates = self._candidates()
        if not candidates:
            if step < 0:
                self.follow = False
            self.scroll_relative(y=step, animate=False)  # read-only view: arrows scroll
            return
        index = candidates.index(self.cursor) if self.cursor in candidates else len(candidates)
        if index + step < 0 and self.hidden:  # walking up past the mounted window: mount more
            cursor = self.cursor
            await self.show_more()
            candidates = self._candidates()
            index = candidates.index(cursor) if cursor in candidates else 0
        self._select(candidates[max(0, min(len(candidates) - 1, index + step))])

    async def _request(self, message: Message) -> None:
        if self.requests is not None:
            await self.requests(message)
        else:
            self.post_message(message)

    async def action_choose(self) -> None:
        entry = self.cursor.entry if self.cursor else None
        if isinstance(entry, AnswerEntry):
            await self._request(self.EditRequested(entry.question_id))
        elif isinstance(entry, SuggestionEntry):
            await self._request(self.DecisionRequested(entry.suggestion_key, "accepted"))

    async def action_mark(self, letter: str) -> None:
        entry = self.cursor.entry if self.cursor else None
        if isinstance(entry, AnswerEntry):
            flag = {"p": "priority", "s": "strength", "w": "werkpunt"}.get(letter)
            if flag is not None:
                await self._request(self.FlagRequested(entry.question_id, flag))
        elif isinstance(entry, SuggestionEntry):
            decision = {"p": "parked", "x": "dismissed"}.get(letter)
            if decision is not None:
                await self._request(self.DecisionRequested(entry.suggestion_key, decision))

    def action_source(self) -> None:
        """Show (or hide again) the source the picked suggestion's rule cites."""
        widget = self.cursor
        if widget is None or not isinstance(widget.entry, SuggestionEntry) or not widget.entry.source:
            return
        self.opened ^= {widget.entry.key}
        widget.show(widget.entry, self._content_for(widget.entry))
        self.call_after_refresh(self.scroll_to_widget, widget, animate=False)

    async def action_leave(self) -> None:
        self.leave()
        await self._request(self.Left())

    def leave(self) -> None:
        picking = self.mode is not None
        self._select(None)
        self.mode = None
        self.can_focus = False
        if self.opened:  # sources were opened to be read now: the log goes back to its short form
            opened, self.opened = self.opened, set()
            for key in opened:
                if key in self.by_key:
                    self.by_key[key].show(self.by_key[key].entry, self._content_for(self.by_key[key].entry))
        if picking:
            self.post_message(self.ModeChanged(None))
        if picking:
            # Back to the answer box: show the question waiting at the end, which a decision on a
            # suggestion may just have changed while the log was kept at the picked message.
            self.call_after_refresh(self.scroll_end, animate=False, immediate=True)

    def on_blur(self) -> None:
        self.leave()
