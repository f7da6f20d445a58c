"""A one-line list of a screen's main keys, fitted to the terminal's width.

Textual's Footer rebuilds a widget per key whenever focus moves, which cost 0.3 s of every
comparison's opening; the screen's keys do not change, so a plain line serves. `?` (help) comes
first and always shows; the others follow in the screen's order while whole ones fit, so an
80-column terminal shows complete hints, never one cut in half.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static


class KeyHints(Static):
    DEFAULT_CSS = """
    KeyHints { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def hints(self) -> list[tuple[str, str]]:
        """(key, what it does) for the screen's shown bindings, help first, the palette last."""
        items: list[tuple[str, str]] = []
        for binding in self.screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.show or not binding.description:
                continue
            key = self.app.get_key_display(Binding(binding.key.split(",")[0], ""))
            items.append((key, binding.description))
        items.sort(key=lambda item: item[0] != "?")
        items.append(("ctrl+p", "palette"))
        return items

    def render(self) -> Text:
        width = self.content_size.width or 80
        text = Text(no_wrap=True)
        items = self.hints()
        palette = items.pop()
        reserve = len(palette[0]) + len(palette[1]) + 3
        for key, description in items:
            piece = len(key) + 1 + len(description) + (2 if text else 0)
            if text.cell_len + piece > width - reserve:
                continue
            if text:
                text.append("  ")
            text.append(key, style="bold")
            text.append(f" {description}")
        text.append("  " if text else "")
        text.append(palette[0], style="bold")
        text.append(f" {palette[1]}")
        return text
