"""A one-line Static whose text is cut to its width with an ellipsis (reader/text/shortening's),
so a status line that does not fit says so instead of stopping mid-word.

One line high whatever it says, so new text only repaints the line: no layout of the screen
(Static's update lays the whole screen out again, at every filter keystroke for the library's
title), and the same text again repaints nothing."""

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


def same_look(one: Text, other: Text) -> bool:
    """Same characters in the same styles (Text's == looks at the characters and spans only)."""
    return (one.plain, one.spans, one.style, one.justify, one.overflow, one.no_wrap) == (
        other.plain,
        other.spans,
        other.style,
        other.justify,
        other.overflow,
        other.no_wrap,
    )


class FittedLine(Static):
    DEFAULT_CSS = "FittedLine { height: 1; }"

    def __init__(self, text: Text | None = None, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.text = text or Text("")

    def update(self, content: object = "", *, layout: bool = False) -> None:
        text = content if isinstance(content, Text) else Text(str(content))
        if same_look(text, self.text):
            return
        self.text = text
        self.refresh(layout=layout or self.styles.auto_dimensions)

    def render(self) -> Text:
        return fit(self.text, self.content_size.width)
