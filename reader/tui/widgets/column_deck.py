"""The compare screen's deck of article columns, side by side, with tabs for a narrow terminal.

On a terminal too narrow for the columns the screen turns them into tabs (its `narrow` class):
the columns stay mounted (keeping their scroll positions and cursors) and only the active one is
displayed. The tabs are built the first time the screen is narrow, not before: mounting and styling
them cost a sixth of an opening's time, and most openings are wide. The deck knows which column
holds focus, and which did last while the side panel has it.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Tab, Tabs

from ...articles import Article
from ...text.shortening import cut
from ...text.terminal import safe_display
from .article_column import ArticleColumn

TAB_TITLE_CHARS = 28


class ColumnDeck(Vertical):
    DEFAULT_CSS = """
    ColumnDeck { height: 1fr; }
    ColumnDeck > Tabs { display: none; }
    ColumnDeck > #columns { height: 1fr; }
    """

    def __init__(self, articles: list[Article]) -> None:
        super().__init__()
        self._serial = 0
        self._initial = [ArticleColumn(article, id=self._next_id()) for article in articles]
        self._last_column: ArticleColumn | None = None
        self._tabs: Tabs | None = None  # built when first needed (show_tabs)

    def compose(self) -> ComposeResult:
        with Horizontal(id="columns"):
            yield from self._initial

    def show_tabs(self) -> None:
        """Build the tabs (once), for the columns open now; the screen's `narrow` class shows them."""
        if self._tabs is not None:
            return
        active = self.focused_column()  # its tab active from the start: Tabs activate one as they mount
        self._tabs = Tabs(*[_tab_for(column) for column in self.columns], active=f"tab-{active.id}" if active else None)
        self.mount(self._tabs, before=self.query_one("#columns", Horizontal))

    def _next_id(self) -> str:
        self._serial += 1
        return f"column-{self._serial}"

    @property
    def columns(self) -> list[ArticleColumn]:
        """The open columns; one being closed is gone already (its children go before it does)."""
        return [column for column in self.query(ArticleColumn) if not column.closing]

    @property
    def articles(self) -> list[Article]:
        return [column.article for column in self.columns]

    def column_of(self, article_id: str) -> ArticleColumn | None:
        return next((column for column in self.columns if column.article.id == article_id), None)

    async def add_column(self, article: Article) -> ArticleColumn:
        column = ArticleColumn(article, id=self._next_id())
        await self.query_one("#columns", Horizontal).mount(column)
        if self._tabs is not None:
            await self._tabs.add_tab(_tab_for(column))
        return column

    async def remove_column(self, column: ArticleColumn) -> None:
        """Close a column; the one that takes its place gets the focus."""
        index = self.columns.index(column)
        column.closing = True  # messages handled while the removal is awaited must not reach it
        if self._tabs is not None:
            await self._tabs.remove_tab(f"tab-{column.id}")
        await column.remove()
        remaining = self.columns
        remaining[min(index, len(remaining) - 1)].view.focus()

    def focused_column(self) -> ArticleColumn | None:
        """The column holding focus, or the last one that did while the side panel has it."""
        focused = self.screen.focused
        for column in self.columns:
            if focused is not None and (focused is column or column in focused.ancestors):
                self._last_column = column
                return column
        return self._last_column if self._last_column in self.columns else None

    def cycle(self, step: int) -> None:
        """Focus the next (step 1) or previous (-1) column, round the end."""
        columns = self.columns
        if not columns:
            return
        current = self.focused_column()
        index = columns.index(current) if current in columns else -1
        columns[(index + step) % len(columns)].view.focus()

    def on_descendant_focus(self) -> None:
        self.mark_active()

    def mark_active(self) -> None:
        """The focused column is the active one: the one shown, and its tab selected, when narrow."""
        active = self.focused_column()
        for column in self.columns:
            column.set_class(column is active, "active")
        tabs = self._tabs
        if active is not None and tabs is not None:
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


def _tab_for(column: ArticleColumn) -> Tab:
    return Tab(Text(cut(safe_display(column.article.display_title), TAB_TITLE_CHARS)), id=f"tab-{column.id}")
