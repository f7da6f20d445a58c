"""`m`: edit an article's title, outlet, date and URL; saved as the file's front matter
(reader/articles/metadata_edit.py keeps the body, so its annotations stay anchored)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Input, Label, Static

from ...articles import Article
from ...articles.metadata_edit import MetadataDraft, MetadataError, draft_of, save, snapshot
from ...text.terminal import safe_line

FIELDS = (
    ("title", "Title", ""),
    ("source", "Outlet", "taz, Tagesschau, Der Spiegel …"),
    ("date", "Date (YYYY-MM-DD)", "2025-08-16"),
    ("url", "URL", "https://…"),
)


class MetadataEditor(ModalScreen[MetadataDraft | None]):
    """Returns the draft on ctrl+s (or enter in the last field), None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "cancel", "Cancel"),
        # as in the annotation editor: enter moves on as the key arrives, so a burst is not lost
        Binding("enter", "next_field", "Next field", show=False, priority=True),
    ]
    DEFAULT_CSS = """
    MetadataEditor { align: center middle; }
    MetadataEditor > Vertical {
        width: 90%; max-width: 90; height: auto; border: round $primary; background: $surface; padding: 0 1;
    }
    MetadataEditor .hint { color: $text-muted; margin-top: 1; }
    """

    def __init__(self, article: Article) -> None:
        super().__init__()
        self.article = article

    def compose(self) -> ComposeResult:
        draft = draft_of(self.article)
        with Vertical():
            yield Label(Text(safe_line(f"Article details — {self.article.path.name}"), style="bold"))
            for name, label, placeholder in FIELDS:
                yield Label(label)
                yield Input(getattr(draft, name), placeholder=placeholder, id=f"meta-{name}")
            yield Static(
                Text("enter: next field · ctrl+s saves into the file's front matter · escape cancels"),
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#meta-source", Input).focus()  # the outlet is what a sample most often lacks

    def _inputs(self) -> list[Input]:
        return [self.query_one(f"#meta-{name}", Input) for name, _, _ in FIELDS]

    def action_next_field(self) -> None:
        inputs = self._inputs()
        focused = self.focused
        if not isinstance(focused, Input) or focused not in inputs or focused is inputs[-1]:
            self.action_save()
            return
        self.set_focus(inputs[inputs.index(focused) + 1])

    def action_save(self) -> None:
        title, source, date, url = (box.value for box in self._inputs())
        self.dismiss(MetadataDraft(title, source, date, url))

    def action_cancel(self) -> None:
        self.dismiss(None)


def edit_metadata(screen: Screen[Any], article: Article, saved: Callable[[Article], None]) -> None:
    """Open the editor on `article`; a save writes the file and calls `saved` with the article as
    it reads now; a refusal (the file changed meanwhile, a bad date) is one line on screen."""
    try:
        read = snapshot(article)
    except MetadataError as error:
        screen.notify(str(error), severity="error", markup=False)
        return

    def done(draft: MetadataDraft | None) -> None:
        if draft is None:
            return
        try:
            updated = save(article, read, draft)
        except MetadataError as error:
            screen.notify(str(error), severity="error", timeout=15, markup=False)
            return
        screen.notify(f"Saved the details of {article.path.name} in its front matter.", markup=False)
        saved(updated)

    screen.app.push_screen(MetadataEditor(article), done)
