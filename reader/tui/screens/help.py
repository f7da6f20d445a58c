"""`?`: every binding of the screen underneath, with its key, grouped by where it applies."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Static

UNLISTED_WIDGETS = {
    "Footer",
    "FooterKey",
    "ScrollBar",
    "ScrollableContainer",
    "VerticalScroll",
    "Horizontal",
    "Vertical",
}


def _key_label(screen: Screen, key: str) -> str:
    return ", ".join(screen.app.get_key_display(Binding(part.strip(), "")) for part in key.split(","))


def binding_rows(screen: Screen) -> list[tuple[str, str, str]]:
    """(where, keys, description) for the screen, its widget classes and the app; no duplicates."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    nodes: list[tuple[str, object]] = [(screen.__class__.__name__, screen)]
    classes_seen: set[type] = set()
    for widget in screen.query(Widget):
        if type(widget).__name__ in UNLISTED_WIDGETS:
            continue
        if type(widget) not in classes_seen and type(widget)._merged_bindings:
            classes_seen.add(type(widget))
            nodes.append((type(widget).__name__, widget))
    nodes.append(("App", screen.app))
    for where, node in nodes:
        bindings = getattr(node, "_bindings", None)
        if bindings is None:
            continue
        grouped: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        for key, binding in bindings:
            if not binding.description or binding.system:
                continue
            grouped.setdefault(binding.action, []).append(key)
            descriptions[binding.action] = binding.description
        for action, keys in grouped.items():
            marker = (where, action)
            if marker in seen:
                continue
            seen.add(marker)
            rows.append((where, ", ".join(_key_label(screen, key) for key in keys), descriptions[action]))
    return rows


class HelpScreen(ModalScreen[None]):
    """A modal list of bindings; any of escape, q or ? closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q,question_mark", "dismiss", "Close help")]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 80%; max-width: 100; height: 80%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    """

    def __init__(self, target: Screen) -> None:
        super().__init__()
        self.target = target

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=True, header_style="bold")
        table.add_column("Keys", style="bold cyan", no_wrap=True)
        table.add_column("Action")
        table.add_column("Where", style="dim", no_wrap=True)
        for where, keys, description in binding_rows(self.target):
            table.add_row(Text(keys), Text(description), Text(where))
        with VerticalScroll():
            yield Static(Text("Keys of this screen — escape closes", style="bold"))
            yield Static(table)
