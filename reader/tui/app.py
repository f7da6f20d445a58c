"""The Textual app: wires the screens to the library; long work runs in workers."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from ..annotations import AnnotationStore, History, StoreError
from ..library import Library, LibraryScan
from ..settings import Settings
from .commands import screen_commands
from .messages import LibraryLoaded, OpenArticles
from .screens.compare import CompareScreen
from .screens.help import HelpScreen
from .screens.library import LibraryScreen


EXPORT_LABELS = {"json": "JSON", "w3c": "W3C Web Annotations (JSON-LD)", "markdown": "Markdown", "csv": "CSV"}


class ReaderApp(App[None]):
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self.settings = settings
        self.library = Library(settings.library)
        self.scan = LibraryScan((), ())
        self.library_screen = LibraryScreen()
        self.store: AnnotationStore | None = None
        self.history: History | None = None

    def on_mount(self) -> None:
        self.push_screen(self.library_screen)
        self.load_library()

    @work(thread=True, exclusive=True, group="library")
    def load_library(self) -> None:
        scan = self.library.scan()
        store = None
        if self.store is None:
            store = AnnotationStore.open(self.library, author=self.settings.author)
        self.post_message(LibraryLoaded(scan, store))

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.scan = message.scan
        if message.store is not None:
            self.store = message.store
            self.history = History(message.store)
            for problem in message.store.problems:
                self.notify(f"Annotations are read-only: {problem}", severity="error", timeout=20, markup=False)
        elif self.store is not None:
            self.store.reload_if_changed()
        if self.store is not None:
            self.library_screen.counts = self.store.counts_by_article()
        # After a refresh: a DataTable filled before its first layout measures its columns wrong.
        self.library_screen.call_after_refresh(self.library_screen.show_scan, message.scan, str(self.library.root))

    def action_reload_library(self) -> None:
        self.load_library()

    def on_open_articles(self, message: OpenArticles) -> None:
        by_id = {a.id: a for a in self.scan.articles}
        articles = [by_id[i] for i in message.article_ids if i in by_id]
        if articles:
            self.push_screen(CompareScreen(articles, list(self.scan.articles)))

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        yield from screen_commands(screen)
        for fmt, label in EXPORT_LABELS.items():
            yield SystemCommand(
                f"Export annotations as {label}",
                f"write every annotation to annotations/exports/<time>.{fmt}",
                partial(self.action_export, fmt),
            )

    def action_export(self, fmt: str) -> None:
        from ..exchange import export_to_directory

        if self.store is None:
            self.notify("The annotation store is still loading.", severity="warning")
            return
        try:
            path = export_to_directory(self.store, self.library, fmt)
        except StoreError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        shown = path.relative_to(self.library.root) if path.is_relative_to(self.library.root) else path
        self.notify(f"Exported {len(self.store)} annotations to {shown}", title="Export", markup=False)
