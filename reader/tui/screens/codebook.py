"""The codebook screen: the codes as a tree with their use counts, colours and coding rules.

a adds a code (a path, "Parent/Child", makes it a child), r renames, m moves under another
parent, M merges into another code, c recolours, d edits the coding rule. Renaming, moving and
merging relabel every annotation in one all-or-nothing store change (AnnotationStore.rename_code);
that touches many shard files, so it runs in a worker on a store object of its own, and the
app's store learns of it as of any other writer's change (StoreChanged).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...annotations import AnnotationStore, StoreError, TagError
from ...annotations.codebook import Code, CodebookError
from ...text.shortening import one_line
from ...text.terminal import safe_display
from ..messages import StoreChanged
from ..session import Session
from ..widgets.key_hints import KeyHints
from .prompt import PromptDialog


def code_label(code: Code) -> Text:
    text = Text("  " * code.depth)
    text.append("■ ", style=Style(color=code.colour))
    text.append(safe_display(code.leaf), style="bold")
    text.append(f"  {code.count}", style="dim")
    if code.description:
        text.append("  — " + safe_display(one_line(code.description, 70)), style="italic dim")
    return text


class CodebookScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add code"),
        Binding("r", "rename", "Rename"),
        Binding("m", "move", "Move"),
        Binding("M", "merge", "Merge into"),
        Binding("c", "colour", "Colour"),
        Binding("d", "describe", "Coding rule"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    DEFAULT_CSS = """
    CodebookScreen > #codebook-title { height: 1; padding: 0 1; background: $panel; }
    CodebookScreen > OptionList { height: 1fr; }
    CodebookScreen > #codebook-detail { height: auto; max-height: 6; padding: 0 1; color: $text-muted; }
    """

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        self.codes: list[Code] = []
        self.relabelling = False  # a rename, move or merge is being saved in a worker
        self.select_next: str | None = None  # the code to highlight once the store reports it

    def compose(self) -> ComposeResult:
        yield Static(Text("Codebook"), id="codebook-title")
        yield OptionList(id="codebook-codes")
        yield Static(Text(""), id="codebook-detail")
        yield KeyHints()

    def on_mount(self) -> None:
        self.show_codes()
        self.query_one(OptionList).focus()

    def on_store_changed(self, message: StoreChanged) -> None:
        self.show_codes(self.select_next)
        self.select_next = None

    def show_codes(self, select: str | None = None) -> None:
        store = self.session.store
        options = self.query_one(OptionList)
        current = self.current
        wanted = select or (current.name if current else None)
        self.codes = store.codebook() if store is not None else []
        options.clear_options()
        options.add_options([Option(code_label(code), id=code.name) for code in self.codes])
        names = [code.name.casefold() for code in self.codes]
        if self.codes:
            options.highlighted = names.index(wanted.casefold()) if wanted and wanted.casefold() in names else 0
        used = sum(1 for code in self.codes if code.count)
        self.query_one("#codebook-title", Static).update(
            Text(f"Codebook — {len(self.codes)} codes, {used} in use · a adds · r renames · m moves · M merges")
        )
        self._show_detail()

    @property
    def current(self) -> Code | None:
        options = self.query_one(OptionList)
        index = options.highlighted
        return self.codes[index] if index is not None and 0 <= index < len(self.codes) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_detail()

    def _show_detail(self) -> None:
        code = self.current
        detail = self.query_one("#codebook-detail", Static)
        if code is None:
            detail.update(Text("No codes yet: a adds one; tags given to passages are codes too."))
            return
        text = Text(safe_display(code.name), style="bold")
        text.append(f"  {code.colour}", style=Style(color=code.colour))
        text.append(f"  {code.count} passage{'s' if code.count != 1 else ''}")
        text.append("\n" + (safe_display(code.description) if code.description else "(no coding rule: d adds one)"))
        detail.update(text)

    def _ask(self, question: str, value: str, then: Callable[[str], None], hint: str = "") -> None:
        def answered(answer: str | None) -> None:
            if answer is not None:
                then(answer)

        self.app.push_screen(PromptDialog(question, value, hint), answered)

    def _change(self, change: Callable[[], str], select: str | None) -> None:
        """Run a store change (it returns what to tell); a refusal is one line; the list is redrawn."""
        try:
            done = change()
        except (CodebookError, TagError, StoreError) as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.show_codes(select)
        self.notify(done, markup=False)

    def _relabel(self, change: Callable[[AnnotationStore], int], select: str, verb: str) -> None:
        """Run a rename, move or merge in a worker (it rewrites every shard file its code is in)."""
        if self.relabelling:
            self.notify("The last codebook change is still being saved.", severity="warning")
            return
        self.relabelling = True
        self.select_next = select
        self.notify(f"{verb} … relabelling the annotations", markup=False)
        self._relabel_in_worker(change, verb)

    @work(thread=True, group="codebook")
    def _relabel_in_worker(self, change: Callable[[AnnotationStore], int], verb: str) -> None:
        try:
            store = AnnotationStore.open(self.session.library, author=self.session.settings.author)
            count = change(store)
        except (CodebookError, TagError, StoreError) as error:
            self.app.call_from_thread(self._relabelled, str(error), True)
            return
        self.app.call_from_thread(self._relabelled, f"{verb}; {count} annotations relabelled", False)

    def _relabelled(self, message: str, failed: bool) -> None:
        self.relabelling = False
        self.notify(message, severity="error" if failed else "information", markup=False)

    def action_add(self) -> None:
        code = self.current
        prefix = f"{code.name}/" if code is not None and code.parent else ""
        store = self.session.store

        def add(name: str) -> None:
            if store is not None:
                self._change(lambda: f"Added {store.define_code(name).name}", name)

        self._ask("New code (Parent/Child makes it a child):", prefix, add)

    def action_rename(self) -> None:
        code, store = self.current, self.session.store
        if code is None or store is None:
            return

        def rename(name: str) -> None:
            self._relabel(lambda writer: writer.rename_code(code.name, name), name, "Renamed")

        self._ask(f"Rename {code.name} to:", code.name, rename, "a full path moves it · an existing code merges")

    def action_move(self) -> None:
        code, store = self.current, self.session.store
        if code is None or store is None:
            return

        def move(parent: str) -> None:
            target = f"{parent.strip().rstrip('/')}/{code.leaf}" if parent.strip() else code.leaf
            self._relabel(lambda writer: writer.move_code(code.name, parent), target, "Moved")

        self._ask(f"Move {code.leaf} under (empty: top level):", code.parent, move)

    def action_merge(self) -> None:
        code, store = self.current, self.session.store
        if code is None or store is None:
            return

        def merge(target: str) -> None:
            self._relabel(lambda writer: writer.merge_code(code.name, target), target, "Merged")

        self._ask(f"Merge {code.name} (and its children) into the code:", "", merge)

    def action_colour(self) -> None:
        code, store = self.current, self.session.store
        if code is None or store is None:
            return

        def recolour(colour: str) -> None:
            self._change(lambda: f"{code.name}: {store.define_code(code.name, colour=colour).colour}", code.name)

        self._ask(f"Colour of {code.name} (#rrggbb; empty: the default):", code.colour, recolour)

    def action_describe(self) -> None:
        code, store = self.current, self.session.store
        if code is None or store is None:
            return

        def describe(rule: str) -> None:
            self._change(
                lambda: f"Coding rule of {store.define_code(code.name, description=rule).name} saved", code.name
            )

        self._ask(f"Coding rule for {code.name} (when does it apply?):", code.description, describe)
