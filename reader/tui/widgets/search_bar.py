"""The compare screen's search line: `/` (forward), `\\` (backward) or `F` (every open column) open it,
enter searches, escape closes it; the screen moves through the hits with n and N. Its prompt and
input are built when it first opens: an Input's mounting and styling are a cost every opening of the
compare screen paid, for a line most never show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Label

from ..key_pacing import KeyPacer


@dataclass
class SearchAsked(Message):
    """Search for `query` (None: the search line was closed), forward or backward, here or in every column."""

    query: str | None
    backward: bool
    every_column: bool


PROMPTS = {(False, False): "/", (True, False): "\\", (False, True): "/ every column:", (True, True): "\\ every column:"}


class SearchBar(Horizontal):
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "close", "Close the search", show=False)]
    DEFAULT_CSS = """
    SearchBar { height: 1; display: none; background: $panel; }
    SearchBar.visible { display: block; }
    SearchBar > Label { width: auto; padding: 0 1; color: $accent; }
    SearchBar #search-input { border: none; height: 1; padding: 0; width: 1fr; background: $panel; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.backward = False
        self.every_column = False

    async def open(self, *, backward: bool, every_column: bool, last: str) -> None:
        if not self.children:
            box = Input(placeholder="search the text · enter finds · escape closes", id="search-input")
            pacer = getattr(self.app, "key_pacer", None)
            if isinstance(pacer, KeyPacer):
                pacer.wait_for_focus(box)  # keys typed right after `/` wait for the box being mounted here
            await self.mount_all([Label("/"), box])
        self.backward, self.every_column = backward, every_column
        self.query_one(Label).update(PROMPTS[(backward, every_column)])
        box = self.query_one(Input)
        box.value = last
        self.add_class("visible")
        box.focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.remove_class("visible")
        self.post_message(SearchAsked(event.value, self.backward, self.every_column))

    def action_close(self) -> None:
        self.remove_class("visible")
        self.post_message(SearchAsked(None, self.backward, self.every_column))
