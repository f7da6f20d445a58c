"""The library screen: a sortable, filterable table of articles; mark several and open them side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from ...articles import Article, LibraryScan
from ...text.terminal import safe_display, safe_line
from ..messages import LibraryChanged, OpenArticles, ReloadLibrary, StoreChanged
from ..session import Session
from ..widgets.key_hints import KeyHints
from .agreement import AgreementScreen
from .codebook import CodebookScreen
from .matrix import MatrixScreen

MAX_COLUMNS = 4


@dataclass(frozen=True)
class SortKey:
    label: str
    key: Callable[[Article, dict[str, int]], str | int]  # (article, annotation counts) → sort key


SORT_KEYS = (
    SortKey("date", lambda a, counts: a.date),
    SortKey("title", lambda a, counts: a.display_title.casefold()),
    SortKey("source", lambda a, counts: a.source.casefold()),
    SortKey("words", lambda a, counts: a.words),
    SortKey("notes", lambda a, counts: counts.get(a.id, 0)),
)

COLUMNS = (
    ("pick", ""),
    ("title", "Title"),
    ("source", "Source"),
    ("date", "Date"),
    ("words", "Words"),
    ("notes", "Notes"),
)


def matches(article: Article, query: str) -> bool:
    """Case-insensitive match on metadata and on the body text itself."""
    query = query.casefold()
    haystack = f"{article.title}\n{article.source}\n{article.date}\n{article.id}"
    return query in haystack.casefold() or query in article.body.casefold()


class LibraryScreen(Screen[None]):
    AUTO_FOCUS = "#library-table"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "filter", "Filter"),
        Binding("space", "toggle_pick", "Mark"),
        Binding("enter", "open", "Open", priority=False),
        Binding("s", "cycle_sort", "Sort"),
        Binding("S", "reverse_sort", "Reverse sort", show=False),
        Binding("p", "show_problems", "Skipped files", show=False),
        Binding("a", "add_article", "Add article"),
        Binding("r", "reload", "Reload"),
        Binding("c", "codebook", "Codebook", show=False),
        Binding("m", "matrix", "Coding matrix", show=False),
        Binding("i", "agreement", "Intercoder agreement", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.help", "Help"),
    ]
    DEFAULT_CSS = """
    LibraryScreen > #library-title { height: 1; padding: 0 1; background: $panel; }
    LibraryScreen > Input { display: none; }
    LibraryScreen > Input.visible { display: block; }
    LibraryScreen > DataTable { height: 1fr; }
    LibraryScreen > #library-status { height: 1; padding: 0 1; color: $text-muted; }
    LibraryScreen > #library-status.problems { color: $warning; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.scan = LibraryScan((), ())  # the scan the table shows
        self.picked: list[str] = []
        self.query_text = ""
        self.sort_index = 0
        self.sort_reverse = True
        self.counts: dict[str, int] = {}
        self.root = ""
        self.select_after_load: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("reader — loading the library …"), id="library-title")
        yield Input(placeholder="Filter by title, source, date or text …", id="library-filter")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True, id="library-table")
        for key, label in COLUMNS:
            table.add_column(label, key=key)
        yield table
        yield Static(Text(""), id="library-status")
        yield KeyHints()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#library-table", DataTable)

    def on_library_changed(self, message: LibraryChanged) -> None:
        """A scan finished: show it (after a refresh: a DataTable filled before its first layout
        measures its columns wrong)."""
        store = self.session.store
        if store is not None:
            self.counts = store.counts_by_article()
        self.call_after_refresh(self.show_scan)

    def show_scan(self) -> None:
        """Fill the table from the session's latest scan."""
        scan = self.scan = self.session.scan
        ids = {a.id for a in scan.articles}
        self.picked = [i for i in self.picked if i in ids]
        self.root = str(self.session.library.root)
        self._populate()
        status = self.query_one("#library-status", Static)
        if scan.problems:
            status.add_class("problems")
            first = str(scan.problems[0])
            more = f" (+{len(scan.problems) - 1} more, press p)" if len(scan.problems) > 1 else " (press p)"
            status.update(Text(safe_display(f"skipped {first}{more}"), no_wrap=True, overflow="ellipsis"))
        elif scan.warnings:
            status.add_class("problems")
            more = f" (+{len(scan.warnings) - 1} more, press p)" if len(scan.warnings) > 1 else " (press p)"
            status.update(Text(safe_display(f"{scan.warnings[0]}{more}"), no_wrap=True, overflow="ellipsis"))
        else:
            status.remove_class("problems")
            status.update(Text("space marks · enter opens the marked articles side by side · / filters · s sorts"))

    def on_screen_resume(self) -> None:
        """Back from the comparison: annotation counts may have changed."""
        self.refresh_counts()

    def on_store_changed(self, message: StoreChanged) -> None:
        """Another window, the CLI or an import changed the store."""
        self.refresh_counts()

    def refresh_counts(self) -> None:
        store = self.session.store
        if store is None or not self.scan.articles:
            return
        counts = store.counts_by_article()
        changed = {i for i in set(counts) | set(self.counts) if counts.get(i) != self.counts.get(i)}
        self.counts = counts
        if not changed:
            return
        if SORT_KEYS[self.sort_index].label == "notes":
            self._populate()  # the order depends on the counts
            return
        for article_id in changed:  # a cell each, not a rebuild: cheap in a library of thousands
            if article_id in self.table.rows:
                self.table.update_cell(article_id, "notes", self._notes_cell(article_id))

    def visible_articles(self) -> list[Article]:
        articles = [a for a in self.scan.articles if not self.query_text or matches(a, self.query_text)]
        articles.sort(key=lambda a: a.display_title.casefold())  # ties keep title order
        sort = SORT_KEYS[self.sort_index]
        return sorted(articles, key=lambda a: sort.key(a, self.counts), reverse=self.sort_reverse)

    def _notes_cell(self, article_id: str) -> Text:
        return Text(str(self.counts.get(article_id, "")), justify="right", style="bold")

    def _populate(self) -> None:
        table = self.table
        current = self._current_id()
        table.clear()
        for article in self.visible_articles():
            pick = (
                Text(f"{self.picked.index(article.id) + 1}", style="bold green")
                if article.id in self.picked
                else Text(" ")
            )
            table.add_row(
                pick,
                Text(safe_display(article.display_title)),
                Text(safe_display(article.source) or "—"),
                Text(safe_display(article.date) or "—"),
                Text(f"{article.words:,}", justify="right"),
                self._notes_cell(article.id),
                key=article.id,
            )
        wanted = self.select_after_load or current
        if wanted is not None and wanted in table.rows:
            table.move_cursor(row=table.get_row_index(wanted), animate=False)
            self.select_after_load = None
        self._update_title(table.row_count)

    def _update_title(self, shown: int) -> None:
        total = len(self.scan.articles)
        count = f"{shown} of {total} articles" if shown != total else f"{total} articles"
        sort = f"sorted by {SORT_KEYS[self.sort_index].label} {'↓' if self.sort_reverse else '↑'}"
        title = Text(safe_line(f"reader — {self.root} — {count} — {sort}"), no_wrap=True, overflow="ellipsis")
        self.query_one("#library-title", Static).update(title)

    def _current_id(self) -> str | None:
        table = self.table
        if not table.row_count:
            return None
        return table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value

    # ----- actions ------------------------------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.add_class("visible")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self._populate()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.table.focus()

    def action_clear_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.value = ""
        box.remove_class("visible")
        self.query_text = ""
        self._populate()
        self.table.focus()

    def action_toggle_pick(self) -> None:
        article_id = self._current_id()
        if article_id is None:
            return
        if article_id in self.picked:
            self.picked.remove(article_id)
        elif len(self.picked) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} articles side by side.", severity="warning")
            return
        else:
            self.picked.append(article_id)
        row = self.table.cursor_row
        self._populate()
        self.table.move_cursor(row=min(row + 1, self.table.row_count - 1), animate=False)

    def action_open(self) -> None:
        current = self._current_id()
        ids = list(self.picked) or ([current] if current else [])
        if ids:
            self.post_message(OpenArticles(ids))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        self.action_open()

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        by_column = {"title": 1, "source": 2, "date": 0, "words": 3, "notes": 4}
        index = by_column.get(str(event.column_key.value))
        if index is None:
            return
        if index == self.sort_index:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_index = index
        self._populate()

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORT_KEYS)
        self._populate()

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._populate()

    def action_show_problems(self) -> None:
        """The files skipped and why, then what was read with a caveat (front matter not used)."""
        problems, warnings = self.scan.problems, self.scan.warnings
        if not problems and not warnings:
            self.notify("No files were skipped.")
            return
        lines = "\n".join([*(str(p) for p in problems), *(f"{w} (read anyway)" for w in warnings)])  # notify sanitises
        parts = [f"{len(problems)} skipped"] if problems else []
        if warnings:
            parts.append(f"{len(warnings)} warning{'s' if len(warnings) != 1 else ''}")
        self.notify(lines, title=", ".join(parts), severity="warning", timeout=15, markup=False)

    def action_reload(self) -> None:
        self.post_message(ReloadLibrary())

    def action_codebook(self) -> None:
        if self.session.store is not None:
            self.app.push_screen(CodebookScreen(self.session))

    def action_matrix(self) -> None:
        if self.session.store is not None:
            self.app.push_screen(MatrixScreen(self.session))

    def action_agreement(self) -> None:
        if self.session.store is not None:
            self.app.push_screen(AgreementScreen(self.session))

    def action_add_article(self) -> None:
        from .add_article import AddArticleDialog

        self.app.push_screen(AddArticleDialog(self.session.library), self._added)

    def _added(self, article_id: str | None) -> None:
        if article_id:
            self.select_after_load = article_id
            self.post_message(ReloadLibrary())
