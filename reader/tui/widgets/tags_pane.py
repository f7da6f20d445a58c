"""The Tags tab of the side panel: every tag in use with its count; enter filters the notes by it."""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...text.terminal import safe_display
from ..messages import TagChosen
from .option_lists import highlight_first


class TagsPane(Vertical):
    """Every tag in use with how many annotations carry it; enter filters the notes by it."""

    DEFAULT_CSS = """
    TagsPane { height: 1fr; }
    TagsPane > OptionList { height: 1fr; border: none; }
    """

    def compose(self) -> ComposeResult:
        yield OptionList(id="tags-list")

    def show(self, tags: Sequence[tuple[str, int]], colours: dict[str, str]) -> None:
        tag_list = self.query_one("#tags-list", OptionList)
        tag_list.clear_options()
        for tag, count in tags:
            label = Text("● ", style=Style(color=colours.get(tag, "#9aa5b1")))
            label.append(safe_display(tag))
            label.append(f"  {count}", style="dim")
            tag_list.add_option(Option(label, id=tag))
        highlight_first(tag_list)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(TagChosen(event.option.id))
