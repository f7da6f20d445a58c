"""Add an article by URL or file path: the work runs in a thread, progress shows as it goes."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from ...library import Library
from ...safe_text import safe_display


class AddArticleDialog(ModalScreen[str | None]):
    """Dismisses with the id of the added (or already present) article, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddArticleDialog { align: center middle; }
    AddArticleDialog > Vertical {
        width: 90%; max-width: 110; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AddArticleDialog #progress { color: $text-muted; height: auto; max-height: 8; }
    AddArticleDialog #progress.error { color: $error; }
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Add an article", style="bold"))
            yield Label("A web address (https://…), an .html/.txt/.md file, enter to add, escape to cancel")
            yield Input(placeholder="https://www.example.org/artikel  or  ~/Downloads/artikel.html", id="source")
            yield Static(Text(""), id="progress")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        if source and not self.busy:
            self.busy = True
            event.input.disabled = True
            self._show("Starting …")
            self.add(source)

    def _show(self, line: str, *, error: bool = False) -> None:
        progress = self.query_one("#progress", Static)
        progress.set_class(error, "error")
        progress.update(Text(safe_display(line)))

    @work(thread=True, exclusive=True, group="add-article")
    def add(self, source: str) -> None:
        from ...ingest import AddError, add_source  # trafilatura takes half a second to import

        def report(line: str) -> None:
            self.app.call_from_thread(self._show, line)

        try:
            result = add_source(self.library, source, progress=report)
        except AddError as error:
            self.app.call_from_thread(self._failed, f"{source}: {error}")
            return
        except OSError as error:  # the library folder vanished or became read-only meanwhile
            self.app.call_from_thread(self._failed, f"{source}: {error.strerror or error}")
            return
        if result.added:
            message = f"Added {result.article.id}: {result.article.display_title}"
        else:
            message = f"Already in the library as {result.duplicate_of} ({result.duplicate_reason})"
        message = "\n".join((message, *(f"Note: {note}" for note in result.notes)))
        self.app.call_from_thread(self._done, result.article.id, message)

    def _failed(self, line: str) -> None:
        self.busy = False
        self._show(line, error=True)
        box = self.query_one("#source", Input)
        box.disabled = False
        box.focus()

    def _done(self, article_id: str, message: str) -> None:
        self.app.notify(message, markup=False)  # notify sanitises
        self.dismiss(article_id)

    def action_cancel(self) -> None:
        if self.busy:
            self.app.notify("Still adding; it stops by itself at the timeout.", severity="warning")
            return
        self.dismiss(None)
