"""The library's table of articles, drawn line by line: only the rows on screen cost anything.

Textual's DataTable measures every cell of every row when it is filled, so a library of
10,000 articles takes seconds to show and each filter keystroke refills it. This table is a
ScrollView on the line API, like the reading view: it holds the rows as plain tuples (already
passed through the sanitiser), renders a row when it scrolls into view and caches the Strip by
what the row shows, so new rows (a filter keystroke) redraw only the screen lines that changed.
Column widths follow the width of the widget and the widest cells of the whole library (not of
the rows a filter lets through, so the columns stay put while typing): Source, Date, Words and
Notes take what their contents need (Source within bounds), the title takes the rest.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import var
from textual.scroll_view import ScrollView
from textual.strip import Strip

PICK_WIDTH = 3
DATE_WIDTH = 10
GAP = 1
SOURCE_MIN, SOURCE_MAX = 6, 24
TITLE_MIN = 12
ELLIPSIS = "…"

UNKNOWN_OUTLET = "— (m)"  # no outlet: m (article details) sets it; the status line says so in words


@dataclass(frozen=True)
class TableRow:
    """One article as the table shows it: every text already terminal-safe."""

    id: str
    title: str
    source: str
    date: str
    words: int


@dataclass(frozen=True)
class ColumnLayout:
    """Cell widths of the columns, left to right: pick, title, source, date, words, notes."""

    pick: int
    title: int
    source: int
    date: int
    words: int
    notes: int

    @property
    def spans(self) -> list[tuple[str, int, int]]:
        """(column key, first cell, width) of each column."""
        spans, x = [], 0
        for key in ("pick", "title", "source", "date", "words", "notes"):
            width = getattr(self, key)
            spans.append((key, x, width))
            x += width + GAP
        return spans


@dataclass(frozen=True)
class RowLook:
    """What one drawn row depends on: two rows that look alike share their Strip."""

    row: TableRow
    number: int | None  # its column among the picked
    notes: int | None
    odd: bool  # striped
    cursor: bool
    width: int
    layout: ColumnLayout


def fit(text: str, width: int, *, right: bool = False) -> str:
    """The text in exactly `width` cells: padded, or cut with an ellipsis."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length > width:
        return set_cell_size(text, width - 1) + ELLIPSIS
    padding = " " * (width - length)
    return padding + text if right else text + padding


@dataclass(frozen=True)
class Widest:
    """The widest cells the columns are measured on: the most words, the longest outlet (in cells)."""

    words: int
    source: int

    @classmethod
    def of(cls, rows: Iterable[TableRow]) -> Widest:
        words = source = 0
        for row in rows:
            words = max(words, row.words)
            source = max(source, cell_len(row.source))
        return cls(words, source)


