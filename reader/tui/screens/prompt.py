"""Ask for one line of text (a code's name, parent, colour or rule): enter answers, escape cancels."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...text.terminal import safe_display


class PromptDialog(ModalScreen[str | None]):
    """Returns the text typed (possibly empty), or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    PromptDialog { align: center middle; }
    PromptDialog > Vertical {
        width: 80%; max-width: 90; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    PromptDialog .hint { color: $text-muted; }
    """

    def __init__(self, question: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.question, self.value, self.hint = question, value, hint

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text(safe_display(self.question), style="bold"))
            yield Input(value=self.value, id="prompt-input")
            yield Static(Text(safe_display(self.hint or "enter saves · escape cancels")), classes="hint")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)
