"""The compare screen's side panel: tabs of lists that lead into the text (notes, tags, …)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from .annotations_panel import AnnotationsPane, TagsPane


class SidePanel(Vertical):
    BINDINGS = [Binding("escape", "screen.close_panel", "Close panel", show=False)]
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

    def compose(self) -> ComposeResult:
        with TabbedContent(id="panel-tabs"):
            with TabPane("Notes", id="notes"):
                yield AnnotationsPane()
            with TabPane("Tags", id="tags"):
                yield TagsPane()

    @property
    def shown(self) -> bool:
        return self.has_class("visible")

    @property
    def active(self) -> str:
        return self.query_one(TabbedContent).active

    def open(self, pane: str) -> None:
        self.add_class("visible")
        self.query_one(TabbedContent).active = pane

    def close(self) -> None:
        self.remove_class("visible")
