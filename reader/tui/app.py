"""The Textual app: wires the screens to the library; long work runs in workers."""

from __future__ import annotations

import asyncio
import signal
import threading
from collections.abc import Iterable, Sequence
from functools import partial

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.screen import Screen

from ..analysis.service import AnalysisProcess
from ..annotations import AnnotationStore, History, StoreError
from ..articles import Library, LibraryScan
from ..settings import Settings
from ..text.terminal import safe_display, safe_line
from .commands import screen_commands
from .messages import AnalysesReady, LibraryLoaded, OpenArticles, PipelineReady, StoreChanged
from .screens.compare import CompareScreen
from .screens.help import HelpScreen
from .screens.library import LibraryScreen
from .terminal_filter import TerminalSafeFilter

AUTO_ANALYSE_WORDS = 100_000  # longer articles are analysed on request only (CLI), not on open
STOP_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
STORE_CHECK_S = 1.0  # how often the app looks for changes other windows, the CLI or an import made
EXPORT_LABELS = {"json": "JSON", "w3c": "W3C Web Annotations (JSON-LD)", "markdown": "Markdown", "csv": "CSV"}


class ReaderApp(App[None]):
    TITLE = "reader"
    BINDINGS = [
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", show=False, priority=True),
        Binding("ctrl+c", "copy_or_quit", "Copy or quit", show=False, priority=True),
    ]

    def __init__(self, settings: Settings) -> None:
        super().__init__()
        self._terminal_filter = TerminalSafeFilter()
        self.settings = settings
        self.library = Library(settings.library, settings.library_index_dir)
        self.scan = LibraryScan((), ())
        self.library_screen = LibraryScreen()
        self.store: AnnotationStore | None = None
        self.history: History | None = None
        self.pipeline_info: dict | None = None  # the pipeline the analysis process loaded
        self.analyses: dict[str, object] = {}  # article id → ArticleAnalysis of its current version
        self.library_analysis = None  # reader.analysis.LibraryAnalysis over self.analyses
        self.analysis_status = "loading the language pipeline …"
        self.analysis_process: AnalysisProcess | None = None
        self._store_notices: set[str] = set()  # store problems and warnings already shown
        self._conflicts_shown = 0

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification passes the sanitiser: many quote titles, tags, notes or file names."""
        super().notify(safe_display(message), title=safe_line(title), severity=severity, timeout=timeout, markup=markup)

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then the one that keeps unsafe characters off the terminal."""
        return [*super().get_line_filters(), self._terminal_filter]

    def action_copy_or_quit(self) -> None:
        """ctrl+c copies what is selected (in a text field or on screen) and otherwise quits, on
        every screen and dialog: Textual's own ctrl+c only hints at ctrl+q, or copies nothing."""
        focused = self.focused
        selected = getattr(focused, "selected_text", "") if focused is not None else ""
        selected = selected or self.screen.get_selected_text() or ""
        if selected:
            self.copy_to_clipboard(selected)
        else:
            self.exit()

    def on_mount(self) -> None:
        self._handle_stop_signals(install=True)
        self.push_screen(self.library_screen)
        self.load_library()

    def _handle_stop_signals(self, *, install: bool) -> None:
        """SIGTERM, SIGHUP from a closed terminal or SIGINT end the app as quitting does (the analysis
        process stopped, nothing left behind), with the exit status 128 + the signal's number."""
        loop = asyncio.get_running_loop()
        for signum in STOP_SIGNALS:
            try:
                if install:
                    loop.add_signal_handler(signum, partial(self.exit, None, 128 + signum))
                else:
                    loop.remove_signal_handler(signum)
            except (NotImplementedError, RuntimeError, ValueError):  # not the main thread, or no such signal here
                return

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
            self._report_store_state()
            self.set_interval(STORE_CHECK_S, self.check_store)
        elif self.store is not None:
            self.check_store()
        if self.store is not None:
            self.library_screen.counts = self.store.counts_by_article()
        # After a refresh: a DataTable filled before its first layout measures its columns wrong.
        self.library_screen.call_after_refresh(self.library_screen.show_scan, message.scan, str(self.library.root))
        if message.store is not None:  # the first scan
            threading.Thread(target=self._read_cached_analyses, args=(message.scan.articles,), daemon=True).start()
            self.start_analysis()
        else:
            self.analyze(self.scan.articles)

    # ----- the annotation store, shared with other windows and processes ---------------------

    def check_store(self) -> None:
        """Pick up what other windows, the CLI or an import saved, and tell the screens.

        Cheap when nothing changed (one open of the change log); runs every STORE_CHECK_S.
        """
        store = self.store
        if store is None or not store.reload_if_changed():
            return
        self._report_store_state()
        for screen in self.screen_stack:
            screen.post_message(StoreChanged())

    def _report_store_state(self) -> None:
        """Problems (read-only), warnings (files not loaded) and new conflicts, each shown once."""
        store = self.store
        if store is None:
            return
        for problem in store.problems:
            if problem not in self._store_notices:
                self._store_notices.add(problem)
                self.notify(f"Annotations are read-only: {problem}", severity="error", timeout=20, markup=False)
        for warning in store.warnings:
            if warning not in self._store_notices:
                self._store_notices.add(warning)
                self.notify(f"Annotations: {warning}", severity="warning", timeout=20, markup=False)
        count = len(store.conflicts())
        if count > self._conflicts_shown:
            self.notify(
                f"{count} annotation{'s have' if count != 1 else ' has'} conflicting versions (both kept): "
                "the Notes panel (A) marks them, r there picks one",
                severity="warning",
                timeout=20,
                markup=False,
            )
        self._conflicts_shown = count

    # ----- the language pipeline and the analysis ---------------------------------------------

    def _read_cached_analyses(self, articles) -> None:
        """Show what was analysed before at once: the cache needs no spaCy, only the fingerprint."""
        from ..analysis import AnalysisCache
        from ..nlp.identity import peek_fingerprint

        fingerprint = peek_fingerprint(self.settings.model)
        if fingerprint is None:
            return
        cache = AnalysisCache(self.settings.cache_dir)
        found = {a.id: hit for a in articles if (hit := cache.get(a, fingerprint)) is not None}
        if found:
            try:
                self.call_from_thread(self.post_message, AnalysesReady(found, []))
            except RuntimeError:  # the app has quit
                pass

    def start_analysis(self) -> None:
        """spaCy loads and runs in its own process: the library and the texts stay responsive."""
        self.analysis_process = AnalysisProcess(
            self.settings.model, self.settings.cache_dir, self._pipeline_from_thread, self._report_analyses
        )

    def _pipeline_from_thread(self, info: dict | None, text: str | None) -> None:
        self._post_from_thread(PipelineReady(info, text or ""))

    def _post_from_thread(self, message: Message) -> None:
        """For the analysis relay thread; RuntimeError tells it the app has quit."""
        if not self.is_running:
            raise RuntimeError("the app has quit")
        self.call_from_thread(self.post_message, message)

    @property
    def pipeline_label(self) -> str:
        info = self.pipeline_info or {}
        return f"pipeline {info.get('name', '?')} {info.get('version', '')}".rstrip()

    def on_pipeline_ready(self, message: PipelineReady) -> None:
        if message.info is None:
            self.analysis_status = "no language pipeline: " + message.text
            self.notify(message.text, title="No analysis", severity="error", timeout=20, markup=False)
            self._analysis_changed()
            return
        self.pipeline_info = message.info
        if message.text:
            self.notify(message.text, severity="warning", timeout=15, markup=False)
        self.analysis_status = self.pipeline_label
        open_first = sorted(self.scan.articles, key=lambda a: a.id not in self._open_ids())
        self.analyze(open_first)

    def on_unmount(self) -> None:
        self._handle_stop_signals(install=False)
        if self.analysis_process is not None:
            self.analysis_process.close()

    def _open_ids(self) -> set[str]:
        screen = self.screen
        return {a.id for a in screen.open_articles()} if isinstance(screen, CompareScreen) else set()

    def analyze(self, articles) -> None:
        """Analyse (or read from the cache) the articles not analysed in their current version.

        Articles longer than AUTO_ANALYSE_WORDS are left alone: the reader can still read them,
        and the CLI (`reader analyze ID`) analyses them on request.
        """
        if self.pipeline_info is None or self.analysis_process is None:
            return  # queued when the pipeline is ready
        pending = [a for a in articles if getattr(self.analyses.get(a.id), "version", None) != a.version]
        too_long = [a for a in pending if a.words > AUTO_ANALYSE_WORDS]
        for article in too_long:
            self.notify(
                f"{article.id}: {article.words:,} words — too long to analyse in the app; `reader analyze {article.id}` does it",
                severity="warning",
                markup=False,
            )
        if self.analysis_process.submit([a for a in pending if a.words <= AUTO_ANALYSE_WORDS]):
            self.analysis_status = "analysing …"
            self._analysis_changed()

    def _report_analyses(self, batch: dict, failures: list[str]) -> None:
        """Called in the analysis thread: hand the results to the app's thread."""
        self._post_from_thread(AnalysesReady(batch, failures))

    def on_analyses_ready(self, message: AnalysesReady) -> None:
        from ..analysis import LibraryAnalysis

        for failure in message.failures:
            self.notify(failure, severity="error", markup=False)
        self.analyses.update(message.analyses)
        current = {a.id: a.version for a in self.scan.articles}
        usable = [a for article_id, a in self.analyses.items() if current.get(article_id, a.version) == a.version]
        self.library_analysis = LibraryAnalysis(usable)
        if self.pipeline_info is not None and self.analysis_process is not None and not self.analysis_process.busy:
            self.analysis_status = f"{self.pipeline_label} · {len(usable)} analysed"
        self._analysis_changed()

    def _analysis_changed(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, CompareScreen):
                screen.refresh_analysis()

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
        count = len(self.store)
        self.notify(f"Exported {count} annotation{'' if count == 1 else 's'} to {shown}", title="Export", markup=False)
