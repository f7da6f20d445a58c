"""A one-line list of a screen's main keys, drawn once.

Textual's Footer rebuilds a widget per key whenever focus moves, which cost 0.3 s of every
comparison's opening; the screen's keys do not change, so a plain line serves. `?` lists all.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static


class KeyHints(Static):
    DEFAULT_CSS = """
    KeyHints { height: 1; background: $panel; color: $text-muted; padding: 0 1; }
    """

    def on_mount(self) -> None:
        hints = Text(no_wrap=True, overflow="ellipsis")
        for binding in self.screen.BINDINGS:
            if not isinstance(binding, Binding) or not binding.show or not binding.description:
                continue
            key = self.app.get_key_display(Binding(binding.key.split(",")[0], ""))
            if hints:
                hints.append("  ")
            hints.append(key, style="bold")
            hints.append(f" {binding.description}")
        hints.append("  ·  ctrl+p palette")
        self.update(hints)
