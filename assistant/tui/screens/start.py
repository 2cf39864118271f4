"""The start screen: a new conversation (pick a script), resume an open one, or open the review."""

from __future__ import annotations

from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from assistant.tui.widgets.keybar import KeyBar
from assistant.tui.palette import ActionsProvider
from assistant.tui.actions import START, install


class StartScreen(Screen[None]):
    ACTIONS = START  # its keys, key bar and palette entries (assistant.tui.actions)
    COMMANDS = {ActionsProvider}
    AUTO_FOCUS = "#scripts"

    def __init__(self) -> None:
        super().__init__(classes="start")
        self.strings = self.app.strings  # type: ignore[attr-defined]
        install(self, self.ACTIONS, self.strings)
        self.open_infos: dict[str, Any] = {}

    def compose(self) -> ComposeResult:
        t = self.strings
        yield Static(t("start.title"), id="start-title", markup=False)
        with Horizontal(id="start-lists"):
            with Vertical(classes="start-pane"):
                yield Label(t("start.scripts"), classes="pane-head")
                yield OptionList(*self._script_options(), id="scripts")
            with Vertical(classes="start-pane"):
                yield Label(t("start.open"), classes="pane-head")
                yield OptionList(id="open")
        yield Static("", id="script-description", markup=False)
        yield KeyBar(wrap=True)  # every key shown, on a second line where the terminal is narrow

    def _script_options(self) -> list[Option]:
        scripts = self.app.library.scripts  # type: ignore[attr-defined]
        if not scripts:
            return [Option(self.strings("start.no_scripts"), disabled=True)]
        return [Option(script.title, id=ident) for ident, script in scripts.items()]

    def on_mount(self) -> None:
        scripts = self.query_one("#scripts", OptionList)
        scripts.focus()
        if scripts.option_count:
            scripts.highlighted = 0
        self.reload()

    def on_resize(self) -> None:
        self.set_class(self.app.size.width >= 110, "-roomy")

    def reload(self) -> None:
        self.query_one("#open", OptionList).loading = True
        self._load_open()

    @work(thread=True, exclusive=True, group="open-list")
    def _load_open(self) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        try:
            repaired = store.index.repaired
            infos = store.list(status="open")
            problem = None
            if store.index.repaired != repaired:  # it was damaged: built again from the transcripts meanwhile
                self.app.call_from_thread(self.notify, self.strings("review.index_repaired"), timeout=8)
        except Exception as exc:  # an unreadable folder: say so in the list, keep the screen usable
            infos, problem = [], self.strings.store_error(exc)
        self.app.call_from_thread(self._show_open, [i for i in infos if i.readable], problem)

    def _show_open(self, infos: list[Any], problem: str | None) -> None:
        t = self.strings
        listing = self.query_one("#open", OptionList)
        listing.loading = False
        listing.clear_options()
        scripts = self.app.library.scripts  # type: ignore[attr-defined]
        self.open_infos = {info.name: info for info in infos}
        for info in infos:
            script = scripts.get(info.script)
            label = t("start.open_row", date=info.date, script=script.title if script else info.script,
                      subject=info.subject or "-", answers=info.answers)
            listing.add_option(Option(label, id=info.name))
        if infos:
            listing.highlighted = 0
        else:
            listing.add_option(Option(problem or t("start.none_open"), disabled=True))
        self.query_one(KeyBar).show_keys()

    # -- the description of the highlighted script ------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#scripts")
    def _describe(self, event: OptionList.OptionHighlighted) -> None:
        script = self.app.library.scripts.get(event.option.id or "")  # type: ignore[attr-defined]
        self.query_one("#script-description", Static).update(script.description if script else "")

    @on(OptionList.OptionSelected, "#scripts")
    def _new(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.ask_details(event.option.id)  # type: ignore[attr-defined]

    @on(OptionList.OptionSelected, "#open")
    def _resume(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.resume_conversation(event.option.id)  # type: ignore[attr-defined]

    # -- actions --------------------------------------------------------------------------------------
    def _highlighted(self, list_id: str) -> str | None:
        listing = self.query_one(f"#{list_id}", OptionList)
        if listing.highlighted is None:
            return None
        return listing.get_option_at_index(listing.highlighted).id

    def action_new(self) -> None:
        script = self._highlighted("scripts")
        if script:
            self.app.ask_details(script)  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        name = self._highlighted("open")
        if name:
            self.app.resume_conversation(name)  # type: ignore[attr-defined]
        else:
            self.query_one("#open", OptionList).focus()

    def action_handover(self) -> None:
        name = self._highlighted("open")
        info = self.open_infos.get(name or "")
        if info is not None and info.script == "parent_prep":
            self.app.start_handover(name)  # type: ignore[attr-defined]
        else:
            self.notify(self.strings("start.handover_none"), timeout=4)
            self.query_one("#open", OptionList).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "handover":  # only when a preparation is open
            return any(info.script == "parent_prep" for info in self.open_infos.values())
        return True

    def action_review(self) -> None:
        self.app.open_review()  # type: ignore[attr-defined]
