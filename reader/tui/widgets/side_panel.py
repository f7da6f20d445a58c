"""The compare screen's side panel: tabs of lists that lead into the text (names, quotes, notes, tags).

Built on first use: the tabs and lists cost noticeable time to mount, and most openings of the
compare screen never show them.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from .compare_pane import ComparePane
from .names_pane import NamesPane
from .notes_pane import NotesPane
from .quotes_pane import QuotesPane
from .tags_pane import TagsPane


class SidePanel(Vertical):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "screen.close_panel", "Close panel", show=False)]
    DEFAULT_CSS = """
    SidePanel {
        dock: right;
        width: 50;
        display: none;
        border-left: vkey $primary;
        background: $surface;
    }
    SidePanel.visible { display: block; }
    SidePanel TabbedContent, SidePanel TabPane { height: 1fr; }
    SidePanel TabPane { padding: 0; }
    """

    @property
    def built(self) -> bool:
        return bool(self.children)

    @property
    def shown(self) -> bool:
        return self.has_class("visible")

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active if self.built else ""

    async def open(self, pane: str) -> None:
        if not self.built:
            tabs = TabbedContent(id="panel-tabs")
            await self.mount(tabs)
            for tab in (
                TabPane("Names", NamesPane(), id="names"),
                TabPane("Quotes", QuotesPane(), id="quotes"),
                TabPane("Notes", NotesPane(), id="notes"),
                TabPane("Tags", TagsPane(), id="tags"),
                TabPane("Compare", ComparePane(), id="compare"),
            ):
                await tabs.add_pane(tab)
        self.add_class("visible")
        self.query_one(TabbedContent).active = pane

    def close(self) -> None:
        self.remove_class("visible")
