"""A one-line Static whose text is cut to its width with an ellipsis (reader/text/shortening's),
so a status line that does not fit says so instead of stopping mid-word."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...text.shortening import ELLIPSIS


def fit(text: Text, width: int) -> Text:
    """The first line of `text`, at most `width` cells, its last cell an ellipsis when cut."""
    line = text.split("\n")[0] if "\n" in text.plain else text.copy()
    if width <= 0 or line.cell_len <= width:
        return line
    line.truncate(width - 1, overflow="crop")
    line.overflow = "crop"
    line.append(ELLIPSIS, style="dim")
    return line


class FittedLine(Static):
    def __init__(self, text: Text | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text or Text("")

    def update(self, content: object = "", *, layout: bool = True) -> None:
        self.text = content if isinstance(content, Text) else Text(str(content))
        self.refresh(layout=layout)

    def render(self) -> Text:
        return fit(self.text, self.content_size.width)
