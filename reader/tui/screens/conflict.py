"""Choosing between the versions of an annotation changed in two places (a conflict)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from ...annotations import Annotation, Conflict
from ...text.terminal import safe_display
from ..highlights import one_line

NOTE_LINES_SHOWN = 6


def version_label(title: str, annotation: Annotation) -> Text:
    text = Text(title, style="bold")
    text.append(
        f"  {annotation.updated[:16].replace('T', ' ')} · {safe_display(annotation.author) or '—'}", style="dim"
    )
    text.append("\n  Tags: ")
    text.append(safe_display(", ".join(annotation.tags)) or "(none)")
    lines = annotation.note.split("\n") if annotation.note else ["(no note)"]
    for line in lines[:NOTE_LINES_SHOWN]:
        text.append("\n  " + safe_display(line))
    if len(lines) > NOTE_LINES_SHOWN:
        text.append(f"\n  … {len(lines) - NOTE_LINES_SHOWN} more lines", style="dim")
    return text


class ConflictDialog(ModalScreen[str | None]):
    """Returns "local" or the revision of the version to keep; None on escape (decide later)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Decide later")]
    DEFAULT_CSS = """
    ConflictDialog { align: center middle; }
    ConflictDialog > Vertical {
        width: 90%; max-width: 100; height: auto; max-height: 90%;
        border: round $warning; background: $surface; padding: 0 1;
    }
    ConflictDialog OptionList { height: auto; max-height: 30; }
    ConflictDialog .hint { color: $text-muted; }
    """

    def __init__(self, conflict: Conflict) -> None:
        super().__init__()
        self.conflict = conflict

    def compose(self) -> ComposeResult:
        conflict = self.conflict
        passage = (conflict.local or conflict.versions[0]).exact
        with Vertical():
            yield Label(Text("This annotation was changed in two places — keep which version?", style="bold"))
            yield Static(Text("„" + one_line(passage, 80) + "“", style="italic"))
            options = OptionList(id="versions")
            if conflict.local is not None:
                options.add_option(Option(version_label("This library (shown now)", conflict.local), id="local"))
            else:
                options.add_option(Option(Text("Deleted here — keep it deleted", style="bold"), id="local"))
            for version in conflict.versions:
                options.add_option(
                    Option(version_label("From elsewhere (import or another copy)", version), id=version.revision)
                )
            yield options
            yield Static(
                Text("enter keeps the highlighted version (the other becomes history) · escape decides later"),
                classes="hint",
            )

    def on_mount(self) -> None:
        versions = self.query_one("#versions", OptionList)
        versions.highlighted = 0
        versions.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
