"""`?`: the keys of the screen underneath, grouped by task (read, select, annotate, compare, export …),
searchable as you type.

The rows come from the bindings themselves (the screen's, the app's, and those of this app's own
widgets on the screen), so help never lists a key that does nothing; Textual's widgets' editing
keys (an Input's shift+ctrl+← …) are left out, and each row says where it applies in words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.dom import DOMNode
from textual.screen import ModalScreen, Screen
from textual.widget import Widget
from textual.widgets import Input, Static

GROUPS = ("read", "search", "select", "annotate", "compare", "library", "export", "general")
ACTION_GROUPS = {
    "scroll_lines": "read",
    "scroll_page": "read",
    "scroll_half_page": "read",
    "scroll_edge": "read",
    "move": "read",
    "line_edge": "read",
    "toggle_layer": "read",
    "sync_scroll": "compare",
    "align": "compare",
    "search": "search",
    "next_hit": "search",
    "focus_filter": "search",
    "next_name": "compare",
    "toggle_selection": "select",
    "clear_selection": "select",
    "copy_selection": "select",
    "copy_or_quit": "select",
    "annotate": "annotate",
    "edit_annotation": "annotate",
    "delete_annotation": "annotate",
    "undo": "annotate",
    "redo": "annotate",
    "jump_annotation": "annotate",
    "resolve": "annotate",
    "clear_filters": "annotate",
    "cycle_column": "compare",
    "add_article": "compare",
    "close_column": "compare",
    "compare_quote": "compare",
    "jump_passage": "compare",
    "panel": "compare",
    "close_panel": "compare",
    "filter": "library",
    "toggle_pick": "library",
    "open": "library",
    "cycle_sort": "library",
    "reverse_sort": "library",
    "show_problems": "library",
    "reload": "library",
    "clear_filter": "library",
    "edit_metadata": "general",
    "codebook": "annotate",
    "matrix": "annotate",
    "agreement": "annotate",
}
PANEL_GROUPS = {"names": "compare", "quotes": "compare", "notes": "annotate", "tags": "annotate"}
PLACES = {
    "ReaderApp": "everywhere",
    "LibraryScreen": "library",
    "CompareScreen": "comparison",
    "ReadingView": "text",
    "SidePanel": "side panel",
    "NotesPane": "Notes panel",
    "NamesPane": "Names panel",
    "SearchBar": "search line",
}
EXTRA_ROWS = (  # what no binding of the screen says: the palette's exports
    ("export", "ctrl+p", "Export annotations: JSON, W3C (JSON-LD), Markdown or CSV (type “export”)", "everywhere"),
    ("general", "ctrl+p", "The command palette: every action of this screen by name", "everywhere"),
)


@dataclass(frozen=True)
class HelpRow:
    group: str
    keys: str
    description: str
    where: str

    def matches(self, query: str) -> bool:
        query = query.casefold()
        return any(query in part.casefold() for part in (self.group, self.keys, self.description, self.where))


def _group_of(action: str) -> str:
    name = action.split(".")[-1]
    base, _, argument = name.partition("(")
    if base == "panel":
        return PANEL_GROUPS.get(argument.strip("')\""), "compare")
    if base == "annotate" or base.endswith("annotation"):
        return "annotate"
    return ACTION_GROUPS.get(base, "general")


def own_actions(node: object) -> set[str]:
    """The actions this app's own classes bind on `node` (Textual's Screen and App bind some too:
    a copy that ctrl+c does differently here, a quit hint)."""
    actions: set[str] = set()
    for cls in type(node).__mro__:
        if cls.__module__.startswith("reader."):
            for binding in cls.__dict__.get("BINDINGS", ()):
                if isinstance(binding, Binding):
                    actions.add(binding.action)
    return actions


def _key_label(screen: Screen[object], key: str) -> str:
    return ", ".join(screen.app.get_key_display(Binding(part.strip(), "")) for part in key.split(","))


def _nodes(screen: Screen[object]) -> Iterable[DOMNode]:
    """The screen, one widget of each of this app's own widget classes on it, and the app."""
    yield screen
    seen: set[type] = set()
    for widget in screen.query(Widget):
        kind = type(widget)
        if kind in seen or not kind.__module__.startswith("reader."):
            continue
        seen.add(kind)
        yield widget
    yield screen.app


def help_rows(screen: Screen[object]) -> list[HelpRow]:
    """Every described binding of the screen, by task; one row per action and place."""
    rows: list[HelpRow] = []
    seen: set[tuple[str, str]] = set()
    for node in _nodes(screen):
        where = PLACES.get(type(node).__name__, "")
        keys_by_action: dict[str, list[str]] = {}
        descriptions: dict[str, str] = {}
        own = own_actions(node)
        for key, binding in node._bindings:
            if not binding.description or binding.system or binding.action not in own:
                continue
            keys_by_action.setdefault(binding.action, []).append(key)
            descriptions[binding.action] = binding.description
        for action, keys in keys_by_action.items():
            if (where, action) in seen:
                continue
            seen.add((where, action))
            label = ", ".join(_key_label(screen, key) for key in keys)
            rows.append(HelpRow(_group_of(action), label, descriptions[action], where))
    rows.extend(HelpRow(*row) for row in EXTRA_ROWS)
    rows.sort(key=lambda row: GROUPS.index(row.group))
    return rows


def help_table(rows: list[HelpRow]) -> Table:
    table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
    table.add_column("Keys", style="bold cyan", no_wrap=True, width=16)
    table.add_column("Action", ratio=1)
    table.add_column("Where", style="dim", no_wrap=True)
    group = ""
    for row in rows:
        if row.group != group:
            group = row.group
            table.add_row(Text(group.upper(), style="bold"), Text(""), Text(""))
        table.add_row(Text(row.keys), Text(row.description), Text(row.where))
    if not rows:
        table.add_row(Text(""), Text("no key matches", style="italic"), Text(""))
    return table


class HelpScreen(ModalScreen[None]):
    """The keys of the screen underneath, by task; typing filters them, escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close help"),
        Binding("question_mark", "dismiss", "Close help", show=False),
    ]
    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > Vertical {
        width: 90%; max-width: 110; height: 85%;
        border: round $primary; background: $surface; padding: 0 1;
    }
    HelpScreen #help-search { border: none; height: 1; padding: 0 1; margin-bottom: 1; background: $panel; }
    """

    def __init__(self, target: Screen[object]) -> None:
        super().__init__()
        self.target = target
        self.rows = help_rows(target)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text("Keys of this screen, by task — type to search · escape closes", style="bold"))
            yield Input(placeholder="search the keys: e.g. note, copy, scroll, export", id="help-search")
            with VerticalScroll():
                yield Static(help_table(self.rows), id="help-table")

    def on_mount(self) -> None:
        self.query_one("#help-search", Input).focus()

    def on_input_changed(self, event: Input.Changed) -> None:
        query = event.value.strip()
        shown = [row for row in self.rows if row.matches(query)] if query else self.rows
        self.query_one("#help-table", Static).update(help_table(shown))
