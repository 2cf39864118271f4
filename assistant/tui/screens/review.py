"""The review screen: every transcript, filtered by script and status, and full-text search over them.

Listing and searching ask the store (its SQLite index, rebuilt by the store when needed) in a
worker, so a large folder never freezes the screen; a newer request supersedes an older one.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Input, Select, Static

from assistant.core.safetext import one_line
from assistant.tui.widgets.answers.text import OrderedInput
from assistant.tui.widgets.keybar import KeyBar
from assistant.tui.palette import ActionsProvider
from assistant.tui.actions import REVIEW, install

SEARCH_DELAY = 0.25  # seconds of quiet typing before a search runs


def column_widths(screen_width: int, longest_script: int) -> dict[str, int]:
    """The table's columns at 80 columns, and what a wider screen adds: most of it to the script
    (up to its longest title), a little to the school or pupil, the rest to the match, which is cut
    at the screen's edge (as wide as its snippets, it made the table scroll sideways)."""
    spare = max(0, screen_width - 80)
    script = 22 + min(max(0, longest_script - 22), spare * 3 // 5)
    subject = 16 + min(10, spare // 4)
    widths = {"date": 10, "script": script, "subject": subject, "status": 8, "answers": 5}
    # the table's margins (2) and scrollbar (2); each column has a space either side
    rest = screen_width - 4 - sum(width + 2 for width in widths.values()) - 2
    return {**widths, "match": max(3, rest)}


def cut(text: str) -> Text:
    """A cell that ends in '…' where its column cuts it, and shows brackets as typed (a str cell is
    read as Rich markup: an answer with '[b]' in it lost those letters), on one line with its control
    characters as escapes (assistant.core.safetext)."""
    return Text(one_line(text), no_wrap=True, overflow="ellipsis", end="")


class ReviewScreen(Screen[None]):
    ACTIONS = REVIEW  # its keys, key bar and palette entries (assistant.tui.actions)
    COMMANDS = {ActionsProvider}
    AUTO_FOCUS = "#transcripts"
    # The match column gets what the other columns leave: a few letters at 80 columns. The chosen
    # row's match is shown in full under the table while a search is on.
    DEFAULT_CSS = """
    ReviewScreen #review-match { height: auto; max-height: 3; padding: 0 1; display: none; }
    ReviewScreen #review-match.-on { display: block; }
    """

    def __init__(self) -> None:
        super().__init__(classes="review")
        self.strings = self.app.strings  # type: ignore[attr-defined]
        install(self, self.ACTIONS, self.strings)
        self.rows: dict[str, Any] = {}     # row key (transcript name) -> TranscriptInfo
        self._timer = None
        self._to_table = False
        self.snippets: dict[str, str] = {}  # row key -> the search's matching passage
        self._last: tuple[Any, ...] | None = None  # what _show was last given, to show again on a resize

    def compose(self) -> ComposeResult:
        t = self.strings
        scripts = self.app.library.scripts  # type: ignore[attr-defined]
        yield Static(t("review.title"), id="review-title", markup=False)
        with Horizontal(id="review-filters"):
            yield OrderedInput(placeholder=t("review.search"), id="search", compact=True)
            yield Select([(s.title, ident) for ident, s in scripts.items()], prompt=f"{t('review.script')}: {t('review.all')}",
                         id="script-filter", compact=True)
            yield Select([(t("review.open"), "open"), (t("review.closed"), "closed")],
                         prompt=f"{t('review.status')}: {t('review.all')}", id="status-filter", compact=True)
        table: DataTable[str] = DataTable(id="transcripts", cursor_type="row", zebra_stripes=True)
        yield table
        yield Static("", id="review-match", markup=False)
        yield Static("", id="review-status", markup=False)
        yield KeyBar(wrap=True)  # both exports are named in full: two lines at 80 columns

    def on_mount(self) -> None:
        self._widths = self._column_widths()
        self._add_columns()
        self.query_one(DataTable).focus()
        self.reload()

    def _column_widths(self) -> dict[str, int]:
        scripts = self.app.library.scripts  # type: ignore[attr-defined]
        return column_widths(self.app.size.width, max((len(s.title) for s in scripts.values()), default=0))

    def _add_columns(self) -> None:
        table = self.query_one(DataTable)
        for key, width in self._widths.items():
            table.add_column(cut(self.strings(f"review.col.{key}")), key=key, width=width)

    def on_resize(self) -> None:
        """A wider or narrower terminal: the columns again, with the rows last shown and the cursor on
        the same conversation."""
        widths = self._column_widths()
        if widths == getattr(self, "_widths", widths) or self._last is None:
            return
        self._widths = widths
        table = self.query_one(DataTable)
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if table.row_count else None
        table.clear(columns=True)
        self._add_columns()
        self._show(*self._last)
        if chosen in self.rows:
            table.move_cursor(row=table.get_row_index(chosen))

    # -- loading --------------------------------------------------------------------------------------
    def _filters(self) -> tuple[str | None, str | None]:
        script = self.query_one("#script-filter", Select).value
        status = self.query_one("#status-filter", Select).value
        return (script if isinstance(script, str) else None, status if isinstance(status, str) else None)

    def reload(self) -> None:
        query = self.query_one("#search", Input).value.strip()
        script, status = self._filters()
        self.query_one(DataTable).loading = True
        self._load(query, script, status)

    @work(thread=True, exclusive=True, group="review")
    def _load(self, query: str, script: str | None, status: str | None) -> None:
        store = self.app.store  # type: ignore[attr-defined]
        total = 0
        repaired = store.index.repaired

        def progress(done: int, count: int, damage: str | None) -> None:  # the index is built again
            key = "review.index_damaged" if damage else "review.indexing"
            self.app.call_from_thread(self._status, self.strings(key, done=done, total=count))

        try:
            everything = store.list(progress=progress)  # one listing: the filters apply here, the count is against all
            total = sum(1 for i in everything if i.readable)
            infos = [i for i in everything if not i.readable  # unreadable files are always shown, as in `dialoog list`
                     or ((not script or i.script == script) and (not status or i.status == status))]
            hits = store.search(query, limit=200, progress=progress) if query else None
            respelled = store.respell(query, progress=progress) if query and not hits else None  # a typo
            if respelled:
                hits = store.search(respelled, limit=200, progress=progress)
            problem = None
            if store.index.repaired != repaired:
                self.app.call_from_thread(self.notify, self.strings("review.index_repaired"), timeout=8)
        except ValueError:  # a query without words ("!!!"): the only ValueError a search box can cause
            infos, hits, problem, respelled = [], None, self.app.strings("review.no_words"), None  # type: ignore[attr-defined]
        except Exception as exc:  # a folder that cannot be read: say so, keep the screen
            infos, hits, problem, respelled = [], None, self.app.strings.store_error(exc), None  # type: ignore[attr-defined]
        self.app.call_from_thread(self._show, infos, total, hits, query, problem, respelled)

    def _show(self, infos: list[Any], total: int, hits: list[Any] | None, query: str, problem: str | None,
              respelled: str | None = None) -> None:
        """Show `infos` (filtered) or the search `hits` among them; `total`: every readable transcript."""
        if not self.query(DataTable):  # the screen went while the search ran (left, or the app closing)
            return
        table = self.query_one(DataTable)
        # The same search shown again (the quiet-typing search, then Enter's; a filter) keeps the row the
        # facilitator moved to; a new search starts at its best hit.
        again = self._last is not None and self._last[3] == query and table.row_count
        chosen = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value if again else None
        self._last = (infos, total, hits, query, problem, respelled)
        t = self.strings
        table.loading = False
        table.clear()
        scripts = self.app.library.scripts  # type: ignore[attr-defined]
        readable = [i for i in infos if i.readable]
        unreadable = [i for i in infos if not i.readable]
        allowed = {i.name for i in readable}
        snippets: dict[str, str] = {}
        order = [i.name for i in readable]
        if hits is not None:
            for hit in hits:
                if hit.info.name in allowed:
                    snippets.setdefault(hit.info.name, hit.snippet)
            order = list(snippets)
        self.rows = {i.name: i for i in readable}
        self.snippets = snippets
        self.query_one("#review-match", Static).set_class(hits is not None, "-on")
        for name in order:
            info = self.rows[name]
            script = scripts.get(info.script)
            status = t("review.open") if info.status == "open" else t("review.closed")
            table.add_row(cut(info.date), cut(script.title if script else info.script), cut(info.subject or "-"), status,
                          str(info.answers), cut(snippets.get(name, "")), key=name)
        if chosen in order:
            table.move_cursor(row=table.get_row_index(chosen))
        if problem:
            message = problem
        elif hits is not None and respelled:
            message = t("review.respelled", query=query, count=len(order), respelled=respelled)
        elif hits is not None:
            message = t("review.hits", count=len(order), query=query)
        elif not total:
            message = t("review.empty")
        else:
            message = t("review.count", shown=len(order), total=total)
        if unreadable:
            message += " · " + t("review.unreadable", count=len(unreadable), first=f"{unreadable[0].path.name}: {unreadable[0].problem}")
        self.query_one("#review-status", Static).update(message)
        self._show_match()
        if self._to_table or self.focused is None:
            self._to_table = False
            table.focus()

    @on(DataTable.RowHighlighted)
    def _show_match(self) -> None:
        table = self.query_one(DataTable)
        snippet = ""
        if table.row_count:
            key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
            snippet = self.snippets.get(key or "", "")
        self.query_one("#review-match", Static).update(self.strings("review.match", text=snippet) if snippet else "")

    @on(Input.Changed, "#search")
    def _typed(self) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DELAY, self.reload)

    @on(Input.Submitted, "#search")
    def _search_now(self) -> None:
        self._to_table = True  # once the results are in (a loading table cannot take focus)
        self.reload()

    @on(Select.Changed)
    def _filtered(self) -> None:
        self.reload()

    # -- the chosen transcript ------------------------------------------------------------------------
    def _chosen(self) -> Any | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            self.notify(self.strings("review.nothing_selected"), timeout=3)
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.rows.get(key or "")

    def _load_transcript(self, info: Any) -> Any | None:
        try:
            return self.app.store.load(info.name)  # type: ignore[attr-defined]
        except Exception as exc:  # damaged since it was listed
            self.notify(self.strings("app.load_failed", reason=exc), severity="error", timeout=8)
            return None

    @on(DataTable.RowSelected)
    def _selected(self) -> None:
        self.action_view()

    def action_view(self) -> None:
        from assistant.tui.screens.readonly import ReadOnlyScreen

        info = self._chosen()
        transcript = self._load_transcript(info) if info else None
        if transcript is not None:
            self.app.push_screen(ReadOnlyScreen(transcript))

    def action_summary(self) -> None:
        info = self._chosen()
        transcript = self._load_transcript(info) if info else None
        if transcript is not None:
            self.app.open_summary(transcript, back="review")  # type: ignore[attr-defined]

    def action_followup(self) -> None:
        info = self._chosen()
        if info is not None:
            self.app.ask_details(info.script, follows=info.id)  # type: ignore[attr-defined]

    def action_resume(self) -> None:
        info = self._chosen()
        if info is None:
            return
        if info.status != "open":
            self.notify(self.strings("review.not_open"), timeout=4)
            return
        self.app.resume_conversation(info.name)  # type: ignore[attr-defined]

    def action_export(self) -> None:
        self._export_chosen(anonymise=False)

    def action_export_anonymous(self) -> None:
        info = self._chosen()
        if info is None:
            return
        try:
            transcript = self.app.store.load(info.name)  # type: ignore[attr-defined]
        except Exception as exc:  # damaged since it was listed: name the problem
            self._status(self.strings("app.load_failed", reason=exc))
            return
        from assistant.tui.screens.summary import export_anonymous

        export_anonymous(self, transcript, self._status)

    def _status(self, message: str, failed: bool = False) -> None:
        for status in self.query("#review-status").results(Static):  # none once the screen has gone
            status.update(message)

    def _export_chosen(self, *, anonymise: bool) -> None:
        info = self._chosen()
        if info is not None:
            self.query_one("#review-status", Static).update(self.strings("app.working"))
            self._export(info, anonymise)

    @work(thread=True, exclusive=True, group="export")
    def _export(self, info: Any, anonymise: bool) -> None:
        from assistant.tui.screens.summary import export_summary

        app: Any = self.app
        try:
            transcript = app.store.load(info.name)
        except Exception as exc:  # damaged since it was listed: name the problem
            message = self.strings("app.load_failed", reason=exc)
        else:
            message, _ = export_summary(app, transcript, anonymise=anonymise)
        app.call_from_thread(self._status, message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "find":  # '/' is typed as itself in the search box
            return not isinstance(self.focused, Input)
        return True

    def action_find(self) -> None:
        self.set_focus(self.query_one("#search", Input))  # now: the keys typed next go there

    def action_filter(self) -> None:
        self.query_one("#script-filter", Select).focus()

    def action_close(self) -> None:
        self.app.go_home()  # type: ignore[attr-defined]
