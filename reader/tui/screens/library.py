"""The library screen: a sortable, filterable table of articles; mark several and open them side by side."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import compress
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input, Static

from ...articles import Article, LibraryScan
from ...text.counting import plural
from ...text.terminal import safe_display, safe_line
from ..key_pacing import KeyPacer
from ..messages import LibraryChanged, OpenArticles, ReloadLibrary, StoreChanged
from ..session import Session
from ..widgets.fitted_line import FittedLine
from ..widgets.key_hints import KeyHints
from ..widgets.library_table import LibraryTable, TableRow, Widest

MAX_COLUMNS = 4
TYPING_PAUSE_S = 0.01  # a filter put off while keys wait (a burst) looks again this soon
EMPTY_HINT = "No articles yet: a adds one from a URL or a file, or put .txt files in articles/ and press r — {folder}"


@dataclass(frozen=True)
class SortKey:
    label: str
    key: Callable[[TableRow, dict[str, int]], str | int]  # (row, annotation counts) → sort key


SORT_KEYS = (
    SortKey("date", lambda row, counts: row.date),
    SortKey("title", lambda row, counts: row.title.casefold()),
    SortKey("source", lambda row, counts: row.source.casefold()),
    SortKey("words", lambda row, counts: row.words),
    SortKey("notes", lambda row, counts: counts.get(row.id, 0)),
)
SORT_BY_COLUMN = {key.label: index for index, key in enumerate(SORT_KEYS)}


def table_row(article: Article) -> TableRow:
    """What the table shows of an article, through the sanitiser once, not at every redraw."""
    return TableRow(
        article.id,
        safe_display(article.display_title),
        safe_display(article.source),
        safe_display(article.date),
        article.words,
    )


def matches(article: Article, query: str) -> bool:
    """Case-insensitive match on metadata and on the body text itself (a library without an index)."""
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
        Binding("m", "edit_metadata", "Details", show=False),
        Binding("r", "reload", "Reload"),
        Binding("c", "codebook", "Codebook", show=False),
        Binding("M", "matrix", "Coding matrix", show=False),
        Binding("i", "agreement", "Intercoder agreement", show=False),
        Binding("escape", "clear_filter", "Clear filter", show=False),
        Binding("q", "app.quit", "Quit"),
        Binding("question_mark", "app.help", "Help"),
    ]
    DEFAULT_CSS = """
    LibraryScreen > #library-title { height: 1; padding: 0 1; background: $panel; }
    LibraryScreen > Input { display: none; }
    LibraryScreen > Input.visible { display: block; }
    LibraryScreen > LibraryTable { height: 1fr; }
    LibraryScreen > #library-status { height: 1; padding: 0 1; color: $text-muted; }
    LibraryScreen > #library-status.problems { color: $warning; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.scan = LibraryScan((), ())  # the scan the table shows
        self._rows: dict[str, TableRow] = {}  # the scan's articles as rows, by id
        self._made: dict[str, tuple[Article, TableRow, str]] = {}  # each article's row and label, made once
        self._labels: dict[str, str] = {}  # id → title, source, date and id, case-folded, for the filter
        self._matching: set[str] | None = None  # ids the filter lets through; None: no filter
        self._ordered: list[TableRow] | None = None  # every row in the chosen order; None: sort again
        self._ordered_ids: list[str] = []  # their ids, in that order
        self._widest = Widest(0, 0)  # the library's widest cells: the columns do not move while filtering
        self.picked: list[str] = []
        self.query_text = ""  # the filter the table shows
        self._typed = ""  # the filter box's text: ahead of query_text while a burst of keys is typed
        self._filter_later: Timer | None = None
        self.sort_index = 0
        self.sort_reverse = True
        self.counts: dict[str, int] = {}
        self.root = ""
        self.select_after_load: str | None = None

    def compose(self) -> ComposeResult:
        yield FittedLine(Text("reader — loading the library …"), id="library-title")
        yield Input(placeholder="Filter by title, source, date or text …", id="library-filter")
        yield LibraryTable(id="library-table")
        yield FittedLine(id="library-status")
        yield KeyHints()

    @property
    def table(self) -> LibraryTable:
        return self.query_one("#library-table", LibraryTable)

    def on_library_changed(self, message: LibraryChanged) -> None:
        """A scan finished: show it."""
        store = self.session.store
        if store is not None:
            self.counts = store.counts_by_article()
        self.show_scan()

    def show_scan(self) -> None:
        """Fill the table from the session's latest scan."""
        scan = self.scan = self.session.scan
        made, known = {}, self._made
        for article in scan.articles:  # a scan shown in parts, or a reload: most rows are made already
            entry = known.get(article.id)
            if entry is None or entry[0] is not article:
                label = f"{article.title}\n{article.source}\n{article.date}\n{article.id}".casefold()
                entry = (article, table_row(article), label)
            made[article.id] = entry
        self._made = made
        self._rows = {article_id: row for article_id, (_, row, _) in made.items()}
        self._labels = {article_id: label for article_id, (_, _, label) in made.items()}
        self._widest = Widest.of(self._rows.values())
        self._ordered = None
        self.picked = [i for i in self.picked if i in self._rows]
        self.root = str(self.session.library.root)
        self._matching = self._filter(self.query_text)
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
        elif not scan.articles:
            status.remove_class("problems")
            status.update(
                Text(safe_line(EMPTY_HINT.format(folder=self.session.library.articles_dir)), overflow="ellipsis")
            )
        else:
            status.remove_class("problems")
            unknown = sum(1 for a in scan.articles if not a.source)
            hint = "space marks · enter opens the marked side by side · / filters · s sorts"
            if unknown:
                hint = f"{plural(unknown, 'article')} without an outlet: m sets it · " + hint
            status.update(Text(hint, no_wrap=True, overflow="ellipsis"))

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
        if counts == self.counts:
            return
        self.counts = counts
        if SORT_KEYS[self.sort_index].label == "notes":
            self._ordered = None  # the order depends on the counts
            self._populate()
        else:
            self.table.set_counts(counts)

    def _filter(self, query: str) -> set[str] | None:
        """The ids of the articles the query finds; None for no query.

        Title, outlet and text through the library index's full-text table (each word of the
        query as a word's beginning: "Luka" finds "Lukaschenko"), and any part of the title,
        outlet, date or id; without an index, any part of those or of the text.
        """
        if not query:
            return None
        found = self.session.library.search(query)
        if found is None:
            return {article.id for article in self.scan.articles if matches(article, query)}
        folded = query.casefold()
        return found | {article_id for article_id, label in self._labels.items() if folded in label}

    def visible_rows(self) -> list[TableRow]:
        """The rows the filter lets through, in the chosen order (ties in title order).

        Every row is sorted once per scan and order; a filter keystroke only picks from them."""
        if self._ordered is None:
            rows = sorted(self._rows.values(), key=lambda row: row.title.casefold())
            sort, counts = SORT_KEYS[self.sort_index], self.counts
            self._ordered = sorted(rows, key=lambda row: sort.key(row, counts), reverse=self.sort_reverse)
            self._ordered_ids = [row.id for row in self._ordered]
        matching = self._matching
        if matching is None:
            return list(self._ordered)
        return list(compress(self._ordered, map(matching.__contains__, self._ordered_ids)))

    def _populate(self) -> None:
        table = self.table
        current = table.current_id
        table.set_rows(self.visible_rows(), self.picked, self.counts, self._widest)
        wanted = self.select_after_load or current
        index = table.index_of(wanted) if wanted is not None else None
        if index is not None:
            table.move_cursor(index)
            self.select_after_load = None
        self._update_title(table.row_count)

    def _update_title(self, shown: int) -> None:
        total = len(self.scan.articles)
        count = f"{shown:,} of {plural(total, 'article')}" if shown != total else plural(total, "article")
        if not self.scan.complete:
            count = f"reading the library … {count} so far"
        sort = f"sorted by {SORT_KEYS[self.sort_index].label} {'↓' if self.sort_reverse else '↑'}"
        title = Text(safe_line(f"reader — {self.root} — {count} — {sort}"), no_wrap=True, overflow="ellipsis")
        self.query_one("#library-title", Static).update(title)

    def _current_id(self) -> str | None:
        return self.table.current_id

    # ----- actions ------------------------------------------------------------------------

    def action_filter(self) -> None:
        box = self.query_one("#library-filter", Input)
        box.add_class("visible")
        box.focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        self._typed = event.value.strip()
        self._follow_typing()

    def _follow_typing(self, *, put_off: bool = True) -> None:
        """Filter by what is typed, at once; but while more keys wait to be typed into the box (a
        burst, or keys typed while the last filter was drawn), after them: one filter for them all."""
        self._cancel_filter_later()
        pacer = getattr(self.app, "key_pacer", None)
        box = self.query_one("#library-filter", Input)
        if put_off and isinstance(pacer, KeyPacer) and pacer.keys_waiting and box.has_focus:
            self._filter_later = self.set_timer(TYPING_PAUSE_S, self._follow_typing)
            return
        if self._typed != self.query_text:
            self.query_text = self._typed
            self._matching = self._filter(self.query_text)
            self._populate()

    def _cancel_filter_later(self) -> None:
        if self._filter_later is not None:
            self._filter_later.stop()
            self._filter_later = None

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        """Keys that leave the filter box act on the rows of what was typed: none put off any more."""
        if event.widget.id == "library-filter" and self._filter_later is not None:
            self._follow_typing(put_off=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self._follow_typing(put_off=False)  # what was typed before enter: the table filtered by it, now
        self.table.focus()

    def action_clear_filter(self) -> None:
        self._cancel_filter_later()
        box = self.query_one("#library-filter", Input)
        box.value = ""
        box.remove_class("visible")
        self.query_text = self._typed = ""
        self._matching = None
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
        self.table.move_cursor(row + 1)

    def action_open(self) -> None:
        current = self._current_id()
        ids = list(self.picked) or ([current] if current is not None else [])
        if ids:
            self.post_message(OpenArticles(ids))

    def on_library_table_row_selected(self, event: LibraryTable.RowSelected) -> None:
        self.action_open()

    def on_library_table_header_selected(self, event: LibraryTable.HeaderSelected) -> None:
        index = SORT_BY_COLUMN.get(event.column)
        if index is None:
            return
        if index == self.sort_index:
            self.sort_reverse = not self.sort_reverse
        else:
            self.sort_index = index
        self._ordered = None
        self._populate()

    def action_cycle_sort(self) -> None:
        self.sort_index = (self.sort_index + 1) % len(SORT_KEYS)
        self._ordered = None
        self._populate()

    def action_reverse_sort(self) -> None:
        self.sort_reverse = not self.sort_reverse
        self._ordered = None
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
            parts.append(plural(len(warnings), "warning"))
        self.notify(lines, title=", ".join(parts), severity="warning", timeout=15, markup=False)

    def action_edit_metadata(self) -> None:
        """m: the current article's title, outlet, date and URL, written as its front matter."""
        from .metadata_editor import edit_metadata

        article = self.session.article(self._current_id() or "")
        if article is None:
            return

        def saved(updated: Article) -> None:
            self.select_after_load = updated.id
            self.post_message(ReloadLibrary())

        edit_metadata(self, article, saved)

    def action_reload(self) -> None:
        self.post_message(ReloadLibrary())

    def action_codebook(self) -> None:
        if self.session.store is not None:
            from .codebook import CodebookScreen  # here: the coding screens' imports can wait past start-up

            self.app.push_screen(CodebookScreen(self.session))

    def action_matrix(self) -> None:
        if self.session.store is not None:
            from .matrix import MatrixScreen  # here: the coding screens' imports can wait past start-up

            self.app.push_screen(MatrixScreen(self.session))

    def action_agreement(self) -> None:
        if self.session.store is not None:
            from .agreement import AgreementScreen  # here: the coding screens' imports can wait past start-up

            self.app.push_screen(AgreementScreen(self.session))

    def action_add_article(self) -> None:
        from .add_article import AddArticleDialog

        self.app.push_screen(AddArticleDialog(self.session.library), self._added)

    def _added(self, article_id: str | None) -> None:
        if article_id:
            self.select_after_load = article_id
            self.post_message(ReloadLibrary())
