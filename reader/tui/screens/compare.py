"""The compare screen: one to four articles side by side, each scrolling on its own.

On a terminal too narrow for the columns, they become tabs: the columns stay mounted (keeping
their scroll positions and cursors) and only the active one is displayed.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Footer, Tab, Tabs

from ...library import Article
from ..safe_text import safe_display
from ..widgets.article_column import ArticleColumn
from ..widgets.reading_view import ReadingView
from .picker import ArticlePicker

MAX_COLUMNS = 4
MIN_COLUMN_WIDTH = 44


class CompareScreen(Screen[None]):
    BINDINGS = [
        Binding("tab", "cycle_column(1)", "Next column"),
        Binding("shift+tab", "cycle_column(-1)", "Previous column", show=False),
        Binding("o", "add_article", "Add article"),
        Binding("x", "close_column", "Close column"),
        Binding("q,escape", "back", "Back"),
        Binding("question_mark", "app.help", "Help"),
    ]
    DEFAULT_CSS = """
    CompareScreen > Tabs { display: none; }
    CompareScreen.narrow > Tabs { display: block; }
    CompareScreen > #columns { height: 1fr; }
    CompareScreen.narrow ArticleColumn { display: none; border-right: none; }
    CompareScreen.narrow ArticleColumn.active { display: block; }
    """

    def __init__(self, articles: list[Article], library_articles: list[Article]) -> None:
        super().__init__()
        self.initial = articles[:MAX_COLUMNS]
        self.library_articles = library_articles
        self._serial = 0

    def compose(self) -> ComposeResult:
        columns = [ArticleColumn(article, id=self._next_id()) for article in self.initial]
        yield Tabs(*[_tab_for(column) for column in columns])
        with Horizontal(id="columns"):
            yield from columns
        yield Footer()

    def _next_id(self) -> str:
        self._serial += 1
        return f"column-{self._serial}"

    def on_mount(self) -> None:
        self._apply_width(self.size.width)
        if self.columns:
            self.columns[0].view.focus()

    @property
    def columns(self) -> list[ArticleColumn]:
        return list(self.query(ArticleColumn))

    def open_articles(self) -> list[Article]:
        return [column.article for column in self.columns]

    # ----- layout: columns or tabs ----------------------------------------------------------

    def on_resize(self, event: Resize) -> None:
        self._apply_width(event.size.width)

    def _apply_width(self, width: int) -> None:
        self.set_class(width < MIN_COLUMN_WIDTH * max(1, len(self.columns)) and len(self.columns) > 1, "narrow")


    def focused_column(self) -> ArticleColumn | None:
        focused = self.focused
        for column in self.columns:
            if focused is not None and (focused is column or column in focused.ancestors):
                return column
        return None

    def _mark_active(self, active: ArticleColumn | None) -> None:
        for column in self.columns:
            column.set_class(column is active, "active")
        if active is not None:
            tabs = self.query_one(Tabs)
            tab_id = f"tab-{active.id}"
            if tabs.active != tab_id and tabs.query(f"#{tab_id}"):
                tabs.active = tab_id

    @on(Tabs.TabActivated)
    def _tab_activated(self, event: Tabs.TabActivated) -> None:
        if event.tab is None or event.tab.id is None:
            return
        column_id = event.tab.id.removeprefix("tab-")
        for column in self.columns:
            if column.id == column_id and self.focused_column() is not column:
                column.view.focus()

    def on_descendant_focus(self) -> None:
        self._mark_active(self.focused_column())

    # ----- actions ------------------------------------------------------------------------

    def action_cycle_column(self, step: int) -> None:
        columns = self.columns
        if not columns:
            return
        current = self.focused_column()
        index = columns.index(current) if current in columns else -1
        columns[(index + step) % len(columns)].view.focus()

    def action_add_article(self) -> None:
        if len(self.columns) >= MAX_COLUMNS:
            self.notify(f"At most {MAX_COLUMNS} articles side by side; close one with x first.", severity="warning")
            return
        open_ids = {a.id for a in self.open_articles()}
        candidates = [a for a in self.library_articles if a.id not in open_ids]
        if not candidates:
            self.notify("Every article of the library is open already.")
            return
        self.app.push_screen(ArticlePicker(candidates), self._add_chosen)

    async def _add_chosen(self, article_id: str | None) -> None:
        article = next((a for a in self.library_articles if a.id == article_id), None)
        if article is None:
            return
        await self.add_column(article)

    async def add_column(self, article: Article) -> ArticleColumn:
        column = ArticleColumn(article, id=self._next_id())
        await self.query_one("#columns", Horizontal).mount(column)
        await self.query_one(Tabs).add_tab(_tab_for(column))
        self._apply_width(self.size.width)
        column.view.focus()
        return column

    async def action_close_column(self) -> None:
        column = self.focused_column()
        if column is None:
            return
        if len(self.columns) == 1:
            self.app.pop_screen()
            return
        index = self.columns.index(column)
        await self.query_one(Tabs).remove_tab(f"tab-{column.id}")
        await column.remove()
        self._apply_width(self.size.width)
        remaining = self.columns
        remaining[min(index, len(remaining) - 1)].view.focus()

    def action_back(self) -> None:
        self.app.pop_screen()

    def on_click(self, event) -> None:
        for column in self.columns:
            if event.widget is column or (event.widget is not None and column in event.widget.ancestors):
                if not isinstance(event.widget, ReadingView):
                    column.view.focus()


def _tab_for(column: ArticleColumn) -> Tab:
    return Tab(Text(_short(safe_display(column.article.display_title))), id=f"tab-{column.id}")


def _short(title: str, limit: int = 28) -> str:
    return title if len(title) <= limit else title[: limit - 1] + "…"