def column_layout(width: int, widest: Widest, max_notes: int) -> ColumnLayout:
    """Titles take what is left after Source, Date, Words and Notes; Source shrinks first when narrow."""
    words = max(len("Words"), len(f"{widest.words:,}"))
    notes = max(len("Notes"), len(str(max_notes)))
    source = max(SOURCE_MIN, min(SOURCE_MAX, widest.source, width // 5))
    fixed = PICK_WIDTH + source + DATE_WIDTH + words + notes + 5 * GAP
    title = max(TITLE_MIN, width - fixed)
    return ColumnLayout(PICK_WIDTH, title, source, DATE_WIDTH, words, notes)


HEADERS = {"pick": "", "title": "Title", "source": "Source", "date": "Date", "words": "Words", "notes": "Notes"}


class LibraryTable(ScrollView, can_focus=True):
    """A cursor over rows of articles; the screen decides which rows, in which order."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "library-table--header",
        "library-table--cursor",
        "library-table--even-row",
        "library-table--picked",
        "library-table--notes",
    }
    DEFAULT_CSS = """
    LibraryTable { height: 1fr; overflow-y: auto; overflow-x: hidden; scrollbar-size-vertical: 1; background: $surface; }
    LibraryTable > .library-table--header { text-style: bold; background: $panel; color: $text; }
    LibraryTable > .library-table--cursor { background: $block-cursor-blurred-background; }
    LibraryTable:focus > .library-table--cursor { background: $block-cursor-background; color: $block-cursor-foreground; text-style: bold; }
    LibraryTable > .library-table--even-row { background: $surface-lighten-1 10%; }
    LibraryTable > .library-table--picked { color: $success; text-style: bold; }
    LibraryTable > .library-table--notes { text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "move(1)", "Down", show=False),
        Binding("up,k", "move(-1)", "Up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("home,g", "edge(0)", "First", show=False),
        Binding("end,G", "edge(1)", "Last", show=False),
        Binding("enter", "select", "Open", show=False),
    ]

    cursor_row: var[int] = var(0, init=False)

    class RowSelected(Message):
        """enter, or a click on the row under the cursor."""

        def __init__(self, table: LibraryTable, article_id: str) -> None:
            super().__init__()
            self.table = table
            self.article_id = article_id

        @property
        def control(self) -> LibraryTable:
            return self.table

    class HeaderSelected(Message):
        """A click on a column's header: `column` is its key (title, source, date, words, notes)."""

        def __init__(self, table: LibraryTable, column: str) -> None:
            super().__init__()
            self.table = table
            self.column = column

        @property
        def control(self) -> LibraryTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[TableRow] = []
        self._picked: dict[str, int] = {}  # article id → its column number (1-based)
        self._counts: dict[str, int] = {}
        self._widest = Widest(0, 0)
        self._layout: ColumnLayout | None = None
        self._layout_key: tuple[int, Widest, int] | None = None  # (width, widest, most notes) it was made for
        self._strips: LRUCache[RowLook, Strip] = LRUCache(1024)
        self._max_notes = 0
        self._drawn: dict[int, RowLook | ColumnLayout | None] = {}  # screen line → what it shows (None: blank)
        self._render_width = 1  # the width of the redraw going on (render_lines)
        self._styles: dict[str, Style] = {}

    # ----- contents -----------------------------------------------------------------------

    def set_rows(
        self, rows: list[TableRow], picked: Sequence[str], counts: dict[str, int], widest: Widest | None = None
    ) -> None:
        """Show these rows (in this order), with these picked and these annotation counts; the
        columns measured on `widest` (the whole library's; None: these rows')."""
        overflowed = self._overflows()
        self.rows = rows
        self._picked = {article_id: number for number, article_id in enumerate(picked, 1)}
        self._counts = counts
        self._max_notes = max(counts.values(), default=0)
        self._widest = widest if widest is not None else Widest.of(rows)
        self.virtual_size = Size(self.size.width, len(rows) + 1)
        self.cursor_row = max(0, min(self.cursor_row, len(rows) - 1))
        self._refresh_changed(everything=self._overflows() != overflowed)

    def set_counts(self, counts: dict[str, int]) -> None:
        """New annotation counts: only the lines whose Notes cell changed are redrawn."""
        self._counts = counts
        self._max_notes = max(counts.values(), default=0)
        self._refresh_changed()

    def _overflows(self) -> bool:
        """Whether the rows need more lines than the table has: its scroll bar shows, the columns narrow."""
        return len(self.rows) + 1 > self.size.height

    def _refresh_changed(self, *, everything: bool = False) -> None:
        """Redraw the screen lines that would show something else now (all of them if the columns
        moved); the others keep what Textual drew."""
        drawn, top, width = self._drawn, self.scroll_offset.y, self._width
        layout = self._columns(width)
        if everything or drawn.get(0) != layout:
            self._invalidate()
            return
        for y in range(1, self.scrollable_content_region.height):
            if drawn.get(y, False) != self._look(top + y - 1, width, layout):
                self.refresh_line(y)

    def _invalidate(self) -> None:
        self._drawn.clear()
        self.refresh()

    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def row_ids(self) -> list[str]:
        return [row.id for row in self.rows]

    @property
    def current_id(self) -> str | None:
        return self.rows[self.cursor_row].id if self.rows else None

    def index_of(self, article_id: str) -> int | None:
        return next((i for i, row in enumerate(self.rows) if row.id == article_id), None)

    def cell_texts(self, index: int) -> list[str]:
        """The cells of one row as shown (uncut): pick, title, source, date, words, notes."""
        row = self.rows[index]
        number = self._picked.get(row.id)
        return [
            str(number) if number else "",
            row.title,
            row.source or UNKNOWN_OUTLET,
            row.date or "—",
            f"{row.words:,}",
            str(self._counts.get(row.id, "")),
        ]

    @property
    def columns(self) -> ColumnLayout:
        return self._columns(self._width)

    def _columns(self, width: int) -> ColumnLayout:
        key = (width, self._widest, self._max_notes)
        if self._layout is None or self._layout_key != key:
            self._layout = column_layout(*key)
            self._layout_key = key
        return self._layout

    @property
    def _width(self) -> int:
        return max(1, self.scrollable_content_region.width)

    # ----- the cursor ---------------------------------------------------------------------

    def move_cursor(self, row: int) -> None:
        self.cursor_row = max(0, min(row, len(self.rows) - 1))
        self.scroll_to_cursor()

    def watch_cursor_row(self, old: int, new: int) -> None:
        top = self.scroll_offset.y
        self.refresh_line(old - top + 1)
        self.refresh_line(new - top + 1)

    @property
    def page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)

    def scroll_to_cursor(self) -> None:
        top, row = self.scroll_offset.y, self.cursor_row
        if row < top:
            self.scroll_to(y=row, animate=False, immediate=True)
        elif row >= top + self.page_rows:
            self.scroll_to(y=row - self.page_rows + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self.move_cursor(self.cursor_row + step)

    def action_page(self, direction: int) -> None:
        self.scroll_to(y=self.scroll_offset.y + direction * self.page_rows, animate=False, immediate=True)
        self.move_cursor(self.cursor_row + direction * self.page_rows)

    def action_edge(self, end: int) -> None:
        self.move_cursor(len(self.rows) - 1 if end else 0)

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.RowSelected(self, self.rows[self.cursor_row].id))

    # ----- mouse --------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        event.stop()
        self.focus()
        if event.y == 0:
            for key, start, width in self.columns.spans:
                if key != "pick" and start <= event.x < start + width + GAP:
                    self.post_message(self.HeaderSelected(self, key))
                    return
            return
        row = self.scroll_offset.y + event.y - 1
        if not 0 <= row < len(self.rows):
            return
        if row == self.cursor_row:
            self.action_select()
        else:
            self.move_cursor(row)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._invalidate()

    def on_resize(self, event: events.Resize) -> None:
        self.virtual_size = Size(self.size.width, len(self.rows) + 1)
        self._invalidate()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._styles.clear()
        self._drawn.clear()

    def on_focus(self) -> None:
        self._restyle()

    def on_blur(self) -> None:
        self._restyle()

    def _restyle(self) -> None:
        """The cursor's colours follow the focus: every line drawn anew."""
        self._styles.clear()
        self._strips.clear()
        self._invalidate()

    # ----- rendering ----------------------------------------------------------------------

    def _look(self, index: int, width: int, layout: ColumnLayout) -> RowLook | None:
        """All that decides how row `index` is drawn (None: past the last row)."""
        if not 0 <= index < len(self.rows):
            return None
        row = self.rows[index]
        number, notes = self._picked.get(row.id), self._counts.get(row.id)
        return RowLook(row, number, notes, index % 2 == 1, index == self.cursor_row, width, layout)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._render_width = self._width  # measured once per redraw, not for every line
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        """Line 0 is the header, fixed; the others are rows from the scroll offset on."""
        width = self._render_width
        layout = self._columns(width)
        if y == 0:
            self._drawn[0] = layout
            return self._render_header(width, layout)
        look = self._drawn[y] = self._look(self.scroll_offset.y + y - 1, width, layout)
        if look is None:
            return Strip.blank(width, self._style(""))
        strip = self._strips.get(look)
        if strip is None:
            strip = self._strips[look] = self._render_row(look)
        return strip

    def _style(self, name: str) -> Style:
        """A component's style, or the widget's own for "" (kept until the styles change)."""
        style = self._styles.get(name)
        if style is None:
            style = self._styles[name] = self.get_component_rich_style(name, partial=True) if name else self.rich_style
        return style

    def _render_header(self, width: int, layout: ColumnLayout) -> Strip:
        style = self._style("") + self._style("library-table--header")
        cells = [fit(HEADERS[key], size, right=key in ("words", "notes")) for key, _, size in layout.spans]
        return Strip([Segment(" ".join(cells), style)]).adjust_cell_length(width, style)

    def _render_row(self, look: RowLook) -> Strip:
        row, number, notes, layout = look.row, look.number, look.notes, look.layout
        style = self._style("")
        if look.odd:
            style += self._style("library-table--even-row")
        if look.cursor:
            style += self._style("library-table--cursor")
        segments = [
            Segment(
                fit(str(number) if number else "", layout.pick, right=True),
                style + self._style("library-table--picked"),
            ),
            Segment(" " + fit(row.title, layout.title), style),
            Segment(" " + fit(row.source or UNKNOWN_OUTLET, layout.source), style),
            Segment(" " + fit(row.date or "—", layout.date), style),
            Segment(" " + fit(f"{row.words:,}", layout.words, right=True), style),
            Segment(
                " " + fit(str(notes) if notes else "", layout.notes, right=True),
                style + self._style("library-table--notes"),
            ),
        ]
        return Strip(segments).adjust_cell_length(look.width, style)
