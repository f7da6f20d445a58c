"""The coding matrix screen: passages per code (rows) and article or outlet (columns).

enter on a cell lists its passages; choosing one opens its article at the passage. o switches
between articles and outlets.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, OptionList, Static
from textual.widgets.option_list import Option

from ...annotations import AnchoredAnnotation
from ...coding.matrix import CodingMatrix, coding_matrix
from ...text.shortening import one_line
from ...text.terminal import safe_display
from ..messages import OpenPassage, StoreChanged
from ..session import Session
from ..widgets.key_hints import KeyHints

COLUMN_LABEL_CHARS = 18


class MatrixScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "switch", "Articles / outlets"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    DEFAULT_CSS = """
    MatrixScreen > #matrix-title { height: 1; padding: 0 1; background: $panel; }
    MatrixScreen > DataTable { height: 1fr; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.by = "article"
        self.matrix: CodingMatrix | None = None

    def compose(self) -> ComposeResult:
        yield Static(Text("Coding matrix"), id="matrix-title")
        yield DataTable(cursor_type="cell", zebra_stripes=True, id="matrix-table")
        yield KeyHints()

    def on_mount(self) -> None:
        self.show_matrix()
        self.query_one(DataTable).focus()

    def on_store_changed(self, message: StoreChanged) -> None:
        self.show_matrix()

    def action_switch(self) -> None:
        self.by = "outlet" if self.by == "article" else "article"
        self.show_matrix()

    def show_matrix(self) -> None:
        store = self.session.store
        if store is None:
            return
        matrix = self.matrix = coding_matrix(store.all(), self.session.scan.articles, store.codebook(), self.by)
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_column("code", key="code")
        for column in matrix.columns:
            table.add_column(Text(safe_display(one_line(column, COLUMN_LABEL_CHARS))), key=column)
        table.add_column("total", key="total")
        for code in matrix.codes:
            cells = [
                Text(str(n) if (n := matrix.count(code, column)) else "·", justify="right") for column in matrix.columns
            ]
            table.add_row(
                Text(safe_display(code)), *cells, Text(str(matrix.row_total(code)), justify="right"), key=code
            )
        self.query_one("#matrix-title", Static).update(
            Text(
                f"Coding matrix — {len(matrix.codes)} codes × {len(matrix.columns)} {self.by}s · enter lists a cell's passages · o switches"
            )
        )

    def on_data_table_cell_selected(self, event: DataTable.CellSelected) -> None:
        matrix, store = self.matrix, self.session.store
        if matrix is None or store is None:
            return
        code, column = str(event.cell_key.row_key.value), str(event.cell_key.column_key.value)
        ids = set(matrix.cells.get((code, column), ()))
        if column == "total":
            ids = {i for (c, _), members in matrix.cells.items() if c == code for i in members}
        if not ids:
            return
        hits = [hit for hit in store.anchor_all(self.session.scan.articles) if hit.annotation.id in ids]
        self.app.push_screen(PassagesDialog(f"{code} · {column}", hits))


def passage_label(hit: AnchoredAnnotation) -> Text:
    annotation = hit.annotation
    text = Text("„" + safe_display(one_line(annotation.exact, 70)) + "“")
    text.append(f"  {safe_display(annotation.article_id)} · {safe_display(annotation.author) or '—'}", style="dim")
    if hit.anchor.start is None:
        text.append("  (orphaned: not in the current text)", style="italic")
    return text


class PassagesDialog(ModalScreen[None]):
    """The passages of a matrix cell; enter opens the highlighted one in its article."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "app.pop_screen", "Close")]
    DEFAULT_CSS = """
    PassagesDialog { align: center middle; }
    PassagesDialog > Vertical { width: 90%; max-width: 120; height: 70%; border: round $primary; background: $surface; }
    PassagesDialog OptionList { height: 1fr; }
    """

    def __init__(self, title: str, hits: list[AnchoredAnnotation]) -> None:
        super().__init__()
        self.title_text, self.hits = title, hits

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(safe_display(self.title_text), style="bold"))
            yield OptionList(*(Option(passage_label(hit), id=hit.annotation.id) for hit in self.hits))

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        hit = self.hits[event.option_index]
        if hit.anchor.start is None or hit.anchor.end is None:
            self.notify("This passage is not in the article's current text.", severity="warning")
            return
        self.app.pop_screen()
        self.app.post_message(OpenPassage(hit.annotation.article_id, hit.anchor.start, hit.anchor.end))
