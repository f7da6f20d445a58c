"""The Names tab of the side panel: who and what the open articles name, by canonical name, with
the mentions per column; enter follows one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ...analysis import LibraryAnalysis
from ...text.counting import plural
from ..highlights import ENTITY_COLOURS, one_line
from ..messages import EntityChosen
from .option_lists import highlight_first

NAME_CELLS = 30  # the widest a name gets when the panel has room
PANEL_TEXT_CELLS = 44  # the list's width before its first layout


class NamesPane(Vertical):
    """Entities of the open articles by canonical name, with mentions per column.

    `/` focuses the filter, as in the Notes panel; a letter typed in the list starts the filter
    with it (j and k move), so that no typed letter runs one of the comparison's commands.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter names", show=False),
        Binding("j", "next_name(1)", "Next name", show=False),
        Binding("k", "next_name(-1)", "Previous name", show=False),
    ]
    DEFAULT_CSS = """
    NamesPane { height: 1fr; }
    NamesPane > #names-info { height: auto; color: $text-muted; padding: 0 1; }
    NamesPane > OptionList { height: 1fr; border: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.library_analysis: LibraryAnalysis | None = None
        self.open_ids: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(placeholder="filter names", id="names-filter", select_on_focus=False)
        yield Static(Text("waiting for the analysis …"), id="names-info")
        yield OptionList(id="names-list")

    def show(self, library_analysis: LibraryAnalysis | None, open_ids: Sequence[str]) -> None:
        self.library_analysis = library_analysis
        self.open_ids = list(open_ids)
        self._fill()

    def _fill(self) -> None:
        entities = self.query_one("#names-list", OptionList)
        highlighted = entities.highlighted_option.id if entities.highlighted_option else None
        entities.clear_options()
        if self.library_analysis is None:
            return
        query = self.query_one("#names-filter", Input).value.strip().casefold()
        rows = []
        for entry in self.library_analysis.entity_index.values():
            counts = [entry.count(article_id) for article_id in self.open_ids]
            if not any(counts) or (query and query not in entry.name.casefold()):
                continue
            rows.append((sum(counts), entry, counts))
        rows.sort(key=lambda row: (-row[0], row[1].name.casefold()))
        width = max((len(str(c)) for _, _, counts in rows for c in counts), default=1)
        room = entities.scrollable_content_region.width or PANEL_TEXT_CELLS
        counts_cells = len(self.open_ids) * (width + 1)
        name_cells = max(8, min(NAME_CELLS, room - 2 - counts_cells - 1))
        for _, entry, counts in rows:
            label = Text("● ", style=Style(color=ENTITY_COLOURS.get(entry.label, "#cccccc")), no_wrap=True)
            label.append(one_line(entry.name, name_cells).ljust(name_cells))
            label.append(" " + " ".join(f"{c:>{width}}" if c else "·".rjust(width) for c in counts), style="dim")
            entities.add_option(Option(label, id=entry.key))
        if highlighted is not None and highlighted in {o.id for o in entities.options}:
            entities.highlighted = entities.get_option_index(highlighted)
        highlight_first(entities)
        columns = " ".join(str(i + 1).rjust(width) for i in range(len(self.open_ids)))
        self.query_one("#names-info", Static).update(
            Text(f"{plural(len(rows), 'name')} · mentions in columns {columns} · enter follows · / filters")
        )

    def on_input_changed(self, event: Input.Changed) -> None:
        self._fill()

    def action_focus_filter(self) -> None:
        self.query_one("#names-filter", Input).focus()

    def action_next_name(self, step: int) -> None:
        names = self.query_one("#names-list", OptionList)
        (names.action_cursor_down if step > 0 else names.action_cursor_up)()

    def on_key(self, event: events.Key) -> None:
        """A printable key typed in the list goes to the filter, never to the screen's bindings."""
        names = self.query_one("#names-list", OptionList)
        if not names.has_focus or event.character is None or not event.is_printable or event.key in ("j", "k"):
            return
        if event.key in ("slash", "space", "question_mark"):
            return
        event.stop()
        event.prevent_default()
        box = self.query_one("#names-filter", Input)
        box.insert_text_at_cursor(event.character)
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one("#names-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.post_message(EntityChosen(event.option.id))
