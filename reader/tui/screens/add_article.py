"""Add an article by URL or file path: the work runs in a thread, progress shows as it goes.

The thread is a daemon of its own, not a Textual thread worker: those run in asyncio's default
executor, which the interpreter waits for at exit, so a server sending one byte a second would
keep the process alive after quitting. Escape or Cancel stops a download at once (the fetch's
sockets are shut) and closes the dialog; quitting the app does the same.
"""

from __future__ import annotations

import threading
from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from ...articles import Library
from ...text.terminal import safe_display
from ..messages import ReloadLibrary


class AddArticleDialog(ModalScreen[str | None]):
    """Dismisses with the id of the added (or already present) article, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Cancel")]
    DEFAULT_CSS = """
    AddArticleDialog { align: center middle; }
    AddArticleDialog > Vertical {
        width: 90%; max-width: 110; height: auto;
        border: round $primary; background: $surface; padding: 0 1;
    }
    AddArticleDialog #progress { color: $text-muted; height: auto; max-height: 8; }
    AddArticleDialog #progress.error { color: $error; }
    AddArticleDialog .buttons { height: auto; align-horizontal: right; }
    """

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.busy = False
        self.closing = threading.Event()  # set once the dialog closes: the add stops, reports nothing
        self.thread: threading.Thread | None = None

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(Text("Add an article", style="bold"))
            yield Label("A web address (https://…), an .html/.txt/.md file, enter to add, escape to cancel")
            yield Input(placeholder="https://www.example.org/artikel  or  ~/Downloads/artikel.html", id="source")
            yield Static(Text(""), id="progress")
            with Horizontal(classes="buttons"):
                yield Button("Cancel", id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        source = event.value.strip()
        if source and not self.busy:
            self.busy = True
            event.input.disabled = True
            self._show("Starting …")
            self.thread = threading.Thread(target=self._add, args=(source,), name="reader-add-article", daemon=True)
            self.thread.start()

    def _show(self, line: str, *, error: bool = False) -> None:
        progress = self.query_one("#progress", Static)
        progress.set_class(error, "error")
        progress.update(Text(safe_display(line)))

    def _add(self, source: str) -> None:
        """The thread: add the source, then hand the outcome to the UI (unless it is gone)."""
        from ...ingest import AddError, add_source  # trafilatura takes half a second to import

        try:
            result = add_source(self.library, source, progress=self._report, cancel=self.closing)
        except AddError as error:
            self._to_ui(self._failed, f"{source}: {error}")
            return
        except OSError as error:  # the library folder vanished or became read-only meanwhile
            self._to_ui(self._failed, f"{source}: {error.strerror or error}")
            return
        except Exception as error:  # noqa: BLE001 - a page no rule foresaw must not end the app
            self._to_ui(self._failed, f"{source}: failed unexpectedly ({type(error).__name__}: {error})")
            return
        if result.added:
            message = f"Added {result.article.id}: {result.article.display_title}"
        else:
            message = f"Already in the library as {result.duplicate_of} ({result.duplicate_reason})"
        message = "\n".join((message, *(f"Note: {note}" for note in result.notes)))
        if self.closing.is_set() and result.added:  # cancelled after the file was written: say so
            self._to_app(f"{message} (the cancel came too late)")
            return
        self._to_ui(self._done, result.article.id, message)

    def _report(self, line: str) -> None:
        self._to_ui(self._show, line)

    def _to_ui(self, callback, *args: object) -> None:
        """Run on the app's thread; nothing once the dialog is closing or the app has quit."""
        if self.closing.is_set():
            return
        with suppress(RuntimeError):  # the app is no longer running
            self.app.call_from_thread(self._if_open, callback, *args)

    def _to_app(self, message: str) -> None:
        """Tell the app, the dialog being gone, and show the library as it now is."""
        try:
            self.app.call_from_thread(self.app.notify, message, markup=False)
            self.app.call_from_thread(self.app.post_message, ReloadLibrary())
        except RuntimeError:  # the app is no longer running
            pass

    def _if_open(self, callback, *args: object) -> None:
        if not self.closing.is_set():
            callback(*args)

    def _failed(self, line: str) -> None:
        self.busy = False
        self._show(line, error=True)
        box = self.query_one("#source", Input)
        box.disabled = False
        box.focus()

    def _done(self, article_id: str, message: str) -> None:
        self.app.notify(message, markup=False)
        self._close(article_id)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "cancel":
            self.action_cancel()

    def action_cancel(self) -> None:
        """Close at once; a download under way is cut off and nothing is saved."""
        self._close(None)

    def _close(self, article_id: str | None) -> None:
        self.closing.set()
        self.dismiss(article_id)

    def on_unmount(self) -> None:
        self.closing.set()  # the app is quitting with the dialog open: stop the download too
